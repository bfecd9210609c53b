package storage

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"journal/journal"
)

func openTest(t *testing.T) *Store {
	t.Helper()
	now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "j.db"), func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func day(s string) journal.Date { d, _ := journal.ParseDate(s); return d }

func TestSessionsNumberedInDateOrder(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	for _, d := range []string{"2026-11-20", "2026-12-04", "2026-11-10"} {
		ses := journal.Session{Day: day(d)}
		if err := s.AddSession(ctx, &ses); err != nil {
			t.Fatal(err)
		}
		if d == "2026-11-10" && ses.Number != 1 {
			t.Errorf("an earlier session should become number 1, got %d", ses.Number)
		}
	}
	all, _ := s.Sessions(ctx)
	if len(all) != 3 || all[0].Day != day("2026-11-10") || all[2].Number != 3 {
		t.Fatalf("sessions: %+v", all)
	}
	next, err := s.NextSession(ctx, day("2026-11-25"))
	if err != nil || next.Number != 3 {
		t.Errorf("next: %+v %v", next, err)
	}
	last, err := s.LastSession(ctx, day("2026-11-25"))
	if err != nil || last.Number != 2 {
		t.Errorf("last: %+v %v", last, err)
	}
	if err := s.DeleteSession(ctx, all[0].ID); err != nil {
		t.Fatal(err)
	}
	if two, _ := s.SessionByNumber(ctx, 2); two.Day != day("2026-12-04") {
		t.Errorf("numbers close up after a delete: %+v", two)
	}
	if _, err := s.SessionByNumber(ctx, 3); !errors.Is(err, journal.ErrNotFound) {
		t.Errorf("want ErrNotFound, got %v", err)
	}
	if _, err := s.NextSession(ctx, day("2027-01-01")); !errors.Is(err, journal.ErrNotFound) {
		t.Errorf("want ErrNotFound, got %v", err)
	}
}

func TestDraftKeptUntilTheEntryIsSaved(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if _, _, err := s.Draft(ctx, "intention"); !errors.Is(err, journal.ErrNotFound) {
		t.Fatalf("no draft yet: %v", err)
	}
	if err := s.SaveDraft(ctx, "intention", `{"step":1}`); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDraft(ctx, "intention", `{"step":2}`); err != nil {
		t.Fatal(err)
	}
	data, _, err := s.Draft(ctx, "intention")
	if err != nil || data != `{"step":2}` {
		t.Fatalf("draft %q %v", data, err)
	}
	e := journal.Entry{Kind: journal.KindGuided, PromptSet: "intention", OccurredAt: s.now(),
		Answers: []journal.Answer{{Key: "hope", Question: "Hope?", Answer: "to rest"}}}
	if err := s.AddGuidedEntry(ctx, &e); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Draft(ctx, "intention"); !errors.Is(err, journal.ErrNotFound) {
		t.Errorf("draft should be gone after saving: %v", err)
	}
}

func TestDropDraft(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if err := s.DropDraft(ctx, "form:craving"); err != nil {
		t.Fatalf("dropping a draft that is not there: %v", err)
	}
	for _, key := range []string{"form:craving", "intention"} {
		if err := s.SaveDraft(ctx, key, `{}`); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DropDraft(ctx, "form:craving"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Draft(ctx, "form:craving"); !errors.Is(err, journal.ErrNotFound) {
		t.Errorf("draft still there: %v", err)
	}
	if _, _, err := s.Draft(ctx, "intention"); err != nil {
		t.Errorf("another draft went too: %v", err)
	}
}

// A saved entry's times are the ones the file keeps (whole seconds), so
// what a command prints on saving matches what show prints later.
func TestAddEntryTimesMatchTheFile(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 25, 20, 0, 0, 123456789, time.UTC)
	s, err := Open(ctx, filepath.Join(t.TempDir(), "j.db"), func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	e := journal.Entry{Kind: journal.KindNote, Body: "x", OccurredAt: now}
	if err := s.AddEntry(ctx, &e); err != nil {
		t.Fatal(err)
	}
	got, err := s.Entry(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name       string
		saved, got time.Time
	}{{"occurred_at", e.OccurredAt, got.OccurredAt}, {"created_at", e.CreatedAt, got.CreatedAt}, {"updated_at", e.UpdatedAt, got.UpdatedAt}} {
		if !c.saved.Equal(c.got) {
			t.Errorf("%s on saving %s, read back %s", c.name, c.saved.Format(time.RFC3339Nano), c.got.Format(time.RFC3339Nano))
		}
	}
}

// A journal from before deleting a session unlinked its entries gets them
// unlinked when it is opened: no entry points at a deleted session.
func TestOpenUnlinksEntriesOfDeletedSessions(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := Open(ctx, path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	ses := journal.Session{Day: journal.DateOf(fixedNow())}
	if err := s.AddSession(ctx, &ses); err != nil {
		t.Fatal(err)
	}
	e := journal.Entry{Kind: journal.KindGuided, OccurredAt: fixedNow(), Body: "after", SessionID: &ses.ID}
	if err := s.AddEntry(ctx, &e); err != nil {
		t.Fatal(err)
	}
	// As an older version left it: the session deleted, the link kept.
	if _, err := s.db.Exec(`UPDATE sessions SET deleted_at = updated_at; PRAGMA user_version = 5`); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(ctx, path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Entry(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.SessionID != nil || got.Body != "after" {
		t.Errorf("entry after the upgrade: session %v, body %q; want unlinked and kept", got.SessionID, got.Body)
	}
}

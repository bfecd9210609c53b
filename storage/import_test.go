package storage

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"journal/journal"
)

// longNotes are n notes of about 2 KB each, the i-th saying "w<i>x".
func longNotes(n int) []journal.Entry {
	at := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	var es []journal.Entry
	for i := range n {
		t := at.Add(time.Duration(i) * time.Hour)
		es = append(es, journal.Entry{UUID: fmt.Sprintf("55555555-0000-4000-8000-%012d", i), Kind: journal.KindNote,
			Day: journal.DateOf(t), OccurredAt: t, CreatedAt: t, UpdatedAt: t,
			Body: fmt.Sprintf("w%dx ", i) + strings.Repeat("a quiet evening with tea ", 80)})
	}
	return es
}

// The search text of an import is written in batches: every entry is
// found, the first batch's and the last's, and an import that fails after
// a batch was written leaves neither entries nor search rows behind.
func TestImportEachWritesSearchTextInBatchesAndRollsBackWhole(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	es := longNotes(300) // 600 KB of text: several batches
	boom := errors.New("the file broke")
	_, err := s.ImportEach(ctx, false, func(im *Importer) error {
		for _, e := range es {
			if err := im.Entry(e); err != nil {
				return err
			}
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("ImportEach = %v, want the feed's error", err)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM entries) + (SELECT count(*) FROM entries_fts)
		+ (SELECT count(*) FROM entries_trigram)`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("after a failed import: %d rows (%v), want none", n, err)
	}
	res, err := s.ImportEach(ctx, false, func(im *Importer) error {
		for _, e := range es {
			if err := im.Entry(e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil || res.Added != len(es) {
		t.Fatalf("ImportEach = %+v, %v", res, err)
	}
	for _, i := range []int{0, 1, 150, 299} {
		hits, err := s.Search(ctx, fmt.Sprintf("w%dx", i), 5)
		if err != nil || len(hits) != 1 {
			t.Errorf("search w%dx: %d hits, %v", i, len(hits), err)
		}
	}
	if hits, err := s.Search(ctx, "evening", 1000); err != nil || len(hits) != len(es) {
		t.Errorf("search evening: %d hits, %v, want %d", len(hits), err, len(es))
	}
}

// One check-in a day: of two copies of a day's check-in the one updated
// last is the live one, whether the journal was empty before the import
// or not.
func TestImportKeepsTheLaterOfTwoCheckinsOfADay(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 11, 20, 21, 0, 0, 0, time.UTC)
	checkin := func(n int, body string, updated time.Time) journal.Entry {
		mood := 5
		return journal.Entry{UUID: fmt.Sprintf("66666666-0000-4000-8000-%012d", n), Kind: journal.KindCheckin,
			Day: journal.DateOf(at), OccurredAt: at.Add(time.Duration(n) * time.Minute), Body: body,
			Checkin: &journal.Checkin{Mood: &mood}, CreatedAt: at, UpdatedAt: updated}
	}
	for _, before := range []bool{false, true} {
		s := openTemp(t)
		if before {
			if _, err := s.Import(ctx, journal.Records{Entries: longNotes(1)}, false); err != nil {
				t.Fatal(err)
			}
		}
		recs := journal.Records{Entries: []journal.Entry{
			checkin(1, "first, updated last", at.Add(2*time.Hour)),
			checkin(2, "second, older", at.Add(time.Hour)),
			checkin(3, "third, newest of all", at.Add(3*time.Hour)),
		}}
		res, err := s.Import(ctx, recs, false)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.CheckinOn(ctx, journal.DateOf(at))
		if err != nil || got.Body != "third, newest of all" || res.Added != 2 || res.Unchanged != 1 {
			t.Errorf("journal with entries before: %v: live check-in %q (%v), import %+v", before, got.Body, err, res)
		}
	}
}

package storage

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"journal/journal"
)

func sampleRecords(t *testing.T) journal.Records {
	t.Helper()
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	day := func(s string) journal.Date { d, _ := journal.ParseDate(s); return d }
	mood, sleep, drinks, crav := 6, 7.5, 0.0, 4
	mins := 15
	sid := int64(7) // ids in a document are its own; import maps them
	return journal.Records{
		Sessions: []journal.Session{{ID: 7, UUID: "44444444-0000-4000-8000-000000000001", Day: day("2026-11-22"),
			Setting: "clinic", CreatedAt: at("2026-11-01T10:00:00Z"), UpdatedAt: at("2026-11-01T10:00:00Z")}},
		Entries: []journal.Entry{
			{UUID: "11111111-0000-4000-8000-000000000001", Kind: journal.KindNote, Day: day("2026-11-20"),
				OccurredAt: at("2026-11-20T21:30:00Z"), Body: "Walked instead. #walk", Tags: []string{"walk"},
				CreatedAt: at("2026-11-20T21:30:00Z"), UpdatedAt: at("2026-11-20T21:30:00Z")},
			{UUID: "11111111-0000-4000-8000-000000000002", Kind: journal.KindCraving, Day: day("2026-11-21"),
				OccurredAt: at("2026-11-21T19:00:00Z"), Body: "after the call",
				Craving: &journal.Craving{Intensity: 7, Triggers: []string{"stress"}, Coping: []string{"tea"},
					Outcome: journal.OutcomeResisted, Minutes: &mins, Where: "home"},
				CreatedAt: at("2026-11-21T19:00:00Z"), UpdatedAt: at("2026-11-21T19:00:00Z")},
			{UUID: "11111111-0000-4000-8000-000000000003", Kind: journal.KindCheckin, Day: day("2026-11-21"),
				OccurredAt: at("2026-11-21T21:00:00Z"), Body: "ok day",
				Checkin:   &journal.Checkin{Mood: &mood, SleepHours: &sleep, Drinks: &drinks, Craving: &crav},
				CreatedAt: at("2026-11-21T21:00:00Z"), UpdatedAt: at("2026-11-21T21:00:00Z")},
			{UUID: "11111111-0000-4000-8000-000000000004", Kind: journal.KindGuided, Day: day("2026-11-22"),
				OccurredAt: at("2026-11-22T10:00:00Z"), PromptSet: "reflection", SessionID: &sid,
				Answers:   []journal.Answer{{Key: "noticed", Question: "What did you notice?", Answer: "Calm"}},
				CreatedAt: at("2026-11-22T10:00:00Z"), UpdatedAt: at("2026-11-22T10:00:00Z")},
		},
		DrinkDays: []journal.DrinkDay{
			{Day: day("2026-11-20"), UUID: "22222222-0000-4000-8000-000000000001", StandardDrinks: 2.5,
				FirstRecordedAt: at("2026-11-22T09:00:00Z"), Backfilled: true, UpdatedAt: at("2026-11-22T09:00:00Z")},
			{Day: day("2026-11-21"), UUID: "22222222-0000-4000-8000-000000000002", StandardDrinks: 0,
				FirstRecordedAt: at("2026-11-21T21:00:00Z"), UpdatedAt: at("2026-11-21T21:00:00Z")},
		},
		Calls: []journal.Call{{UUID: "33333333-0000-4000-8000-000000000001", Day: day("2026-11-18"), Note: "weekly",
			CreatedAt: at("2026-11-18T18:00:00Z"), UpdatedAt: at("2026-11-18T18:00:00Z")}},
	}
}

func exportJSON(t *testing.T, s *Store) string {
	t.Helper()
	recs, _, err := s.Records(context.Background(), RecordFilter{IncludePrivate: true})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.MarshalIndent(recs, "", " ")
	return string(b)
}

func TestImportRoundTripAndIdempotence(t *testing.T) {
	ctx := context.Background()
	a := openTemp(t)
	res, err := a.Import(ctx, sampleRecords(t), false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 8 || res.Updated != 0 {
		t.Fatalf("first import = %+v, want 8 added", res)
	}
	first := exportJSON(t, a)

	// Export → import into an empty journal → export again: the same records.
	recs, _, _ := a.Records(ctx, RecordFilter{IncludePrivate: true})
	b := openTemp(t)
	if _, err := b.Import(ctx, recs, false); err != nil {
		t.Fatal(err)
	}
	if second := exportJSON(t, b); second != first {
		t.Errorf("round trip changed the records:\n%s\n---\n%s", first, second)
	}

	// The same file twice adds nothing.
	res, err = b.Import(ctx, recs, false)
	if err != nil || res.Added != 0 || res.Updated != 0 || res.Unchanged != 8 {
		t.Errorf("second import = %+v, %v; want all unchanged", res, err)
	}
	// The reflection is linked to the imported session.
	linked, err := b.SessionEntries(ctx, 1)
	if err != nil || len(linked) != 1 || linked[0].PromptSet != "reflection" {
		t.Errorf("session 1 entries = %+v, %v", linked, err)
	}
	// Imported cravings are searchable by their details.
	hits, err := b.Search(ctx, "stress", 0)
	if err != nil || len(hits) != 1 || hits[0].Entry.Craving == nil || hits[0].Entry.Craving.Intensity != 7 {
		t.Errorf("search stress = %+v, %v", hits, err)
	}
}

func TestImportKeepsTheNewerCopy(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	recs := sampleRecords(t)
	if _, err := s.Import(ctx, recs, false); err != nil {
		t.Fatal(err)
	}
	later := sampleRecords(t)
	later.Entries[0].Body = "Edited on the laptop"
	later.Entries[0].UpdatedAt = later.Entries[0].UpdatedAt.Add(time.Hour)
	older := sampleRecords(t)
	older.Entries[1].Craving.Intensity = 2
	older.Entries[1].UpdatedAt = older.Entries[1].UpdatedAt.Add(-time.Hour)
	later.Entries[1] = older.Entries[1]
	later.DrinkDays[0].StandardDrinks = 3
	later.DrinkDays[0].UpdatedAt = later.DrinkDays[0].UpdatedAt.Add(time.Hour)

	// A dry run reports and writes nothing.
	res, err := s.Import(ctx, later, true)
	if err != nil || res.Updated != 2 {
		t.Fatalf("dry run = %+v, %v; want 2 updated", res, err)
	}
	if e, _ := s.Entry(ctx, 1); e.Body != "Walked instead. #walk" {
		t.Fatal("a dry run changed the journal")
	}
	if _, err := s.Import(ctx, later, false); err != nil {
		t.Fatal(err)
	}
	if e, _ := s.Entry(ctx, 1); e.Body != "Edited on the laptop" {
		t.Errorf("newer body not taken: %q", e.Body)
	}
	// Search follows the edit: the new words are found, the old are not.
	if hits, err := s.Search(ctx, "laptop", 0); err != nil || len(hits) != 1 {
		t.Errorf("search laptop = %d hits, %v; want the edited entry", len(hits), err)
	}
	if hits, _ := s.Search(ctx, "instead", 0); len(hits) != 0 {
		t.Errorf("search instead = %d hits after the edit, want 0", len(hits))
	}
	if e, _ := s.Entry(ctx, 2); e.Craving.Intensity != 7 {
		t.Errorf("an older copy replaced the newer one: intensity %d", e.Craving.Intensity)
	}
	d, _ := s.DrinkDay(ctx, later.DrinkDays[0].Day)
	if d.StandardDrinks != 3 || !d.Backfilled {
		t.Errorf("drink day = %+v", d)
	}
}

func TestImportRefusesABadRecordAndWritesNothing(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	recs := sampleRecords(t)
	recs.Entries[1].Craving.Intensity = 12
	if _, err := s.Import(ctx, recs, false); err == nil || !journal.IsInput(err) {
		t.Fatalf("err = %v, want an input error", err)
	}
	if n := exportJSON(t, s); n != `{
 "sessions": [],
 "entries": [],
 "drink_days": [],
 "calls": []
}` {
		t.Errorf("something was written: %s", n)
	}
}

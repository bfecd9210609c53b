package storage

import (
	"context"
	"path/filepath"
	"testing"

	"journal/journal"
)

// Everything read through a snapshot comes from one moment: an entry and a
// drinking day saved by another process half-way through are in none of it.
func TestSnapshotReadsOneMoment(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := Open(ctx, path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	other, err := Open(ctx, path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	add := func(st *Store, body string) {
		e := journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow(), Body: body}
		if err := st.AddEntry(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	add(s, "before")
	day := journal.DateOf(fixedNow())
	err = s.Snapshot(ctx, func(v *Store) error {
		first, err := v.Entries(ctx, journal.Filter{})
		if err != nil {
			return err
		}
		add(other, "meanwhile")
		if _, err := other.SetDrinks(ctx, []journal.Date{day}, 2, false, ""); err != nil {
			t.Fatal(err)
		}
		second, err := v.Entries(ctx, journal.Filter{})
		if err != nil {
			return err
		}
		days, err := v.DrinkDays(ctx, day, day)
		if err != nil {
			return err
		}
		if len(first) != 1 || len(second) != 1 || len(days) != 0 {
			t.Errorf("inside the snapshot: %d then %d entries and %d drinking days, want 1, 1 and 0", len(first), len(second), len(days))
		}
		if err := v.AddEntry(ctx, &journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow(), Body: "x"}); err == nil {
			t.Error("a write through the snapshot succeeded")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	recs, _, err := s.Records(ctx, RecordFilter{IncludePrivate: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs.Entries) != 2 || len(recs.DrinkDays) != 1 {
		t.Errorf("after the snapshot: %d entries, %d drinking days; want 2 and 1", len(recs.Entries), len(recs.DrinkDays))
	}
}

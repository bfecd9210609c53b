package storage

import (
	"context"
	"slices"

	"journal/journal"
)

// RecordFilter picks what an export holds. Zero dates are open ends.
type RecordFilter struct {
	Since, Until   journal.Date
	Kinds          []journal.Kind
	IncludePrivate bool
}

// Records reads the live records of a window with all their details, and
// how many private entries were left out. All of it comes from one read
// transaction: a write made meanwhile by another process is in it
// entirely or not at all.
func (s *Store) Records(ctx context.Context, f RecordFilter) (recs journal.Records, private int, err error) {
	err = s.Snapshot(ctx, func(v *Store) error {
		recs, private, err = v.records(ctx, f)
		return err
	})
	return recs, private, err
}

func (s *Store) records(ctx context.Context, f RecordFilter) (journal.Records, int, error) {
	var recs journal.Records
	entries, err := s.Entries(ctx, journal.Filter{Since: f.Since, Until: f.Until})
	if err != nil {
		return recs, 0, err
	}
	private := 0
	recs.Entries = []journal.Entry{}
	for _, e := range entries {
		if len(f.Kinds) > 0 && !slices.Contains(f.Kinds, e.Kind) {
			continue
		}
		if e.Private && !f.IncludePrivate {
			private++
			continue
		}
		recs.Entries = append(recs.Entries, e)
	}
	// Entries read the answers of guided entries; any other entry's come
	// in one more query, not one per entry.
	others := slices.DeleteFunc(slices.Clone(journal.Kinds), func(k journal.Kind) bool { return k == journal.KindGuided })
	if err := s.attachAnswers(ctx, recs.Entries, others...); err != nil {
		return recs, 0, err
	}
	// Oldest first reads naturally in a document.
	slices.Reverse(recs.Entries)
	var linked []int64
	for _, e := range recs.Entries {
		if e.SessionID != nil {
			linked = append(linked, *e.SessionID)
		}
	}
	rest, err := s.otherRecords(ctx, f, linked)
	if err != nil {
		return recs, 0, err
	}
	rest.Entries = recs.Entries
	return rest, private, nil
}

// otherRecords reads the records of a window that are not entries: drinking
// days, calls, and the sessions in the window or linked from an exported
// entry (linked holds their ids).
func (s *Store) otherRecords(ctx context.Context, f RecordFilter, linked []int64) (journal.Records, error) {
	var recs journal.Records
	from, to := f.Since, f.Until
	if from.IsZero() {
		from, _ = journal.ParseDate("0001-01-01")
	}
	if to.IsZero() {
		to, _ = journal.ParseDate("9999-12-31")
	}
	var err error
	if recs.DrinkDays, err = s.DrinkDays(ctx, from, to); err != nil {
		return recs, err
	}
	if recs.DrinkDays == nil {
		recs.DrinkDays = []journal.DrinkDay{}
	}
	calls, err := s.Calls(ctx)
	if err != nil {
		return recs, err
	}
	recs.Calls = []journal.Call{}
	for _, c := range calls {
		if !c.Day.Before(from) && !c.Day.After(to) {
			recs.Calls = append(recs.Calls, c)
		}
	}
	slices.Reverse(recs.Calls)
	// Sessions in the window, and any an exported entry links to.
	sessions, err := s.Sessions(ctx)
	if err != nil {
		return recs, err
	}
	recs.Sessions = []journal.Session{}
	for _, ses := range sessions {
		if slices.Contains(linked, ses.ID) || (!ses.Day.Before(from) && !ses.Day.After(to)) {
			recs.Sessions = append(recs.Sessions, ses)
		}
	}
	return recs, nil
}

// IsEmpty reports whether the journal holds no records at all, deleted
// ones included.
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	var n int
	err := s.rd().QueryRowContext(ctx, `SELECT (SELECT count(*) FROM entries) + (SELECT count(*) FROM drink_days)
		+ (SELECT count(*) FROM sessions) + (SELECT count(*) FROM calls)`).Scan(&n)
	return n == 0, err
}

package storage

import (
	"context"
	"database/sql"

	"journal/journal"
)

// What a report for the coach reads besides SharedStatsInput. Private
// entries are never returned.

// SharedCheckinDays lists the days from..to with a live check-in that is
// not private, in date order.
func (s *Store) SharedCheckinDays(ctx context.Context, from, to journal.Date) ([]journal.Date, error) {
	var out []journal.Date
	err := s.eachRow(ctx, func(r *sql.Rows) error {
		var day string
		if err := r.Scan(&day); err != nil {
			return err
		}
		out = append(out, dayOf(day))
		return nil
	}, `SELECT DISTINCT day FROM entries
		WHERE kind = 'checkin' AND deleted_at IS NULL AND private = 0 AND day BETWEEN ? AND ?
		ORDER BY day`, from.String(), to.String())
	return out, err
}

// SharedGuidedEntries lists the live guided entries from..to that are not
// private, oldest first, with their answers.
func (s *Store) SharedGuidedEntries(ctx context.Context, from, to journal.Date) ([]journal.Entry, error) {
	all, err := s.Entries(ctx, journal.Filter{Since: from, Until: to, Kind: journal.KindGuided})
	if err != nil {
		return nil, err
	}
	var out []journal.Entry
	for i := len(all) - 1; i >= 0; i-- {
		if !all[i].Private {
			out = append(out, all[i])
		}
	}
	return out, s.withAnswers(ctx, out)
}

// SharedSessionEntries lists the live entries linked to a session that are
// not private, oldest first, with their answers.
func (s *Store) SharedSessionEntries(ctx context.Context, sessionID int64) ([]journal.Entry, error) {
	all, err := s.SessionEntries(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	var out []journal.Entry
	for _, e := range all {
		if !e.Private {
			out = append(out, e)
		}
	}
	return out, nil
}

func (s *Store) withAnswers(ctx context.Context, es []journal.Entry) error {
	for i := range es {
		a, err := s.answers(ctx, es[i].ID)
		if err != nil {
			return err
		}
		es[i].Answers = a
	}
	return nil
}

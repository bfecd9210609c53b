package storage

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"journal/journal"
	"journal/journal/stats"
)

// entryPage is how many entries StreamRecords reads at a time.
const entryPage = 1000

// RecordStream is what StreamExport hands its write: every record of the
// window but the entries, which come a page at a time through Each.
type RecordStream struct {
	// Records holds the drinking days, calls and sessions; Entries is nil.
	Records journal.Records
	// Linked is the window's entries linked to a session, oldest first,
	// with all their details: a document names them under their session
	// before it reaches them. There are a few for each session.
	Linked []journal.Entry
	// Each hands the entries of the window to fn oldest first (by day,
	// time, id), with all their details and answers, entryPage at a time.
	Each func(fn func(journal.Entry) error) error
	// EachOfSets is Each for the guided entries of the given prompt sets
	// only (questionnaires, say): a few queries however long the journal.
	EachOfSets func(sets []string, fn func(journal.Entry) error) error
}

// StreamRecords is Records for a document written as it is read. Within one
// read transaction it reads every record but the entries, then calls write
// with them (Entries left nil) and with each, which hands the entries of
// the window to fn oldest first, with all their details and answers, a page
// of entryPage at a time: an export of years never holds them all. private
// is how many private entries were left out.
func (s *Store) StreamRecords(ctx context.Context, f RecordFilter,
	write func(recs journal.Records, each func(fn func(journal.Entry) error) error) error) (private int, err error) {
	return s.StreamExport(ctx, f, func(r RecordStream) error { return write(r.Records, r.Each) })
}

// StreamExport is StreamRecords with the entries linked to sessions and a
// way to read only some prompt sets' entries (see RecordStream), all in
// one read transaction. private is how many private entries were left out.
func (s *Store) StreamExport(ctx context.Context, f RecordFilter, write func(RecordStream) error) (private int, err error) {
	err = s.Snapshot(ctx, func(v *Store) error {
		where, args := recordWhere(f, f.IncludePrivate)
		if !f.IncludePrivate {
			pw, pargs := recordWhere(f, true)
			if err := v.rd().QueryRowContext(ctx, `SELECT count(*) FROM entries e WHERE `+pw+` AND e.private = 1`,
				pargs...).Scan(&private); err != nil {
				return err
			}
		}
		var linked []journal.Entry
		if err := v.eachEntry(ctx, where+" AND e.session_id IS NOT NULL", args, func(e journal.Entry) error {
			linked = append(linked, e)
			return nil
		}); err != nil {
			return err
		}
		var ids []int64
		for _, e := range linked {
			if !slices.Contains(ids, *e.SessionID) {
				ids = append(ids, *e.SessionID)
			}
		}
		recs, err := v.otherRecords(ctx, f, ids)
		if err != nil {
			return err
		}
		return write(RecordStream{
			Records: recs,
			Linked:  linked,
			Each:    func(fn func(journal.Entry) error) error { return v.eachEntry(ctx, where, args, fn) },
			EachOfSets: func(sets []string, fn func(journal.Entry) error) error {
				if len(sets) == 0 {
					return nil
				}
				w := where + " AND e.kind = ? AND e.prompt_set IN (?" + strings.Repeat(", ?", len(sets)-1) + ")"
				a := append(slices.Clip(args), string(journal.KindGuided))
				for _, set := range sets {
					a = append(a, set)
				}
				return v.eachEntry(ctx, w, a, fn)
			},
		})
	})
	return private, err
}

// recordWhere is the condition on entries e of an export's window and
// kinds; private entries are in it only with withPrivate.
func recordWhere(f RecordFilter, withPrivate bool) (string, []any) {
	where := []string{"e.deleted_at IS NULL"}
	var args []any
	if !f.Since.IsZero() {
		where, args = append(where, "e.day >= ?"), append(args, f.Since.String())
	}
	if !f.Until.IsZero() {
		where, args = append(where, "e.day <= ?"), append(args, f.Until.String())
	}
	if len(f.Kinds) > 0 {
		where = append(where, "e.kind IN (?"+strings.Repeat(", ?", len(f.Kinds)-1)+")")
		for _, k := range f.Kinds {
			args = append(args, string(k))
		}
	}
	if !withPrivate {
		where = append(where, "e.private = 0")
	}
	return strings.Join(where, " AND "), args
}

// eachEntry hands the entries matching where to fn in the order of the
// entries_day index (day, time, id), a page at a time: each page after the
// first starts after the last entry handed on.
func (s *Store) eachEntry(ctx context.Context, where string, args []any, fn func(journal.Entry) error) error {
	var last int64
	for {
		w, a := where, args
		if last != 0 {
			w += " AND (e.day, e.occurred_at, e.id) > (SELECT day, occurred_at, id FROM entries WHERE id = ?)"
			a = append(slices.Clip(a), last)
		}
		es, err := s.entryPage(ctx, `SELECT `+entryColumns+` FROM entries e WHERE `+w+
			` ORDER BY e.day, e.occurred_at, e.id LIMIT `+strconv.Itoa(entryPage), a...)
		if err != nil {
			return err
		}
		for _, e := range es {
			if err := fn(e); err != nil {
				return err
			}
		}
		if len(es) < entryPage {
			return nil
		}
		last = es[len(es)-1].ID
	}
}

// ExportSummaryInput is StatsInput (SharedStatsInput when shared) with only
// what an export's summary and charts use: the drinking days, the cravings
// by day, check-ins and sessions. The craving totals by trigger, coping
// strategy and hour are left empty: over years they cost more to read than
// the rest of the summary.
func (s *Store) ExportSummaryInput(ctx context.Context, from, to journal.Date, heavy stats.Heavy, shared bool) (stats.Input, error) {
	in := stats.Input{From: from, To: to, Heavy: heavy}
	reads := summaryReads(from, to)
	if shared {
		reads = sharedReads()
	}
	var err error
	if in.CravingDays, err = s.cravingDays(ctx, reads.days, from.AddDays(-stats.CompareDays).String(), to.String()); err != nil {
		return in, err
	}
	return in, s.statsDays(ctx, &in, from.String(), to.String(), shared)
}

// entryPage runs a query selecting entryColumns and returns its entries
// with their details and every entry's answers, as queryEntries and
// attachAnswers do, with one query for the answers of every kind.
func (s *Store) entryPage(ctx context.Context, q string, args ...any) ([]journal.Entry, error) {
	es, err := s.scanEntries(ctx, scanEntry, q, args...)
	if err != nil {
		return nil, err
	}
	if err := s.attachDetails(ctx, s.rd(), es); err != nil {
		return nil, err
	}
	return es, s.attachAnswers(ctx, es)
}

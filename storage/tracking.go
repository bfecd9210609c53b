package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"journal/journal"
	"journal/journal/stats"
)

// queryer is what both *sql.DB and *sql.Tx offer for reads.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// AddCraving saves a craving entry: e.Kind must be craving and e.Craving
// set (normalised and validated by the caller). It fills in e's id, uuid
// and stamps.
func (s *Store) AddCraving(ctx context.Context, e *journal.Entry) error {
	if e.Kind != journal.KindCraving || e.Craving == nil {
		return fmt.Errorf("AddCraving: entry is not a craving")
	}
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.insertCraving(ctx, tx, e) })
}

// insertCraving writes a craving entry and its detail rows inside tx.
func (s *Store) insertCraving(ctx context.Context, tx execer, e *journal.Entry) error {
	c := e.Craving
	if err := s.insertEntry(ctx, tx, e, c.DetailsText()); err != nil {
		return err
	}
	return s.writeCravingDetails(ctx, tx, e.ID, c, true)
}

// writeCravingDetails (re)writes the detail rows of craving entry id. For
// a fresh entry there are no old rows to clear.
func (s *Store) writeCravingDetails(ctx context.Context, tx execer, id int64, c *journal.Craving, fresh bool) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO cravings
		(entry_id, intensity, outcome, minutes, place, company, thoughts) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (entry_id) DO UPDATE SET intensity = excluded.intensity, outcome = excluded.outcome,
			minutes = excluded.minutes, place = excluded.place, company = excluded.company, thoughts = excluded.thoughts`,
		id, c.Intensity, string(c.Outcome), c.Minutes, c.Where, c.With, c.Thoughts); err != nil {
		return writeErr(s.path, err)
	}
	for _, l := range []struct {
		table, col string
		words      []string
	}{{"craving_triggers", "trigger", c.Triggers}, {"craving_feelings", "feeling", c.Feelings}, {"craving_coping", "strategy", c.Coping}} {
		if !fresh {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+l.table+` WHERE entry_id = ?`, id); err != nil {
				return writeErr(s.path, err)
			}
		}
		for _, w := range l.words {
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO `+l.table+` (entry_id, `+l.col+`) VALUES (?, ?)`, id, w); err != nil {
				return writeErr(s.path, err)
			}
		}
	}
	return nil
}

// attachDetails loads the craving or check-in details of each entry, a few
// queries for the whole list rather than a few per entry.
func (s *Store) attachDetails(ctx context.Context, q queryer, es []journal.Entry) error {
	byID := map[int64]*journal.Entry{}
	var cravings, checkins []int64
	for i := range es {
		switch es[i].Kind {
		case journal.KindCraving:
			cravings = append(cravings, es[i].ID)
		case journal.KindCheckin:
			checkins = append(checkins, es[i].ID)
		default:
			continue
		}
		byID[es[i].ID] = &es[i]
	}
	if len(cravings) > 0 {
		if err := readCravings(ctx, q, idList(cravings), byID); err != nil {
			return fmt.Errorf("read cravings: %w", err)
		}
	}
	if len(checkins) > 0 {
		if err := readCheckins(ctx, q, idList(checkins), byID); err != nil {
			return fmt.Errorf("read check-ins: %w", err)
		}
	}
	return nil
}

// idList is ids as a JSON array, for "IN (SELECT value FROM json_each(?))".
func idList(ids []int64) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprint(&b, id)
	}
	b.WriteByte(']')
	return b.String()
}

const inIDs = ` IN (SELECT value FROM json_each(?))`

// readCravings fills in the Craving of each listed entry that has one. An
// entry of kind craving without details is left as it is.
func readCravings(ctx context.Context, q queryer, ids string, byID map[int64]*journal.Entry) error {
	rows, err := q.QueryContext(ctx, `SELECT entry_id, intensity, outcome, minutes, place, company, thoughts
		FROM cravings WHERE entry_id`+inIDs, ids)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id      int64
			outcome string
			minutes sql.NullInt64
			c       = journal.Craving{Triggers: []string{}, Feelings: []string{}, Coping: []string{}}
		)
		if err := rows.Scan(&id, &c.Intensity, &outcome, &minutes, &c.Where, &c.With, &c.Thoughts); err != nil {
			return err
		}
		c.Outcome = journal.Outcome(outcome)
		if minutes.Valid {
			m := int(minutes.Int64)
			c.Minutes = &m
		}
		if e := byID[id]; e != nil {
			e.Craving = &c
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	for _, l := range []struct {
		table, col string
		list       func(*journal.Craving) *[]string
	}{
		{"craving_triggers", "trigger", func(c *journal.Craving) *[]string { return &c.Triggers }},
		{"craving_feelings", "feeling", func(c *journal.Craving) *[]string { return &c.Feelings }},
		{"craving_coping", "strategy", func(c *journal.Craving) *[]string { return &c.Coping }},
	} {
		rows, err := q.QueryContext(ctx, `SELECT entry_id, `+l.col+` FROM `+l.table+
			` WHERE entry_id`+inIDs+` ORDER BY entry_id, `+l.col, ids)
		if err != nil {
			return err
		}
		for rows.Next() {
			var (
				id int64
				w  string
			)
			if err := rows.Scan(&id, &w); err != nil {
				rows.Close()
				return err
			}
			if e := byID[id]; e != nil && e.Craving != nil {
				p := l.list(e.Craving)
				*p = append(*p, w)
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// readCheckins fills in the Checkin of each listed entry; drinks come from
// that day's drink_days row, which the check-in writes.
func readCheckins(ctx context.Context, q queryer, ids string, byID map[int64]*journal.Entry) error {
	rows, err := q.QueryContext(ctx, `SELECT c.entry_id, c.mood, c.craving, c.sleep_hours, d.standard_drinks
		FROM checkins c JOIN entries e ON e.id = c.entry_id LEFT JOIN drink_days d ON d.day = e.day
		WHERE c.entry_id`+inIDs, ids)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id           int64
			mood, crav   sql.NullInt64
			sleep, drink sql.NullFloat64
		)
		if err := rows.Scan(&id, &mood, &crav, &sleep, &drink); err != nil {
			return err
		}
		if e := byID[id]; e != nil {
			c := checkinOf(mood, crav, sleep, drink)
			e.Checkin = &c
		}
	}
	return rows.Err()
}

// CheckinOn returns the live check-in of day, or journal.ErrNotFound.
func (s *Store) CheckinOn(ctx context.Context, day journal.Date) (journal.Entry, error) {
	return s.checkinOn(ctx, s.rd(), day)
}

func (s *Store) checkinOn(ctx context.Context, q queryer, day journal.Date) (journal.Entry, error) {
	e, err := scanEntryDetails(q.QueryRowContext(ctx, `SELECT `+detailColumns+` FROM `+entryFrom+`
		WHERE e.kind = ? AND e.day = ? AND e.deleted_at IS NULL ORDER BY e.id LIMIT 1`,
		string(journal.KindCheckin), day.String()))
	if errors.Is(err, sql.ErrNoRows) {
		return e, journal.ErrNotFound
	}
	if err != nil {
		return e, fmt.Errorf("read check-in of %s: %w", day, err)
	}
	return e, nil
}

// SaveCheckin writes the check-in of e.Day: a new entry the first time,
// an edit of the same entry after that (one check-in per day). e.Checkin
// must be set; e.Body is the line of note and e.Private its privacy, for
// an edit too. When e.Checkin.Drinks is set, the
// day's drink total is set too, and drinks reports that change (nil
// otherwise). On return e is the saved entry; prev is the earlier check-in,
// when there was one.
func (s *Store) SaveCheckin(ctx context.Context, e *journal.Entry) (prev *journal.Entry, drinks *journal.DrinkChange, err error) {
	if e.Checkin == nil {
		return nil, nil, fmt.Errorf("SaveCheckin: no check-in")
	}
	if err := e.ValidateText(); err != nil {
		return nil, nil, err
	}
	e.Kind = journal.KindCheckin
	if e.Day.IsZero() {
		e.Day = journal.DateOf(e.OccurredAt)
	}
	c := e.Checkin
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := s.checkinOn(ctx, tx, e.Day)
		switch {
		case errors.Is(err, journal.ErrNotFound):
			if err := s.insertEntry(ctx, tx, e, ""); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO checkins (entry_id, mood, craving, sleep_hours) VALUES (?, ?, ?, ?)`,
				e.ID, c.Mood, c.Craving, c.SleepHours); err != nil {
				return writeErr(s.path, err)
			}
		case err != nil:
			return err
		default:
			prev = &old
			now := s.now().Truncate(time.Second)
			if _, err := tx.ExecContext(ctx, `UPDATE entries SET body = ?, private = ?, updated_at = ? WHERE id = ?`,
				e.Body, e.Private, stamp(now), old.ID); err != nil {
				return writeErr(s.path, err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO checkins (entry_id, mood, craving, sleep_hours) VALUES (?, ?, ?, ?)
				ON CONFLICT (entry_id) DO UPDATE SET mood = excluded.mood, craving = excluded.craving, sleep_hours = excluded.sleep_hours`,
				old.ID, c.Mood, c.Craving, c.SleepHours); err != nil {
				return writeErr(s.path, err)
			}
			if err := reindex(ctx, tx, old.ID, func(t *searchText) { t.body = e.Body }); err != nil {
				return writeErr(s.path, err)
			}
			saved := old
			saved.Body, saved.Private, saved.UpdatedAt, saved.Checkin = e.Body, e.Private, now, c
			*e = saved
		}
		if c.Drinks != nil {
			changes, err := s.setDrinks(ctx, tx, []journal.Date{e.Day}, *c.Drinks, false, "")
			if err != nil {
				return err
			}
			drinks = &changes[0]
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return prev, drinks, nil
}

// SetDrinks records n standard drinks on each of days (add: adds n to what
// each day already has). A day's total stays within 0–60; a note, when
// given, replaces the day's note. first_recorded_at and backfilled are kept
// when a day's total changes. It returns what changed, day by day.
func (s *Store) SetDrinks(ctx context.Context, days []journal.Date, n float64, add bool, note string) ([]journal.DrinkChange, error) {
	var out []journal.DrinkChange
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = s.setDrinks(ctx, tx, days, n, add, note)
		return err
	})
	return out, err
}

func (s *Store) setDrinks(ctx context.Context, tx *sql.Tx, days []journal.Date, n float64, add bool, note string) ([]journal.DrinkChange, error) {
	if err := journal.CheckUTF8("the drinks note", note); err != nil {
		return nil, err
	}
	now := s.now().Truncate(time.Second) // as the file keeps it
	out := make([]journal.DrinkChange, 0, len(days))
	for _, day := range days {
		old, err := drinkDay(ctx, tx, day)
		var ch journal.DrinkChange
		switch {
		case errors.Is(err, journal.ErrNotFound):
			ch.After = journal.DrinkDay{
				Day: day, UUID: uuid.NewString(), StandardDrinks: n,
				FirstRecordedAt: now, Backfilled: journal.IsBackfilled(day, now),
			}
		case err != nil:
			return nil, err
		default:
			before := old.StandardDrinks
			ch.Before = &before
			ch.After = old
			ch.After.StandardDrinks = n
			if add {
				ch.After.StandardDrinks = journal.Round2(before + n)
			}
		}
		if ch.Before != nil && *ch.Before == ch.After.StandardDrinks && (note == "" || note == old.Note) {
			out = append(out, ch) // nothing to change
			continue
		}
		if note != "" {
			ch.After.Note = note
		}
		ch.After.UpdatedAt = now
		if err := journal.ValidateDrinks(ch.After.StandardDrinks); err != nil {
			return nil, journal.Invalid("%s would come to %s standard drinks, more than %d in a day: nothing was saved",
				day, journal.FormatNumber(ch.After.StandardDrinks), journal.MaxDrinksPerDay)
		}
		a := ch.After
		if _, err := tx.ExecContext(ctx, `INSERT INTO drink_days
			(day, uuid, standard_drinks, note, first_recorded_at, backfilled, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (day) DO UPDATE SET standard_drinks = excluded.standard_drinks, note = excluded.note,
				updated_at = excluded.updated_at`,
			day.String(), a.UUID, a.StandardDrinks, a.Note, stamp(a.FirstRecordedAt), a.Backfilled, stamp(a.UpdatedAt)); err != nil {
			return nil, writeErr(s.path, err)
		}
		out = append(out, ch)
	}
	return out, nil
}

// ClearDrinks removes the records of days, leaving them unrecorded (not
// alcohol-free). It returns the records it removed, oldest first; days
// without a record are skipped.
func (s *Store) ClearDrinks(ctx context.Context, days []journal.Date) ([]journal.DrinkDay, error) {
	out := []journal.DrinkDay{}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, day := range days {
			d, err := drinkDay(ctx, tx, day)
			if errors.Is(err, journal.ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM drink_days WHERE day = ?`, day.String()); err != nil {
				return writeErr(s.path, err)
			}
			out = append(out, d)
		}
		return nil
	})
	return out, err
}

const drinkColumns = `day, uuid, standard_drinks, note, first_recorded_at, backfilled, updated_at`

func scanDrinkDay(row scanner) (journal.DrinkDay, error) {
	var (
		d             journal.DrinkDay
		day, fst, upd string
	)
	if err := row.Scan(&day, &d.UUID, &d.StandardDrinks, &d.Note, &fst, &d.Backfilled, &upd); err != nil {
		return d, err
	}
	d.Day, _ = journal.ParseDate(day)
	d.FirstRecordedAt = parseStamp(fst)
	d.UpdatedAt = parseStamp(upd)
	return d, nil
}

func drinkDay(ctx context.Context, q queryer, day journal.Date) (journal.DrinkDay, error) {
	d, err := scanDrinkDay(q.QueryRowContext(ctx, `SELECT `+drinkColumns+` FROM drink_days WHERE day = ?`, day.String()))
	if errors.Is(err, sql.ErrNoRows) {
		return d, journal.ErrNotFound
	}
	if err != nil {
		return d, fmt.Errorf("read drinks of %s: %w", day, err)
	}
	return d, nil
}

// DrinkDay returns the record of day, or journal.ErrNotFound when the day
// is unrecorded.
func (s *Store) DrinkDay(ctx context.Context, day journal.Date) (journal.DrinkDay, error) {
	return drinkDay(ctx, s.rd(), day)
}

// DrinkDays returns the recorded days from from to to (inclusive), oldest
// first. Unrecorded days are simply missing.
func (s *Store) DrinkDays(ctx context.Context, from, to journal.Date) ([]journal.DrinkDay, error) {
	rows, err := s.rd().QueryContext(ctx, `SELECT `+drinkColumns+` FROM drink_days WHERE day >= ? AND day <= ? ORDER BY day`,
		from.String(), to.String())
	if err != nil {
		return nil, fmt.Errorf("read drinking days: %w", err)
	}
	defer rows.Close()
	out := []journal.DrinkDay{}
	for rows.Next() {
		d, err := scanDrinkDay(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// CopingTotals counts, for each coping strategy of the live cravings of
// the whole history, its uses, those with a known outcome and those
// resisted. stats.CopingOf turns them into what helped.
func (s *Store) CopingTotals(ctx context.Context) ([]stats.CopingTotals, error) {
	rows, err := s.rd().QueryContext(ctx, `SELECT cc.strategy, count(*),
			coalesce(sum(c.outcome != ''), 0), coalesce(sum(c.outcome = 'resisted'), 0)
		FROM craving_coping cc
		JOIN entries e ON e.id = cc.entry_id AND e.deleted_at IS NULL
		JOIN cravings c ON c.entry_id = cc.entry_id
		GROUP BY cc.strategy`)
	if err != nil {
		return nil, fmt.Errorf("read coping strategies: %w", err)
	}
	defer rows.Close()
	out := []stats.CopingTotals{}
	for rows.Next() {
		var c stats.CopingTotals
		if err := rows.Scan(&c.Strategy, &c.Uses, &c.Known, &c.Resisted); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

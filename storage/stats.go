package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"

	"journal/journal"
	"journal/journal/stats"
)

// liveCravings restricts e (entries) to live cravings with a day in a
// window given as two parameters.
const liveCravings = `e.kind = 'craving' AND e.deleted_at IS NULL AND e.day BETWEEN ? AND ?`

// notPrivate narrows a condition on entries e to those that may be shared.
const notPrivate = ` AND e.private = 0`

// longWindow is the window length in days from which trigger and coping
// counts are read the other way round: over a long window nearly every
// craving counts, so scanning the small trigger and coping indexes and
// leaving out the few cravings that do not count (deleted, or outside the
// window) is much cheaper than looking up every entry of the window.
const longWindow = 366

// notInWindow names, as "outside", the cravings that do not count in a
// window given as two parameters (from, to).
const notInWindow = `WITH outside(id) AS (
	SELECT id FROM entries WHERE kind = 'craving' AND deleted_at IS NOT NULL
	UNION ALL SELECT id FROM entries WHERE kind = 'craving' AND deleted_at IS NULL AND day < ?
	UNION ALL SELECT id FROM entries WHERE kind = 'craving' AND deleted_at IS NULL AND day > ?) `

// StatsInput reads, already aggregated, what stats.Compute needs for the
// window from..to: a row per recorded day and per day with cravings
// (reaching stats.CompareDays beyond the window for the session
// comparisons) and grouped counts for the rest. heavy is the heavy
// drinking threshold in standard drinks (0 for the default).
//
// The reads are independent, so they run side by side on their own
// connections: over years of cravings each one is a full pass.
func (s *Store) StatsInput(ctx context.Context, from, to journal.Date, heavy float64) (stats.Input, error) {
	return s.statsInput(ctx, from, to, heavy, false)
}

// SharedStatsInput is StatsInput for what is shared with a coach: private
// cravings and check-ins are left out as if they had never been logged,
// so not even a trigger's name from one shows up. Drinking days have no
// private flag and all count.
func (s *Store) SharedStatsInput(ctx context.Context, from, to journal.Date, heavy float64) (stats.Input, error) {
	return s.statsInput(ctx, from, to, heavy, true)
}

func (s *Store) statsInput(ctx context.Context, from, to journal.Date, heavy float64, shared bool) (stats.Input, error) {
	in := stats.Input{From: from, To: to, HeavyThreshold: heavy}
	heavy = in.Threshold()
	wFrom, wTo := from.String(), to.String()
	xFrom, xTo := from.AddDays(-stats.CompareDays).String(), to.AddDays(stats.CompareDays).String()
	// Shared reads filter on the private flag, which the long-window
	// queries do not look at.
	long := !shared && to.DaysSince(from)+1 >= longWindow
	cw := liveCravings
	if shared {
		cw += notPrivate
	}

	var days, triggers, coping, hours, rest error
	// Two lanes, one per core of a small machine: each extra connection
	// costs a schema parse of its own.
	var wg sync.WaitGroup
	wg.Go(func() {
		if in.CravingDays, days = s.cravingDays(ctx, cw, xFrom, xTo); days == nil {
			rest = s.statsDays(ctx, &in, xFrom, xTo, wFrom, wTo, heavy, shared)
		}
	})
	wg.Go(func() {
		triggers = s.eachRow(ctx, func(r *sql.Rows) error {
			var t stats.TriggerCount
			if err := r.Scan(&t.Trigger, &t.Count); err != nil {
				return err
			}
			in.Triggers = append(in.Triggers, t)
			return nil
		}, triggerQuery(long, cw), wFrom, wTo)
		if triggers != nil {
			return
		}
		coping = s.eachRow(ctx, func(r *sql.Rows) error {
			var c stats.CopingTotals
			if err := r.Scan(&c.Strategy, &c.Uses, &c.Known, &c.Resisted); err != nil {
				return err
			}
			in.Coping = append(in.Coping, c)
			return nil
		}, copingQuery(long, cw), wFrom, wTo)
		if coping != nil {
			return
		}
		// The local hour is in the stored time and in the index, so this
		// pass never visits a row.
		hours = s.eachRow(ctx, func(r *sql.Rows) error {
			var h, n int
			if err := r.Scan(&h, &n); err != nil {
				return err
			}
			if h >= 0 && h < 24 {
				in.ByHour[h] += n
			}
			return nil
		}, `SELECT CAST(substr(e.occurred_at, 12, 2) AS INTEGER), count(*) FROM entries e
			WHERE `+cw+` GROUP BY 1`, wFrom, wTo)
	})
	wg.Wait()
	if err := errors.Join(days, triggers, coping, hours, rest); err != nil {
		return in, err
	}
	return in, nil
}

func triggerQuery(long bool, cw string) string {
	if long {
		return notInWindow + `SELECT t.trigger, count(*) FROM craving_triggers t
			WHERE t.entry_id NOT IN (SELECT id FROM outside) GROUP BY t.trigger`
	}
	return `SELECT t.trigger, count(*) FROM entries e JOIN craving_triggers t ON t.entry_id = e.id
		WHERE ` + cw + ` GROUP BY t.trigger`
}

func copingQuery(long bool, cw string) string {
	if long {
		return notInWindow + `SELECT k.strategy, count(*), coalesce(sum(c.outcome <> ''), 0), coalesce(sum(c.outcome = 'resisted'), 0)
			FROM craving_coping k JOIN cravings c ON c.entry_id = k.entry_id
			WHERE k.entry_id NOT IN (SELECT id FROM outside) GROUP BY k.strategy`
	}
	return `SELECT k.strategy, count(*), coalesce(sum(c.outcome <> ''), 0), coalesce(sum(c.outcome = 'resisted'), 0)
		FROM entries e JOIN craving_coping k ON k.entry_id = e.id JOIN cravings c ON c.entry_id = e.id
		WHERE ` + cw + ` GROUP BY k.strategy`
}

// statsDays reads the drinking days, check-ins and sessions: the small reads.
func (s *Store) statsDays(ctx context.Context, in *stats.Input, xFrom, xTo, wFrom, wTo string, heavy float64, shared bool) error {
	var err error
	if in.DrinkDays, err = s.drinkDays(ctx, xFrom, xTo); err != nil {
		return err
	}
	c := &in.Checkins
	q := `SELECT count(*), count(k.mood), coalesce(sum(k.mood), 0),
		count(k.sleep_hours), coalesce(sum(k.sleep_hours), 0)
		FROM entries e JOIN checkins k ON k.entry_id = e.id
		WHERE e.kind = 'checkin' AND e.deleted_at IS NULL AND e.day BETWEEN ? AND ?`
	if shared {
		q += notPrivate
	}
	err = s.db.QueryRowContext(ctx, q, wFrom, wTo).
		Scan(&c.Count, &c.MoodN, &c.MoodSum, &c.SleepN, &c.SleepSum)
	if err != nil {
		return fmt.Errorf("read check-ins: %w", err)
	}
	return s.eachRow(ctx, func(r *sql.Rows) error {
		var (
			sd         stats.SessionDay
			day        string
			firstHeavy sql.NullString
		)
		if err := r.Scan(&sd.Number, &day, &firstHeavy); err != nil {
			return err
		}
		sd.Day, _ = journal.ParseDate(day)
		if firstHeavy.Valid {
			d, _ := journal.ParseDate(firstHeavy.String)
			sd.FirstHeavyAfter = &d
		}
		in.Sessions = append(in.Sessions, sd)
		return nil
	}, `SELECT n.number, n.day,
			(SELECT min(d.day) FROM drink_days d WHERE d.day > n.day AND d.standard_drinks >= ?)
		FROM (SELECT day, row_number() OVER (ORDER BY day, id) AS number
			FROM sessions WHERE deleted_at IS NULL) n
		WHERE n.day BETWEEN ? AND ? ORDER BY n.number`, heavy, wFrom, wTo)
}

func (s *Store) drinkDays(ctx context.Context, from, to string) ([]stats.DrinkDay, error) {
	var out []stats.DrinkDay
	err := s.eachRow(ctx, func(r *sql.Rows) error {
		var (
			d   stats.DrinkDay
			day string
		)
		if err := r.Scan(&day, &d.Drinks, &d.Backfilled); err != nil {
			return err
		}
		d.Day = dayOf(day)
		out = append(out, d)
		return nil
	}, `SELECT day, standard_drinks, backfilled FROM drink_days WHERE day BETWEEN ? AND ? ORDER BY day`, from, to)
	return out, err
}

// cravingDays sums the cravings of each day from..to that match where
// (liveCravings, perhaps narrowed).
func (s *Store) cravingDays(ctx context.Context, where, from, to string) ([]stats.CravingDay, error) {
	var out []stats.CravingDay
	err := s.eachRow(ctx, func(r *sql.Rows) error {
		var (
			c   stats.CravingDay
			day string
		)
		if err := r.Scan(&day, &c.Count, &c.Sum, &c.Max); err != nil {
			return err
		}
		c.Day = dayOf(day)
		out = append(out, c)
		return nil
	}, `SELECT e.day, count(*), sum(c.intensity), max(c.intensity)
		FROM entries e JOIN cravings c ON c.entry_id = e.id
		WHERE `+where+` GROUP BY e.day ORDER BY e.day`, from, to)
	return out, err
}

// eachRow runs a query and hands every row to fn.
func (s *Store) eachRow(ctx context.Context, fn func(*sql.Rows) error, q string, args ...any) error {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("read stats: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return fmt.Errorf("read stats: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read stats: %w", err)
	}
	return nil
}

// Anchor days for `stats --since` (LastCallDay is with the calls). Each
// reports false when there is none.

// FirstSessionDay is the day of the first live session.
func (s *Store) FirstSessionDay(ctx context.Context) (journal.Date, bool, error) {
	return s.dayOf(ctx, `SELECT min(day) FROM sessions WHERE deleted_at IS NULL`)
}

// LastSessionDay is the day of the latest live session on or before today
// (planned sessions are not "last" yet).
func (s *Store) LastSessionDay(ctx context.Context, today journal.Date) (journal.Date, bool, error) {
	return s.dayOf(ctx, `SELECT max(day) FROM sessions WHERE deleted_at IS NULL AND day <= ?`, today.String())
}

func (s *Store) dayOf(ctx context.Context, q string, args ...any) (journal.Date, bool, error) {
	var day sql.NullString
	if err := s.db.QueryRowContext(ctx, q, args...).Scan(&day); err != nil {
		return journal.Date{}, false, fmt.Errorf("read stats: %w", err)
	}
	if !day.Valid {
		return journal.Date{}, false, nil
	}
	d, err := journal.ParseDate(day.String)
	return d, err == nil, nil
}

// CalendarDays returns one item per day from..to: its drinks, its strongest
// live craving and whether a live session fell on it.
func (s *Store) CalendarDays(ctx context.Context, from, to journal.Date) ([]stats.CalendarDay, error) {
	n := to.DaysSince(from) + 1
	if n <= 0 {
		return nil, nil
	}
	out := make([]stats.CalendarDay, n)
	for i := range out {
		out[i].Day = from.AddDays(i)
	}
	at := func(day string) *stats.CalendarDay {
		d, err := journal.ParseDate(day)
		if err != nil || d.Before(from) || d.After(to) {
			return nil
		}
		return &out[d.DaysSince(from)]
	}
	a, b := from.String(), to.String()
	err := s.eachRow(ctx, func(r *sql.Rows) error {
		var (
			day    string
			drinks float64
		)
		if err := r.Scan(&day, &drinks); err != nil {
			return err
		}
		if c := at(day); c != nil {
			c.Drinks = &drinks
		}
		return nil
	}, `SELECT day, standard_drinks FROM drink_days WHERE day BETWEEN ? AND ?`, a, b)
	if err != nil {
		return nil, err
	}
	err = s.eachRow(ctx, func(r *sql.Rows) error {
		var (
			day string
			max int
		)
		if err := r.Scan(&day, &max); err != nil {
			return err
		}
		if c := at(day); c != nil {
			c.MaxCraving = &max
		}
		return nil
	}, `SELECT e.day, max(c.intensity) FROM entries e JOIN cravings c ON c.entry_id = e.id
		WHERE `+liveCravings+` GROUP BY e.day`, a, b)
	if err != nil {
		return nil, err
	}
	err = s.eachRow(ctx, func(r *sql.Rows) error {
		var day string
		if err := r.Scan(&day); err != nil {
			return err
		}
		if c := at(day); c != nil {
			c.Session = true
		}
		return nil
	}, `SELECT DISTINCT day FROM sessions WHERE deleted_at IS NULL AND day BETWEEN ? AND ?`, a, b)
	return out, err
}

// dayOf reads a stored YYYY-MM-DD day. Stats read thousands of them, and
// the stored form is fixed, so it skips time.Parse.
func dayOf(s string) journal.Date {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		d, _ := journal.ParseDate(s)
		return d
	}
	n := func(s string) int {
		v := 0
		for _, c := range []byte(s) {
			v = v*10 + int(c-'0')
		}
		return v
	}
	return journal.Date{Year: n(s[:4]), Month: time.Month(n(s[5:7])), Day: n(s[8:])}
}

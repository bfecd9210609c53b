package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"journal/journal"
	"journal/journal/stats"
)

// cravingReads are the four craving reads of stats. days takes the window
// (from, to) as its two parameters; the totals take args(from, to).
type cravingReads struct {
	days, triggers, coping, hours string
	args                          func(from, to journal.Date) []any
}

// summaryReads read the summaries the schema keeps for the window
// from..to: a row a day for the daily figures, and for the totals the
// whole months of the window from the month rows and only its ragged ends
// from the day rows, so ten years cost a few thousand small rows. A window
// holding no whole month (most windows of a month or less) reads the day
// rows alone, in a statement a third the size: preparing the three-part one
// cost more than reading a month.
func summaryReads(from, to journal.Date) cravingReads {
	split := monthSplit(from, to)
	totals := func(sel, day, month string) string {
		return `SELECT ` + sel + ` FROM (
			SELECT * FROM ` + day + ` WHERE day BETWEEN ?1 AND ?2
			UNION ALL SELECT * FROM ` + day + ` WHERE day BETWEEN ?3 AND ?4
			UNION ALL SELECT * FROM ` + month + ` WHERE month BETWEEN ?5 AND ?6) GROUP BY 1`
	}
	if split[4] == "" { // no whole month: split is from, to and empty ranges
		split = split[:2]
		totals = func(sel, day, _ string) string {
			return `SELECT ` + sel + ` FROM ` + day + ` WHERE day BETWEEN ?1 AND ?2 GROUP BY 1`
		}
	}
	return cravingReads{
		days:     `SELECT day, n, sum, max FROM craving_days WHERE day BETWEEN ? AND ? ORDER BY day`,
		triggers: totals(`trigger, sum(n)`, `craving_day_triggers`, `craving_month_triggers`),
		coping:   totals(`strategy, sum(uses), sum(known), sum(resisted)`, `craving_day_coping`, `craving_month_coping`),
		hours:    totals(`hour, sum(n)`, `craving_hours`, `craving_month_hours`),
		args:     func(journal.Date, journal.Date) []any { return split },
	}
}

// monthSplit splits from..to into its whole calendar months and the days
// before and after them, as the six parameters of summaryReads' totals:
// head days, tail days, months. An empty part gets an empty range.
func monthSplit(from, to journal.Date) []any {
	first := from // the first day of the first whole month
	if from.Day != 1 {
		first = from.AddDays(32 - from.Day) // somewhere in the next month
		first.Day = 1
	}
	// The first day after the last whole month.
	end := journal.Date{Year: to.Year, Month: to.Month, Day: 1}
	if to.AddDays(1).Day == 1 {
		end = to.AddDays(1)
	}
	if !first.Before(end) {
		// No whole month inside: all days, no months.
		return []any{from.String(), to.String(), "", "", "", ""}
	}
	lastMonth := end.AddDays(-1)
	return []any{
		from.String(), first.AddDays(-1).String(),
		end.String(), to.String(),
		first.String()[:7], lastMonth.String()[:7],
	}
}

// sharedCravings are the live cravings of a window that may be shared.
const sharedCravings = `e.kind = 'craving' AND e.deleted_at IS NULL AND e.private = 0 AND e.day BETWEEN ? AND ?`

// sharedReads read the source tables, leaving private cravings out, which
// the summaries cannot tell apart. Shared windows (a report since the last
// call) are short, so the joins stay cheap.
func sharedReads() cravingReads {
	return cravingReads{
		days: `SELECT e.day, count(*), sum(c.intensity), max(c.intensity)
			FROM entries e JOIN cravings c ON c.entry_id = e.id
			WHERE ` + sharedCravings + ` GROUP BY e.day ORDER BY e.day`,
		triggers: `SELECT t.trigger, count(*) FROM entries e JOIN craving_triggers t ON t.entry_id = e.id
			WHERE ` + sharedCravings + ` GROUP BY t.trigger`,
		coping: `SELECT k.strategy, count(*), coalesce(sum(c.outcome <> ''), 0), coalesce(sum(c.outcome = 'resisted'), 0)
			FROM entries e JOIN craving_coping k ON k.entry_id = e.id JOIN cravings c ON c.entry_id = e.id
			WHERE ` + sharedCravings + ` GROUP BY k.strategy`,
		hours: `SELECT CAST(substr(e.occurred_at, 12, 2) AS INTEGER), count(*) FROM entries e
			WHERE ` + sharedCravings + ` GROUP BY 1`,
		args: func(from, to journal.Date) []any { return []any{from.String(), to.String()} },
	}
}

// StatsInput reads, already aggregated, what stats.Compute needs for the
// window from..to: the recorded days up to to, from the last drinking day
// before the window or stats.CompareDays before it, whichever is earlier
// (runs and the last drink count back past the window), a row per day with cravings (from
// stats.CompareDays before the window, for the session comparisons), every
// live session, and grouped counts for the rest. heavy is what a heavy
// drinking day is measured with (the zero value for the defaults).
func (s *Store) StatsInput(ctx context.Context, from, to journal.Date, heavy stats.Heavy) (stats.Input, error) {
	return s.statsInput(ctx, from, to, heavy, false)
}

// SharedStatsInput is StatsInput for what is shared with a coach: private
// cravings and check-ins are left out as if they had never been logged,
// so not even a trigger's name from one shows up. Drinking days have no
// private flag and all count.
func (s *Store) SharedStatsInput(ctx context.Context, from, to journal.Date, heavy stats.Heavy) (stats.Input, error) {
	return s.statsInput(ctx, from, to, heavy, true)
}

func (s *Store) statsInput(ctx context.Context, from, to journal.Date, heavy stats.Heavy, shared bool) (stats.Input, error) {
	in := stats.Input{From: from, To: to, Heavy: heavy}
	wFrom, wTo := from.String(), to.String()
	xFrom, xTo := from.AddDays(-stats.CompareDays).String(), wTo
	reads := summaryReads(from, to)
	if shared {
		reads = sharedReads()
	}
	var err error
	if in.CravingDays, err = s.cravingDays(ctx, reads.days, xFrom, xTo); err != nil {
		return in, err
	}
	if err := s.statsDays(ctx, &in, wFrom, wTo, shared); err != nil {
		return in, err
	}
	err = s.eachRow(ctx, func(r *sql.Rows) error {
		var t stats.TriggerCount
		if err := r.Scan(&t.Trigger, &t.Count); err != nil {
			return err
		}
		in.Triggers = append(in.Triggers, t)
		return nil
	}, reads.triggers, reads.args(from, to)...)
	if err != nil {
		return in, err
	}
	err = s.eachRow(ctx, func(r *sql.Rows) error {
		var c stats.CopingTotals
		if err := r.Scan(&c.Strategy, &c.Uses, &c.Known, &c.Resisted); err != nil {
			return err
		}
		in.Coping = append(in.Coping, c)
		return nil
	}, reads.coping, reads.args(from, to)...)
	if err != nil {
		return in, err
	}
	err = s.eachRow(ctx, func(r *sql.Rows) error {
		var h, n int
		if err := r.Scan(&h, &n); err != nil {
			return err
		}
		if h >= 0 && h < 24 {
			in.ByHour[h] += n
		}
		return nil
	}, reads.hours, reads.args(from, to)...)
	return in, err
}

// statsDays reads the drinking days, check-ins and sessions: the small reads.
func (s *Store) statsDays(ctx context.Context, in *stats.Input, wFrom, wTo string, shared bool) error {
	var err error
	if err := s.statsDrinkDays(ctx, in, wFrom, wTo); err != nil {
		return err
	}
	c := &in.Checkins
	q := `SELECT count(*), count(k.mood), coalesce(sum(k.mood), 0),
		count(k.sleep_hours), coalesce(sum(k.sleep_hours), 0)
		FROM entries e JOIN checkins k ON k.entry_id = e.id
		WHERE e.kind = 'checkin' AND e.deleted_at IS NULL AND e.day BETWEEN ? AND ?`
	if shared {
		q += ` AND e.private = 0`
	}
	err = s.rd().QueryRowContext(ctx, q, wFrom, wTo).
		Scan(&c.Count, &c.MoodN, &c.MoodSum, &c.SleepN, &c.SleepSum)
	if err != nil {
		return fmt.Errorf("read check-ins: %w", err)
	}
	// Numbered here in the order read: a window function in SQL cost
	// three times the whole read.
	return s.eachRow(ctx, func(r *sql.Rows) error {
		var day string
		if err := r.Scan(&day); err != nil {
			return err
		}
		in.Sessions = append(in.Sessions, stats.SessionDay{Number: len(in.Sessions) + 1, Day: dayOf(day)})
		return nil
	}, `SELECT day FROM sessions WHERE deleted_at IS NULL ORDER BY day, id`)
}

// rowsUpTo is how many days before the session comparisons' reach the
// drinking days are still read as rows; a longer run is summed up.
const rowsUpTo = 92

// statsDrinkDays reads the drinking days the window needs. The runs and
// the last drink need the days back to the last drinking day before the
// window (every earlier day is behind it), or to the first record when
// there is none; the session comparisons need CompareDays before the
// window. When that reaches more than rowsUpTo days further back and every
// day in between is recorded (a long alcohol-free run), SQLite counts them
// and stats.Earlier stands for them, so years of a run cost what a month
// does. A run with an unrecorded day in it is read as rows, as before.
func (s *Store) statsDrinkDays(ctx context.Context, in *stats.Input, wFrom, wTo string) error {
	compare := in.From.AddDays(-stats.CompareDays)
	var (
		last, first sql.NullString // the last drink before the window; the first record after it
		between     int            // records after the last drink, before compare
	)
	err := s.rd().QueryRowContext(ctx, `WITH last(day) AS (SELECT max(day) FROM drink_days WHERE day < ?1 AND standard_drinks > 0)
		SELECT last.day, (SELECT min(day) FROM drink_days WHERE day > coalesce(last.day, '')),
			(SELECT count(*) FROM drink_days WHERE day > coalesce(last.day, '') AND day < ?2)
		FROM last`, wFrom, compare.String()).Scan(&last, &first, &between)
	if err != nil {
		return fmt.Errorf("read stats: %w", err)
	}
	start := compare
	reach := compare // the first day the rows need
	switch {
	case last.Valid:
		reach = dayOf(last.String)
	case first.Valid:
		reach = dayOf(first.String)
	}
	if reach.Before(compare) {
		// Every day from the first record after the last drink to the
		// day before compare is recorded (or none is).
		allRecorded := between == 0
		if first.Valid && dayOf(first.String).Before(compare) {
			allRecorded = between == compare.DaysSince(dayOf(first.String))
		}
		if compare.DaysSince(reach) > rowsUpTo && allRecorded {
			in.Earlier = stats.Earlier{Since: compare, Run: between}
			if last.Valid {
				in.Earlier.LastDrink = reach
			}
		} else {
			start = reach
		}
	}
	in.DrinkDays, err = s.drinkDays(ctx, start.String(), wTo)
	return err
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

// cravingDays reads a row per day with cravings, from..to, with query q.
func (s *Store) cravingDays(ctx context.Context, q, from, to string) ([]stats.CravingDay, error) {
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
	}, q, from, to)
	return out, err
}

// eachRow runs a query and hands every row to fn.
func (s *Store) eachRow(ctx context.Context, fn func(*sql.Rows) error, q string, args ...any) error {
	rows, err := s.rd().QueryContext(ctx, q, args...)
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

// FirstRecordDay is the first day with a live record of any kind (an
// entry, private ones only when includePrivate, a drinking day or a call):
// where an export with no --since starts, whatever kinds it keeps.
func (s *Store) FirstRecordDay(ctx context.Context, includePrivate bool) (journal.Date, bool, error) {
	private := ` AND private = 0`
	if includePrivate {
		private = ``
	}
	return s.dayOf(ctx, `SELECT min(day) FROM (
		SELECT min(day) AS day FROM entries WHERE deleted_at IS NULL`+private+`
		UNION ALL SELECT min(day) FROM drink_days
		UNION ALL SELECT min(day) FROM calls WHERE deleted_at IS NULL)`)
}

func (s *Store) dayOf(ctx context.Context, q string, args ...any) (journal.Date, bool, error) {
	var day sql.NullString
	if err := s.rd().QueryRowContext(ctx, q, args...).Scan(&day); err != nil {
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
	}, `SELECT day, max FROM craving_days WHERE day BETWEEN ? AND ?`, a, b)
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

package storage

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"journal/journal"
	"journal/journal/stats"
)

// summaries dumps the per-day craving summaries, and the same figures
// computed afresh from the source tables; the two must always agree.
func summaries(t *testing.T, s *Store) (kept, fresh string) {
	t.Helper()
	dump := func(q string) string {
		rows, err := s.db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		cols, _ := rows.Columns()
		out := ""
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			out += fmt.Sprintln(vals...)
		}
		return out
	}
	from := `FROM entries e JOIN cravings c ON c.entry_id = e.id `
	where := ` WHERE e.kind = 'craving' AND e.deleted_at IS NULL `
	kept = dump(`SELECT day, n, sum, max FROM craving_days ORDER BY 1`) +
		dump(`SELECT day, hour, n FROM craving_hours ORDER BY 1, 2`) +
		dump(`SELECT day, trigger, n FROM craving_day_triggers ORDER BY 1, 2`) +
		dump(`SELECT day, strategy, uses, known, resisted FROM craving_day_coping ORDER BY 1, 2`) +
		dump(`SELECT (SELECT count(*) FROM craving_days_stale) + (SELECT count(*) FROM craving_hours_stale) +
			(SELECT count(*) FROM craving_day_triggers_stale) + (SELECT count(*) FROM craving_day_coping_stale)`)
	fresh = dump(`SELECT e.day, count(*), sum(c.intensity), max(c.intensity) `+from+where+` GROUP BY 1 ORDER BY 1`) +
		dump(`SELECT e.day, CAST(substr(e.occurred_at, 12, 2) AS INTEGER), count(*) `+from+where+` GROUP BY 1, 2 ORDER BY 1, 2`) +
		dump(`SELECT e.day, t.trigger, count(*) `+from+`JOIN craving_triggers t ON t.entry_id = e.id`+where+`GROUP BY 1, 2 ORDER BY 1, 2`) +
		dump(`SELECT e.day, k.strategy, count(*), sum(c.outcome <> ''), sum(c.outcome = 'resisted') `+from+
			`JOIN craving_coping k ON k.entry_id = e.id`+where+`GROUP BY 1, 2 ORDER BY 1, 2`) +
		"0\n"
	return kept, fresh
}

func TestCravingDaySummariesFollowEveryChange(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	check := func(step string) {
		t.Helper()
		if kept, fresh := summaries(t, s); kept != fresh {
			t.Fatalf("after %s the summaries drifted:\nkept:\n%s\nfresh:\n%s", step, kept, fresh)
		}
	}
	add := func(at string, intensity int, outcome journal.Outcome, triggers, coping []string) int64 {
		when, _ := time.Parse(time.RFC3339, at)
		c := journal.Craving{Intensity: intensity, Outcome: outcome, Triggers: triggers, Coping: coping}
		e := journal.Entry{Kind: journal.KindCraving, OccurredAt: when, Craving: &c}
		if err := s.AddCraving(ctx, &e); err != nil {
			t.Fatal(err)
		}
		return e.ID
	}
	a := add("2026-11-20T20:15:00Z", 7, journal.OutcomeResisted, []string{"stress", "work"}, []string{"walk"})
	add("2026-11-20T21:40:00Z", 4, "", []string{"stress"}, nil)
	b := add("2026-11-21T08:05:00Z", 9, journal.OutcomeUsed, nil, []string{"tea", "walk"})
	check("adding cravings")

	if err := s.DeleteEntry(ctx, a); err != nil {
		t.Fatal(err)
	}
	check("deleting one")
	if err := s.RestoreEntry(ctx, a); err != nil {
		t.Fatal(err)
	}
	check("restoring it")

	// An import that replaces a craving with a newer copy on another day,
	// with other details.
	e, err := s.Entry(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	e.Day, _ = journal.ParseDate("2026-11-19")
	e.OccurredAt = time.Date(2026, 11, 19, 23, 0, 0, 0, time.UTC)
	e.UpdatedAt = e.UpdatedAt.Add(time.Hour)
	e.Craving.Intensity, e.Craving.Outcome = 3, journal.OutcomeResisted
	e.Craving.Triggers, e.Craving.Coping = []string{"boredom"}, []string{"music"}
	if _, err := s.Import(ctx, journal.Records{Entries: []journal.Entry{e}}, false); err != nil {
		t.Fatal(err)
	}
	check("importing a newer copy on another day")

	var n int
	s.db.QueryRow(`SELECT count(*) FROM craving_days WHERE day = '2026-11-21'`).Scan(&n)
	if n != 0 {
		t.Error("the day the craving left still has a summary")
	}
}

func TestMonthSplit(t *testing.T) {
	d := func(s string) journal.Date { v, _ := journal.ParseDate(s); return v }
	tests := []struct {
		from, to string
		want     [6]string
	}{
		// Ragged both ends.
		{"2025-01-15", "2025-04-10", [6]string{"2025-01-15", "2025-01-31", "2025-04-01", "2025-04-10", "2025-02", "2025-03"}},
		// Whole months only.
		{"2025-02-01", "2025-03-31", [6]string{"2025-02-01", "2025-01-31", "2025-04-01", "2025-03-31", "2025-02", "2025-03"}},
		// Within one month: days only.
		{"2025-02-03", "2025-02-20", [6]string{"2025-02-03", "2025-02-20", "", "", "", ""}},
		// Across a year end, from the last day of a month.
		{"2025-12-31", "2026-02-28", [6]string{"2025-12-31", "2025-12-31", "2026-03-01", "2026-02-28", "2026-01", "2026-02"}},
		// A leap February, whole.
		{"2024-02-01", "2024-02-29", [6]string{"2024-02-01", "2024-01-31", "2024-03-01", "2024-02-29", "2024-02", "2024-02"}},
	}
	for _, tt := range tests {
		got := monthSplit(d(tt.from), d(tt.to))
		for i := range tt.want {
			if got[i] != tt.want[i] {
				t.Errorf("monthSplit(%s, %s) = %v, want %v", tt.from, tt.to, got, tt.want)
				break
			}
		}
	}
}

// With nothing private, the summary reads and the plain reads of the
// source tables must give the same rows over any window, however it meets
// the months. The summaries stay only while this holds: a plain query over
// ten years costs about 200 ms of CPU, the summaries about 40 ms for the
// whole process (README, "Speed").
func TestSummaryTotalsMatchTheSource(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	start, _ := journal.ParseDate("2024-12-20")
	triggers := []string{"stress", "work", "social"}
	coping := []string{"walk", "tea"}
	outcomes := []journal.Outcome{"", journal.OutcomeUsed, journal.OutcomeResisted}
	for i := 0; i < 120; i++ {
		day := start.AddDays(i * 3)
		c := journal.Craving{Intensity: i % 11, Outcome: outcomes[i%3],
			Triggers: []string{triggers[i%3]}, Coping: []string{coping[i%2]}}
		e := journal.Entry{Kind: journal.KindCraving, OccurredAt: day.In(time.UTC).Add(time.Duration(8+i%14) * time.Hour), Craving: &c}
		if err := s.AddCraving(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	d := func(s string) journal.Date { v, _ := journal.ParseDate(s); return v }
	windows := [][2]string{
		{"2024-12-20", "2026-01-01"}, {"2025-01-01", "2025-12-31"}, {"2025-02-10", "2025-06-05"},
		{"2025-03-01", "2025-03-31"}, {"2025-05-05", "2025-05-25"}, {"2024-01-01", "2030-12-31"},
	}
	// And windows of every shape, drawn with a fixed seed: a day, a few
	// days across a month's end, whole and ragged months, years.
	rnd := rand.New(rand.NewPCG(11, 29))
	for range 150 {
		from := start.AddDays(rnd.IntN(400) - 20)
		to := from.AddDays([]int{0, 1, 6, 30, 45, 200, 400}[rnd.IntN(7)] + rnd.IntN(5))
		windows = append(windows, [2]string{from.String(), to.String()})
	}
	for _, w := range windows {
		sum, err := s.StatsInput(ctx, d(w[0]), d(w[1]), stats.Heavy{})
		if err != nil {
			t.Fatal(err)
		}
		src, err := s.SharedStatsInput(ctx, d(w[0]), d(w[1]), stats.Heavy{})
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(sum.ByHour) != fmt.Sprint(src.ByHour) || fmt.Sprint(sum.CravingDays) != fmt.Sprint(src.CravingDays) ||
			fmt.Sprint(sorted(sum.Triggers)) != fmt.Sprint(sorted(src.Triggers)) || fmt.Sprint(sorted(sum.Coping)) != fmt.Sprint(sorted(src.Coping)) {
			t.Errorf("window %v: summaries %+v\nsource %+v", w, sum, src)
		}
	}
}

// sorted orders a list by its printed form, so two orders compare equal.
func sorted[T any](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = fmt.Sprint(x)
	}
	slices.Sort(out)
	return out
}

package storage

import (
	"context"
	"fmt"
	"testing"
	"time"

	"journal/journal"
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

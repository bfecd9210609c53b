package storage

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"journal/journal"
	"journal/journal/stats"
)

// tenYears fills s with ten years up to end: a drinking-day row on most
// days, four cravings a day with triggers and coping, daily check-ins and
// a session every quarter. It writes in one transaction, with plain SQL.
func tenYears(tb testing.TB, s *Store, end journal.Date) journal.Date {
	tb.Helper()
	start := end.AddDays(-3649)
	r := rand.New(rand.NewPCG(1, 2))
	tx, err := s.db.Begin()
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback()
	exec := func(q string, args ...any) int64 {
		res, err := tx.Exec(q, args...)
		if err != nil {
			tb.Fatalf("%s: %v", q, err)
		}
		id, _ := res.LastInsertId()
		return id
	}
	triggers := []string{"stress", "social", "evening", "boredom", "tired", "anger"}
	coping := []string{"walk", "call a friend", "tea", "breathe", "shower"}
	outcomes := []string{"", "used", "resisted", "resisted"}
	n := 0
	for d := start; !d.After(end); d = d.AddDays(1) {
		day := d.String()
		if r.IntN(10) > 0 { // about one day in ten is not recorded
			drinks := 0.0
			if r.IntN(4) == 0 {
				drinks = float64(r.IntN(12)) / 2
			}
			n++
			exec(`INSERT INTO drink_days (day, uuid, standard_drinks, first_recorded_at, backfilled, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)`, day, fmt.Sprint("d", n), drinks, day+"T22:00:00Z", r.IntN(5) == 0, day+"T22:00:00Z")
		}
		for c := 0; c < 4; c++ {
			at := fmt.Sprintf("%sT%02d:%02d:00Z", day, 8+r.IntN(15), r.IntN(60))
			n++
			id := exec(`INSERT INTO entries (uuid, kind, day, occurred_at, created_at, updated_at)
				VALUES (?, 'craving', ?, ?, ?, ?)`, fmt.Sprint("e", n), day, at, at, at)
			exec(`INSERT INTO cravings (entry_id, intensity, outcome) VALUES (?, ?, ?)`, id, r.IntN(11), outcomes[r.IntN(4)])
			exec(`INSERT INTO craving_triggers (entry_id, trigger) VALUES (?, ?)`, id, triggers[r.IntN(len(triggers))])
			exec(`INSERT INTO craving_coping (entry_id, strategy) VALUES (?, ?)`, id, coping[r.IntN(len(coping))])
		}
		at := day + "T09:00:00Z"
		n++
		id := exec(`INSERT INTO entries (uuid, kind, day, occurred_at, created_at, updated_at)
			VALUES (?, 'checkin', ?, ?, ?, ?)`, fmt.Sprint("e", n), day, at, at, at)
		exec(`INSERT INTO checkins (entry_id, mood, sleep_hours) VALUES (?, ?, ?)`, id, 1+r.IntN(10), 4+r.Float64()*5)
		if d.DaysSince(start)%90 == 45 {
			n++
			exec(`INSERT INTO sessions (uuid, day, created_at, updated_at) VALUES (?, ?, ?, ?)`, fmt.Sprint("s", n), day, at, at)
		}
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
	return start
}

// BenchmarkStatsTenYears reads and computes stats over ten years of a
// busy journal (3,650 days, 14,600 cravings).
func BenchmarkStatsTenYears(b *testing.B) {
	s := openStatsTemp(b)
	end := journal.Date{Year: 2026, Month: 11, Day: 25}
	start := tenYears(b, s, end)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		in, err := s.StatsInput(ctx, start, end, 0)
		if err != nil {
			b.Fatal(err)
		}
		if r := stats.Compute(in); r.Cravings.Count != 14600 {
			b.Fatalf("%d cravings", r.Cravings.Count)
		}
	}
}

// BenchmarkStatsMonth is the default window on the same journal.
func BenchmarkStatsMonth(b *testing.B) {
	s := openStatsTemp(b)
	end := journal.Date{Year: 2026, Month: 11, Day: 25}
	tenYears(b, s, end)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		in, err := s.StatsInput(ctx, end.AddDays(-29), end, 0)
		if err != nil {
			b.Fatal(err)
		}
		stats.Compute(in)
	}
}

func BenchmarkCalendarYear(b *testing.B) {
	s := openStatsTemp(b)
	end := journal.Date{Year: 2026, Month: 11, Day: 30}
	tenYears(b, s, end)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.CalendarDays(ctx, end.AddDays(-364), end); err != nil {
			b.Fatal(err)
		}
	}
}

package storage

import (
	"context"
	"testing"

	"journal/journal/stats"
)

// BenchmarkStatsTenYears reads and computes stats over ten years of a
// busy journal.
func BenchmarkStatsTenYears(b *testing.B) {
	s, end := tenYears(b)
	start := end.AddDays(-3649)
	ctx := context.Background()
	for b.Loop() {
		in, err := s.StatsInput(ctx, start, end, stats.Heavy{})
		if err != nil {
			b.Fatal(err)
		}
		if r := stats.Compute(in); r.Cravings.Count < 15000 {
			b.Fatalf("only %d cravings", r.Cravings.Count)
		}
	}
}

// BenchmarkStatsMonth is the default window on the same journal.
func BenchmarkStatsMonth(b *testing.B) {
	s, end := tenYears(b)
	ctx := context.Background()
	for b.Loop() {
		in, err := s.StatsInput(ctx, end.AddDays(-29), end, stats.Heavy{})
		if err != nil {
			b.Fatal(err)
		}
		stats.Compute(in)
	}
}

func BenchmarkCalendarYear(b *testing.B) {
	s, end := tenYears(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.CalendarDays(ctx, end.AddDays(-364), end); err != nil {
			b.Fatal(err)
		}
	}
}

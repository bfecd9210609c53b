package storage

import (
	"context"
	"testing"
	"time"

	"journal/journal"
)

// BenchmarkOpen opens and closes the ten-year journal, as every command
// does once: the connection, the schema read and the checks.
func BenchmarkOpen(b *testing.B) {
	tenYears(b)
	for b.Loop() {
		s, err := Open(context.Background(), tenYearsPath, func() time.Time { return benchEnd })
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkOpenList10 is `journal list -n 10` without the terminal: open
// the ten-year journal, stream its newest ten entries with their details,
// close.
func BenchmarkOpenList10(b *testing.B) {
	tenYears(b)
	for b.Loop() {
		s, err := Open(context.Background(), tenYearsPath, func() time.Time { return benchEnd })
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		if err := s.EachEntry(context.Background(), journal.Filter{Limit: 10}, func(journal.Entry) error { n++; return nil }); err != nil || n != 10 {
			b.Fatal(n, err)
		}
		s.Close()
	}
}

// BenchmarkShowEntry reads one craving entry in full, as `journal show`.
func BenchmarkShowEntry(b *testing.B) {
	s, _ := tenYears(b)
	for b.Loop() {
		if e, err := s.Entry(context.Background(), 1); err != nil || e.Craving == nil {
			b.Fatal(e.Kind, err)
		}
	}
}

package storage

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"journal/journal"
	"journal/journal/demo"
)

// The ten-year journal is built once per test binary: importing it takes
// seconds, and every benchmark only reads it or adds a little.
var (
	tenYearsOnce sync.Once
	tenYearsPath string
	tenYearsErr  error
)

// benchEnd is "today" for the benchmark journal.
var benchEnd = time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)

// tenYears opens (building it on first use) a busy ten-year journal made by
// the demo generator: 3,650 days, several cravings most days, daily notes,
// check-ins, sessions and calls.
func tenYears(b *testing.B) (*Store, journal.Date) {
	b.Helper()
	tenYearsOnce.Do(func() {
		dir, err := os.MkdirTemp("", "journal-bench-")
		if err != nil {
			tenYearsErr = err
			return
		}
		tenYearsPath = filepath.Join(dir, "journal.db")
		s, err := Open(context.Background(), tenYearsPath, func() time.Time { return benchEnd })
		if err != nil {
			tenYearsErr = err
			return
		}
		defer s.Close()
		recs := demo.Generate(demo.Options{Days: 3650, Seed: 1, End: benchEnd, Busy: true})
		_, tenYearsErr = s.Import(context.Background(), recs, false)
	})
	if tenYearsErr != nil {
		b.Fatal(tenYearsErr)
	}
	s, err := Open(context.Background(), tenYearsPath, func() time.Time { return benchEnd })
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	b.ResetTimer()
	return s, journal.DateOf(benchEnd)
}

func BenchmarkListRecent(b *testing.B) {
	s, _ := tenYears(b)
	for b.Loop() {
		if es, err := s.Entries(context.Background(), journal.Filter{Limit: 20}); err != nil || len(es) != 20 {
			b.Fatal(len(es), err)
		}
	}
}

func BenchmarkSearch(b *testing.B) {
	s, _ := tenYears(b)
	for _, q := range []string{"sister", "walk*", `"proper dinner"`, "stress"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				if hits, err := s.Search(context.Background(), q, 20); err != nil || len(hits) == 0 {
					b.Fatal(len(hits), err)
				}
			}
		})
	}
}

// BenchmarkSearchInside searches parts of words, which the word index
// cannot find, so the trigram and character indexes answer: a piece of a
// rarer word, a piece of very common words, and a two-character Japanese
// word the journal does not hold.
func BenchmarkSearchInside(b *testing.B) {
	s, _ := tenYears(b)
	for _, q := range []struct {
		query string
		hits  int
	}{{"ster", 20}, {"ess", 20}, {"散歩", 0}} {
		b.Run(q.query, func(b *testing.B) {
			for b.Loop() {
				if hits, err := s.Search(context.Background(), q.query, 20); err != nil || len(hits) != q.hits {
					b.Fatal(len(hits), err)
				}
			}
		})
	}
}

func BenchmarkAddEntry(b *testing.B) {
	s, _ := tenYears(b)
	for b.Loop() {
		e := journal.Entry{Kind: journal.KindNote, OccurredAt: benchEnd, Body: "A quiet evening. #calm", Tags: []string{"calm"}}
		if err := s.AddEntry(context.Background(), &e); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAddCraving(b *testing.B) {
	s, _ := tenYears(b)
	for b.Loop() {
		c := journal.Craving{Intensity: 6, Triggers: []string{"stress"}, Coping: []string{"walk"}, Outcome: journal.OutcomeResisted}
		e := journal.Entry{Kind: journal.KindCraving, OccurredAt: benchEnd, Craving: &c}
		if err := s.AddCraving(context.Background(), &e); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSetDrinks(b *testing.B) {
	s, end := tenYears(b)
	n := 0.0
	for b.Loop() {
		n = 2 - n // alternate, so every call writes
		if _, err := s.SetDrinks(context.Background(), []journal.Date{end}, n, false, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// TestMain removes the shared benchmark journal after the run.
// A test binary started with JOURNAL_STORAGE_HELPER set is a helper
// process of the multi-process tests (procs_test.go) instead.
func TestMain(m *testing.M) {
	if role := os.Getenv(helperEnv); role != "" {
		os.Exit(runHelper(role))
	}
	code := m.Run()
	if tenYearsPath != "" {
		os.RemoveAll(filepath.Dir(tenYearsPath))
	}
	os.Exit(code)
}

// BenchmarkListTag lists every entry with a tag (gratitude, about 1,100 of
// the 26,000 entries): `list --tag gratitude -n 0`.
func BenchmarkListTag(b *testing.B) {
	s, _ := tenYears(b)
	for b.Loop() {
		if es, err := s.Entries(context.Background(), journal.Filter{Tag: "gratitude"}); err != nil || len(es) < 1000 {
			b.Fatal(len(es), err)
		}
	}
}

// BenchmarkRecords reads everything a full export holds: one query per kind
// of record, not one per entry.
func BenchmarkRecords(b *testing.B) {
	s, _ := tenYears(b)
	for b.Loop() {
		if recs, _, err := s.Records(context.Background(), RecordFilter{}); err != nil || len(recs.Entries) < 20000 {
			b.Fatal(len(recs.Entries), err)
		}
	}
}

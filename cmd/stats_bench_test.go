package cmd

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkStatsMonth runs `journal stats` (the last 30 days, with the
// questionnaires and the session comparisons) on busy demo journals of one
// and ten years, the store opened once: the reads and the measures, not
// the start-up. The ten-year figure should stay within 10% of the one-year
// one. cpu-ms/op is the processor time used, steadier than the wall clock
// on a shared machine.
//
//	go test -run XXX -bench StatsMonth ./cmd/
func BenchmarkStatsMonth(b *testing.B) {
	now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	dir := b.TempDir()
	for _, years := range []int{1, 10} {
		db := filepath.Join(dir, fmt.Sprintf("y%d.db", years))
		env := map[string]string{"XDG_CONFIG_HOME": dir, "XDG_DATA_HOME": dir}
		f, _, errOut := testFactory(env)
		f.IO.InTTY, f.IO.OutTTY = false, false
		f.Now = func() time.Time { return now }
		args := []string{"--db", db, "demo", "--busy", "--quiet", "--days", fmt.Sprint(years * 365)}
		if code := Run(context.Background(), f, args); code != 0 {
			b.Fatalf("demo: exit %d: %s", code, errOut)
		}
		b.Run(fmt.Sprintf("%dy", years), func(b *testing.B) {
			f, out, errOut := testFactory(env)
			f.IO.InTTY, f.IO.OutTTY = false, false
			f.Now = func() time.Time { return now }
			f.DBPath = db
			ctx := context.Background()
			if _, err := f.Store(ctx); err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { f.Close() })
			var cpu time.Duration
			for b.Loop() {
				out.Reset()
				before := cpuTime()
				if err := statsRun(ctx, f, &statsOptions{}); err != nil {
					b.Fatalf("stats: %v: %s", err, errOut)
				}
				cpu += cpuTime() - before
			}
			if out.Len() == 0 {
				b.Fatal("stats printed nothing")
			}
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}

package cmd

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"journal/journal/demo"
	"journal/journal/export"
)

// BenchmarkImport imports JSON exports of busy demo journals of 6.5, 13
// and 26 years (about 12, 25 and 50 MB) through the import command, each
// into a new journal, and again into a journal that already holds them
// (adding nothing). Import is linear: twice the file takes about twice the
// time. cpu-s/op is the processor time used, steadier than the wall clock
// on a shared machine.
//
//	go test -run XXX -bench Import -benchtime 1x ./cmd/
func BenchmarkImport(b *testing.B) {
	end := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	dir := b.TempDir()
	for _, days := range []int{2375, 4750, 9500} {
		recs := demo.Generate(demo.Options{Days: days, Seed: 1, End: end, Busy: true})
		var buf bytes.Buffer
		if err := export.JSON(&buf, export.Document{ExportedAt: end, Records: recs, IncludePrivate: true}); err != nil {
			b.Fatal(err)
		}
		file := filepath.Join(dir, fmt.Sprintf("%dd.json", days))
		if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
			b.Fatal(err)
		}
		mb := float64(buf.Len()) / 1e6
		for _, again := range []bool{false, true} {
			name := fmt.Sprintf("%.1fy_%.0fMB", float64(days)/365, mb)
			if again {
				name += "_again"
			}
			b.Run(name, func(b *testing.B) {
				var cpu time.Duration
				for b.Loop() {
					b.StopTimer()
					db := filepath.Join(b.TempDir(), "journal.db")
					env := map[string]string{"JOURNAL_DB": db, "XDG_CONFIG_HOME": dir}
					if again {
						importOnce(b, env, file)
					}
					b.StartTimer()
					before := cpuTime()
					importOnce(b, env, file)
					cpu += cpuTime() - before
				}
				b.ReportMetric(mb, "MB")
				b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
			})
		}
	}
}

// cpuTime is the processor time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func importOnce(b *testing.B, env map[string]string, file string) {
	f, _, errOut := testFactory(env)
	f.IO.InTTY, f.IO.OutTTY = false, false
	f.Now = func() time.Time { return time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC) }
	if code := Run(context.Background(), f, []string{"import", file}); code != 0 {
		b.Fatalf("import: exit %d: %s", code, errOut)
	}
}

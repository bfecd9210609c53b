package cmd

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"journal/journal/demo"
	"journal/journal/export"
)

// BenchmarkImport imports JSON exports of busy demo journals of 5, 10 and
// 20 years through the import command, each into a new journal, and again
// into a journal that already holds them (adding nothing). Import is
// linear: twice the file takes about twice the time.
//
//	go test -run XXX -bench Import -benchtime 1x ./cmd/
func BenchmarkImport(b *testing.B) {
	end := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	dir := b.TempDir()
	for _, years := range []int{5, 10, 20} {
		recs := demo.Generate(demo.Options{Days: 365 * years, Seed: 1, End: end, Busy: true})
		var buf bytes.Buffer
		if err := export.JSON(&buf, export.Document{ExportedAt: end, Records: recs, IncludePrivate: true}); err != nil {
			b.Fatal(err)
		}
		file := filepath.Join(dir, fmt.Sprintf("%dy.json", years))
		if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
			b.Fatal(err)
		}
		mb := float64(buf.Len()) / 1e6
		for _, again := range []bool{false, true} {
			name := fmt.Sprintf("%dy_%.0fMB", years, mb)
			if again {
				name += "_again"
			}
			b.Run(name, func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					db := filepath.Join(b.TempDir(), "journal.db")
					env := map[string]string{"JOURNAL_DB": db, "XDG_CONFIG_HOME": dir}
					if again {
						importOnce(b, env, file)
					}
					b.StartTimer()
					importOnce(b, env, file)
				}
				b.ReportMetric(mb, "MB")
			})
		}
	}
}

func importOnce(b *testing.B, env map[string]string, file string) {
	f, _, errOut := testFactory(env)
	f.IO.InTTY, f.IO.OutTTY = false, false
	f.Now = func() time.Time { return time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC) }
	if code := Run(context.Background(), f, []string{"import", file}); code != 0 {
		b.Fatalf("import: exit %d: %s", code, errOut)
	}
}

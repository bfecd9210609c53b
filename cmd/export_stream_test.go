package cmd

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"filippo.io/age"

	"journal/journal/demo"
	"journal/storage"
)

var exportClock = time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)

// demoJournal makes a busy demo journal of days days at a new path, from
// the given seeds: two seeds give about twice the entries over the same
// days (drinking days and check-ins are one a day whatever the seeds).
func demoJournal(tb testing.TB, days int, seeds ...uint64) string {
	tb.Helper()
	db := filepath.Join(tb.TempDir(), "journal.db")
	st, err := storage.Open(context.Background(), db, func() time.Time { return exportClock })
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	for _, seed := range seeds {
		recs := demo.Generate(demo.Options{Days: days, Seed: seed, End: exportClock, Busy: true})
		if _, err := st.Import(context.Background(), recs, false); err != nil {
			tb.Fatal(err)
		}
	}
	return db
}

// exportTo runs journal export with args on db, its standard output going
// to out, and returns the exit code and standard error.
func exportTo(tb testing.TB, db string, out io.Writer, args ...string) (int, string) {
	f, _, errOut := testFactory(map[string]string{"XDG_CONFIG_HOME": filepath.Join(filepath.Dir(db), "config")})
	f.IO.Out = out
	f.IO.InTTY, f.IO.OutTTY = false, false
	f.Now = func() time.Time { return exportClock }
	code := Run(context.Background(), f, append([]string{"--db", db, "export"}, args...))
	return code, errOut.String()
}

// peakHeap runs fn while sampling the heap's live objects, and returns
// how far above the heap before fn they rose at most. The collector runs
// often meanwhile, so the figure is close to what fn holds.
func peakHeap(fn func()) uint64 {
	defer debug.SetGCPercent(debug.SetGCPercent(5))
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	runtime.GC()
	base := read()
	var (
		peak uint64
		wg   sync.WaitGroup
	)
	done := make(chan struct{})
	wg.Go(func() {
		for {
			peak = max(peak, read())
			select {
			case <-done:
				return
			case <-time.After(100 * time.Microsecond):
			}
		}
	})
	fn()
	close(done)
	wg.Wait()
	if peak < base {
		return 0
	}
	return peak - base
}

// TestExportsKeepMemoryFlat: every export format, to standard output and
// to a file, encrypted or not, holds about as much with twice the entries over the same
// days: entries are written as they are read, never gathered. Made whole
// in memory, twice the entries (about 3,500 more, some megabytes of
// document) would add megabytes.
func TestExportsKeepMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("makes two demo journals")
	}
	const days = 240
	one, two := demoJournal(t, days, 1), demoJournal(t, days, 1, 2)
	coach, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "export.json")
	for _, args := range [][]string{
		{"--format", "json"}, {"--format", "md"}, {"--format", "html"}, {"--format", "csv"},
		{"--format", "csv", "--kind", "craving"}, {"--format", "md", "--include-private"},
		{"--format", "html", "--encrypt-to", coach.Recipient().String()}, {"--format", "json", "-o", file},
	} {
		name := strings.Join(args, " ")
		var sizes [2]int
		var peaks [2]uint64
		for i, db := range []string{one, two} {
			// The least of three runs: a busy machine delays the
			// collector and only ever raises a peak.
			peaks[i] = ^uint64(0)
			for range 3 {
				var out countWriter
				peaks[i] = min(peaks[i], peakHeap(func() {
					if code, errOut := exportTo(t, db, &out, args...); code != 0 {
						t.Fatalf("%s: exit %d: %s", name, code, errOut)
					}
				}))
				sizes[i] = out.n
			}
		}
		t.Logf("%s: %d and %d bytes, peak heap %.1f and %.1f MB", name, sizes[0], sizes[1],
			float64(peaks[0])/(1<<20), float64(peaks[1])/(1<<20))
		if grew := int64(peaks[1]) - int64(peaks[0]); grew > 1<<20 {
			t.Errorf("%s: twice the entries raised the peak heap by %.1f MB (%.1f to %.1f MB): the export holds its entries",
				name, float64(grew)/(1<<20), float64(peaks[0])/(1<<20), float64(peaks[1])/(1<<20))
		}
	}
}

// countWriter counts what is written to it and drops it.
type countWriter struct{ n int }

func (w *countWriter) Write(p []byte) (int, error) { w.n += len(p); return len(p), nil }

// BenchmarkExport exports a busy demo journal of a year (about 2,700
// entries) in each format through the export command, to standard output.
// cpu-s/op is the processor time used, steadier than the wall clock on a
// shared machine.
//
//	go test -run XXX -bench Export -benchtime 5x ./cmd/
func BenchmarkExport(b *testing.B) {
	db := demoJournal(b, 365, 1)
	for _, format := range []string{"json", "md", "html", "csv"} {
		b.Run(format, func(b *testing.B) {
			var cpu time.Duration
			var out bytes.Buffer
			for b.Loop() {
				out.Reset()
				before := cpuTime()
				if code, errOut := exportTo(b, db, &out, "--format", format); code != 0 {
					b.Fatalf("exit %d: %s", code, errOut)
				}
				cpu += cpuTime() - before
			}
			b.ReportMetric(float64(out.Len())/1e6, "MB")
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}

// failingWriter takes up to room bytes, then fails as a full disk does.
type failingWriter struct{ room int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.room {
		n := w.room
		w.room = 0
		return n, fmt.Errorf("write /dev/stdout: no space left on device")
	}
	w.room -= len(p)
	return len(p), nil
}

// TestExportToStdoutFailingPartWaySaysSo: an export to standard output
// that fails after part of it went out says, in one line, that what it
// wrote is incomplete, and exits 1; one that fails before writing anything
// says only what went wrong.
func TestExportToStdoutFailingPartWaySaysSo(t *testing.T) {
	db := demoJournal(t, 120, 1)
	for _, format := range []string{"json", "md", "html"} {
		code, errOut := exportTo(t, db, &failingWriter{room: 100 << 10}, "--format", format)
		lines := strings.Split(strings.TrimSpace(errOut), "\n")
		if code != 1 || len(lines) != 1 || !strings.Contains(errOut, "stopped part-way") ||
			!strings.Contains(errOut, "incomplete") || !strings.Contains(errOut, "no space left on device") {
			t.Errorf("%s failing part-way: exit %d, stderr:\n%s", format, code, errOut)
		}
		code, errOut = exportTo(t, db, &failingWriter{}, "--format", format)
		if code != 1 || strings.Contains(errOut, "part-way") || !strings.Contains(errOut, "no space left on device") {
			t.Errorf("%s failing at once: exit %d, stderr:\n%s", format, code, errOut)
		}
	}
}

// TestJSONExportOfMeasuresHoldsOnlyQuestionnaires: --kind measure keeps
// the questionnaires in a JSON export as in every other format, not the
// other guided entries, and the count said after an export to a file is
// theirs.
func TestJSONExportOfMeasuresHoldsOnlyQuestionnaires(t *testing.T) {
	db := filepath.Join(t.TempDir(), "journal.db")
	f, _, errOut := testFactory(map[string]string{"XDG_CONFIG_HOME": filepath.Join(filepath.Dir(db), "config")})
	f.IO.InTTY, f.IO.OutTTY = false, false
	f.Now = func() time.Time { return exportClock }
	if code := Run(context.Background(), f, []string{"demo", "--days", "120", "--db", db, "--quiet"}); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errOut)
	}
	var all, measures bytes.Buffer
	if code, errOut := exportTo(t, db, &all, "--format", "json", "--kind", "guided"); code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	if code, errOut := exportTo(t, db, &measures, "--format", "json", "--kind", "measure"); code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	sets := func(b *bytes.Buffer) map[string]int {
		n := map[string]int{}
		for _, l := range strings.Split(b.String(), "\n") {
			if set, ok := strings.CutPrefix(strings.TrimSpace(l), `"prompt_set": `); ok {
				n[strings.Trim(set, `",`)]++
			}
		}
		return n
	}
	got, guided := sets(&measures), sets(&all)
	if len(got) == 0 || len(guided) <= len(got) {
		t.Fatalf("the demo's guided entries %v and questionnaires %v do not tell them apart", guided, got)
	}
	total := 0
	for set, n := range got {
		total += n
		if set != "phq9" && set != "gad7" && set != "pcl5" {
			t.Errorf("--kind measure exported %d %q entries", n, set)
		} else if n != guided[set] {
			t.Errorf("--kind measure exported %d %s entries of %d", n, set, guided[set])
		}
	}
	// The line after an export to a file counts what the file holds.
	for _, format := range []string{"json", "csv", "md"} {
		file := filepath.Join(t.TempDir(), "measures."+format)
		code, errOut := exportTo(t, db, io.Discard, "--kind", "measure", "-o", file)
		if want := fmt.Sprintf("Exported %d entries,", total); code != 0 || !strings.Contains(errOut, want) {
			t.Errorf("%s: exit %d, stderr %q, want %q", format, code, errOut, want)
		}
	}
}

package cmd

import (
	"bytes"
	"context"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"journal/journal/demo"
	"journal/journal/export"
)

// liveHeapReader hands out an export and notes the largest live heap at
// its reads: while a file is imported, what the import holds.
type liveHeapReader struct {
	r    *bytes.Reader
	peak uint64
}

func (h *liveHeapReader) Read(p []byte) (int, error) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	h.peak = max(h.peak, m.HeapAlloc)
	return h.r.Read(p)
}

// TestImportHoldsAFewRecordsAtATime: importing an export of twice the
// records does not hold much more, and neither holds the document.
func TestImportHoldsAFewRecordsAtATime(t *testing.T) {
	if testing.Short() {
		t.Skip("imports two demo years")
	}
	end := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	grew := map[int]int64{}
	size := map[int]int{}
	for _, days := range []int{365, 730} {
		var doc bytes.Buffer
		recs := demo.Generate(demo.Options{Days: days, Seed: 1, End: end, Busy: true})
		if err := export.JSON(&doc, export.Document{ExportedAt: end, Records: recs, IncludePrivate: true}); err != nil {
			t.Fatal(err)
		}
		size[days] = doc.Len()
		env := map[string]string{"JOURNAL_DB": filepath.Join(t.TempDir(), "journal.db"), "XDG_CONFIG_HOME": t.TempDir()}
		f, out, errOut := testFactory(env)
		f.IO.InTTY, f.IO.OutTTY = false, false
		f.Now = func() time.Time { return end }
		in := &liveHeapReader{r: bytes.NewReader(doc.Bytes())}
		f.IO.In = in
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		base := m.HeapAlloc
		if code := Run(context.Background(), f, []string{"import", "-"}); code != 0 {
			t.Fatalf("import: exit %d: %s", code, errOut)
		}
		if !strings.Contains(out.String(), " added, 0 updated") {
			t.Fatalf("import said: %s", out)
		}
		// base holds the document itself: what the import adds is above it.
		grew[days] = int64(in.peak) - int64(base)
		t.Logf("%d days: a %.1f MB export; the heap grew by %.1f MB at most", days,
			float64(doc.Len())/(1<<20), float64(grew[days])/(1<<20))
	}
	if grew[730] > int64(size[365]/2) {
		t.Errorf("importing a %.1f MB export grew the heap by %.1f MB: it should hold a few records at a time",
			float64(size[730])/(1<<20), float64(grew[730])/(1<<20))
	}
	if more := grew[730] - grew[365]; more > 1<<20 {
		t.Errorf("twice the records held %.1f MB more (%.1f MB, then %.1f MB): it should not grow with the file",
			float64(more)/(1<<20), float64(grew[365])/(1<<20), float64(grew[730])/(1<<20))
	}
}

package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"journal/journal"
)

// TestJSONWritesTheWholeDocumentsBytes: written a record at a time, the
// export is byte for byte the indented document encoding/json makes of it
// whole, escapes, empty and missing lists included.
func TestJSONWritesTheWholeDocumentsBytes(t *testing.T) {
	note := journal.Entry{UUID: "n-1", Kind: journal.KindNote, Day: day("2026-11-02"),
		OccurredAt: time.Date(2026, 11, 2, 21, 0, 0, 0, time.UTC), Body: "<tea> & rain\u0085 \u202e back",
		Tags: []string{"calm"}, Answers: []journal.Answer{{Key: "k", Question: "q?", Answer: "a"}}}
	for name, recs := range map[string]journal.Records{
		"full": {
			Sessions:  []journal.Session{{UUID: "s-1", Number: 1, Day: day("2026-11-01")}},
			Entries:   []journal.Entry{note, craving("2026-11-03", 7)},
			DrinkDays: []journal.DrinkDay{drinkDay("2026-11-02", 1.5), drinkDay("2026-11-03", 0)},
			Calls:     []journal.Call{{UUID: "call-1", Day: day("2026-11-03"), Note: "first"}},
		},
		"empty lists": {Sessions: []journal.Session{}, Entries: []journal.Entry{}, DrinkDays: []journal.DrinkDay{}, Calls: []journal.Call{}},
		"no lists":    {},
	} {
		doc := Document{ExportedAt: time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC), Since: day("2026-11-01"),
			Records: recs}
		var got bytes.Buffer
		if err := JSON(&got, doc); err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		whole := struct {
			jsonDoc
			journal.Records
		}{jsonDoc{Format: Format, Version: Version, ExportedAt: doc.ExportedAt,
			Range: jsonRange{Since: datePtr(doc.Since)}}, recs}
		if err := enc.Encode(whole); err != nil {
			t.Fatal(err)
		}
		if w := journal.EscapeJSON(want.Bytes()); !bytes.Equal(got.Bytes(), w) {
			t.Errorf("%s: got\n%s\nwant\n%s", name, got.Bytes(), w)
		}
		// The same, with the entries handed on one at a time.
		streamed := doc
		streamed.Records.Entries = nil
		streamed.EachEntry = func(fn func(journal.Entry) error) error {
			for _, e := range recs.Entries {
				if err := fn(e); err != nil {
					return err
				}
			}
			return nil
		}
		got.Reset()
		if err := JSON(&got, streamed); err != nil {
			t.Fatal(err)
		}
		if recs.Entries == nil {
			// A missing list is written as an empty one when streamed.
			continue
		}
		if w := journal.EscapeJSON(want.Bytes()); !bytes.Equal(got.Bytes(), w) {
			t.Errorf("%s, streamed: got\n%s\nwant\n%s", name, got.Bytes(), w)
		}
	}
}

// heapWatch is a writer that notes the largest live heap seen at its
// writes.
type heapWatch struct {
	n, peak uint64
	writes  int
}

func (h *heapWatch) Write(p []byte) (int, error) {
	h.n += uint64(len(p))
	if h.writes++; h.writes%1000 == 1 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		h.peak = max(h.peak, m.HeapAlloc)
	}
	return len(p), nil
}

// TestJSONHoldsOneRecordAtATime: writing the export of 20,000 entries adds
// to the heap about one record, not the document (some megabytes).
func TestJSONHoldsOneRecordAtATime(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	var recs journal.Records
	start := day("2000-01-01")
	for i := range 20000 {
		e := craving(start.AddDays(i/4).String(), i%11)
		e.UUID = fmt.Sprint("c-", i)
		e.Body = "A long evening. Walked to the shop and back, then tea and an early night."
		recs.Entries = append(recs.Entries, e)
	}
	doc := Document{ExportedAt: time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC), Records: recs}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	base := m.HeapAlloc
	w := &heapWatch{}
	if err := JSON(w, doc); err != nil {
		t.Fatal(err)
	}
	if w.n < 5<<20 {
		t.Fatalf("the document is only %d bytes: the test needs a bigger one", w.n)
	}
	if grew := int64(w.peak) - int64(base); grew > 1<<20 {
		t.Errorf("writing a %.1f MB export grew the heap by %.1f MB; it should hold one record at a time",
			float64(w.n)/(1<<20), float64(grew)/(1<<20))
	}
	// The old way, for scale: the whole document at once.
	if testing.Verbose() {
		b, _ := json.MarshalIndent(recs, "", "  ")
		t.Logf("document %d bytes, heap grew by at most %d bytes", len(b), int64(w.peak)-int64(base))
	}
}

// BenchmarkJSON writes the JSON export of 10,000 entries.
func BenchmarkJSON(b *testing.B) {
	var recs journal.Records
	start := day("2000-01-01")
	for i := range 10000 {
		e := craving(start.AddDays(i/4).String(), i%11)
		e.UUID = fmt.Sprint("c-", i)
		e.Body = "A long evening. Walked to the shop and back, then tea and an early night."
		recs.Entries = append(recs.Entries, e)
	}
	doc := Document{ExportedAt: time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC), Records: recs}
	b.ReportAllocs()
	for b.Loop() {
		if err := JSON(io.Discard, doc); err != nil {
			b.Fatal(err)
		}
	}
}

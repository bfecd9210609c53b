package export

import (
	"io"
	"testing"
	"time"

	"journal/journal"
	"journal/journal/demo"
)

// benchDocument is a busy demo year (about 2,700 entries), its entries
// handed on one at a time as the export command does.
func benchDocument() Document {
	end := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	recs := demo.Generate(demo.Options{Days: 365, Seed: 1, End: end, Busy: true})
	entries := recs.Entries
	recs.Entries = nil
	return Document{
		ExportedAt: end,
		Records:    recs,
		Summary:    Summary{From: journal.DateOf(end).AddDays(-364), To: journal.DateOf(end)},
		EachEntry: func(fn func(journal.Entry) error) error {
			for _, e := range entries {
				if err := fn(e); err != nil {
					return err
				}
			}
			return nil
		},
	}
}

// BenchmarkWriters writes a busy year in each format, from records already
// read: the writers' own cost (BenchmarkExport in cmd measures the whole
// command).
func BenchmarkWriters(b *testing.B) {
	doc := benchDocument()
	for name, write := range map[string]func(io.Writer, Document) error{
		"json": JSON, "md": Markdown, "html": HTML, "csv": CSV, "cravings-csv": CravingsCSVOf,
	} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := write(io.Discard, doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

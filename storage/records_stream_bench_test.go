package storage

import (
	"context"
	"testing"

	"journal/journal"
)

// BenchmarkStreamExport reads everything a full export of the busy
// ten-year journal holds as the export does: the records other than
// entries, then the entries a page at a time.
//
//	go test -run XXX -bench StreamExport ./storage/
func BenchmarkStreamExport(b *testing.B) {
	s, _ := tenYears(b)
	for b.Loop() {
		n := 0
		_, err := s.StreamExport(context.Background(), RecordFilter{}, func(r RecordStream) error {
			return r.Each(func(journal.Entry) error { n++; return nil })
		})
		if err != nil || n < 20000 {
			b.Fatal(n, err)
		}
	}
}

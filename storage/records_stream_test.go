package storage

import (
	"context"
	"reflect"
	"testing"

	"journal/journal"
	"journal/journal/demo"
)

// TestStreamRecordsMatchesRecords: the streamed export reads the same
// records, in the same order, with the same details and the same count of
// private entries left out, as the export read whole, across pages.
func TestStreamRecordsMatchesRecords(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	recs := demo.Generate(demo.Options{Days: 200, Seed: 3, End: fixedNow(), Busy: true})
	if _, err := s.Import(ctx, recs, false); err != nil {
		t.Fatal(err)
	}
	since := journal.DateOf(fixedNow()).AddDays(-120)
	for name, f := range map[string]RecordFilter{
		"everything":      {},
		"with private":    {IncludePrivate: true},
		"cravings, since": {Since: since, Kinds: []journal.Kind{journal.KindCraving, journal.KindGuided}},
	} {
		want, wantPrivate, err := s.Records(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if name == "everything" && len(want.Entries) <= entryPage {
			t.Fatalf("only %d entries: the test needs more than one page", len(want.Entries))
		}
		var got journal.Records
		gotPrivate, err := s.StreamRecords(ctx, f, func(r journal.Records, each func(func(journal.Entry) error) error) error {
			got = r
			got.Entries = []journal.Entry{}
			return each(func(e journal.Entry) error {
				got.Entries = append(got.Entries, e)
				return nil
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		if gotPrivate != wantPrivate {
			t.Errorf("%s: %d private entries left out, want %d", name, gotPrivate, wantPrivate)
		}
		if len(got.Entries) != len(want.Entries) {
			t.Fatalf("%s: %d entries, want %d", name, len(got.Entries), len(want.Entries))
		}
		for i := range want.Entries {
			if !reflect.DeepEqual(got.Entries[i], want.Entries[i]) {
				t.Fatalf("%s: entry %d is\n%+v\nwant\n%+v", name, i, got.Entries[i], want.Entries[i])
			}
		}
		got.Entries, want.Entries = nil, nil
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: other records differ:\n%+v\nwant\n%+v", name, got, want)
		}
	}
}

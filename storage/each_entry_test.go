package storage

import (
	"context"
	"slices"
	"testing"

	"journal/journal"
	"journal/journal/demo"
)

// Listing a page at a time gives the same entries in the same order as
// reading them all at once, across page ends, with or without a limit.
func TestEachEntryMatchesEntries(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	recs := demo.Generate(demo.Options{Days: 420, Seed: 5, End: fixedNow(), Busy: true})
	if _, err := s.Import(ctx, recs, false); err != nil {
		t.Fatal(err)
	}
	since := journal.DateOf(fixedNow()).AddDays(-90)
	for name, f := range map[string]journal.Filter{
		"all":              {},
		"ten":              {Limit: 10},
		"one page":         {Limit: entryPage},
		"one page and one": {Limit: entryPage + 1},
		"cravings":         {Kind: journal.KindCraving},
		"since":            {Since: since},
	} {
		want, err := s.Entries(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if name == "all" && len(want) <= 2*entryPage {
			t.Fatalf("only %d entries: the test needs more than two pages", len(want))
		}
		var got []journal.Entry
		if err := s.EachEntry(ctx, f, func(e journal.Entry) error { got = append(got, e); return nil }); err != nil {
			t.Fatal(err)
		}
		ids := func(es []journal.Entry) []int64 {
			out := make([]int64, len(es))
			for i, e := range es {
				out[i] = e.ID
			}
			return out
		}
		if !slices.Equal(ids(got), ids(want)) {
			t.Errorf("%s: %d entries, want %d in the order of Entries", name, len(got), len(want))
		}
		for i := range min(len(got), len(want)) {
			if got[i].Body != want[i].Body || len(got[i].Answers) != len(want[i].Answers) || slices.Compare(got[i].Tags, want[i].Tags) != 0 {
				t.Fatalf("%s: entry %d differs:\n got %+v\nwant %+v", name, got[i].ID, got[i], want[i])
			}
		}
	}
}

package storage

import (
	"context"
	"strings"
	"testing"
	"time"

	"journal/journal"
)

// TestTagFilterReadsTheTagOnce: listing a tag reads that tag's entries
// through the tag index, in one pass, rather than probing the tag table
// for every entry in the journal; and it lists exactly the tagged entries,
// newest first.
func TestTagFilterReadsTheTagOnce(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	day := journal.DateOf(fixedNow())
	for i, tags := range [][]string{{"craving"}, {"walk"}, {"craving", "walk"}, nil} {
		e := journal.Entry{Kind: journal.KindNote, Day: day, OccurredAt: fixedNow().Add(time.Duration(i) * time.Minute),
			Body: "note", Tags: tags}
		if err := s.AddEntry(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	es, err := s.Entries(ctx, journal.Filter{Tag: "craving"})
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 || es[0].ID != 3 || es[1].ID != 1 {
		t.Fatalf("entries tagged craving: got %d (%v), want entries 3 and 1", len(es), es)
	}

	q, args := entriesQuery(journal.Filter{Tag: "craving", Limit: 10})
	rows, err := s.db.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	all := strings.Join(plan, "\n")
	if !strings.Contains(all, "entry_tags_tag (tag=?)") {
		t.Errorf("the tag's entries are not read through the tag index:\n%s", all)
	}
	if strings.Contains(all, "(entry_id=? AND tag=?)") {
		t.Errorf("the tag table is probed once per entry:\n%s", all)
	}
}

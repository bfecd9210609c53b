package storage

import (
	"context"
	"strings"
	"testing"

	"journal/journal"
)

// longEntry is text of about size bytes that holds "sister" once, near its
// end, and "sidewalk" near its start.
func longEntry(size int) string {
	filler := "a calm evening with tea and rain, then a quiet talk "
	var b strings.Builder
	b.WriteString("Down the sidewalk. ")
	for b.Len() < size-200 {
		b.WriteString(filler)
	}
	b.WriteString("Called my Sister tonight and walked home. ")
	return b.String()
}

// TestSearchLongEntry: a whole-word hit in an entry too long for FTS5's
// snippet still shows the words around the match, marked, in a window of
// the usual size; a term is marked only where a word starts.
func TestSearchLongEntry(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	e := journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow(), Body: longEntry(4 * snippetScan)}
	if err := s.AddEntry(ctx, &e); err != nil {
		t.Fatal(err)
	}
	short := journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow(), Body: "Walked to see my sister."}
	if err := s.AddEntry(ctx, &short); err != nil {
		t.Fatal(err)
	}
	hits, err := s.Search(ctx, "sister", 10)
	if err != nil || len(hits) != 2 {
		t.Fatalf("search sister: %d hits, %v", len(hits), err)
	}
	for _, h := range hits {
		if !strings.Contains(h.Snippet, MarkStart+"Sister"+MarkEnd) && !strings.Contains(h.Snippet, MarkStart+"sister"+MarkEnd) {
			t.Errorf("entry %d: snippet %q does not mark the match", h.Entry.ID, h.Snippet)
		}
		if n := len([]rune(h.Snippet)); n > snippetBefore+snippetAfter+4 {
			t.Errorf("entry %d: snippet is %d characters long: %q", h.Entry.ID, n, h.Snippet)
		}
	}

	hits, err = s.Search(ctx, "walk*", 10)
	if err != nil || len(hits) != 2 {
		t.Fatalf("search walk*: %d hits, %v", len(hits), err)
	}
	for _, h := range hits {
		if h.Entry.ID != e.ID {
			continue
		}
		if !strings.Contains(h.Snippet, MarkStart+"walk"+MarkEnd+"ed home") || strings.Contains(h.Snippet, "side") {
			t.Errorf("long entry: snippet %q should mark walk in \"walked home\", not in \"sidewalk\"", h.Snippet)
		}
	}
}

// BenchmarkSearchLongEntry searches a journal holding one 1 MB entry: FTS5
// alone took 6 s for it.
func BenchmarkSearchLongEntry(b *testing.B) {
	dir := b.TempDir()
	s, err := Open(context.Background(), dir+"/journal.db", fixedNow)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	e := journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow(), Body: longEntry(1 << 20)}
	if err := s.AddEntry(context.Background(), &e); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if hits, err := s.Search(context.Background(), "sister", 20); err != nil || len(hits) != 1 {
			b.Fatal(len(hits), err)
		}
	}
}

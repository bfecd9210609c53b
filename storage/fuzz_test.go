package storage

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"journal/journal"
)

// FuzzFTSQuery checks the search sanitiser with whatever a person types:
// its output is always a query FTS5 accepts (never a syntax error from
// MATCH), and a search either runs or, when nothing searchable is left,
// says so as bad input.
func FuzzFTSQuery(f *testing.F) {
	for _, s := range []string{
		"sleep", "walk* evening", `"called my sister" later`, "don't", "AND OR NOT", `unclosed "phrase`,
		`a"b`, "c++ (x) -y ^z", "*** ---", "", "NEAR(a b)", "body:walk", "{body} : x", "caf\u00e9 cafe\u0301",
		"\u00a0\u2003word\u3000", "x*y*", `"" "*"`, "a\x00b", "\xff\xfe", "ǅ İ ß", "😀 walk", "a -- b", "+-*/",
	} {
		f.Add(s)
	}
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(f.TempDir(), "j.db"), time.Now)
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	at := time.Date(2026, 11, 20, 21, 30, 0, 0, time.UTC)
	for _, body := range []string{"Walked to the café after work. #walk", "Don't forget: c++ class, then sleep.", "Called my sister later on"} {
		e := journal.Entry{Kind: journal.KindNote, OccurredAt: at, Body: body}
		if err := s.AddEntry(ctx, &e); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, in string) {
		q := FTSQuery(in)
		if q != "" {
			var n int
			if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM entries_fts WHERE entries_fts MATCH ?`, q).Scan(&n); err != nil {
				t.Fatalf("FTSQuery(%q) = %q, which MATCH refuses: %v", in, q, err)
			}
		}
		_, err := s.Search(ctx, in, 5)
		switch {
		case q == "" && !journal.IsInput(err):
			t.Fatalf("Search(%q) with nothing searchable: %v, want an input error", in, err)
		case q != "" && err != nil:
			t.Fatalf("Search(%q) (query %q): %v", in, q, err)
		}
	})
}

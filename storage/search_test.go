package storage

import (
	"context"
	"fmt"
	"testing"
	"time"

	"journal/journal"
)

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"sleep", `"sleep"`},
		{"walk* evening", `"walk"* "evening"`},
		{`"called my sister" later`, `"called my sister" "later"`},
		{"don't", `"don't"`},
		{"AND OR NOT", `"AND" "OR" "NOT"`},
		{`unclosed "phrase here`, `"unclosed" "phrase here"`},
		{`a"b`, `"a" "b"`},
		{"c++ (x) -y ^z", `"c++" "(x)" "-y" "^z"`},
		{"*** ---", ""},
		{"", ""},
		{"NEAR(a b)", `"NEAR(a" "b)"`},
		{"a\x00b\tc\x1b[2J", `"a" "b" "c" "[2J"`},
	}
	for _, tt := range tests {
		if got := FTSQuery(tt.in); got != tt.want {
			t.Errorf("FTSQuery(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestSearchRanksTheNewestMatchesOfACommonWord(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	day := time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)
	n := RankWindow + 40
	for i := 0; i < n; i++ {
		e := journal.Entry{Kind: journal.KindNote, OccurredAt: day.AddDate(0, 0, i), Body: fmt.Sprintf("walk number %d", i)}
		if err := s.AddEntry(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	hits, err := s.Search(ctx, "walk", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != RankWindow {
		t.Fatalf("%d hits, want the newest %d", len(hits), RankWindow)
	}
	for _, h := range hits {
		if h.Entry.ID <= int64(n-RankWindow) {
			t.Fatalf("entry %d is older than the newest %d matches", h.Entry.ID, RankWindow)
		}
	}
	// A rare word is found however old.
	if hits, err := s.Search(ctx, `"number 3"`, 0); err != nil || len(hits) != 1 || hits[0].Entry.ID != 4 {
		t.Errorf("rare phrase: %d hits, %v", len(hits), err)
	}
}

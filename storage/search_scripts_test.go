package storage

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"journal/journal"
)

// addNotes saves one note per text, a day apart, oldest first; entry i+1
// holds texts[i].
func addNotes(t *testing.T, s *Store, texts ...string) {
	t.Helper()
	day := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	for i, text := range texts {
		e := journal.Entry{Kind: journal.KindNote, OccurredAt: day.AddDate(0, 0, i), Body: text}
		if err := s.AddEntry(context.Background(), &e); err != nil {
			t.Fatal(err)
		}
	}
}

func hitIDs(t *testing.T, s *Store, query string) []int64 {
	t.Helper()
	hits, err := s.Search(context.Background(), query, 20)
	if err != nil {
		t.Fatalf("search %q: %v", query, err)
	}
	ids := make([]int64, len(hits))
	for i, h := range hits {
		ids[i] = h.Entry.ID
	}
	return ids
}

func sameIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

var scriptNotes = []string{
	"今日は散歩に行きました。気分が良い。",            // 1 Japanese
	"我今天去散步了，心情很好。",                 // 2 Chinese
	"오늘은 산책을 했다. 기분이 좋다.",           // 3 Korean
	"ذهبت إلى المكتبة اليوم 🌿",      // 4 Arabic, an emoji
	"Selfcare day 🌿 with my sister", // 5
	"Took care of the garden",       // 6
	"お酒を飲まなかった",                     // 7 Japanese
	"วันนี้ไปเดินเล่นกับเพื่อน",     // 8 Thai, no spaces
}

func TestSearchFindsWordsInEveryScript(t *testing.T) {
	s := openTemp(t)
	addNotes(t, s, scriptNotes...)
	tests := []struct {
		query string
		want  []int64
	}{
		{"散歩", []int64{1}},        // two characters, inside a run without spaces
		{"行きました", []int64{1}},     // longer
		{"散歩 気分", []int64{1}},     // both, apart
		{"散", []int64{2, 1}},      // one character: 散步 and 散歩, newest first
		{"酒", []int64{7}},         // one character, after a particle
		{"散步", []int64{2}},        // Chinese
		{"心情", []int64{2}},        // Chinese, before punctuation
		{"산책", []int64{3}},        // Korean, with its particle
		{"기분이", []int64{3}},       // Korean whole word
		{"المكتبة", []int64{4}},   // Arabic whole word
		{"مكتبة", []int64{4}},     // Arabic, without the article
		{"care", []int64{6, 5}},   // the word first, then inside Selfcare
		{"self*", []int64{5}},     // prefix, as before
		{"sister 🌿", []int64{5}},  // emoji beside a word
		{`"散歩に"`, []int64{1}},     // quoted, without spaces
		{`"care day"`, []int64{}}, // quoted phrases are whole words
		{"散歩 garden", []int64{}},  // every term must be there
		{"are", []int64{6, 5}},    // three letters inside words: care, Selfcare
		{"ca", []int64{}},         // two letters are only whole words
		{"เดินเล่น", []int64{8}},  // Thai, inside a run
		{"ไป", []int64{8}},        // two Thai letters
	}
	for _, tt := range tests {
		if got := hitIDs(t, s, tt.query); !sameIDs(got, tt.want) {
			t.Errorf("search %q = %v, want %v", tt.query, got, tt.want)
		}
	}
}

func TestSearchInsideWordsMarksTheMatch(t *testing.T) {
	s := openTemp(t)
	addNotes(t, s, scriptNotes...)
	for query, want := range map[string]string{
		"散歩":    "今日は" + MarkStart + "散歩" + MarkEnd + "に行きました。",
		"산책":    MarkStart + "산책" + MarkEnd + "을",
		"مكتبة": "ال" + MarkStart + "مكتبة" + MarkEnd,
		"SELF":  MarkStart + "Self" + MarkEnd + "care",
	} {
		hits, err := s.Search(context.Background(), query, 20)
		if err != nil || len(hits) != 1 {
			t.Fatalf("search %q: %d hits, %v", query, len(hits), err)
		}
		if !strings.Contains(hits[0].Snippet, want) {
			t.Errorf("search %q snippet = %q, want it to hold %q", query, hits[0].Snippet, want)
		}
	}
}

func TestInsideSnippetKeepsCharactersWhole(t *testing.T) {
	long := strings.Repeat("あ", 50) + "散歩" + strings.Repeat("い", 100)
	got := insideSnippet([]searchTerm{{text: "散歩"}}, "", long)
	want := "…" + strings.Repeat("あ", snippetBefore) + MarkStart + "散歩" + MarkEnd + strings.Repeat("い", snippetAfter-2) + "…"
	if got != want {
		t.Errorf("insideSnippet = %q, want %q", got, want)
	}
}

func TestSearchGrams(t *testing.T) {
	for in, want := range map[string]string{
		"散歩に。気分": "散 散歩 歩 歩に に 気 気分 分",
		"산책을 했다": "산 산책 책 책을 을 했 했다 다",
		"walk 🌿": "",
		"A酒B":    "酒",
	} {
		if got := searchGrams(in); got != want {
			t.Errorf("searchGrams(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSearchFollowsEditsAndDeletes(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	addNotes(t, s, "今日は散歩に行きました", "Selfcare evening")
	if err := s.UpdateEntryText(ctx, 1, "今日は家にいました", nil); err != nil {
		t.Fatal(err)
	}
	if got := hitIDs(t, s, "散歩"); len(got) != 0 {
		t.Errorf("old text still found after edit: %v", got)
	}
	if got := hitIDs(t, s, "家に"); !sameIDs(got, []int64{1}) {
		t.Errorf("new text: %v, want [1]", got)
	}
	if err := s.DeleteEntry(ctx, 2); err != nil {
		t.Fatal(err)
	}
	if got := hitIDs(t, s, "care"); len(got) != 0 {
		t.Errorf("deleted entry found: %v", got)
	}
}

// A journal made before the substring indexes gets them, filled, on its
// next open.
func TestOpenBuildsSubstringIndexesForAnExistingJournal(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := Open(ctx, path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	addNotes(t, s, "今日は散歩に行きました", "Selfcare evening")
	s.Close()

	// Back to the schema before the step: drop its tables and version.
	step := 0
	for i, m := range migrations {
		if strings.Contains(m.sql, "entries_trigram") {
			step = i
		}
	}
	if step == 0 {
		t.Fatal("no step makes entries_trigram")
	}
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"DROP TABLE entries_trigram", "DROP TABLE entries_grams", fmt.Sprint("PRAGMA user_version = ", step)} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	db.Close()

	s, err = Open(ctx, path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := hitIDs(t, s, "散歩"); !sameIDs(got, []int64{1}) {
		t.Errorf("散歩 after upgrade: %v, want [1]", got)
	}
	if got := hitIDs(t, s, "care"); !sameIDs(got, []int64{2}) {
		t.Errorf("care after upgrade: %v, want [2]", got)
	}
}

// Saving refuses text that is not UTF-8 whatever it came from (a form
// included), and writes nothing.
func TestSavingRefusesTextThatIsNotUTF8(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	c := journal.Craving{Intensity: 5, Triggers: []string{"\x8e\x55"}}
	e := journal.Entry{Kind: journal.KindCraving, OccurredAt: fixedNow(), Craving: &c}
	if err := s.AddCraving(ctx, &e); err == nil || !journal.IsInput(err) || !strings.HasPrefix(err.Error(), "a craving trigger is not UTF-8") {
		t.Fatalf("err = %v, want the trigger refused", err)
	}
	addNotes(t, s, "散歩")
	if err := s.UpdateEntryText(ctx, 1, "caf\xe9", nil); err == nil || !journal.IsInput(err) {
		t.Fatalf("edit: err = %v, want it refused", err)
	}
	if _, err := s.SetDrinks(ctx, []journal.Date{journal.DateOf(fixedNow())}, 1, false, "caf\xe9"); err == nil {
		t.Fatal("drinks note not refused")
	}
	es, err := s.Entries(ctx, journal.Filter{})
	if err != nil || len(es) != 1 || es[0].Body != "散歩" {
		t.Fatalf("entries = %+v, %v: want only the first note, unchanged", es, err)
	}
	if _, err := s.DrinkDay(ctx, journal.DateOf(fixedNow())); err != journal.ErrNotFound {
		t.Errorf("a drinks day was written: %v", err)
	}
}

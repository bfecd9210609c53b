package storage

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Snippet window around the first match found inside a word, in characters.
const (
	snippetBefore = 20
	snippetAfter  = 60
)

// snippetScan is the most indexed text of an entry, in bytes, whose
// snippet FTS5 makes. FTS5's snippet() weighs every window of every match,
// so its cost grows with the square of the entry's length: a 1 MB entry
// took 6 s and a 2 MB one 14 s. Longer entries get theirs from
// wordSnippet, which reads the text once and holds only the window.
const snippetScan = 16 << 10

// insideSnippet is the snippet of a hit found inside words: a window of the
// first text that holds a term, around its first match, with every match in
// it between MarkStart and MarkEnd and "…" where text was left out. Case is
// ignored as search ignores it; when no term is found as typed (an accent
// the index ignored), it is the start of the first text.
func insideSnippet(terms []searchTerm, texts ...string) string {
	return snippet(terms, false, texts)
}

// wordSnippet is insideSnippet for a hit found by whole words: a term
// matches only at the start of a word. A word found only through its stem
// ("studies" for "study") is not marked, and the snippet is then the start
// of the text.
func wordSnippet(terms []searchTerm, texts ...string) string {
	return snippet(terms, true, texts)
}

// snippet reads each text once, rune by rune, without copying it: entries
// can be megabytes long.
func snippet(terms []searchTerm, wordStart bool, texts []string) string {
	var needles [][]rune
	for _, t := range terms {
		if text := trimTerm(t.text); text != "" {
			needles = append(needles, []rune(strings.ToLower(text)))
		}
	}
	m := matcher{needles: needles, wordStart: wordStart}
	first := ""
	for _, text := range texts {
		if text == "" {
			continue
		}
		if first == "" {
			first = text
		}
		pos := -1
		for i := 0; i < len(text); {
			if _, ok := m.at(text, i, len(text)); ok {
				pos = i
				break
			}
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
		}
		if pos < 0 {
			continue
		}
		start := pos
		for range snippetBefore {
			if start == 0 {
				break
			}
			_, size := utf8.DecodeLastRuneInString(text[:start])
			start -= size
		}
		end := pos
		for range snippetAfter {
			if end == len(text) {
				break
			}
			_, size := utf8.DecodeRuneInString(text[end:])
			end += size
		}
		var b strings.Builder
		if start > 0 {
			b.WriteString("…")
		}
		for i := start; i < end; {
			if n, ok := m.at(text, i, end); ok {
				b.WriteString(MarkStart + text[i:i+n] + MarkEnd)
				i += n
				continue
			}
			_, size := utf8.DecodeRuneInString(text[i:])
			b.WriteString(text[i : i+size])
			i += size
		}
		if end < len(text) {
			b.WriteString("…")
		}
		return b.String()
	}
	end := 0
	for range snippetAfter {
		if end == len(first) {
			return first
		}
		_, size := utf8.DecodeRuneInString(first[end:])
		end += size
	}
	if end < len(first) {
		return first[:end] + "…"
	}
	return first
}

// matcher finds lower-cased needles in text, rune by rune.
type matcher struct {
	needles   [][]rune
	wordStart bool
}

// at is the length in bytes of the longest needle found at text[i:], ending
// at or before limit.
func (m matcher) at(text string, i, limit int) (int, bool) {
	if m.wordStart && i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:i]); isWordRune(r) {
			return 0, false
		}
	}
	best, found := 0, false
	for _, n := range m.needles {
		j, k := i, 0
		for k < len(n) && j < limit {
			r, size := utf8.DecodeRuneInString(text[j:])
			if unicode.ToLower(r) != n[k] {
				break
			}
			j, k = j+size, k+1
		}
		if k == len(n) && (!found || j-i > best) {
			best, found = j-i, true
		}
	}
	return best, found
}

func isWordRune(r rune) bool {
	return unicode.In(r, unicode.L, unicode.M, unicode.N)
}

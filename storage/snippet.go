package storage

import (
	"strings"
	"unicode"
)

// Snippet window around the first match found inside a word, in characters.
const (
	snippetBefore = 20
	snippetAfter  = 60
)

// insideSnippet is the snippet of a hit found inside words: a window of the
// first text that holds a term, around its first match, with every match in
// it between MarkStart and MarkEnd and "…" where text was left out. Case is
// ignored as search ignores it; when no term is found as typed (an accent
// the index ignored), it is the start of the first text.
func insideSnippet(terms []searchTerm, texts ...string) string {
	var needles [][]rune
	for _, t := range terms {
		if text := trimTerm(t.text); text != "" {
			needles = append(needles, lowerRunes(text))
		}
	}
	first := ""
	for _, text := range texts {
		if text == "" {
			continue
		}
		if first == "" {
			first = text
		}
		rs := []rune(text)
		low := lowerRunes(text)
		pos := -1
		for i := range low {
			if matchAt(low, i, needles) > 0 {
				pos = i
				break
			}
		}
		if pos < 0 {
			continue
		}
		start, end := max(0, pos-snippetBefore), min(len(rs), pos+snippetAfter)
		var b strings.Builder
		if start > 0 {
			b.WriteString("…")
		}
		for i := start; i < end; {
			if n := matchAt(low[:end], i, needles); n > 0 {
				b.WriteString(MarkStart + string(rs[i:i+n]) + MarkEnd)
				i += n
				continue
			}
			b.WriteRune(rs[i])
			i++
		}
		if end < len(rs) {
			b.WriteString("…")
		}
		return b.String()
	}
	if rs := []rune(first); len(rs) > snippetAfter {
		return string(rs[:snippetAfter]) + "…"
	}
	return first
}

// lowerRunes is s lower-cased rune by rune, so indexes match []rune(s).
func lowerRunes(s string) []rune {
	rs := []rune(s)
	for i, r := range rs {
		rs[i] = unicode.ToLower(r)
	}
	return rs
}

// matchAt is the length of the longest needle found at s[i:], or 0.
func matchAt(s []rune, i int, needles [][]rune) int {
	best := 0
	for _, n := range needles {
		if len(n) > best && i+len(n) <= len(s) && string(s[i:i+len(n)]) == string(n) {
			best = len(n)
		}
	}
	return best
}

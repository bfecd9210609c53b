package storage

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// gramScripts are written without spaces between words (Han, kana, Thai,
// Lao, Khmer, Myanmar), or, like Hangul, join particles to their words, so
// a word a person searches for is often a short run inside a longer one.
var gramScripts = []*unicode.RangeTable{
	unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul,
	unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar,
}

// isGramRune reports whether r belongs to one of gramScripts. The
// prolonged sound mark ー is Common script but part of katakana words.
func isGramRune(r rune) bool {
	return r == 'ー' || unicode.IsOneOf(gramScripts, r)
}

// isGramTerm reports whether every character of term is in gramScripts.
func isGramTerm(term string) bool {
	return term != "" && !strings.ContainsFunc(term, func(r rune) bool { return !isGramRune(r) })
}

// searchGrams is the text entries_grams indexes for the given texts: for
// every run of gramScripts characters, each character and each pair of
// neighbours, separated by spaces ("散歩に" gives "散 散歩 歩 歩に に").
// It is "" when the texts hold no such character.
func searchGrams(texts ...string) string {
	var b strings.Builder
	add := func(s string) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
	for _, text := range texts {
		for i := 0; i < len(text); {
			if text[i] < utf8.RuneSelf { // no gram script is ASCII
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[i:])
			if !isGramRune(r) {
				i += n
				continue
			}
			add(text[i : i+n])
			if next, m := utf8.DecodeRuneInString(text[i+n:]); m > 0 && isGramRune(next) {
				add(text[i : i+n+m])
			}
			i += n
		}
	}
	return b.String()
}

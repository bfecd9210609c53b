package journal

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NormalizeTag trims a tag and lower-cases it, so "Stress" and "stress "
// count as one. A leading # is dropped.
func NormalizeTag(s string) string {
	return strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), "#"))
}

// ValidateTag checks a tag given with --tag.
func ValidateTag(s string) (string, error) {
	t := NormalizeTag(s)
	if t == "" {
		return "", Invalid("empty tag: give a word, like --tag sleep")
	}
	if strings.ContainsFunc(t, func(r rune) bool { return r == ',' || unicode.IsSpace(r) || unicode.IsControl(r) }) {
		return "", Invalid("tag %s has spaces, commas or control characters: use one word per --tag, like --tag work-stress", Quote(s))
	}
	if n := len([]rune(t)); n > MaxWordLen {
		return "", Invalid("tag %s is %d characters: keep a tag to %d", Quote(s), n, MaxWordLen)
	}
	return t, nil
}

// HashTags returns the #tags written in text, normalised: a # at a word
// start (the text's start, or after a character other than a letter, digit,
// _, &, # or /), then a letter or _, then letters, digits, - or _. "#1"
// alone is not a tag (people write "#1 priority"), nor is "issue#4" or
// "&#39;". Scanned by hand: compiling the equivalent regular expression
// cost a quarter of a millisecond on every entry written.
func HashTags(text string) []string {
	var out []string
	end := 0 // where the last tag ended: its last character opens no tag
	for i := 0; i < len(text); i++ {
		if text[i] != '#' {
			continue
		}
		if i > 0 {
			r, n := utf8.DecodeLastRuneInString(text[end:i])
			if n == 0 || !opensTag(r) {
				continue
			}
		}
		j := i + 1
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !(unicode.IsLetter(r) || r == '_' || (j > i+1 && (unicode.IsNumber(r) || r == '-'))) {
				break
			}
			j += n
		}
		if j > i+1 {
			out = append(out, NormalizeTag(text[i+1:j]))
			end = j
			i = j - 1
		}
	}
	return MergeTags(out)
}

// opensTag reports whether a # right after r can start a tag.
func opensTag(r rune) bool {
	return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_' || r == '&' || r == '#' || r == '/')
}

// MergeTags returns the distinct tags of the lists, sorted.
func MergeTags(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		for _, t := range l {
			if t = NormalizeTag(t); t != "" {
				out = append(out, t)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TagOf turns a label from another program (a jrnl tag, say) into a tag
// that ValidateTag accepts unchanged: normalised, with each run of spaces,
// commas and control characters as one "-". It returns "" when no word is
// left.
func TagOf(s string) string {
	words := strings.FieldsFunc(NormalizeTag(s), func(r rune) bool {
		return r == ',' || unicode.IsSpace(r) || unicode.IsControl(r)
	})
	return strings.TrimLeft(strings.Join(words, "-"), "#")
}

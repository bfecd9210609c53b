package journal

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// hashTagRe finds #tags in text: a # at a word start, then letters, digits,
// - or _. "#1" alone is not a tag (people write "#1 priority").
var hashTagRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:^|[^\p{L}\p{N}_&#/])#([\p{L}_][\p{L}\p{N}_-]*)`) })

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

// HashTags returns the #tags written in text, normalised.
func HashTags(text string) []string {
	var out []string
	for _, m := range hashTagRe().FindAllStringSubmatch(text, -1) {
		out = append(out, NormalizeTag(m[1]))
	}
	return MergeTags(out)
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

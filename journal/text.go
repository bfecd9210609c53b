package journal

import (
	"strings"
	"unicode"
)

// CleanLine makes stored or typed text safe to print on one line of a
// terminal, in a piped row or in a Markdown or CSV export: control
// characters (a tab, a line break, a pasted terminal escape such as
// "\x1b]0;title\a" or "\x1b[2J") become spaces, so they can neither add a
// column nor retitle, clear or redraw the terminal; bidirectional
// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
// reorder what follows them on the line, are dropped; bytes that are not
// UTF-8 become U+FFFD. Letters, marks, emoji and their joiners are kept.
//
// Clean before cutting to a width: a cut made first could leave half an
// escape sequence for the terminal.
func CleanLine(s string) string { return clean(s, false) }

// CleanText is CleanLine for text shown whole: line breaks and tabs stay.
func CleanText(s string) string { return clean(s, true) }

func clean(s string, keepBreaks bool) string {
	if isClean(s, keepBreaks) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case keepBreaks && (r == '\n' || r == '\t'):
			return r
		case isBidiControl(r):
			return -1
		case unicode.IsControl(r), r == '\u2028', r == '\u2029':
			return ' '
		}
		return r // strings.Map has already made a bad byte U+FFFD
	}, s)
}

// isClean is the common case, checked without building a new string.
func isClean(s string, keepBreaks bool) bool {
	for i, r := range s {
		switch {
		case r == unicode.ReplacementChar && !strings.HasPrefix(s[i:], "\uFFFD"):
			return false // a byte that is not UTF-8
		case keepBreaks && (r == '\n' || r == '\t'):
		case isBidiControl(r), unicode.IsControl(r), r == '\u2028', r == '\u2029':
			return false
		}
	}
	return true
}

// isBidiControl reports the explicit directional formatting characters.
// The marks U+200E, U+200F and U+061C only nudge neutral characters and
// are kept: writers of Arabic and Hebrew use them.
func isBidiControl(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069')
}

// CleanLines is CleanLine of each item, in a new slice.
func CleanLines(items []string) []string {
	if items == nil {
		return nil
	}
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = CleanLine(s)
	}
	return out
}

// Printable is e with every text field cleaned for printing: the body and
// answers as CleanText, tags, questions and craving details as CleanLine.
// It copies; e is unchanged. Use it for what people read (not for --json,
// which escapes control characters itself and must keep the text as is).
func (e Entry) Printable() Entry {
	e.Body = CleanText(e.Body)
	e.Tags = CleanLines(e.Tags)
	e.PromptSet = CleanLine(e.PromptSet)
	if e.Answers != nil {
		answers := make([]Answer, len(e.Answers))
		for i, a := range e.Answers {
			answers[i] = Answer{Key: CleanLine(a.Key), Question: CleanLine(a.Question), Answer: CleanText(a.Answer)}
		}
		e.Answers = answers
	}
	if e.Craving != nil {
		c := *e.Craving
		c.Triggers, c.Feelings, c.Coping = CleanLines(c.Triggers), CleanLines(c.Feelings), CleanLines(c.Coping)
		c.Where, c.With, c.Thoughts = CleanLine(c.Where), CleanLine(c.With), CleanLine(c.Thoughts)
		e.Craving = &c
	}
	return e
}

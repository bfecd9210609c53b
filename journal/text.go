package journal

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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

// EscapeJSON makes encoded JSON as safe to print as CleanLine makes text,
// without losing anything: the C1 controls (U+0080–U+009F; U+009B starts
// an escape sequence on some terminals) and the direction controls, which
// encoding/json writes as they are, become \u escapes. JSON holds such
// characters only inside strings, where the escape means the same.
func EscapeJSON(b []byte) []byte {
	if !bytes.ContainsFunc(b, needsJSONEscape) {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if needsJSONEscape(r) {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, b[:n]...)
		}
		b = b[n:]
	}
	return out
}

func needsJSONEscape(r rune) bool { return (r >= 0x80 && r <= 0x9f) || isBidiControl(r) }

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

// CheckUTF8 refuses text that is not UTF-8, as typed at a terminal set to
// another encoding or saved by an editor in one: stored as it is, it would
// print as "�", cut #tags short and make exports that differ from the
// journal. what names where the text came from ("the text on standard
// input", "--trigger"); the message shows the byte and what comes before
// it, so the person can find it.
func CheckUTF8(what, s string) error {
	if utf8.ValidString(s) {
		return nil
	}
	i := badByte(s)
	return Invalid("%s is not UTF-8 text (byte 0x%02X%s): set your terminal, or save the file, as UTF-8 and try again",
		what, s[i], before(s[:i]))
}

// CheckUTF8File is CheckUTF8 for a whole file, naming the line.
func CheckUTF8File(name string, b []byte) error {
	if utf8.Valid(b) {
		return nil
	}
	s := string(b)
	i := badByte(s)
	line := strings.Count(s[:i], "\n") + 1
	lineStart := strings.LastIndexByte(s[:i], '\n') + 1
	return Invalid("line %d of %s is not UTF-8 text (byte 0x%02X%s): save it as UTF-8 and try again",
		line, name, s[i], before(s[lineStart:i]))
}

// badByte is the offset of the first byte of s that is not UTF-8.
func badByte(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return i
			}
		}
	}
	return len(s)
}

// before is up to 20 characters of what comes before a bad byte, as
// ` after "…"`, cleaned for the one-line message; "" at the start.
func before(s string) string {
	rs := []rune(strings.TrimLeftFunc(CleanLine(s), unicode.IsSpace))
	if len(rs) == 0 {
		return ""
	}
	if len(rs) > 20 {
		rs = rs[len(rs)-20:]
	}
	return fmt.Sprintf(" after %q", string(rs))
}

// field is one piece of a record's text and what to call it in a message.
type field struct{ what, text string }

// checkFields is CheckUTF8 of each field, stopping at the first refused.
func checkFields(fields []field) error {
	for _, f := range fields {
		if err := CheckUTF8(f.what, f.text); err != nil {
			return err
		}
	}
	return nil
}

// ValidateText refuses an entry whose text is not all UTF-8, naming the
// field. Saving goes through it, whatever the text came from (arguments,
// standard input, the editor, a form, an answers file, an import).
func (e Entry) ValidateText() error {
	fields := []field{{"the entry text", e.Body}, {"the prompt set name", e.PromptSet}}
	for _, t := range e.Tags {
		fields = append(fields, field{"a tag", t})
	}
	for _, a := range e.Answers {
		fields = append(fields, field{"a question", a.Key + a.Question},
			field{"the answer to " + strconv.Quote(CleanLine(strings.ToValidUTF8(a.Question, "?"))), a.Answer})
	}
	if c := e.Craving; c != nil {
		for _, t := range c.Triggers {
			fields = append(fields, field{"a craving trigger", t})
		}
		for _, t := range c.Feelings {
			fields = append(fields, field{"a feeling", t})
		}
		for _, t := range c.Coping {
			fields = append(fields, field{"a coping strategy", t})
		}
		fields = append(fields, field{"where", c.Where}, field{"with", c.With}, field{"the thoughts", c.Thoughts})
	}
	return checkFields(fields)
}

// ValidateText refuses a session whose text is not all UTF-8.
func (s Session) ValidateText() error {
	return checkFields([]field{{"the session note", s.Note}, {"the setting", s.Setting}, {"the route", s.Route}})
}

// ValidateText refuses a call whose note is not UTF-8.
func (c Call) ValidateText() error { return CheckUTF8("the call note", c.Note) }

package export

import (
	"math"
	"strconv"
	"time"
	"unicode/utf8"

	"journal/journal"
)

// appendEntry appends e as the JSON export lays out an element of its
// "entries" list: the bytes encoding/json writes for journal.Entry with
// SetIndent("    ", "  ") and SetEscapeHTML(false), then
// journal.EscapeJSON. It is written by hand because entries are nearly
// all of an export, and reflection, indenting afterwards and a second
// pass for escapes cost more than reading them from the journal. ok is
// false for a value encoding/json would refuse (a NaN, say): the caller
// then encodes e the general way and reports its error.
func appendEntry(buf []byte, e *journal.Entry) (_ []byte, ok bool) {
	const (
		l1 = "\n      "
		l2 = "\n        "
		l3 = "\n          "
	)
	start := len(buf)
	w := entryEncoder{b: buf, ok: true}
	w.raw("{" + l1 + `"id": `)
	w.b = strconv.AppendInt(w.b, e.ID, 10)
	w.raw("," + l1 + `"uuid": `)
	w.str(e.UUID)
	w.raw("," + l1 + `"kind": `)
	w.str(string(e.Kind))
	w.raw("," + l1 + `"day": `)
	w.str(e.Day.String())
	w.raw("," + l1 + `"occurred_at": `)
	w.time(e.OccurredAt)
	w.raw("," + l1 + `"body": `)
	w.str(e.Body)
	w.raw("," + l1 + `"tags": `)
	w.strs(e.Tags, l1)
	w.raw("," + l1 + `"private": `)
	w.b = strconv.AppendBool(w.b, e.Private)
	w.raw("," + l1 + `"session_id": `)
	if e.SessionID == nil {
		w.raw("null")
	} else {
		w.b = strconv.AppendInt(w.b, *e.SessionID, 10)
	}
	w.raw("," + l1 + `"prompt_set": `)
	w.str(e.PromptSet)
	w.raw("," + l1 + `"answers": `)
	switch {
	case e.Answers == nil:
		w.raw("null")
	case len(e.Answers) == 0:
		w.raw("[]")
	default:
		w.raw("[")
		for i, a := range e.Answers {
			if i > 0 {
				w.raw(",")
			}
			w.raw(l2 + "{" + l3 + `"key": `)
			w.str(a.Key)
			w.raw("," + l3 + `"question": `)
			w.str(a.Question)
			w.raw("," + l3 + `"answer": `)
			w.str(a.Answer)
			w.raw(l2 + "}")
		}
		w.raw(l1 + "]")
	}
	if c := e.Craving; c != nil {
		w.raw("," + l1 + `"craving": {` + l2 + `"intensity": `)
		w.b = strconv.AppendInt(w.b, int64(c.Intensity), 10)
		w.raw("," + l2 + `"triggers": `)
		w.strs(c.Triggers, l2)
		w.raw("," + l2 + `"feelings": `)
		w.strs(c.Feelings, l2)
		w.raw("," + l2 + `"coping": `)
		w.strs(c.Coping, l2)
		w.raw("," + l2 + `"outcome": `)
		w.str(string(c.Outcome))
		w.raw("," + l2 + `"minutes": `)
		w.int(c.Minutes)
		w.raw("," + l2 + `"where": `)
		w.str(c.Where)
		w.raw("," + l2 + `"with": `)
		w.str(c.With)
		w.raw("," + l2 + `"thoughts": `)
		w.str(c.Thoughts)
		w.raw(l1 + "}")
	}
	if c := e.Checkin; c != nil {
		w.raw("," + l1 + `"checkin": {` + l2 + `"mood": `)
		w.int(c.Mood)
		w.raw("," + l2 + `"craving": `)
		w.int(c.Craving)
		w.raw("," + l2 + `"drinks": `)
		w.float(c.Drinks)
		w.raw("," + l2 + `"sleep_hours": `)
		w.float(c.SleepHours)
		w.raw(l1 + "}")
	}
	w.raw("," + l1 + `"created_at": `)
	w.time(e.CreatedAt)
	w.raw("," + l1 + `"updated_at": `)
	w.time(e.UpdatedAt)
	w.raw("," + l1 + `"deleted_at": `)
	if e.DeletedAt == nil {
		w.raw("null")
	} else {
		w.time(*e.DeletedAt)
	}
	w.raw("\n    }")
	if !w.ok {
		return buf[:start], false
	}
	if w.odd {
		// Rare: escape what journal.EscapeJSON escapes, by its own rule.
		w.b = append(w.b[:start], journal.EscapeJSON(w.b[start:])...)
	}
	return w.b, true
}

// entryEncoder appends the parts of an entry's JSON to b. ok turns false
// at a value JSON cannot hold; odd turns true at a character
// journal.EscapeJSON may escape.
type entryEncoder struct {
	b       []byte
	ok, odd bool
}

func (w *entryEncoder) raw(s string) { w.b = append(w.b, s...) }

func (w *entryEncoder) str(s string) {
	var odd bool
	w.b, odd = appendJSONString(w.b, s)
	w.odd = w.odd || odd
}

// strs appends a list of strings whose key is on a line starting with
// indent: null, [] or one string a line.
func (w *entryEncoder) strs(l []string, indent string) {
	switch {
	case l == nil:
		w.raw("null")
		return
	case len(l) == 0:
		w.raw("[]")
		return
	}
	w.raw("[")
	for i, s := range l {
		if i > 0 {
			w.raw(",")
		}
		w.raw(indent)
		w.raw("  ")
		w.str(s)
	}
	w.raw(indent)
	w.raw("]")
}

func (w *entryEncoder) int(n *int) { w.b = appendJSONInt(w.b, n) }

func (w *entryEncoder) float(f *float64) {
	var ok bool
	w.b, ok = appendJSONFloat(w.b, f)
	w.ok = w.ok && ok
}

func (w *entryEncoder) time(t time.Time) {
	var ok bool
	w.b, ok = appendJSONTime(w.b, t)
	w.ok = w.ok && ok
}

func appendJSONInt(b []byte, n *int) []byte {
	if n == nil {
		return append(b, "null"...)
	}
	return strconv.AppendInt(b, int64(*n), 10)
}

// appendJSONFloat writes a number as encoding/json does: ES6 style,
// exponents only beyond 1e21 and below 1e-6. ok is false for NaN and
// infinities, which JSON cannot hold.
func appendJSONFloat(b []byte, f *float64) ([]byte, bool) {
	if f == nil {
		return append(b, "null"...), true
	}
	v := *f
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return b, false
	}
	format := byte('f')
	if a := math.Abs(v); a != 0 && (a < 1e-6 || a >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, v, format, -1, 64)
	if format == 'e' {
		// "1e-07" is written "1e-7".
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, true
}

// appendJSONTime writes t as time.Time's MarshalJSON does (RFC 3339 with
// nanoseconds as needed). ok is false for a year it refuses.
func appendJSONTime(b []byte, t time.Time) ([]byte, bool) {
	if y := t.Year(); y < 0 || y > 9999 {
		return b, false
	}
	b = append(b, '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"'), true
}

// appendJSONString writes s as encoding/json does without HTML escapes:
// quotes, backslashes and control characters escaped, invalid UTF-8 as
// \ufffd, U+2028 and U+2029 escaped. odd reports a character
// journal.EscapeJSON may escape (C1 controls, and the General Punctuation
// and Arabic letter mark where the direction controls are).
func appendJSONString(b []byte, s string) (_ []byte, odd bool) {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		case r <= 0x9f, r >= 0x2000 && r <= 0x206f, r == 0x061c:
			odd = true
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"'), odd
}

package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"journal/journal"
)

// ReadJSON reads a JSON export. Every part of the file is checked before
// anything is returned: a broken file gives an error saying what is wrong
// and on which line, as bad input.
func ReadJSON(b []byte) (Document, error) {
	var doc Document
	if len(bytes.TrimSpace(b)) == 0 {
		return doc, journal.Invalid("the file is empty")
	}
	head, ok := quickHeader(b)
	if !ok {
		head = header{}
		if err := json.Unmarshal(b, &head); err != nil {
			return doc, where(b, err, "")
		}
	}
	switch {
	case head.Format == nil:
		return doc, journal.Invalid(`not a journal export: it has no "format" (a journal JSON export starts with "format": %q)`, Format)
	case *head.Format != Format:
		return doc, journal.Invalid(`not a journal export: "format" is %q, expected %q`, *head.Format, Format)
	case head.Version == nil:
		return doc, journal.Invalid(`the export has no "version"`)
	case *head.Version > Version:
		return doc, journal.Invalid("the export is version %d, made by a newer journal: this one reads version %d; update journal", *head.Version, Version)
	case *head.Version < 1:
		return doc, journal.Invalid("the export has an unknown version %d", *head.Version)
	}
	if head.ExportedAt != nil {
		doc.ExportedAt = *head.ExportedAt
	}
	if head.Range.Since != nil {
		doc.Since = *head.Range.Since
	}
	if head.Range.Until != nil {
		doc.Until = *head.Range.Until
	}
	recs, err := readRecords(b)
	if err != nil {
		return doc, err
	}
	doc.Records = recs
	return doc, nil
}

// readRecords decodes the record lists one element at a time, so an error
// can name the list, the index and the line it starts on, then validates
// each record.
func readRecords(b []byte) (journal.Records, error) {
	recs := journal.Records{Entries: []journal.Entry{}, DrinkDays: []journal.DrinkDay{}, Calls: []journal.Call{}}
	dec := json.NewDecoder(bytes.NewReader(b))
	at := &lines{b: b}
	if _, err := dec.Token(); err != nil { // {
		return recs, where(b, err, "")
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return recs, where(b, err, "")
		}
		key, _ := tok.(string)
		var each func(i int, line int) error
		switch key {
		case "entries":
			each = func(i, line int) error {
				var e journal.Entry
				if err := dec.Decode(&e); err != nil {
					return lineErr(line, fmt.Sprintf("entries[%d]", i), err)
				}
				if err := journal.ValidateRecord(e); err != nil {
					return journal.Invalid("line %d: entries[%d] (%s): %v", line, i, shortID(e.UUID), err)
				}
				recs.Entries = append(recs.Entries, e)
				return nil
			}
		case "drink_days":
			each = func(i, line int) error {
				var d journal.DrinkDay
				if err := dec.Decode(&d); err != nil {
					return lineErr(line, fmt.Sprintf("drink_days[%d]", i), err)
				}
				if err := (journal.Records{DrinkDays: []journal.DrinkDay{d}}).Validate(); err != nil {
					return relabel(line, err, "drink_days[0]", fmt.Sprintf("drink_days[%d]", i))
				}
				if d.UUID == "" {
					return journal.Invalid("line %d: drink_days[%d] (%s): no uuid", line, i, d.Day)
				}
				recs.DrinkDays = append(recs.DrinkDays, d)
				return nil
			}
		case "calls":
			each = func(i, line int) error {
				var c journal.Call
				if err := dec.Decode(&c); err != nil {
					return lineErr(line, fmt.Sprintf("calls[%d]", i), err)
				}
				if err := (journal.Records{Calls: []journal.Call{c}}).Validate(); err != nil {
					return relabel(line, err, "calls[0]", fmt.Sprintf("calls[%d]", i))
				}
				recs.Calls = append(recs.Calls, c)
				return nil
			}
		case "sessions":
			each = func(i, line int) error {
				var ses journal.Session
				if err := dec.Decode(&ses); err != nil {
					return lineErr(line, fmt.Sprintf("sessions[%d]", i), err)
				}
				if err := (journal.Records{Sessions: []journal.Session{ses}}).Validate(); err != nil {
					return relabel(line, err, "sessions[0]", fmt.Sprintf("sessions[%d]", i))
				}
				recs.Sessions = append(recs.Sessions, ses)
				return nil
			}
		// A new record list gets its own case here, like calls, so its
		// errors name their line too.
		default:
			// Keys this version does not read (and the header, read above).
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return recs, where(b, err, "")
			}
			continue
		}
		if err := readList(dec, b, at, key, each); err != nil {
			return recs, err
		}
	}
	// What only the whole document can tell: entries' links to sessions.
	return recs, recs.Validate()
}

// readList walks one JSON array, calling each with the index and line of
// every element. null reads as an empty list.
func readList(dec *json.Decoder, b []byte, at *lines, key string, each func(i, line int) error) error {
	start := at.at(dec.InputOffset())
	tok, err := dec.Token()
	if err != nil {
		return where(b, err, key)
	}
	if tok == nil {
		return nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return journal.Invalid("line %d: %q should be a list", start, key)
	}
	for i := 0; dec.More(); i++ {
		if err := each(i, at.at(dec.InputOffset())); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil { // ]
		return where(b, err, key)
	}
	return nil
}

// lines finds the line of values read in file order. It remembers where
// it got to, so reading a whole file counts each newline once: import time
// grows with the file's size, not with its square.
type lines struct {
	b    []byte
	pos  int // bytes before pos are counted
	line int // the line pos is on
}

// at is the line of the first value at or after offset (skipping the
// whitespace and commas between values). Offsets must not go backwards.
func (l *lines) at(offset int64) int {
	i := min(int(offset), len(l.b))
	for i < len(l.b) && strings.IndexByte(" \t\r\n,:", l.b[i]) >= 0 {
		i++
	}
	if l.line == 0 {
		l.line = 1
	}
	if i > l.pos {
		l.line += bytes.Count(l.b[l.pos:i], []byte("\n"))
		l.pos = i
	}
	return l.line
}

// lineOf is the line of a byte offset. An offset at the very end (a file
// cut short) names the last line with text on it.
func lineOf(b []byte, offset int64) int {
	end := min(int(offset), len(b))
	if end == len(b) {
		end = len(bytes.TrimRight(b, " \t\r\n"))
	}
	return bytes.Count(b[:end], []byte("\n")) + 1
}

// where turns a JSON decoding error into bad input naming its line.
func where(b []byte, err error, key string) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	ctx := ""
	if key != "" {
		ctx = " in " + key
	}
	switch {
	case errors.As(err, &syn):
		return journal.Invalid("broken JSON on line %d%s: %v", lineOf(b, syn.Offset), ctx, syn)
	case errors.As(err, &typ):
		return journal.Invalid("line %d%s: %s", lineOf(b, typ.Offset), ctx, typeMsg(typ))
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return journal.Invalid("broken JSON: the file ends too early%s", ctx)
	}
	return journal.Invalid("not a journal export%s: %v", ctx, err)
}

func typeMsg(typ *json.UnmarshalTypeError) string {
	if typ.Field != "" {
		return fmt.Sprintf("%q should be %s, not a JSON %s", typ.Field, kindName(typ.Type.String()), typ.Value)
	}
	return fmt.Sprintf("expected %s, found a JSON %s", kindName(typ.Type.String()), typ.Value)
}

func kindName(goType string) string {
	switch {
	case strings.Contains(goType, "int"), strings.Contains(goType, "float"):
		return "a number"
	case strings.Contains(goType, "string"), strings.Contains(goType, "Kind"), strings.Contains(goType, "Outcome"):
		return "a string"
	case strings.Contains(goType, "bool"):
		return "true or false"
	case strings.HasPrefix(goType, "[]"):
		return "a list"
	}
	return "an object"
}

// lineErr reports an element that would not decode: a bad date or time,
// a wrong type, broken JSON.
func lineErr(line int, what string, err error) error {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return journal.Invalid("broken JSON in %s (starting on line %d): %v", what, line, syn)
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		return journal.Invalid("line %d: %s: %s", line, what, typeMsg(typ))
	}
	var perr *time.ParseError
	if errors.As(err, &perr) {
		return journal.Invalid("line %d: %s: %q is not a time like 2026-11-20T21:30:00Z", line, what, perr.Value)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return journal.Invalid("broken JSON: the file ends inside %s (starting on line %d)", what, line)
	}
	return journal.Invalid("line %d: %s: %v", line, what, err)
}

// relabel puts the real index and line into a validation error made for a
// one-element list.
func relabel(line int, err error, from, to string) error {
	return journal.Invalid("line %d: %s", line, strings.Replace(err.Error(), from, to, 1))
}

// shortID is the start of a uuid, enough to find the record in the file.
func shortID(id string) string {
	if r := []rune(id); len(r) > 20 {
		return string(r[:19]) + "…"
	}
	return id
}

package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"time"

	"journal/journal"
)

// Format and Version name the JSON export document. Readers refuse other
// formats and versions newer than they know.
const (
	Format  = "journal-export"
	Version = 1
)

// jsonDoc is the JSON export's head; the lists of journal.Records follow
// it in the document, written one record at a time (JSON), so a list
// added to journal.Records (sessions, say) travels without a change here.
type jsonDoc struct {
	Format         string    `json:"format"`
	Version        int       `json:"version"`
	ExportedAt     time.Time `json:"exported_at"`
	Range          jsonRange `json:"range"`
	IncludePrivate bool      `json:"include_private"`
	// Summary is what the figures of the Markdown and HTML exports were,
	// with what they were computed with; import does not read it.
	Summary Summary `json:"summary"`
}

// jsonRange is the window asked for; null is an open end.
type jsonRange struct {
	Since *journal.Date `json:"since"`
	Until *journal.Date `json:"until"`
}

func datePtr(d journal.Date) *journal.Date {
	if d.IsZero() {
		return nil
	}
	return &d
}

// JSON writes doc as the versioned export document: everything needed to
// rebuild the records, uuids included.
// Characters that could reorder or control a terminal are \u-escaped
// (journal.EscapeJSON): the same text, safe to print.
//
// The document is written as it is made, one record at a time, indented
// as a whole document would be: an export of years never holds more than
// one record's text.
func JSON(w io.Writer, doc Document) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	// put encodes v indented for its depth and writes it, without the
	// encoder's final newline, after before.
	put := func(before, prefix string, v any) error {
		b.Reset()
		b.WriteString(before)
		enc.SetIndent(prefix, "  ")
		if err := enc.Encode(v); err != nil {
			return err
		}
		_, err := w.Write(journal.EscapeJSON(bytes.TrimSuffix(b.Bytes(), []byte("\n"))))
		return err
	}
	head := jsonDoc{
		Format:         Format,
		Version:        Version,
		ExportedAt:     doc.ExportedAt,
		Range:          jsonRange{Since: datePtr(doc.Since), Until: datePtr(doc.Until)},
		IncludePrivate: doc.IncludePrivate,
		Summary:        doc.Summary,
	}
	b.Reset()
	enc.SetIndent("", "  ")
	if err := enc.Encode(head); err != nil {
		return err
	}
	// The head without its closing "\n}\n"; the lists go on from there.
	if _, err := w.Write(journal.EscapeJSON(bytes.TrimSuffix(b.Bytes(), []byte("\n}\n")))); err != nil {
		return err
	}
	recs := reflect.ValueOf(doc.Records)
	for i := range recs.NumField() {
		name, _, _ := strings.Cut(recs.Type().Field(i).Tag.Get("json"), ",")
		list := recs.Field(i)
		key := ",\n  " + strconv.Quote(name) + ": "
		if name == "entries" && (doc.EachEntry != nil || len(doc.Records.Entries) > 0) {
			n := 0
			each := doc.EachEntry
			if each == nil {
				each = func(fn func(journal.Entry) error) error {
					for _, e := range doc.Records.Entries {
						if err := fn(e); err != nil {
							return err
						}
					}
					return nil
				}
			}
			var eb []byte
			err := each(func(e journal.Entry) error {
				before := ",\n    "
				if n == 0 {
					before = key + "[\n    "
				}
				n++
				eb = append(eb[:0], before...)
				var ok bool
				if eb, ok = appendEntry(eb, &e); !ok {
					// What encoding/json says of it.
					return put(before, "    ", e)
				}
				_, err := w.Write(eb)
				return err
			})
			if err != nil {
				return err
			}
			end := "\n  ]"
			if n == 0 {
				end = key + "[]"
			}
			if _, err := io.WriteString(w, end); err != nil {
				return err
			}
			continue
		}
		if list.IsNil() || list.Len() == 0 {
			if err := put(key, "  ", list.Interface()); err != nil {
				return err
			}
			continue
		}
		for j := range list.Len() {
			before := ",\n    "
			if j == 0 {
				before = key + "[\n    "
			}
			if err := put(before, "    ", list.Index(j).Interface()); err != nil {
				return err
			}
		}
		if _, err := io.WriteString(w, "\n  ]"); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "\n}\n")
	return err
}

// IsJSONExport reports whether b claims to be one of our JSON exports: an
// object with a "format" key. ReadJSON then checks it properly.
func IsJSONExport(b []byte) bool {
	if h, ok := quickHeader(b); ok {
		return h.Format != nil
	}
	var probe struct {
		Format *string `json:"format"`
	}
	return json.Unmarshal(b, &probe) == nil && probe.Format != nil
}

// header is the part of an export before its records.
type header struct {
	Format     *string    `json:"format"`
	Version    *int       `json:"version"`
	ExportedAt *time.Time `json:"exported_at"`
	Range      jsonRange  `json:"range"`
}

// quickHeader reads the header from the top of the file, as journal
// writes it: "format" and "version" before any list. It stops at the
// first other key, so a large file is not read twice. ok is false when the
// file is laid out otherwise; the caller then reads all of it.
func quickHeader(b []byte) (h header, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(b))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return h, false
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return h, false
		}
		var dst any
		switch tok {
		case "format":
			dst = &h.Format
		case "version":
			dst = &h.Version
		case "exported_at":
			dst = &h.ExportedAt
		case "range":
			dst = &h.Range
		default:
			return h, h.Format != nil && h.Version != nil
		}
		if err := dec.Decode(dst); err != nil {
			return h, false
		}
	}
	return h, false
}

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

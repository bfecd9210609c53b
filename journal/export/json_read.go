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
			return doc, where(&tracker{buf: b, line: 1}, err, "")
		}
	}
	if err := head.check(&doc); err != nil {
		return doc, err
	}
	recs := journal.Records{Entries: []journal.Entry{}, DrinkDays: []journal.DrinkDay{}, Calls: []journal.Call{}}
	t := newTracker(bytes.NewReader(b))
	if err := readRecords(json.NewDecoder(t), t, collect{&recs}); err != nil {
		return doc, err
	}
	// What only the whole document can tell: entries' links to sessions.
	if err := recs.Validate(); err != nil {
		return doc, err
	}
	doc.Records = recs
	return doc, nil
}

// check refuses a header that is not one of ours, or too new, and puts
// what it holds into doc.
func (head header) check(doc *Document) error {
	switch {
	case head.Format == nil:
		return journal.Invalid(`not a journal export: it has no "format" (a journal JSON export starts with "format": %q)`, Format)
	case *head.Format != Format:
		return journal.Invalid(`not a journal export: "format" is %q, expected %q`, *head.Format, Format)
	case head.Version == nil:
		return journal.Invalid(`the export has no "version"`)
	case *head.Version > Version:
		return journal.Invalid("the export is version %d, made by a newer journal: this one reads version %d; update journal", *head.Version, Version)
	case *head.Version < 1:
		return journal.Invalid("the export has an unknown version %d", *head.Version)
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
	return nil
}

// RecordSink takes the records of a JSON export as ReadJSONStream reads
// them, in the file's order. Each has passed the checks a record can pass
// alone (journal.ValidateRecord for entries; a drinking day's own fields);
// the rules across records (journal.Checker) and the clock are the sink's.
// i is the record's index in its list. An error stops the reading and is
// returned as it is.
type RecordSink interface {
	Session(i int, s journal.Session) error
	Entry(i int, e journal.Entry) error
	DrinkDay(i int, d journal.DrinkDay) error
	Call(i int, c journal.Call) error
}

// collect is a RecordSink that keeps every record.
type collect struct{ recs *journal.Records }

func (c collect) Session(_ int, s journal.Session) error {
	c.recs.Sessions = append(c.recs.Sessions, s)
	return nil
}

func (c collect) Entry(_ int, e journal.Entry) error {
	c.recs.Entries = append(c.recs.Entries, e)
	return nil
}

func (c collect) DrinkDay(_ int, d journal.DrinkDay) error {
	c.recs.DrinkDays = append(c.recs.DrinkDays, d)
	return nil
}

func (c collect) Call(_ int, k journal.Call) error {
	c.recs.Calls = append(c.recs.Calls, k)
	return nil
}

// ReadJSONStream reads a JSON export from r as ReadJSON does, with the
// same errors, handing each record to sink as soon as it is read and
// checked alone, so a file of any size is read in little memory: about
// one record's text at a time. It returns the document's header, without
// its records.
//
// The header must come first ("format" and "version" before any list, as
// journal writes it); a file laid out otherwise is read whole first.
func ReadJSONStream(r io.Reader, sink RecordSink) (Document, error) {
	var doc Document
	t := newTracker(r)
	dec := json.NewDecoder(t)
	head, ok := streamHeader(dec, t)
	if !ok {
		// Not journal's layout, or broken: the whole-file reader names
		// what is wrong and where. t holds all that was read so far.
		rest, err := io.ReadAll(r)
		if err != nil {
			return doc, err
		}
		d, err := ReadJSON(append(t.buf, rest...))
		if err != nil {
			return doc, err
		}
		recs := d.Records
		d.Records = journal.Records{}
		return d, feed(recs, sink)
	}
	if err := head.check(&doc); err != nil {
		return doc, err
	}
	return doc, readRecords(dec, t, sink)
}

// feed hands records to sink in the order of a journal export.
func feed(recs journal.Records, sink RecordSink) error {
	for i, s := range recs.Sessions {
		if err := sink.Session(i, s); err != nil {
			return err
		}
	}
	for i, e := range recs.Entries {
		if err := sink.Entry(i, e); err != nil {
			return err
		}
	}
	for i, d := range recs.DrinkDays {
		if err := sink.DrinkDay(i, d); err != nil {
			return err
		}
	}
	for i, c := range recs.Calls {
		if err := sink.Call(i, c); err != nil {
			return err
		}
	}
	return nil
}

// streamHeader reads the header's keys at the top of the document and the
// first other key, which it leaves in t.pending for readRecords. ok is
// false when "format" and "version" are not both there before it.
func streamHeader(dec *json.Decoder, t *tracker) (h header, ok bool) {
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return h, false
	}
	t.opened = true
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
			t.pending, _ = tok.(string)
			return h, h.Format != nil && h.Version != nil
		}
		if err := dec.Decode(dst); err != nil {
			return h, false
		}
	}
	return h, false
}

// readRecords decodes the record lists one element at a time, so an error
// can name the list, the index and the line it starts on, checks each
// record alone and hands it to sink. dec reads from t, where streamHeader
// may have read the top of the document already.
func readRecords(dec *json.Decoder, t *tracker, sink RecordSink) error {
	if !t.opened {
		if _, err := dec.Token(); err != nil { // {
			return where(t, err, "")
		}
	}
	for t.pending != "" || dec.More() {
		key := t.pending
		t.pending = ""
		if key == "" {
			tok, err := dec.Token()
			if err != nil {
				return where(t, err, "")
			}
			key, _ = tok.(string)
		}
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
				return sink.Entry(i, e)
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
				return sink.DrinkDay(i, d)
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
				return sink.Call(i, c)
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
				return sink.Session(i, ses)
			}
		// A new record list gets its own case here, like calls, so its
		// errors name their line too.
		default:
			// Keys this version does not read (and the header, read above).
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return where(t, err, "")
			}
			continue
		}
		if err := readList(dec, t, key, each); err != nil {
			return err
		}
	}
	return readEnd(dec, t)
}

// readEnd reads the document's closing "}" and makes sure nothing follows
// it: a file cut short after a whole list, or one with more after its end,
// would otherwise pass with records silently missing or ignored.
func readEnd(dec *json.Decoder, t *tracker) error {
	if _, err := dec.Token(); err != nil { // }
		return where(t, err, "")
	}
	end := dec.InputOffset()
	_, err := dec.Token()
	var syn *json.SyntaxError
	if errors.Is(err, io.EOF) {
		return nil
	}
	if err != nil && !errors.As(err, &syn) {
		return where(t, err, "")
	}
	return journal.Invalid("broken JSON on line %d: there is more after the end of the export", t.at(end))
}

// readList walks one JSON array, calling each with the index and line of
// every element. null reads as an empty list.
func readList(dec *json.Decoder, t *tracker, key string, each func(i, line int) error) error {
	start := t.at(dec.InputOffset())
	tok, err := dec.Token()
	if err != nil {
		return where(t, err, key)
	}
	if tok == nil {
		return nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return journal.Invalid("line %d: %q should be a list", start, key)
	}
	for i := 0; dec.More(); i++ {
		if err := each(i, t.at(dec.InputOffset())); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil { // ]
		return where(t, err, key)
	}
	return nil
}

// tracker is the reader under a JSON decoder. It keeps the bytes from the
// last value looked up on, so that errors can name lines: values are
// looked up in file order and each newline is counted once, so reading a
// file takes time in proportion to its size, and memory in proportion to
// its largest record.
type tracker struct {
	r       io.Reader
	buf     []byte // bytes read from r; buf[0] is at offset base
	base    int64
	handed  int   // bytes of buf handed to the decoder
	counted int   // bytes of buf whose newlines are counted in line
	line    int   // the line at base+counted, from 1
	eof     bool  // r has no more
	err     error // what r said at its end, for the decoder
	// opened and pending are how far streamHeader read: past the
	// document's "{", and the key it stopped at.
	opened  bool
	pending string
}

func newTracker(r io.Reader) *tracker { return &tracker{r: r, line: 1} }

func (t *tracker) Read(p []byte) (int, error) {
	if t.handed < len(t.buf) {
		n := copy(p, t.buf[t.handed:])
		t.handed += n
		return n, nil
	}
	if t.eof {
		return 0, t.err
	}
	n, err := t.r.Read(p)
	t.buf = append(t.buf, p[:n]...)
	t.handed += n
	return n, err
}

// more reads on from r into buf, for the decoder to have later; false at
// the end of the input or on an error (which the decoder meets then).
func (t *tracker) more() bool {
	if t.eof || t.r == nil {
		return false
	}
	var b [4096]byte
	n, err := t.r.Read(b[:])
	t.buf = append(t.buf, b[:n]...)
	if err != nil {
		t.eof, t.err = true, err
	}
	return n > 0 || err == nil
}

// at is the line of the first value at or after offset (skipping the
// whitespace and commas between values, reading on when the decoder has
// not yet), and forgets the bytes before it. Offsets must not go
// backwards.
func (t *tracker) at(offset int64) int {
	i := int(min(max(offset-t.base, int64(t.counted)), int64(len(t.buf))))
	for {
		for i < len(t.buf) && strings.IndexByte(" \t\r\n,:", t.buf[i]) >= 0 {
			i++
		}
		if i < len(t.buf) || !t.more() {
			break
		}
	}
	t.line += bytes.Count(t.buf[t.counted:i], []byte("\n"))
	t.counted = i
	// Forget what is counted and handed; keep what the decoder has yet to
	// read.
	d := min(t.counted, t.handed)
	t.buf = t.buf[d:]
	t.base += int64(d)
	t.handed -= d
	t.counted -= d
	return t.line
}

// lineOf is the line of a byte offset at or after the last value looked
// up. An offset at the very end (a file cut short) names the last line
// with text on it; to tell, the rest of the input is read.
func (t *tracker) lineOf(offset int64) int {
	for t.more() {
	}
	end := int(min(max(offset-t.base, int64(t.counted)), int64(len(t.buf))))
	if end == len(t.buf) {
		end = max(len(bytes.TrimRight(t.buf, " \t\r\n")), t.counted)
	}
	return t.line + bytes.Count(t.buf[t.counted:end], []byte("\n"))
}

// where turns a JSON decoding error into bad input naming its line.
func where(t *tracker, err error, key string) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	ctx := ""
	if key != "" {
		ctx = " in " + key
	}
	switch {
	case errors.As(err, &syn):
		return journal.Invalid("broken JSON on line %d%s: %v", t.lineOf(syn.Offset), ctx, syn)
	case errors.As(err, &typ):
		return journal.Invalid("line %d%s: %s", t.lineOf(typ.Offset), ctx, typeMsg(typ))
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

// HasJSONHeader reports whether top, the start of a file, starts as
// journal writes its JSON exports: an object whose "format" and "version"
// come before anything else. ReadJSONStream reads such a file as a
// stream; ReadJSON then checks what they say.
func HasJSONHeader(top []byte) bool {
	h, ok := quickHeader(top)
	return ok && h.Format != nil
}

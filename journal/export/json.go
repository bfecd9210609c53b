package export

import (
	"bytes"
	"encoding/json"
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
	return streamHeader(json.NewDecoder(bytes.NewReader(b)), &tracker{})
}

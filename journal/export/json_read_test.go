package export

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"journal/journal"
	"journal/journal/demo"
)

// checked is a RecordSink that checks the rules across records, as import
// does, and keeps what it is given.
type checked struct {
	v    journal.Checker
	recs journal.Records
}

func (c *checked) Session(i int, s journal.Session) error {
	c.recs.Sessions = append(c.recs.Sessions, s)
	return c.v.Session(i, s)
}

func (c *checked) Entry(i int, e journal.Entry) error {
	c.recs.Entries = append(c.recs.Entries, e)
	return c.v.Entry(i, e)
}

func (c *checked) DrinkDay(i int, d journal.DrinkDay) error {
	c.recs.DrinkDays = append(c.recs.DrinkDays, d)
	return c.v.DrinkDay(i, d)
}

func (c *checked) Call(i int, k journal.Call) error {
	c.recs.Calls = append(c.recs.Calls, k)
	return c.v.Call(i, k)
}

// TestReadJSONStreamSaysWhatReadJSONSays: read as a stream, in pieces of
// any size, a file with one problem gets ReadJSON's error, word for word,
// line numbers included; a good file gives the same records.
func TestReadJSONStreamSaysWhatReadJSONSays(t *testing.T) {
	head := "{\n\"format\": \"journal-export\",\n\"version\": 1,\n"
	entry := `{"uuid": "a", "kind": "note", "day": "2026-11-01", "occurred_at": "2026-11-01T10:00:00Z"}`
	files := []string{
		"", "  \n", "{\"version\": 1}", "{\"format\": \"journal-export\"}", "[1, 2]",
		"{\"entries\": [], \"format\": \"journal-export\", \"version\": 1}", // the header last
		head + "\"entries\": 3}",
		head + "\"entries\": [\n" + strings.Replace(entry, "note", "dream", 1) + "]}",
		head + "\"entries\": [\n" + entry + ",\n" + entry + "]}", // the same uuid twice
		head + "\"entries\": [\n" + entry + ",\n{\"uuid\": \"b\", \"kind\": 7}]}",
		head + "\"entries\": [\n" + entry + ",\n{\"uuid\": \"b\" \"kind\": \"note\"}]}",
		head + "\"entries\": [\n" + entry + ",\n" + strings.Replace(entry, "10:00:00Z", "25:00", 1) + "]}",
		head + "\"entries\": [\n" + entry + ",\n  \n", // cut short
		head + "\"entries\": [\n" + entry + "]",       // cut short after a list
		head + "\"entries\": [],\n\"calls\": [\n{\"uuid\": \"\", \"day\": \"2026-11-01\"}]}",
		head + "\"drink_days\": [\n{\"day\": \"2026-11-01\", \"uuid\": \"x\", \"standard_drinks\": 99}]}",
		head + "\"drink_days\": [\n{\"day\": \"2026-11-01\", \"standard_drinks\": 1}]}",
		head + "\"drink_days\": [\n{\"day\": \"2026-11-01\", \"uuid\": \"x\"},\n{\"day\": \"2026-11-01\", \"uuid\": \"y\"}]}",
		head + "\"sessions\": [\n{\"uuid\": \"s\", \"id\": 1, \"day\": \"2026-11-01\", \"setting\": \"clinic\", \"route\": \"im\"}],\n" +
			"\"entries\": [\n" + strings.Replace(entry, `"kind"`, `"session_id": 2, "kind"`, 1) + "]}",
		head + "\"summary\": {\"a\": [1, 2, {\"b\": null}]},\n\"entries\": [\n" + entry + "],\n\"later\": true}",
		head + "\"entries\": null, \"calls\": []}",
	}
	var doc bytes.Buffer
	end := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	recs := demo.Generate(demo.Options{Days: 60, Seed: 1, End: end, Busy: true})
	if err := JSON(&doc, Document{ExportedAt: end, Since: day("2026-10-01"), Records: recs, IncludePrivate: true}); err != nil {
		t.Fatal(err)
	}
	files = append(files, doc.String())
	for _, file := range files {
		want, wantErr := ReadJSON([]byte(file))
		for _, read := range []func(io.Reader) io.Reader{
			func(r io.Reader) io.Reader { return r },
			iotest.OneByteReader,
			iotest.HalfReader,
		} {
			sink := &checked{}
			got, err := ReadJSONStream(read(strings.NewReader(file)), sink)
			if (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
				t.Errorf("%.60q: ReadJSONStream: %v\nwant %v", file, err, wantErr)
				continue
			}
			if err != nil {
				if !journal.IsInput(err) {
					t.Errorf("%.60q: %v is not bad input", file, err)
				}
				continue
			}
			if !got.ExportedAt.Equal(want.ExportedAt) || got.Since != want.Since || got.Until != want.Until {
				t.Errorf("%.60q: header %+v, want %+v", file, got, want)
			}
			if len(sink.recs.Entries)+len(want.Records.Entries) > 0 && !reflect.DeepEqual(sink.recs, journal.Records{
				Sessions: want.Records.Sessions, Entries: want.Records.Entries,
				DrinkDays: nilIfEmpty(want.Records.DrinkDays), Calls: nilIfEmpty(want.Records.Calls)}) {
				t.Errorf("%.60q: the records differ from ReadJSON's", file)
			}
		}
	}
	if len(recs.Entries) < 100 {
		t.Fatalf("the demo export has %d entries: the test needs more", len(recs.Entries))
	}
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

// TestReadJSONRefusesAnExportCutShortOrWithMoreAfterIt: a file cut off
// after a whole list, or with its closing brace missing, would otherwise
// import with the lists after it silently missing; what follows the end
// of the export is not ignored either. Both readers refuse, naming why.
func TestReadJSONRefusesAnExportCutShortOrWithMoreAfterIt(t *testing.T) {
	head := "{\n\"format\": \"journal-export\",\n\"version\": 1,\n"
	entry := `{"uuid": "a", "kind": "note", "day": "2026-11-01", "occurred_at": "2026-11-01T10:00:00Z"}`
	whole := head + "\"entries\": [\n" + entry + "],\n\"drink_days\": [{\"uuid\": \"d\", \"day\": \"2026-11-01\", \"standard_drinks\": 2}]\n}\n"
	for _, tc := range []struct{ name, file, want string }{
		{"cut after the entries", head + "\"entries\": [\n" + entry + "]\n", "the file ends too early"},
		{"no closing brace", strings.TrimSuffix(whole, "}\n"), "the file ends too early"},
		{"another object after it", whole + "{\"x\": 1}\n", "line 8: there is more after the end of the export"},
		{"words after it", whole + "\nmore words", "line 9: there is more after the end of the export"},
	} {
		_, err := ReadJSON([]byte(tc.file))
		if err == nil || !journal.IsInput(err) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: ReadJSON said %v, want bad input saying %q", tc.name, err, tc.want)
		}
		var sink checked
		_, serr := ReadJSONStream(strings.NewReader(tc.file), &sink)
		if serr == nil || serr.Error() != fmt.Sprint(err) {
			t.Errorf("%s: streamed, said %v, want %v", tc.name, serr, err)
		}
	}
	// Blank lines after the end are fine.
	if _, err := ReadJSON([]byte(whole + "\n\n  \n")); err != nil {
		t.Errorf("blank lines after the end: %v", err)
	}
}

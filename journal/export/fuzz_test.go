package export

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"journal/journal"
	"journal/journal/demo"
)

// FuzzReadJSON checks the import of a JSON export, a file that may come
// from another machine or be edited by hand: never a panic; a refusal is
// an input error; an accepted file passes the records' own checks and
// survives a round trip: exported again and read back, it exports the
// same bytes.
func FuzzReadJSON(f *testing.F) {
	end := time.Date(2026, 11, 25, 20, 0, 0, 0, time.FixedZone("CET", 3600))
	var seed bytes.Buffer
	if err := JSON(&seed, Document{ExportedAt: end, Since: journal.Date{Year: 2026, Month: 11, Day: 12}, Records: demo.Generate(demo.Options{Days: 14, Seed: 3, End: end})}); err != nil {
		f.Fatal(err)
	}
	f.Add(seed.Bytes())
	for _, s := range []string{
		`{"format": "journal-export", "version": 1, "entries": [], "drink_days": null}`,
		`{"format": "journal-export", "version": 2}`,
		`{"format": "journal-export", "version": 1, "entries": {}}`,
		`{"format": "journal-export", "version": 1, "range": {"since": "2026-02-30"}}`,
		`{"format": "journal-export", "version": 1, "entries": [{"uuid": "a", "kind": "note", "day": "2026-11-20", "occurred_at": "2026-11-20T10:00:00Z", "body": "x", "session_id": 9}]}`,
		`{"format": "other"}`, `[]`, ``, `{"format": "journal-export", "version": 1, "calls": [{"day": "2026-11-20"}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		IsJSONExport(b)
		doc, err := ReadJSON(b)
		if err != nil {
			if !journal.IsInput(err) {
				t.Fatalf("ReadJSON: %v is not an input error", err)
			}
			return
		}
		if err := doc.Records.Validate(); err != nil {
			t.Fatalf("ReadJSON accepted records that do not validate: %v", err)
		}
		var once, twice bytes.Buffer
		if err := JSON(&once, doc); err != nil {
			t.Fatalf("an accepted import cannot be exported: %v", err)
		}
		again, err := ReadJSON(once.Bytes())
		if err != nil {
			t.Fatalf("an export of an accepted import is refused: %v\n%s", err, once.Bytes())
		}
		if err := JSON(&twice, again); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(once.Bytes(), twice.Bytes()) {
			t.Fatalf("export → import → export changed the document:\n%s\n---\n%s", once.Bytes(), twice.Bytes())
		}
	})
}

// FuzzReadJrnl checks the import of jrnl's JSON export: never a panic; an
// accepted file gives entries with text, dated in the person's location on
// the day of their moment, and tags that journal itself would accept.
func FuzzReadJrnl(f *testing.F) {
	f.Add([]byte(jrnlSample))
	for _, s := range []string{
		`{"entries": []}`, `{"entries": null}`, `{"entries": [{"date": "2024-13-01"}]}`,
		`{"entries": [{"date": "2024-03-01", "time": "25:00", "title": "x"}]}`,
		`{"entries": [{"date": "2024-03-10", "time": "02:30", "title": "In the gap", "tags": ["@", "@two words", "#x,y", ""]}]}`,
		`{"entries": [{"date": "2024-03-01", "title": "  ", "body": "\n"}]}`, `{"tags": {}}`, `[]`,
	} {
		f.Add([]byte(s))
	}
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		IsJrnl(b)
		for _, loc := range []*time.Location{time.UTC, ny} {
			es, err := ReadJrnl(b, loc)
			if err != nil {
				continue
			}
			for i, e := range es {
				if strings.TrimSpace(e.Body) == "" || e.Body != strings.TrimSpace(e.Body) {
					t.Fatalf("entry %d: body %q", i, e.Body)
				}
				if e.OccurredAt.Location() != loc || journal.DateOf(e.OccurredAt) != e.Day {
					t.Fatalf("entry %d: day %s, moment %s", i, e.Day, e.OccurredAt)
				}
				for _, tag := range e.Tags {
					if got, err := journal.ValidateTag(tag); err != nil || got != tag {
						t.Fatalf("entry %d: tag %q would be refused by journal (%v)", i, tag, err)
					}
				}
			}
		}
	})
}

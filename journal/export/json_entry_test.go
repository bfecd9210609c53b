package export

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
	"time"

	"journal/journal"
	"journal/journal/demo"
)

// wantEntry is an entry as the export wrote it before appendEntry: encoded
// by encoding/json, indented for its place in the list, then escaped.
func wantEntry(t *testing.T, e journal.Entry) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	if err := enc.Encode(e); err != nil {
		t.Fatal(err)
	}
	return journal.EscapeJSON(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

// TestAppendEntryMatchesEncodingJSON: every entry of a busy generated
// journal, and entries with every awkward character and value, come out
// of the hand-written encoder byte for byte as encoding/json wrote them.
func TestAppendEntryMatchesEncodingJSON(t *testing.T) {
	end := time.Date(2026, 11, 25, 21, 0, 0, 0, time.FixedZone("CET", 3600))
	entries := demo.Generate(demo.Options{Days: 120, Seed: 7, End: end, Busy: true}).Entries
	if len(entries) < 500 {
		t.Fatalf("only %d generated entries", len(entries))
	}
	odd := "quote \" back \\ nl \n cr \r tab \t bs \b ff \f nul \x00 esc \x1b del \x7f <b>&amp; " +
		"bad \xff\xfe utf8, c1 \u0085 \u009b, ls \u2028 ps \u2029, rlo \u202e lri \u2066 lrm \u200e alm \u061c, " +
		"dash \u2014 emoji \U0001F331 accents é ü"
	mins, mood := 12, 7
	drinks, sleep, tiny, huge := 1.5, 7.25, 1e-7, 3e21
	deleted := end.Add(time.Hour)
	session := int64(4)
	entries = append(entries,
		journal.Entry{ID: 1, UUID: odd, Kind: journal.KindNote, Body: odd, Tags: []string{odd, ""}, PromptSet: odd,
			Answers: []journal.Answer{{Key: odd, Question: odd, Answer: odd}, {}}, SessionID: &session, DeletedAt: &deleted,
			OccurredAt: end.Add(123456789 * time.Nanosecond), CreatedAt: end.UTC(), UpdatedAt: end.In(time.FixedZone("", -5*3600-1800))},
		journal.Entry{ID: 2, Kind: journal.KindCraving, Answers: []journal.Answer{},
			Craving: &journal.Craving{Intensity: 10, Triggers: []string{}, Feelings: nil, Coping: []string{odd, "walk"},
				Outcome: journal.Outcome(odd), Minutes: &mins, Where: odd, With: odd, Thoughts: odd}},
		journal.Entry{ID: 3, Kind: journal.KindCheckin, Checkin: &journal.Checkin{Mood: &mood, Drinks: &drinks, SleepHours: &sleep}},
		journal.Entry{ID: 4, Kind: journal.KindCheckin, Checkin: &journal.Checkin{Drinks: &tiny, SleepHours: &huge}},
		journal.Entry{ID: 5, Kind: journal.KindCheckin, Checkin: &journal.Checkin{}},
	)
	for i, e := range entries {
		got, ok := appendEntry([]byte("x"), &e)
		if !ok {
			t.Fatalf("entry %d: refused", i)
		}
		if want := append([]byte("x"), wantEntry(t, e)...); !bytes.Equal(got, want) {
			t.Fatalf("entry %d: got\n%s\nwant\n%s", i, got, want)
		}
	}
}

// TestAppendEntryRefusesWhatJSONCannotHold: a NaN is refused, so the
// export reports encoding/json's error instead of writing bad JSON.
func TestAppendEntryRefusesWhatJSONCannotHold(t *testing.T) {
	nan := math.NaN()
	e := journal.Entry{Kind: journal.KindCheckin, Checkin: &journal.Checkin{SleepHours: &nan}}
	if got, ok := appendEntry([]byte("x"), &e); ok || string(got) != "x" {
		t.Errorf("appendEntry of a NaN: %q, %v; want it refused with nothing added", got, ok)
	}
	var b bytes.Buffer
	err := JSON(&b, Document{Records: journal.Records{Entries: []journal.Entry{e}}})
	if err == nil {
		t.Error("JSON wrote an entry with a NaN")
	}
}

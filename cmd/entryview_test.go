package cmd

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"journal/cmd/ui"
	"journal/journal"
)

// A row of list at a terminal fits 80 columns, whatever the text, tags and
// id; the private mark is never cut off.
func TestEntryRowFits80Columns(t *testing.T) {
	at := time.Date(2026, 11, 25, 19, 15, 0, 0, time.UTC)
	mood, craving, sleep, drinks := 6, 5, 6.5, 2.0
	cases := []journal.Entry{
		{ID: 327, Kind: journal.KindCheckin, OccurredAt: at,
			Checkin: &journal.Checkin{Mood: &mood, Craving: &craving, Drinks: &drinks, SleepHours: &sleep}},
		{ID: 325, Kind: journal.KindNote, OccurredAt: at, Private: true, Tags: []string{"gratitude"},
			Body: "The music from the session came back to me on the bus."},
		{ID: 123456, Kind: journal.KindNote, OccurredAt: at, Private: true,
			Tags: []string{"walk", "evening", "sleep", "work-stress", "family", "日本"},
			Body: strings.Repeat("Long walk by the river after a hard day at work. ", 5)},
		{ID: 1, Kind: journal.KindNote, OccurredAt: at, Body: "short", Tags: []string{"a"}},
	}
	for _, e := range cases {
		row := entryRow(e, ui.NewStyles(false), 80)
		if n := ansi.StringWidth(row); n > 80 {
			t.Errorf("%d columns: %s", n, row)
		}
		if e.Private && !strings.HasSuffix(row, "(private)") {
			t.Errorf("private mark cut off: %s", row)
		}
	}
	if row := entryRow(cases[3], ui.NewStyles(false), 80); !strings.HasSuffix(row, "short  #a") {
		t.Errorf("a short row changed: %q", row)
	}
}

// search at a terminal marks private entries as list does.
func TestSearchMarksPrivateAtATerminal(t *testing.T) {
	f, out, _ := testFactory(nil)
	f.IO.OutTTY = true
	at := time.Date(2026, 11, 25, 19, 15, 0, 0, time.UTC)
	hits := []journal.SearchHit{
		{Entry: journal.Entry{ID: 2, Kind: journal.KindNote, OccurredAt: at, Private: true}, Snippet: "on the bus"},
		{Entry: journal.Entry{ID: 1, Kind: journal.KindNote, OccurredAt: at}, Snippet: "by bus"},
	}
	if err := writeHits(f, hits, false); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(out.String(), "\n")
	if !strings.HasSuffix(lines[0], "note  (private)") || strings.Contains(lines[2], "private") {
		t.Errorf("private mark:\n%s", out)
	}
}

// The delete question at a terminal fits 80 columns.
func TestDeleteQuestionFits80Columns(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"JOURNAL_DB": dir + "/j.db"}
	f, _, errOut := testFactory(env)
	f.Now = fixedClock
	if code := Run(t.Context(), f, []string{"write", strings.Repeat("A long first line about the evening. ", 4)}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// Asked as a plain line, so that the question is there to measure.
	f, _, errOut = testFactory(map[string]string{"JOURNAL_DB": dir + "/j.db", "JOURNAL_ACCESSIBLE": "1"})
	f.Now = fixedClock
	f.IO.In = strings.NewReader("n\n")
	if code := Run(t.Context(), f, []string{"delete", "1"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, l := range strings.Split(errOut.String(), "\n") {
		if n := ansi.StringWidth(l); n > 80 {
			t.Errorf("%d columns: %q", n, l)
		}
	}
	if !strings.Contains(ansi.Strip(errOut.String()), "Delete entry 1") || !strings.Contains(errOut.String(), "Kept it.") {
		t.Errorf("stderr %q", errOut)
	}
}

// An empty list at a terminal says whether the journal is empty or the
// filters left nothing.
func TestEmptyListHint(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"JOURNAL_DB": dir + "/j.db"}
	f, _, errOut := testFactory(env)
	f.Now = fixedClock
	if code := Run(t.Context(), f, []string{"list"}); code != 0 || !strings.Contains(errOut.String(), "No entries here yet") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	f, _, errOut = testFactory(env)
	f.Now = fixedClock
	if code := Run(t.Context(), f, []string{"write", "a walk"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	f, _, errOut = testFactory(env)
	f.Now = fixedClock
	if code := Run(t.Context(), f, []string{"list", "--tag", "sleep"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if got := errOut.String(); got != "No entries match.\n" {
		t.Errorf("stderr %q", got)
	}
}

// session show at a terminal marks private entries, as list does, within
// 80 columns.
func TestSessionShowMarksPrivate(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"JOURNAL_DB": dir + "/j.db", "XDG_CONFIG_HOME": dir + "/config"}
	answers := dir + "/a.json"
	if err := os.WriteFile(answers, []byte(`{"noticed": "`+strings.Repeat("Colours and my grandmother's kitchen. ", 3)+`"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"session", "add", "--date", "2026-11-20"}, {"reflect", "--private", "--answers", answers}, {"session", "show", "1"}} {
		f, out, errOut := testFactory(env)
		f.Now = fixedClock
		if code := Run(t.Context(), f, args); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		if args[0] != "session" || args[1] != "show" {
			continue
		}
		if !strings.Contains(out.String(), "(private)") {
			t.Errorf("no private mark:\n%s", out)
		}
		for _, l := range strings.Split(out.String(), "\n") {
			if n := ansi.StringWidth(l); n > 80 {
				t.Errorf("%d columns: %s", n, l)
			}
		}
	}
}

// Text with control characters (a pasted terminal escape, a tab) prints
// without them: an escape cannot redraw the terminal, a tab cannot add a
// column to a piped row. Line breaks and tabs in show stay.
func TestEntryTextWithoutControlCharacters(t *testing.T) {
	e := journal.Entry{ID: 1, Kind: journal.KindNote, OccurredAt: time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC),
		Body: "col\tumn \x1b[2Jcleared\x07\nsecond line"}
	if got := summary(e, 200); got != "col umn  [2Jcleared" {
		t.Errorf("summary = %q", got)
	}
	var b strings.Builder
	writeEntry(&b, e, ui.NewStyles(false), 80)
	if strings.ContainsAny(b.String(), "\x1b\x07") || !strings.Contains(b.String(), "col\tumn  [2Jcleared \nsecond line") {
		t.Errorf("show printed %q", b.String())
	}
}

// search keeps its match marks while dropping control characters.
func TestSearchSnippetWithoutControlCharacters(t *testing.T) {
	f, out, _ := testFactory(nil)
	f.IO.OutTTY = false
	hits := []journal.SearchHit{{Entry: journal.Entry{ID: 1, Kind: journal.KindNote}, Snippet: "a\x1b[2J \x02walk\x03 home"}}
	if err := writeHits(f, hits, false); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "1\t0000-00-00\tnote\ta [2J [walk] home\n" {
		t.Errorf("stdout %q", got)
	}
}

// session list and call list at a terminal fit 80 columns, however long
// the note.
func TestSessionAndCallListsFit80Columns(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"JOURNAL_DB": dir + "/j.db", "XDG_CONFIG_HOME": dir + "/config"}
	note := "A long note about what the team said and what I want to remember about the room and the music"
	for _, args := range [][]string{
		{"session", "add", "--date", "2026-12-01", "--setting", "home", "--route", "sublingual", "--dose-mg", "200", "--note", note},
		{"call", "add", "--note", note},
		{"session", "list"}, {"call", "list"},
	} {
		f, out, errOut := testFactory(env)
		f.Now = fixedClock
		if code := Run(t.Context(), f, args); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		for _, l := range strings.Split(out.String(), "\n") {
			if n := ansi.StringWidth(l); n > 80 {
				t.Errorf("%v: %d columns: %s", args, n, l)
			}
		}
	}
}

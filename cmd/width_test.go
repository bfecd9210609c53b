package cmd

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"journal/cmd/ui"
	"journal/journal"
)

// Text in wide scripts, emoji and combining accents: each takes a known
// number of terminal cells that is not its number of runes.
const (
	japanese = "今日は散歩に行きました。気分が良い。川のそばを歩いて、少し泣きました。でも大丈夫です。" // 2 cells each
	emoji    = "Walked 🚶🏽‍♀️ by the river 🌊🌊 and felt 👍🏽 about it, then called my sister 📞 and we laughed"
	accents  = "Cafe\u0301 au lait with Zoe\u0308 then a long walk home along the canal in the rain, no drink" // é, ë combining
	english  = "Felt steadier today than I expected. The walk helped, and so did talking to Sam about what that evening meant to me."
)

func TestTruncateCountsCells(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"今日は散歩に", 5, "今日…"},                     // 4 cells and the ellipsis
		{"今日は散歩に", 12, "今日は散歩に"},                 // 12 cells: fits
		{"今日は散歩に", 11, "今日は散歩…"},                 // a wide character is never cut in half
		{"Cafe\u0301 au lait", 6, "Cafe\u0301…"}, // the accent stays with its letter
		{"👍🏽👍🏽👍🏽", 5, "👍🏽👍🏽…"},
		{"short", 80, "short"},
	}
	for _, tt := range tests {
		got := truncate(tt.in, tt.max)
		if got != tt.want || ansi.StringWidth(got) > tt.max {
			t.Errorf("truncate(%q, %d) = %q (%d cells), want %q", tt.in, tt.max, got, ansi.StringWidth(got), tt.want)
		}
	}
}

// list at a terminal fits its width in cells, whatever the script, and a
// wider terminal shows more of the text.
func TestEntryRowFitsTheTerminalInCells(t *testing.T) {
	at := time.Date(2026, 11, 25, 19, 15, 0, 0, time.UTC)
	for _, body := range []string{japanese, emoji, accents, english} {
		e := journal.Entry{ID: 12, Kind: journal.KindNote, OccurredAt: at, Body: body, Private: true, Tags: []string{"散歩", "walk"}}
		var lens []int
		for _, width := range []int{60, 80, 132} {
			row := entryRow(e, ui.NewStyles(false), width)
			n := ansi.StringWidth(row)
			if n > width {
				t.Errorf("width %d: %d cells: %s", width, n, row)
			}
			if !strings.HasSuffix(row, "(private)") {
				t.Errorf("width %d: private mark cut: %s", width, row)
			}
			lens = append(lens, n)
		}
		if lens[2] <= lens[1] {
			t.Errorf("%.20q: a 132-cell row (%d) shows no more than an 80-cell one (%d)", body, lens[2], lens[1])
		}
	}
}

// show wraps text at spaces within the width in cells: no word is cut in
// two; text without spaces is broken between characters; line breaks stay.
func TestShowWrapsAtWordsInCells(t *testing.T) {
	at := time.Date(2026, 11, 25, 19, 15, 0, 0, time.UTC)
	for _, width := range []int{40, 80} {
		e := journal.Entry{ID: 3, Kind: journal.KindNote, OccurredAt: at, Body: english + "\n\n" + emoji + "\n" + accents + "\n" + japanese,
			Craving: &journal.Craving{Intensity: 6, Thoughts: english}}
		var b strings.Builder
		writeEntry(&b, e, ui.NewStyles(false), width)
		out := b.String()
		lines := strings.Split(out, "\n")
		for _, l := range lines[1:] { // the heading is one fixed line
			if n := ansi.StringWidth(l); n > width {
				t.Errorf("width %d: %d cells: %q", width, n, l)
			}
		}
		words := map[string]bool{}
		for _, l := range lines {
			for _, w := range strings.Fields(l) {
				words[w] = true
			}
		}
		for _, w := range strings.Fields(english + " " + emoji + " " + accents) {
			if !words[w] {
				t.Errorf("width %d: the word %q was cut", width, w)
			}
		}
		if !strings.Contains(out, "\n\n"+strings.Fields(emoji)[0]) {
			t.Errorf("width %d: the blank line between paragraphs went:\n%s", width, out)
		}
		// The Japanese paragraph is the last: its lines joined are the text.
		var tail []string
		for _, l := range lines {
			if strings.ContainsAny(l, "今大") || (len(tail) > 0 && l != "") {
				tail = append(tail, l)
			}
		}
		if got := strings.Join(tail, ""); got != japanese {
			t.Errorf("width %d: Japanese text changed: %q", width, got)
		}
	}
}

// Every fitted line of list, show, session list and show, call list and
// the craving saved line stays within the terminal's width in cells, at a
// narrow and a wide terminal.
func TestCommandsFitTheTerminalWidth(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"JOURNAL_DB": dir + "/j.db", "XDG_CONFIG_HOME": dir + "/config"}
	run := func(width int, args ...string) string {
		t.Helper()
		f, out, errOut := testFactory(env)
		f.Now = fixedClock
		f.IO.TermWidth = width
		if code := Run(t.Context(), f, args); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		return out.String()
	}
	run(80, "session", "add", "--date", "2026-11-20", "--setting", "clinic", "--note", japanese)
	run(80, "write", "--at", "2026-11-20 18:00", japanese)
	run(80, "write", emoji)
	run(80, "call", "add", "--note", accents+" "+japanese)
	for _, width := range []int{60, 132} {
		checks := map[string]string{
			"list":          run(width, "list"),
			"show 1":        run(width, "show", "1"),
			"session list":  run(width, "session", "list"),
			"session show":  run(width, "session", "show", "1"),
			"call list":     run(width, "call", "list"),
			"craving saved": run(width, "craving", "7", "--trigger", "職場のストレス,家族,🍷 wine ads,friday evening,payday", "--at", "yesterday"),
		}
		for what, out := range checks {
			for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
				if strings.HasPrefix(l, "Entry ") {
					continue // show's heading is one fixed line
				}
				if n := ansi.StringWidth(l); n > width {
					t.Errorf("%s at %d: %d cells: %q", what, width, n, l)
				}
			}
		}
		if width == 132 && !strings.Contains(checks["call list"], accents) {
			t.Errorf("call list at 132 cut a note that fits:\n%s", checks["call list"])
		}
	}
}

func TestWidthIsTheTerminalsOr80(t *testing.T) {
	tests := []struct {
		tty   bool
		term  int
		width int
	}{
		{false, 0, 80},   // piped
		{false, 200, 80}, // piped, whatever a terminal elsewhere says
		{true, 0, 80},    // a terminal of unknown size
		{true, 132, 132},
		{true, 60, 60},
		{true, 12, 60}, // too narrow to lay out rows
	}
	for _, tt := range tests {
		s := &IOStreams{OutTTY: tt.tty, TermWidth: tt.term}
		if got := s.Width(); got != tt.width {
			t.Errorf("tty %v, terminal %d: width %d, want %d", tt.tty, tt.term, got, tt.width)
		}
	}
}

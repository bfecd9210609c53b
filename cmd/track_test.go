package cmd

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"journal/cmd/ui"
	"journal/journal"
)

// trackFactory is a Factory on a fresh folder with a fixed clock
// (Wednesday 25 November 2026, 20:00 UTC). tty makes both ends terminals.
func trackFactory(t *testing.T, dir string, in string, tty bool, env map[string]string) (*Factory, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	vars := map[string]string{
		"JOURNAL_DB":      filepath.Join(dir, "journal.db"),
		"XDG_CONFIG_HOME": filepath.Join(dir, "config"),
	}
	for k, v := range env {
		vars[k] = v
	}
	f, out, errOut := testFactory(vars)
	// One byte at a time: each accessible prompt reads only its own line.
	f.IO.In = iotest.OneByteReader(strings.NewReader(in))
	f.IO.InTTY, f.IO.OutTTY, f.IO.ErrTTY = tty, tty, tty
	now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	f.Now = func() time.Time { return now }
	return f, out, errOut
}

// Every bad input of the issue: one line on stderr, exit 2, nothing written.
func TestTrackingBadInputExits2AndWritesNothing(t *testing.T) {
	cases := [][]string{
		{"craving", "12"}, {"craving", "-1"}, {"craving", "7.5"}, {"craving", "high"},
		{"craving", "5", "--outcome", "maybe"}, {"craving", "5", "--at", "tomorrow"}, {"craving"},
		{"drinks", "-1"}, {"drinks", "abc"}, {"drinks", "61"}, {"drinks", "60.5"},
		{"drinks", "--drink", "330ml"}, {"drinks", "--drink", "5%"}, {"drinks", "--drink", "330ml 101%"},
		{"drinks", "2", "--from", "yesterday", "--to", "3 days ago"},
		{"drinks", "2", "--date", "tomorrow"}, {"sober", "--date", "tomorrow"},
		{"sober", "--from", "yesterday", "--to", "tomorrow"},
		{"checkin", "--mood", "11"}, {"checkin", "--sleep", "25"}, {"checkin", "--craving", "-1"},
		{"checkin", "--drinks", "abc"}, {"checkin", "--mood", "5", "--date", "tomorrow"}, {"checkin"},
		{"config", "set", "colour", "blue"}, {"config", "set", "high_craving_threshold", "12"},
		{"config", "set", "standard_drink_grams", "0"}, {"config", "get", "nope"},
	}
	for _, args := range cases {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			dir := t.TempDir()
			f, out, errOut := trackFactory(t, dir, "", false, nil)
			if code := Run(context.Background(), f, args); code != exitUsage {
				t.Errorf("exit %d, want 2; stderr %q", code, errOut)
			}
			if lines := strings.Count(errOut.String(), "\n"); lines != 1 || !strings.HasPrefix(errOut.String(), "journal: ") {
				t.Errorf("stderr %q, want one journal: line", errOut)
			}
			if out.Len() > 0 {
				t.Errorf("stdout %q, want nothing", out)
			}
			for _, p := range []string{"journal.db", "config/journal/config.toml"} {
				if _, err := os.Stat(filepath.Join(dir, p)); err == nil {
					t.Errorf("%s was written", p)
				}
			}
		})
	}
}

// The craving form in huh's accessible mode (plain line prompts): intensity
// first and re-asked when out of range, then the skippable rest.
func TestCravingFormAccessible(t *testing.T) {
	answers := strings.Join([]string{
		"12",              // out of range: asked again
		"7",               // intensity
		"Stress, boredom", // triggers
		"4",               // feelings: tick "tired"
		"Restless",        // other feelings
		"home",            // where
		"",                // with: skipped
		"",                // thoughts: skipped
		"Walk, tea",       // coping
		"2",               // outcome: resisted
		"15",              // minutes
		"It passed", ".",  // note, a long answer ended by a full stop
		"y", // the review: save
	}, "\n") + "\n"
	f, out, errOut := trackFactory(t, t.TempDir(), answers, true, map[string]string{"JOURNAL_ACCESSIBLE": "1"})
	if code := Run(context.Background(), f, []string{"craving", "--json", "--where", "kitchen"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut.String(), "How strong is the craving, 0 to 10?") {
		t.Errorf("the form did not ask for the intensity first:\n%s", errOut)
	}
	if !strings.Contains(errOut.String(), "must be a whole number from 0 to 10") {
		t.Errorf("12 was not refused in the form:\n%s", errOut)
	}
	var e journal.Entry
	if err := json.Unmarshal(out.Bytes(), &e); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	c := e.Craving
	if c == nil || c.Intensity != 7 || strings.Join(c.Triggers, ",") != "boredom,stress" ||
		strings.Join(c.Feelings, ",") != "restless,tired" || c.Where != "home" || c.With != "" ||
		strings.Join(c.Coping, ",") != "tea,walk" || c.Outcome != journal.OutcomeResisted ||
		c.Minutes == nil || *c.Minutes != 15 || e.Body != "It passed" {
		t.Fatalf("saved %+v %+v", e, c)
	}
}

// Only the intensity is needed: every later question can be skipped.
func TestCravingFormSkipEverythingButIntensity(t *testing.T) {
	f, out, errOut := trackFactory(t, t.TempDir(), "3\n", true, map[string]string{"JOURNAL_ACCESSIBLE": "1"})
	if code := Run(context.Background(), f, []string{"craving"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out.String(), "Saved craving 3/10 as entry 1.") {
		t.Errorf("stdout %q", out)
	}
}

// Ctrl+C in the form: exit 130, nothing saved.
func TestCravingFormCtrlCAborts(t *testing.T) {
	dir := t.TempDir()
	f, out, errOut := trackFactory(t, dir, "\x03", true, nil)
	if code := Run(context.Background(), f, []string{"craving"}); code != exitAborted {
		t.Fatalf("exit %d, want 130; stderr %q", code, errOut)
	}
	if strings.Contains(out.String(), "Saved") {
		t.Errorf("saved after Ctrl+C: %q", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "journal.db")); err == nil {
		t.Errorf("the journal was written")
	}
}

// Driving the form model directly: typing an intensity and enter moves on;
// Ctrl+C aborts.
func TestCravingFormModel(t *testing.T) {
	var a cravingAnswers
	form := cravingForm(&a).Huh(true)
	form.Init()
	var m huh.Model = form
	for _, r := range "8" {
		m, _ = m.Update(ui.KeyPress(string(r)))
	}
	m = pump(m, ui.KeyPress("enter"), 0)
	if a.Intensity != "8" {
		t.Fatalf("intensity = %q after typing 8 and enter", a.Intensity)
	}
	if !strings.Contains(m.View(), "What set it off?") {
		t.Errorf("the next group is not shown:\n%s", m.View())
	}
	m, _ = m.Update(ui.KeyPress("ctrl+c"))
	if m.(*huh.Form).State != huh.StateAborted {
		t.Errorf("Ctrl+C did not abort the form")
	}
}

// Running the check-in again at a terminal shows the earlier answers as
// defaults: enter keeps them.
func TestCheckinFormKeepsEarlierAnswers(t *testing.T) {
	dir := t.TempDir()
	f, _, errOut := trackFactory(t, dir, "", false, nil)
	if code := Run(context.Background(), f, []string{"checkin", "--mood", "6", "--sleep", "7", "--drinks", "0", "--note", "calm"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// mood 8, craving 2, then enter for drinks, sleep and note.
	f, out, errOut := trackFactory(t, dir, "8\n2\n\n\n\n", true, map[string]string{"JOURNAL_ACCESSIBLE": "1"})
	if code := Run(context.Background(), f, []string{"checkin", "--json"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var e journal.Entry
	if err := json.Unmarshal(out.Bytes(), &e); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	c := e.Checkin
	if e.ID != 1 || c == nil || *c.Mood != 8 || *c.Craving != 2 || *c.SleepHours != 7 || *c.Drinks != 0 || e.Body != "calm" {
		t.Fatalf("saved %+v %+v", e, c)
	}
	if !strings.Contains(errOut.String(), "earlier answers are filled in") {
		t.Errorf("the form did not say the earlier answers are filled in:\n%s", errOut)
	}
}

// pump sends msg to m and feeds back the messages its commands make, as a
// tea.Program would; commands that wait (cursor blinks) are dropped.
func pump(m huh.Model, msg tea.Msg, depth int) huh.Model {
	m, cmd := m.Update(msg)
	if depth > 8 || cmd == nil {
		return m
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case next := <-done:
		switch next := next.(type) {
		case nil:
		case tea.BatchMsg:
			for _, c := range next {
				if c != nil {
					m = pumpCmd(m, c, depth+1)
				}
			}
		default:
			m = pump(m, next, depth+1)
		}
	case <-time.After(50 * time.Millisecond):
	}
	return m
}

func pumpCmd(m huh.Model, cmd tea.Cmd, depth int) huh.Model {
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case next := <-done:
		if next != nil {
			if b, ok := next.(tea.BatchMsg); ok {
				for _, c := range b {
					if c != nil && depth < 8 {
						m = pumpCmd(m, c, depth+1)
					}
				}
				return m
			}
			return pump(m, next, depth+1)
		}
	case <-time.After(50 * time.Millisecond):
	}
	return m
}

// drinks with no number asks at a terminal.
func TestDrinksAsksAtATerminal(t *testing.T) {
	f, out, errOut := trackFactory(t, t.TempDir(), "lots\n1.5\n", true, map[string]string{"JOURNAL_ACCESSIBLE": "1"})
	if code := Run(context.Background(), f, []string{"drinks", "--date", "yesterday"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut.String(), "Standard drinks on Nov 24?") || !strings.Contains(errOut.String(), "drinks must be a number") {
		t.Errorf("form:\n%s", errOut)
	}
	if !strings.Contains(out.String(), "Nov 24: 1.5 drinks recorded.") {
		t.Errorf("stdout %q", out)
	}
}

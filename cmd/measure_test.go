package cmd

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"journal/journal"
)

// phq9Lines answers PHQ-9 one line per item, item 9 last.
func phq9Lines(item9 string) string {
	return "1\n0\n2\n1\n1\n0\n1\n0\n" + item9 + "\n"
}

// Item 9 above 0: the saved message gently shows the crisis lines, then
// the person's own support contacts, on the terminal.
func TestPHQ9Item9ShowsCrisisContacts(t *testing.T) {
	f, out, errOut := trackFactory(t, t.TempDir(), phq9Lines("1"), true, map[string]string{"JOURNAL_ACCESSIBLE": "1"})
	if code := Run(context.Background(), f, []string{"measure", "phq9"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got := out.String()
	for _, want := range []string{"Saved PHQ-9 as entry 1: 7 of 27, mild.", "988", "116 123 (Samaritans)", "13 11 14 (Lifeline)", "your local emergency number"} {
		if !strings.Contains(got, want) {
			t.Errorf("stdout lacks %q:\n%s", want, got)
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if len([]rune(l)) > 80 {
			t.Errorf("line wider than 80 columns: %q", l)
		}
	}
}

// The person's own crisis lines replace the well-known ones; their support
// contacts follow.
func TestPHQ9OwnCrisisContacts(t *testing.T) {
	dir := t.TempDir()
	f, _, errOut := trackFactory(t, dir, "", false, nil)
	for _, args := range [][]string{
		{"config", "set", "crisis_contacts", "Crisis team 0800 123 456"},
		{"config", "set", "support_contacts", "Sam 07700 900123"},
	} {
		if code := Run(context.Background(), f, args); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
	}
	f, out, errOut := trackFactory(t, dir, phq9Lines("2"), true, map[string]string{"JOURNAL_ACCESSIBLE": "1"})
	if code := Run(context.Background(), f, []string{"measure", "phq9"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got := out.String()
	crisis, support := strings.Index(got, "Crisis team 0800 123 456"), strings.Index(got, "Sam 07700 900123")
	if crisis < 0 || support < crisis || strings.Contains(got, "988") {
		t.Errorf("want own crisis line, then support contacts, and not the defaults:\n%s", got)
	}
}

// Item 9 at 0: no crisis lines. Item 9 above 0 with --json: none either,
// on stdout or stderr; the JSON carries the score.
func TestPHQ9CrisisContactsOnlyWhenItem9AboveZeroAndNeverInJSON(t *testing.T) {
	f, out, errOut := trackFactory(t, t.TempDir(), phq9Lines("0"), true, map[string]string{"JOURNAL_ACCESSIBLE": "1"})
	if code := Run(context.Background(), f, []string{"measure", "phq9"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Contains(out.String()+errOut.String(), "988") {
		t.Errorf("crisis lines shown with item 9 at 0:\n%s", out)
	}
	if !strings.Contains(out.String(), "6 of 27, mild") {
		t.Errorf("stdout %q", out)
	}

	f, out, errOut = trackFactory(t, t.TempDir(), phq9Lines("3"), true, map[string]string{"JOURNAL_ACCESSIBLE": "1"})
	if code := Run(context.Background(), f, []string{"measure", "phq9", "--json"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Contains(out.String()+errOut.String(), "988") || strings.Contains(out.String()+errOut.String(), "Samaritans") {
		t.Errorf("crisis lines in --json run:\n%s\n%s", out, errOut)
	}
	var e struct {
		journal.Entry
		Measure measureJSON `json:"measure"`
	}
	if err := json.Unmarshal(out.Bytes(), &e); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if e.Measure.Score == nil || *e.Measure.Score != 9 || e.Measure.Band != "mild" || e.Measure.Max != 27 || e.PromptSet != "phq9" {
		t.Errorf("measure %+v", e.Measure)
	}
}

// The home screen says a questionnaire is due once its last one is 14 days
// old (measure_every_days), in one line for all that are due, and says
// nothing on a day one was done, or of one never done.
func TestHomeSaysQuestionnaireDue(t *testing.T) {
	dir := t.TempDir()
	answer := func(name, file, day string) {
		t.Helper()
		path := filepath.Join(dir, name+".toml")
		if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
			t.Fatal(err)
		}
		f, _, errOut := trackFactory(t, dir, "", false, nil)
		at, _ := time.Parse(time.RFC3339, day+"T09:00:00Z")
		f.Now = func() time.Time { return at }
		if code := Run(context.Background(), f, []string{"measure", name, "--answers", path}); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
	}
	summary := func(day string) string {
		t.Helper()
		f, _, _ := trackFactory(t, dir, "", false, nil)
		defer f.Close()
		at, _ := time.Parse(time.RFC3339, day+"T09:00:00Z")
		f.Now = func() time.Time { return at }
		c := &cobra.Command{}
		c.SetContext(context.Background())
		lines, err := homeSummary(c, f)
		if err != nil {
			t.Fatal(err)
		}
		// Only the line about questionnaires due.
		for _, l := range lines {
			if strings.Contains(l, "could be done again") {
				return l
			}
		}
		return ""
	}
	answer("phq9", "q1 = 1\nq2 = 1\n", "2026-11-01")
	answer("gad7", "q1 = 1\n", "2026-11-05")
	if got := summary("2026-11-14"); strings.Contains(got, "could be done again") {
		t.Errorf("13 days after: %q", got)
	}
	if got := summary("2026-11-15"); got != "Your PHQ-9 could be done again, when you like: journal measure phq9" {
		t.Errorf("14 days after: %q", got)
	}
	if got := summary("2026-11-20"); got != "Your PHQ-9 and GAD-7 could be done again, when you like: journal measure" {
		t.Errorf("both due: %q", got)
	}
	answer("gad7", "q1 = 0\n", "2026-11-20")
	if got := summary("2026-11-20"); strings.Contains(got, "could be done again") {
		t.Errorf("on a day one was done: %q", got)
	}
	if got := summary("2026-11-21"); !strings.Contains(got, "Your PHQ-9 could be done again") {
		t.Errorf("the day after: %q", got)
	}
}

// JOURNAL_ACCESSIBLE=1 at a terminal asks plain lines: a value that does
// not fit is asked for again, in the question's words.
func TestMeasureAccessibleAsksAgain(t *testing.T) {
	in := "7\n2\n" + strings.Repeat("0\n", 6)
	f, out, errOut := trackFactory(t, t.TempDir(), in, true, map[string]string{"JOURNAL_ACCESSIBLE": "1"})
	if code := Run(context.Background(), f, []string{"measure", "gad7"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut.String(), "7 is not an answer here: give a number from 0 (Not at all) to 3 (Nearly every day). Try again") {
		t.Errorf("7 was not asked again:\n%s", errOut)
	}
	if !strings.Contains(out.String(), "Saved GAD-7 as entry 1: 2 of 21, minimal.") {
		t.Errorf("stdout %q", out)
	}
}

// At a terminal the form keeps a draft: a value picked and then ctrl+c
// leaves with exit 130, nothing saved, the answer kept in the draft.
func TestMeasureFormKeepsDraft(t *testing.T) {
	dir := t.TempDir()
	f, out, errOut := trackFactory(t, dir, "2\x03", true, nil)
	if code := Run(context.Background(), f, []string{"measure", "phq9"}); code != exitAborted {
		t.Fatalf("exit %d, want 130; stderr %q", code, errOut)
	}
	if strings.Contains(out.String(), "Saved") {
		t.Errorf("saved after ctrl+c: %q", out)
	}
	drafts, err := f.Drafts()
	if err != nil {
		t.Fatal(err)
	}
	d, ok, err := drafts.Load("measure-phq9")
	if err != nil || !ok || !strings.Contains(string(d.Data), `"Items":["2"`) {
		t.Fatalf("draft %q %v %v", d.Data, ok, err)
	}
	if !strings.Contains(errOut.String(), "journal measure phq9") {
		t.Errorf("stderr does not say how to pick it up: %q", errOut)
	}
}

package ui

import (
	"journal/prompts"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// press sends keys to the form the way a terminal would, and reports
// whether the last one asked the program to quit.
func pressSet(t *testing.T, m *SetForm, keys ...string) (quit bool) {
	t.Helper()
	for _, k := range keys {
		msg := KeyPress(k)
		// Commands are not run: they are cursor blinks, or tea.Quit,
		// which Ended reports.
		m.Update(msg)
	}
	return m.Ended()
}

// testSet has a step of every kind but long text.
func testSet() prompts.Set {
	return prompts.Set{Name: "t", Title: "Test", When: prompts.Daily, Steps: []prompts.Step{
		{Key: "text", Kind: prompts.Short, Question: "A word?"},
		{Key: "level", Kind: prompts.Scale, Question: "How strong?", Min: 0, Max: 10, MinLabel: "none", MaxLabel: "very"},
		{Key: "pick", Kind: prompts.Choice, Question: "Which?", Options: []string{"Yes", "Partly", "Not yet"}},
		{Key: "many", Kind: prompts.Multi, Question: "What helped?", Options: []string{"Rest", "A walk", "A call"}},
		{Key: "ready", Kind: prompts.Checklist, Question: "Ready?", Options: []string{"Quiet room", "Phone away"}},
		{Key: "ok", Kind: prompts.YesNo, Question: "OK?"},
	}}
}

func formSet() prompts.Set {
	s := testSet()
	s.Steps = append([]prompts.Step{{Key: "story", Kind: prompts.Long, Question: "What happened?", Help: "As much or as little as you like."}}, s.Steps...)
	return s
}

func TestFormNavigationBackAndSkip(t *testing.T) {
	m := NewSetForm(formSet(), SetFormOptions{})
	if v := m.Render(); !strings.Contains(v, "Step 1 of 7") || !strings.Contains(v, "What happened?") || !strings.Contains(v, "As much or as little") {
		t.Fatalf("first step view:\n%s", v)
	}
	// Long text: alt+enter is a new line, enter goes on.
	pressSet(t, m, "A long day", "alt+enter", "then calm", "enter")
	if m.Step() != 1 || !strings.Contains(m.Render(), "Step 2 of 7") {
		t.Fatalf("tab should go to step 2, at %d", m.Step())
	}
	pressSet(t, m, "s", "t", "e", "a", "d", "y", "enter")
	if m.Step() != 2 {
		t.Fatalf("enter should go to step 3, at %d", m.Step())
	}
	// Back keeps what was typed.
	pressSet(t, m, "shift+tab")
	if m.Step() != 1 || !strings.Contains(m.Render(), "steady") {
		t.Fatalf("back should show step 2 with its answer:\n%s", m.Render())
	}
	r := m.Result()
	if r.Values["story"].Text != "A long day\nthen calm" {
		t.Errorf("long text: %q", r.Values["story"].Text)
	}
	// Back from the first step stays there.
	pressSet(t, m, "shift+tab", "shift+tab", "shift+tab")
	if m.Step() != 0 {
		t.Errorf("back from step 1 stays at step 1, at %d", m.Step())
	}
}

func TestFormScaleChoiceAndTicks(t *testing.T) {
	m := NewSetForm(formSet(), SetFormOptions{})
	pressSet(t, m, "tab", "tab") // to the scale
	if v := m.Render(); !strings.Contains(v, "0 = none") || !strings.Contains(v, "10 = very") || !strings.Contains(v, "nothing chosen yet") {
		t.Fatalf("scale view:\n%s", v)
	}
	pressSet(t, m, "right")
	if v := m.Render(); !strings.Contains(v, "[5]") {
		t.Fatalf("the first arrow picks the middle:\n%s", v)
	}
	pressSet(t, m, "right", "right", "1", "0")
	if n := m.Result().Values["level"].Number; n == nil || *n != 10 {
		t.Fatalf("typing 1 then 0 should give 10, got %v", n)
	}
	pressSet(t, m, "3", "enter")
	// Choice: the cursor moves, enter picks and goes on.
	pressSet(t, m, "down", "enter")
	// Multi: space ticks, a number ticks that option.
	pressSet(t, m, "space", "3", "down", "space", "down", "space", "enter")
	// Checklist: leave it as is with tab; yes/no: pick "No".
	pressSet(t, m, "tab", "down", "enter")
	r := m.Result()
	if *r.Values["level"].Number != 3 || r.Values["pick"].Picked[0] != 1 || r.Values["ok"].Text != "no" {
		t.Errorf("values: %+v", r.Values)
	}
	if got := formSet().Steps[4].Format(r.Values["many"]); got != "A walk, A call" {
		t.Errorf("multi ticks: %q", got)
	}
	if _, ok := r.Values["ready"]; ok {
		t.Errorf("untouched checklist should be skipped: %+v", r.Values["ready"])
	}
	// The last screen: enter saves.
	if v := m.Render(); !strings.Contains(v, "You answered 4 of 7 questions.") {
		t.Fatalf("closing screen:\n%s", v)
	}
	if !pressSet(t, m, "enter") || !m.Result().Done {
		t.Error("enter on the last screen should finish")
	}
}

func TestFormCtrlCKeepsADraftThatResumes(t *testing.T) {
	m := NewSetForm(formSet(), SetFormOptions{})
	pressSet(t, m, "Rain on the window", "tab", "c", "a", "l", "m")
	if !pressSet(t, m, "ctrl+c") {
		t.Fatal("ctrl+c should quit")
	}
	r := m.Result()
	if r.Done || r.Draft.Step != 1 || r.Draft.Values["text"].Text != "calm" || r.Draft.Values["story"].Text != "Rain on the window" {
		t.Fatalf("draft: %+v", r)
	}
	if m.Render() != "" {
		t.Error("nothing is drawn after leaving")
	}
	text, err := prompts.MarshalDraft(r.Draft)
	if err != nil {
		t.Fatal(err)
	}
	d, err := prompts.UnmarshalDraft(formSet(), text)
	if err != nil {
		t.Fatal(err)
	}

	// The next run offers the draft; enter picks it up where it was left.
	saved := time.Date(2026, 11, 24, 21, 30, 0, 0, time.UTC)
	m = NewSetForm(formSet(), SetFormOptions{Draft: &d, DraftSaved: saved})
	if v := m.Render(); !strings.Contains(v, "You have a draft from Tue 24 Nov, 21:30, with 2 of 7 questions answered.") ||
		!strings.Contains(v, "3. Show it first") || strings.Contains(v, "Rain on the window") {
		t.Fatalf("resume view:\n%s", v)
	}
	// 3 chooses to see the draft, enter shows it, as in every form's offer.
	pressSet(t, m, "3")
	if v := m.Render(); strings.Contains(v, "Rain on the window") || !strings.Contains(v, "> 3. Show it first") {
		t.Fatalf("3 acted before enter:\n%s", v)
	}
	pressSet(t, m, "enter")
	if v := m.Render(); !strings.Contains(v, "Rain on the window") || strings.Contains(v, "3. Show it first") {
		t.Fatalf("the draft is not shown:\n%s", v)
	}
	pressSet(t, m, "enter")
	if m.Step() != 1 || !strings.Contains(m.Render(), "calm") {
		t.Fatalf("resumed at step %d:\n%s", m.Step(), m.Render())
	}
	pressSet(t, m, "shift+tab")
	if !strings.Contains(m.Render(), "Rain on the window") {
		t.Errorf("earlier answers come back too:\n%s", m.Render())
	}
	// Esc also keeps a draft.
	if !pressSet(t, m, "esc") || m.Result().Done || m.Result().Draft.Values["text"].Text != "calm" {
		t.Errorf("esc: %+v", m.Result())
	}

	// 2 then enter starts fresh; 2 alone only chooses.
	m = NewSetForm(formSet(), SetFormOptions{Draft: &d})
	pressSet(t, m, "2")
	if !strings.Contains(m.Render(), "> 2. Start fresh") || !strings.Contains(m.Render(), "You have a draft") {
		t.Fatalf("2 acted before enter:\n%s", m.Render())
	}
	pressSet(t, m, "enter")
	if m.Step() != 0 || len(m.Result().Values) != 0 {
		t.Errorf("start fresh: step %d, values %+v", m.Step(), m.Result().Values)
	}
}

// ctrl+s saves now: the paragraph being typed is kept, the rest skipped.
func TestFormSaveNowKeepsTypedText(t *testing.T) {
	m := NewSetForm(formSet(), SetFormOptions{})
	var last prompts.Draft
	m.opts.Changed = func(d prompts.Draft) { last = d }
	pressSet(t, m, "A", " ", "p", "a", "r", "a")
	if last.Values["story"].Text != "A para" {
		t.Errorf("the draft does not follow the typing: %+v", last.Values)
	}
	if !pressSet(t, m, "ctrl+s") {
		t.Fatal("ctrl+s did not end the form")
	}
	r := m.Result()
	if !r.Done || r.Values["story"].Text != "A para" {
		t.Errorf("ctrl+s lost the text: done %v, %+v", r.Done, r.Values)
	}
}

func TestFormFitsEightyColumns(t *testing.T) {
	m := NewSetForm(formSet(), SetFormOptions{})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	for i := 0; i <= len(formSet().Steps); i++ {
		v := m.Render()
		if n := strings.Count(v, "\n") + 1; n > 24 {
			t.Errorf("step %d is %d lines tall", i+1, n)
		}
		for _, l := range strings.Split(v, "\n") {
			if w := ansi.StringWidth(l); w > 80 {
				t.Errorf("step %d: line of %d columns: %q", i+1, w, l)
			}
		}
		pressSet(t, m, "tab")
	}
}

// Without colour the empty box's hint is in brackets, so it cannot be
// taken for an answer already typed.
func TestPlaceholderMarkedWithoutColour(t *testing.T) {
	for _, color := range []bool{false, true} {
		m := NewSetForm(formSet(), SetFormOptions{Color: color})
		v := m.Render()
		if got := strings.Contains(v, "as little as you like)"); got == color {
			t.Errorf("colour %v: hint in brackets %v:\n%s", color, got, v)
		}
	}
}

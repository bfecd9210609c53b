package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// send gives the form model each key in turn, running the commands it
// returns that finish at once (moving to the next field).
func send(m *formModel, keys ...string) {
	for _, k := range keys {
		_, cmd := m.Update(KeyPress(k))
		run(m, cmd, 0)
	}
}

func run(m *formModel, cmd tea.Cmd, depth int) {
	if cmd == nil || depth > 6 {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	msg := <-done
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			run(m, c, depth+1)
		}
	default:
		if _, ok := msg.(tea.KeyPressMsg); ok {
			return
		}
		_, next := m.Update(msg)
		run(m, next, depth+1)
	}
}

// A questionnaire's choices are picked by their value: with PickFromZero,
// 0 picks the first option and 3 the fourth; a number past the options
// picks nothing. Without it, 0 picks nothing and 1 the first option.
func TestPickFromZero(t *testing.T) {
	values := []string{"", "", "", ""}
	var groups []*huh.Group
	for i := range values {
		groups = append(groups, huh.NewGroup(huh.NewSelect[string]().Title("q").
			Options(huh.NewOption("0  Not at all", "0"), huh.NewOption("1  Several days", "1"),
				huh.NewOption("2  More than half the days", "2"), huh.NewOption("3  Nearly every day", "3"),
				huh.NewOption("leave this one out", "")).Value(&values[i])))
	}
	form := NewForm(groups...).WithKeyMap(DefaultKeyMap().huhKeyMap())
	form.Init()
	o := FormOptions{PickFromZero: true, Changed: func() {}}
	m := &formModel{form: form, o: o, keys: keysFor(DefaultKeyMap(), o)}
	send(m, "0", "enter", "3", "enter", "7", "enter", "2", "enter")
	// 7 is past the options: the cursor stays on leaving it out.
	if got := strings.Join(values, ","); got != "0,3,,2" {
		t.Errorf("picked %q, want 0,3,,2", got)
	}

	one := ""
	form = NewForm(huh.NewGroup(huh.NewSelect[string]().Title("q").
		Options(huh.NewOption("first", "a"), huh.NewOption("second", "b")).Value(&one)))
	form.Init()
	m = &formModel{form: form, o: FormOptions{Changed: func() {}}, keys: keysFor(DefaultKeyMap(), FormOptions{})}
	send(m, "2", "0", "enter")
	if one != "b" {
		t.Errorf("counting from 1: picked %q, want b", one)
	}
}

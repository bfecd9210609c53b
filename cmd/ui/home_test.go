package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func press(m tea.Model, keys ...string) tea.Model {
	for _, k := range keys {
		msg := KeyPress(k)
		m, _ = m.Update(msg)
	}
	return m
}

func testHome() Home {
	return NewHome(NewStyles(false), "Wednesday 25 November", []string{"Last entry today"}, []Action{
		{Key: "w", Label: "Write an entry", Args: []string{"write"}},
		{Key: "c", Label: "Log a craving", Args: []string{"craving"}},
		{Key: "l", Label: "Recent entries", Args: []string{"list"}},
	})
}

func TestHomeShowsTodayAndTheMenu(t *testing.T) {
	v := testHome().Render()
	for _, want := range []string{"Wednesday 25 November", "Last entry today", "› w  Write an entry", "  c  Log a craving", "q leave"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
}

func TestHomeChoosesWithArrowsOrKeys(t *testing.T) {
	m := press(testHome(), "down", "down", "down", "up", "enter").(Home)
	if a, ok := m.Chosen(); !ok || a.Args[0] != "list" {
		t.Errorf("arrows chose %v, %v; want list (the cursor wraps)", a, ok)
	}
	m = press(testHome(), "c").(Home)
	if a, ok := m.Chosen(); !ok || a.Args[0] != "craving" {
		t.Errorf("key c chose %v, %v", a, ok)
	}
	m = press(testHome(), "down", "esc").(Home)
	if _, ok := m.Chosen(); ok {
		t.Error("esc chose something")
	}
	if m.Render() != "" {
		t.Error("the screen is not cleared on leaving")
	}
}

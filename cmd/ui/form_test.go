package ui

import (
	"errors"
	"strings"
	"testing"
)

// Keys typed ahead land in the question they were typed for, even when
// they arrive before the form has moved on: the commands the keys make
// are not run here, as a busy program would not have run them yet.
func TestTypeAheadLandsInTheRightQuestion(t *testing.T) {
	var feelings []string
	var other, where, with string
	f := Form{Pages: [][]Question{
		{{Title: "Intensity?", Value: &with}},
		{
			{Title: "Feelings?", Kind: Multi, Values: &feelings, Options: []Option{{"hungry", "hungry"}, {"angry", "angry"}, {"lonely", "lonely"}}},
			{Title: "Other?", Value: &other},
			{Title: "Where?", Value: &where},
		},
	}}
	m := &formModel{form: f.Huh(true), o: FormOptions{Changed: func() {}}, keys: DefaultKeyMap()}
	m.form.Init()
	m.Update(KeyPress("enter")) // leave the first page
	for _, k := range []string{"1", "3", "enter", "enter", "h", "o", "m", "e", "enter"} {
		m.Update(KeyPress(k))
	}
	if len(feelings) != 2 || other != "" || where != "home" {
		t.Errorf("feelings %v, other %q, where %q; want [hungry lonely], \"\", \"home\"", feelings, other, where)
	}
}

// A draft that cannot be written is said in the form, while there is still
// time to save.
func TestFormSaysWhenTheDraftCannotBeKept(t *testing.T) {
	var v string
	f := Form{Pages: [][]Question{{{Title: "Mood?", Value: &v}}}}
	m := &formModel{form: f.Huh(true), keys: DefaultKeyMap(), o: FormOptions{
		Changed:  func() {},
		DraftErr: func() error { return errors.New("disk full") },
	}}
	m.form.Init()
	m.Update(KeyPress("6"))
	if s := m.View().Content; !strings.Contains(s, "cannot be kept as a draft (disk full): ctrl+s saves them now") {
		t.Errorf("view:\n%s", s)
	}
}

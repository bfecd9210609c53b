package ui

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"
)

// A strong craving is saved in two keys: the intensity, then ctrl+s; the
// questions after it are skipped, and the form is drawn with its keys.
func TestSaveNowInTwoKeys(t *testing.T) {
	var intensity, trigger string
	f := Form{Pages: [][]Question{
		{{Title: "How strong is the craving, 0 to 10?", Value: &intensity}},
		{{Title: "What set it off?", Value: &trigger}},
	}}
	ready := func() error {
		if intensity == "" {
			return errors.New("type 0 to 10 first")
		}
		return nil
	}
	m := &formModel{form: f.Huh(true), keys: DefaultKeyMap(), o: FormOptions{Changed: func() {}, Ready: ready}}
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("ctrl+s save")) },
		teatest.WithDuration(5*time.Second))
	tm.Send(KeyPress("9"))
	tm.Send(KeyPress("ctrl+s"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*formModel)
	if !final.saveNow || intensity != "9" || trigger != "" {
		t.Errorf("save now %v, intensity %q, trigger %q", final.saveNow, intensity, trigger)
	}
}

package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"charm.land/huh/v2"
)

// OfferDraft asks what to do with an unfinished draft: pick it up, start
// fresh, or see it first (then asks again). headline names the draft and
// its date and time; shown is its answers as text.
func OfferDraft(ctx context.Context, o FormOptions, headline, shown string) (resume bool, out Outcome, err error) {
	choice := "resume"
	opts := []Option{
		{Label: "Pick it up", Value: "resume"},
		{Label: "Start fresh (the draft stays until new answers replace it)", Value: "fresh"},
		{Label: "Show it first", Value: "show"},
	}
	o.help = "1-3 or ↑/↓ choose · enter go on · esc stop (the draft stays)"
	for {
		form := Form{Pages: [][]Question{{{Title: headline, Kind: Choice, Options: opts, Value: &choice}}}}
		out, err = Ask(ctx, form, o)
		if err != nil || !out.Saves() {
			return false, out, err
		}
		if choice != "show" {
			return choice == "resume", out, nil
		}
		fmt.Fprintf(o.Out, "%s\n%s\n", headline, shown)
		opts, choice = opts[:2], "resume"
	}
}

// Confirm asks a yes/no question, no by default; y and n answer at once.
// Leaving (esc, ctrl+c) answers no.
func Confirm(ctx context.Context, o FormOptions, question, detail string) (bool, error) {
	answer := ""
	o.help = "y yes · n no · esc leaves it as it is"
	form := Form{Pages: [][]Question{{{Title: question, Help: detail, Kind: YesNo, Value: &answer}}}}
	out, err := Ask(ctx, form, o)
	if err != nil || !out.Saves() {
		return false, err
	}
	return answer == "yes", nil
}

// ErrEmptyPassphrase is returned when no passphrase was typed.
var ErrEmptyPassphrase = errors.New("the passphrase is empty")

// Passphrase asks for a passphrase without showing it; with twice set it
// is asked again and must match, so a typo cannot lock a file. Left
// returns ok false.
func Passphrase(ctx context.Context, o FormOptions, twice bool) (p string, ok bool, err error) {
	var again string
	fields := []huh.Field{huh.NewInput().Title("Passphrase").EchoMode(huh.EchoModePassword).Value(&p).
		Validate(func(s string) error {
			if s == "" {
				return errors.New("type a passphrase; esc leaves without writing anything")
			}
			return nil
		})}
	if twice {
		fields = append(fields, huh.NewInput().Title("The same passphrase again").EchoMode(huh.EchoModePassword).
			Value(&again).Validate(func(s string) error {
			if s != p {
				return errors.New("the two differ: type the first one again, or shift+tab to change it")
			}
			return nil
		}))
	}
	o.Ready = func() error { return errors.New("type the passphrase and press enter") }
	o.help = "enter next · shift+tab back · esc stop, nothing is written"
	out, err := RunForm(ctx, NewForm(huh.NewGroup(fields...)), o)
	if err != nil || !out.Saves() {
		return "", false, err
	}
	return p, true, nil
}

// Numbering labels options "1. word" so a number can pick them; off where
// the form library numbers them itself (accessible mode).
func Numbering(on bool) func(i int, label string) string {
	return func(i int, label string) string {
		if !on {
			return label
		}
		return fmt.Sprintf("%d. %s", i+1, label)
	}
}

// KeepOnEmpty wraps a field's check so that an empty line keeps the answer
// the field already holds (a resumed draft) in accessible mode, where the
// check sees the line before the form library falls back on that answer.
// At the keyboard the field and value are always the same text, so an
// empty field is checked as usual.
func KeepOnEmpty(value *string, check func(string) error) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" && strings.TrimSpace(*value) != "" {
			return nil
		}
		return check(s)
	}
}

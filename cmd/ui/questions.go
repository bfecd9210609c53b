package ui

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"charm.land/huh/v2"

	"journal/journal"
)

// Kind is what sort of answer a question takes.
type Kind int

const (
	Line   Kind = iota // one line of text
	Text               // text that may run over several lines
	Choice             // one of the options
	Multi              // any of the options
	YesNo              // yes or no: Value is "yes", "no" or "" (not answered)
)

// Option is one answer to pick: its label and the value kept.
type Option struct{ Label, Value string }

// Question is one question of a form, described once: the same question
// is drawn as a field at the keyboard and asked as plain lines in
// accessible mode. Answers are written into Value (Multi: Values).
type Question struct {
	Title, Help string
	// KeyHelp names keys that help with this field; shown at the keyboard
	// only, as plain-line asking has its own words.
	KeyHelp string
	Kind    Kind
	Lines   int // the height of a long answer's box (default 3)
	Options []Option
	// ByValue picks a choice by its value as typed (a questionnaire's 0
	// to 3), never by its place in the list, so the two cannot be mixed up;
	// Check, if set, words the refusal of anything else.
	ByValue bool
	Value   *string
	Values  *[]string
	// Check refuses an answer in the field's own words; nil takes anything.
	Check func(string) error
}

// Form is a form described once: a heading and pages of questions.
type Form struct {
	Title, Help string
	Pages       [][]Question
	// Writing is a form for writing at length: enter starts a new line in
	// a long answer, and tab or ctrl+s is done.
	Writing bool
}

// lines is how tall a long answer's box is.
func (q Question) lines() int {
	if q.Lines > 0 {
		return q.Lines
	}
	return 3
}

// Huh builds the keyboard form's fields (the title and help are drawn
// above them by RunForm); numbered labels options "1. …" so a number key
// picks them.
func (f Form) Huh(numbered bool) *huh.Form {
	num := Numbering(numbered)
	var groups []*huh.Group
	for _, page := range f.Pages {
		var fields []huh.Field
		for _, q := range page {
			fields = append(fields, q.field(num))
		}
		groups = append(groups, huh.NewGroup(fields...))
	}
	return NewForm(groups...)
}

func (q Question) check() func(string) error {
	if q.Check == nil {
		return func(string) error { return nil }
	}
	return q.Check
}

func (q Question) field(num func(int, string) string) huh.Field {
	if q.KeyHelp != "" {
		q.Help = strings.TrimSpace(q.Help + "\n" + q.KeyHelp)
	}
	opts := make([]huh.Option[string], len(q.Options))
	for i, o := range q.Options {
		opts[i] = huh.NewOption(num(i, o.Label), o.Value)
	}
	switch q.Kind {
	case Text:
		// Three lines beside other questions keep a page on a 24-line
		// screen; the box scrolls as the answer grows.
		return huh.NewText().Title(q.Title).Description(q.Help).CharLimit(0).ExternalEditor(false).
			Lines(q.lines()).Value(q.Value).Validate(q.check())
	case Choice:
		return huh.NewSelect[string]().Title(q.Title).Description(q.Help).Options(opts...).Value(q.Value)
	case Multi:
		// huh sizes an unsized multi-select's options by subtracting its
		// title and help from the options' own height, so it would show
		// only some options with no sign of the rest: size it whole.
		return huh.NewMultiSelect[string]().Title(q.Title).Description(q.Help).Options(opts...).Value(q.Values).
			Height(len(opts) + lines(q.Title) + lines(q.Help))
	case YesNo:
		yes := *q.Value == "yes"
		return huh.NewConfirm().Title(q.Title).Description(q.Help).Affirmative("Yes").Negative("No").
			Accessor(yesNoAccessor{q.Value, &yes})
	}
	return huh.NewInput().Title(q.Title).Description(q.Help).CharLimit(0).Value(q.Value).Validate(q.check())
}

// Ask runs f: the keyboard form, or plain lines in accessible mode.
func Ask(ctx context.Context, f Form, o FormOptions) (Outcome, error) {
	if o.Changed == nil {
		o.Changed = func() {}
	}
	if !o.Accessible {
		o.writing = f.Writing
		o.heading = strings.TrimSpace(f.Title + "\n" + f.Help)
		return RunForm(ctx, f.Huh(true), o)
	}
	return runLines(ctx, f, o)
}

// errLeft ends plain-line asking early: the person stopped (n at the
// review). errEnd is the end of input (ctrl+d): the rest is skipped and
// what was given is saved, as in line mode.
var (
	errLeft = errors.New("left")
	errEnd  = errors.New("end of input")
)

// runLines asks f one plain line at a time, for screen readers and dumb
// terminals: each question with its help and the answer it holds (an
// empty line keeps it), asked again when an answer does not fit, long
// answers ended by a line holding only ".", and a review before saving.
// ctrl+c (SIGINT) or the end of input leaves with the answers so far.
func runLines(ctx context.Context, f Form, o FormOptions) (Outcome, error) {
	ctx, stop := signalContext(ctx)
	defer stop()
	done := make(chan error, 1)
	// One reader for the whole run of the program: text typed ahead is
	// never lost between one form and the next.
	in, ok := o.In.(*bufio.Reader)
	if !ok {
		in = bufio.NewReader(o.In)
	}
	lr := &lineReader{in: in, before: o.Changed}
	go func() { done <- askLines(f, lr, o) }()
	select {
	case err := <-done:
		o.Changed()
		switch {
		case errors.Is(err, errEnd):
			return Finished, nil
		case errors.Is(err, errLeft):
			return Left, nil
		case err != nil:
			return Left, err
		}
		return Finished, nil
	case <-ctx.Done():
		o.Changed()
		fmt.Fprintln(o.Out)
		return Left, nil
	}
}

func askLines(f Form, in *lineReader, o FormOptions) error {
	w := o.Out
	var all []Question
	for _, p := range f.Pages {
		all = append(all, p...)
	}
	if f.Title != "" {
		fmt.Fprintln(w, f.Title)
	}
	if len(all) > 1 {
		// Two lines, to fit 80 columns.
		fmt.Fprintf(w, "%s. An empty line keeps the answer shown, or skips it.\n", journal.Plural(len(all), "question", "questions"))
		fmt.Fprintln(w, "Long answers end with a line holding only a full stop.")
	}
	for i := 0; i < len(all); i++ {
		if err := askLine(w, in, i, len(all), all[i]); err != nil {
			return err
		}
	}
	if len(all) == 1 {
		return nil // the one answer was just given: nothing to review
	}
	for {
		fmt.Fprintln(w, "\nYour answers:")
		for i, q := range all {
			fmt.Fprintf(w, "%d. %s %s\n", i+1, q.Title, cmp.Or(q.shown(), "(skipped)"))
		}
		// Two lines, to fit 80 columns.
		fmt.Fprintln(w, "Save these? Enter or y saves; a number asks that question again;")
		fmt.Fprint(w, "n stops and keeps a draft.\n> ")
		line, err := readLine(in)
		if err != nil {
			return err
		}
		switch a := strings.ToLower(strings.TrimSpace(line)); {
		case a == "" || a == "y" || a == "yes":
			return nil
		case a == "n" || a == "no":
			return errLeft
		default:
			if n, err := strconv.Atoi(a); err == nil && n >= 1 && n <= len(all) {
				if err := askLine(w, in, n-1, len(all), all[n-1]); err != nil {
					return err
				}
				continue
			}
			fmt.Fprintln(w, "Enter or y saves, a number from the list asks it again, n stops.")
		}
	}
}

// shown is the answer a question holds, read back.
func (q Question) shown() string {
	var v string
	switch {
	case q.Kind == Multi && q.Values != nil:
		var labels []string
		for _, o := range q.Options {
			if slices.Contains(*q.Values, o.Value) {
				labels = append(labels, o.Label)
			}
		}
		v = strings.Join(labels, ", ")
	case q.Kind == Choice:
		for _, o := range q.Options {
			if o.Value == *q.Value {
				v = o.Label
			}
		}
	default:
		v = strings.TrimSpace(*q.Value)
	}
	if v == "" {
		return ""
	}
	return "(now: " + strings.ReplaceAll(v, "\n", " / ") + ")"
}

// lineReader reads one answer line, writing the draft first: every answer
// before it is in.
type lineReader struct {
	in     *bufio.Reader
	before func()
}

func readLine(r *lineReader) (string, error) {
	r.before()
	line, err := r.in.ReadString('\n')
	if errors.Is(err, io.EOF) && line == "" {
		return "", errEnd
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("cannot read the answer: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func askLine(w io.Writer, in *lineReader, i, n int, q Question) error {
	head := strings.TrimSpace(q.Title + " " + q.shown())
	if n > 1 {
		head = fmt.Sprintf("%d of %d. %s", i+1, n, head)
	}
	fmt.Fprintf(w, "\n%s\n", head)
	if q.Help != "" {
		fmt.Fprintln(w, q.Help)
	}
	for j, o := range q.Options {
		if q.ByValue {
			fmt.Fprintf(w, "  %s\n", o.Label)
			continue
		}
		fmt.Fprintf(w, "  %d. %s\n", j+1, o.Label)
	}
	switch {
	case q.Kind == Choice && q.ByValue:
		fmt.Fprintln(w, "Type the answer's number, or an empty line to leave it out.")
	case q.Kind == Choice:
		fmt.Fprintln(w, "Type a number.")
	case q.Kind == Multi:
		fmt.Fprintln(w, "Type the numbers that fit, commas between, or 0 for none.")
	case q.Kind == YesNo:
		fmt.Fprintln(w, "Type y or n.")
	case q.Kind == Text:
		fmt.Fprintln(w, "Write as many lines as you like; a line holding only a full stop ends.")
	}
	for {
		fmt.Fprint(w, "> ")
		line, err := readLine(in)
		if err != nil {
			return err
		}
		if q.Kind == Text && strings.TrimSpace(line) != "" {
			lines := []string{line}
			// The lines so far stand in the answer while more are read, so
			// the draft written before each read holds them (a signal or
			// ctrl+c then keeps them); what was there comes back before
			// the whole answer is checked.
			was := *q.Value
			for {
				*q.Value = strings.Join(lines, "\n")
				more, err := readLine(in)
				if errors.Is(err, errEnd) {
					break // the end of input ends the answer too
				}
				if err != nil {
					return err
				}
				if strings.TrimSpace(more) == "." {
					break
				}
				lines = append(lines, more)
			}
			line = strings.Join(lines, "\n")
			*q.Value = was
		}
		msg := q.take(line)
		if msg == nil {
			return nil
		}
		fmt.Fprintf(w, "%v. Try again, or an empty line to keep what is there.\n", msg)
	}
}

// take checks one typed answer and keeps it; empty keeps what is there.
func (q Question) take(line string) error {
	a := strings.TrimSpace(line)
	if a == "" {
		return nil
	}
	switch q.Kind {
	case Choice:
		for _, o := range q.Options {
			// A scale's options are their numbers: typing 0 picks 0.
			if o.Value == a {
				*q.Value = a
				return nil
			}
		}
		if q.ByValue {
			if err := q.check()(a); err != nil {
				return err // in the question's own words
			}
			return fmt.Errorf("%q is not one of these: type %s to %s", a, q.Options[0].Value, q.Options[len(q.Options)-1].Value)
		}
		n := q.optionNumber(a)
		if n < 1 {
			return fmt.Errorf("%q is not one of these: type a number from 1 to %d", a, len(q.Options))
		}
		*q.Value = q.Options[n-1].Value
		return nil
	case YesNo:
		switch strings.ToLower(a) {
		case "y", "yes":
			*q.Value = "yes"
		case "n", "no":
			*q.Value = "no"
		default:
			return errors.New("type y for yes or n for no")
		}
		return nil
	case Multi:
		var picked []string
		for _, part := range strings.Split(a, ",") {
			n := q.optionNumber(strings.TrimSpace(part))
			if n < 0 {
				return fmt.Errorf("%q is not one of these: type numbers from 1 to %d with commas between, or 0 for none", strings.TrimSpace(part), len(q.Options))
			}
			if n > 0 && !slices.Contains(picked, q.Options[n-1].Value) {
				picked = append(picked, q.Options[n-1].Value)
			}
		}
		*q.Values = picked
		return nil
	}
	if err := q.check()(a); err != nil {
		return err
	}
	*q.Value = a
	return nil
}

// yesNoAccessor keeps a yes/no field's answer as "yes" or "no".
type yesNoAccessor struct {
	value *string
	yes   *bool
}

func (a yesNoAccessor) Get() bool { return *a.yes }
func (a yesNoAccessor) Set(v bool) {
	*a.yes = v
	*a.value = map[bool]string{true: "yes", false: "no"}[v]
}

// optionNumber finds an option by its number or its words: 1 to the
// number of options, 0 for "0" (none), -1 when nothing fits.
func (q Question) optionNumber(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		if n >= 0 && n <= len(q.Options) {
			return n
		}
		return -1
	}
	for i, o := range q.Options {
		if strings.EqualFold(o.Label, s) {
			return i + 1
		}
	}
	return -1
}

// lines is how many lines s takes (0 when empty).
func lines(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, "\n") + 1
}

package ui

import (
	"context"
	"errors"
	"io"
	"os"
	"os/signal"
	"reflect"
	"syscall"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/colorprofile"
)

// Outcome is how a form ended.
type Outcome int

const (
	// Finished: the person went through to the end.
	Finished Outcome = iota
	// SavedEarly: ctrl+s saved what was there and skipped the rest.
	SavedEarly
	// Left: ctrl+c, esc, a signal (SIGINT, SIGHUP, SIGTERM) or a broken
	// terminal. Nothing is saved; the draft stays.
	Left
)

// Saves reports whether the answers are to be saved.
func (o Outcome) Saves() bool { return o != Left }

// FormOptions say where a form runs and what it tells its caller.
type FormOptions struct {
	In    io.Reader // keys
	Out   io.Writer // the form is drawn here: stderr, so stdout stays data
	Color bool      // false under --no-color, NO_COLOR or TERM=dumb
	// Accessible asks one plain line at a time (JOURNAL_ACCESSIBLE=1).
	Accessible bool
	// PickFromZero: number keys pick options counted from 0, so a
	// questionnaire's answer is picked by its value (0 to 3 on PHQ-9).
	PickFromZero bool
	// Changed is called whenever an answer may have changed, before the
	// next key is read, so the draft on disk follows the typing.
	Changed func()
	// Ready is asked when the person saves early with ctrl+s. An error keeps
	// the form open with its message under the field.
	Ready func() error
}

// NewForm builds a form of groups in the one theme with the one key map.
func NewForm(groups ...*huh.Group) *huh.Form {
	return huh.NewForm(groups...)
}

// RunForm runs form until it is finished, saved early or left. SIGINT,
// SIGHUP and SIGTERM while it runs leave it as esc does (Outcome Left, no
// error): the caller keeps the draft and says how to pick it up. The
// terminal is restored in every case.
func RunForm(ctx context.Context, form *huh.Form, o FormOptions) (Outcome, error) {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGHUP, syscall.SIGTERM)
	defer stop()
	if o.Changed == nil {
		o.Changed = func() {}
	}
	if o.Ready == nil {
		o.Ready = func() error { return nil }
	}
	km := DefaultKeyMap()
	form = form.WithKeyMap(km.huhKeyMap()).WithTheme(formTheme(o.Color)).WithShowHelp(false).
		WithInput(o.In).WithOutput(o.Out)
	if o.Accessible {
		return runAccessible(ctx, form, o)
	}
	form.SubmitCmd = tea.Quit
	form.CancelCmd = tea.Quit
	m := &formModel{form: form, o: o, keys: keysFor(km, o)}
	opts := []tea.ProgramOption{
		tea.WithInput(o.In), tea.WithOutput(o.Out), tea.WithContext(ctx),
		// Signals arrive through ctx, so that each one leaves the form
		// the same way and keeps the draft.
		tea.WithoutSignalHandler(),
	}
	if !o.Color {
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	_, err := tea.NewProgram(m, opts...).Run()
	o.Changed()
	switch {
	case ctx.Err() != nil:
		return Left, nil
	case err != nil:
		return Left, err
	case m.saveNow:
		return SavedEarly, nil
	case form.State == huh.StateCompleted:
		return Finished, nil
	}
	return Left, nil
}

// runAccessible asks the form's questions as plain lines. A signal (ctrl+c
// at a terminal in line mode) leaves it at once with the answers so far.
func runAccessible(ctx context.Context, form *huh.Form, o FormOptions) (Outcome, error) {
	// Each read is the person finishing a line: the answers before it are
	// in, so the draft is written first.
	in := &notifyingReader{r: o.In, before: o.Changed}
	form = form.WithAccessible(true).WithInput(in)
	done := make(chan error, 1)
	go func() { done <- form.RunWithContext(ctx) }()
	select {
	case err := <-done:
		o.Changed()
		if errors.Is(err, huh.ErrUserAborted) || errors.Is(err, io.EOF) {
			return Left, nil
		}
		if err != nil {
			return Left, err
		}
		return Finished, nil
	case <-ctx.Done():
		o.Changed()
		return Left, nil
	}
}

type notifyingReader struct {
	r      io.Reader
	before func()
}

func (n *notifyingReader) Read(p []byte) (int, error) {
	n.before()
	return n.r.Read(p)
}

// formModel wraps a huh form with the keys it lacks: ctrl+s saves now,
// a number picks an option. It reports every change to the caller.
type formModel struct {
	form    *huh.Form
	o       FormOptions
	keys    KeyMap
	saveNow bool
	note    string // why ctrl+s could not save yet
}

func (m *formModel) Init() tea.Cmd { return m.form.Init() }

func (m *formModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		m.note = ""
		if key.Matches(k, m.keys.SaveNow) {
			m.o.Changed()
			if err := m.o.Ready(); err != nil {
				m.note = err.Error()
				return m, nil
			}
			m.saveNow = true
			return m, tea.Quit
		}
		if cmd, ok := m.pickByNumber(k); ok {
			m.o.Changed()
			return m, cmd
		}
	}
	f, cmd := m.form.Update(msg)
	m.form = f.(*huh.Form)
	m.o.Changed()
	if m.form.State != huh.StateNormal {
		return m, tea.Quit
	}
	return m, cmd
}

// pickByNumber moves to option n of a choice (and ticks it in a list of
// ticks), as if the arrows had been pressed.
func (m *formModel) pickByNumber(k tea.KeyPressMsg) (tea.Cmd, bool) {
	if !key.Matches(k, m.keys.Pick) {
		return nil, false
	}
	kind := focusedKind(m.form)
	if kind != kindChoice && kind != kindMulti {
		return nil, false
	}
	n := int(k.Code - '0')
	if m.o.PickFromZero {
		n++ // "0" is the first option
	}
	if n < 1 || n > optionCount(m.form.GetFocusedField()) {
		return nil, true
	}
	var cmds []tea.Cmd
	press := func(name string) {
		f, cmd := m.form.Update(KeyPress(name))
		m.form = f.(*huh.Form)
		cmds = append(cmds, cmd)
	}
	press("home")
	for range n - 1 {
		press("down")
	}
	if kind == kindMulti {
		press("x")
	}
	return tea.Batch(cmds...), true
}

func (m *formModel) View() tea.View {
	if m.form.State != huh.StateNormal || m.saveNow {
		return tea.NewView("")
	}
	help := m.keys.helpLine(focusedKind(m.form))
	s := m.form.View() + "\n"
	if m.note != "" {
		s += "\n" + formTheme(m.o.Color).Theme(true).Focused.ErrorMessage.Render(m.note) + "\n"
	}
	s += "\n" + NewStyles(m.o.Color).Dim.Render(help) + "\n"
	return tea.NewView(s)
}

// focusedKind tells which keys the focused field takes.
func focusedKind(f *huh.Form) fieldKind {
	switch f.GetFocusedField().(type) {
	case *huh.Text:
		return kindText
	case *huh.Select[string], *huh.Select[int]:
		return kindChoice
	case *huh.MultiSelect[string], *huh.MultiSelect[int]:
		return kindMulti
	case *huh.Confirm:
		return kindYesNo
	}
	return kindLine
}

// optionCount is how many options a choice field offers. The library
// keeps the count to itself; it is read (never changed) by reflection, and
// 0 where that fails, so a number then picks nothing.
func optionCount(f huh.Field) int {
	v := reflect.ValueOf(f)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return 0
	}
	opts := v.Elem().FieldByName("options")
	if opts.IsValid() && opts.Kind() == reflect.Struct {
		opts = opts.FieldByName("val")
	}
	if !opts.IsValid() || opts.Kind() != reflect.Slice {
		return 0
	}
	return opts.Len()
}

// RunProgram runs a screen that is not a form (the home screen) with the
// forms' streams and colours.
func RunProgram(ctx context.Context, m tea.Model, o FormOptions) (tea.Model, error) {
	opts := []tea.ProgramOption{tea.WithInput(o.In), tea.WithOutput(o.Out), tea.WithContext(ctx)}
	if !o.Color {
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	return tea.NewProgram(m, opts...).Run()
}

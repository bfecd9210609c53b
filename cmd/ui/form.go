package ui

import (
	"context"
	"errors"
	"io"
	"os"
	"os/signal"
	"reflect"
	"strings"
	"syscall"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/colorprofile"
	"golang.org/x/term"
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
	// DraftErr reports why the draft cannot be written, if it cannot: the
	// form then says so, while there is time to save instead.
	DraftErr func() error

	writing bool   // enter is a new line in long answers (Form.Writing)
	help    string // a help line of its own, for a single question
	heading string // lines drawn above the form (Form.Title and Help)
}

// NewForm builds a form of groups; RunForm gives it the one theme and the
// one key map.
func NewForm(groups ...*huh.Group) *huh.Form {
	return huh.NewForm(groups...)
}

// RunForm runs form until it is finished, saved early or left. SIGINT,
// SIGHUP and SIGTERM while it runs leave it as esc does (Outcome Left, no
// error): the caller keeps the draft and says how to pick it up. The
// terminal is restored in every case.
func RunForm(ctx context.Context, form *huh.Form, o FormOptions) (Outcome, error) {
	ctx, stop := signalContext(ctx)
	defer stop()
	if o.Changed == nil {
		o.Changed = func() {}
	}
	if o.Ready == nil {
		o.Ready = func() error { return nil }
	}
	km := DefaultKeyMap()
	if o.writing {
		km = km.forWriting()
	}
	form = form.WithKeyMap(km.huhKeyMap()).WithTheme(formTheme(o.Color)).WithShowHelp(false).
		WithInput(o.In).WithOutput(o.Out)
	if !o.Accessible {
		// The focused field's message is drawn under the form, where the
		// group's own footer could be cut off by its height.
		form = form.WithShowErrors(false)
	}
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

// signalContext ends when SIGINT, SIGHUP or SIGTERM arrives: while a form
// runs, each of them leaves it with the draft kept instead of ending the
// program on the spot.
func signalContext(ctx context.Context) (context.Context, context.CancelFunc) {
	return signal.NotifyContext(ctx, os.Interrupt, syscall.SIGHUP, syscall.SIGTERM)
}

// runAccessible asks the form's questions as plain lines. A signal (ctrl+c
// at a terminal in line mode) leaves it at once with the answers so far.
func runAccessible(ctx context.Context, form *huh.Form, o FormOptions) (Outcome, error) {
	// Each read is the person finishing a line: the answers before it are
	// in, so the draft is written first.
	restore := saveTerminal(o.In)
	var in io.Reader = &notifyingReader{r: o.In, before: o.Changed}
	if f, ok := o.In.(interface{ Fd() uintptr }); ok {
		// Passphrases are read from the terminal itself, without echo.
		in = notifyingTerminal{in.(*notifyingReader), f.Fd()}
	}
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
		// A passphrase being read has echo off: put the terminal back as
		// it was before leaving.
		if restore != nil {
			restore()
		}
		return Left, nil
	}
}

// saveTerminal returns what puts the terminal behind r back as it is now;
// nil when r is not a terminal.
func saveTerminal(r io.Reader) func() {
	f, ok := r.(interface{ Fd() uintptr })
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	st, err := term.GetState(int(f.Fd()))
	if err != nil {
		return nil
	}
	return func() { _ = term.Restore(int(f.Fd()), st) }
}

type notifyingReader struct {
	r      io.Reader
	before func()
}

// notifyingTerminal is a notifyingReader that is a terminal.
type notifyingTerminal struct {
	*notifyingReader
	fd uintptr
}

func (n notifyingTerminal) Fd() uintptr { return n.fd }

func (n *notifyingReader) Read(p []byte) (int, error) {
	n.before()
	return n.r.Read(p)
}

// helpRows are the rows kept free of the form: under it a blank, a
// message of up to two lines, a blank and the help line; and one above
// for a line said before it ("Picked up your unfinished craving…").
const helpRows = 6

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
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		// Room under the form for a message and the help line.
		ws.Height = max(ws.Height-helpRows-m.headingRows(), 4)
		ws.Width = min(ws.Width, 80)
		msg = ws
	}
	moves := false
	if k, ok := msg.(tea.KeyPressMsg); ok {
		moves = key.Matches(k, m.keys.Next, m.keys.Back) ||
			key.Matches(k, m.keys.YesNo) && focusedKind(m.form) == kindYesNo
	}
	f, cmd := m.form.Update(msg)
	m.form = f.(*huh.Form)
	if moves {
		// Moving to the next question happens through messages; settle
		// it now, so that keys typed ahead land in the question they were
		// typed for. Other keys (typing) are not held up.
		cmd = m.settle(cmd, 0, time.Now().Add(settleWait))
	}
	m.o.Changed()
	if m.form.State != huh.StateNormal {
		return m, tea.Quit
	}
	return m, cmd
}

// settleWait bounds how long a key waits for the form to move on: the
// library's own messages come at once, and a busy machine gets some slack.
const settleWait = 50 * time.Millisecond

// settle runs cmd and hands the form library's own messages (next
// field, next group) straight back to the form; what else it makes is
// passed on as usual. A command that does not answer at once (a cursor
// blink) is left to run in the background.
func (m *formModel) settle(cmd tea.Cmd, depth int, deadline time.Time) tea.Cmd {
	if cmd == nil || depth > 8 {
		return cmd
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-ch:
	case <-time.After(time.Until(deadline)):
		return func() tea.Msg { return <-ch }
	}
	switch msg := msg.(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		rest := make([]tea.Cmd, 0, len(msg))
		for _, c := range msg {
			rest = append(rest, m.settle(c, depth+1, deadline))
		}
		return tea.Batch(rest...)
	}
	if t := reflect.TypeOf(msg); t.PkgPath() == reflect.TypeOf(huh.Form{}).PkgPath() {
		f, next := m.form.Update(msg)
		m.form = f.(*huh.Form)
		return m.settle(next, depth+1, deadline)
	}
	return func() tea.Msg { return msg }
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
	if m.o.help != "" {
		help = m.o.help
	}
	st := NewStyles(m.o.Color)
	note := m.note
	if f := m.form.GetFocusedField(); note == "" && f != nil && f.Error() != nil {
		note = f.Error().Error()
	}
	if m.o.DraftErr != nil && note == "" {
		if err := m.o.DraftErr(); err != nil {
			note = "Your answers cannot be kept as a draft (" + err.Error() + "): ctrl+s saves them now."
		}
	}
	s := m.form.View() + "\n\n"
	if m.o.heading != "" {
		title, rest, _ := strings.Cut(m.o.heading, "\n")
		head := st.Title.Render(title) + "\n"
		if rest != "" {
			head += st.Dim.Render(rest) + "\n"
		}
		s = head + "\n" + s
	}
	if note != "" {
		s += st.Accent.Render(wrapWords("← "+note, 80)) + "\n"
	} else {
		s += "\n"
	}
	s += "\n" + st.Dim.Render(help) + "\n"
	return tea.NewView(s)
}

// headingRows is how many rows the heading takes, with the blank under it.
func (m *formModel) headingRows() int {
	if m.o.heading == "" {
		return 0
	}
	return strings.Count(m.o.heading, "\n") + 2
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

// wrapWords breaks s into lines of at most width columns at spaces.
func wrapWords(s string, width int) string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > width {
			lines = append(lines, line)
			line = w
			continue
		}
		line = strings.TrimSpace(line + " " + w)
	}
	return strings.Join(append(lines, line), "\n")
}

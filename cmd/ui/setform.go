package ui

import (
	"context"
	"fmt"
	"io"
	"journal/journal"
	"journal/prompts"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
)

// SetFormOptions set up a form run.
type SetFormOptions struct {
	// Draft, when set, is offered for resuming before the first question.
	Draft      *prompts.Draft
	DraftSaved time.Time
	// Context is shown after the title, like "for session 3, Fri 4 Dec".
	Context string
	Color   bool
	// Changed is called with everything given so far, the text being
	// typed included, whenever it may have changed: the caller keeps it
	// as a draft.
	Changed func(prompts.Draft)
}

// SetFormResult is how a form ended. Done is false when the person left
// early (Esc or Ctrl+C); Draft then holds everything given so far.
type SetFormResult struct {
	Done   bool
	Values map[string]prompts.Value
	Draft  prompts.Draft
}

// RunSetForm shows the form for set on a terminal, reading keys from in and
// drawing on out. SIGINT, SIGHUP and SIGTERM, or ctx ending, leave it as
// esc does: Done is false and the draft holds what was given.
func RunSetForm(ctx context.Context, set prompts.Set, opts SetFormOptions, in io.Reader, out io.Writer) (SetFormResult, error) {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGQUIT, syscall.SIGHUP, syscall.SIGTERM)
	defer stop()
	popts := []tea.ProgramOption{tea.WithInput(in), tea.WithOutput(out), tea.WithContext(ctx), tea.WithoutSignalHandler()}
	if !opts.Color {
		popts = append(popts, tea.WithColorProfile(colorprofile.Ascii))
	}
	m := NewSetForm(set, opts)
	_, err := tea.NewProgram(m, popts...).Run()
	m.commit()
	res := m.Result()
	if ctx.Err() != nil {
		res.Done = false
		return res, nil
	}
	if err != nil {
		res.Done = false
		return res, err
	}
	return res, nil
}

// Form is the bubbletea model of a guided prompt run: one step at a time,
// "step 3 of 8", back, skip, and a last screen to save.
type SetForm struct {
	set    prompts.Set
	opts   SetFormOptions
	step   int // len(set.Steps) is the closing screen
	values map[string]prompts.Value
	resume bool // the "pick up your draft?" question is showing
	// showDraft: the draft's answers are shown on the resume screen.
	showDraft bool
	// offerPick is the offer chosen: 0 pick it up, 1 start fresh, 2 show.
	offerPick int
	cursor    int // highlighted option (choice, multi, checklist, yes/no)
	input     textinput.Model
	area      textarea.Model
	width     int
	ended     bool
	done      bool
	st        formStyles
}

type formStyles struct {
	title, dim, question, accent, picked lipgloss.Style
}

// newFormStyles are the one Styles, as the set form names them.
func newFormStyles(color bool) formStyles {
	st := NewStyles(color)
	return formStyles{title: st.Title, dim: st.Dim, question: st.Label.Bold(color), accent: st.Accent, picked: st.Good.Bold(color)}
}

// NewSetForm builds the form at its first step, or at the resume question
// when opts carries a draft.
func NewSetForm(set prompts.Set, opts SetFormOptions) *SetForm {
	m := &SetForm{set: set, opts: opts, values: map[string]prompts.Value{}, width: 80, st: newFormStyles(opts.Color)}
	m.input = textinput.New()
	m.input.Prompt = "> "
	m.input.CharLimit = 0
	m.area = textarea.New()
	m.area.ShowLineNumbers = false
	m.area.CharLimit = 0
	m.area.MaxHeight = 0 // no limit: a long reflection is never cut off
	m.area.SetHeight(6)
	m.area.Placeholder = "Write as much or as little as you like"
	if !opts.Color {
		// Without dim colour the hint would read as typed text.
		m.area.Placeholder = "(" + m.area.Placeholder + ")"
	}
	m.area.KeyMap.InsertNewline.SetKeys("alt+enter", "ctrl+j")
	m.resize()
	m.resume = opts.Draft != nil && len(opts.Draft.Values) > 0
	if !m.resume {
		m.enter(0)
	}
	return m
}

// Result reports how the form ended and what was given.
func (m *SetForm) Result() SetFormResult {
	vals := make(map[string]prompts.Value, len(m.values))
	for k, v := range m.values {
		if !v.IsZero() {
			vals[k] = v
		}
	}
	return SetFormResult{Done: m.done, Values: vals, Draft: prompts.Draft{Step: min(m.step, len(m.set.Steps)), Values: vals}}
}

// Ended reports whether the form is over, finished or left.
func (m *SetForm) Ended() bool { return m.ended }

// Step is the index of the step showing (len of the steps: the last screen).
func (m *SetForm) Step() int { return m.step }

// Init starts the cursor blinking.
func (m *SetForm) Init() tea.Cmd { return textinput.Blink }

func (m *SetForm) current() (prompts.Step, bool) {
	if m.step < 0 || m.step >= len(m.set.Steps) {
		return prompts.Step{}, false
	}
	return m.set.Steps[m.step], true
}

// enter shows step i with its value so far.
func (m *SetForm) enter(i int) tea.Cmd {
	m.step = max(0, min(i, len(m.set.Steps)))
	m.input.Blur()
	m.area.Blur()
	st, ok := m.current()
	if !ok {
		return nil
	}
	v := m.values[st.Key]
	m.cursor = 0
	switch st.Kind {
	case prompts.Short:
		m.input.SetValue(v.Text)
		m.input.CursorEnd()
		return m.input.Focus()
	case prompts.Long:
		m.area.SetValue(v.Text)
		return m.area.Focus()
	case prompts.Choice:
		if len(v.Picked) > 0 {
			m.cursor = v.Picked[0]
		}
	case prompts.YesNo:
		if v.Text == "no" {
			m.cursor = 1
		}
	}
	return nil
}

// commit keeps what the text fields hold; the other kinds change their
// value as keys are pressed.
func (m *SetForm) commit() {
	st, ok := m.current()
	if !ok {
		return
	}
	switch st.Kind {
	case prompts.Short:
		m.values[st.Key] = prompts.Value{Text: strings.TrimSpace(m.input.Value())}
	case prompts.Long:
		m.values[st.Key] = prompts.Value{Text: strings.TrimSpace(m.area.Value())}
	}
}

func (m *SetForm) resize() {
	w := min(m.width, 80) - 2
	m.input.SetWidth(w - 3)
	m.area.SetWidth(w)
}

// Update handles a key or a resize, and reports what is given so far.
func (m *SetForm) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	model, cmd := m.update(msg)
	if m.opts.Changed != nil && !m.resume {
		m.opts.Changed(m.snapshot())
	}
	return model, cmd
}

// snapshot is the draft of everything given, the text being typed too.
func (m *SetForm) snapshot() prompts.Draft {
	vals := make(map[string]prompts.Value, len(m.values))
	for k, v := range m.values {
		if !v.IsZero() {
			vals[k] = v
		}
	}
	if st, ok := m.current(); ok && !m.ended {
		var text string
		switch st.Kind {
		case prompts.Short:
			text = strings.TrimSpace(m.input.Value())
		case prompts.Long:
			text = strings.TrimSpace(m.area.Value())
		default:
			return prompts.Draft{Step: m.step, Values: vals}
		}
		if text != "" {
			vals[st.Key] = prompts.Value{Text: text}
		} else {
			delete(vals, st.Key)
		}
	}
	return prompts.Draft{Step: min(m.step, len(m.set.Steps)), Values: vals}
}

func (m *SetForm) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width = max(msg.Width, 20)
		m.resize()
		return m, nil
	case tea.KeyPressMsg:
		return m, m.key(msg)
	}
	return m, m.pass(msg)
}

// pass hands other messages (cursor blinks) to the text field showing.
func (m *SetForm) pass(msg tea.Msg) tea.Cmd {
	st, ok := m.current()
	if !ok || m.resume {
		return nil
	}
	var cmd tea.Cmd
	switch st.Kind {
	case prompts.Short:
		m.input, cmd = m.input.Update(msg)
	case prompts.Long:
		m.area, cmd = m.area.Update(msg)
	}
	return cmd
}

func (m *SetForm) key(k tea.KeyPressMsg) tea.Cmd {
	switch k.String() {
	case "ctrl+c", "ctrl+\\", "esc":
		if !m.resume {
			m.commit()
		}
		m.ended = true
		return tea.Quit
	}
	if m.resume {
		// As in every other form's offer: a number or ↑/↓ chooses, enter
		// goes on.
		n := 3
		if m.showDraft {
			n = 2
		}
		switch key := k.String(); key {
		case "1", "2", "3":
			if i := int(key[0] - '1'); i < n {
				m.offerPick = i
			}
		case "up", "shift+tab":
			m.offerPick = max(m.offerPick-1, 0)
		case "down", "tab":
			m.offerPick = min(m.offerPick+1, n-1)
		case "enter":
			switch m.offerPick {
			case 0:
				m.resume = false
				for key, v := range m.opts.Draft.Values {
					m.values[key] = v
				}
				return m.enter(m.opts.Draft.Step)
			case 1:
				m.resume = false
				return m.enter(0)
			default:
				m.showDraft, m.offerPick = true, 0
			}
		}
		return nil
	}
	st, ok := m.current()
	if !ok { // the closing screen
		switch k.String() {
		case "enter":
			m.done, m.ended = true, true
			return tea.Quit
		case "shift+tab", "up", "left":
			return m.enter(m.step - 1)
		}
		return nil
	}
	switch k.String() {
	case "shift+tab":
		m.commit()
		return m.enter(m.step - 1)
	case "tab":
		m.commit()
		return m.enter(m.step + 1)
	case "ctrl+s":
		// Save now: what is typed stays, the questions after are skipped.
		m.commit()
		m.done, m.ended = true, true
		return tea.Quit
	case "ctrl+d":
		if st.Kind == prompts.Long {
			m.commit()
			return m.enter(m.step + 1)
		}
	}
	switch st.Kind {
	case prompts.Short:
		if k.String() == "enter" {
			m.commit()
			return m.enter(m.step + 1)
		}
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(k)
		return cmd
	case prompts.Long:
		// As in every form: enter goes on, alt+enter starts a new line.
		if k.String() == "enter" {
			m.commit()
			return m.enter(m.step + 1)
		}
		var cmd tea.Cmd
		m.area, cmd = m.area.Update(k)
		return cmd
	case prompts.Scale:
		return m.scaleKey(st, k)
	default:
		return m.optionKey(st, k)
	}
}

func (m *SetForm) scaleKey(st prompts.Step, k tea.KeyPressMsg) tea.Cmd {
	v := m.values[st.Key]
	set := func(n int) {
		n = max(st.Min, min(n, st.Max))
		m.values[st.Key] = prompts.Value{Number: &n}
	}
	switch s := k.String(); s {
	case "enter":
		return m.enter(m.step + 1)
	case "left", "h", "down", "j":
		if v.Number == nil {
			set((st.Min + st.Max) / 2)
		} else {
			set(*v.Number - 1)
		}
	case "right", "l", "up", "k":
		if v.Number == nil {
			set((st.Min + st.Max) / 2)
		} else {
			set(*v.Number + 1)
		}
	case "backspace", "delete":
		m.values[st.Key] = prompts.Value{}
	default:
		if len(s) == 1 && s[0] >= '0' && s[0] <= '9' {
			d := int(s[0] - '0')
			// "1" then "0" reaches 10 on a scale that goes that far.
			if v.Number != nil && *v.Number == 1 && d == 0 && st.Max >= 10 {
				d = 10
			}
			if d >= st.Min && d <= st.Max {
				set(d)
			}
		}
	}
	return nil
}

// options are what the cursor moves over: the options, or yes and no.
func options(st prompts.Step) []string {
	if st.Kind == prompts.YesNo {
		return []string{"Yes", "No"}
	}
	return st.Options
}

func (m *SetForm) optionKey(st prompts.Step, k tea.KeyPressMsg) tea.Cmd {
	opts := options(st)
	v := m.values[st.Key]
	switch s := k.String(); s {
	case "up", "k":
		m.cursor = (m.cursor + len(opts) - 1) % len(opts)
	case "down", "j":
		m.cursor = (m.cursor + 1) % len(opts)
	case "space", "x":
		if st.Kind == prompts.Multi || st.Kind == prompts.Checklist {
			m.toggle(st, v)
		}
	case "enter":
		switch st.Kind {
		case prompts.Choice:
			m.values[st.Key] = prompts.Value{Picked: []int{m.cursor}}
		case prompts.YesNo:
			m.values[st.Key] = prompts.Value{Text: strings.ToLower(opts[m.cursor])}
		}
		return m.enter(m.step + 1)
	default:
		// A number picks that option directly.
		if len(s) == 1 && s[0] >= '1' && s[0] <= '9' && int(s[0]-'1') < len(opts) {
			m.cursor = int(s[0] - '1')
			if st.Kind == prompts.Multi || st.Kind == prompts.Checklist {
				m.toggle(st, v)
			}
		}
	}
	return nil
}

func (m *SetForm) toggle(st prompts.Step, v prompts.Value) {
	picked := slices.Clone(v.Picked)
	if i := slices.Index(picked, m.cursor); i >= 0 {
		picked = slices.Delete(picked, i, i+1)
	} else {
		picked = append(picked, m.cursor)
		slices.Sort(picked)
	}
	m.values[st.Key] = prompts.Value{Picked: picked}
}

// View draws the current step on the whole screen.
func (m *SetForm) View() tea.View {
	v := tea.NewView(m.Render())
	v.AltScreen = true
	return v
}

// Render draws the current step as text.
func (m *SetForm) Render() string {
	if m.ended {
		return ""
	}
	w := min(m.width, 80) - 2
	wrap := func(s lipgloss.Style) lipgloss.Style { return s.Width(w) }
	var b strings.Builder
	head := m.set.Title
	if m.opts.Context != "" {
		head += " · " + m.opts.Context
	}
	b.WriteString(wrap(m.st.title).Render(head) + "\n")
	if m.resume {
		d := m.opts.Draft
		when := ""
		if !m.opts.DraftSaved.IsZero() {
			when = " from " + m.opts.DraftSaved.Format("Mon 2 Jan, 15:04")
		}
		b.WriteString("\n" + wrap(m.st.question).Render(fmt.Sprintf("You have a draft%s, with %d of %s answered.", when, m.set.Answered(d.Values), journal.Plural(len(m.set.Steps), "question", "questions"))) + "\n\n")
		if m.showDraft {
			// The draft's answers, a line each, cleaned and cut to fit.
			for _, st := range m.set.Steps {
				if v, ok := d.Values[st.Key]; ok && !v.IsZero() {
					b.WriteString(clip(st.Question, w-4) + "\n")
					b.WriteString(m.st.dim.Render("  "+clip(strings.Join(strings.Fields(journal.CleanLine(st.Format(v))), " "), w-4)) + "\n")
				}
			}
			b.WriteString("\n")
		}
		offers := []string{"1. Pick it up", "2. Start fresh (the draft stays until new answers replace it)", "3. Show it first"}
		if m.showDraft {
			offers = offers[:2]
		}
		for i, o := range offers {
			mark := "  "
			if i == m.offerPick {
				mark = "> "
			}
			b.WriteString(mark + o + "\n")
		}
		b.WriteString("\n" + m.st.dim.Render("1-3 or ↑/↓ choose · enter go on · esc stop (the draft stays)"))
		return b.String()
	}
	st, ok := m.current()
	if !ok {
		b.WriteString(m.st.dim.Render("All done") + "\n\n")
		b.WriteString(wrap(m.st.question).Render(fmt.Sprintf("You answered %d of %s.", m.set.Answered(m.values), journal.Plural(len(m.set.Steps), "question", "questions"))) + "\n\n")
		if len(m.set.Steps) <= 12 { // the list fits a 24-line terminal
			for _, st := range m.set.Steps {
				line := clip(st.Question, w-4)
				if m.values[st.Key].IsZero() {
					b.WriteString(m.st.dim.Render("○ "+line+" (skipped)") + "\n")
				} else {
					b.WriteString("● " + line + "\n")
				}
			}
			b.WriteString("\n")
		}
		b.WriteString("Save this entry?\n\n")
		b.WriteString(m.st.dim.Render("enter save · shift+tab back · esc stop, answers kept"))
		return b.String()
	}
	b.WriteString(m.st.dim.Render(fmt.Sprintf("Step %d of %d", m.step+1, len(m.set.Steps))+"  "+m.progress()) + "\n\n")
	b.WriteString(wrap(m.st.question).Render(st.Question) + "\n")
	if st.Help != "" {
		b.WriteString(wrap(m.st.dim).Render(st.Help) + "\n")
	}
	b.WriteString("\n")
	v := m.values[st.Key]
	kind := kindLine
	switch st.Kind {
	case prompts.Short:
		b.WriteString(m.input.View())
	case prompts.Long:
		b.WriteString(m.area.View())
		kind = kindText
	case prompts.Scale:
		b.WriteString(m.scaleView(st, v))
		kind = kindChoice
	default:
		b.WriteString(m.optionsView(st, v))
		kind = kindChoice
		if st.Kind == prompts.Multi || st.Kind == prompts.Checklist {
			kind = kindMulti
		}
	}
	b.WriteString("\n\n" + m.st.dim.Render(DefaultKeyMap().helpLine(kind)))
	return b.String()
}

// progress is one dot per step: filled when answered.
func (m *SetForm) progress() string {
	var b strings.Builder
	for i, st := range m.set.Steps {
		switch {
		case i == m.step:
			b.WriteString("◆")
		case !m.values[st.Key].IsZero():
			b.WriteString("●")
		default:
			b.WriteString("○")
		}
	}
	return b.String()
}

func (m *SetForm) scaleView(st prompts.Step, v prompts.Value) string {
	var nums []string
	for n := st.Min; n <= st.Max; n++ {
		s := fmt.Sprintf(" %d ", n)
		if v.Number != nil && *v.Number == n {
			s = m.st.picked.Render(fmt.Sprintf("[%d]", n))
		}
		nums = append(nums, s)
	}
	out := strings.Join(nums, " ")
	var labels []string
	if st.MinLabel != "" {
		labels = append(labels, fmt.Sprintf("%d = %s", st.Min, st.MinLabel))
	}
	if st.MaxLabel != "" {
		labels = append(labels, fmt.Sprintf("%d = %s", st.Max, st.MaxLabel))
	}
	if len(labels) > 0 {
		out += "\n" + m.st.dim.Render(strings.Join(labels, "   "))
	}
	if v.Number == nil {
		out += "\n" + m.st.dim.Render("(nothing chosen yet)")
	}
	return out
}

func (m *SetForm) optionsView(st prompts.Step, v prompts.Value) string {
	var lines []string
	for i, o := range options(st) {
		mark := "( )"
		picked := false
		switch st.Kind {
		case prompts.Multi, prompts.Checklist:
			mark = "[ ]"
			if slices.Contains(v.Picked, i) {
				mark, picked = "[x]", true
			}
		case prompts.Choice:
			if len(v.Picked) > 0 && v.Picked[0] == i {
				mark, picked = "(•)", true
			}
		case prompts.YesNo:
			if strings.EqualFold(v.Text, o) {
				mark, picked = "(•)", true
			}
		}
		pointer := "  "
		if i == m.cursor {
			pointer = m.st.accent.Render("› ")
		}
		line := mark + " " + o
		if picked {
			line = m.st.picked.Render(line)
		}
		lines = append(lines, pointer+line)
	}
	return strings.Join(lines, "\n")
}

// clip cuts s to n columns with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n || n < 2 {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// Action is one thing the home screen offers: a key, a label and the
// command line it runs.
type Action struct {
	Key   string
	Label string
	Args  []string
}

// Home is the screen `journal` shows on a terminal: a few lines about
// today and a short menu. Choosing an item ends the program's TUI; the
// command line then runs the chosen command.
type Home struct {
	styles  Styles
	title   string
	summary []string
	actions []Action
	cursor  int
	chosen  int // -1 until something is chosen
	done    bool
}

// NewHome builds the home screen.
func NewHome(st Styles, title string, summary []string, actions []Action) Home {
	return Home{styles: st, title: title, summary: summary, actions: actions, chosen: -1}
}

// Chosen returns the action picked, if any.
func (m Home) Chosen() (Action, bool) {
	if m.chosen < 0 {
		return Action{}, false
	}
	return m.actions[m.chosen], true
}

func (m Home) Init() tea.Cmd { return nil }

func (m Home) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	key, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	switch key.String() {
	case "ctrl+c", "esc", "q":
		m.done = true
		return m, tea.Quit
	case "up", "k", "shift+tab":
		m.cursor = (m.cursor + len(m.actions) - 1) % len(m.actions)
	case "down", "j", "tab":
		m.cursor = (m.cursor + 1) % len(m.actions)
	case "enter", "space":
		m.chosen, m.done = m.cursor, true
		return m, tea.Quit
	default:
		for i, a := range m.actions {
			if key.String() == a.Key {
				m.chosen, m.done = i, true
				return m, tea.Quit
			}
		}
	}
	return m, nil
}

func (m Home) View() tea.View {
	return tea.NewView(m.Render())
}

// Render draws the screen as text; empty once the screen is left.
func (m Home) Render() string {
	if m.done {
		return ""
	}
	var b strings.Builder
	b.WriteString(m.styles.Title.Render(m.title) + "\n")
	for _, l := range m.summary {
		b.WriteString(m.styles.Dim.Render(l) + "\n")
	}
	b.WriteString("\n")
	for i, a := range m.actions {
		pointer, label := "  ", a.Label
		if i == m.cursor {
			pointer, label = m.styles.Accent.Render("› "), m.styles.Title.Render(a.Label)
		}
		b.WriteString(pointer + m.styles.Label.Render(a.Key) + "  " + label + "\n")
	}
	b.WriteString("\n" + m.styles.Dim.Render("↑/↓ move · enter choose · q leave") + "\n")
	return b.String()
}

package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// KeyMap is the one set of keys every form answers to. Its help line fits
// 80 columns.
type KeyMap struct {
	Next     key.Binding // go on to the next question
	Back     key.Binding // the question before
	SaveNow  key.Binding // save what is there and skip the rest
	Leave    key.Binding // stop; the answers stay in a draft
	NewLine  key.Binding // a new line in a long answer
	TextNext key.Binding // done with a long answer
	Pick     key.Binding // choose an option by its number
	Toggle   key.Binding // tick or untick an option
	YesNo    key.Binding
}

// DefaultKeyMap returns the keys of every form.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Next:     key.NewBinding(key.WithKeys("enter", "tab"), key.WithHelp("enter", "next")),
		Back:     key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back")),
		SaveNow:  key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Leave:    key.NewBinding(key.WithKeys("ctrl+c", "esc"), key.WithHelp("esc", "stop")),
		NewLine:  key.NewBinding(key.WithKeys("alt+enter", "ctrl+j"), key.WithHelp("alt+enter", "new line")),
		TextNext: key.NewBinding(key.WithKeys("enter", "tab"), key.WithHelp("enter", "next")),
		Pick:     key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "choose")),
		Toggle:   key.NewBinding(key.WithKeys("space", "x"), key.WithHelp("space", "tick")),
		YesNo:    key.NewBinding(key.WithKeys("y", "n"), key.WithHelp("y/n", "answer")),
	}
}

// fieldKind is what the focused field is, for the help line.
type fieldKind int

const (
	kindLine fieldKind = iota
	kindText
	kindChoice
	kindMulti
	kindYesNo
)

// HelpLine is the keys that work on a field of kind k, in one line.
func (km KeyMap) helpLine(k fieldKind) string {
	parts := []key.Binding{km.Next, km.Back}
	switch k {
	case kindText:
		parts = []key.Binding{km.TextNext, km.Back, km.NewLine}
	case kindChoice:
		parts = append(parts, km.Pick)
	case kindMulti:
		parts = append(parts, key.NewBinding(key.WithHelp("space/1-9", "tick")))
	case kindYesNo:
		parts = append(parts, km.YesNo)
	}
	parts = append(parts, km.SaveNow, km.Leave)
	out := make([]string, len(parts))
	for i, b := range parts {
		out[i] = b.Help().Key + " " + b.Help().Desc
	}
	line := strings.Join(out, " · ")
	// The draft is kept however the form is left; say so where it fits.
	if kept := line + ", answers kept"; len([]rune(kept)) <= 80 {
		return kept
	}
	return line
}

// huhKeyMap is the form library's key map set to the same keys: enter
// goes on in a long answer too, where alt+enter starts a new line.
func (km KeyMap) huhKeyMap() *huh.KeyMap {
	k := huh.NewDefaultKeyMap()
	k.Quit = km.Leave
	k.Text.NewLine = km.NewLine
	k.Text.Next = km.TextNext
	k.Text.Submit = km.TextNext
	k.Text.Editor = key.NewBinding(key.WithDisabled())
	// Filtering would take the number keys and "/" away from choosing.
	k.Select.Filter = key.NewBinding(key.WithDisabled())
	k.MultiSelect.Filter = key.NewBinding(key.WithDisabled())
	k.Select.HalfPageDown = key.NewBinding(key.WithDisabled())
	k.MultiSelect.HalfPageDown = key.NewBinding(key.WithDisabled())
	return k
}

// KeyPress makes the key message a person pressing name would send:
// "enter", "tab", "shift+tab", "esc", "ctrl+s", "up", "space", or text.
// Tests drive models with it.
func KeyPress(name string) tea.KeyPressMsg {
	special := map[string]rune{
		"enter": tea.KeyEnter, "tab": tea.KeyTab, "esc": tea.KeyEscape, "space": tea.KeySpace,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"backspace": tea.KeyBackspace, "delete": tea.KeyDelete, "home": tea.KeyHome, "end": tea.KeyEnd,
	}
	var mod tea.KeyMod
	base := name
	for _, m := range []struct {
		prefix string
		mod    tea.KeyMod
	}{{"ctrl+", tea.ModCtrl}, {"shift+", tea.ModShift}, {"alt+", tea.ModAlt}} {
		if strings.HasPrefix(base, m.prefix) && len(base) > len(m.prefix) {
			mod |= m.mod
			base = base[len(m.prefix):]
		}
	}
	if code, ok := special[base]; ok {
		k := tea.KeyPressMsg{Code: code, Mod: mod}
		if code == tea.KeySpace && mod == 0 {
			k.Text = " "
		}
		return k
	}
	r := []rune(base)
	if mod != 0 {
		return tea.KeyPressMsg{Code: r[0], Mod: mod}
	}
	return tea.KeyPressMsg{Code: r[0], Text: base}
}

// forWriting is the key map for writing at length: enter starts a new
// line, tab is done.
func (km KeyMap) forWriting() KeyMap {
	km.NewLine = key.NewBinding(key.WithKeys("enter", "alt+enter", "ctrl+j"), key.WithHelp("enter", "new line"))
	km.TextNext = key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "done"))
	return km
}

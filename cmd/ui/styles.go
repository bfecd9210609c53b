// Package ui holds how journal looks: lipgloss styles, tables and charts.
package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// Styles are the few looks the program uses. Colours are calm on purpose:
// no alarm red for a hard day.
type Styles struct {
	Color  bool
	Title  lipgloss.Style
	Label  lipgloss.Style
	Dim    lipgloss.Style
	Accent lipgloss.Style
	Good   lipgloss.Style
	Mark   lipgloss.Style // matched words in search snippets
}

// The calm palette, as 256-colour numbers: a soft blue for labels, grey for
// hints, amber for what to look at, sage for what went well. No red.
var (
	colorLabel  = lipgloss.Color("110")
	colorDim    = lipgloss.Color("245")
	colorAccent = lipgloss.Color("179")
	colorGood   = lipgloss.Color("72")
	colorHeavy  = lipgloss.Color("173") // a deeper amber, not an alarm red
)

// NewStyles returns coloured styles, or plain ones that print text as is.
func NewStyles(color bool) Styles {
	plain := lipgloss.NewStyle()
	if !color {
		return Styles{Title: plain, Label: plain, Dim: plain, Accent: plain, Good: plain, Mark: plain}
	}
	return Styles{
		Color:  true,
		Title:  plain.Bold(true),
		Label:  plain.Foreground(colorLabel),
		Dim:    plain.Foreground(colorDim),
		Accent: plain.Foreground(colorAccent),
		Good:   plain.Foreground(colorGood),
		Mark:   plain.Bold(true).Underline(true),
	}
}

// Heavy is the look of a heavy drinking day: the accent, deeper and bold.
func (s Styles) Heavy() lipgloss.Style {
	if !s.Color {
		return s.Accent
	}
	return s.Accent.Foreground(colorHeavy).Bold(true)
}

// Highlight renders text whose matches sit between start and end markers:
// styled on a colour terminal, in [brackets] otherwise.
func (s Styles) Highlight(text, start, end string) string {
	var b strings.Builder
	for {
		i := strings.Index(text, start)
		if i < 0 {
			break
		}
		j := strings.Index(text[i:], end)
		if j < 0 {
			break
		}
		b.WriteString(text[:i])
		word := text[i+len(start) : i+j]
		if s.Color {
			b.WriteString(s.Mark.Render(word))
		} else {
			b.WriteString("[" + word + "]")
		}
		text = text[i+j+len(end):]
	}
	b.WriteString(text)
	return b.String()
}

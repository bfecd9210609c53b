// Package ui holds how journal looks: lipgloss styles, tables and charts.
package ui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
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

// NewStyles returns coloured styles, or plain ones that print text as is.
func NewStyles(color bool) Styles {
	r := lipgloss.NewRenderer(nil)
	if color {
		r.SetColorProfile(termenv.ANSI256)
	} else {
		r.SetColorProfile(termenv.Ascii)
	}
	return Styles{
		Color:  color,
		Title:  r.NewStyle().Bold(true),
		Label:  r.NewStyle().Foreground(lipgloss.Color("110")),
		Dim:    r.NewStyle().Foreground(lipgloss.Color("245")),
		Accent: r.NewStyle().Foreground(lipgloss.Color("179")),
		Good:   r.NewStyle().Foreground(lipgloss.Color("72")),
		Mark:   r.NewStyle().Bold(true).Underline(true),
	}
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

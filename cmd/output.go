package cmd

import (
	"encoding/json"
	"io"
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// printJSON writes v as one indented JSON document.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// firstLine returns the first non-empty line of s, cut to max cells.
func firstLine(s string, max int) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(lineText(l)); l != "" {
			return truncate(l, max)
		}
	}
	return ""
}

// truncate cuts s to at most max terminal cells, ending in "…" when it
// cuts. Cells, not runes: a CJK character or an emoji takes two, a
// combining accent none.
func truncate(s string, max int) string {
	if ansi.StringWidth(s) <= max {
		return s
	}
	return strings.TrimSpace(ansi.Truncate(s, max-1, "")) + "…"
}

// lineText makes a person's text safe to print on one line: control
// characters (a tab, a pasted terminal escape) become spaces, so they can
// neither add a column to a piped row nor redraw the terminal.
func lineText(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

// blockText is lineText for text shown whole: line breaks and tabs stay.
func blockText(s string) string {
	return strings.Map(func(r rune) rune {
		if r != '\n' && r != '\t' && unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

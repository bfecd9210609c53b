package prompts

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Wrap breaks s into lines of at most width terminal cells at spaces, so
// question and help text written as one long line still reads at 80
// columns. Runs of spaces count as one. See WrapLine for long words.
func Wrap(s string, width int) []string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return nil
	}
	return strings.Split(WrapLine(s, width), "\n")
}

// WrapLine breaks one line of text into lines of at most width terminal
// cells, at spaces, keeping the spaces inside each line. Cells, not runes:
// CJK characters and most emoji take two, combining accents none. A word
// wider than a line gets a line of its own, whole (a link stays one piece),
// unless it holds wide characters: Japanese and Chinese are written without
// spaces, so such a run is broken between characters.
func WrapLine(s string, width int) string {
	if ansi.StringWidth(s) <= width {
		return s // a line that fits is left exactly as written
	}
	lines := strings.Split(ansi.Wordwrap(s, width, ""), "\n")
	for i, l := range lines {
		l = strings.TrimRight(l, " ")
		if ansi.StringWidth(l) > width && hasWide(l) {
			l = strings.TrimRight(ansi.Hardwrap(l, width, true), " ")
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// hasWide reports whether s holds a character two cells wide.
func hasWide(s string) bool {
	for _, r := range s {
		if ansi.StringWidth(string(r)) > 1 {
			return true
		}
	}
	return false
}

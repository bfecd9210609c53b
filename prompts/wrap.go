package prompts

import (
	"strings"
	"unicode/utf8"
)

// Wrap breaks s into lines of at most width runes at spaces, so question
// and help text written as one long line still reads at 80 columns. A word
// longer than width gets a line of its own.
func Wrap(s string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		switch {
		case line == "":
			line = w
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

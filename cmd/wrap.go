package cmd

import (
	"strings"

	"journal/prompts"
)

// wrapText breaks text shown whole (an entry's body, an answer) into lines
// of at most width terminal cells at spaces, as prompts.WrapLine does, line
// by line: the text's own line breaks stay. Left to the terminal, words
// break mid-way ("tha" / "t").
func wrapText(s string, width int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = prompts.WrapLine(l, width)
	}
	return strings.Join(lines, "\n")
}

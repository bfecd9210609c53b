package cmd

import (
	"strings"

	"github.com/spf13/cobra"

	"journal/journal"
)

// didYouMean is `did you mean "list"? ` for a mistyped command name, else
// "". It names c's commands nearest to typed, at most one edit away for
// a word of up to four letters and two for a longer one (a swap of two
// letters side by side is one edit), or else those whose name starts
// with typed.
func didYouMean(c *cobra.Command, typed string) string {
	typed = strings.ToLower(typed)
	var near, starts []string
	best := 2
	if len([]rune(typed)) <= 4 {
		best = 1
	}
	for _, sub := range c.Commands() {
		if !sub.IsAvailableCommand() {
			continue
		}
		name := sub.Name()
		if strings.HasPrefix(name, typed) {
			starts = append(starts, name)
		}
		switch d := editDistance(typed, name); {
		case d > best:
		case len(near) == 0 || d < best:
			best, near = d, []string{name}
		default:
			near = append(near, name)
		}
	}
	names := near
	if len(names) == 0 {
		names = starts
	}
	if len(names) == 0 {
		return ""
	}
	for i, n := range names {
		names[i] = journal.Quote(n)
	}
	return "did you mean " + orList(names) + "? "
}

// editDistance counts the letters to insert, remove or change, or pairs
// side by side to swap, to turn a into b.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	// d[i][j] is the distance between x[:i] and y[:j].
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

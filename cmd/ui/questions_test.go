package ui

import (
	"strings"
	"testing"
)

// A multi-select shows every option, not only as many as fit once its
// title and help are taken away (craving's "Are you any of these?" showed
// two of four at 80x24).
func TestMultiSelectShowsEveryOption(t *testing.T) {
	var picked []string
	q := Question{Title: "Are you any of these?", KeyHelp: "A number or space ticks, enter goes on.", Kind: Multi,
		Values:  &picked,
		Options: []Option{{"hungry", "hungry"}, {"angry", "angry"}, {"lonely", "lonely"}, {"tired", "tired"}}}
	view := q.field(Numbering(true)).View()
	for _, want := range []string{"1. hungry", "2. angry", "3. lonely", "4. tired"} {
		if !strings.Contains(view, want) {
			t.Errorf("the field does not show %q:\n%s", want, view)
		}
	}
}

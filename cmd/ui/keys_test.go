package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The help line under every kind of field fits 80 columns, and names the
// keys that save now and stop.
func TestHelpLinesFit80Columns(t *testing.T) {
	for _, km := range []KeyMap{DefaultKeyMap(), DefaultKeyMap().forWriting()} {
		for k := kindLine; k <= kindYesNo; k++ {
			l := km.helpLine(k)
			if w := ansi.StringWidth(l); w > 80 {
				t.Errorf("%d columns: %q", w, l)
			}
			for _, want := range []string{"ctrl+s save", "esc stop"} {
				if !strings.Contains(l, want) {
					t.Errorf("%q lacks %q", l, want)
				}
			}
		}
	}
}

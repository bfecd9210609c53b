package cmd

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/spf13/cobra"
)

// Every command's --help reads at 80 columns, the terminal a person on a
// hard day is most likely to have.
func TestHelpFits80Columns(t *testing.T) {
	var paths [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		paths = append(paths, path)
		for _, sub := range c.Commands() {
			if sub.Hidden || sub.Name() == "completion" || sub.Name() == "help" {
				continue
			}
			walk(sub, append(append([]string{}, path...), sub.Name()))
		}
	}
	f, _, _ := testFactory(nil)
	walk(NewRoot(f), nil)
	for _, path := range paths {
		t.Run(strings.Join(append([]string{"journal"}, path...), " "), func(t *testing.T) {
			f, out, _ := testFactory(nil)
			if code := Run(context.Background(), f, append(path, "--help")); code != exitOK {
				t.Fatalf("exit %d", code)
			}
			for _, l := range strings.Split(out.String(), "\n") {
				if n := utf8.RuneCountInString(l); n > 80 {
					t.Errorf("%d columns: %s", n, l)
				}
			}
		})
	}
}

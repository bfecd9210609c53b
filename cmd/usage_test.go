package cmd

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// Usage written in plain Go reads, byte for byte, as cobra's usage template
// with wrapped flag descriptions did, for every command: people and their
// scripts see no change.
func TestUsageMatchesCobraTemplate(t *testing.T) {
	f, _, _ := testFactory(nil)
	ours := NewRoot(f)
	f2, _, _ := testFactory(nil)
	tmpl := NewRoot(f2)
	tmpl.SetUsageFunc(nil)
	tmpl.SetUsageTemplate(strings.ReplaceAll(tmpl.UsageTemplate(), ".FlagUsages", ".FlagUsagesWrapped 80"))

	var walk func(a, b *cobra.Command)
	n := 0
	walk = func(a, b *cobra.Command) {
		n++
		if got, want := a.UsageString(), b.UsageString(); got != want {
			t.Errorf("%s: usage differs from cobra's template\n got:\n%s\nwant:\n%s", a.CommandPath(), got, want)
		}
		as, bs := a.Commands(), b.Commands()
		if len(as) != len(bs) {
			t.Fatalf("%s: %d subcommands against %d", a.CommandPath(), len(as), len(bs))
		}
		for i := range as {
			walk(as[i], bs[i])
		}
	}
	walk(ours, tmpl)
	if n < 30 {
		t.Fatalf("compared only %d commands", n)
	}
}

package cmd

import (
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The names a command line can use for each command are the names and
// aliases the command itself declares: a command renamed or given an alias
// in its own file is still found when only it is built.
func TestCommandBuilderNames(t *testing.T) {
	f, _, _ := testFactory(nil)
	seen := map[string]bool{}
	for _, b := range commandBuilders() {
		c := b.build(f)
		if want := append([]string{c.Name()}, c.Aliases...); !slices.Equal(b.names, want) {
			t.Errorf("builder names %q, the command declares %q", b.names, want)
		}
		seen[c.Name()] = true
	}
	f, _, _ = testFactory(nil)
	for _, c := range NewRoot(f).Commands() {
		if !seen[c.Name()] {
			t.Errorf("%s is in the tree but has no builder", c.Name())
		}
	}
}

// A command line runs the same command, with the same flags, whether the
// tree is built whole or only for that line; lines that are not one
// command's get the whole tree.
func TestRootForArgs(t *testing.T) {
	for _, args := range [][]string{
		{"list", "-n", "3"},
		{"--db", "x.db", "ls"},
		{"--no-color", "w", "A", "walk"},
		{"session", "add", "--date", "yesterday"},
		{"drinks", "2", "--date", "yesterday"},
		{"show", "--help"},
	} {
		f, _, _ := testFactory(nil)
		want, _, err := NewRoot(f).Find(args)
		if err != nil {
			t.Fatal(err)
		}
		f, _, _ = testFactory(nil)
		got, _, err := newRootFor(f, args).Find(args)
		if err != nil {
			t.Fatalf("%q: %v", args, err)
		}
		if got.CommandPath() != want.CommandPath() || flagNames(got) != flagNames(want) {
			t.Errorf("%q: runs %s with flags %s, the whole tree runs %s with %s",
				args, got.CommandPath(), flagNames(got), want.CommandPath(), flagNames(want))
		}
	}
	for _, args := range [][]string{nil, {"help", "list"}, {"lst"}, {"completion", "bash"}, {"--no-color"}} {
		f, _, _ := testFactory(nil)
		if n := len(newRootFor(f, args).Commands()); n != len(commandBuilders()) {
			t.Errorf("%q: %d commands built, want the whole tree", args, n)
		} else if c := newRootFor(f, args).Commands()[0]; c.Short == "" {
			t.Errorf("%q: %s is a stub, want the whole tree", args, c.Name())
		}
	}
}

func flagNames(c *cobra.Command) string {
	var names []string
	c.Flags().VisitAll(func(fl *pflag.Flag) { names = append(names, fl.Name) })
	c.InheritedFlags().VisitAll(func(fl *pflag.Flag) { names = append(names, fl.Name) })
	return strings.Join(names, " ")
}

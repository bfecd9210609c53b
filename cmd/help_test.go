package cmd

import (
	"context"
	"strings"
	"testing"
	"time"
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

// Every example in the help runs as written: its flags exist and its
// dates read, whatever day it is. (Ids and files it names may not exist
// in a fresh journal; that is not what this checks.)
func TestHelpExamplesParse(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir()) // journal demo's own folders land here
	var cmds []*cobra.Command
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		// report, export and import are left to their own tests.
		if n := c.Name(); n == "report" || n == "export" || n == "import" {
			return
		}
		cmds = append(cmds, c)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	f, _, _ := testFactory(nil)
	walk(NewRoot(f))
	// A Wednesday, then a Monday for the examples with dates: "last monday"
	// and the like fall differently on each.
	for i, now := range []time.Time{time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC), time.Date(2026, 11, 23, 20, 0, 0, 0, time.UTC)} {
		for _, c := range cmds {
			for _, line := range strings.Split(c.Example, "\n") {
				args := shellWords(strings.TrimSpace(line))
				if len(args) < 2 || args[0] != "journal" {
					continue
				}
				if i > 0 && !strings.ContainsAny(line, "0123456789") && !strings.Contains(line, "day") {
					continue
				}
				dir := t.TempDir()
				// Files an example names (journal demo --db demo.db) land there
				// too, not in the source tree.
				t.Chdir(dir)
				f, _, errOut := testFactory(map[string]string{"JOURNAL_DB": dir + "/j.db", "XDG_CONFIG_HOME": dir + "/config", "EDITOR": "true"})
				f.IO.InTTY, f.IO.OutTTY = false, false
				f.Now = func() time.Time { return now }
				Run(context.Background(), f, args[1:])
				for _, bad := range []string{"unknown flag", "unknown command", "not a date I understand", "swap them", "is after", "in the future"} {
					if strings.Contains(errOut.String(), bad) {
						t.Errorf("%s, on %s: %s", line, now.Format("Mon 2 Jan"), strings.TrimSpace(errOut.String()))
					}
				}
			}
		}
	}
}

// shellWords splits an example line as a shell would, for plain words and
// "double" or 'single' quotes.
func shellWords(s string) []string {
	var words []string
	var cur strings.Builder
	var quote rune
	in := false
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '"' || r == '\'':
			quote, in = r, true
		case r == ' ':
			if in {
				words = append(words, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if in {
		words = append(words, cur.String())
	}
	return words
}

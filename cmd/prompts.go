package cmd

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/spf13/cobra"

	"journal/cmd/ui"
	"journal/journal"
	"journal/prompts"
)

func newCmdPrompts(f *Factory) *cobra.Command {
	c := &cobra.Command{
		Use:   "prompts",
		Short: "See, check and write prompt sets",
		Long: `Prompt sets are the questions of journal intention, journal reflect and
journal guide NAME. Your own sets are TOML files in the prompts folder of your
config folder ($XDG_CONFIG_HOME/journal/prompts); a file named like a built-in
set replaces it.`,
		Example: `  journal prompts list
  journal prompts show intention
  journal prompts new evening
  journal prompts validate ~/.config/journal/prompts/evening.toml`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	c.AddCommand(newCmdPromptsList(f), newCmdPromptsShow(f), newCmdPromptsValidate(f), newCmdPromptsNew(f))
	return c
}

type setSummary struct {
	Name        string `json:"name"`
	Title       string `json:"title"`
	Description string `json:"description"`
	When        string `json:"when"`
	Steps       int    `json:"steps"`
	Source      string `json:"source"`
}

func newCmdPromptsList(f *Factory) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "List the prompt sets you can run",
		Example: "  journal prompts list\n  journal prompts list --json",
		Args:    noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			cat, _, err := loadPrompts(f)
			if err != nil {
				return err
			}
			var out []setSummary
			for _, s := range cat.Sets() {
				out = append(out, setSummary{s.Name, s.Title, s.Description, string(s.When), len(s.Steps), s.Source})
			}
			for _, name := range sortedKeys(cat.Broken) {
				fmt.Fprintf(f.IO.ErrOut, "journal: your prompt set %s was left out: %v\n", name, cat.Broken[name])
			}
			if asJSON {
				return printJSON(f.IO.Out, out)
			}
			s := f.Styles()
			for _, x := range out {
				x.Title = journal.CleanLine(x.Title) // from the person's own files
				if !f.IO.OutTTY {
					fmt.Fprintf(f.IO.Out, "%s\t%s\t%d\t%s\t%s\n", x.Name, x.When, x.Steps, x.Source, x.Title)
					continue
				}
				src := ""
				if x.Source != "built-in" {
					src = s.Dim.Render("  (your file)")
				}
				fmt.Fprintf(f.IO.Out, "%s  %s  %s%s\n", s.Accent.Render(fmt.Sprintf("%-12s", x.Name)),
					s.Dim.Render(fmt.Sprintf("%-10s", x.When)), x.Title, src)
			}
			if f.IO.OutTTY {
				fmt.Fprintln(f.IO.ErrOut, "\nRun one with: journal guide NAME")
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print the sets as a JSON array")
	return c
}

func sortedKeys(m map[string]error) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func newCmdPromptsShow(f *Factory) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:     "show NAME",
		Short:   "Show the questions of a prompt set",
		Example: "  journal prompts show reflection",
		Args:    exactArgs(1, "the name of a prompt set"),
		RunE: func(c *cobra.Command, args []string) error {
			set, err := findSet(f, args[0])
			if err != nil {
				return err
			}
			if asJSON {
				return printJSON(f.IO.Out, set)
			}
			s := f.Styles()
			w := f.IO.Out
			fmt.Fprintln(w, s.Title.Render(journal.CleanLine(fmt.Sprintf("%s (%s)", set.Title, set.Name))))
			fmt.Fprintln(w, s.Dim.Render(fmt.Sprintf("%s · %s · %s", whenText(set.When), journal.Plural(len(set.Steps), "question", "questions"), set.Source)))
			if set.Description != "" {
				fmt.Fprintf(w, "\n%s\n", wrapText(journal.CleanText(set.Description), f.IO.Width()))
			}
			for i, st := range set.Steps {
				for j, l := range prompts.Wrap(journal.CleanLine(st.Question), f.IO.Width()-4) {
					if j == 0 {
						fmt.Fprintf(w, "\n%d. %s\n", i+1, s.Label.Render(l))
					} else {
						fmt.Fprintf(w, "   %s\n", s.Label.Render(l))
					}
				}
				for _, l := range prompts.Wrap(journal.CleanLine(st.Help), f.IO.Width()-3) {
					fmt.Fprintf(w, "   %s\n", l)
				}
				detail := string(st.Kind)
				if h := st.Hint(); h != "" && st.Kind != prompts.Long {
					detail += ": " + h
				}
				for _, l := range prompts.Wrap(fmt.Sprintf("key %s · %s", st.Key, detail), f.IO.Width()-3) {
					fmt.Fprintf(w, "   %s\n", s.Dim.Render(l))
				}
				for j, o := range st.Options {
					if len(st.Values) == len(st.Options) {
						fmt.Fprintf(w, "   %d = %s\n", st.Values[j], journal.CleanLine(o))
					} else {
						fmt.Fprintf(w, "   %d) %s\n", j+1, journal.CleanLine(o))
					}
				}
			}
			if set.Scoring != nil {
				writeScoring(w, *set.Scoring, s, f.IO.Width())
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print the set as JSON")
	return c
}

func whenText(w prompts.When) string {
	switch w {
	case prompts.Before:
		return "before a session"
	case prompts.After:
		return "after a session"
	case prompts.DaysAfter:
		return "a few days after a session"
	case prompts.Measure:
		return "a questionnaire (journal measure)"
	}
	return string(w)
}

func newCmdPromptsValidate(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "validate FILE",
		Aliases: []string{"check"},
		Short:   "Check a prompt set file",
		Example: "  journal prompts validate ~/.config/journal/prompts/evening.toml",
		Args:    exactArgs(1, "a prompt set file"),
		RunE: func(c *cobra.Command, args []string) error {
			set, err := prompts.ParseFile(args[0])
			var ps prompts.Problems
			if errors.As(err, &ps) {
				if len(ps) == 1 {
					return journal.Invalid("%v", ps[0])
				}
				for _, p := range ps {
					fmt.Fprintf(f.IO.ErrOut, "%v\n", p)
				}
				return journal.Invalid("%s has %d problems, listed above", args[0], len(ps))
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(f.IO.Out, "%s is a valid prompt set: %s (%q), %s, %s.\n", args[0], set.Name, set.Title,
				whenText(set.When), journal.Plural(len(set.Steps), "question", "questions"))
			if _, builtin := prompts.Builtin(set.Name); builtin {
				fmt.Fprintf(f.IO.ErrOut, "In your prompts folder it replaces the built-in %s set.\n", set.Name)
			}
			return nil
		},
	}
}

func newCmdPromptsNew(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "new NAME",
		Short: "Write a starter prompt set file to edit",
		Long: `Write a commented starter file for a prompt set called NAME into your prompts
folder. Given the name of a built-in set, the file starts as a copy of it, and
your copy is used instead of the built-in from then on.`,
		Example: "  journal prompts new evening\n  journal prompts new intention",
		Args:    exactArgs(1, "a name for the set, like evening"),
		RunE: func(c *cobra.Command, args []string) error {
			name := args[0]
			if err := prompts.ValidName(name); err != nil {
				return journal.Invalid("%v", err)
			}
			cfg, err := f.ConfigDir()
			if err != nil {
				return err
			}
			dir := filepath.Join(cfg, "prompts")
			if err := os.MkdirAll(dir, 0o700); err != nil {
				return fmt.Errorf("cannot create the prompts folder %s: %w", dir, unwrapPath(err))
			}
			path := filepath.Join(dir, name+prompts.Ext)
			// Whole or not at all: a half-written set named like a built-in
			// one would stop that set from running.
			err = createFileAtomic(path, func(w io.Writer) error {
				_, err := w.Write(prompts.Starter(name))
				return err
			})
			if errors.Is(err, fs.ErrExist) {
				return journal.Invalid("%s already exists: edit it, or choose another name", path)
			}
			if err != nil {
				return fmt.Errorf("%v: nothing was written; check that the disk has room and the folder can be written, then try again", err)
			}
			fmt.Fprintln(f.IO.Out, path)
			fmt.Fprintf(f.IO.ErrOut, "Edit it, check it with: journal prompts validate %s\nthen run it with: journal guide %s\n", shellQuote(path), name)
			return nil
		},
	}
}

func shellQuote(s string) string {
	safe := s != "" && s[0] != '#' && s[0] != '~' && !strings.ContainsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("-_./:=@%+,#", r)
	})
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// writeScoring shows how a questionnaire is scored and where that comes from.
func writeScoring(w io.Writer, sc journal.Scoring, s ui.Styles, width int) {
	fmt.Fprintf(w, "\n%s\n", s.Label.Render(fmt.Sprintf("Scoring: 0 to %d, over %s", sc.Max, sc.Period)))
	for _, b := range sc.Bands {
		fmt.Fprintf(w, "   %d to %d: %s\n", b.Min, b.Max, journal.CleanLine(b.Label))
	}
	var lines []string
	if sc.Cutoff > 0 {
		lines = append(lines, fmt.Sprintf("Cut-off: %d (%s)", sc.Cutoff, sc.CutoffLabel))
	}
	if sc.RemissionBelow > 0 {
		lines = append(lines, fmt.Sprintf("Remission: below %d", sc.RemissionBelow))
	}
	lines = append(lines, fmt.Sprintf("Up to %d unanswered: prorated. %s", sc.ProrateMaxMissing, sc.ProrateSource))
	lines = append(lines, "Terms: "+sc.Terms)
	for _, src := range sc.Sources {
		lines = append(lines, "Source: "+src)
	}
	for _, l := range lines {
		for i, part := range prompts.Wrap(journal.CleanLine(l), width-5) {
			if i == 0 {
				fmt.Fprintf(w, "   %s\n", part)
			} else {
				fmt.Fprintf(w, "     %s\n", part)
			}
		}
	}
}

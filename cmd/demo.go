package cmd

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"journal/journal"
	"journal/journal/demo"
)

func newCmdDemo(f *Factory) *cobra.Command {
	var (
		days   int
		seed   uint64
		noShow bool
		busy   bool
	)
	c := &cobra.Command{
		Use:   "demo",
		Short: "Make a realistic made-up journal to try everything on",
		Long: `Make a demo journal: a realistic, made-up history of cravings, drinking
days, check-ins, notes, sessions and coaching calls, so you can try stats,
calendar, list and search at once.

It never touches your real journal. It writes to the file given with --db
(which must be new or empty), or else to a new file in a temporary folder,
and prints where. $JOURNAL_DB is not used.`,
		Example: `  journal demo
  journal demo --days 365 --db demo.db
  journal --db demo.db calendar --months 3`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if days < 1 || days > 3650 {
				return journal.Invalid("--days must be from 1 to 3650, got %d", days)
			}
			if f.DBPath == "" {
				dir, err := os.MkdirTemp("", "journal-demo-")
				if err != nil {
					return fmt.Errorf("cannot make a folder for the demo journal: %w", err)
				}
				f.DBPath = filepath.Join(dir, "journal.db")
			}
			st, err := f.Store(c.Context())
			if err != nil {
				return err
			}
			empty, err := st.IsEmpty(c.Context())
			if err != nil {
				return err
			}
			if !empty {
				return journal.Invalid("%s already has records: the demo only fills a new or empty journal, give another --db", f.DBPath)
			}
			measures, err := demoMeasures(f)
			if err != nil {
				return err
			}
			recs := demo.Generate(demo.Options{Days: days, Seed: seed, End: f.Now(), Busy: busy, Measures: measures})
			if _, err := st.Import(c.Context(), recs, false); err != nil {
				return err
			}
			out := f.IO.Out
			// Short lines: this is the first thing a new user sees.
			fmt.Fprintf(out, "Made a demo journal of %s, all made up; your own journal was not touched.\n", journal.Plural(days, "day", "days"))
			fmt.Fprintf(out, "It has %s, %s, %s, %s.\n",
				journal.Plural(len(recs.Entries), "entry", "entries"), journal.Plural(len(recs.DrinkDays), "drinking-day record", "drinking-day records"),
				journal.Plural(len(recs.Sessions), "session", "sessions"), journal.Plural(len(recs.Calls), "coaching call", "coaching calls"))
			fmt.Fprintf(out, "It is in %s\n\n", f.DBPath)
			if !noShow {
				if err := runSub(c, f, "stats"); err != nil {
					return err
				}
				fmt.Fprintln(out)
			}
			fmt.Fprintf(out, "Try:\n")
			for _, try := range []string{"stats --since first-session", "calendar --months 3", "list", "search walk*", "session list"} {
				fmt.Fprintf(out, "  journal --db %s %s\n", f.DBPath, try)
			}
			return nil
		},
	}
	c.Flags().IntVar(&days, "days", 90, "how many days of history, ending today (1–3650)")
	c.Flags().Uint64Var(&seed, "seed", 1, "the same seed makes the same journal")
	c.Flags().BoolVar(&noShow, "quiet", false, "do not show the stats after making it")
	c.Flags().BoolVar(&busy, "busy", false, "a heavier journal for speed tests: more cravings and a note every day")
	return c
}

// runSub runs another command of the tree with the same factory and store.
func runSub(c *cobra.Command, f *Factory, args ...string) error {
	next := NewRoot(f)
	next.SetArgs(args)
	next.SetIn(f.IO.In)
	next.SetOut(f.IO.Out)
	next.SetErr(f.IO.ErrOut)
	return next.ExecuteContext(c.Context())
}

package cmd

import (
	"strings"

	"github.com/spf13/cobra"

	"journal/journal"
)

// NewRoot builds the command tree. It is only a list of commands; each
// lives in its own file.
func NewRoot(f *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "journal",
		Short: "A calm, private journal for the work between sessions",
		Long: `journal is a private companion for ketamine-assisted therapy: set an intention
before a session, reflect after it, log cravings and drinking days, and see
patterns to talk over with your coach. Everything stays in one file on this
computer; nothing goes over the network.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Args:          noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return homeRun(c, f)
		},
		PersistentPreRunE: func(c *cobra.Command, _ []string) error {
			// An empty --db (an unset shell variable, say) must not fall
			// back to the person's real journal.
			if fl := c.Flags().Lookup("db"); fl != nil && fl.Changed && strings.TrimSpace(f.DBPath) == "" {
				return journal.Invalid(`--db needs a file path, got ""`)
			}
			return nil
		},
	}
	root.SetFlagErrorFunc(flagError)
	// Flag descriptions wrap to fit an 80-column terminal.
	root.SetUsageTemplate(strings.ReplaceAll(root.UsageTemplate(), ".FlagUsages", ".FlagUsagesWrapped 80"))
	pf := root.PersistentFlags()
	// Defaults are the factory's current values, so a command tree built
	// again for a follow-on command keeps --db and the rest.
	pf.StringVar(&f.DBPath, "db", f.DBPath, "journal `file` to use (default $JOURNAL_DB, else the data folder)")
	pf.BoolVar(&f.NoColor, "no-color", f.NoColor, "print without colours (also NO_COLOR)")
	pf.BoolVar(&f.NoInput, "no-input", f.NoInput, "never ask questions; a missing value is an error")

	root.AddCommand(
		newCmdWrite(f),
		newCmdList(f),
		newCmdShow(f),
		newCmdSearch(f),
		newCmdEdit(f),
		newCmdDelete(f),
		newCmdRestore(f),
		newCmdTags(f),
		newCmdCall(f),
		newCmdDemo(f),
		newCmdCraving(f),
		newCmdDrinks(f),
		newCmdSober(f),
		newCmdCheckin(f),
		newCmdConfig(f),
		newCmdStats(f),
		newCmdCalendar(f),
		newCmdReport(f),
		newCmdSession(f),
		newCmdIntention(f),
		newCmdReflect(f),
		newCmdGuide(f),
		newCmdPrompts(f),
		newCmdExport(f),
		newCmdImport(f),
	)
	return root
}

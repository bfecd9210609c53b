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
	root.SetUsageFunc(writeUsage)
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
		newCmdMeasure(f),
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
		newCmdEncrypt(f),
		newCmdDecrypt(f),
		newCmdPassphrase(f),
		newCmdLock(f),
		newCmdBackup(f),
		newCmdDoctor(f),
		newCmdPurge(f),
	)
	groupCommands(root)
	return root
}

// commandGroups sorts the commands in help by what a person comes to do.
var commandGroups = []struct {
	id, title string
	names     []string
}{
	{"write", "Write and find:", []string{"write", "list", "show", "search", "edit", "delete", "restore", "tags"}},
	{"track", "Track:", []string{"craving", "drinks", "sober", "checkin", "measure"}},
	{"guide", "Sessions and guided prompts:", []string{"session", "intention", "reflect", "guide", "prompts"}},
	{"see", "See patterns:", []string{"stats", "calendar"}},
	{"share", "Share with your coach:", []string{"call", "report", "export", "import"}},
	{"private", "Keep it private:", []string{"encrypt", "decrypt", "passphrase", "lock"}},
	{"safe", "Keep your journal safe:", []string{"backup", "doctor", "purge"}},
}

func groupCommands(root *cobra.Command) {
	group := map[string]string{}
	for _, g := range commandGroups {
		root.AddGroup(&cobra.Group{ID: g.id, Title: g.title})
		for _, n := range g.names {
			group[n] = g.id
		}
	}
	for _, c := range root.Commands() {
		c.GroupID = group[c.Name()]
	}
	root.SetHelpCommandGroupID("")
	root.SetCompletionCommandGroupID("")
}

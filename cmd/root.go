package cmd

import (
	"strings"

	"github.com/spf13/cobra"

	"journal/journal"
)

// NewRoot builds the whole command tree. It is only a list of commands;
// each lives in its own file.
func NewRoot(f *Factory) *cobra.Command {
	root := newRootCommand(f)
	for _, b := range commandBuilders() {
		root.AddCommand(b.build(f))
	}
	groupCommands(root)
	return root
}

// newRootFor builds the tree that runs args. When args name one of the
// commands, only that one is built in full: the others are left as stubs
// by name, which cobra needs only to find it. Building every command with
// all its flags cost a fifth of a millisecond and 170 kB on every run.
// Anything else (help, completion, a mistyped command, the home screen)
// gets the whole tree.
func newRootFor(f *Factory, args []string) *cobra.Command {
	root := newRootCommand(f)
	stubs := map[*cobra.Command]func(*Factory) *cobra.Command{}
	for _, b := range commandBuilders() {
		stub := &cobra.Command{Use: b.names[0], Aliases: b.names[1:], Run: func(*cobra.Command, []string) {}}
		stubs[stub] = b.build
		root.AddCommand(stub)
	}
	target, _, err := root.Find(args)
	build, ok := stubs[target]
	if err != nil || !ok {
		return NewRoot(f)
	}
	root.RemoveCommand(target)
	root.AddCommand(build(f))
	groupCommands(root)
	return root
}

// commandBuilder builds one of journal's commands; names are what a
// command line can call it by (its name, then its aliases).
type commandBuilder struct {
	names []string
	build func(*Factory) *cobra.Command
}

// commandBuilders are journal's commands. (A function, not a variable: a
// command that runs another builds the tree again.)
func commandBuilders() []commandBuilder {
	return []commandBuilder{
		{[]string{"write", "w", "new"}, newCmdWrite},
		{[]string{"list", "ls"}, newCmdList},
		{[]string{"show"}, newCmdShow},
		{[]string{"search"}, newCmdSearch},
		{[]string{"edit"}, newCmdEdit},
		{[]string{"delete", "rm"}, newCmdDelete},
		{[]string{"restore", "undelete"}, newCmdRestore},
		{[]string{"tags"}, newCmdTags},
		{[]string{"call"}, newCmdCall},
		{[]string{"demo"}, newCmdDemo},
		{[]string{"craving", "urge"}, newCmdCraving},
		{[]string{"drinks"}, newCmdDrinks},
		{[]string{"sober", "af"}, newCmdSober},
		{[]string{"checkin", "check-in"}, newCmdCheckin},
		{[]string{"measure"}, newCmdMeasure},
		{[]string{"config"}, newCmdConfig},
		{[]string{"stats"}, newCmdStats},
		{[]string{"calendar", "cal"}, newCmdCalendar},
		{[]string{"report"}, newCmdReport},
		{[]string{"session", "sessions"}, newCmdSession},
		{[]string{"intention"}, newCmdIntention},
		{[]string{"reflect", "reflection"}, newCmdReflect},
		{[]string{"guide"}, newCmdGuide},
		{[]string{"prompts"}, newCmdPrompts},
		{[]string{"export"}, newCmdExport},
		{[]string{"import"}, newCmdImport},
		{[]string{"encrypt"}, newCmdEncrypt},
		{[]string{"decrypt"}, newCmdDecrypt},
		{[]string{"passphrase"}, newCmdPassphrase},
		{[]string{"lock"}, newCmdLock},
		{[]string{"backup"}, newCmdBackup},
		{[]string{"doctor"}, newCmdDoctor},
		{[]string{"purge"}, newCmdPurge},
	}
}

// newRootCommand is the root command with its global flags and no
// commands yet.
func newRootCommand(f *Factory) *cobra.Command {
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

package cmd

import (
	"io"
	"strings"
	"unicode"

	"github.com/spf13/cobra"
)

// writeUsage prints a command's usage: the text cobra's default usage
// template gives, with flag descriptions wrapped to fit 80 columns. Plain
// Go rather than the template: rendering a template through reflection
// was a third of the time `journal --help` took.
func writeUsage(c *cobra.Command) error {
	var b strings.Builder
	usageText(&b, c)
	_, err := io.WriteString(c.OutOrStderr(), b.String())
	return err
}

// usageText writes c's usage to b, section by section as cobra's default
// usage template does.
func usageText(b *strings.Builder, c *cobra.Command) {
	// Merges the parents' persistent flags in first, as cobra's usage
	// does: UseLine's "[flags]" depends on them.
	c.LocalFlags()
	b.WriteString("Usage:")
	if c.Runnable() {
		b.WriteString("\n  " + c.UseLine())
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n  " + c.CommandPath() + " [command]")
	}
	if len(c.Aliases) > 0 {
		b.WriteString("\n\nAliases:\n  " + c.NameAndAliases())
	}
	if c.HasExample() {
		b.WriteString("\n\nExamples:\n" + c.Example)
	}
	if c.HasAvailableSubCommands() {
		subcommands(b, c)
	}
	if c.HasAvailableLocalFlags() {
		b.WriteString("\n\nFlags:\n" + trimRightSpace(c.LocalFlags().FlagUsagesWrapped(80)))
	}
	if c.HasAvailableInheritedFlags() {
		b.WriteString("\n\nGlobal Flags:\n" + trimRightSpace(c.InheritedFlags().FlagUsagesWrapped(80)))
	}
	if c.HasHelpSubCommands() {
		b.WriteString("\n\nAdditional help topics:")
		for _, sub := range c.Commands() {
			if sub.IsAdditionalHelpTopicCommand() {
				b.WriteString("\n  " + rpad(sub.CommandPath(), sub.CommandPathPadding()) + " " + sub.Short)
			}
		}
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\nUse \"" + c.CommandPath() + " [command] --help\" for more information about a command.")
	}
	b.WriteString("\n")
}

// subcommands lists c's commands, under their groups' titles when c has
// groups.
func subcommands(b *strings.Builder, c *cobra.Command) {
	cmds := c.Commands()
	shown := func(sub *cobra.Command) bool { return sub.IsAvailableCommand() || sub.Name() == "help" }
	line := func(sub *cobra.Command) {
		b.WriteString("\n  " + rpad(sub.Name(), sub.NamePadding()) + " " + sub.Short)
	}
	if len(c.Groups()) == 0 {
		b.WriteString("\n\nAvailable Commands:")
		for _, sub := range cmds {
			if shown(sub) {
				line(sub)
			}
		}
		return
	}
	for _, g := range c.Groups() {
		b.WriteString("\n\n" + g.Title)
		for _, sub := range cmds {
			if sub.GroupID == g.ID && shown(sub) {
				line(sub)
			}
		}
	}
	if !c.AllChildCommandsHaveGroup() {
		b.WriteString("\n\nAdditional Commands:")
		for _, sub := range cmds {
			if sub.GroupID == "" && shown(sub) {
				line(sub)
			}
		}
	}
}

// rpad pads s with spaces to n runes, as cobra's template function does.
func rpad(s string, n int) string {
	if k := n - len([]rune(s)); k > 0 {
		return s + strings.Repeat(" ", k)
	}
	return s
}

func trimRightSpace(s string) string { return strings.TrimRightFunc(s, unicode.IsSpace) }

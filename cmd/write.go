package cmd

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"journal/journal"
)

type writeOptions struct {
	tags    []string
	at      string
	private bool
	json    bool
}

func newCmdWrite(f *Factory) *cobra.Command {
	var o writeOptions
	c := &cobra.Command{
		Use:     "write [TEXT…]",
		Aliases: []string{"w", "new"},
		Short:   "Write a free journal entry",
		Long: `Write a free entry. The text comes from the arguments, else from standard
input when it is piped, else from your editor: $VISUAL, else $EDITOR. The
text stays in a private file until it is saved; if the save fails, the
message names that file. With neither set, a text box here: enter starts a
new line, tab or ctrl+s saves, esc stops and keeps the text as a draft.

Words typed as arguments are kept in your shell's history. For anything
sensitive, run "journal write" alone to use the editor, or pipe the text in.

#tags inside the text are picked up, as are --tag flags. Text that starts
with a dash goes after --, so it is not read as a flag:
journal write -- "-5 degrees, and still walked".`,
		Annotations: map[string]string{freeText: "true"},
		Example: `  journal write "Long walk after work. Felt steadier. #walk"
  journal write --at "yesterday 21:30" --tag evening
  echo "Hard evening, called Sam instead." | journal write --private`,
		RunE: func(c *cobra.Command, args []string) error { return writeRun(c, f, &o, args) },
	}
	c.Flags().StringArrayVarP(&o.tags, "tag", "t", nil, "add a `tag` (repeatable)")
	c.Flags().StringVar(&o.at, "at", "", "when it happened, like \"yesterday 9:30pm\" or \"Nov 20 at 21:30\" (default now)")
	c.Flags().BoolVar(&o.private, "private", false, "keep this entry out of exports")
	c.Flags().BoolVar(&o.json, "json", false, "print the saved entry as JSON")
	return c
}

func writeRun(c *cobra.Command, f *Factory, o *writeOptions, args []string) error {
	now := f.Now()
	at := now
	if o.at != "" {
		var err error
		if at, err = pastWhen("at", o.at, now); err != nil {
			return err
		}
	}
	flagTags, err := validTags(o.tags)
	if err != nil {
		return err
	}
	if len(args) == 0 && f.IO.InTTY && !f.NoInput {
		// The editor is next: find out now if the journal file there cannot
		// be used, not after a whole entry has been written.
		if _, err := f.existingStore(c.Context()); err != nil {
			return err
		}
	}
	text, ed, err := f.readText(c.Context(), args, "", 0)
	if err != nil {
		return err
	}
	defer ed.Release()
	body := strings.TrimSpace(text)
	if body == "" {
		if len(args) == 0 && f.IO.InTTY {
			// The person has just been in the editor: say what happened
			// rather than suggest the editor.
			return journal.Invalid("nothing to save: the editor was closed with no text in it")
		}
		return noText()
	}
	st, err := f.Store(c.Context())
	if err != nil {
		return ed.Keep(err, f.command(o.retry(at)))
	}
	e := journal.Entry{
		Kind:       journal.KindNote,
		OccurredAt: at,
		Body:       body,
		Tags:       journal.MergeTags(flagTags, journal.HashTags(body)),
		Private:    o.private,
	}
	if err := st.AddEntry(c.Context(), &e); err != nil {
		return ed.Keep(err, f.command(o.retry(at)))
	}
	ed.Saved()
	if o.json {
		return printJSON(f.IO.Out, e)
	}
	if f.IO.OutTTY {
		s := f.Styles()
		note := ""
		if e.Private {
			note = s.Dim.Render(" (private)")
		}
		fmt.Fprintf(f.IO.Out, "Saved entry %s%s.\n", s.Accent.Render(fmt.Sprint(e.ID)), note)
		return nil
	}
	fmt.Fprintln(f.IO.Out, e.ID)
	return nil
}

// retry is the command (after "journal") that saves text kept from the
// editor with the same choices, for the person to run once the journal can
// be written again. The time is the one this entry has now, written out in
// full: "yesterday" would be another day by then.
func (o *writeOptions) retry(at time.Time) string {
	cmd := "write --at " + at.Format(time.RFC3339)
	for _, t := range o.tags {
		cmd += " --tag " + shellQuote(t)
	}
	if o.private {
		cmd += " --private"
	}
	return cmd
}

func validTags(raw []string) ([]string, error) {
	var out []string
	for _, r := range raw {
		t, err := journal.ValidateTag(r)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

func noText() error {
	return journal.Invalid(`nothing to save: the entry is empty; give the text as arguments, pipe it in, or run "journal write" at a terminal to use your editor`)
}

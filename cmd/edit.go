package cmd

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"journal/journal"
)

func newCmdEdit(f *Factory) *cobra.Command {
	var (
		text    string
		hasText bool
		tags    []string
	)
	c := &cobra.Command{
		Use:   "edit ID",
		Short: "Change the text of an entry",
		Long: `Change an entry's text: with --text, from piped standard input, or in your
$VISUAL or $EDITOR at a terminal (with neither set, a text box here: enter
starts a new line, tab saves). #tags follow the new text; tags given
with --tag are added (with only --tag and nothing piped in, the text stays).`,
		Example: `  journal edit 12
  journal edit 12 --tag sleep
  journal edit 12 --text "Walked by the river. #walk"`,
		Args: exactArgs(1, "an entry id"),
		RunE: func(c *cobra.Command, args []string) error {
			hasText = c.Flags().Changed("text")
			id, err := parseID(args[0])
			if err != nil {
				return err
			}
			extra, err := validTags(tags)
			if err != nil {
				return err
			}
			st, err := f.Store(c.Context())
			if err != nil {
				return err
			}
			e, err := st.Entry(c.Context(), id)
			if errors.Is(err, journal.ErrNotFound) {
				return notFound(id)
			}
			if err != nil {
				return err
			}
			if e.DeletedAt != nil {
				return isDeleted(id, false)
			}
			var raw string
			if hasText {
				raw = text
			} else if raw, err = f.readText(nil, e.Body); err != nil {
				return err
			}
			body := strings.TrimSpace(raw)
			if body == "" && !hasText && !f.IO.InTTY && len(extra) > 0 {
				// --tag alone with nothing piped in adds the tags; the
				// text stays as it is.
				body = e.Body
			}
			if body == "" && e.Kind == journal.KindNote {
				return journal.Invalid("the new text is empty, so entry %d was left as it was; to remove it use journal delete %d", id, id)
			}
			// Tags written as #tags follow the text; the others stay.
			oldHash := journal.HashTags(e.Body)
			kept := slices.DeleteFunc(slices.Clone(e.Tags), func(t string) bool { return slices.Contains(oldHash, t) })
			newTags := journal.MergeTags(kept, extra, journal.HashTags(body))
			if body == e.Body && slices.Equal(newTags, e.Tags) {
				fmt.Fprintf(f.IO.ErrOut, "No changes to entry %d.\n", id)
				return nil
			}
			if err := st.UpdateEntryText(c.Context(), id, body, newTags); err != nil {
				return err
			}
			fmt.Fprintf(f.IO.ErrOut, "Updated entry %d.\n", id)
			return nil
		},
	}
	c.Flags().StringVar(&text, "text", "", "the new `text` of the entry")
	c.Flags().StringArrayVarP(&tags, "tag", "t", nil, "add a `tag` (repeatable)")
	return c
}

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
		at      string
	)
	c := &cobra.Command{
		Use:   "edit ID",
		Short: "Change the text or the date of an entry",
		Long: `Change an entry's text: with --text, from piped standard input, or at a
terminal in your editor ($VISUAL, else $EDITOR; with neither, a text box
here); if the save fails, the message names where your text is kept. #tags
follow the new text; tags given with --tag are added (with only --tag and
nothing piped in, the text stays).

--at moves the entry to another time, for one written with the computer's
clock set wrong or logged later: "yesterday 21:30", "Nov 20 9pm", or a day
alone, which keeps the entry's own time of day. With only --at the text
stays as it is.`,
		Example: `  journal edit 12
  journal edit 12 --tag sleep
  journal edit 12 --text "Walked by the river. #walk"
  journal edit 12 --at "yesterday 21:30"
  journal edit 12 --at 2026-11-20`,
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
			if c.Flags().Changed("at") {
				moved, err := redate(c, f, e, at)
				if err != nil || (!hasText && len(extra) == 0) {
					return err
				}
				if moved {
					// The text and tags below are a change of their own.
					if e, err = st.Entry(c.Context(), id); err != nil {
						return err
					}
				}
			}
			var (
				raw string
				ed  *editedText
			)
			if hasText {
				raw = text
			} else if raw, ed, err = f.readText(c.Context(), nil, e.Body, id); err != nil {
				return err
			}
			defer ed.Release()
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
				return ed.Keep(err, f.command(fmt.Sprintf("edit %d", id)))
			}
			ed.Saved()
			fmt.Fprintf(f.IO.ErrOut, "Updated entry %d.\n", id)
			return nil
		},
	}
	c.Flags().StringVar(&text, "text", "", "the new `text` of the entry")
	c.Flags().StringArrayVarP(&tags, "tag", "t", nil, "add a `tag` (repeatable)")
	c.Flags().StringVar(&at, "at", "", "move the entry to `when`, like \"yesterday 21:30\" or 2026-11-20 (a day alone keeps its time of day)")
	return c
}

// redate moves e to the moment s names and says so on stderr. A day
// without a time keeps e's time of day: fixing a wrong year or day should
// not lose when in the day it happened. The new moment must have passed,
// though e itself may be dated in the future (a wrong clock).
func redate(c *cobra.Command, f *Factory, e journal.Entry, s string) (bool, error) {
	now := f.Now()
	w, err := journal.ParseWhen(s, now)
	if err != nil {
		return false, journal.Invalid("--at: %v", err)
	}
	at := w.Time
	if !w.HasTime {
		old := e.OccurredAt.In(now.Location())
		at = journal.LocalTime(w.Date.Year, w.Date.Month, w.Date.Day, old.Hour(), old.Minute(), old.Second(), now.Location())
	}
	if at.After(now) {
		return false, journal.Invalid("--at %s is in the future: give a time that has already passed", s)
	}
	if at.Equal(e.OccurredAt) {
		fmt.Fprintf(f.IO.ErrOut, "Entry %d is already at %s.\n", e.ID, at.Format("2006-01-02 15:04"))
		return false, nil
	}
	st, err := f.Store(c.Context())
	if err != nil {
		return false, err
	}
	if err := st.RedateEntry(c.Context(), e.ID, at); err != nil {
		return false, err
	}
	fmt.Fprintf(f.IO.ErrOut, "Moved entry %d from %s to %s.\n", e.ID,
		e.OccurredAt.In(now.Location()).Format("2006-01-02 15:04"), at.Format("2006-01-02 15:04"))
	return true, nil
}

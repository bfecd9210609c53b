package cmd

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"journal/journal"
)

func newCmdDelete(f *Factory) *cobra.Command {
	var yes bool
	c := &cobra.Command{
		Use:     "delete ID",
		Aliases: []string{"rm"},
		Short:   "Delete an entry (it can be restored)",
		Long: `Delete an entry. It leaves lists, searches, stats and exports, but stays in
the journal file: "journal list --deleted" shows it and "journal restore ID"
brings it back. At a terminal you are asked first; otherwise give --yes.`,
		Example: `  journal delete 12
  journal delete 12 --yes`,
		Args: exactArgs(1, "an entry id"),
		RunE: func(c *cobra.Command, args []string) error {
			id, err := parseID(args[0])
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
				return isDeleted(id, true)
			}
			if !yes {
				if !f.CanPrompt() {
					return journal.Invalid("deleting needs --yes when journal cannot ask you: journal delete %d --yes", id)
				}
				ok, err := f.confirmChange(c.Context(), fmt.Sprintf("Delete entry %d (%s, %q)?", id, e.Day, summary(e, 40)),
					"You can restore it later.", "Kept it.")
				if err != nil || !ok {
					return err
				}
			}
			if err := st.DeleteEntry(c.Context(), id); err != nil {
				return err
			}
			fmt.Fprintf(f.IO.ErrOut, "Deleted entry %d. To bring it back: journal restore %d\n", id, id)
			return nil
		},
	}
	c.Flags().BoolVarP(&yes, "yes", "y", false, "do not ask first")
	return c
}

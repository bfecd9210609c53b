package cmd

import (
	"bufio"
	"errors"
	"fmt"
	"strings"

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
				// Two lines, to fit 80 columns.
				fmt.Fprintf(f.IO.ErrOut, "Delete entry %d (%s, %q)?\nYou can restore it later. [y/N] ",
					id, e.Day, summary(e, 40))
				line, _ := bufio.NewReader(f.IO.In).ReadString('\n')
				if a := strings.ToLower(strings.TrimSpace(line)); a != "y" && a != "yes" {
					fmt.Fprintln(f.IO.ErrOut, "Kept it.")
					return nil
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

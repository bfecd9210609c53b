package cmd

import (
	"errors"

	"github.com/spf13/cobra"

	"journal/journal"
)

func newCmdShow(f *Factory) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:     "show ID",
		Short:   "Show one entry in full",
		Example: "  journal show 12",
		Args:    exactArgs(1, "an entry id"),
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
			e = e.In(f.Now().Location())
			if asJSON {
				return printJSON(f.IO.Out, e)
			}
			writeEntry(f.IO.Out, e, f.Styles(), f.IO.Width())
			return writeSessionLink(c, f, st, e)
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print the entry as JSON")
	return c
}

package cmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"journal/journal"
)

func newCmdTags(f *Factory) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:     "tags",
		Short:   "List tags with how many entries carry each",
		Example: "  journal tags\n  journal list --tag sleep",
		Args:    noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			st, err := f.Store(c.Context())
			if err != nil {
				return err
			}
			tags, err := st.Tags(c.Context())
			if err != nil {
				return err
			}
			if asJSON {
				if tags == nil {
					tags = []journal.TagCount{}
				}
				return printJSON(f.IO.Out, tags)
			}
			if len(tags) == 0 && f.IO.OutTTY {
				fmt.Fprintln(f.IO.ErrOut, "No tags yet. Add #tags in your text or --tag NAME.")
			}
			s := f.Styles()
			for _, t := range tags {
				if f.IO.OutTTY {
					fmt.Fprintf(f.IO.Out, "%5d  %s\n", t.Count, s.Label.Render("#"+journal.CleanLine(t.Tag)))
				} else {
					fmt.Fprintf(f.IO.Out, "%s\t%d\n", journal.CleanLine(t.Tag), t.Count)
				}
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print tags as a JSON array")
	return c
}

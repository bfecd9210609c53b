package cmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"journal/journal"
	"journal/storage"
)

func newCmdPurge(f *Factory) *cobra.Command {
	var yes bool
	c := &cobra.Command{
		Use:   "purge",
		Short: "Remove deleted entries for good, leaving no old text in the file",
		Long: `Remove deleted entries, sessions and calls for good, and rewrite the journal
file so that neither their text nor text you replaced with journal edit can be
read from it any more. This cannot be undone: journal restore ID no longer
brings those entries back.

Backups made before the purge still hold what was deleted; purge names the
ones in the backups folder, so you can remove them too. At a terminal you are
asked first; otherwise give --yes.`,
		Example: `  journal list --deleted
  journal purge
  journal purge --yes`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			ctx := c.Context()
			if err := f.mustExist(); err != nil {
				return err
			}
			// No daily copy now: it would keep what is about to go.
			st, err := f.storeWithoutBackup(ctx)
			if err != nil {
				return err
			}
			d, err := st.Deleted(ctx)
			if err != nil {
				return err
			}
			what := deletedWords(d)
			if !yes {
				if !f.CanPrompt() {
					return journal.Invalid("purging cannot be undone, so it needs --yes when journal cannot ask you: journal purge --yes")
				}
				question, detail := fmt.Sprintf("Remove %s for good?", what), "They cannot be restored afterwards."
				if d.Total() == 0 {
					question, detail = "Nothing is deleted. Rewrite the journal anyway?", "Text you replaced with journal edit is then gone from the file."
				}
				if ok, err := f.confirmChange(ctx, question, detail, "Nothing was removed."); err != nil || !ok {
					return err
				}
			}
			hold, maybe, herr := storage.BackupsHolding(ctx, st.Path(), d)
			if _, err := st.Purge(ctx); err != nil {
				return err
			}
			w := f.IO.ErrOut
			if d.Total() > 0 {
				fmt.Fprintf(w, "Removed %s for good. No deleted or replaced text is left in %s.\n", what, st.Path())
			} else {
				fmt.Fprintf(w, "Nothing was deleted; %s was rewritten, so no replaced text is left in it.\n", st.Path())
			}
			switch {
			case herr != nil:
				fmt.Fprintf(w, "Backups made before now may still hold them (%v).\n", herr)
			case len(hold)+len(maybe) > 0:
				if len(hold) > 0 {
					fmt.Fprintln(w, "These backups still hold them; delete the files to have them gone everywhere:")
					for _, p := range hold {
						fmt.Fprintf(w, "  %s\n", p)
					}
				}
				if len(maybe) > 0 {
					fmt.Fprintln(w, "These encrypted or unreadable backups may hold them:")
					for _, p := range maybe {
						fmt.Fprintf(w, "  %s\n", p)
					}
				}
			}
			if bs, _ := storage.Backups(st.Path()); len(bs) > 0 {
				fmt.Fprintf(w, "Backups made before now may also hold text you replaced with journal edit.\n")
			}
			return nil
		},
	}
	c.Flags().BoolVarP(&yes, "yes", "y", false, "do not ask first")
	return c
}

// deletedWords says what purge removes, like "2 entries and 1 session".
func deletedWords(d storage.Deleted) string {
	var parts []string
	if d.Entries > 0 {
		parts = append(parts, journal.Plural(d.Entries, "deleted entry", "deleted entries"))
	}
	if d.Sessions > 0 {
		parts = append(parts, journal.Plural(d.Sessions, "deleted session", "deleted sessions"))
	}
	if d.Calls > 0 {
		parts = append(parts, journal.Plural(d.Calls, "deleted call", "deleted calls"))
	}
	if len(parts) == 0 {
		return "nothing"
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

package cmd

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"journal/journal"
	"journal/storage"
)

func newCmdCall(f *Factory) *cobra.Command {
	c := &cobra.Command{
		Use:   "call",
		Short: "Coaching calls: log them, so reports can start from the last one",
		Example: `  journal call add --note "Talked about evenings"
  journal call list
  journal report --since last-call`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	c.AddCommand(newCmdCallAdd(f), newCmdCallList(f), newCmdCallDelete(f))
	return c
}

func newCmdCallAdd(f *Factory) *cobra.Command {
	var date, note string
	c := &cobra.Command{
		Use:   "add",
		Short: "Log a coaching call (today unless --date)",
		Example: `  journal call add
  journal call add --date yesterday --note "Planned the weekend"`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			now := f.Now()
			day := journal.DateOf(now)
			if date != "" {
				var err error
				if day, err = dayFlag("date", date, now); err != nil {
					return err
				}
				if day.After(journal.DateOf(now)) {
					return journal.Invalid("--date %s is in the future: log a call once it has happened", date)
				}
			}
			st, err := f.Store(c.Context())
			if err != nil {
				return err
			}
			call := journal.Call{Day: day, Note: strings.TrimSpace(note)}
			if err := st.AddCall(c.Context(), &call); err != nil {
				return err
			}
			fmt.Fprintf(f.IO.ErrOut, "Logged call %d on %s.\n", call.ID, call.Day)
			return nil
		},
	}
	c.Flags().StringVar(&date, "date", "", "the `day` of the call (default today)")
	c.Flags().StringVar(&note, "note", "", "a line about the call")
	return c
}

func newCmdCallList(f *Factory) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "List coaching calls, newest first",
		Example: "  journal call list\n  journal call list --json",
		Args:    noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			st, err := f.Store(c.Context())
			if err != nil {
				return err
			}
			calls, err := st.Calls(c.Context())
			if err != nil {
				return err
			}
			if asJSON {
				return printJSON(f.IO.Out, calls)
			}
			if len(calls) == 0 && f.IO.OutTTY {
				fmt.Fprintln(f.IO.ErrOut, "No calls logged yet. After a call: journal call add")
			}
			s := f.Styles()
			for _, call := range calls {
				if f.IO.OutTTY {
					// The note gets what is left of the line (57 cells of 80).
					fmt.Fprintf(f.IO.Out, "%s  %s  %s\n", s.Accent.Render(fmt.Sprintf("%4d", call.ID)),
						s.Dim.Render(call.Day.In(f.Now().Location()).Format("Mon 02 Jan 2006")), firstLine(call.Note, f.IO.Width()-23))
				} else {
					fmt.Fprintf(f.IO.Out, "%d\t%s\t%s\n", call.ID, call.Day, journal.CleanLine(call.Note))
				}
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print calls as a JSON array")
	return c
}

func newCmdCallDelete(f *Factory) *cobra.Command {
	var yes bool
	c := &cobra.Command{
		Use:     "delete N",
		Aliases: []string{"rm"},
		Short:   "Remove a call logged by mistake",
		Long: `Remove a call logged by mistake. At a terminal you are asked first;
otherwise give --yes, as with journal delete.`,
		Example: "  journal call delete 3\n  journal call delete 3 --yes",
		Args:    exactArgs(1, "a call number"),
		RunE: func(c *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(strings.TrimPrefix(args[0], "#"), 10, 64)
			if err != nil || id <= 0 {
				return journal.Invalid("a call number is a whole number like 3, got %s (see journal call list)", journal.Quote(args[0]))
			}
			st, err := f.Store(c.Context())
			if err != nil {
				return err
			}
			if !yes {
				call, err := findCall(c.Context(), st, id)
				if err != nil {
					return err
				}
				if !f.CanPrompt() {
					return journal.Invalid("deleting needs --yes when journal cannot ask you: journal call delete %d --yes", id)
				}
				ok, err := f.confirmChange(c.Context(), fmt.Sprintf("Remove call %d (%s)?", id, call.Day), "", "Kept it.")
				if err != nil || !ok {
					return err
				}
			}
			if err := st.DeleteCall(c.Context(), id); errors.Is(err, journal.ErrNotFound) {
				return journal.Invalid("no call %d: see journal call list", id)
			} else if err != nil {
				return err
			}
			fmt.Fprintf(f.IO.ErrOut, "Removed call %d.\n", id)
			return nil
		},
	}
	c.Flags().BoolVarP(&yes, "yes", "y", false, "do not ask first")
	return c
}

// findCall looks a call up by its number among the logged ones.
func findCall(ctx context.Context, st *storage.Store, id int64) (journal.Call, error) {
	calls, err := st.Calls(ctx)
	if err != nil {
		return journal.Call{}, err
	}
	for _, call := range calls {
		if call.ID == id {
			return call, nil
		}
	}
	return journal.Call{}, journal.Invalid("no call %d: see journal call list", id)
}

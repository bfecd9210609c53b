package cmd

import (
	"bufio"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"journal/journal"
)

type listOptions struct {
	since, until, kind, tag string
	limit                   int
	deleted, json           bool
}

func newCmdList(f *Factory) *cobra.Command {
	var o listOptions
	c := &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "List entries, newest first",
		Example: `  journal list
  journal list --since "last monday" --kind note
  journal list --since last-call
  journal list --tag sleep -n 50
  journal list --deleted`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error { return listRun(c, f, &o) },
	}
	fl := c.Flags()
	fl.StringVar(&o.since, "since", "", "only entries on or after this `day`, or first-session, last-session, last-call")
	fl.StringVar(&o.until, "until", "", "only entries on or before this `day`")
	fl.StringVar(&o.kind, "kind", "", "only this `kind`: note, guided, craving or checkin")
	fl.StringVar(&o.tag, "tag", "", "only entries with this `tag`")
	fl.IntVarP(&o.limit, "limit", "n", 20, "show at most `N` entries (0 for all)")
	fl.BoolVar(&o.deleted, "deleted", false, "list deleted entries instead (they can be restored)")
	fl.BoolVar(&o.json, "json", false, "print entries as a JSON array")
	c.RegisterFlagCompletionFunc("kind", cobra.FixedCompletions(kindNames(), cobra.ShellCompDirectiveNoFileComp))
	return c
}

func listRun(c *cobra.Command, f *Factory, o *listOptions) error {
	now := f.Now()
	var (
		flt journal.Filter
		err error
	)
	w, err := parseWindow(o.since, o.until, now, "")
	if err != nil {
		return err
	}
	if o.kind != "" {
		if flt.Kind, err = journal.ParseKind(o.kind); err != nil {
			return err
		}
	}
	if o.tag != "" || c.Flags().Changed("tag") {
		if flt.Tag, err = journal.ValidateTag(o.tag); err != nil {
			return err
		}
	}
	if o.limit < 0 {
		return journal.Invalid("--limit must be 0 (all) or more, got %d", o.limit)
	}
	flt.Limit, flt.Deleted = o.limit, o.deleted
	st, err := f.Store(c.Context())
	if err != nil {
		return err
	}
	if flt.Since, flt.Until, err = w.resolve(c.Context(), st, now); err != nil {
		return err
	}
	// Rows go out as they are read, a page at a time: ten years of entries
	// are never held at once.
	out := bufio.NewWriter(f.IO.Out)
	n := 0
	var each func(journal.Entry) error
	if o.json {
		each = jsonArrayElement[journal.Entry](out, &n)
	} else {
		s, width := f.Styles(), f.IO.Width()
		each = func(e journal.Entry) error {
			n++
			writeEntryRows(out, []journal.Entry{e}, f.IO.OutTTY, s, width)
			return nil
		}
	}
	err = st.EachEntry(c.Context(), flt, func(e journal.Entry) error { return each(e.In(now.Location())) })
	if err == nil && o.json {
		_, err = io.WriteString(out, map[bool]string{true: "[]\n", false: "\n]\n"}[n == 0])
	}
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil || o.json {
		return err
	}
	if n == 0 {
		if f.IO.OutTTY {
			msg := "No entries here yet. Write one with: journal write"
			switch {
			case o.deleted:
				msg = "No deleted entries."
			case o.since != "" || o.until != "" || o.kind != "" || o.tag != "":
				// The journal may well have entries; these filters left none.
				msg = "No entries match."
			}
			fmt.Fprintln(f.IO.ErrOut, msg)
		}
	}
	return nil
}

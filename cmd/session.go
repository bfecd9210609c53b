package cmd

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"journal/journal"
	"journal/storage"
)

func newCmdSession(f *Factory) *cobra.Command {
	c := &cobra.Command{
		Use:     "session",
		Aliases: []string{"sessions"},
		Short:   "Record ketamine sessions, past and planned",
		Long: `Sessions are numbered 1, 2, 3… in date order. Intentions link to the next
session (or today's), reflections and integrations to the most recent one.`,
		Example: `  journal session add --date 2026-12-04 --setting clinic
  journal session list
  journal session show 2`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	c.AddCommand(newCmdSessionAdd(f), newCmdSessionList(f), newCmdSessionShow(f),
		newCmdSessionEdit(f), newCmdSessionDelete(f))
	return c
}

// sessionFlags are the details add and edit share.
type sessionFlags struct {
	date, setting, route, note string
	dose                       float64
}

func (o *sessionFlags) register(c *cobra.Command, editing bool) {
	fl := c.Flags()
	dateHelp := "the `day` of the session, past or planned, like \"next friday\" (default today)"
	doseHelp := "the dose in `mg`, as your program recorded it"
	if editing {
		dateHelp = "move the session to this `day`"
		doseHelp = "the dose in `mg` (0 removes it)"
	}
	fl.StringVar(&o.date, "date", "", dateHelp)
	fl.StringVar(&o.setting, "setting", "", "where it happens: "+strings.Join(journal.Settings, " or "))
	fl.StringVar(&o.route, "route", "", "how the medicine was given: "+strings.Join(journal.Routes, ", "))
	fl.Float64Var(&o.dose, "dose-mg", 0, doseHelp)
	fl.StringVar(&o.note, "note", "", "a short `note`")
	c.RegisterFlagCompletionFunc("setting", cobra.FixedCompletions(journal.Settings, cobra.ShellCompDirectiveNoFileComp))
	c.RegisterFlagCompletionFunc("route", cobra.FixedCompletions(journal.Routes, cobra.ShellCompDirectiveNoFileComp))
}

// apply copies the flags that were given onto ses.
func (o *sessionFlags) apply(c *cobra.Command, f *Factory, ses *journal.Session, editing bool) error {
	fl := c.Flags()
	var err error
	if fl.Changed("date") {
		if ses.Day, err = journal.ParseDay(o.date, f.Now()); err != nil {
			return journal.Invalid("--date: %v", err)
		}
	}
	if fl.Changed("setting") {
		if ses.Setting, err = journal.ParseSetting(o.setting); err != nil {
			return err
		}
	}
	if fl.Changed("route") {
		if ses.Route, err = journal.ParseRoute(o.route); err != nil {
			return err
		}
	}
	if fl.Changed("dose-mg") {
		switch {
		case editing && o.dose == 0:
			ses.DoseMg = nil
		default:
			if err := journal.ValidDose(o.dose); err != nil {
				return journal.Invalid("--dose-mg: %v", err)
			}
			d := o.dose
			ses.DoseMg = &d
		}
	}
	if fl.Changed("note") {
		ses.Note = strings.TrimSpace(o.note)
	}
	return nil
}

func newCmdSessionAdd(f *Factory) *cobra.Command {
	var (
		o      sessionFlags
		asJSON bool
	)
	c := &cobra.Command{
		Use:   "add",
		Short: "Add a session, past or planned",
		Example: `  journal session add
  journal session add --date "next friday" --setting home --route sublingual
  journal session add --date yesterday --setting clinic --note "Felt held"`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			ses := journal.Session{Day: journal.DateOf(f.Now())}
			if err := o.apply(c, f, &ses, false); err != nil {
				return err
			}
			st, err := f.Store(c.Context())
			if err != nil {
				return err
			}
			if err := st.AddSession(c.Context(), &ses); err != nil {
				return err
			}
			if asJSON {
				return printJSON(f.IO.Out, ses)
			}
			if !f.IO.OutTTY {
				fmt.Fprintln(f.IO.Out, ses.Number)
				return nil
			}
			fmt.Fprintf(f.IO.Out, "Added session %s, %s%s.\n", f.Styles().Accent.Render(strconv.Itoa(ses.Number)),
				longDay(ses.Day), planned(f, ses))
			return nil
		},
	}
	o.register(c, false)
	c.Flags().BoolVar(&asJSON, "json", false, "print the saved session as JSON")
	return c
}

func newCmdSessionList(f *Factory) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "List sessions in date order",
		Example: "  journal session list\n  journal session list --json",
		Args:    noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			st, err := f.Store(c.Context())
			if err != nil {
				return err
			}
			all, err := st.Sessions(c.Context())
			if err != nil {
				return err
			}
			if asJSON {
				if all == nil {
					all = []journal.Session{}
				}
				return printJSON(f.IO.Out, all)
			}
			if len(all) == 0 && f.IO.OutTTY {
				fmt.Fprintln(f.IO.ErrOut, "No sessions yet. Add one with: journal session add --date 2026-12-04")
			}
			s := f.Styles()
			for _, ses := range all {
				if !f.IO.OutTTY {
					fmt.Fprintf(f.IO.Out, "%d\t%s\t%s\t%s\t%s\t%s\n", ses.Number, ses.Day, ses.Setting, ses.Route, dose(ses), journal.CleanLine(ses.Note))
					continue
				}
				num, day := fmt.Sprintf("%3d", ses.Number), ses.Day.In(time.UTC).Format("Mon 02 Jan 2006")
				parts := []string{s.Accent.Render(num), s.Dim.Render(day)}
				width := len(num) + 2 + len(day) // plain cells so far
				if p := strings.TrimSpace(planned(f, ses)); p != "" {
					parts = append(parts, s.Label.Render(p))
					width += 2 + ansi.StringWidth(p)
				}
				if d := sessionDetails(ses); d != "" {
					parts = append(parts, d)
					width += 2 + ansi.StringWidth(d)
				}
				// The note gets what is left of the line.
				if room := f.IO.Width() - width - 2; ses.Note != "" && room >= 8 {
					parts = append(parts, s.Dim.Render(firstLine(ses.Note, room)))
				}
				fmt.Fprintln(f.IO.Out, strings.Join(parts, "  "))
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print sessions as a JSON array")
	return c
}

type sessionJSON struct {
	journal.Session
	Entries []journal.Entry `json:"entries"`
}

func newCmdSessionShow(f *Factory) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:     "show N",
		Short:   "Show a session and its intention, reflection and other entries",
		Example: "  journal session show 2",
		Args:    exactArgs(1, "a session number"),
		RunE: func(c *cobra.Command, args []string) error {
			st, ses, err := findSession(c, f, args[0])
			if err != nil {
				return err
			}
			entries, err := st.SessionEntries(c.Context(), ses.ID)
			if err != nil {
				return err
			}
			if asJSON {
				if entries == nil {
					entries = []journal.Entry{}
				}
				return printJSON(f.IO.Out, sessionJSON{ses, entries})
			}
			s := f.Styles()
			fmt.Fprintln(f.IO.Out, s.Title.Render(fmt.Sprintf("Session %d · %s%s", ses.Number, longDay(ses.Day), planned(f, ses))))
			if d := sessionDetails(ses); d != "" {
				fmt.Fprintln(f.IO.Out, s.Dim.Render(d))
			}
			if ses.Note != "" {
				fmt.Fprintf(f.IO.Out, "\n%s\n", wrapText(journal.CleanText(ses.Note), f.IO.Width()))
			}
			fmt.Fprintln(f.IO.Out)
			if len(entries) == 0 {
				fmt.Fprintln(f.IO.Out, s.Dim.Render(wrapText("No entries linked yet. Before: journal intention · after: journal reflect", f.IO.Width())))
				return nil
			}
			fmt.Fprintln(f.IO.Out, s.Label.Render("Entries"))
			if !f.IO.OutTTY {
				writeEntryRows(f.IO.Out, entries, false, s, f.IO.Width())
				return nil
			}
			for _, e := range entries {
				// The prompt set says more here than the kind: intention,
				// reflection, integration.
				what := string(e.Kind)
				if e.PromptSet != "" {
					what = e.PromptSet
				}
				// The summary gets what is left of the line after id,
				// time and set (40 cells of 80).
				room := f.IO.Width() - 40
				text, private := summary(e, room), ""
				if e.Private {
					// Marked as list marks it, within the line.
					text, private = summary(e, room-11), "  "+s.Dim.Render("(private)")
				}
				fmt.Fprintf(f.IO.Out, "%s  %s  %s  %s%s\n", s.Accent.Render(fmt.Sprintf("%4d", e.ID)),
					s.Dim.Render(e.OccurredAt.Format("Mon 02 Jan 15:04")), s.Label.Render(fmt.Sprintf("%-11s", what)), text, private)
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print the session and its entries as JSON")
	return c
}

func newCmdSessionEdit(f *Factory) *cobra.Command {
	var o sessionFlags
	c := &cobra.Command{
		Use:   "edit N",
		Short: "Change a session's day or details",
		Example: `  journal session edit 3 --date 2026-12-11
  journal session edit 2 --note "Music helped a lot"`,
		Args: exactArgs(1, "a session number"),
		RunE: func(c *cobra.Command, args []string) error {
			if c.Flags().NFlag() == 0 {
				return journal.Invalid("nothing to change: give --date, --setting, --route, --dose-mg or --note")
			}
			st, ses, err := findSession(c, f, args[0])
			if err != nil {
				return err
			}
			if err := o.apply(c, f, &ses, true); err != nil {
				return err
			}
			if err := st.UpdateSession(c.Context(), ses); err != nil {
				return err
			}
			moved, err := st.SessionByID(c.Context(), ses.ID)
			if err != nil {
				return err
			}
			msg := fmt.Sprintf("Updated session %d.", moved.Number)
			if moved.Number != ses.Number {
				msg = fmt.Sprintf("Updated the session; in date order it is now session %d.", moved.Number)
			}
			fmt.Fprintln(f.IO.ErrOut, msg)
			return nil
		},
	}
	o.register(c, true)
	return c
}

func newCmdSessionDelete(f *Factory) *cobra.Command {
	var yes bool
	c := &cobra.Command{
		Use:     "delete N",
		Aliases: []string{"rm"},
		Short:   "Delete a session (its entries stay)",
		Example: "  journal session delete 3\n  journal session delete 3 --yes",
		Args:    exactArgs(1, "a session number"),
		RunE: func(c *cobra.Command, args []string) error {
			st, ses, err := findSession(c, f, args[0])
			if err != nil {
				return err
			}
			if !yes {
				if !f.CanPrompt() {
					return journal.Invalid("deleting needs --yes when journal cannot ask you: journal session delete %d --yes", ses.Number)
				}
				ok, err := f.confirmChange(c.Context(), fmt.Sprintf("Delete session %d (%s)?", ses.Number, ses.Day),
					"Its entries stay in your journal.", "Kept it.")
				if err != nil || !ok {
					return err
				}
			}
			if err := st.DeleteSession(c.Context(), ses.ID); err != nil {
				return err
			}
			// Two lines, to fit 80 columns.
			fmt.Fprintf(f.IO.ErrOut, "Deleted session %d (%s). Its entries are still in your journal;\nlater sessions move up by one.\n", ses.Number, ses.Day)
			return nil
		},
	}
	c.Flags().BoolVarP(&yes, "yes", "y", false, "do not ask first")
	return c
}

// parseSessionNumber reads a session number as typed.
func parseSessionNumber(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimPrefix(strings.TrimSpace(s), "#"))
	if err != nil || n <= 0 {
		return 0, journal.Invalid("a session number is a whole number like 2, got %s", journal.Quote(s))
	}
	return n, nil
}

func findSession(c *cobra.Command, f *Factory, arg string) (*storage.Store, journal.Session, error) {
	n, err := parseSessionNumber(arg)
	if err != nil {
		return nil, journal.Session{}, err
	}
	st, err := f.Store(c.Context())
	if err != nil {
		return nil, journal.Session{}, err
	}
	ses, err := st.SessionByNumber(c.Context(), n)
	if errors.Is(err, journal.ErrNotFound) {
		return nil, ses, noSession(n)
	}
	return st, ses, err
}

func noSession(n int) error {
	return journal.Invalid("no session %d: see journal session list", n)
}

func longDay(d journal.Date) string { return d.In(time.UTC).Format("Monday 2 January 2006") }

func planned(f *Factory, ses journal.Session) string {
	if ses.Day.After(journal.DateOf(f.Now())) {
		return " (planned)"
	}
	return ""
}

func dose(ses journal.Session) string {
	if ses.DoseMg == nil {
		return ""
	}
	return strconv.FormatFloat(*ses.DoseMg, 'f', -1, 64) + " mg"
}

// sessionDetails is setting, route and dose, as far as recorded.
func sessionDetails(ses journal.Session) string {
	var parts []string
	for _, p := range []string{ses.Setting, ses.Route, dose(ses)} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}

// writeSessionLink ends an entry's view with the session it belongs to.
func writeSessionLink(c *cobra.Command, f *Factory, st *storage.Store, e journal.Entry) error {
	if e.SessionID == nil {
		return nil
	}
	ses, err := st.SessionByID(c.Context(), *e.SessionID)
	if errors.Is(err, journal.ErrNotFound) {
		return nil // the session was deleted; the entry stands on its own
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(f.IO.Out, "\n%s\n", f.Styles().Dim.Render(fmt.Sprintf("For session %d, %s.", ses.Number, longDay(ses.Day))))
	return nil
}

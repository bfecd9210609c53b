package cmd

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/spf13/cobra"

	"journal/journal"
	page "journal/journal/report"
	"journal/journal/stats"
	"journal/storage"
)

type reportOptions struct {
	since, until, format, out string
}

func newCmdReport(f *Factory) *cobra.Command {
	var o reportOptions
	c := &cobra.Command{
		Use:   "report",
		Short: "One page for your coach: the time since your last call",
		Long: `Make the one page a coach wants: alcohol-free days and the other drinking
measures beside the same number of days before, the craving trend, top
triggers and what helped, sessions with what you wanted to bring to your
coach, and the days without a check-in.

The period runs from your last coaching call (journal call add) to today;
with no call logged yet, it is the last 30 days, and the report says so.
--since also takes first-session, last-session and last-call.

The report is meant to be shared: entries marked private are never in it,
in any format, and are not counted in its numbers either.

--format text prints for the terminal; md is Markdown; html is one
self-contained page (no scripts, nothing fetched) that prints cleanly to
PDF from a browser. -o FILE writes the file readable by you alone (-o -
is standard output); without
--format, a .md or .html name picks the format.`,
		Example: `  journal report
  journal report --format html -o report.html
  journal report --since "30 days ago" --format md
  journal report --since last-session`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error { return reportRun(c.Context(), f, &o) },
	}
	fl := c.Flags()
	fl.StringVar(&o.since, "since", "", "first `day`, or first-session, last-session, last-call (default: the last call, else 30 days)")
	fl.StringVar(&o.until, "until", "", "last `day` of the period (default today)")
	fl.StringVar(&o.format, "format", "", "text, md or html (default text, or from the -o file name)")
	fl.StringVarP(&o.out, "output", "o", "", "write the report to `file` (mode 0600) instead of printing it")
	c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(reportFormats, cobra.ShellCompDirectiveNoFileComp))
	return c
}

func reportRun(ctx context.Context, f *Factory, o *reportOptions) error {
	now := f.Now()
	if toStdout(o.out) {
		o.out = ""
	}
	if namedEncrypted(o.out) {
		return journal.Invalid("%s is named like an encrypted file, but the report is not encrypted: use a name without .age, or journal export --encrypt-to KEY for an encrypted copy", o.out)
	}
	format, err := reportFormat(o.format, o.out)
	if err != nil {
		return err
	}
	win, err := parseWindow(o.since, o.until, now, "reports")
	if err != nil {
		return err
	}
	store, err := f.Store(ctx)
	if err != nil {
		return err
	}
	var (
		in    page.Input
		basis page.Basis
	)
	// The whole report comes from one moment of the journal, like an export.
	err = store.Snapshot(ctx, func(st *storage.Store) error {
		sinceDay, to, err := win.resolve(ctx, st, now)
		if err != nil {
			return err
		}
		lastCall, hasCall, err := st.LastCallDay(ctx, to)
		if err != nil {
			return err
		}
		var from journal.Date
		from, basis = page.Period(sinceDay, to, lastCall, hasCall)
		if win.since.anchor == "last-call" {
			basis = page.BasisLastCall
		}
		in, err = reportInput(ctx, f, st, from, to)
		return err
	})
	if err != nil {
		return err
	}
	in.Basis, in.Today = basis, journal.DateOf(now)
	r := page.Build(in)

	write := func(w io.Writer, styled bool) error {
		switch format {
		case "md":
			return page.Markdown(w, r)
		case "html":
			return page.HTML(w, r)
		}
		var s page.Style
		if styled {
			st := f.Styles()
			render := func(l lipgloss.Style) func(string) string { return func(t string) string { return l.Render(t) } }
			s = page.Style{Title: render(st.Title), Label: render(st.Label), Dim: render(st.Dim), Good: render(st.Good)}
		}
		return page.Text(w, r, s)
	}
	if o.out == "" {
		return write(f.IO.Out, f.IO.Color && !f.NoColor)
	}
	// A report killed earlier may have left a whole copy behind.
	removeStaleTemps(filepath.Dir(o.out), f.Now())
	if err := writeFileAtomic(o.out, func(w io.Writer) error { return write(w, false) }); err != nil {
		return err
	}
	fmt.Fprintf(f.IO.ErrOut, "Wrote the report for %s to %s.\n", r.Period, o.out)
	return nil
}

// reportFormat checks --format, or picks one from the -o file name.
func reportFormat(format, out string) (string, error) {
	if format == "" {
		switch strings.ToLower(filepath.Ext(out)) {
		case ".md", ".markdown":
			return "md", nil
		case ".html", ".htm":
			return "html", nil
		}
		return "text", nil
	}
	name := strings.ToLower(strings.TrimSpace(format))
	if slices.Contains(reportFormats, name) {
		return name, nil
	}
	if name, ok := reportFormatNames[name]; ok {
		return name, nil
	}
	return "", journal.Invalid("unknown --format %s: use %s", journal.Quote(format), orList(reportFormats))
}

// reportFormats are the formats of the report, as --format takes them and
// shell completion offers them; reportFormatNames are the other words
// people type for them, taken too.
var (
	reportFormats     = []string{"text", "md", "html"}
	reportFormatNames = map[string]string{"txt": "text", "markdown": "md"}
)

// reportInput reads what the report shows, private entries left out by
// the shared reads, for from..to and the same number of days before.
func reportInput(ctx context.Context, f *Factory, st *storage.Store, from, to journal.Date) (page.Input, error) {
	var in page.Input
	cfg, err := f.Config()
	if err != nil {
		return in, err
	}
	cur, err := st.SharedStatsInput(ctx, from, to, heavyOf(cfg))
	if err != nil {
		return in, err
	}
	pFrom, pTo := page.Previous(from, to)
	prev, err := st.SharedStatsInput(ctx, pFrom, pTo, heavyOf(cfg))
	if err != nil {
		return in, err
	}
	in.Current, in.Previous, in.Drinks = stats.Compute(cur), stats.Compute(prev), cur.DrinkDays
	// Private questionnaires stay out, like every private entry.
	if err := addQuestionnaires(ctx, f, st, &in.Current, false); err != nil {
		return in, err
	}
	sessions, err := st.Sessions(ctx)
	if err != nil {
		return in, err
	}
	for _, s := range sessions {
		if s.Day.Before(from) || s.Day.After(to) {
			continue
		}
		es, err := st.SharedSessionEntries(ctx, s.ID)
		if err != nil {
			return in, err
		}
		in.Sessions = append(in.Sessions, page.SessionInput{Session: s, Entries: es})
	}
	if in.Guided, err = st.SharedGuidedEntries(ctx, from, to); err != nil {
		return in, err
	}
	if in.CheckinDays, err = st.SharedCheckinDays(ctx, from, to); err != nil {
		return in, err
	}
	calls, err := st.Calls(ctx)
	if err != nil {
		return in, err
	}
	for _, c := range calls {
		if !c.Day.Before(from) && !c.Day.After(to) {
			in.CallDays = append(in.CallDays, c.Day)
		}
	}
	slices.SortFunc(in.CallDays, func(a, b journal.Date) int { return a.DaysSince(b) })
	return in, nil
}

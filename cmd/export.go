package cmd

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"filippo.io/age"
	"github.com/spf13/cobra"

	"journal/journal"
	"journal/journal/export"
	"journal/journal/stats"
	"journal/prompts"
	"journal/storage"
)

type exportOptions struct {
	format          string
	since, until    string
	kinds           []string
	includePrivate  bool
	out             string
	encryptTo       []string
	recipientsFiles []string
	passphrase      bool
	armor           bool
}

// exportFormat reads a --format value, or a file ending that picks one
// when --format is left out.
func exportFormat(name string) (string, bool) {
	if slices.Contains(exportFormats, name) {
		return name, true
	}
	format, ok := exportFormatNames[name]
	return format, ok
}

// exportFormats are the formats export writes, as --format takes them and
// shell completion offers them; exportFormatNames are other names for them
// that are taken too.
var (
	exportFormats     = []string{"md", "html", "json", "csv"}
	exportFormatNames = map[string]string{"markdown": "md", "htm": "html"}
)

// kindMeasure is the --kind of export that means questionnaire entries,
// besides the kinds of entry.
const kindMeasure = "measure"

// exportKinds are what export's --kind takes: the kinds of entry, and
// kindMeasure.
func exportKinds() []string { return append(kindNames(), kindMeasure) }

func newCmdExport(f *Factory) *cobra.Command {
	var o exportOptions
	c := &cobra.Command{
		Use:   "export",
		Short: "Export the journal for your coach: Markdown, HTML, JSON or CSV",
		Long: `Export a window of the journal as a readable document (md, html), a complete
record to share (json, which journal import reads back) or a spreadsheet
(csv: one row per day; with --kind craving one row per craving). To move to
another computer or keep a copy of everything, use journal backup instead.

Private entries stay out unless --include-private. Without -o the export
goes to standard output (so does -o -); -o writes the file whole or not
at all, readable only by you. A file name with .age in it is only written
encrypted.

--encrypt-to encrypts it for your coach with their public key, so it can
travel by email or a shared folder: an age key (age1…) or an SSH key
(ssh-ed25519 or ssh-rsa, the line in their ~/.ssh/id_ed25519.pub). They open
it with the age tool: age -d -i ~/.ssh/id_ed25519 for-coach.html.age.
--recipients-file reads keys one a line; an authorized_keys file works.
--passphrase encrypts it with a passphrase instead (from JOURNAL_PASSPHRASE,
or asked twice at a terminal).`,
		Example: `  journal export --format html -o journal.html
  journal export --format md --since "30 days ago"
  journal export --format csv --since 2026-11-01 -o november.csv
  journal export --format csv --kind craving
  journal export --format json -o for-coach.json
  journal export --format html --encrypt-to age1… -o for-coach.html.age`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error { return exportRun(c, f, &o) },
	}
	fl := c.Flags()
	fl.StringVar(&o.format, "format", "", "`format`: md, html, json or csv (default from the -o file's ending, else md)")
	fl.StringVar(&o.since, "since", "", "from this `day` on, or first-session, last-session, last-call (default: the first record)")
	fl.StringVar(&o.until, "until", "", "up to and including this `day` (default today)")
	fl.StringArrayVar(&o.kinds, "kind", nil, "only entries of this `kind`: note, guided, craving, checkin, or measure for questionnaires (repeatable)")
	fl.BoolVar(&o.includePrivate, "include-private", false, "include entries marked private")
	fl.StringVarP(&o.out, "output", "o", "", "write to this `file` (mode 0600) instead of standard output")
	fl.StringArrayVar(&o.encryptTo, "encrypt-to", nil, "encrypt for this public `key`: age1…, ssh-ed25519 or ssh-rsa (repeatable)")
	fl.StringArrayVar(&o.recipientsFiles, "recipients-file", nil, "encrypt for the public keys in this `file`, one a line (authorized_keys works)")
	fl.BoolVar(&o.passphrase, "passphrase", false, "encrypt with a passphrase (JOURNAL_PASSPHRASE, or asked twice)")
	fl.BoolVar(&o.armor, "armor", false, "encrypt as ASCII text that can be pasted into an email")
	c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(exportFormats, cobra.ShellCompDirectiveNoFileComp))
	c.RegisterFlagCompletionFunc("kind", cobra.FixedCompletions(exportKinds(), cobra.ShellCompDirectiveNoFileComp))
	return c
}

// exportPlan is everything checked before the journal is read, so a bad
// flag never leaves a half-written file.
type exportPlan struct {
	format     string
	window     window // resolved into filter.Since and Until once the journal is open
	filter     storage.RecordFilter
	recipients []age.Recipient
	passphrase string
	// questionnaires: --kind measure, questionnaire entries only; as CSV
	// one row per questionnaire with its score and item values.
	questionnaires []prompts.Set
}

func (p exportPlan) encrypted() bool { return len(p.recipients) > 0 || p.passphrase != "" }

func planExport(ctx context.Context, f *Factory, o *exportOptions) (exportPlan, error) {
	var p exportPlan
	now := f.Now()
	if toStdout(o.out) {
		o.out = ""
	}
	format := strings.ToLower(strings.TrimSpace(o.format))
	if format == "" && o.out != "" {
		name := strings.TrimSuffix(strings.ToLower(o.out), ".age")
		format, _ = exportFormat(strings.TrimPrefix(filepath.Ext(name), "."))
	}
	if format == "" {
		format = "md"
	}
	var ok bool
	if p.format, ok = exportFormat(format); !ok {
		return p, journal.Invalid("unknown export format %s: use %s", journal.Quote(o.format), orList(exportFormats))
	}
	var err error
	if p.window, err = parseWindow(o.since, o.until, now, ""); err != nil {
		return p, err
	}
	// The entries may run on to planned sessions, but the summary covers
	// days that have passed, as stats and the report do.
	if today := journal.DateOf(now); p.window.until.After(today) {
		return p, journal.Invalid("--until %s is in the future: an export's figures cover days that have passed; leave --until out to end today", p.window.until)
	}
	for _, k := range o.kinds {
		if strings.EqualFold(strings.TrimSpace(k), kindMeasure) {
			qs, _, err := questionnaires(f)
			if err != nil {
				return p, err
			}
			p.questionnaires = qs
			p.filter.Kinds = append(p.filter.Kinds, journal.KindGuided)
			continue
		}
		kind, err := journal.ParseKind(k)
		if err != nil {
			return p, journal.Invalid("--kind: %v", err)
		}
		p.filter.Kinds = append(p.filter.Kinds, kind)
	}
	p.filter.IncludePrivate = o.includePrivate

	files := map[string][]byte{}
	for _, name := range o.recipientsFiles {
		b, err := os.ReadFile(name)
		if err != nil {
			return p, journal.Invalid("cannot read --recipients-file %s: %v", name, unwrapPath(err))
		}
		files[name] = b
	}
	if p.recipients, err = export.Recipients(o.encryptTo, files); err != nil {
		return p, journal.Invalid("%v", err)
	}
	if (len(o.encryptTo) > 0 || len(o.recipientsFiles) > 0) && len(p.recipients) == 0 {
		return p, journal.Invalid("--recipients-file has no public keys in it: nothing was written")
	}
	switch {
	case o.passphrase && len(p.recipients) > 0:
		return p, journal.Invalid("use either --passphrase or --encrypt-to/--recipients-file, not both")
	case o.armor && !o.passphrase && len(p.recipients) == 0:
		return p, journal.Invalid("--armor goes with encryption: add --encrypt-to KEY or --passphrase")
	case !o.armor && (o.passphrase || len(p.recipients) > 0) && o.out == "" && f.IO.OutTTY:
		return p, journal.Invalid("an encrypted export is not text to show here: add -o FILE, or --armor")
	case namedEncrypted(o.out) && !o.passphrase && len(p.recipients) == 0:
		// A plain file named .age would be trusted to be unreadable.
		return p, journal.Invalid("%s is named like an encrypted file, but nothing encrypts it: add --encrypt-to KEY, --recipients-file FILE or --passphrase, or a name without .age", o.out)
	}
	if o.passphrase {
		if p.passphrase, err = f.passphrase(ctx, true); err != nil {
			return p, err
		}
		// The rule for every passphrase that locks a file.
		if err := journal.CheckPassphrase(p.passphrase); err != nil {
			return p, err
		}
	}
	return p, nil
}

func exportRun(c *cobra.Command, f *Factory, o *exportOptions) error {
	plan, err := planExport(c.Context(), f, o)
	if err != nil {
		return err
	}
	st, err := f.Store(c.Context())
	if err != nil {
		return err
	}
	if plan.filter.Since, plan.filter.Until, err = plan.window.resolve(c.Context(), st, f.Now()); err != nil {
		return err
	}
	cfg, err := f.Config()
	if err != nil {
		fmt.Fprintf(f.IO.ErrOut, "journal: %v; the export uses the default settings\n", err)
		cfg = journal.DefaultConfig()
	}
	now := f.Now()
	doc := export.Document{
		ExportedAt:     now,
		Since:          plan.filter.Since,
		Until:          plan.filter.Until,
		IncludePrivate: o.includePrivate,
	}
	// Guided entries are titled as their prompt set is; a set that cannot
	// be read shows its name.
	if cat, _, err := loadPrompts(f); err == nil {
		doc.SetTitles = map[string]string{}
		for _, set := range cat.Sets() {
			doc.SetTitles[set.Name] = set.Title
		}
	}
	var cravingDays []stats.CravingDay
	if doc.Summary, cravingDays, err = exportSummary(c.Context(), st, plan, now, heavyOf(cfg)); err != nil {
		return err
	}
	// The HTML chart of cravings shows the exported cravings: the figures
	// computed for the summary, unless --kind leaves cravings out.
	if len(plan.filter.Kinds) == 0 || slices.Contains(plan.filter.Kinds, journal.KindCraving) {
		doc.CravingDays = cravingDays
	}

	// render writes the export, encrypted when asked, to w as it is made.
	render := func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 64<<10)
		out := io.Writer(bw)
		var ew io.WriteCloser
		if plan.encrypted() {
			var err error
			if ew, err = export.Encrypt(bw, plan.recipients, plan.passphrase, o.armor); err != nil {
				return err
			}
			out = ew
		}
		if err := renderExport(out, plan, doc); err != nil {
			return err
		}
		if ew != nil {
			if err := ew.Close(); err != nil {
				return err
			}
		}
		return bw.Flush()
	}
	if o.out != "" {
		// An export killed earlier may have left a whole copy behind.
		removeStaleTemps(filepath.Dir(o.out), now)
	}
	write := func() error {
		if o.out == "" {
			// Written as it is made: a failure part-way leaves part of the
			// document on the screen, and says so.
			cw := &countingWriter{w: f.IO.Out}
			if err := render(cw); err != nil {
				if cw.n > 0 {
					return partialExport{err}
				}
				return err
			}
			return nil
		}
		// The file is written as the export is made, into a temporary
		// file renamed into place at the end: whole or not at all.
		return writeFileAtomic(o.out, render)
	}
	var (
		recs    journal.Records
		entries int
	)
	// Every format reads the entries a page at a time, inside one read of
	// the journal, and writes each as it comes: an export of years never
	// holds them all.
	privateLeftOut, err := st.StreamExport(c.Context(), plan.filter, func(rs storage.RecordStream) error {
		recs, doc.Records, doc.Linked = rs.Records, rs.Records, rs.Linked
		keep := func(journal.Entry) bool { return true }
		if plan.questionnaires != nil {
			keep = func(e journal.Entry) bool {
				return len(onlyQuestionnaires(plan.questionnaires, []journal.Entry{e})) > 0
			}
			doc.Linked = onlyQuestionnaires(plan.questionnaires, rs.Linked)
		}
		doc.EachEntry = func(fn func(journal.Entry) error) error {
			return rs.Each(func(e journal.Entry) error {
				if !keep(e) {
					return nil
				}
				entries++
				return fn(e)
			})
		}
		if plan.format == "html" {
			// The questionnaires' charts come before the entries: their
			// entries are few, read on their own first.
			qs, _, err := questionnaires(f)
			if err != nil {
				return err
			}
			var names []string
			for _, q := range qs {
				names = append(names, q.Name)
			}
			var answered []journal.Entry
			if err := rs.EachOfSets(names, func(e journal.Entry) error {
				answered = append(answered, e)
				return nil
			}); err != nil {
				return err
			}
			if doc.Questionnaires, err = questionnaireSeries(f, answered); err != nil {
				return err
			}
		}
		return write()
	})
	if err != nil {
		return err
	}
	// How many private entries exist is for the person alone: it goes
	// here, never into the document.
	if privateLeftOut > 0 {
		fmt.Fprintf(f.IO.ErrOut, "Left out %s (--include-private includes them).\n",
			journal.Plural(privateLeftOut, "private entry", "private entries"))
	}
	if plan.format == "json" {
		// JSON reads like a complete copy; say plainly that it is not one.
		private := ", and private entries only with --include-private"
		if o.includePrivate {
			private = ""
		}
		fmt.Fprintf(f.IO.ErrOut, "A JSON export is for sharing: it has no deleted entries, drafts or settings%s. "+
			"To move to another computer or keep a copy of everything, use journal backup.\n", private)
	}
	if o.out != "" {
		how := ""
		switch {
		case len(plan.recipients) > 0:
			how = ", encrypted for " + journal.Plural(len(plan.recipients), "key", "keys")
		case plan.passphrase != "":
			how = ", encrypted with your passphrase"
		}
		// Wrapped at spaces to 80 columns: with a file name and the
		// encryption named it runs long, and a terminal would break words.
		fmt.Fprintln(f.IO.ErrOut, wrapText(fmt.Sprintf("Exported %s, %s of the drinks diary and %s to %s%s.",
			journal.Plural(entries, "entry", "entries"), journal.Plural(len(recs.DrinkDays), "day", "days"),
			journal.Plural(len(recs.Calls), "call", "calls"), journal.CleanLine(o.out), how), 80))
	}
	return nil
}

// exportSummary computes the summary's figures with journal/stats over the
// export's window: the journal's own rows, private cravings and check-ins
// counted only with --include-private, so a --kind filter never changes
// them. An open start is the first record of any kind.
// cravingDays are the summary's cravings by day (and some days before it).
func exportSummary(ctx context.Context, st *storage.Store, plan exportPlan, now time.Time, heavy stats.Heavy) (export.Summary, []stats.CravingDay, error) {
	today := journal.DateOf(now)
	from, to := plan.filter.Since, plan.filter.Until
	if to.IsZero() {
		to = today
	}
	if from.IsZero() {
		first, ok, err := st.FirstRecordDay(ctx, plan.filter.IncludePrivate)
		if err != nil {
			return export.Summary{}, nil, err
		}
		from = to
		if ok && first.Before(to) {
			from = first
		}
	}
	in, err := st.ExportSummaryInput(ctx, from, to, heavy, !plan.filter.IncludePrivate)
	if err != nil {
		return export.Summary{}, nil, err
	}
	s := export.SummaryOf(stats.Compute(in))
	if len(plan.filter.Kinds) > 0 {
		var kinds []string
		for _, k := range plan.filter.Kinds {
			kinds = append(kinds, string(k))
		}
		s.Holds = "only " + strings.Join(kinds, ", ") + " entries (--kind), with the drinks diary and calls; " +
			"the figures above count the whole journal"
	}
	return s, in.CravingDays, nil
}

// renderExport writes doc in the plan's format, each entry as it comes.
func renderExport(w io.Writer, plan exportPlan, doc export.Document) error {
	switch plan.format {
	case "html":
		return export.HTML(w, doc)
	case "json":
		return export.JSON(w, doc)
	case "csv":
		if plan.questionnaires != nil {
			// One row per questionnaire, as many item columns as the
			// longest has: the rows are few, so they are gathered first.
			var answered []journal.Entry
			if err := doc.EachEntry(func(e journal.Entry) error {
				answered = append(answered, e)
				return nil
			}); err != nil {
				return err
			}
			return export.QuestionnairesCSV(w, questionnaireRows(plan.questionnaires, answered))
		}
		if len(plan.filter.Kinds) == 1 && plan.filter.Kinds[0] == journal.KindCraving {
			return export.CravingsCSVOf(w, doc)
		}
		return export.CSV(w, doc)
	}
	return export.Markdown(w, doc)
}

// partialExport is an export to standard output that failed after part of
// it was written.
type partialExport struct{ err error }

func (e partialExport) Error() string {
	return fmt.Sprintf("the export stopped part-way, so what it wrote above is incomplete (%v): run it again, or use -o FILE to get a whole file or none", e.err)
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

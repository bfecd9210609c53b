package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"journal/cmd/ui"
	"journal/journal"
	"journal/storage"
)

type drinksOptions struct {
	date, from, to, note string
	specs                []string
	add, json, clear     bool
}

// maxBackfillDays bounds one --from/--to range, so a typo in a year does
// not write a decade.
const maxBackfillDays = 366

func newCmdDrinks(f *Factory) *cobra.Command {
	var o drinksOptions
	c := &cobra.Command{
		Use:   "drinks [N]",
		Short: "Record a day's total of standard drinks",
		Long: `Record how many standard drinks you had on a day (today unless --date says
otherwise). Decimals are fine, like 1.5. This replaces an earlier total for
that day, and says so; --add adds to it instead. 0 means an alcohol-free day
(journal sober says the same). A day with no record is left unrecorded, never
assumed alcohol-free.

--drink describes a drink by volume and strength and converts it with
standard_drink_grams (14 g of alcohol unless set with journal config; a UK
unit is 8, Australia/NZ 10, Canada 13.45): ml × ABV/100 × 0.789 ÷ grams.
Volumes take ml, cl, l, oz (US fluid ounces) or pint (a UK pint, 568 ml;
"us pint" is 473 ml). "2x330ml 5%" counts two. Any alcohol makes a drinking
day: less than 0.01 standard drinks is kept as 0.01 ("less than 0.1"), and a
volume under 10 ml is refused as most likely a typo.

--from and --to record the same total for every day of a range, for "I didn't
drink all last week". Days recorded after they ended are kept as recalled
later, so stats can show how much was logged on the day.

--clear removes the record of a day (or of each day from --from to --to), so
the day is unrecorded again, as if never logged. Days in the future cannot
be recorded, but one recorded with the computer's clock set wrong can be
corrected or cleared.`,
		Example: `  journal drinks 2
  journal drinks 1.5 --date yesterday
  journal drinks --drink "1 pint 4.5%" --drink "330ml 5%"
  journal drinks 1 --add
  journal drinks 0 --from "7 days ago" --to yesterday
  journal drinks --clear --date 2027-11-20`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 1 {
				return journal.Invalid("drinks takes one number, got %s; put words in --note", journal.Quote(strings.Join(args, " ")))
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			if o.clear {
				return clearDrinksRun(c, f, &o, args)
			}
			return drinksRun(c, f, &o, args, false)
		},
	}
	c.SetFlagErrorFunc(negativeArg(journal.ParseDrinks))
	fl := c.Flags()
	drinkDayFlags(fl, &o)
	fl.BoolVar(&o.add, "add", false, "add to the day's total instead of replacing it")
	fl.BoolVar(&o.clear, "clear", false, "remove the day's record, leaving it unrecorded")
	fl.StringArrayVar(&o.specs, "drink", nil, "a drink `spec` by volume and strength, like \"330ml 5%\" or \"1 pint 4.5%\" (a UK pint, 568 ml); repeatable")
	return c
}

func newCmdSober(f *Factory) *cobra.Command {
	var o drinksOptions
	c := &cobra.Command{
		Use:     "sober",
		Aliases: []string{"af"},
		Short:   "Record an alcohol-free day (0 drinks)",
		Long: `Record a day with no drinks: today, the day given with --date, or each day of
--from … --to. It replaces an earlier total for those days, and says so.`,
		Example: `  journal sober
  journal sober --date yesterday
  journal sober --from "7 days ago" --to yesterday`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error { return drinksRun(c, f, &o, []string{"0"}, true) },
	}
	drinkDayFlags(c.Flags(), &o)
	return c
}

type flagSet interface {
	StringVar(p *string, name, value, usage string)
	BoolVar(p *bool, name string, value bool, usage string)
}

func drinkDayFlags(fl flagSet, o *drinksOptions) {
	fl.StringVar(&o.date, "date", "", "the `day`, like yesterday or 2026-11-20 (default today)")
	fl.StringVar(&o.from, "from", "", "first `day` of a range to record")
	fl.StringVar(&o.to, "to", "", "last `day` of a range to record (default today)")
	fl.StringVar(&o.note, "note", "", "a few words about the day, as `text`")
	fl.BoolVar(&o.json, "json", false, "print the saved days as JSON")
}

func drinksRun(c *cobra.Command, f *Factory, o *drinksOptions, args []string, sober bool) error {
	ctx := c.Context()
	now := f.Now()
	days, err := drinkDays(o, now)
	if err != nil {
		return err
	}
	if err := fixesOnly(ctx, f, o, days, now); err != nil {
		return err
	}
	var n float64
	var specs []journal.DrinkSpec
	switch {
	case len(args) == 1 && len(o.specs) > 0:
		return journal.Invalid("give either a number of drinks or --drink, not both: journal drinks 2, or journal drinks --drink \"330ml 5%%\"")
	case len(args) == 1:
		if n, err = journal.ParseDrinks(args[0]); err != nil {
			return err
		}
	case len(o.specs) > 0:
		for _, raw := range o.specs {
			d, err := journal.ParseDrinkSpec(raw)
			if err != nil {
				return err
			}
			specs = append(specs, d)
		}
	case f.CanPrompt():
		if n, err = askDrinks(c, f, days, now); err != nil {
			return err
		}
	default:
		return journal.Invalid(`drinks needs a number of standard drinks, like: journal drinks 2, or a drink like --drink "330ml 5%%" (journal sober records 0)`)
	}
	note := strings.TrimSpace(o.note)
	if len(specs) > 0 {
		// The size of a standard drink is a setting: only now is it needed.
		cfg, err := f.Config()
		if err != nil {
			return err
		}
		var sum float64
		for _, d := range specs {
			sum += d.StandardDrinks(cfg.StandardDrinkGrams)
		}
		n = journal.KeepDrinks(sum)
		if err := journal.ValidateDrinks(n); err != nil {
			return journal.Invalid("those drinks come to %s standard drinks, more than %d in a day: check the volumes", journal.FormatNumber(n), journal.MaxDrinksPerDay)
		}
		if !o.json {
			writeConversions(f.IO.Out, specs, cfg.StandardDrinkGrams)
		}
	}
	st, err := f.Store(ctx)
	if err != nil {
		return err
	}
	changes, err := st.SetDrinks(ctx, days, n, o.add, note)
	if err != nil {
		return err
	}
	if o.json {
		out := make([]journal.DrinkDay, len(changes))
		for i, ch := range changes {
			out[i] = ch.After
		}
		return printJSON(f.IO.Out, out)
	}
	s := f.Styles()
	writeDrinkChanges(f.IO.Out, changes, now, s)
	return offerLapseGuide(ctx, f.IO.Out, st, changes, s)
}

// drinkDays are the days a drinks command writes or clears: --date,
// --from/--to, or today. Future days are in; fixesOnly keeps them to
// records that already exist.
func drinkDays(o *drinksOptions, now time.Time) ([]journal.Date, error) {
	today := journal.DateOf(now)
	if o.date != "" && (o.from != "" || o.to != "") {
		return nil, journal.Invalid("give either --date or --from/--to, not both")
	}
	if o.to != "" && o.from == "" {
		return nil, journal.Invalid("--to needs --from: give the first day of the range too")
	}
	if o.from == "" {
		d := today
		if o.date != "" {
			var err error
			if d, err = dayFlag("date", o.date, now); err != nil {
				return nil, err
			}
		}
		return []journal.Date{d}, nil
	}
	from, err := dayFlag("from", o.from, now)
	if err != nil {
		return nil, err
	}
	to := today
	if o.to != "" {
		if to, err = dayFlag("to", o.to, now); err != nil {
			return nil, err
		}
	}
	if from.After(to) && o.to == "" {
		// Swapping would ask for a day still to come.
		return nil, journal.Invalid("--from %s is after today, %s: give an earlier --from", from, to)
	}
	if from.After(to) {
		return nil, journal.Invalid("--from %s is after --to %s: swap them", from, to)
	}
	if to.DaysSince(from)+1 > maxBackfillDays {
		return nil, journal.Invalid("--from %s --to %s is %d days: record at most %d days at a time", from, to, to.DaysSince(from)+1, maxBackfillDays)
	}
	var days []journal.Date
	for d := from; !d.After(to); d = d.AddDays(1) {
		days = append(days, d)
	}
	return days, nil
}

// fixesOnly refuses a future day that has no record yet: a new record is
// for a day that has begun, but one made with a wrong clock can be put right.
func fixesOnly(ctx context.Context, f *Factory, o *drinksOptions, days []journal.Date, now time.Time) error {
	today := journal.DateOf(now)
	if len(days) == 0 || !days[len(days)-1].After(today) {
		return nil
	}
	refuse := func() error {
		switch {
		case o.date != "":
			return futureDay("date", o.date)
		case !days[0].After(today):
			return futureDay("to", o.to)
		default:
			return futureDay("from", o.from)
		}
	}
	// No journal yet, no record to fix: refused without creating the file.
	if path, err := f.dbPath(); err == nil && missing(path) {
		return refuse()
	}
	st, err := f.Store(ctx)
	if err != nil {
		return err
	}
	for _, d := range days {
		if !d.After(today) {
			continue
		}
		if _, err := st.DrinkDay(ctx, d); errors.Is(err, journal.ErrNotFound) {
			return refuse()
		} else if err != nil {
			return err
		}
	}
	return nil
}

// clearDrinksRun removes the records of the days given, future ones
// included, and says what each held so it can be put back.
func clearDrinksRun(c *cobra.Command, f *Factory, o *drinksOptions, args []string) error {
	switch {
	case len(args) > 0 || len(o.specs) > 0:
		return journal.Invalid("--clear removes a day's record, so it takes no number of drinks: journal drinks --clear --date yesterday")
	case o.add:
		return journal.Invalid("give either --clear or --add, not both")
	case o.note != "":
		return journal.Invalid("--clear removes the day's note with its record, so it takes no --note")
	}
	now := f.Now()
	days, err := drinkDays(o, now)
	if err != nil {
		return err
	}
	removed := []journal.DrinkDay{}
	// With no journal yet there is nothing to clear, and no file to create.
	if path, err := f.dbPath(); err != nil || !missing(path) {
		st, err := f.Store(c.Context())
		if err != nil {
			return err
		}
		if removed, err = st.ClearDrinks(c.Context(), days); err != nil {
			return err
		}
	}
	if o.json {
		return printJSON(f.IO.Out, removed)
	}
	if len(removed) == 0 {
		what := dayLabel(days[0], now)
		if len(days) > 1 {
			what = "any of " + dayLabel(days[0], now) + " – " + dayLabel(days[len(days)-1], now)
		}
		fmt.Fprintf(f.IO.Out, "Nothing was recorded on %s, so nothing was removed.\n", what)
		return nil
	}
	for _, d := range removed {
		held := journal.DrinksPhrase(d.StandardDrinks)
		if d.StandardDrinks == 0 {
			held = "alcohol-free"
		}
		fmt.Fprintf(f.IO.Out, "%s: record removed (it was %s); the day is unrecorded.\n", dayLabel(d.Day, now), held)
	}
	return nil
}

// missing reports whether no file is at path.
func missing(path string) bool {
	_, err := os.Stat(path)
	return errors.Is(err, fs.ErrNotExist)
}

func futureDay(flag, s string) error {
	return journal.Invalid("--%s %s is in the future: record days that have already begun", flag, s)
}

func writeConversions(w io.Writer, specs []journal.DrinkSpec, grams float64) {
	for _, d := range specs {
		n := journal.FormatDrinks(journal.KeepDrinks(d.StandardDrinks(grams)))
		unit := "standard drinks"
		if n == "1" {
			unit = "standard drink"
		}
		fmt.Fprintf(w, "%s = %s g of alcohol = %s %s (%s g each)\n",
			strings.TrimSpace(d.Text), journal.FormatNumber(d.Grams()), n, unit, journal.FormatNumber(grams))
	}
}

// dayLabel is "Nov 24", with the year when it is not this year's.
func dayLabel(d journal.Date, now time.Time) string {
	t := d.In(time.UTC)
	if d.Year != now.Year() {
		return t.Format("Jan 2 2006")
	}
	return t.Format("Jan 2")
}

func drinksValue(n float64) string { return journal.FormatDrinks(n) }

// writeDrinkChanges says what was recorded, and what an earlier total was.
func writeDrinkChanges(w io.Writer, changes []journal.DrinkChange, now time.Time, s ui.Styles) {
	line := func(ch journal.DrinkChange) string {
		a := ch.After
		label := dayLabel(a.Day, now)
		var out string
		switch {
		case ch.Before == nil && a.StandardDrinks == 0:
			out = label + ": alcohol-free, recorded."
		case ch.Before == nil:
			out = fmt.Sprintf("%s: %s recorded.", label, journal.DrinksPhrase(a.StandardDrinks))
		case *ch.Before == a.StandardDrinks:
			out = fmt.Sprintf("%s was already %s; kept.", label, drinksValue(a.StandardDrinks))
		default:
			out = fmt.Sprintf("%s was %s, now %s.", label, drinksValue(*ch.Before), drinksValue(a.StandardDrinks))
		}
		if ch.Before == nil && a.Backfilled {
			out += s.Dim.Render(" (recalled later)")
		}
		return out
	}
	if len(changes) <= 3 {
		for _, ch := range changes {
			fmt.Fprintln(w, line(ch))
		}
		return
	}
	first, last := changes[0].After, changes[len(changes)-1].After
	what := journal.DrinksPhrase(first.StandardDrinks) + " a day"
	if first.StandardDrinks == 0 {
		what = "alcohol-free"
	}
	fmt.Fprintf(w, "%s – %s: %s, %d days recorded.\n", dayLabel(first.Day, now), dayLabel(last.Day, now), what, len(changes))
	for _, ch := range changes {
		if ch.Before != nil && *ch.Before != ch.After.StandardDrinks {
			fmt.Fprintln(w, "  "+line(ch))
		}
	}
}

// offerLapseGuide prints the lapse offer when one of the changes made a
// drinking day right after an alcohol-free recorded day: said once, an
// offer, never a verdict.
func offerLapseGuide(ctx context.Context, w io.Writer, st *storage.Store, changes []journal.DrinkChange, s ui.Styles) error {
	for _, ch := range changes {
		if ch.After.StandardDrinks <= 0 || (ch.Before != nil && *ch.Before > 0) {
			continue
		}
		prev, err := st.DrinkDay(ctx, ch.After.Day.AddDays(-1))
		if errors.Is(err, journal.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		if prev.StandardDrinks == 0 {
			// Two lines, to fit 80 columns.
			fmt.Fprintln(w, s.Dim.Render("If it would help to look at what happened,"))
			fmt.Fprintln(w, s.Dim.Render("journal guide lapse walks through it gently."))
			return nil
		}
	}
	return nil
}

// askDrinks asks for the day's total at a terminal.
func askDrinks(c *cobra.Command, f *Factory, days []journal.Date, now time.Time) (float64, error) {
	title := "Standard drinks on " + dayLabel(days[0], now) + "?"
	if len(days) > 1 {
		title = fmt.Sprintf("Standard drinks on each day, %s – %s?", dayLabel(days[0], now), dayLabel(days[len(days)-1], now))
	} else if days[0] == journal.DateOf(now) {
		title = "Standard drinks today?"
	}
	var a struct{ Drinks string }
	check := func(s string) error { _, err := journal.ParseDrinks(s); return fieldError(err) }
	form := ui.Form{Pages: [][]ui.Question{{
		{Title: title, Help: "0 for none; decimals are fine, like 1.5.", Value: &a.Drinks, Check: check},
	}}}
	run := newDraftForm(f, "drinks-"+days[0].String(), "drinks answer", "journal drinks", &a)
	if _, err := run.run(c.Context(), form, func() error { return check(a.Drinks) }); err != nil {
		return 0, err
	}
	// Only one number was typed: it is shown again before anything is
	// saved, so no draft is worth keeping past here.
	run.saved()
	return journal.ParseDrinks(a.Drinks)
}

package cmd

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"journal/journal"
)

type checkinOptions struct {
	mood, craving, drinks, sleep, note, date string
	json, private                            bool
}

func newCmdCheckin(f *Factory) *cobra.Command {
	var o checkinOptions
	c := &cobra.Command{
		Use:     "checkin",
		Aliases: []string{"check-in"},
		Short:   "The daily check-in: mood, craving, drinks, sleep, a line of note",
		Long: `The daily check-in: mood from 1 to 10, the strongest craving today from 0 to
10, standard drinks today (this also records the day's drink total), hours
slept, and one line of note. At a terminal a short form asks: enter goes on
(an empty answer skips), ctrl+s saves now, esc or ctrl+c stops and keeps what
you typed as a draft for the next run. Otherwise give the answers as flags.

There is one check-in a day: running it again for the same day edits it, with
the earlier answers as defaults (flags you leave out keep them).

--private keeps the check-in out of exports and reports (and out of their
figures) unless they are asked to include private entries. A check-in stays
private when it is edited later; --private=false shares it again.`,
		Example: `  journal checkin
  journal checkin --mood 6 --craving 3 --drinks 0 --sleep 7.5 --note "Steadier"
  journal checkin --date yesterday --sleep 5
  journal checkin --mood 3 --note "A hard day" --private`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error { return checkinRun(c, f, &o) },
	}
	fl := c.Flags()
	fl.StringVar(&o.mood, "mood", "", "mood today, `N` from 1 to 10")
	fl.StringVar(&o.craving, "craving", "", "the strongest craving today, `N` from 0 to 10")
	fl.StringVar(&o.drinks, "drinks", "", "standard `drinks` today (also records the day's total)")
	fl.StringVar(&o.sleep, "sleep", "", "`hours` slept, from 0 to 24, like 7.5")
	fl.StringVar(&o.note, "note", "", "one line of `text` about the day")
	fl.StringVar(&o.date, "date", "", "the `day` it is for, like yesterday (default today)")
	fl.BoolVar(&o.private, "private", false, "keep this check-in out of exports and reports")
	fl.BoolVar(&o.json, "json", false, "print the saved check-in as JSON")
	return c
}

func checkinRun(c *cobra.Command, f *Factory, o *checkinOptions) error {
	ctx := c.Context()
	now := f.Now()
	today := journal.DateOf(now)
	day := today
	if o.date != "" {
		var err error
		if day, err = dayFlag("date", o.date, now); err != nil {
			return err
		}
		if day.After(today) {
			return futureDay("date", o.date)
		}
	}
	fl := c.Flags()
	given := false
	for _, n := range []string{"mood", "craving", "drinks", "sleep", "note"} {
		given = given || fl.Changed(n)
	}
	// Check the flags before opening anything.
	flagAnswers := checkinAnswers{Mood: o.mood, Craving: o.craving, Drinks: o.drinks, Sleep: o.sleep, Note: o.note}
	if _, _, err := flagAnswers.parse(); err != nil {
		return err
	}
	needAnswers := journal.Invalid("checkin needs answers when it cannot ask: give at least one of --mood, --craving, --drinks, --sleep, --note")
	if !given && !f.CanPrompt() && !fl.Changed("private") {
		return needAnswers
	}
	st, err := f.Store(ctx)
	if err != nil {
		return err
	}
	prev, err := st.CheckinOn(ctx, day)
	var earlier *journal.Entry
	switch {
	case errors.Is(err, journal.ErrNotFound):
	case err != nil:
		return err
	default:
		earlier = &prev
	}
	if !given && !f.CanPrompt() {
		// --private alone changes an existing check-in's privacy only.
		if earlier == nil {
			return needAnswers
		}
		given = true
	}
	a := answersOf(earlier)
	if earlier == nil {
		// A day without a check-in may already have a drink total.
		if dd, err := st.DrinkDay(ctx, day); err == nil {
			a.Drinks = journal.FormatNumber(dd.StandardDrinks)
		}
	}
	if given {
		// Flags left out keep the earlier answers.
		for n, dst := range map[string]*string{"mood": &a.Mood, "craving": &a.Craving, "drinks": &a.Drinks, "sleep": &a.Sleep, "note": &a.Note} {
			if fl.Changed(n) {
				v, _ := fl.GetString(n)
				*dst = v
			}
		}
	}
	var form *draftForm // set when the form asks
	if !given {
		title := "Check-in for " + dayLabel(day, now)
		if day == today {
			title = "Today's check-in"
		}
		if earlier != nil {
			title += " (your earlier answers are filled in)"
		}
		again := "journal checkin"
		if day != today {
			again += " --date " + day.String()
		}
		dayName := dayLabel(day, now)
		if day == today {
			dayName = "today"
		}
		form = newDraftForm(f, checkinDraftKey+day.String(), "check-in", again, &a)
		form.oldKey = "form:checkin:" + day.String()
		if err := form.offer(ctx); err != nil {
			return err
		}
		ready := func() error { _, _, err := a.parse(); return fieldError(err) }
		if _, err := form.run(ctx, checkinForm(&a, title, dayName), ready); err != nil {
			return err
		}
	}
	ci, note, err := a.parse()
	if err != nil {
		return err
	}
	if form != nil && ci.IsEmpty() && note == "" {
		// Every question skipped: there is nothing to keep.
		form.saved()
		fmt.Fprintln(f.IO.ErrOut, "Every question was skipped, so nothing was saved.")
		return nil
	}
	at := now
	if day != today {
		at = journal.LocalTime(day.Year, day.Month, day.Day, now.Hour(), now.Minute(), now.Second(), now.Location())
	}
	// An edit keeps the check-in's privacy unless --private says otherwise.
	private := o.private
	if earlier != nil && !fl.Changed("private") {
		private = earlier.Private
	}
	e := journal.Entry{Kind: journal.KindCheckin, Day: day, OccurredAt: at, Body: note, Private: private, Checkin: &ci, Tags: []string{}, Answers: []journal.Answer{}}
	old, drinks, err := st.SaveCheckin(ctx, &e)
	if err := form.settle(err); err != nil {
		return err
	}
	if form == nil {
		// Saved with flags: this day's draft is older than what was just
		// saved, and the next form shows the saved answers instead.
		if drafts, err := f.Drafts(); err == nil {
			_ = drafts.Drop(checkinDraftKey + day.String())
		}
	}
	if o.json {
		return printJSON(f.IO.Out, e)
	}
	s := f.Styles()
	label := dayLabel(day, now)
	if day == today {
		label = "today"
	}
	verb := "Saved the"
	if old != nil {
		verb = "Updated the"
	}
	if e.Private {
		verb += " private"
	}
	if sum := strings.TrimPrefix(ci.Summary(), "check-in · "); sum != "check-in" {
		fmt.Fprintf(f.IO.Out, "%s check-in for %s: %s.\n", verb, label, sum)
	} else {
		fmt.Fprintf(f.IO.Out, "%s check-in for %s.\n", verb, label)
	}
	if drinks != nil && (drinks.Before == nil || *drinks.Before != drinks.After.StandardDrinks) {
		writeDrinkChanges(f.IO.Out, []journal.DrinkChange{*drinks}, now, s)
		return offerLapseGuide(ctx, f.IO.Out, st, []journal.DrinkChange{*drinks}, s)
	}
	return nil
}

// answersOf fills the form from an earlier check-in.
func answersOf(e *journal.Entry) checkinAnswers {
	var a checkinAnswers
	if e == nil || e.Checkin == nil {
		return a
	}
	c := e.Checkin
	if c.Mood != nil {
		a.Mood = fmt.Sprint(*c.Mood)
	}
	if c.Craving != nil {
		a.Craving = fmt.Sprint(*c.Craving)
	}
	if c.Drinks != nil {
		a.Drinks = journal.FormatNumber(*c.Drinks)
	}
	if c.SleepHours != nil {
		a.Sleep = journal.FormatNumber(*c.SleepHours)
	}
	a.Note = e.Body
	return a
}

// parse reads the answers; an empty one is skipped (nil).
func (a checkinAnswers) parse() (journal.Checkin, string, error) {
	var c journal.Checkin
	if s := strings.TrimSpace(a.Mood); s != "" {
		v, err := journal.ParseMood(s)
		if err != nil {
			return c, "", err
		}
		c.Mood = &v
	}
	if s := strings.TrimSpace(a.Craving); s != "" {
		v, err := journal.ParseCheckinCraving(s)
		if err != nil {
			return c, "", err
		}
		c.Craving = &v
	}
	if s := strings.TrimSpace(a.Drinks); s != "" {
		v, err := journal.ParseDrinks(s)
		if err != nil {
			return c, "", err
		}
		c.Drinks = &v
	}
	if s := strings.TrimSpace(a.Sleep); s != "" {
		v, err := journal.ParseSleep(s)
		if err != nil {
			return c, "", err
		}
		c.SleepHours = &v
	}
	note := strings.Join(strings.Fields(a.Note), " ")
	if err := journal.CheckCheckinNote(note); err != nil {
		return c, "", journal.Invalid("the check-in note is one line: keep it to %d characters, and use journal write for more", journal.MaxCheckinNote)
	}
	return c, note, nil
}

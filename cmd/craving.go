package cmd

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"journal/cmd/ui"
	"journal/journal"
	"journal/journal/stats"
	"journal/storage"
)

type cravingOptions struct {
	triggers, feelings, coping  []string
	where, with, thoughts, note string
	outcome, minutes, at        string
	private, json               bool
}

func newCmdCraving(f *Factory) *cobra.Command {
	var o cravingOptions
	c := &cobra.Command{
		Use:     "craving [INTENSITY]",
		Aliases: []string{"urge"},
		Short:   "Log a craving: how strong, what set it off, what you did",
		Long: `Log a craving, an urge to drink or use, as a whole number from 0 (none) to 10
(the strongest you know). Everything else is optional. At a terminal with no
intensity given, a short form asks, intensity first; every other question can
be skipped. Keys: enter next, shift+tab back, a number picks an option, ctrl+s
saves now (a strong craving: 9, then ctrl+s); esc or ctrl+c stops and keeps
what you typed as a draft, with the time you began, for the next run.

Triggers, feelings and coping are stored trimmed and lower-case, so "Stress"
and "stress " count as one; give them repeatedly or with commas between.

When a craving is at or above high_craving_threshold (8 unless set with
journal config), journal shows your coping plan, what has helped you before,
and the people you can reach.`,
		Example: `  journal craving 6 --trigger stress --trigger "after work" --outcome resisted
  journal craving 8 --feeling tired --feeling lonely --where home --minutes 20
  journal craving 4 --at "yesterday 21:30" --note "Passed the pub"
  journal craving`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 1 {
				return journal.Invalid("craving takes one intensity from 0 to 10, got %s; put words in --note", journal.Quote(strings.Join(args, " ")))
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error { return cravingRun(c, f, &o, args) },
	}
	c.SetFlagErrorFunc(negativeArg(journal.ParseIntensity))
	fl := c.Flags()
	fl.StringArrayVar(&o.triggers, "trigger", nil, "what set it off: a `word` or two, like stress or \"after work\" (repeatable)")
	fl.StringArrayVar(&o.feelings, "feeling", nil, "how you felt: hungry, angry, lonely, tired, or your own `word` (repeatable)")
	fl.StringArrayVar(&o.coping, "coping", nil, "what you did about it, a `word` or two like walk or \"called sam\" (repeatable)")
	fl.StringVar(&o.where, "where", "", "the `place` you were")
	fl.StringVar(&o.with, "with", "", "`who` was around")
	fl.StringVar(&o.thoughts, "thoughts", "", "what went through your mind, as `text`")
	fl.StringVar(&o.outcome, "outcome", "", "how it went: `resisted|used`")
	c.RegisterFlagCompletionFunc("outcome", cobra.FixedCompletions(journal.Outcomes, cobra.ShellCompDirectiveNoFileComp))
	fl.StringVar(&o.minutes, "minutes", "", "about how long it lasted, in `minutes`")
	fl.StringVar(&o.at, "at", "", "`when` it happened, like \"yesterday 9:30pm\" or \"an hour ago\" (default now)")
	fl.StringVar(&o.note, "note", "", "anything else, as free `text`")
	fl.BoolVar(&o.private, "private", false, "keep this entry out of exports")
	fl.BoolVar(&o.json, "json", false, "print the saved entry as JSON")
	return c
}

func cravingRun(c *cobra.Command, f *Factory, o *cravingOptions, args []string) error {
	ctx := c.Context()
	now := f.Now()
	at := now
	if o.at != "" {
		var err error
		if at, err = pastWhen("at", o.at, now); err != nil {
			return err
		}
	}
	// Check every flag before asking anything: a typo is caught first.
	for _, l := range []struct {
		flag   string
		values []string
	}{{"trigger", o.triggers}, {"feeling", o.feelings}, {"coping", o.coping}} {
		if err := journal.CheckWordFlags(l.flag, l.values); err != nil {
			return err
		}
	}
	outcome, err := journal.ParseOutcome(o.outcome)
	if err != nil {
		return err
	}
	cr := journal.Craving{
		Triggers: o.triggers, Feelings: o.feelings, Coping: o.coping, Outcome: outcome,
		Where: o.where, With: o.with, Thoughts: o.thoughts,
	}
	if o.minutes != "" {
		m, err := journal.ParseMinutes(o.minutes)
		if err != nil {
			return err
		}
		cr.Minutes = &m
	}
	note := strings.TrimSpace(o.note)
	var form *draftForm // set when the form asks
	switch {
	case len(args) == 1:
		if cr.Intensity, err = journal.ParseIntensity(args[0]); err != nil {
			return err
		}
	case f.CanPrompt():
		if form, note, err = askCraving(ctx, f, &cr, note); err != nil {
			return err
		}
		if o.at == "" {
			// When the person began logging it (a resumed draft: then), not
			// when the form was finished.
			at = form.Began
		}
	default:
		msg := "craving needs an intensity from 0 to 10, like: journal craving 7"
		if !f.NoInput { // --no-input keeps the form closed at a terminal too
			msg += " (at a terminal, journal craving alone asks)"
		}
		return journal.Invalid("%s", msg)
	}
	cr.Normalize()
	if err := cr.Validate(); err != nil {
		return err
	}
	// The settings only shape what is shown after saving: a broken config
	// file must not cost the person their entry.
	cfg, cfgErr := f.Config()
	st, err := f.Store(ctx)
	if err != nil {
		return form.settle(err)
	}
	e := journal.Entry{Kind: journal.KindCraving, OccurredAt: at, Body: note, Private: o.private, Craving: &cr, Tags: append([]string{}, journal.HashTags(note)...), Answers: []journal.Answer{}}
	if err := form.settle(st.AddCraving(ctx, &e)); err != nil {
		return err
	}
	if form == nil {
		dropStaleCravingDraft(f)
	}
	if o.json {
		return printJSON(f.IO.Out, e)
	}
	s := f.Styles()
	// Within one line however many triggers: show has them all.
	id := fmt.Sprint(e.ID)
	fmt.Fprintf(f.IO.Out, "Saved %s as entry %s.\n", truncate(journal.CleanLine(cr.Summary()), f.IO.Width()-len("Saved  as entry .")-len(id)), s.Accent.Render(id))
	if cfgErr != nil {
		// Say what is wrong with the file, and carry on with the defaults.
		fmt.Fprintf(f.IO.ErrOut, "journal: %v\n", cfgErr)
		cfg = journal.DefaultConfig()
	}
	if cr.Intensity >= cfg.HighCravingThreshold {
		return writeSupport(ctx, f.IO.Out, st, cfg, s)
	}
	return nil
}

// askCraving fills cr from the form, with the flags given as defaults. It
// returns the form run (its draft, when logging began) and the note.
func askCraving(ctx context.Context, f *Factory, cr *journal.Craving, note string) (*draftForm, string, error) {
	a := cravingAnswers{
		Triggers: strings.Join(cr.Triggers, ", "), Where: cr.Where, With: cr.With,
		Thoughts: cr.Thoughts, Coping: strings.Join(cr.Coping, ", "), Outcome: string(cr.Outcome), Note: note,
	}
	var other []string
	for _, fe := range journal.NormalizeWords(cr.Feelings) {
		if isHALT(fe) {
			a.Feelings = append(a.Feelings, fe)
		} else {
			other = append(other, fe)
		}
	}
	a.OtherFeelings = strings.Join(other, ", ")
	if cr.Minutes != nil {
		a.Minutes = fmt.Sprint(*cr.Minutes)
	}
	form := newDraftForm(f, cravingDraftKey, "craving", "journal craving", &a)
	form.oldKey = "form:craving"
	if err := form.offer(ctx); err != nil {
		return nil, "", err
	}
	if _, err := form.run(ctx, cravingForm(&a), a.ready); err != nil {
		return nil, "", err
	}
	note, err := a.apply(cr)
	if err != nil {
		// The fields check their answers, so this is not expected; the
		// draft keeps the answers all the same.
		return nil, "", form.kept(err)
	}
	return form, note, nil
}

// dropStaleCravingDraft clears an unfinished craving form once a craving
// is logged from the command line: it is most likely the same urge, and a
// draft offered days later would be out of place. One line says so.
func dropStaleCravingDraft(f *Factory) {
	drafts, err := f.Drafts()
	if err != nil {
		return
	}
	dr, ok, err := drafts.Load(cravingDraftKey)
	if err != nil || !ok {
		return
	}
	if drafts.Drop(cravingDraftKey) == nil {
		fmt.Fprintf(f.IO.ErrOut, "Cleared the unfinished craving form from %s: this craving is logged instead.\n",
			dr.Saved.In(f.Now().Location()).Format("Mon 2 Jan, 15:04"))
	}
}

// apply parses the answers into cr and returns the note.
func (a cravingAnswers) apply(cr *journal.Craving) (string, error) {
	var err error
	if cr.Intensity, err = journal.ParseIntensity(a.Intensity); err != nil {
		return "", err
	}
	cr.Triggers = []string{a.Triggers}
	cr.Feelings = append(append([]string{}, a.Feelings...), a.OtherFeelings)
	cr.Coping = []string{a.Coping}
	cr.Where, cr.With, cr.Thoughts = a.Where, a.With, a.Thoughts
	if cr.Outcome, err = journal.ParseOutcome(a.Outcome); err != nil {
		return "", err
	}
	cr.Minutes = nil
	if strings.TrimSpace(a.Minutes) != "" {
		m, err := journal.ParseMinutes(a.Minutes)
		if err != nil {
			return "", err
		}
		cr.Minutes = &m
	}
	return strings.TrimSpace(a.Note), nil
}

func isHALT(s string) bool {
	for _, h := range journal.HALT {
		if s == h {
			return true
		}
	}
	return false
}

// writeSupport is shown after a strong craving: the person's own plan,
// what has worked for them, and who they can reach. Calm words only.
func writeSupport(ctx context.Context, w io.Writer, st *storage.Store, cfg journal.Config, s ui.Styles) error {
	fmt.Fprintln(w)
	// Two short lines: the block must fit 80 columns.
	fmt.Fprintln(w, "That is a strong one, and you wrote it down.")
	fmt.Fprintln(w, "Cravings rise and fall; this one will pass too.")
	if cfg.CopingPlan != "" {
		fmt.Fprintln(w)
		fmt.Fprintln(w, s.Label.Render("Your plan for moments like this:"))
		for _, l := range strings.Split(cfg.CopingPlan, "\n") {
			fmt.Fprintf(w, "  %s\n", journal.CleanLine(l))
		}
	}
	totals, err := st.CopingTotals(ctx)
	if err != nil {
		return err
	}
	// A strategy is offered back once tried stats.MinCopingUses times.
	var helped []stats.Coping
	for _, cs := range stats.CopingOf(totals) {
		if cs.Resisted > 0 && len(helped) < 3 {
			helped = append(helped, cs)
		}
	}
	if len(helped) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, s.Label.Render("What has helped you before:"))
		for _, cs := range helped {
			fmt.Fprintf(w, "  %s %s\n", journal.CleanLine(cs.Strategy), s.Dim.Render(fmt.Sprintf("(resisted %d of %s)", cs.Resisted, journal.Plural(cs.Known, "time", "times"))))
		}
	}
	if len(cfg.SupportContacts) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, s.Label.Render("People you can reach:"))
		for _, p := range cfg.SupportContacts {
			fmt.Fprintf(w, "  %s\n", journal.CleanLine(p))
		}
	}
	if cfg.CopingPlan == "" && len(cfg.SupportContacts) == 0 {
		fmt.Fprintln(w)
		for _, l := range []string{
			"When you have a calm moment, you can write a plan and a few people",
			"to reach for times like this:",
			`  journal config set coping_plan "Drink some water" "Text Sam" "Wait 20 minutes"`,
			`  journal config set support_contacts "Sam 07700 900123"`,
		} {
			fmt.Fprintln(w, s.Dim.Render(l))
		}
	}
	return nil
}

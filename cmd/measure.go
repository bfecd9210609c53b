package cmd

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"charm.land/huh/v2"
	"github.com/spf13/cobra"

	"journal/cmd/ui"
	"journal/journal"
	"journal/journal/demo"
	"journal/journal/export"
	"journal/journal/stats"
	"journal/prompts"
	"journal/storage"
)

type measureOptions struct {
	private bool
	answers string
	json    bool
}

func newCmdMeasure(f *Factory) *cobra.Command {
	var o measureOptions
	c := &cobra.Command{
		Use:   "measure [NAME]",
		Short: "Answer a standard questionnaire: PHQ-9, GAD-7 or PCL-5",
		Long: `Answer a standard questionnaire, scored as published, and see it over time in
stats and the report. Alone, "journal measure" lists them and when each was
last done.

  phq9   PHQ-9, low mood and depression, over the last 2 weeks (0-27)
  gad7   GAD-7, anxiety, over the last 2 weeks (0-21)
  pcl5   PCL-5, reactions to a very stressful experience, the past month (0-80)

At a terminal a form asks each question: type the answer's number (0 to 3,
or 0 to 4 on PCL-5) or use the arrows, enter goes on, shift+tab goes back.
Esc or ctrl+c stops and keeps your answers as a draft for next time. With
JOURNAL_ACCESSIBLE=1 at a terminal each question is asked as plain lines:
type the answer's number, or an empty line to leave it out; a wrong one is
asked again, and your answers are read back before saving. When standard
input is not a terminal, one line is read per question the same way; or all
answers come from --answers FILE (question key to number, like q1 = 2).

A few unanswered questions are allowed: the score is then prorated (and marked
so) as the American Psychiatric Association's scoring instructions say; with
more left out, the answers are kept and the score is not computed.

PHQ-9 and GAD-7: developed by Drs. Robert L. Spitzer, Janet B.W. Williams,
Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc.; no
permission is required to reproduce, translate, display or distribute them.
PCL-5: US Department of Veterans Affairs, National Center for PTSD, public
domain. "journal prompts show phq9" shows every question and its sources.`,
		Example: `  journal measure
  journal measure phq9
  printf '1\n0\n2\n1\n1\n0\n1\n0\n0\n' | journal measure phq9
  journal measure gad7 --answers gad7.toml --private`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 1 {
				return journal.Invalid("%s takes one questionnaire at a time, like phq9; got %s", c.CommandPath(), journal.Quote(strings.Join(args, " ")))
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				if o.private || o.answers != "" {
					return journal.Invalid("--private and --answers go with a questionnaire's name, like journal measure phq9")
				}
				return measureList(c.Context(), f, o.json)
			}
			return measureRun(c, f, args[0], &o)
		},
	}
	fl := c.Flags()
	fl.BoolVar(&o.private, "private", false, "keep this entry out of exports and the report")
	fl.StringVar(&o.answers, "answers", "", "take the answers from a JSON or TOML `file` of question key to number (- for stdin)")
	fl.BoolVar(&o.json, "json", false, "print the saved entry (or the list) as JSON")
	return c
}

// questionnaires are the prompt sets with scoring, by name.
func questionnaires(f *Factory) ([]prompts.Set, *prompts.Catalog, error) {
	cat, _, err := loadPrompts(f)
	if err != nil {
		return nil, nil, err
	}
	var out []prompts.Set
	for _, s := range cat.Sets() {
		if s.Scoring != nil {
			out = append(out, s)
		}
	}
	return out, cat, nil
}

func findQuestionnaire(f *Factory, name string) (prompts.Set, error) {
	qs, cat, err := questionnaires(f)
	if err != nil {
		return prompts.Set{}, err
	}
	var names []string
	for _, q := range qs {
		if q.Name == name {
			return q, nil
		}
		names = append(names, q.Name)
	}
	if perr, ok := cat.Broken[name]; ok {
		return prompts.Set{}, journal.Invalid("your questionnaire %s cannot be used until it is fixed: %v", name, perr)
	}
	return prompts.Set{}, journal.Invalid("no questionnaire called %s: use one of %s (see journal measure)", journal.Quote(name), strings.Join(names, ", "))
}

// measureItem is one questionnaire in the list: when it was last done.
type measureItem struct {
	Name      string        `json:"name"`
	Title     string        `json:"title"`
	Period    string        `json:"period"`
	Items     int           `json:"items"`
	Max       int           `json:"max"`
	LastDay   *journal.Date `json:"last_day"`
	LastScore *int          `json:"last_score"`
	LastBand  string        `json:"last_band"`
	Prorated  bool          `json:"last_prorated"`
}

func measureList(ctx context.Context, f *Factory, asJSON bool) error {
	qs, _, err := questionnaires(f)
	if err != nil {
		return err
	}
	st, err := f.Store(ctx)
	if err != nil {
		return err
	}
	scored, err := scoredEntries(ctx, st, qs)
	if err != nil {
		return err
	}
	items := make([]measureItem, len(qs))
	for i, q := range qs {
		items[i] = measureItem{Name: q.Name, Title: q.Title, Period: q.Scoring.Period, Items: len(q.Scoring.Items), Max: q.Scoring.Max}
		for _, se := range scored {
			if se.Set.Name == q.Name {
				d := se.Entry.Day
				items[i].LastDay, items[i].LastScore, items[i].LastBand, items[i].Prorated = &d, se.Score.Total, se.Score.Band, se.Score.Prorated
			}
		}
	}
	if asJSON {
		return printJSON(f.IO.Out, items)
	}
	s := f.Styles()
	loc := f.Now().Location()
	for _, it := range items {
		if !f.IO.OutTTY {
			day, score := "", ""
			if it.LastDay != nil {
				day = it.LastDay.String()
			}
			if it.LastScore != nil {
				score = strconv.Itoa(*it.LastScore)
			}
			fmt.Fprintf(f.IO.Out, "%s\t%s\t%s\t%s\t%s\n", it.Name, journal.CleanLine(it.Title), day, score, journal.CleanLine(it.LastBand))
			continue
		}
		last := s.Dim.Render("not done yet")
		if it.LastDay != nil {
			last = "last done " + it.LastDay.In(loc).Format("Mon 2 Jan 2006")
			if it.LastScore != nil {
				last += fmt.Sprintf(": %d of %d", *it.LastScore, it.Max)
				if it.LastBand != "" {
					last += ", " + it.LastBand
				}
			} else {
				last += " (no total: too many questions left out)"
			}
		}
		fmt.Fprintf(f.IO.Out, "%s  %-6s %s\n", s.Accent.Render(fmt.Sprintf("%-5s", it.Name)), journal.CleanLine(it.Title), journal.CleanLine(last))
	}
	if f.IO.OutTTY {
		fmt.Fprintln(f.IO.Out, s.Dim.Render("Answer one with: journal measure NAME"))
	}
	return nil
}

// scoredEntry is a saved questionnaire with its score, read back from the
// item values its answers start with.
type scoredEntry struct {
	Entry journal.Entry
	Set   prompts.Set
	Score journal.Score
}

// scoredEntries reads every live questionnaire entry, oldest first, and
// scores it by its questionnaire's published rules.
func scoredEntries(ctx context.Context, st *storage.Store, qs []prompts.Set) ([]scoredEntry, error) {
	byName := map[string]prompts.Set{}
	var names []string
	for _, q := range qs {
		byName[q.Name] = q
		names = append(names, q.Name)
	}
	es, err := st.PromptSetEntries(ctx, names)
	if err != nil {
		return nil, err
	}
	out := make([]scoredEntry, 0, len(es))
	for _, e := range es {
		set := byName[e.PromptSet]
		out = append(out, scoredEntry{Entry: e, Set: set, Score: set.Scoring.Score(set.SavedValues(e.Answers))})
	}
	return out, nil
}

func measureRun(c *cobra.Command, f *Factory, name string, o *measureOptions) error {
	ctx := c.Context()
	set, err := findQuestionnaire(f, name)
	if err != nil {
		return err
	}
	answersData, err := answersInput(f, o.answers)
	if err != nil {
		return err
	}
	st, err := f.Store(ctx)
	if err != nil {
		return err
	}
	began := f.Now()
	var values map[string]prompts.Value
	var form *draftForm
	switch {
	case o.answers != "":
		values, err = prompts.ReadAnswers(set, o.answers, answersData)
	case f.CanPrompt():
		values, form, err = askQuestionnaire(ctx, f, set)
		if form != nil {
			began = form.Began
		}
	default:
		values, err = prompts.RunLines(set, f.IO.In, f.IO.ErrOut, f.IO.InTTY)
	}
	if err != nil {
		return err
	}
	if err := nothingAnswered(set, values, form, "left out"); err != nil {
		return err
	}
	score := set.Scoring.Score(set.ItemValues(values))
	answers := append(set.Answers(values), journal.Answer{
		Key: journal.ScoreAnswerKey, Question: set.Title + " total score", Answer: score.Describe(*set.Scoring),
	})
	e := journal.Entry{Kind: journal.KindGuided, OccurredAt: began, PromptSet: set.Name, Answers: answers, Private: o.private}
	if err := form.settle(st.AddGuidedEntry(ctx, &e)); err != nil {
		return err
	}
	if o.json {
		// Never the crisis lines here: JSON is data for another program.
		return printJSON(f.IO.Out, struct {
			journal.Entry
			Measure measureJSON `json:"measure"`
		}{e, newMeasureJSON(set, score)})
	}
	s := f.Styles()
	out := f.IO.ErrOut
	if f.IO.OutTTY {
		msg := fmt.Sprintf("Saved %s as entry %s: %s", journal.CleanLine(set.Title), s.Accent.Render(fmt.Sprint(e.ID)), journal.CleanLine(score.Describe(*set.Scoring)))
		if e.Private {
			msg += s.Dim.Render(" (private)")
		}
		fmt.Fprintln(f.IO.Out, msg+".")
		out = f.IO.Out
	} else {
		fmt.Fprintln(f.IO.Out, e.ID)
	}
	if score.SafetyValue != nil && *score.SafetyValue > 0 {
		cfg, err := f.Config()
		if err != nil {
			cfg = journal.DefaultConfig()
		}
		writeCrisisContacts(out, cfg, s)
	}
	return nil
}

// measureJSON is a questionnaire's score as --json prints it.
type measureJSON struct {
	Name     string `json:"name"`
	Score    *int   `json:"score"`
	Max      int    `json:"max"`
	Band     string `json:"band"`
	Prorated bool   `json:"prorated"`
	Answered int    `json:"answered"`
	Items    int    `json:"items"`
}

func newMeasureJSON(set prompts.Set, s journal.Score) measureJSON {
	return measureJSON{Name: set.Name, Score: s.Total, Max: set.Scoring.Max, Band: s.Band, Prorated: s.Prorated, Answered: s.Answered, Items: s.Items}
}

// writeCrisisContacts is shown after a PHQ-9 whose item 9 (thoughts of
// being better off dead or of self-harm) is answered above 0: calm words,
// the person's crisis lines (or the well-known ones), then the people they
// listed. It never blocks and never appears in --json.
func writeCrisisContacts(w io.Writer, cfg journal.Config, s ui.Styles) {
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Thank you for answering that honestly. Thoughts like these can be heavy")
	fmt.Fprintln(w, "to carry, and you do not have to carry them alone. If they feel strong")
	fmt.Fprintln(w, "or close, someone is there to talk to, at any hour:")
	lines := cfg.CrisisContacts
	if len(lines) == 0 {
		lines = journal.DefaultCrisisContacts
	}
	for _, l := range lines {
		fmt.Fprintf(w, "  %s\n", journal.CleanLine(l))
	}
	if len(cfg.SupportContacts) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, s.Label.Render("People you can reach:"))
		for _, p := range cfg.SupportContacts {
			fmt.Fprintf(w, "  %s\n", journal.CleanLine(p))
		}
	}
	fmt.Fprintln(w, s.Dim.Render("It may help to bring this to your therapist or coach too."))
}

// questionnaireAnswers are the form's answers: each item's value as text,
// "" when left out, in the questionnaire's order.
type questionnaireAnswers struct {
	Items []string `json:",omitempty"`
}

// askQuestionnaire asks set on the terminal, one question a page, each a
// choice picked by its value; the answers are kept in a draft meanwhile.
func askQuestionnaire(ctx context.Context, f *Factory, set prompts.Set) (map[string]prompts.Value, *draftForm, error) {
	a := questionnaireAnswers{Items: make([]string, len(set.Steps))}
	form := newDraftForm(f, measureDraftKey+set.Name, set.Title, "journal measure "+set.Name, &a)
	if err := form.offer(ctx); err != nil {
		return nil, nil, err
	}
	// A draft from an edited questionnaire may hold fewer items.
	a.Items = append(a.Items, make([]string, max(0, len(set.Steps)-len(a.Items)))...)[:len(set.Steps)]
	run := form.runValues
	if f.formOptions().Accessible {
		run = func(ctx context.Context, _ *huh.Form) (ui.Outcome, error) {
			return form.run(ctx, questionnaireLines(set, &a), nil)
		}
	}
	if _, err := run(ctx, questionnaireForm(set, &a)); err != nil {
		return nil, nil, err
	}
	values := map[string]prompts.Value{}
	for i, st := range set.Steps {
		v, err := st.Parse(a.Items[i])
		if err != nil {
			return nil, nil, form.kept(err)
		}
		if !v.IsZero() {
			values[st.Key] = v
		}
	}
	return values, form, nil
}

// addQuestionnaires puts the questionnaires' scores and trends over r's
// window into r, when any was ever done. withPrivate says whether private
// entries count (stats: yes; the coach's report and exports: no).
//
// It reads only what the figures need, so a month's stats cost the same on
// a ten-year journal as on a new one: the window's questionnaires and, when
// sessions fall in the window, the nearest score before it and after it
// (the "before" and "after" of a session are in the window or are those).
func addQuestionnaires(ctx context.Context, f *Factory, st *storage.Store, r *stats.Report, withPrivate bool) error {
	qs, _, err := questionnaires(f)
	if err != nil {
		return err
	}
	names := make([]string, len(qs))
	for i, q := range qs {
		names[i] = q.Name
	}
	// A cheap look first: many never do a questionnaire, and the read
	// below is the costliest statement of a month's stats.
	if ever, err := st.AnyPromptSetEntry(ctx, names); err != nil || !ever {
		return err
	}
	from, to := r.Range.From, r.Range.To
	around := len(r.Sessions) > 0
	es, err := st.QuestionnaireEntries(ctx, names, from, to, around, withPrivate)
	if err != nil {
		return err
	}
	defs := make([]stats.QuestionnaireDef, len(qs))
	history := map[string][]stats.QuestionnaireScore{}
	for i, q := range qs {
		defs[i] = stats.QuestionnaireDef{Name: q.Name, Title: q.Title, Max: q.Scoring.Max, RemissionBelow: q.Scoring.RemissionBelow}
		var before, in, after []stats.QuestionnaireScore
		for _, e := range es {
			if e.PromptSet != q.Name {
				continue
			}
			s := questionnaireScore(q, e)
			switch {
			case e.Day.Before(from):
				before, err = nearestScore(ctx, st, q, s, from, true, withPrivate)
			case e.Day.After(to):
				after, err = nearestScore(ctx, st, q, s, to, false, withPrivate)
			default:
				in = append(in, s)
			}
			if err != nil {
				return err
			}
		}
		if around {
			in = append(append(before, in...), after...)
		}
		history[q.Name] = in
	}
	r.Questionnaires, r.QuestionnaireTrends = stats.Questionnaires(defs, history, from, to, r.Sessions)
	return nil
}

// questionnaireScore is e scored by q's published rules.
func questionnaireScore(q prompts.Set, e journal.Entry) stats.QuestionnaireScore {
	sc := q.Scoring.Score(q.SavedValues(e.Answers))
	return stats.QuestionnaireScore{
		Day: e.Day, Score: sc.Total, Band: sc.Band, Prorated: sc.Prorated,
		Private: e.Private, SafetyAbove0: sc.SafetyValue != nil && *sc.SafetyValue > 0,
	}
}

// nearestScore is the latest score of q on a day before day (before) or
// the first on a day after it, as a list of none or one, given the
// nearest entry's score: entries with too many items left out have no
// score and are passed over, a page at a time.
func nearestScore(ctx context.Context, st *storage.Store, q prompts.Set, nearest stats.QuestionnaireScore, day journal.Date, before, withPrivate bool) ([]stats.QuestionnaireScore, error) {
	if nearest.Score != nil {
		return []stats.QuestionnaireScore{nearest}, nil
	}
	const page = 8
	for skip := 1; ; skip += page {
		es, err := st.PromptSetEntriesOutside(ctx, q.Name, day, before, withPrivate, skip, page)
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			if s := questionnaireScore(q, e); s.Score != nil {
				return []stats.QuestionnaireScore{s}, nil
			}
		}
		if len(es) < page {
			return nil, nil
		}
	}
}

// demoMeasures are PHQ-9 and GAD-7 for the demo journal: moderate before
// the first session, easing after. Item 9 of PHQ-9 stays at 0.
func demoMeasures(f *Factory) ([]demo.Measure, error) {
	qs, _, err := questionnaires(f)
	if err != nil {
		return nil, err
	}
	var out []demo.Measure
	for _, q := range qs {
		start := map[string]int{"phq9": 14, "gad7": 12}[q.Name]
		if start == 0 {
			continue
		}
		q := q
		out = append(out, demo.Measure{Name: q.Name, Start: start, Answers: func(total int) []journal.Answer {
			values := map[string]prompts.Value{}
			items := q.Scoring.Items
			if q.Scoring.SafetyItem != "" {
				items = slices.DeleteFunc(slices.Clone(items), func(k string) bool { return k == q.Scoring.SafetyItem })
			}
			total = min(total, len(items)*q.Scoring.ItemMax)
			// Spread the total over the items, the first ones highest.
			for i, k := range items {
				v := total / len(items)
				if i < total%len(items) {
					v++
				}
				values[k] = prompts.Value{Picked: []int{v}}
			}
			for _, k := range q.Scoring.Items {
				if _, ok := values[k]; !ok {
					values[k] = prompts.Value{Picked: []int{0}}
				}
			}
			score := q.Scoring.Score(q.ItemValues(values))
			return append(q.Answers(values), journal.Answer{Key: journal.ScoreAnswerKey, Question: q.Title + " total score", Answer: score.Describe(*q.Scoring)})
		}})
	}
	return out, nil
}

// questionnaireSeries are the totals of the questionnaires among es (the
// exported entries), for the HTML export's charts.
func questionnaireSeries(f *Factory, es []journal.Entry) ([]export.QuestionnaireSeries, error) {
	qs, _, err := questionnaires(f)
	if err != nil {
		return nil, err
	}
	rows := questionnaireRows(qs, es)
	var out []export.QuestionnaireSeries
	for _, q := range qs {
		s := export.QuestionnaireSeries{Name: q.Name, Title: q.Title, Max: q.Scoring.Max}
		for _, r := range rows {
			if r.Name == q.Name && r.Score != nil {
				s.Points = append(s.Points, export.QuestionnairePoint{Day: r.Entry.Day, Score: *r.Score})
			}
		}
		slices.SortStableFunc(s.Points, func(a, b export.QuestionnairePoint) int { return a.Day.DaysSince(b.Day) })
		out = append(out, s)
	}
	return out, nil
}

// onlyQuestionnaires keeps the entries that answer one of qs.
func onlyQuestionnaires(qs []prompts.Set, es []journal.Entry) []journal.Entry {
	var out []journal.Entry
	for _, e := range es {
		for _, q := range qs {
			if e.PromptSet == q.Name {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

// questionnaireRows scores the questionnaire entries among es for the CSV.
func questionnaireRows(qs []prompts.Set, es []journal.Entry) []export.QuestionnaireRow {
	var rows []export.QuestionnaireRow
	for _, e := range es {
		for _, q := range qs {
			if e.PromptSet != q.Name {
				continue
			}
			vals := q.SavedValues(e.Answers)
			sc := q.Scoring.Score(vals)
			row := export.QuestionnaireRow{Entry: e, Name: q.Name, Score: sc.Total, Max: q.Scoring.Max, Band: sc.Band, Prorated: sc.Prorated}
			for _, k := range q.Scoring.Items {
				if v, ok := vals[k]; ok {
					row.Items = append(row.Items, &v)
				} else {
					row.Items = append(row.Items, nil)
				}
			}
			rows = append(rows, row)
		}
	}
	return rows
}

// runValues runs a questionnaire's form as run does, with number keys
// picking answers by their value (0 is the first).
func (d *draftForm) runValues(ctx context.Context, form *huh.Form) (ui.Outcome, error) {
	if err := d.f.canSave(ctx); err != nil {
		return ui.Left, err
	}
	drafts, err := d.f.Drafts()
	if err != nil {
		return ui.Left, err
	}
	d.keeper = &ui.Keeper{Drafts: drafts, Key: d.key, Began: d.Began, Now: d.f.Now, Answers: d.answers}
	d.keeper.Start()
	o := d.f.formOptions()
	o.Changed, o.PickFromZero = d.keeper.Changed, true
	out, err := ui.RunForm(ctx, form, o)
	d.keeper.Flush()
	if err == nil && out.Saves() {
		return out, nil
	}
	return out, d.kept(err)
}

// questionnaireForm is one page per question, each a choice of the
// answers labelled with their values, and a way to leave it out.
func questionnaireForm(set prompts.Set, a *questionnaireAnswers) *huh.Form {
	groups := make([]*huh.Group, len(set.Steps))
	for i, st := range set.Steps {
		opts := make([]huh.Option[string], 0, len(st.Options)+1)
		for j, o := range st.Options {
			v := strconv.Itoa(st.Values[j])
			opts = append(opts, huh.NewOption(v+"  "+o, v))
		}
		// Last, and where the cursor starts: enter alone never answers 0
		// on the person's behalf.
		opts = append(opts, huh.NewOption("leave this one out", ""))
		desc := fmt.Sprintf("%s · %d of %d · %s", set.Title, i+1, len(set.Steps), set.Description)
		if i > 0 {
			desc = fmt.Sprintf("%s · %d of %d · over %s", set.Title, i+1, len(set.Steps), set.Scoring.Period)
		}
		groups[i] = huh.NewGroup(huh.NewSelect[string]().Title(st.Question).Description(desc).
			Options(opts...).Value(&a.Items[i]))
	}
	return ui.NewForm(groups...)
}

// questionnaireLines is the questionnaire as plain lines (accessible
// mode): each question picked by the answer's value, an empty line leaving
// it out, with the same answers and draft as the keyboard form.
func questionnaireLines(set prompts.Set, a *questionnaireAnswers) ui.Form {
	f := ui.Form{Title: journal.CleanLine(set.Title) + "\n" + wrapText(journal.CleanText(set.Description), 80)}
	for i, st := range set.Steps {
		q := ui.Question{Title: st.Question, Kind: ui.Choice, ByValue: true, Value: &a.Items[i],
			Check: func(s string) error { _, err := st.Parse(s); return fieldError(err) }}
		for j, o := range st.Options {
			v := strconv.Itoa(st.Values[j])
			q.Options = append(q.Options, ui.Option{Label: v + "  " + o, Value: v})
		}
		f.Pages = append(f.Pages, []ui.Question{q})
	}
	return f
}

// dueLine is the one line of the home screen about questionnaires due
// again (measure_every_days after the last one; never on a day one was
// done); false when none is.
func dueLine(c *cobra.Command, f *Factory, st *storage.Store) (string, bool) {
	cfg, err := f.Config()
	if err != nil {
		return "", false
	}
	qs, _, err := questionnaires(f)
	if err != nil {
		return "", false
	}
	scored, err := scoredEntries(c.Context(), st, qs)
	if err != nil {
		return "", false
	}
	due := dueQuestionnaires(scored, journal.DateOf(f.Now()), cfg.MeasureEveryDays)
	if len(due) == 0 {
		return "", false
	}
	titles := make([]string, len(due))
	for i, n := range due {
		for _, q := range qs {
			if q.Name == n {
				titles[i] = journal.CleanLine(q.Title)
			}
		}
	}
	cmd := "journal measure " + due[0]
	if len(due) > 1 {
		cmd = "journal measure"
	}
	return fmt.Sprintf("Your %s could be done again, when you like: %s", strings.Join(titles, " and "), cmd), true
}

// dueQuestionnaires names the questionnaires done before and not within
// every days of today: those the home screen mentions. None is due on a
// day one was done, and none that was never done (the list says how).
func dueQuestionnaires(scored []scoredEntry, today journal.Date, every int) (due []string) {
	if every <= 0 {
		return nil
	}
	last := map[string]journal.Date{}
	var order []string
	for _, se := range scored {
		if _, ok := last[se.Set.Name]; !ok {
			order = append(order, se.Set.Name)
		}
		if se.Entry.Day.After(last[se.Set.Name]) || last[se.Set.Name].IsZero() {
			last[se.Set.Name] = se.Entry.Day
		}
	}
	for _, n := range order {
		if last[n] == today {
			return nil // one done today: nothing else is brought up today
		}
	}
	for _, n := range order {
		if today.DaysSince(last[n]) >= every {
			due = append(due, n)
		}
	}
	return due
}

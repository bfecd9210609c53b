package cmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"journal/cmd/ui"
	"journal/journal"
	"journal/prompts"
	"journal/storage"
)

type guideOptions struct {
	private bool
	session string
	answers string
	json    bool
}

func (o *guideOptions) register(c *cobra.Command) {
	fl := c.Flags()
	fl.BoolVar(&o.private, "private", false, "keep this entry out of exports")
	fl.StringVar(&o.session, "session", "", "link the entry to session `N` (see journal session list)")
	fl.StringVar(&o.answers, "answers", "", "take the answers from a JSON or TOML `file` of question key to answer (- for stdin)")
	fl.BoolVar(&o.json, "json", false, "print the saved entry as JSON")
}

const guideLong = `At a terminal a form walks you through the questions: enter goes on (alt+enter
starts a new line in a long answer), shift+tab goes back, ctrl+s saves now and
skips the rest. Esc or ctrl+c stops and keeps your answers as a draft that the
next run of the same set offers to pick up.

With JOURNAL_ACCESSIBLE=1 at a terminal the questions come as plain lines: an
empty line keeps the answer shown, a long answer ends with a line holding only
".", and a review comes before saving.

When standard input is not a terminal, one line is read per question (an
empty line skips it); or all answers come from --answers FILE.`

func newCmdIntention(f *Factory) *cobra.Command {
	var o guideOptions
	c := &cobra.Command{
		Use:   "intention",
		Short: "Set an intention before a session",
		Long: "Set an intention before a session. The entry is linked to your next session\n" +
			"(or today's) unless you give --session.\n\n" + guideLong,
		Example: `  journal intention
  journal intention --session 3
  journal intention --answers intention.json`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error { return guideRun(c, f, "intention", &o) },
	}
	o.register(c)
	return c
}

func newCmdReflect(f *Factory) *cobra.Command {
	var o guideOptions
	c := &cobra.Command{
		Use:     "reflect",
		Aliases: []string{"reflection"},
		Short:   "Reflect after a session",
		Long: "Reflect after a session. The entry is linked to your most recent session\n" +
			"unless you give --session.\n\n" + guideLong,
		Example: `  journal reflect
  journal reflect --private
  printf 'Colours, and my grandmother\n\n' | journal reflect`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error { return guideRun(c, f, "reflection", &o) },
	}
	o.register(c)
	return c
}

func newCmdGuide(f *Factory) *cobra.Command {
	var o guideOptions
	c := &cobra.Command{
		Use:   "guide NAME",
		Short: "Answer any prompt set: integration, weekly, lapse or your own",
		Long: `Answer the questions of a prompt set ("journal prompts list" shows them).
Sets meant for before a session link to the next one; sets for after or days
after link to the most recent one.

` + guideLong,
		Example: `  journal guide integration
  journal guide weekly
  journal guide lapse --private`,
		Args: exactArgs(1, "the name of a prompt set"),
		RunE: func(c *cobra.Command, args []string) error { return guideRun(c, f, args[0], &o) },
	}
	o.register(c)
	return c
}

// loadPrompts reads the built-in sets and the person's own.
func loadPrompts(f *Factory) (*prompts.Catalog, string, error) {
	cfg, err := f.ConfigDir()
	if err != nil {
		return nil, "", err
	}
	dir := filepath.Join(cfg, "prompts")
	cat, err := prompts.Load(dir)
	return cat, dir, err
}

func findSet(f *Factory, name string) (prompts.Set, error) {
	cat, _, err := loadPrompts(f)
	if err != nil {
		return prompts.Set{}, err
	}
	if set, ok := cat.Get(name); ok {
		return set, nil
	}
	if perr, ok := cat.Broken[name]; ok {
		return prompts.Set{}, journal.Invalid("your prompt set %s cannot be used until it is fixed: %v", name, perr)
	}
	var names []string
	for _, s := range cat.Sets() {
		if s.Scoring == nil { // questionnaires run with journal measure
			names = append(names, s.Name)
		}
	}
	return prompts.Set{}, journal.Invalid("no prompt set called %s: use one of %s (see journal prompts list)", journal.Quote(name), strings.Join(names, ", "))
}

func guideRun(c *cobra.Command, f *Factory, name string, o *guideOptions) error {
	ctx := c.Context()
	set, err := findSet(f, name)
	if err != nil {
		return err
	}
	if set.Scoring != nil {
		return journal.Invalid("%s is a questionnaire: answer it with journal measure %s", name, name)
	}
	var wantSession int
	if o.session != "" {
		if wantSession, err = parseSessionNumber(o.session); err != nil {
			return journal.Invalid("--session: %v", err)
		}
	}
	answersData, err := answersInput(f, o.answers)
	if err != nil {
		return err
	}
	st, err := f.Store(ctx)
	if err != nil {
		return err
	}
	now := f.Now()
	ses, err := linkSession(c, st, set, wantSession, journal.DateOf(now))
	if err != nil {
		return err
	}
	var values map[string]prompts.Value
	var form *draftForm // set when the form asked
	switch {
	case o.answers != "":
		values, err = prompts.ReadAnswers(set, o.answers, answersData)
	case f.CanPrompt():
		values, form, err = runForm(c, f, set, ses)
	default:
		values, err = prompts.RunLines(set, f.IO.In, f.IO.ErrOut, f.IO.InTTY)
	}
	if err != nil {
		return err
	}
	if err := nothingAnswered(set, values, form, "skipped"); err != nil {
		return err
	}
	e := journal.Entry{
		Kind:       journal.KindGuided,
		OccurredAt: now,
		PromptSet:  set.Name,
		Answers:    set.Answers(values),
		Private:    o.private,
	}
	if ses != nil {
		e.SessionID = &ses.ID
	}
	if err := form.settle(st.AddGuidedEntry(ctx, &e)); err != nil {
		return err
	}
	if o.json {
		return printJSON(f.IO.Out, e)
	}
	if !f.IO.OutTTY {
		fmt.Fprintln(f.IO.Out, e.ID)
		return nil
	}
	s := f.Styles()
	msg := fmt.Sprintf("Saved entry %s (%s)", s.Accent.Render(fmt.Sprint(e.ID)), strings.ToLower(set.Title))
	if ses != nil {
		msg += fmt.Sprintf(", linked to session %d on %s", ses.Number, ses.Day.In(f.Now().Location()).Format("Mon 2 Jan"))
	}
	if e.Private {
		msg += s.Dim.Render(" (private)")
	}
	fmt.Fprintln(f.IO.Out, msg+".")
	return nil
}

// linkSession picks the session an entry belongs to: the one asked for,
// else by the set's moment: before links to the next session (or today's),
// after and days-after to the most recent one. Other sets, and a journal
// with no fitting session, give nil: the entry is saved unlinked.
func linkSession(c *cobra.Command, st *storage.Store, set prompts.Set, n int, today journal.Date) (*journal.Session, error) {
	var (
		ses journal.Session
		err error
	)
	switch {
	case n > 0:
		ses, err = st.SessionByNumber(c.Context(), n)
		if errors.Is(err, journal.ErrNotFound) {
			return nil, journal.Invalid("--session: %v", noSession(n))
		}
	case set.When == prompts.Before:
		ses, err = st.NextSession(c.Context(), today)
	case set.When == prompts.After || set.When == prompts.DaysAfter:
		ses, err = st.LastSession(c.Context(), today)
	default:
		return nil, nil
	}
	if errors.Is(err, journal.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &ses, nil
}

// nothingAnswered is the error for a run where no question got an answer
// (every one was skipped, in the words of how it was skipped), and drops
// the form's draft, which holds nothing worth picking up; nil otherwise.
func nothingAnswered(set prompts.Set, values map[string]prompts.Value, form *draftForm, skipped string) error {
	if set.Answered(values) > 0 {
		return nil
	}
	if form != nil {
		form.saved()
	}
	return journal.Invalid("nothing to save: every question was %s", skipped)
}

// answersInput reads the --answers file (nil without one); with
// --no-input at a terminal and no file there is nothing to answer from.
func answersInput(f *Factory, path string) ([]byte, error) {
	if path == "" {
		if f.NoInput && f.IO.InTTY {
			return nil, journal.Invalid("with --no-input, give the answers with --answers FILE or pipe them in, one line per question")
		}
		return nil, nil
	}
	return readAnswersFile(f, path)
}

func readAnswersFile(f *Factory, path string) ([]byte, error) {
	if path == "-" {
		b, err := io.ReadAll(f.IO.In)
		if err != nil {
			return nil, fmt.Errorf("cannot read the answers from standard input: %w", err)
		}
		return b, journal.CheckUTF8File("the answers on standard input", b)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, journal.Invalid("--answers: cannot read %s: %v", path, err)
	}
	return b, journal.CheckUTF8File(path, b)
}

// runForm walks the person through set on the terminal. The answers are
// kept in a private draft as they are typed; leaving early, a signal or a
// failed save keeps it, and the next run of the set offers to pick it up.
func runForm(c *cobra.Command, f *Factory, set prompts.Set, ses *journal.Session) (map[string]prompts.Value, *draftForm, error) {
	ctx := c.Context()
	if err := f.canSave(ctx); err != nil {
		return nil, nil, err
	}
	o := f.formOptions()
	opts := ui.SetFormOptions{Color: o.Color}
	if ses != nil {
		opts.Context = fmt.Sprintf("for session %d, %s", ses.Number, ses.Day.In(f.Now().Location()).Format("Mon 2 Jan"))
	}
	again := c.CommandPath()
	if c.Name() == "guide" {
		again += " " + set.Name
	}
	drafts, err := f.Drafts()
	if err != nil {
		return nil, nil, err
	}
	key := "guide-" + set.Name
	f.adoptOldDraft(ctx, set.Name, key)
	dr, ok, err := drafts.Load(key)
	if err != nil {
		return nil, nil, err
	}
	if ok {
		if d, derr := prompts.UnmarshalDraft(set, string(dr.Data)); derr == nil && len(d.Values) > 0 {
			opts.Draft, opts.DraftSaved = &d, dr.Saved.In(f.Now().Location())
		}
	}
	run := &draftForm{f: f, key: key, what: strings.ToLower(set.Title), again: again}
	if o.Accessible {
		// opts.Draft is the draft found, if any: offered as plain lines.
		return runSetLines(ctx, f, set, opts, run)
	}
	var current prompts.Draft
	keeper := &ui.Keeper{Drafts: drafts, Key: key, Began: f.Now(), Now: f.Now, Answers: &current}
	keeper.Start()
	opts.Changed = func(d prompts.Draft) {
		if set.Answered(d.Values) == 0 {
			return // nothing typed yet: an earlier draft stays as it is
		}
		current = d
		keeper.Changed()
	}
	run.keeper = keeper
	res, err := ui.RunSetForm(ctx, set, opts, f.IO.In, f.IO.ErrOut)
	keeper.Flush()
	if err != nil {
		return nil, nil, run.kept(fmt.Errorf("the form stopped: %w", err))
	}
	if !res.Done {
		return nil, nil, run.kept(nil)
	}
	return res.Values, run, nil
}

// runSetLines asks set as plain lines (accessible mode), with the same
// draft: offered first, kept as answers come and on ctrl+c.
func runSetLines(ctx context.Context, f *Factory, set prompts.Set, opts ui.SetFormOptions, run *draftForm) (map[string]prompts.Value, *draftForm, error) {
	var values map[string]prompts.Value
	if opts.Draft != nil {
		when := opts.DraftSaved.Format("Mon 2 Jan, 15:04")
		resume, out, err := ui.OfferDraft(ctx, f.formOptions(), fmt.Sprintf("You have an unfinished %s from %s.", run.what, when),
			draftText(mustJSON(opts.Draft.Values)))
		if err != nil {
			return nil, nil, err
		}
		if !out.Saves() {
			return nil, nil, keptError{fmt.Sprintf("stopped; your draft is kept: run %s to pick it up", run.again)}
		}
		if resume {
			values = opts.Draft.Values
		}
	}
	a := ui.NewSetAnswers(set, values)
	run.answers = a
	if _, err := run.run(ctx, a.Form(opts.Context), nil); err != nil {
		return nil, nil, err
	}
	return a.Values(), run, nil
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

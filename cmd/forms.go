package cmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/huh"

	"journal/journal"
	"journal/storage"
)

// runHuhForm runs a huh form at the terminal: keys from IO.In, drawn on
// IO.ErrOut so stdout stays data. JOURNAL_ACCESSIBLE=1 asks plain line
// questions instead (screen readers, dumb terminals). Leaving with Ctrl+C
// or Esc returns errAborted (exit 130).
func (f *Factory) runHuhForm(ctx context.Context, form *huh.Form) error {
	// Esc leaves as Ctrl+C does, as in the guided forms.
	keys := huh.NewDefaultKeyMap()
	keys.Quit = key.NewBinding(key.WithKeys("ctrl+c", "esc"))
	form = form.WithInput(f.IO.In).WithOutput(f.IO.ErrOut).WithShowHelp(true).WithKeyMap(keys)
	if f.Getenv("JOURNAL_ACCESSIBLE") != "" {
		form = form.WithAccessible(true)
	}
	err := form.RunWithContext(ctx)
	if errors.Is(err, huh.ErrUserAborted) {
		return errAborted
	}
	return err
}

// Drafts of the craving and check-in forms are kept beside prompt set
// drafts; the colon keeps their keys apart from set names.
const (
	cravingDraftKey = "form:craving"
	checkinDraftKey = "form:checkin:" // + the day
)

// existingStore opens the journal only when its file is already there, so
// looking ahead (for a draft, or a file that cannot be used) never creates
// a journal. It returns nil otherwise.
func (f *Factory) existingStore(ctx context.Context) (*storage.Store, error) {
	path, err := f.dbPath()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); err != nil {
		return nil, nil
	}
	return f.Store(ctx)
}

// resumeFormDraft fills a (a form's answers) from the draft kept under key,
// if there is one, and says so. Only the draft's non-empty answers are
// filled in.
func resumeFormDraft(ctx context.Context, f *Factory, key, what string, a any) error {
	st, err := f.existingStore(ctx)
	if err != nil || st == nil {
		return err
	}
	data, saved, err := st.Draft(ctx, key)
	if errors.Is(err, journal.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if json.Unmarshal([]byte(data), a) != nil {
		return nil // a draft that cannot be read is not worth stopping for
	}
	fmt.Fprintf(f.IO.ErrOut, "Picked up your unfinished %s from %s.\n",
		what, saved.In(f.Now().Location()).Format("Mon 2 Jan, 15:04"))
	return nil
}

// runFormKeepingDraft runs form, whose fields write into a. Left early after
// something was typed, the answers are kept under key, and the next run of
// the command picks them up.
func (f *Factory) runFormKeepingDraft(ctx context.Context, form *huh.Form, key, again string, a any) error {
	before, _ := json.Marshal(a)
	err := f.runHuhForm(ctx, form)
	if !errors.Is(err, errAborted) {
		return err
	}
	after, merr := json.Marshal(a)
	if merr != nil || string(after) == string(before) {
		return err
	}
	if string(after) == "{}" {
		// Every answer was cleared: an earlier draft has nothing left to offer.
		if st, _ := f.existingStore(ctx); st != nil {
			_ = st.DropDraft(ctx, key)
		}
		return err
	}
	st, serr := f.Store(ctx)
	if serr != nil {
		return serr
	}
	if serr := st.SaveDraft(ctx, key, string(after)); serr != nil {
		return serr
	}
	return fmt.Errorf("%w: your answers are kept as a draft; run %s again to pick up where you left off", errAborted, again)
}

// optional wraps a parser for a form field that may be left empty.
func skippable[T any](parse func(string) (T, error)) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		_, err := parse(s)
		return fieldError(err)
	}
}

// fieldError shortens an input error for the line under a field.
func fieldError(err error) error {
	if err == nil {
		return nil
	}
	return errors.New(strings.TrimPrefix(err.Error(), "journal: "))
}

// cravingAnswers are the craving form's fields, as text.
// Empty answers are left out of a draft, so that resuming fills in only
// what was typed.
type cravingAnswers struct {
	Intensity     string   `json:",omitempty"`
	Triggers      string   `json:",omitempty"`
	Feelings      []string `json:",omitempty"` // chosen from HALT
	OtherFeelings string   `json:",omitempty"`
	Where         string   `json:",omitempty"`
	With          string   `json:",omitempty"`
	Thoughts      string   `json:",omitempty"`
	Coping        string   `json:",omitempty"`
	Outcome       string   `json:",omitempty"`
	Minutes       string   `json:",omitempty"`
	Note          string   `json:",omitempty"`
}

// cravingForm asks intensity first; everything after it may be skipped.
func cravingForm(a *cravingAnswers) *huh.Form {
	feelings := make([]huh.Option[string], len(journal.HALT))
	for i, h := range journal.HALT {
		feelings[i] = huh.NewOption(h, h)
	}
	return huh.NewForm(
		huh.NewGroup(
			huh.NewInput().Title("How strong is the craving, 0 to 10?").
				Description("0 is none, 10 the strongest you know. Only this one is needed.").
				Value(&a.Intensity).
				Validate(func(s string) error { _, err := journal.ParseIntensity(s); return fieldError(err) }),
		),
		huh.NewGroup(
			huh.NewInput().Title("What set it off?").
				Description("A few words, commas between: stress, a bar, payday. Enter skips.").
				Value(&a.Triggers),
			huh.NewMultiSelect[string]().Title("Are you any of these?").
				Description("Space picks, enter goes on.").
				Options(feelings...).Value(&a.Feelings),
			huh.NewInput().Title("Other feelings?").Description("Your own words, commas between. Enter skips.").
				Value(&a.OtherFeelings),
			huh.NewInput().Title("Where are you?").Value(&a.Where),
			huh.NewInput().Title("Who is around?").Value(&a.With),
		),
		huh.NewGroup(
			huh.NewInput().Title("What went through your mind?").Value(&a.Thoughts),
			huh.NewInput().Title("What did you do, or what will you try?").
				Description("Commas between: walk, called sam, tea. Enter skips.").
				Value(&a.Coping),
			huh.NewSelect[string]().Title("How did it go?").
				Options(huh.NewOption("not yet / skip", ""), huh.NewOption("resisted it", "resisted"), huh.NewOption("used", "used")).
				Value(&a.Outcome),
			huh.NewInput().Title("About how many minutes did it last?").
				Value(&a.Minutes).Validate(skippable(journal.ParseMinutes)),
			huh.NewInput().Title("Anything else?").Value(&a.Note),
		),
	)
}

// checkinAnswers are the check-in form's fields, as text; earlier answers
// fill them in.
type checkinAnswers struct {
	Mood, Craving, Drinks, Sleep, Note string `json:",omitempty"`
}

func checkinForm(a *checkinAnswers, title string) *huh.Form {
	return huh.NewForm(
		huh.NewGroup(
			huh.NewNote().Title(title).Description("Every question can be skipped with enter."),
			huh.NewInput().Title("Mood, 1 to 10?").Value(&a.Mood).Validate(skippable(journal.ParseMood)),
			huh.NewInput().Title("Strongest craving today, 0 to 10?").Value(&a.Craving).Validate(skippable(journal.ParseCheckinCraving)),
			huh.NewInput().Title("Standard drinks today?").Description("0 for none; decimals are fine, like 1.5.").
				Value(&a.Drinks).Validate(skippable(journal.ParseDrinks)),
			huh.NewInput().Title("Hours slept?").Value(&a.Sleep).Validate(skippable(journal.ParseSleep)),
			huh.NewInput().Title("One line about today?").Value(&a.Note),
		),
	)
}

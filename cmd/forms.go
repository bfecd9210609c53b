package cmd

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/adrg/xdg"

	"journal/cmd/ui"
	"journal/journal"
	"journal/storage"
)

// formOptions says where forms run: keys from stdin, drawn on stderr, in
// colour unless --no-color, NO_COLOR or TERM=dumb; JOURNAL_ACCESSIBLE=1
// asks plain lines instead (screen readers, dumb terminals).
func (f *Factory) formOptions() ui.FormOptions {
	accessible := f.Getenv("JOURNAL_ACCESSIBLE") != ""
	in := f.IO.In
	if accessible {
		// Plain lines share one reader, so that lines typed ahead reach
		// the next question even when it belongs to the next form.
		if f.lines == nil {
			f.lines = bufio.NewReader(f.IO.In)
		}
		in = f.lines
	}
	return ui.FormOptions{
		In: in, Out: f.IO.ErrOut,
		// Plain lines for a screen reader carry no colour codes.
		Color:      f.IO.ErrTTY && !f.IO.NoColorEnv && !f.NoColor && !accessible,
		Accessible: accessible,
	}
}

// Drafts are kept in a private folder beside the journal file, or, when
// that folder cannot be written, in $XDG_STATE_HOME/journal/drafts/ under
// a folder named after the journal and a hash of its full path, so two
// journals never share a draft. For an encrypted journal they are kept in
// memory (see memoryDir), never on disk in the clear, and have no fallback.
func (f *Factory) Drafts() (ui.Drafts, error) {
	path, err := f.dbPath()
	if err != nil {
		return ui.Drafts{}, err
	}
	if storage.IsEncrypted(path) {
		dir, err := f.memoryDir()
		if err != nil {
			return ui.Drafts{}, err
		}
		return ui.Drafts{Dir: filepath.Join(dir, "drafts-"+journalTag(path))}, nil
	}
	d := ui.Drafts{Dir: path + "-drafts"}
	state := f.Getenv("XDG_STATE_HOME")
	if state == "" || !filepath.IsAbs(state) {
		state = xdg.StateHome
	}
	if state != "" {
		abs, err := filepath.Abs(path)
		if err != nil {
			abs = path
		}
		sum := sha256.Sum256([]byte(abs))
		d.Fallback = filepath.Join(state, "journal", "drafts", filepath.Base(path)+"-"+hex.EncodeToString(sum[:6]))
	}
	return d, nil
}

// Drafts of the craving and check-in forms; check-ins have one per day.
const (
	cravingDraftKey = "craving"
	checkinDraftKey = "checkin-" // + the day
	drinksDraftKey  = "drinks-"  // + the (first) day
	measureDraftKey = "measure-" // + the questionnaire's name
)

// draftForm is one run of a form whose answers are kept in a draft while
// it runs: resumed if the person wants, written as answers change, kept
// on every way out but a save.
type draftForm struct {
	f       *Factory
	key     string // the draft's name
	what    string // "craving", for the words
	again   string // the command that picks the draft up
	answers any    // a pointer to the answers the fields write into
	keeper  *ui.Keeper
	oldKey  string    // where an earlier version kept this draft, in the journal
	Began   time.Time // when the person began: now, or when the resumed draft began
}

func newDraftForm(f *Factory, key, what, again string, answers any) *draftForm {
	return &draftForm{f: f, key: key, what: what, again: again, answers: answers, Began: f.Now()}
}

// offer looks for a draft and asks whether to pick it up, start fresh or
// see it first. Picked up, its answers fill in a (over flags given). A
// journal that cannot be written is said first, before any question.
func (d *draftForm) offer(ctx context.Context) error {
	if err := d.f.canSave(ctx); err != nil {
		return err
	}
	if d.oldKey != "" {
		d.f.adoptOldDraft(ctx, d.oldKey, d.key)
	}
	drafts, err := d.f.Drafts()
	if err != nil {
		return err
	}
	dr, ok, err := drafts.Load(d.key)
	if err != nil || !ok {
		return err
	}
	when := dr.Saved.In(d.f.Now().Location()).Format("Mon 2 Jan, 15:04")
	resume, out, err := ui.OfferDraft(ctx, d.f.formOptions(), fmt.Sprintf("You have an unfinished %s from %s.", d.what, when), draftText(dr.Data))
	if err != nil {
		return err
	}
	if !out.Saves() {
		return keptError{fmt.Sprintf("stopped; your draft is kept: run %s to pick it up", d.again)}
	}
	if !resume {
		return nil
	}
	if err := json.Unmarshal(dr.Data, d.answers); err != nil {
		return fmt.Errorf("the draft %s cannot be read (%v): move it aside to start fresh", drafts.Path(d.key), err)
	}
	fmt.Fprintf(d.f.IO.ErrOut, "Picked up your unfinished %s from %s.\n", d.what, when)
	if !dr.Began.IsZero() {
		d.Began = dr.Began
	}
	return nil
}

// run runs form, keeping the answers in the draft as they change. ready
// is asked before saving early (ctrl+s). It returns errAborted, with how
// to pick the draft up, when the form was left.
func (d *draftForm) run(ctx context.Context, form ui.Form, ready func() error) (ui.Outcome, error) {
	if err := d.f.canSave(ctx); err != nil {
		return ui.Left, err
	}
	drafts, err := d.f.Drafts()
	if err != nil {
		return ui.Left, err
	}
	if d.Began.IsZero() {
		d.Began = d.f.Now()
	}
	d.keeper = &ui.Keeper{Drafts: drafts, Key: d.key, Began: d.Began, Now: d.f.Now, Answers: d.answers}
	d.keeper.Start()
	o := d.f.formOptions()
	o.Changed, o.Ready = d.keeper.Changed, ready
	o.DraftErr = d.keeper.DraftErr
	out, err := ui.Ask(ctx, form, o)
	// Left, signalled or about to save: what is typed is in the draft.
	d.keeper.Flush()
	if err == nil && out.Saves() {
		return out, nil
	}
	return out, d.kept(err)
}

// kept is the error for a form left, or a save that failed: it names the
// draft and how to pick it up. Without a draft to name, err stands alone.
func (d *draftForm) kept(err error) error {
	if d.keeper != nil {
		d.keeper.Flush()
	}
	drafts, derr := d.f.Drafts()
	_, ok, _ := drafts.Load(d.key)
	if derr != nil || !ok {
		if d.keeper != nil && d.keeper.Err != nil {
			// Nowhere to keep them: put the answers on the screen, the
			// last place they can be copied from.
			if b, merr := json.Marshal(d.answers); merr == nil && string(b) != "{}" {
				fmt.Fprintf(d.f.IO.ErrOut, "Your answers, so you can copy them:\n%s", draftText(b))
			}
			if err == nil {
				return keptError{fmt.Sprintf("stopped; your answers could not be kept as a draft: %v", d.keeper.Err)}
			}
			return fmt.Errorf("%v; and your answers could not be kept as a draft: %v", err, d.keeper.Err)
		}
		if err == nil {
			return errAborted
		}
		return err
	}
	if err == nil {
		return keptError{fmt.Sprintf("stopped; your answers are kept as a draft: run %s to pick them up", d.again)}
	}
	return fmt.Errorf("%v; your answers are kept as a draft in %s: run %s to try again", err, drafts.Path(d.key), d.again)
}

// settle ends the draft by how the save went: removed once saved, kept
// (and named in the error) when the save failed. With no form shown (d
// nil), err is returned as it is.
func (d *draftForm) settle(err error) error {
	if d == nil {
		return err
	}
	if err != nil {
		return d.kept(err)
	}
	d.saved()
	return nil
}

// saved removes the draft once the record's transaction has committed.
func (d *draftForm) saved() {
	if drafts, err := d.f.Drafts(); err == nil {
		// The record is saved; a draft left behind would only be offered
		// again, so a failure here is not worth reporting over it.
		_ = drafts.Drop(d.key)
	}
}

// draftText is a draft's answers as lines to read over, cleaned for the
// terminal (a pasted escape in an answer is shown, never run): each answer
// under its name in words ("Other feelings"), a long answer's lines
// indented below it, numbered answers (a questionnaire's items) by number,
// and unanswered ones left out.
func draftText(data []byte) string {
	var m map[string]any
	if json.Unmarshal(data, &m) != nil {
		return journal.CleanText(string(data))
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		v := answerText(m[k])
		if strings.TrimSpace(v) == "" {
			continue
		}
		lines := strings.Split(strings.TrimRight(v, "\n"), "\n")
		if len(lines) == 1 {
			fmt.Fprintf(&b, "  %s: %s\n", fieldWords(k), journal.CleanLine(lines[0]))
			continue
		}
		fmt.Fprintf(&b, "  %s:\n", fieldWords(k))
		for _, l := range lines {
			fmt.Fprintf(&b, "    %s\n", journal.CleanLine(l))
		}
	}
	return b.String()
}

// answerText is one drafted answer as text: a list of ticks joined by
// commas; a list with gaps (answers by position) as "1: 2, 2: 3"; a
// nested answer by its text.
func answerText(v any) string {
	switch v := v.(type) {
	case []any:
		gaps := false
		for _, x := range v {
			if answerText(x) == "" {
				gaps = true
			}
		}
		var parts []string
		for i, x := range v {
			t := answerText(x)
			switch {
			case t == "":
				continue
			case gaps:
				parts = append(parts, fmt.Sprintf("%d: %s", i+1, t))
			default:
				parts = append(parts, t)
			}
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var parts []string
		for _, k := range keys {
			t := answerText(v[k])
			switch {
			case t == "":
			case len(v) == 1:
				parts = append(parts, t)
			default:
				parts = append(parts, fieldWords(k)+": "+t)
			}
		}
		return strings.Join(parts, "\n")
	case nil:
		return ""
	case string:
		return v
	}
	return fmt.Sprint(v)
}

// fieldWords is a draft field's name in words: "OtherFeelings" becomes
// "Other feelings".
func fieldWords(k string) string {
	var b strings.Builder
	for i, r := range k {
		switch {
		case i == 0:
			b.WriteString(strings.ToUpper(string(r)))
		case r >= 'A' && r <= 'Z':
			b.WriteString(" " + strings.ToLower(string(r)))
		case r == '_' || r == '-':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
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

// cravingForm asks intensity first; everything after it may be skipped,
// and ctrl+s after the intensity saves a strong craving in two keys.
// Each field checks its answer as the person leaves it.
func cravingForm(a *cravingAnswers) ui.Form {
	feelings := make([]ui.Option, len(journal.HALT))
	for i, h := range journal.HALT {
		feelings[i] = ui.Option{Label: h, Value: h}
	}
	words := func(s string) error { return fieldError(journal.CheckWordList(s)) }
	detail := func(s string) error { return fieldError(journal.CheckDetail(s)) }
	return ui.Form{Pages: [][]ui.Question{
		{
			{Title: "How strong is the craving, 0 to 10?", Value: &a.Intensity,
				Help: "0 is none, 10 the strongest you know. Only this one is needed.", KeyHelp: "ctrl+s saves it now.",
				Check: ui.KeepOnEmpty(&a.Intensity, func(s string) error { _, err := journal.ParseIntensity(s); return fieldError(err) })},
		},
		{
			{Title: "What set it off?", Help: "A few words, commas between: stress, a bar, payday.", KeyHelp: "Enter skips.",
				Value: &a.Triggers, Check: words},
			{Title: "Are you any of these?", KeyHelp: "A number or space ticks, enter goes on.", Kind: ui.Multi,
				Options: feelings, Values: &a.Feelings},
			{Title: "Other feelings?", Help: "Your own words, commas between.", KeyHelp: "Enter skips.", Value: &a.OtherFeelings, Check: words},
			{Title: "Where are you?", Value: &a.Where, Check: detail},
			{Title: "Who is around?", Value: &a.With, Check: detail},
		},
		{
			{Title: "What went through your mind?", Help: "As much as you like.", KeyHelp: "alt+enter starts a new line.", Kind: ui.Text,
				Value: &a.Thoughts, Check: detail},
			{Title: "What did you do, or what will you try?", Help: "Commas between: walk, called sam, tea.", KeyHelp: "Enter skips.",
				Value: &a.Coping, Check: words},
			{Title: "How did it go?", Kind: ui.Choice, Value: &a.Outcome, Options: []ui.Option{
				{Label: "not yet / skip", Value: ""}, {Label: "resisted it", Value: "resisted"}, {Label: "used", Value: "used"}}},
			{Title: "About how many minutes did it last?", Value: &a.Minutes, Check: skippable(journal.ParseMinutes)},
			{Title: "Anything else?", Kind: ui.Text, Value: &a.Note},
		},
	}}
}

// ready checks the answers before saving early: the intensity is needed.
func (a *cravingAnswers) ready() error {
	if strings.TrimSpace(a.Intensity) == "" {
		return errors.New("how strong is the craving? Type 0 to 10, then ctrl+s saves it")
	}
	for _, w := range []string{a.Triggers, a.OtherFeelings, a.Coping} {
		if err := journal.CheckWordList(w); err != nil {
			return fieldError(err)
		}
	}
	for _, t := range []string{a.Where, a.With, a.Thoughts} {
		if err := journal.CheckDetail(t); err != nil {
			return fieldError(err)
		}
	}
	_, err := a.apply(&journal.Craving{})
	return fieldError(err)
}

// checkinAnswers are the check-in form's fields, as text; earlier answers
// fill them in.
type checkinAnswers struct {
	Mood, Craving, Drinks, Sleep, Note string `json:",omitempty"`
}

// checkinForm asks about day, whose name is "today" or like "Nov 28".
func checkinForm(a *checkinAnswers, title, day string) ui.Form {
	return ui.Form{Title: title, Help: "Every question can be skipped with enter; ctrl+s saves now.", Pages: [][]ui.Question{{
		{Title: "Mood, 1 to 10?", Value: &a.Mood, Check: skippable(journal.ParseMood)},
		{Title: onDay("Strongest craving", day) + ", 0 to 10?", Value: &a.Craving, Check: skippable(journal.ParseCheckinCraving)},
		{Title: onDay("Standard drinks", day) + "?", Help: "0 for none; decimals are fine, like 1.5.",
			Value: &a.Drinks, Check: skippable(journal.ParseDrinks)},
		{Title: "Hours slept?", Value: &a.Sleep, Check: skippable(journal.ParseSleep)},
		{Title: "One line about " + day + "?", Value: &a.Note,
			Check: func(s string) error { return fieldError(journal.CheckCheckinNote(s)) }},
	}}}
}

// onDay says "Strongest craving today" or "Strongest craving on Nov 28".
func onDay(what, day string) string {
	if day == "today" {
		return what + " today"
	}
	return what + " on " + day
}

// existingStore opens the journal only when its file is already there, so
// looking ahead (for a file that cannot be used) never creates a journal.
// It returns nil otherwise.
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

// canSave stops a command before its first question or its editor when the
// journal the answers would go into is known to be damaged or cannot be
// written: nobody should type a whole entry to learn that afterwards. A
// journal not made yet has nothing to check.
func (f *Factory) canSave(ctx context.Context) error {
	st, err := f.existingStore(ctx)
	if err != nil || st == nil {
		return err
	}
	return st.Writable()
}

// confirmChange asks, as confirm does, before a change to the journal: not
// at all when the journal cannot take the change (damaged or read-only).
func (f *Factory) confirmChange(ctx context.Context, question, detail, kept string) (bool, error) {
	if err := f.canSave(ctx); err != nil {
		return false, err
	}
	return f.confirm(ctx, question, detail, kept)
}

// confirm asks a yes/no question before something is removed or
// replaced; no unless the person says yes, and then kept (like "Kept it.")
// is said. It needs a terminal: callers offer --yes otherwise.
func (f *Factory) confirm(ctx context.Context, question, detail, kept string) (bool, error) {
	yes, err := ui.Confirm(ctx, f.formOptions(), question, detail)
	if err == nil && !yes {
		fmt.Fprintln(f.IO.ErrOut, kept)
	}
	return yes, err
}

// adoptOldDraft moves a draft that an earlier version kept in the journal
// (under oldKey) to the drafts folder (under newKey), so that it is offered
// like any other. It is moved only when it can be taken out of the
// journal, so that it is never offered twice.
func (f *Factory) adoptOldDraft(ctx context.Context, oldKey, newKey string) {
	drafts, err := f.Drafts()
	if err != nil {
		return
	}
	if _, ok, _ := drafts.Load(newKey); ok {
		return
	}
	st, err := f.existingStore(ctx)
	if err != nil || st == nil {
		return
	}
	data, saved, err := st.Draft(ctx, oldKey)
	if err != nil || !json.Valid([]byte(data)) {
		return
	}
	if drafts.Save(newKey, ui.Draft{Saved: saved, Began: saved, Data: json.RawMessage(data)}) != nil {
		return
	}
	if st.DropDraft(ctx, oldKey) != nil {
		_ = drafts.Drop(newKey)
	}
}

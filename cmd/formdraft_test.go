package cmd

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Ctrl+C after typing in the craving form keeps what was typed; the next
// run picks it up, and saving drops the draft.
func TestCravingFormKeepsADraft(t *testing.T) {
	dir := t.TempDir()
	f, out, errOut := trackFactory(t, dir, "8\x03", true, nil)
	if code := Run(context.Background(), f, []string{"craving"}); code != exitAborted {
		t.Fatalf("exit %d, want 130; stderr %q", code, errOut)
	}
	if strings.Contains(out.String(), "Saved") {
		t.Errorf("saved after Ctrl+C: %q", out)
	}
	if !strings.Contains(errOut.String(), "your answers are kept as a draft: run journal craving to pick them up") {
		t.Errorf("stderr does not say the answers are kept:\n%s", errOut)
	}

	// Enter through every question keeps the drafted intensity.
	f, out, errOut = trackFactory(t, dir, strings.Repeat("\n", 12), true, map[string]string{"JOURNAL_ACCESSIBLE": "1"})
	if code := Run(context.Background(), f, []string{"craving"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut.String(), "Picked up your unfinished craving from Wed 25 Nov, 20:00.") {
		t.Errorf("the draft was not offered:\n%s", errOut)
	}
	if !strings.Contains(out.String(), "Saved craving 8/10 as entry 1.") {
		t.Errorf("stdout %q", out)
	}

	f, out, errOut = trackFactory(t, dir, "3\n"+strings.Repeat("\n", 11), true, map[string]string{"JOURNAL_ACCESSIBLE": "1"})
	if code := Run(context.Background(), f, []string{"craving"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Contains(errOut.String(), "Picked up") {
		t.Errorf("the draft was offered again after it was saved:\n%s", errOut)
	}
	if !strings.Contains(out.String(), "Saved craving 3/10 as entry 2.") {
		t.Errorf("stdout %q", out)
	}
}

// The check-in form keeps a draft for its day in the same way.
func TestCheckinFormKeepsADraft(t *testing.T) {
	dir := t.TempDir()
	f, _, errOut := trackFactory(t, dir, "6\x03", true, nil)
	if code := Run(context.Background(), f, []string{"checkin"}); code != exitAborted {
		t.Fatalf("exit %d, want 130; stderr %q", code, errOut)
	}
	if !strings.Contains(errOut.String(), "your answers are kept as a draft: run journal checkin to pick them up") {
		t.Errorf("stderr does not say the answers are kept:\n%s", errOut)
	}
	f, out, errOut := trackFactory(t, dir, strings.Repeat("\n", 6), true, map[string]string{"JOURNAL_ACCESSIBLE": "1"})
	if code := Run(context.Background(), f, []string{"checkin"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut.String(), "Picked up your unfinished check-in from") {
		t.Errorf("the draft was not offered:\n%s", errOut)
	}
	if !strings.Contains(out.String(), "Saved the check-in for today: mood 6.") {
		t.Errorf("stdout %q", out)
	}
}

// Esc leaves the craving form as Ctrl+C does, as the guided forms' help
// promises.
func TestCravingFormEscLeaves(t *testing.T) {
	dir := t.TempDir()
	f, _, errOut := trackFactory(t, dir, "8\x1b", true, nil)
	if code := Run(context.Background(), f, []string{"craving"}); code != exitAborted {
		t.Fatalf("exit %d, want 130; stderr %q", code, errOut)
	}
	if !strings.Contains(errOut.String(), "your answers are kept as a draft") {
		t.Errorf("stderr does not say the answers are kept:\n%s", errOut)
	}
}

// A check-in saved with flags after a draft was kept supersedes the draft:
// the next form shows the saved answers, not the older draft.
func TestCheckinSavedWithFlagsDropsTheDraft(t *testing.T) {
	dir := t.TempDir()
	f, _, errOut := trackFactory(t, dir, "6\x03", true, nil)
	if code := Run(context.Background(), f, []string{"checkin"}); code != exitAborted {
		t.Fatalf("exit %d, want 130; stderr %q", code, errOut)
	}
	f, _, errOut = trackFactory(t, dir, "", false, nil)
	if code := Run(context.Background(), f, []string{"checkin", "--mood", "8"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	f, out, errOut := trackFactory(t, dir, strings.Repeat("\n", 6), true, map[string]string{"JOURNAL_ACCESSIBLE": "1"})
	if code := Run(context.Background(), f, []string{"checkin"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Contains(errOut.String(), "Picked up") || !strings.Contains(out.String(), "mood 8") {
		t.Errorf("stderr:\n%s\nstdout %q", errOut, out)
	}
}

// A back-dated check-in asks about that day, not "today".
func TestBackdatedCheckinAsksAboutThatDay(t *testing.T) {
	f, out, errOut := trackFactory(t, t.TempDir(), "6\n3\n0\n7\nSlow day\ny\n", true, map[string]string{"JOURNAL_ACCESSIBLE": "1"})
	if code := Run(context.Background(), f, []string{"checkin", "--date", "yesterday"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Strongest craving on Nov 24, 0 to 10?", "Standard drinks on Nov 24?", "One line about Nov 24?"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("the form does not ask %q:\n%s", want, errOut)
		}
	}
	if strings.Contains(errOut.String(), "today") {
		t.Errorf("a check-in for yesterday speaks of today:\n%s", errOut)
	}
	if !strings.Contains(out.String(), "Saved the check-in for Nov 24: mood 6 · craving 3 · 0 drinks · slept 7h.") {
		t.Errorf("stdout %q", out)
	}
}

// A draft an earlier version kept inside the journal is offered once, from
// the drafts folder, and picked up like any other.
func TestOldDraftInTheJournalIsOffered(t *testing.T) {
	dir := t.TempDir()
	f, _, _ := trackFactory(t, dir, "", false, nil)
	st, err := f.Store(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveDraft(context.Background(), "form:craving", `{"Intensity":"6","Triggers":"rain"}`); err != nil {
		t.Fatal(err)
	}
	f.Close()
	f, out, errOut := trackFactory(t, dir, "1\n"+strings.Repeat("\n", 11)+"y\n", true, map[string]string{"JOURNAL_ACCESSIBLE": "1"})
	if code := Run(context.Background(), f, []string{"craving", "--json"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut.String(), "You have an unfinished craving from") || !strings.Contains(out.String(), `"rain"`) {
		t.Errorf("the old draft was not picked up:\n%s\n%s", errOut, out)
	}
	f, _, errOut = trackFactory(t, dir, "3\n"+strings.Repeat("\n", 10)+"y\n", true, map[string]string{"JOURNAL_ACCESSIBLE": "1"})
	if code := Run(context.Background(), f, []string{"craving"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Contains(errOut.String(), "unfinished") {
		t.Errorf("the old draft was offered twice:\n%s", errOut)
	}
}

// When the draft cannot be written (its folders are files here), leaving
// says so instead of promising that nothing was lost.
func TestLeavingWhenTheDraftCannotBeWritten(t *testing.T) {
	dir := t.TempDir()
	f, _, errOut := trackFactory(t, dir, "8\x03", true, nil)
	drafts, err := f.Drafts()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{drafts.Dir, filepath.Join(dir, "state")} {
		if err := os.WriteFile(p, []byte("not a folder"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if code := Run(context.Background(), f, []string{"craving"}); code != exitAborted {
		t.Fatalf("exit %d, want 130: %s", code, errOut)
	}
	if !strings.Contains(errOut.String(), "could not be kept as a draft") || strings.Contains(errOut.String(), "nothing was lost") {
		t.Errorf("stderr %q", errOut)
	}
}

// Logging a craving with its intensity given leaves no stale draft of the
// form behind to come back days later; one line says it was cleared.
func TestCravingWithFlagsClearsTheFormDraft(t *testing.T) {
	dir := t.TempDir()
	f, _, errOut := trackFactory(t, dir, "8\x03", true, nil)
	if code := Run(context.Background(), f, []string{"craving"}); code != exitAborted {
		t.Fatalf("exit %d, want 130: %s", code, errOut)
	}
	f, _, errOut = trackFactory(t, dir, "", true, nil)
	if code := Run(context.Background(), f, []string{"craving", "5", "--trigger", "rain"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut.String(), "Cleared the unfinished craving form from Wed 25 Nov, 20:00") {
		t.Errorf("stderr %q", errOut)
	}
	drafts, err := f.Drafts()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := drafts.Load(cravingDraftKey); ok {
		t.Error("the craving form's draft is still there")
	}
}

// journal drinks with no number keeps a draft on ctrl+c and offers it on
// the next run, for the same day.
func TestDrinksFormOffersItsDraft(t *testing.T) {
	dir := t.TempDir()
	f, _, errOut := trackFactory(t, dir, "2\x03", true, nil)
	if code := Run(context.Background(), f, []string{"drinks"}); code != exitAborted {
		t.Fatalf("exit %d, want 130; stderr %q", code, errOut)
	}
	if !strings.Contains(errOut.String(), "run journal drinks to pick them up") {
		t.Errorf("stderr does not say the answer is kept:\n%s", errOut)
	}
	f, out, errOut := trackFactory(t, dir, "\n\n\n", true, map[string]string{"JOURNAL_ACCESSIBLE": "1"})
	if code := Run(context.Background(), f, []string{"drinks"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut.String(), "Picked up your unfinished drinks answer") {
		t.Errorf("the draft was not offered:\n%s", errOut)
	}
	if !strings.Contains(out.String(), "Nov 25: 2 drinks recorded.") {
		t.Errorf("stdout %q", out)
	}
}

// Each kind of draft names a command that really picks it up: one the
// journal knows, with flags it takes.
func TestDraftCommandsAreRealCommands(t *testing.T) {
	f, _, _ := testFactory(nil)
	keys := map[string]string{
		cravingDraftKey:                "journal craving",
		checkinDraftKey + "2026-11-20": "journal checkin --date 2026-11-20",
		drinksDraftKey + "2026-11-20":  "journal drinks --date 2026-11-20",
		measureDraftKey + "phq9":       "journal measure phq9",
		"guide-weekly":                 "journal guide weekly",
		"write":                        "journal write",
		"edit-5":                       "journal edit 5",
	}
	for key, want := range keys {
		_, again := draftCommand(key)
		if again != want {
			t.Errorf("%s: %q, want %q", key, again, want)
		}
		args := strings.Fields(again)[1:]
		c, rest, err := NewRoot(f).Find(args)
		if err != nil || c.Name() != args[0] {
			t.Errorf("%s: %q is not a command (%v)", key, again, err)
			continue
		}
		if err := c.ParseFlags(rest); err != nil {
			t.Errorf("%s: %q: %v", key, again, err)
		}
	}
}

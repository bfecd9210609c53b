package cmd

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// formFactory is a Factory whose "terminal" types keys.
func formFactory(t *testing.T, db, keys string) (*Factory, *strings.Builder, *strings.Builder) {
	t.Helper()
	// The journal file comes from the environment: Run's --db flag resets
	// f.DBPath.
	dir := filepath.Dir(db)
	f, _, _ := testFactory(map[string]string{"JOURNAL_DB": db,
		"XDG_CONFIG_HOME": filepath.Join(dir, "config"), "XDG_DATA_HOME": filepath.Join(dir, "data")})
	out, errOut := &strings.Builder{}, &strings.Builder{}
	f.IO.In, f.IO.Out, f.IO.ErrOut = strings.NewReader(keys), out, errOut
	now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	f.Now = func() time.Time { return now }
	return f, out, errOut
}

// The whole terminal path: the form stopped with ctrl+c keeps a draft in
// the journal file, and the next run picks it up and saves the entry.
func TestIntentionFormDraftKeptAndResumed(t *testing.T) {
	db := filepath.Join(t.TempDir(), "j.db")
	f, _, errOut := formFactory(t, db, "To rest\tOld stories\x03")
	if code := Run(context.Background(), f, []string{"intention"}); code != exitAborted {
		t.Fatalf("exit %d, want %d; stderr: %s", code, exitAborted, errOut)
	}
	if !strings.Contains(errOut.String(), "kept as a draft: run journal intention to pick them up") {
		t.Errorf("stderr: %s", errOut)
	}

	// Enter picks up the draft at step 2; tab goes through the rest, and
	// enter on the last screen saves.
	f, out, errOut := formFactory(t, db, "\r\t\t\t\t\t\t\r")
	if code := Run(context.Background(), f, []string{"intention"}); code != exitOK {
		t.Fatalf("exit %d; stderr: %s", code, errOut)
	}
	if !strings.Contains(out.String(), "Saved entry 1 (before a session)") {
		t.Errorf("stdout: %q", out)
	}

	f, out, _ = formFactory(t, db, "")
	f.IO.OutTTY = false
	if code := Run(context.Background(), f, []string{"show", "1"}); code != exitOK {
		t.Fatal("show failed")
	}
	for _, want := range []string{"What do you hope to explore in this session?\nTo rest\n", "let go of?\nOld stories\n", "(skipped)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("entry lacks %q:\n%s", want, out)
		}
	}

	// The draft is gone once the entry is saved: the next run starts fresh
	// and stopping at once keeps nothing.
	f, _, errOut = formFactory(t, db, "\x03")
	// "kept as a draft", not "draft": the form's key help ("esc stop and
	// keep a draft") is on stderr too when a frame is drawn before Ctrl+C.
	if code := Run(context.Background(), f, []string{"intention"}); code != exitAborted || strings.Contains(errOut.String(), "kept as a draft") {
		t.Errorf("exit %d, stderr %s", code, errOut)
	}
}

// JOURNAL_ACCESSIBLE=1 asks plain lines at a terminal too: a long answer
// ends with a lone full stop, options are picked by number or words, and
// a review comes before saving.
func TestGuideAccessibleAsksLineByLine(t *testing.T) {
	db := filepath.Join(t.TempDir(), "j.db")
	f, out, errOut := formFactory(t, db, "4\nAfter work\nand at night\n.\n\n\nRest, 3\n\ny\n")
	env := map[string]string{"JOURNAL_DB": db, "JOURNAL_ACCESSIBLE": "1", "XDG_CONFIG_HOME": filepath.Join(filepath.Dir(db), "config")}
	f.Getenv = func(k string) string { return env[k] }
	if code := Run(context.Background(), f, []string{"guide", "weekly"}); code != exitOK {
		t.Fatalf("exit %d; stderr: %s", code, errOut)
	}
	if !strings.Contains(errOut.String(), "1 of 6. Over this week, how strong were cravings on the whole?\n") ||
		!strings.Contains(errOut.String(), "Your answers:") || !strings.Contains(errOut.String(), "> ") {
		t.Errorf("questions: %s", errOut)
	}
	if !strings.Contains(out.String(), "Saved entry 1 (weekly review)") {
		t.Errorf("stdout: %q", out)
	}
	f, out, _ = formFactory(t, db, "")
	f.IO.OutTTY = false
	Run(context.Background(), f, []string{"show", "1"})
	for _, want := range []string{"\n4 (0 = none, 10 = very strong)\n", "\nAfter work\nand at night\n", "\nRest, Time with someone\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("entry lacks %q:\n%s", want, out)
		}
	}
}

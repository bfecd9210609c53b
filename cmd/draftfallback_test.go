package cmd

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A journal whose drafts folder cannot be made (something else has its
// name, as in a read-only folder) keeps the draft in the private state
// folder instead, and the next run offers it from there.
func TestDraftFallsBackToTheStateFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "journal.db-drafts"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"XDG_STATE_HOME": filepath.Join(dir, "state")}
	f, _, errOut := trackFactory(t, dir, "8\x03", true, env)
	if code := Run(context.Background(), f, []string{"craving"}); code != exitAborted {
		t.Fatalf("exit %d, want 130; stderr %q", code, errOut)
	}
	if !strings.Contains(errOut.String(), "your answers are kept as a draft: run journal craving to pick them up") {
		t.Errorf("stderr does not say the answers are kept:\n%s", errOut)
	}
	kept, _ := filepath.Glob(filepath.Join(dir, "state", "journal", "drafts", "journal.db-*", "craving.json"))
	if len(kept) != 1 {
		t.Fatalf("no draft in the state folder: %v", kept)
	}
	if fi, err := os.Stat(filepath.Dir(kept[0])); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("fallback folder mode: %v %v", fi.Mode(), err)
	}

	env["JOURNAL_ACCESSIBLE"] = "1"
	f, out, errOut := trackFactory(t, dir, strings.Repeat("\n", 12), true, env)
	if code := Run(context.Background(), f, []string{"craving"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut.String(), "Picked up your unfinished craving") || !strings.Contains(out.String(), "Saved craving 8/10") {
		t.Errorf("the fallback draft was not picked up:\nstdout %s\nstderr %s", out, errOut)
	}
	if _, err := os.Stat(kept[0]); !os.IsNotExist(err) {
		t.Errorf("the draft is still there after the save: %v", err)
	}
}

// With no folder at all to keep a draft in, the answers are printed on
// stderr so they can still be copied.
func TestAnswersPrintedWhenNoDraftCanBeKept(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"journal.db-drafts", "state"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	env := map[string]string{"XDG_STATE_HOME": filepath.Join(dir, "state")}
	f, _, errOut := trackFactory(t, dir, "8\x03", true, env)
	if code := Run(context.Background(), f, []string{"craving"}); code != exitAborted {
		t.Fatalf("exit %d, want 130; stderr %q", code, errOut)
	}
	if !strings.Contains(errOut.String(), "Your answers, so you can copy them:") || !strings.Contains(errOut.String(), "8") {
		t.Errorf("the answers are not on the screen:\n%s", errOut)
	}
}

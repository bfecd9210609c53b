package cmd

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// With an encrypted journal, a kept draft and the editor's working copy
// live in the private folder in memory ($XDG_RUNTIME_DIR), never beside the
// journal or in $TMPDIR; the draft is picked up as before.
func TestEncryptedJournalKeepsTypedTextInMemory(t *testing.T) {
	dir := t.TempDir()
	run := filepath.Join(dir, "run")
	tmp := filepath.Join(dir, "tmp")
	for _, d := range []string{run, tmp} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("TMPDIR", tmp)
	where := filepath.Join(dir, "editor-file")
	env := map[string]string{
		"JOURNAL_PASSPHRASE": "river lamp tuesday",
		"XDG_RUNTIME_DIR":    run,
		// The editor writes the entry and says where its file was.
		"EDITOR": `ed() { echo 'heron by the water' > "$1"; echo "$1" > '` + where + `'; }; ed`,
	}
	f, _, errOut := trackFactory(t, dir, "", false, env)
	f.ScryptWorkFactor = 10
	if code := Run(context.Background(), f, []string{"encrypt"}); code != 0 {
		t.Fatalf("encrypt: exit %d: %s", code, errOut)
	}

	f, _, errOut = trackFactory(t, dir, "8\x03", true, env)
	if code := Run(context.Background(), f, []string{"craving"}); code != exitAborted {
		t.Fatalf("craving: exit %d, want 130: %s", code, errOut)
	}
	drafts, _ := filepath.Glob(filepath.Join(run, "journal", "drafts-*", "*.json"))
	if len(drafts) != 1 {
		t.Fatalf("drafts in the memory folder: %q, want one", drafts)
	}
	if _, err := os.Stat(filepath.Join(dir, "journal.db-drafts")); err == nil {
		t.Error("a drafts folder was made beside the encrypted journal")
	}
	f, out, errOut := trackFactory(t, dir, strings.Repeat("\n", 12), true, mergeEnv(env, "JOURNAL_ACCESSIBLE", "1"))
	if code := Run(context.Background(), f, []string{"craving"}); code != 0 {
		t.Fatalf("craving again: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out.String(), "Saved craving 8/10") {
		t.Errorf("the kept draft was not picked up: %q %q", out, errOut)
	}

	f, _, errOut = trackFactory(t, dir, "", true, env)
	if code := Run(context.Background(), f, []string{"write"}); code != 0 {
		t.Fatalf("write: exit %d: %s", code, errOut)
	}
	b, err := os.ReadFile(where)
	if err != nil {
		t.Fatal(err)
	}
	if p := strings.TrimSpace(string(b)); !strings.HasPrefix(p, filepath.Join(run, "journal")+"/") {
		t.Errorf("the editor's file was %s, not in the memory folder %s", p, run)
	}
	// The marker typed in the editor is in no file beside the journal or in
	// $TMPDIR.
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(p, run) {
			return err
		}
		if b, _ := os.ReadFile(p); strings.Contains(string(b), "heron") {
			t.Errorf("the text typed is in %s", p)
		}
		return nil
	})
}

func mergeEnv(env map[string]string, k, v string) map[string]string {
	out := map[string]string{k: v}
	for a, b := range env {
		out[a] = b
	}
	return out
}

// At a terminal the passphrase is asked in the form engine's passphrase
// field, saying which journal and for how long it is remembered.
func TestEncryptedJournalAsksForThePassphraseAtATerminal(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"JOURNAL_PASSPHRASE": "river lamp tuesday", "XDG_RUNTIME_DIR": dir}
	for _, args := range [][]string{{"write", "kept"}, {"encrypt"}, {"lock"}} {
		f, _, errOut := trackFactory(t, dir, "", false, env)
		f.ScryptWorkFactor = 10
		if code := Run(context.Background(), f, args); code != 0 {
			t.Fatalf("%s: exit %d: %s", args[0], code, errOut)
		}
	}
	f, out, errOut := trackFactory(t, dir, "river lamp tuesday\r", true, map[string]string{"XDG_RUNTIME_DIR": dir})
	if code := Run(context.Background(), f, []string{"list"}); code != 0 {
		t.Fatalf("list: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out.String(), "kept") {
		t.Errorf("stdout %q", out)
	}
	if want := "journal.db is encrypted: type its passphrase (remembered for 15 minutes; journal lock forgets it)."; !strings.Contains(errOut.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, errOut)
	}
	f, _, _ = trackFactory(t, dir, "", false, nil)
	Run(context.Background(), f, []string{"lock"})
}

// Drafts kept beside a plain journal move into memory when it is
// encrypted, and no plain copy stays beside it.
func TestEncryptMovesDraftsIntoMemory(t *testing.T) {
	dir := t.TempDir()
	run := filepath.Join(dir, "run")
	os.Mkdir(run, 0o700)
	env := map[string]string{"JOURNAL_PASSPHRASE": "river lamp tuesday", "XDG_RUNTIME_DIR": run}
	f, _, errOut := trackFactory(t, dir, "8\x03", true, env)
	if code := Run(context.Background(), f, []string{"craving"}); code != exitAborted {
		t.Fatalf("craving: exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "journal.db-drafts", "craving.json")); err != nil {
		t.Fatalf("no plain draft to move: %v", err)
	}
	f, out, errOut := trackFactory(t, dir, "", false, env)
	f.ScryptWorkFactor = 10
	if code := Run(context.Background(), f, []string{"encrypt"}); code != 0 {
		t.Fatalf("encrypt: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out.String(), "Unfinished drafts (1) now wait in memory") {
		t.Errorf("stdout %q", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "journal.db-drafts")); err == nil {
		t.Error("the plain drafts folder is still beside the journal")
	}
	moved, _ := filepath.Glob(filepath.Join(run, "journal", "drafts-*", "craving.json"))
	if len(moved) != 1 {
		t.Errorf("drafts in memory: %q", moved)
	}
	f, _, _ = trackFactory(t, dir, "", false, nil)
	Run(context.Background(), f, []string{"lock"})
}

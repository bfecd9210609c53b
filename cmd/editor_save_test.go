package cmd

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// $VISUAL is the editor when both are set, as in other terminal programs;
// $EDITOR when only it is; neither gives errNoEditor for the caller to
// offer something else.
func TestEditorCommandPrefersVisual(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want string
		err  error
	}{
		{map[string]string{"VISUAL": "nano", "EDITOR": "vi"}, "nano", nil},
		{map[string]string{"VISUAL": " ", "EDITOR": "code --wait"}, "code --wait", nil},
		{map[string]string{"EDITOR": "ed"}, "ed", nil},
		{map[string]string{}, "", errNoEditor},
	} {
		f, _, _ := testFactory(tc.env)
		got, err := f.editorCommand()
		if got != tc.want || !errors.Is(err, tc.err) {
			t.Errorf("%v: editorCommand() = %q, %v; want %q, %v", tc.env, got, err, tc.want, tc.err)
		}
	}
}

func TestWriteUsesVisualBeforeEditor(t *testing.T) {
	visual, _ := fakeEditor(t, "from visual")
	editor, _ := fakeEditor(t, "from editor")
	dir := t.TempDir()
	f, out, errOut := testFactory(map[string]string{"VISUAL": visual, "EDITOR": editor, "JOURNAL_DB": filepath.Join(dir, "j.db")})
	f.Now = fixedClock
	if code := Run(t.Context(), f, []string{"write", "--json"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out.String(), `"body": "from visual"`) {
		t.Errorf("saved entry = %s", out)
	}
}

// lockingEditor is an editor that writes text, then, while it is still
// open, lets the test take the journal's write lock (as another program
// would) before it closes. The lock is held until release is called,
// which is after the save has given up.
func lockingEditor(t *testing.T, db, text string) (editor string, release func()) {
	t.Helper()
	dir := t.TempDir()
	opened, locked := filepath.Join(dir, "opened"), filepath.Join(dir, "locked")
	editor = filepath.Join(dir, "editor.sh")
	body := "#!/bin/sh\nprintf '%s' '" + text + "' > \"$1\"\n: > " + opened + "\n" +
		"while [ ! -e " + locked + " ]; do sleep 0.02; done\n"
	if err := os.WriteFile(editor, []byte(body), 0o700); err != nil {
		t.Fatal(err)
	}
	other, err := sql.Open("sqlite", "file:"+db+"?_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan *sql.Tx, 1)
	go func() {
		for {
			if _, err := os.Stat(opened); err == nil {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		tx, err := other.Begin()
		if err != nil {
			t.Error(err)
		}
		os.WriteFile(locked, nil, 0o600)
		done <- tx
	}()
	return editor, func() {
		if tx := <-done; tx != nil {
			tx.Rollback()
		}
		other.Close()
	}
}

// keptFile returns the private file an error message names.
func keptFile(t *testing.T, msg string) string {
	t.Helper()
	i := strings.Index(msg, "your text is kept in ")
	if i < 0 {
		t.Fatalf("stderr does not name a kept file: %q", msg)
	}
	return strings.Fields(msg[i+len("your text is kept in "):])[0]
}

// When another program holds the journal's write lock for longer than the
// busy timeout, the entry written in the editor is not thrown away: the
// private copy stays, one line names it and how to save it later, the exit
// is non-zero, and that command saves it once the journal is free.
func TestWriteKeepsTheEditorTextWhenTheSaveFails(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "j.db")
	env := map[string]string{"JOURNAL_DB": db}
	f, _, errOut := testFactory(env)
	f.Now = fixedClock
	f.IO.InTTY = false
	if code := Run(t.Context(), f, []string{"write", "an earlier entry"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}

	editor, release := lockingEditor(t, db, "A long evening, written out in full. #evening")
	env["VISUAL"] = editor
	f, _, errOut = testFactory(env)
	f.Now = fixedClock
	code := Run(t.Context(), f, []string{"write", "--private", "--at", "yesterday 21:30"})
	release()
	if code != exitFailure {
		t.Fatalf("exit %d, want 1: %s", code, errOut)
	}
	msg := errOut.String()
	if strings.Count(msg, "\n") != 1 || !strings.HasPrefix(msg, "journal: ") {
		t.Errorf("want one line, got %q", msg)
	}
	if !strings.Contains(msg, "is busy: another journal command or program is still writing to it") {
		t.Errorf("the message does not say the journal was busy: %q", msg)
	}
	kept := keptFile(t, msg)
	defer os.RemoveAll(filepath.Dir(kept))
	if b, err := os.ReadFile(kept); err != nil || string(b) != "A long evening, written out in full. #evening" {
		t.Fatalf("kept file %s: %q, %v", kept, b, err)
	}
	if fi, err := os.Stat(kept); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("kept file mode: %v %v", fi, err)
	}
	// The time in full: "yesterday" would be another day when it is run.
	retry := "save it later with: journal write --at 2026-11-24T21:30:00Z --private < " + kept
	if !strings.HasSuffix(strings.TrimSpace(msg), retry) {
		t.Errorf("stderr %q\ndoes not end with %q", msg, retry)
	}

	// The named command saves it, with the same choices.
	in, err := os.Open(kept)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	f, out, errOut := testFactory(env)
	f.Now = fixedClock
	f.IO.In, f.IO.InTTY = in, false
	if code := Run(t.Context(), f, []string{"write", "--at", "2026-11-24T21:30:00Z", "--private", "--json"}); code != 0 {
		t.Fatalf("retry: exit %d: %s", code, errOut)
	}
	for _, want := range []string{`"body": "A long evening, written out in full. #evening"`, `"private": true`, `"day": "2026-11-24"`, `"occurred_at": "2026-11-24T21:30:00Z"`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("saved entry lacks %s:\n%s", want, out)
		}
	}
}

// The same for edit: the new text stays in its private file, the entry
// keeps its old text, and the suggested command names the --db given.
func TestEditKeepsTheEditorTextWhenTheSaveFails(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "j.db")
	env := map[string]string{"JOURNAL_DB": db}
	f, _, errOut := testFactory(env)
	f.Now = fixedClock
	f.IO.InTTY = false
	if code := Run(t.Context(), f, []string{"write", "first draft"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}

	editor, release := lockingEditor(t, db, "second, better draft")
	env["EDITOR"] = editor
	f, _, errOut = testFactory(env)
	f.Now = fixedClock
	delete(env, "JOURNAL_DB")
	code := Run(t.Context(), f, []string{"--db", db, "edit", "1"})
	release()
	if code != exitFailure {
		t.Fatalf("exit %d, want 1: %s", code, errOut)
	}
	kept := keptFile(t, errOut.String())
	defer os.RemoveAll(filepath.Dir(kept))
	if b, err := os.ReadFile(kept); err != nil || string(b) != "second, better draft" {
		t.Fatalf("kept file %s: %q, %v", kept, b, err)
	}
	if !strings.HasSuffix(strings.TrimSpace(errOut.String()), "save it later with: journal --db "+db+" edit 1 < "+kept) {
		t.Errorf("stderr %q does not say how to save it", errOut)
	}
	f, out, errOut := testFactory(env)
	f.Now = fixedClock
	f.IO.InTTY = false
	if code := Run(t.Context(), f, []string{"--db", db, "show", "1", "--json"}); code != 0 {
		t.Fatalf("show: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out.String(), `"body": "first draft"`) {
		t.Errorf("the entry changed although the save failed:\n%s", out)
	}
}

// Ctrl+C at the terminal while the editor is open (people press it in vim
// to leave insert mode) reaches journal too: journal stays and saves what
// the editor saved. Here the editor sends the interrupt itself; without
// journal catching it, this test's process would die.
func TestWriteOutlivesCtrlCInTheEditor(t *testing.T) {
	script := filepath.Join(t.TempDir(), "editor.sh")
	body := "#!/bin/sh\nkill -INT " + strconv.Itoa(os.Getpid()) + "\nsleep 0.2\nprintf 'still here' > \"$1\"\n"
	if err := os.WriteFile(script, []byte(body), 0o700); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	f, out, errOut := testFactory(map[string]string{"VISUAL": script, "JOURNAL_DB": filepath.Join(dir, "j.db")})
	f.Now = fixedClock
	if code := Run(t.Context(), f, []string{"write", "--json"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out.String(), `"body": "still here"`) {
		t.Errorf("saved entry = %s", out)
	}
}

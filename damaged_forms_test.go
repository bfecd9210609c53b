package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// damagePages overwrites five pages in the middle of a file with noise, as
// the scripts' damage command does.
func damagePages(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	first := len(b) / page * 2 / 5 * page
	for i := first; i < first+5*page && i < len(b); i++ {
		b[i] = byte(i*7919 + 13)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// Issue 10, case 3: on a damaged journal, every command that asks in a
// form, opens the editor or asks before a change says so before the first
// question, so nothing is typed in vain, and the file is not written.
func TestDamagedJournalRefusedBeforeTheForm(t *testing.T) {
	db, env := ptyEnv(t, "2026-11-25T20:00:00Z")
	bin, err := exec.LookPath("journal")
	if err != nil {
		t.Skip("the journal command is not on PATH here")
	}
	if out, err := exec.Command(bin, "demo", "--db", db).CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	damagePages(t, db)
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	opened := filepath.Join(t.TempDir(), "editor-opened")
	withEditor := append(append([]string{}, env...), "EDITOR=touch "+opened)
	for _, tc := range []struct {
		name string
		env  []string
		args []string
	}{
		// The first one finds the damage itself, with no mark beside the
		// journal yet; the others find the mark.
		{"write in a text box", env, []string{"write"}},
		{"write in the editor", withEditor, []string{"write"}},
		{"edit in the editor", withEditor, []string{"edit", "1"}},
		{"craving", env, []string{"craving"}},
		{"checkin", env, []string{"checkin"}},
		{"measure", env, []string{"measure", "phq9"}},
		{"reflect", env, []string{"reflect"}},
		{"intention", env, []string{"intention"}},
		{"delete", env, []string{"delete", "1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := startPty(t, tc.env, tc.args...)
			if code := r.wait(); code != 1 {
				t.Fatalf("exit %d, want 1:\n%q", code, r.screen())
			}
			s := r.screen()
			if !strings.Contains(s, "journal.db is damaged (part of the file cannot be read)") {
				t.Errorf("the damage is not named:\n%q", s)
			}
			if strings.Count(strings.TrimSpace(s), "\n") > 0 {
				t.Errorf("more than the one line:\n%q", s)
			}
			if _, err := os.Stat(opened); err == nil {
				t.Error("the editor was opened")
			}
			if _, err := os.Stat(db + "-damaged"); err != nil {
				t.Errorf("no damage mark beside the journal: %v", err)
			}
		})
	}
	after, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if string(after) != string(before) {
		t.Error("the damaged journal was written to")
	}
}

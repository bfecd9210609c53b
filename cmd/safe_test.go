package cmd

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runAt runs one command line at a terminal whose answers are in, on the
// journal at db, and returns the exit code and both outputs.
func runAt(t *testing.T, db, in string, args ...string) (int, string, string) {
	t.Helper()
	// Questions as plain lines, so that they are there to read.
	f, out, errOut := testFactory(map[string]string{"XDG_CONFIG_HOME": filepath.Join(filepath.Dir(db), "config"), "JOURNAL_ACCESSIBLE": "1"})
	f.IO.In = strings.NewReader(in)
	f.Now = func() time.Time { return time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC) }
	code := Run(context.Background(), f, append([]string{"--db", db}, args...))
	return code, out.String(), errOut.String()
}

func TestRestoreAndPurgeAskFirstAtATerminal(t *testing.T) {
	db := filepath.Join(t.TempDir(), "journal.db")
	copyPath := filepath.Join(filepath.Dir(db), "copy.db")
	runAt(t, db, "", "write", "Walked by the river")
	if code, _, errOut := runAt(t, db, "", "backup", copyPath); code != 0 {
		t.Fatalf("backup: %d %s", code, errOut)
	}
	runAt(t, db, "", "write", "After the backup")

	// "no" (or just Enter) keeps the journal as it is.
	code, _, errOut := runAt(t, db, "\n", "restore", copyPath)
	if code != 0 || !strings.Contains(errOut, "notes                             2            1") ||
		!strings.Contains(errOut, "Replace your journal with") || !strings.Contains(errOut, "Kept your journal as it is.") {
		t.Fatalf("restore answered no: %d\n%s", code, errOut)
	}
	if _, out, _ := runAt(t, db, "", "list"); !strings.Contains(out, "After the backup") {
		t.Fatal("answering no changed the journal")
	}
	code, _, errOut = runAt(t, db, "y\n", "restore", copyPath)
	if code != 0 || !strings.Contains(errOut, "Restored your journal from") {
		t.Fatalf("restore answered yes: %d\n%s", code, errOut)
	}
	if _, out, _ := runAt(t, db, "", "list"); strings.Contains(out, "After the backup") {
		t.Fatal("answering yes did not restore the backup")
	}

	runAt(t, db, "", "delete", "1", "--yes")
	code, _, errOut = runAt(t, db, "no\n", "purge")
	if code != 0 || !strings.Contains(errOut, "Remove 1 deleted entry for good?") || !strings.Contains(errOut, "Nothing was removed.") {
		t.Fatalf("purge answered no: %d\n%s", code, errOut)
	}
	if code, _, errOut := runAt(t, db, "", "restore", "1"); code != 0 {
		t.Fatalf("the entry cannot be restored after purge was declined: %s", errOut)
	}
	runAt(t, db, "", "delete", "1", "--yes")
	code, _, errOut = runAt(t, db, "yes\n", "purge")
	if code != 0 || !strings.Contains(errOut, "Removed 1 deleted entry for good.") {
		t.Fatalf("purge answered yes: %d\n%s", code, errOut)
	}
	if code, _, _ := runAt(t, db, "", "restore", "1"); code != 2 {
		t.Fatalf("a purged entry came back: exit %d", code)
	}
}

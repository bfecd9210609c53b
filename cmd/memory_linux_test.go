package cmd

import (
	"context"
	"testing"

	"golang.org/x/sys/unix"
)

// A command that opens an encrypted journal turns core dumps off: its
// memory holds the journal in the clear.
func TestEncryptedJournalTurnsCoreDumpsOff(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"JOURNAL_PASSPHRASE": "river lamp tuesday", "XDG_RUNTIME_DIR": dir}
	for _, args := range [][]string{{"write", "kept"}, {"encrypt"}} {
		f, _, errOut := trackFactory(t, dir, "", false, env)
		f.ScryptWorkFactor = 10
		if code := Run(context.Background(), f, args); code != 0 {
			t.Fatalf("%s: exit %d: %s", args[0], code, errOut)
		}
	}
	var before unix.Rlimit
	unix.Getrlimit(unix.RLIMIT_CORE, &before)
	dumpable, _ := unix.PrctlRetInt(unix.PR_GET_DUMPABLE, 0, 0, 0, 0)
	t.Cleanup(func() {
		unix.Setrlimit(unix.RLIMIT_CORE, &before)
		unix.Prctl(unix.PR_SET_DUMPABLE, uintptr(dumpable), 0, 0, 0)
	})
	f, _, errOut := trackFactory(t, dir, "", false, env)
	if code := Run(context.Background(), f, []string{"list"}); code != 0 {
		t.Fatalf("list: exit %d: %s", code, errOut)
	}
	if d, err := unix.PrctlRetInt(unix.PR_GET_DUMPABLE, 0, 0, 0, 0); err != nil || d != 0 {
		t.Errorf("PR_GET_DUMPABLE = %d, %v; want 0", d, err)
	}
	var rl unix.Rlimit
	if err := unix.Getrlimit(unix.RLIMIT_CORE, &rl); err != nil || rl.Cur != 0 {
		t.Errorf("RLIMIT_CORE = %d, %v; want 0", rl.Cur, err)
	}
	f, _, _ = trackFactory(t, dir, "", false, nil)
	Run(context.Background(), f, []string{"lock"})
}

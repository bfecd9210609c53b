package cmd

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkHelp is `journal --help` inside the process: the command tree
// and the usage text, without the process start.
func BenchmarkHelp(b *testing.B) {
	for b.Loop() {
		f, _, _ := testFactory(nil)
		if code := Run(context.Background(), f, []string{"--help"}); code != exitOK {
			b.Fatal(code)
		}
	}
}

// BenchmarkListCommand is `journal list -n 10` on a busy one-year demo
// journal inside the process: the tree for one command, opening the
// journal, the entries and their rendering.
func BenchmarkListCommand(b *testing.B) {
	db := filepath.Join(b.TempDir(), "journal.db")
	now := func() time.Time { return time.Date(2026, 11, 25, 20, 0, 0, 0, time.Local) }
	f, _, errOut := testFactory(nil)
	f.Now = now
	if code := Run(context.Background(), f, []string{"demo", "--days", "365", "--busy", "--quiet", "--db", db}); code != exitOK {
		b.Fatal(errOut)
	}
	for b.Loop() {
		f, out, errOut := testFactory(nil)
		f.Now = now
		if code := Run(context.Background(), f, []string{"--db", db, "list", "-n", "10"}); code != exitOK || out.Len() == 0 {
			b.Fatal(code, errOut)
		}
	}
}

package cmd

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

func TestWriteFileAtomic(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	dir := t.TempDir()
	path := filepath.Join(dir, "export.md")
	os.WriteFile(path, []byte("old export"), 0o644)

	// A failing writer leaves the old file and no temporary file.
	err := writeFileAtomic(path, func(w io.Writer) error {
		io.WriteString(w, "half")
		return errors.New("boom")
	})
	if err == nil {
		t.Fatal("want the writer's error")
	}
	if b, _ := os.ReadFile(path); string(b) != "old export" {
		t.Errorf("after a failure the file holds %q", b)
	}
	if names, _ := os.ReadDir(dir); len(names) != 1 {
		t.Errorf("a temporary file was left: %v", names)
	}

	if err := writeFileAtomic(path, func(w io.Writer) error { _, err := io.WriteString(w, "new export"); return err }); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(path)
	if b, _ := os.ReadFile(path); string(b) != "new export" || fi.Mode().Perm() != 0o600 {
		t.Errorf("file = %q mode %v, want the new text at 0600", b, fi.Mode().Perm())
	}
}

// Temporary files of a killed export are removed on the next export into
// the folder; recent ones (an export running now) and anything not
// unmistakably ours stay.
func TestRemoveStaleTemps(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	mk := func(name string, mode os.FileMode, age time.Duration) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte("a whole export, private entries included"), 0o600)
		os.Chmod(p, mode)
		os.Chtimes(p, now.Add(-age), now.Add(-age))
		return p
	}
	stale := mk(".export.md.tmp-123456", 0o600, time.Hour)
	fresh := mk(".export.md.tmp-654321", 0o600, time.Minute)
	notDigits := mk(".notes.tmp-draft", 0o600, time.Hour)
	otherMode := mk(".photo.jpg.tmp-42", 0o644, time.Hour)
	plain := mk("export.md.tmp-777", 0o600, time.Hour)

	removeStaleTemps(dir, now)
	if _, err := os.Stat(stale); err == nil {
		t.Error("a stale temporary file of a killed export is still there")
	}
	for _, p := range []string{fresh, notDigits, otherMode, plain} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed", filepath.Base(p))
		}
	}
}

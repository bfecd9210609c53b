package cmd

import (
	"errors"
	"io"
	"io/fs"
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

// createFileAtomic never replaces a file: the old one stays, the error
// says it exists, and no temporary file is left.
func TestCreateFileAtomicKeepsAnExistingFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "evening.toml")
	write := func(text string) error {
		return createFileAtomic(path, func(w io.Writer) error { _, err := io.WriteString(w, text); return err })
	}
	if err := write("first"); err != nil {
		t.Fatal(err)
	}
	if err := write("second"); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("err = %v, want it to wrap fs.ErrExist", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "first" {
		t.Errorf("the file holds %q, want the first text", b)
	}
	if names, _ := os.ReadDir(dir); len(names) != 1 {
		t.Errorf("files left: %v", names)
	}
}

// A link to a file stays a link, its target gets the text; a pipe is
// written to, and stays a pipe.
func TestWriteFileAtomicKeepsLinksAndPipes(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.md")
	os.WriteFile(target, []byte("old"), 0o600)
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	write := func(text string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, text); return err }
	}
	if err := writeFileAtomic(link, write("new")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if b, _ := os.ReadFile(target); string(b) != "new" {
		t.Errorf("the link's target holds %q", b)
	}

	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	got := make(chan string)
	go func() {
		b, _ := os.ReadFile(fifo)
		got <- string(b)
	}()
	if err := writeFileAtomic(fifo, write("through the pipe")); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "through the pipe" {
		t.Errorf("the reader got %q", s)
	}
	if fi, _ := os.Lstat(fifo); fi.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the pipe was replaced by a file")
	}
	if names, _ := os.ReadDir(dir); len(names) != 3 {
		t.Errorf("files left behind: %v", names)
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

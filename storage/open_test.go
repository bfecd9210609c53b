package storage

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"journal/journal"
)

func fixedNow() time.Time { return time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC) }

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "journal.db"), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenMigratesFromEmpty(t *testing.T) {
	s := openTemp(t)
	var version int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		t.Fatal(err)
	}
	if version != SchemaVersion() || version < 2 {
		t.Fatalf("user_version = %d, want %d", version, SchemaVersion())
	}
	var mode string
	s.db.QueryRow("PRAGMA journal_mode").Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
	// Pragmas reach every pooled connection, not just the first.
	ctx := context.Background()
	c1, _ := s.db.Conn(ctx)
	c2, _ := s.db.Conn(ctx)
	defer c1.Close()
	defer c2.Close()
	for _, c := range []*sql.Conn{c1, c2} {
		var fk, busy int
		c.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk)
		c.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&busy)
		if fk != 1 || busy != 5000 {
			t.Errorf("connection has foreign_keys=%d busy_timeout=%d", fk, busy)
		}
	}
}

func TestReopenIsANoOp(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := Open(context.Background(), path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	e := journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow(), Body: "kept"}
	if err := s.AddEntry(context.Background(), &e); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, _ := os.ReadFile(path)
	s, err = Open(context.Background(), path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Entry(context.Background(), e.ID)
	s.Close()
	if err != nil || got.Body != "kept" {
		t.Fatalf("entry after reopen = %+v, %v", got, err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("reopening an up-to-date journal changed the file")
	}
}

func TestOpenMakesPrivateFilesWhateverTheUmask(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	dir := filepath.Join(t.TempDir(), "a", "b")
	path := filepath.Join(dir, "journal.db")
	s, err := Open(context.Background(), path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	e := journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow(), Body: "x"}
	if err := s.AddEntry(context.Background(), &e); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{dir, filepath.Dir(dir)} {
		if fi, err := os.Stat(d); err != nil || fi.Mode().Perm() != 0o700 {
			t.Errorf("folder %s mode = %v, want 0700", d, fi.Mode().Perm())
		}
	}
	// The WAL and shared-memory files exist while the store is open.
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode = %v, want 0600", filepath.Base(p), fi.Mode().Perm())
		}
	}
}

func TestOpenRefusesWithoutChangingTheFile(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.txt")
	os.WriteFile(notDB, []byte("my shopping list, not a database\n"), 0o644)

	newer := filepath.Join(dir, "newer.db")
	db, _ := sql.Open("sqlite", newer)
	db.Exec("CREATE TABLE future (x); PRAGMA user_version = 999")
	db.Close()

	other := filepath.Join(dir, "other.db")
	db, _ = sql.Open("sqlite", other)
	db.Exec("CREATE TABLE contacts (name)")
	db.Close()

	tests := []struct {
		path, want string
	}{
		{notDB, "is not a journal file"},
		{newer, "newer version of journal (schema 999"},
		{other, "database of another program"},
		{dir, "is a folder, not a journal file"},
	}
	for _, tt := range tests {
		var before []byte
		if fi, _ := os.Stat(tt.path); !fi.IsDir() {
			before, _ = os.ReadFile(tt.path)
		}
		_, err := Open(context.Background(), tt.path, fixedNow)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Open(%s) error = %v, want %q", filepath.Base(tt.path), err, tt.want)
		}
		if before != nil {
			after, _ := os.ReadFile(tt.path)
			if !bytes.Equal(before, after) {
				t.Errorf("Open(%s) changed the file", filepath.Base(tt.path))
			}
			for _, side := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(tt.path + side); err == nil {
					t.Errorf("Open(%s) left a %s file", filepath.Base(tt.path), side)
				}
			}
		}
	}
}

func TestOpenUnwritableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write anywhere")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	_, err := Open(context.Background(), filepath.Join(dir, "sub", "journal.db"), fixedNow)
	if err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("error = %v, want permission denied", err)
	}
}

// Someone holding the lock of a shared folder for ever delays creating a
// journal there by a moment, no more.
func TestCreateDoesNotWaitForeverOnAFolderLock(t *testing.T) {
	dir := t.TempDir()
	d, err := os.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := syscall.Flock(int(d.Fd()), syscall.LOCK_EX); err != nil {
		t.Skip("no flock here:", err)
	}
	s, err := Open(context.Background(), filepath.Join(dir, "journal.db"), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

// A creation killed half-way leaves its temporary journal; the next
// creation of that journal removes it.
func TestCreateRemovesLeftoverBuilds(t *testing.T) {
	dir := t.TempDir()
	left := []string{filepath.Join(dir, ".journal.db.new-12345"), filepath.Join(dir, ".journal.db.new-12345-wal")}
	other := filepath.Join(dir, ".other.db.new-12345")
	for _, p := range append(left, other) {
		os.WriteFile(p, []byte("half a schema"), 0o600)
	}
	s, err := Open(context.Background(), filepath.Join(dir, "journal.db"), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, p := range left {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s is still there", filepath.Base(p))
		}
	}
	if _, err := os.Stat(other); err != nil {
		t.Error("another journal's temporary file was removed")
	}
}

package storage

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"journal/journal"
)

// asUser is the system's trust with some paths read-only for this process,
// as a test running as root cannot make them for real.
func asUser(readOnly ...string) trust {
	t := systemTrust()
	sys := t.writable
	t.writable = func(p string) bool {
		for _, r := range readOnly {
			if p == r {
				return false
			}
		}
		return sys(p)
	}
	return t
}

// newJournal makes a journal with one entry, "kept", and closes it.
func newJournal(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "journal.db")
	s, err := Open(context.Background(), path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	e := journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow(), Body: "kept"}
	if err := s.AddEntry(context.Background(), &e); err != nil {
		t.Fatal(err)
	}
	s.Close()
	return path
}

// A journal in a read-only folder, or a read-only journal file, is read as
// usual; nothing is left beside it; a write names what blocks it.
func TestReadOnlyJournalIsRead(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name    string
		blocked func(path string) string
		why     string
	}{
		{"folder", filepath.Dir, "is a read-only folder"},
		{"file", func(p string) string { return p }, "is read-only"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := newJournal(t, t.TempDir())
			blocker := tc.blocked(path)
			s, err := asUser(blocker).open(ctx, path, fixedNow)
			if err != nil {
				t.Fatalf("open: %v", err)
			}
			defer s.Close()
			es, err := s.Entries(ctx, journal.Filter{})
			if err != nil || len(es) != 1 || es[0].Body != "kept" {
				t.Fatalf("list = %v, %v", es, err)
			}
			if _, _, err := s.Records(ctx, RecordFilter{IncludePrivate: true}); err != nil {
				t.Fatalf("export: %v", err)
			}
			for _, side := range []string{"-wal", "-shm"} {
				if exists(path + side) {
					t.Errorf("reading left %s behind", side)
				}
			}
			e := journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow(), Body: "new"}
			err = s.AddEntry(ctx, &e)
			want := "cannot write to " + path + ": " + blocker + " " + tc.why
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("write error = %v, want it to start %q", err, want)
			}
		})
	}
}

// The same for real, where the operating system enforces it.
func TestReadOnlyFolderForReal(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write anywhere; TestReadOnlyJournalIsRead plays it instead")
	}
	dir := t.TempDir()
	path := newJournal(t, dir)
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	s, err := Open(context.Background(), path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if es, err := s.Entries(context.Background(), journal.Filter{}); err != nil || len(es) != 1 {
		t.Fatalf("list = %v, %v", es, err)
	}
	e := journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow(), Body: "new"}
	if err := s.AddEntry(context.Background(), &e); err == nil || !strings.Contains(err.Error(), dir+" is a read-only folder") {
		t.Errorf("write error = %v", err)
	}
}

// A -wal and -shm left read-only (by reading a read-only journal with an
// older version) are made 0600 again, so writing works once the journal
// is writable; when that is not possible the write names the leftover.
func TestLeftoverReadOnlySidecars(t *testing.T) {
	ctx := context.Background()
	path := newJournal(t, t.TempDir())
	for _, side := range []string{"-wal", "-shm"} {
		os.WriteFile(path+side, nil, 0o444)
		os.Chmod(path+side, 0o444)
	}
	s, err := Open(ctx, path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	e := journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow(), Body: "new"}
	if err := s.AddEntry(ctx, &e); err != nil {
		t.Errorf("write: %v", err)
	}
	s.Close()
	for _, side := range []string{"-wal", "-shm"} {
		if fi, err := os.Stat(path + side); err == nil && fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode = %04o, want 0600", side, fi.Mode().Perm())
		}
	}

	// One that stays read-only for this process is named.
	s, err = Open(ctx, path, fixedNow) // makes the -shm again
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.WriteFile(path+"-shm", make([]byte, 32768), 0o600)
	s, err = asUser(path+"-shm").open(ctx, path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Entries(ctx, journal.Filter{}); err != nil {
		t.Errorf("list: %v", err)
	}
	err = s.AddEntry(ctx, &e)
	if err == nil || !strings.Contains(err.Error(), path+"-shm is read-only") {
		t.Errorf("write error = %v, want the -shm named", err)
	}
}

// A journal, folder, -wal or -shm that another user owns or can write to is
// refused with the reason; the person's own touched file becomes 0600.
func TestJournalOthersControlIsRefused(t *testing.T) {
	ctx := context.Background()
	otherOwns := func(target string) trust {
		tr := systemTrust()
		sys := tr.owner
		tr.owner = func(fi fs.FileInfo) int {
			if fi.Name() == filepath.Base(target) {
				return 4242
			}
			return sys(fi)
		}
		return tr
	}
	t.Run("file of another user", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "journal.db")
		os.WriteFile(path, nil, 0o600)
		_, err := otherOwns(path).open(ctx, path, fixedNow)
		if err == nil || !strings.Contains(err.Error(), path+" belongs to another user") {
			t.Errorf("error = %v", err)
		}
		if fileSize(path) != 0 {
			t.Error("the other user's file was written")
		}
	})
	t.Run("-wal of another user", func(t *testing.T) {
		path := newJournal(t, t.TempDir())
		os.WriteFile(path+"-wal", nil, 0o600)
		_, err := otherOwns(path+"-wal").open(ctx, path, fixedNow)
		if err == nil || !strings.Contains(err.Error(), path+"-wal belongs to another user") {
			t.Errorf("error = %v", err)
		}
	})
	t.Run("folder of another user", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "theirs")
		os.Mkdir(dir, 0o700)
		path := filepath.Join(dir, "journal.db")
		_, err := otherOwns(dir).open(ctx, path, fixedNow)
		if err == nil || !strings.Contains(err.Error(), "its folder "+dir+" belongs to another user") {
			t.Errorf("error = %v", err)
		}
		if exists(path) {
			t.Error("a journal was made in another user's folder")
		}
	})
	t.Run("world-writable file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "journal.db")
		os.WriteFile(path, nil, 0o600)
		os.Chmod(path, 0o666)
		_, err := Open(ctx, path, fixedNow)
		if err == nil || !strings.Contains(err.Error(), "other users can write to "+path+" (mode 0666)") {
			t.Errorf("error = %v", err)
		}
	})
	groupIsOwn := func(own bool) trust {
		tr := systemTrust()
		tr.ownGroup = func(fs.FileInfo) bool { return own }
		return tr
	}
	t.Run("group-writable folder of a shared group", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "shared")
		os.Mkdir(dir, 0o700)
		os.Chmod(dir, 0o770)
		_, err := groupIsOwn(false).open(ctx, filepath.Join(dir, "journal.db"), fixedNow)
		if err == nil || !strings.Contains(err.Error(), "other users can write to its folder "+dir) {
			t.Errorf("error = %v", err)
		}
	})
	t.Run("group-writable folder and file of the person's own group", func(t *testing.T) {
		// What umask 002 makes on systems with a private group per user.
		dir := filepath.Join(t.TempDir(), "notes")
		os.Mkdir(dir, 0o700)
		os.Chmod(dir, 0o775)
		path := filepath.Join(dir, "journal.db")
		os.WriteFile(path, nil, 0o600)
		os.Chmod(path, 0o664)
		s, err := groupIsOwn(true).open(ctx, path, fixedNow)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
			t.Errorf("mode %04o, want 0600", fi.Mode().Perm())
		}
	})
	t.Run("own file in a sticky shared folder", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "tmp")
		os.Mkdir(dir, 0o700)
		os.Chmod(dir, 0o777|fs.ModeSticky)
		path := filepath.Join(dir, "journal.db")
		os.WriteFile(path, nil, 0o600)
		os.Chmod(path, 0o644) // as touch makes it
		s, err := Open(ctx, path, fixedNow)
		if err != nil {
			t.Fatal(err)
		}
		e := journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow(), Body: "mine"}
		if err := s.AddEntry(ctx, &e); err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		for _, p := range []string{path, path + "-wal", path + "-shm"} {
			if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o600 {
				t.Errorf("%s: mode %v, %v; want 0600", filepath.Base(p), fi.Mode().Perm(), err)
			}
		}
	})
}

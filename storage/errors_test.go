package storage

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Real SQLite errors, each classified by its result code and worded as one
// line that names the file and what to do.
func TestExplainSQLiteErrors(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := newJournal(t, dir)
	raw := func(t *testing.T, p, params string) *sql.DB {
		db, err := sql.Open("sqlite", "file:"+p+"?"+params)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	insert := `INSERT INTO calls (uuid, day, created_at, updated_at) VALUES (hex(randomblob(8)), '2026-11-20', 'x', 'x')`

	t.Run("busy", func(t *testing.T) {
		holder := raw(t, path, "_txlock=immediate")
		tx, err := holder.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		_, err = raw(t, path, "_pragma=busy_timeout(0)&_txlock=immediate").Exec(insert)
		assertExplained(t, path, err, ProblemBusy, path+" is busy: another journal command or program is still writing to it; try again in a moment")
	})
	t.Run("read-only", func(t *testing.T) {
		_, err := raw(t, path, "mode=ro").Exec(insert)
		assertExplained(t, path, err, ProblemReadOnly, "cannot write to "+path+": ")
	})
	t.Run("full", func(t *testing.T) {
		// SQLite reports a database that cannot grow as SQLITE_FULL, the
		// code a full disk gives.
		db := raw(t, path, "_pragma=max_page_count(1)")
		_, err := db.Exec(`INSERT INTO entries (uuid, kind, day, occurred_at, body, created_at, updated_at)
			SELECT hex(randomblob(8)), 'note', '2026-11-20', 'x', hex(randomblob(20000)), 'x', 'x'`)
		assertExplained(t, path, err, ProblemFull, "cannot write to "+path+": the disk holding it is full; nothing was saved: free some space")
	})
	t.Run("not a database", func(t *testing.T) {
		p := filepath.Join(dir, "notes.db")
		os.WriteFile(p, []byte(strings.Repeat("my shopping list\n", 300)), 0o600)
		_, err := raw(t, p, "").Exec("SELECT * FROM sqlite_schema")
		assertExplained(t, p, err, ProblemNotDatabase, p+" is not a journal file (it is not an SQLite database)")
	})
	t.Run("system errors", func(t *testing.T) {
		for _, tc := range []struct {
			err  error
			want Problem
		}{
			{fmt.Errorf("write: %w", syscall.ENOSPC), ProblemFull},
			{&os.PathError{Op: "open", Path: path, Err: syscall.EROFS}, ProblemReadOnly},
			{&os.PathError{Op: "open", Path: path, Err: syscall.EACCES}, ProblemReadOnly},
			{fmt.Errorf("no entry with id 9"), ProblemNone},
		} {
			if got := Classify(tc.err, dir); got != tc.want {
				t.Errorf("Classify(%v) = %v, want %v", tc.err, got, tc.want)
			}
		}
	})
}

func assertExplained(t *testing.T, path string, err error, want Problem, prefix string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	if got := Classify(err, filepath.Dir(path)); got != want {
		t.Errorf("Classify(%v) = %v, want %v", err, got, want)
	}
	msg := Explain(path, err).Error()
	if !strings.HasPrefix(msg, prefix) || strings.Contains(msg, "\n") {
		t.Errorf("message = %q, want one line starting %q", msg, prefix)
	}
}

// A system error about another file, like an export's target, is not
// worded as a problem of the journal.
func TestExplainLeavesOtherFilesAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	other := &os.PathError{Op: "open", Path: "/somewhere/export.md", Err: syscall.EACCES}
	if got := Explain(path, fmt.Errorf("cannot write /somewhere/export.md: %w", other)); got.Error() != "cannot write /somewhere/export.md: open /somewhere/export.md: permission denied" {
		t.Errorf("Explain changed an error about another file: %v", got)
	}
	full := &os.PathError{Op: "write", Path: path + "-wal", Err: syscall.ENOSPC}
	if got := Explain(path, full); !strings.Contains(got.Error(), "the disk holding it is full") {
		t.Errorf("a full disk under the -wal: %v", got)
	}
}

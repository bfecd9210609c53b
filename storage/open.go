// Package storage keeps the journal in one SQLite file (modernc.org/sqlite,
// no cgo). All SQL lives here.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Store is an open journal file.
type Store struct {
	db   *sql.DB
	path string
	// Now is the clock for created_at/updated_at stamps; callers inject it.
	Now func() time.Time
}

// Path returns the file the store was opened from.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Open opens the journal at path, creating it (folder 0700, file 0600) when
// missing and bringing its schema up to date. A file that is not a journal,
// or one written by a newer version, is refused and left untouched.
func Open(ctx context.Context, path string, now func() time.Time) (*Store, error) {
	created, err := prepareFile(path)
	if err != nil {
		return nil, err
	}
	s, err := open(ctx, path, now)
	if err != nil {
		if created {
			// Nothing of the person's was in it: leave no empty file behind.
			os.Remove(path)
			os.Remove(path + "-wal")
			os.Remove(path + "-shm")
		}
		return nil, err
	}
	return s, nil
}

func open(ctx context.Context, path string, now func() time.Time) (*Store, error) {
	// Per-connection settings go in the DSN so every pooled connection gets
	// them; an Exec'd PRAGMA would reach only one.
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+escapePath(path)+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{db: db, path: path, Now: now}
	if err := s.check(ctx); err != nil {
		db.Close()
		return nil, err
	}
	// WAL is a property of the file, set once, and only after the checks
	// above: a refused file must stay byte for byte as it was.
	if _, err := db.ExecContext(ctx, "PRAGMA journal_mode=WAL"); err != nil {
		db.Close()
		return nil, writeErr(path, err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// check refuses files that are not SQLite, SQLite files that are not a
// journal, and journals from a newer version, without writing to them.
func (s *Store) check(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		if strings.Contains(err.Error(), "not a database") {
			return fmt.Errorf("%s is not a journal file (it is not an SQLite database): check the path given with --db or JOURNAL_DB", s.path)
		}
		return fmt.Errorf("cannot read %s: %w", s.path, err)
	}
	if version > len(migrations) {
		return fmt.Errorf("%s was written by a newer version of journal (schema %d, this one knows up to %d): update journal to open it", s.path, version, len(migrations))
	}
	if version == 0 {
		var tables int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
			return fmt.Errorf("cannot read %s: %w", s.path, err)
		}
		if tables > 0 {
			return fmt.Errorf("%s is an SQLite database of another program, not a journal: check the path given with --db or JOURNAL_DB", s.path)
		}
	}
	return nil
}

// prepareFile makes sure path can hold a journal: missing folders are made
// 0700 and a missing file is created 0600, whatever the umask. It reports
// whether it created the file.
func prepareFile(path string) (bool, error) {
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		return false, fmt.Errorf("%s is a folder, not a journal file: give a file path, like %s", path, filepath.Join(path, "journal.db"))
	case err == nil:
		return false, nil
	case !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR):
		return false, fmt.Errorf("cannot use %s: %w", path, unwrapPathErr(err))
	}
	if err := mkdirPrivate(filepath.Dir(path)); err != nil {
		return false, err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return false, fmt.Errorf("cannot create %s: %w", path, unwrapPathErr(err))
	}
	defer f.Close()
	if err := f.Chmod(0o600); err != nil {
		return true, fmt.Errorf("cannot set permissions on %s: %w", path, unwrapPathErr(err))
	}
	return true, nil
}

// mkdirPrivate creates dir and any missing parents with mode 0700. Folders
// that already exist keep their mode: they may be shared ones like /tmp.
func mkdirPrivate(dir string) error {
	if fi, err := os.Stat(dir); err == nil {
		if !fi.IsDir() {
			return fmt.Errorf("cannot create the journal in %s: it is a file, not a folder", dir)
		}
		return nil
	}
	if err := mkdirPrivate(filepath.Dir(dir)); err != nil {
		return err
	}
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("cannot create folder %s: %w", dir, unwrapPathErr(err))
	}
	return os.Chmod(dir, 0o700)
}

// unwrapPathErr drops the path from an *fs.PathError; our message names it.
func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func writeErr(path string, err error) error {
	if strings.Contains(err.Error(), "readonly") || strings.Contains(err.Error(), "read-only") {
		return fmt.Errorf("cannot write to %s: the file or its folder is read-only", path)
	}
	return fmt.Errorf("cannot write to %s: %w", path, err)
}

// escapePath makes a file path safe inside a file: URI.
func escapePath(p string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(p))
}

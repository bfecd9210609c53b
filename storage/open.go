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
	"sync/atomic"
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

	// readOnly, when set, is why this journal was opened for reading only
	// (a read-only file, folder or disk); every write returns it.
	readOnly *FileError
	// damaged is set once SQLite has reported the file damaged: from then
	// on nothing more is written to it.
	damaged atomic.Bool
	// snap, in the view Snapshot hands out, is the read transaction every
	// read goes through.
	snap *sql.Tx
	// enc is set for an encrypted journal, held in memory.
	enc *sealed
}

// rd is what reads go through: the pool, or the snapshot's transaction.
func (s *Store) rd() queryer {
	if s.snap != nil {
		return s.snap
	}
	return s.db
}

// Path returns the file the store was opened from.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Open opens the journal at path, creating it (folder 0700, file 0600) when
// missing and bringing its schema up to date. Any number of processes may
// open a new path at once: the journal appears complete or not at all.
//
// A file that is not a journal, or one written by a newer version, is
// refused and left untouched; so is a file or folder that another user owns
// or can write to. A journal that cannot be written is opened for reading
// only; its writes then fail with a *FileError naming the blocking file.
// Errors about the file itself are *FileError values.
func Open(ctx context.Context, path string, now func() time.Time) (*Store, error) {
	return systemTrust().open(ctx, path, now)
}

// OpenWith is Open for a journal that may be encrypted: u says how to get
// its key. An encrypted journal is read into memory and saved, encrypted,
// after each change; the Store works the same for both kinds. A wrong
// passphrase is a *WrongKeyError; no way to ask for one is ErrLocked.
func OpenWith(ctx context.Context, path string, now func() time.Time, u Unlock) (*Store, error) {
	return systemTrust().openWith(ctx, path, now, u)
}

// openMode is how SQLite is asked to open the file.
type openMode int

const (
	modeReadWrite openMode = iota
	// modeReadOnly reads a file it cannot write, with its -wal if one is
	// left (SQLite's mode=ro).
	modeReadOnly
	// modeImmutable reads a file nobody can be writing, creating no -wal
	// or -shm beside it (SQLite's immutable=1): a read-only folder or disk.
	modeImmutable
)

func (t trust) open(ctx context.Context, path string, now func() time.Time) (*Store, error) {
	return t.openWith(ctx, path, now, Unlock{})
}

func (t trust) openWith(ctx context.Context, path string, now func() time.Time, u Unlock) (*Store, error) {
	if err := t.prepare(ctx, path); err != nil {
		return nil, err
	}
	if err := t.checkFiles(path); err != nil {
		return nil, err
	}
	if IsEncrypted(path) {
		return t.openSealed(ctx, path, now, u)
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	mode, why := t.accessMode(path)
	s, err := openDB(path, mode)
	if err != nil {
		return nil, err
	}
	s.readOnly = why
	s.Now = now
	if err := s.setUp(ctx); err != nil {
		s.db.Close()
		return nil, err
	}
	if mode == modeReadWrite {
		// SQLite made the -wal and -shm just now if they were missing:
		// make sure nobody else got there first.
		if err := t.checkFiles(path); err != nil {
			s.db.Close()
			return nil, err
		}
	}
	return s, nil
}

// openDB opens the pool. Per-connection settings go in the DSN so every
// pooled connection gets them; an Exec'd PRAGMA would reach only one.
func openDB(path string, mode openMode) (*Store, error) {
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "synchronous(NORMAL)")
	// Cheap checks of every b-tree cell read: damage shows as an error
	// rather than as wrong records.
	q.Add("_pragma", "cell_size_check(1)")
	q.Set("_txlock", "immediate")
	switch mode {
	case modeReadOnly:
		q.Set("mode", "ro")
	case modeImmutable:
		q.Set("mode", "ro")
		q.Set("immutable", "1")
	}
	db, err := sql.Open("sqlite", "file:"+escapePath(path)+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return &Store{db: db, path: path}, nil
}

// setUp checks what the file holds, switches a new file to WAL and brings
// the schema up to date. An up-to-date journal in WAL mode costs one
// statement: the check's.
func (s *Store) setUp(ctx context.Context) error {
	version, mode, err := s.check(ctx)
	if err != nil {
		return err
	}
	if err := s.checkDamageMark(ctx); err != nil {
		return err
	}
	if s.readOnly != nil {
		if version < len(migrations) {
			e := *s.readOnly
			e.Why += ", and this journal was made by an older version of journal: its layout must be brought up to date once, which needs writing"
			return &e
		}
		return nil
	}
	// WAL is a property of the file, set once, and only after the checks
	// above: a refused file must stay byte for byte as it was.
	if mode != "wal" {
		if _, err := s.db.ExecContext(ctx, "PRAGMA journal_mode=WAL"); err != nil {
			return s.explain(err)
		}
	}
	// Schema versions only go up: a journal already at this binary's
	// newest has nothing to apply, and needs no write lock to learn it.
	if version == len(migrations) {
		return nil
	}
	return s.migrate(ctx)
}

// check refuses files that are not SQLite, SQLite files that are not a
// journal, and journals from a newer version, without writing to them. It
// returns the schema version and the journal mode (wal, delete, memory...).
func (s *Store) check(ctx context.Context) (version int, mode string, err error) {
	// One statement, so one snapshot: another process creating the schema
	// meanwhile cannot make an empty file look like another program's.
	var tables int
	err = s.db.QueryRowContext(ctx, `SELECT (SELECT user_version FROM pragma_user_version),
		(SELECT count(*) FROM sqlite_schema), (SELECT journal_mode FROM pragma_journal_mode)`).Scan(&version, &tables, &mode)
	if err != nil {
		return 0, "", s.explain(err)
	}
	if version > len(migrations) {
		return 0, "", fmt.Errorf("%s was written by a newer version of journal (schema %d, this one knows up to %d): update journal to open it", s.path, version, len(migrations))
	}
	if version == 0 && tables > 0 {
		return 0, "", fmt.Errorf("%s is an SQLite database of another program, not a journal: check the path given with --db or JOURNAL_DB", s.path)
	}
	return version, mode, nil
}

// explain words an error from this store's own work on the journal (see
// Explain) and, when it says the file is damaged, stops all further writes
// to it, in this process and in the next ones.
func (s *Store) explain(err error) error {
	err = Explain(s.path, err)
	if IsDamaged(err) && !s.damaged.Swap(true) {
		markDamaged(s.path)
	}
	return err
}

// Explain words a command's error for the person, as Explain does for this
// journal. An SQLite error cannot say which file it came from, and a
// command may have read another one (a backup): so before "damaged" stops
// all writes to the journal, SQLite's quick check must find the damage in
// it. That costs a read of the whole file, on a failure only.
func (s *Store) Explain(err error) error {
	err = Explain(s.path, err)
	if !IsDamaged(err) || s.damaged.Load() {
		return err
	}
	var res string
	if qerr := s.db.QueryRow("PRAGMA quick_check(1)").Scan(&res); qerr != nil || res != "ok" {
		s.damaged.Store(true)
		markDamaged(s.path)
	}
	return err
}

// prepare makes sure path can hold a journal: a missing one is created
// complete (see create) in a folder made 0700 when missing.
func (t trust) prepare(ctx context.Context, path string) error {
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		return fmt.Errorf("%s is a folder, not a journal file: give a file path, like %s", path, filepath.Join(path, "journal.db"))
	case err == nil:
		return nil
	case !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR):
		return fmt.Errorf("cannot use %s: %w", path, unwrapPathErr(err))
	}
	if err := mkdirPrivate(filepath.Dir(path)); err != nil {
		return err
	}
	if err := t.checkFolder(path); err != nil {
		return err
	}
	return create(ctx, path)
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

// escapePath makes a file path safe inside a file: URI.
func escapePath(p string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(p))
}

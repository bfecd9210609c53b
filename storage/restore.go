package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"journal/journal"
)

// Contents counts what a journal file holds, for restore --dry-run.
type Contents struct {
	Schema    int            `json:"schema"`
	Entries   map[string]int `json:"entries"` // live entries by kind: note, guided, craving, checkin
	DrinkDays int            `json:"drink_days"`
	Sessions  int            `json:"sessions"`
	Calls     int            `json:"calls"`
	Deleted   int            `json:"deleted"` // soft-deleted entries, sessions and calls
	From      string         `json:"from"`    // first day with a record (YYYY-MM-DD), "" when empty
	To        string         `json:"to"`      // last day with a record
}

// openPlain opens a file for reading and checking only: no schema step,
// no WAL switch. A file that does not exist is not created.
func openPlain(path string, readOnly bool) (*sql.DB, error) {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	if readOnly {
		q.Set("mode", "ro")
	}
	db, err := sql.Open("sqlite", "file:"+escapePath(path)+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1) // one connection: connection-scoped pragmas stay put
	return db, nil
}

// journalTables must all be there for a file to be a journal.
var journalTables = []string{"entries", "sessions", "drink_days", "calls", "answers", "entry_tags", "cravings", "checkins"}

// CheckBackup checks that the file at path is a whole journal this version
// can open: an SQLite database, undamaged (integrity_check), holding the
// journal's tables, at a schema no newer than this binary knows. It reads
// and never writes the file. Errors are journal.InputError, naming the
// file and what is wrong.
func CheckBackup(ctx context.Context, path string) (Contents, error) {
	return checkBackup(ctx, path, path)
}

// checkBackup checks the file at path, calling it name in messages.
func checkBackup(ctx context.Context, path, name string) (Contents, error) {
	db, err := openPlain(path, true)
	if err != nil {
		return Contents{}, err
	}
	defer db.Close()
	return checkBackupDB(ctx, db, name)
}

// checkBackupDB checks the backup open in db, calling it name in messages.
func checkBackupDB(ctx context.Context, db *sql.DB, name string) (Contents, error) {
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		if isNotADB(err) {
			return Contents{}, journal.Invalid("%s is not a journal backup (it is not an SQLite database): nothing was changed", name)
		}
		return Contents{}, journal.Invalid("cannot read %s as a journal backup (%v): nothing was changed", name, err)
	}
	if version > len(migrations) {
		return Contents{}, journal.Invalid("%s was made by a newer version of journal (schema %d, this one knows up to %d): update journal to restore it; nothing was changed", name, version, len(migrations))
	}
	if problems, err := integrity(ctx, db, "integrity_check"); err != nil || len(problems) > 0 {
		return Contents{}, journal.Invalid("%s is damaged (%s): choose another backup; nothing was changed", name, firstProblem(problems, err))
	}
	for _, t := range journalTables {
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?`, t).Scan(&n); err != nil || n == 0 || version == 0 {
			return Contents{}, journal.Invalid("%s is an SQLite database but not a journal (it has no %s table): nothing was changed", name, t)
		}
	}
	c, err := contents(ctx, db)
	if err != nil {
		return Contents{}, journal.Invalid("cannot read %s as a journal backup (%v): nothing was changed", name, err)
	}
	c.Schema = version
	return c, nil
}

// JournalContents counts what the journal at path holds now, without
// changing it. A missing file holds nothing.
func JournalContents(ctx context.Context, path string) (Contents, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return Contents{Entries: map[string]int{}}, nil
	}
	// Read-write when it may be written, so closing tidies the -wal and
	// -shm away; a damaged or read-only journal is only read.
	rw := writable(path) && checkHeader(path) == nil && !exists(damageMark(path))
	db, err := openPlain(path, !rw)
	if err != nil {
		return Contents{}, err
	}
	defer db.Close()
	c, err := contents(ctx, db)
	if err != nil {
		return Contents{}, fmt.Errorf("cannot read %s: %w", path, err)
	}
	err = db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&c.Schema)
	return c, err
}

func contents(ctx context.Context, db *sql.DB) (Contents, error) {
	c := Contents{Entries: map[string]int{}}
	rows, err := db.QueryContext(ctx, `SELECT kind, count(*) FROM entries WHERE deleted_at IS NULL GROUP BY kind`)
	if err != nil {
		return c, err
	}
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			rows.Close()
			return c, err
		}
		c.Entries[k] = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return c, err
	}
	var from, to sql.NullString
	err = db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM drink_days),
		(SELECT count(*) FROM sessions WHERE deleted_at IS NULL),
		(SELECT count(*) FROM calls WHERE deleted_at IS NULL),
		(SELECT count(*) FROM entries WHERE deleted_at IS NOT NULL) +
		(SELECT count(*) FROM sessions WHERE deleted_at IS NOT NULL) +
		(SELECT count(*) FROM calls WHERE deleted_at IS NOT NULL),
		(SELECT min(d) FROM (SELECT min(day) d FROM entries WHERE deleted_at IS NULL UNION ALL SELECT min(day) FROM drink_days)),
		(SELECT max(d) FROM (SELECT max(day) d FROM entries WHERE deleted_at IS NULL UNION ALL SELECT max(day) FROM drink_days))`).
		Scan(&c.DrinkDays, &c.Sessions, &c.Calls, &c.Deleted, &from, &to)
	c.From, c.To = from.String, to.String
	return c, err
}

// integrity runs PRAGMA integrity_check or quick_check and returns what it
// found wrong (nothing when the file is whole), at most 20 lines.
func integrity(ctx context.Context, db *sql.DB, pragma string) ([]string, error) {
	rows, err := db.QueryContext(ctx, "PRAGMA "+pragma+"(20)")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return out, err
		}
		if line != "ok" {
			out = append(out, line)
		}
	}
	return out, rows.Err()
}

func firstProblem(problems []string, err error) string {
	if err != nil {
		return err.Error()
	}
	return strings.TrimSpace(problems[0])
}

// isNotADB reports whether SQLite said the file is not a database, by its
// result code.
func isNotADB(err error) bool {
	return Classify(err, "") == ProblemNotDatabase
}

// RestorePlan is a checked backup copied beside the journal, ready to be
// swapped in. Discard removes it when the restore does not go ahead.
type RestorePlan struct {
	JournalPath string
	tmp         string
	Backup      Contents
}

// PrepareRestore copies the backup read from r (called name in messages) to a private temporary
// file beside the journal (created 0700/0600 as needed) and checks it.
// Nothing of the journal is changed.
func PrepareRestore(ctx context.Context, journalPath, name string, r io.Reader) (*RestorePlan, error) {
	dir := filepath.Dir(journalPath)
	if err := mkdirPrivate(dir); err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(journalPath)+".restore-*")
	if err != nil {
		return nil, fmt.Errorf("cannot write in %s: %w", dir, unwrapPathErr(err))
	}
	p := &RestorePlan{JournalPath: journalPath, tmp: tmp.Name()}
	n, err := io.Copy(tmp, r)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		p.Discard()
		return nil, fmt.Errorf("cannot copy the backup beside %s: %w", journalPath, err)
	}
	if n == 0 {
		p.Discard()
		return nil, journal.Invalid("%s is empty, not a journal backup: nothing was changed", name)
	}
	c, err := checkBackup(ctx, p.tmp, name)
	if err != nil {
		p.Discard()
		return nil, err
	}
	p.Backup = c
	return p, nil
}

// Discard removes the prepared copy.
func (p *RestorePlan) Discard() {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(p.tmp + suffix)
	}
}

// KeepAside copies the journal as it is now into its backups folder,
// before a restore replaces it, and returns the copy's path ("" when there
// is no journal yet). A journal too damaged to copy consistently is copied
// byte for byte, with its -wal, so nothing of it is lost; asIs says so.
func KeepAside(ctx context.Context, journalPath string, now time.Time) (dest string, asIs bool, err error) {
	if _, err := os.Stat(journalPath); errors.Is(err, fs.ErrNotExist) {
		return "", false, nil
	}
	db, err := openPlain(journalPath, false)
	if err != nil {
		return "", false, err
	}
	dest, err = backupInFolder(ctx, db, journalPath, now, "before-restore", 0, nil)
	db.Close()
	if err == nil {
		return dest, false, nil
	}
	dir := BackupDir(journalPath)
	base := strings.TrimSuffix(filepath.Base(dir), "-backups") + "-" + now.In(time.Local).Format(backupStampLayout) + "-before-restore-as-is.db"
	dest = filepath.Join(dir, base)
	for _, suffix := range []string{"", "-wal"} {
		if err := copyPrivate(journalPath+suffix, dest+suffix); err != nil && !(suffix != "" && errors.Is(err, fs.ErrNotExist)) {
			return "", true, fmt.Errorf("cannot keep a copy of %s before restoring: %w", journalPath, err)
		}
	}
	return dest, true, nil
}

// copyPrivate copies a file byte for byte to a new 0600 file.
func copyPrivate(src, dest string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(dest)
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// ErrInUse is returned when another journal command has the file open.
var ErrInUse = errors.New("the journal is in use")

// InUse reports whether another connection has the journal at path open.
// It folds the -wal into the file and closes; SQLite removes the -wal and
// -shm when the last connection closes, so if they are still there,
// someone else holds the file. A journal that is not there is not in use.
func InUse(ctx context.Context, path string) (bool, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	db, err := openPlain(path, false)
	if err != nil {
		return false, err
	}
	// Best effort: a damaged journal may refuse.
	var busy, logged, moved int
	db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logged, &moved)
	db.Close()
	if busy != 0 {
		return true, nil
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); err == nil {
			return true, nil
		}
	}
	return false, nil
}

func inUseErr(path string) error {
	return fmt.Errorf("%w: another journal command is using %s: close it and try again; nothing was changed", ErrInUse, path)
}

// Swap puts the prepared backup in the journal's place with one rename.
// The journal's -wal and -shm belong to the file being replaced (SQLite
// would replay that -wal onto the restored file), and a command still
// holding the old file would write where no one reads: so the swap is
// refused while the journal is in use. A damaged journal (asIs: kept
// aside byte for byte, -wal included) may leave its -wal behind; those
// are removed. The caller keeps a copy aside first (KeepAside).
func (p *RestorePlan) Swap(ctx context.Context, asIs bool) error {
	inUse, err := InUse(ctx, p.JournalPath)
	if err != nil {
		return err
	}
	if inUse && !asIs {
		return inUseErr(p.JournalPath)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(p.JournalPath + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("cannot remove %s: %w", p.JournalPath+suffix, unwrapPathErr(err))
		}
	}
	if err := syncFile(p.tmp); err != nil {
		return fmt.Errorf("cannot write %s: %w", p.tmp, err)
	}
	if err := os.Rename(p.tmp, p.JournalPath); err != nil {
		return fmt.Errorf("cannot put the backup in place of %s: %w", p.JournalPath, unwrapPathErr(err))
	}
	syncDir(filepath.Dir(p.JournalPath))
	// The damage mark was about the file now kept aside.
	os.Remove(damageMark(p.JournalPath))
	return nil
}

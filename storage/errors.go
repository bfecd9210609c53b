package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Problem is what is wrong with a journal file, as far as the person is
// concerned: each kind has its own next step.
type Problem int

// The kinds of Problem, from SQLite's result codes and the file system.
const (
	ProblemNone        Problem = iota
	ProblemBusy                // another process holds the write lock past busy_timeout
	ProblemReadOnly            // the file, a -wal/-shm beside it, its folder or the disk cannot be written
	ProblemFull                // the disk holding the journal has no room left
	ProblemDamaged             // SQLite found the file's pages inconsistent
	ProblemNotDatabase         // the file is not SQLite at all
	ProblemIO                  // any other input/output failure
)

// FileError is an error about the journal file itself, worded for the
// person: what went wrong with which file, and what to do.
type FileError struct {
	Problem Problem
	// Path is the journal file.
	Path string
	// Blocker is the exact file or folder that stops a write, when known:
	// the journal, a leftover -wal or -shm, or the folder.
	Blocker string
	// Why adds the reason the blocker blocks ("owned by another user").
	Why string
	Err error // the underlying error, for errors.Is/As
}

func (e *FileError) Unwrap() error { return e.Err }

func (e *FileError) Error() string {
	p := e.Path
	switch e.Problem {
	case ProblemBusy:
		return fmt.Sprintf("%s is busy: another journal command or program is still writing to it; try again in a moment, and close other programs that have it open if this keeps happening", p)
	case ProblemReadOnly:
		b, why := e.Blocker, e.Why
		if b == "" {
			b = p
		}
		if why == "" {
			why = "is read-only"
		}
		var todo string
		switch {
		case strings.Contains(why, "read-only disk"):
			todo = "copy the journal to a disk you can write to and use it there with --db"
		case strings.HasSuffix(b, "-wal") || strings.HasSuffix(b, "-shm"):
			todo = fmt.Sprintf("it is SQLite's working file beside the journal: make it writable for you (chmod u+w %s), and do not delete a -wal file, as it can hold your latest entries", b)
		case b == p:
			todo = fmt.Sprintf("to write, make it writable (chmod u+w %s)", b)
		default:
			todo = fmt.Sprintf("to write, make the folder writable (chmod u+w %s) or copy the journal to a folder you can write to", b)
		}
		return fmt.Sprintf("cannot write to %s: %s %s; reading still works: %s", p, b, why, todo)
	case ProblemFull:
		return fmt.Sprintf("cannot write to %s: the disk holding it is full; nothing was saved: free some space on that disk (empty the trash, move large files elsewhere) and try again", p)
	case ProblemDamaged:
		return fmt.Sprintf("%s is damaged (part of the file cannot be read), so nothing more is written to it: run `journal doctor` to see what can be saved, or put back a backup with `journal restore FILE`", p)
	case ProblemNotDatabase:
		return fmt.Sprintf("%s is not a journal file (it is not an SQLite database): check the path given with --db or JOURNAL_DB", p)
	case ProblemIO:
		return fmt.Sprintf("cannot read or write %s: the disk or file system reported an error (%v): check the disk, then run `journal doctor`", p, e.Err)
	}
	return fmt.Sprintf("%s: %v", p, e.Err)
}

// Classify says what kind of file problem err is, from SQLite's (extended)
// result code or the system error inside it, never from the message text.
// dir is the journal's folder, used to tell a full disk from other I/O
// errors; it may be empty.
func Classify(err error, dir string) Problem {
	if err == nil {
		return ProblemNone
	}
	var fe *FileError
	if errors.As(err, &fe) {
		return fe.Problem
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		code := se.Code()
		switch code & 0xff { // the primary code
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return ProblemBusy
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM:
			return ProblemReadOnly
		case sqlite3.SQLITE_CANTOPEN:
			return ProblemReadOnly
		case sqlite3.SQLITE_FULL:
			return ProblemFull
		case sqlite3.SQLITE_CORRUPT:
			return ProblemDamaged
		case sqlite3.SQLITE_NOTADB:
			return ProblemNotDatabase
		case sqlite3.SQLITE_IOERR:
			if code == sqlite3.SQLITE_IOERR_CORRUPTFS {
				return ProblemDamaged
			}
			// SQLite does not pass errno on; a full disk shows as a failed
			// write or a shared-memory file that cannot grow.
			if diskFull(dir) {
				return ProblemFull
			}
			return ProblemIO
		}
		return ProblemNone
	}
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return ProblemFull
	case errors.Is(err, syscall.EROFS), errors.Is(err, fs.ErrPermission):
		return ProblemReadOnly
	}
	return ProblemNone
}

// Explain turns an error about the journal at path into a *FileError worded
// for the person, when it is one; other errors come back unchanged.
func Explain(path string, err error) error {
	if err == nil {
		return nil
	}
	var fe *FileError
	if errors.As(err, &fe) {
		return fe // complete in itself: no outer context needed
	}
	var se *sqlite.Error
	if !errors.As(err, &se) && !aboutJournal(path, err) {
		// A system error about another file (an export's target, an
		// answers file) is that file's business, worded where it happened.
		return err
	}
	p := Classify(err, filepath.Dir(path))
	if p == ProblemNone {
		return err
	}
	e := &FileError{Problem: p, Path: path, Err: err}
	if p == ProblemReadOnly {
		var found bool
		e.Blocker, e.Why, found = blocker(path)
		var se *sqlite.Error
		if !found && errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_CANTOPEN {
			// Nothing is read-only: the file could not be opened for
			// another reason (a folder gone, too many open files).
			e.Problem = ProblemIO
		}
	}
	if p == ProblemNotDatabase && hasSQLiteHeader(path) {
		// An SQLite file that SQLite no longer accepts has been damaged.
		e.Problem = ProblemDamaged
	}
	return e
}

// aboutJournal reports whether err is a system error on the journal, a
// file SQLite keeps beside it, or its folder.
func aboutJournal(path string, err error) bool {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return false
	}
	switch filepath.Clean(pe.Path) {
	case filepath.Clean(path), filepath.Clean(path + "-wal"), filepath.Clean(path + "-shm"), filepath.Dir(path):
		return true
	}
	return false
}

// IsDamaged reports whether err says the journal file is damaged.
func IsDamaged(err error) bool {
	var fe *FileError
	return errors.As(err, &fe) && fe.Problem == ProblemDamaged
}

// writeErr words an error from a write: a file problem as Explain does,
// anything else with the file it was writing.
func writeErr(path string, err error) error {
	var fe *FileError
	if errors.As(Explain(path, err), &fe) {
		return fe
	}
	return fmt.Errorf("cannot write to %s: %w", path, err)
}

package storage

import (
	"bytes"
	"context"
	"encoding/binary"
	"io"
	"os"
)

// sqliteMagic opens every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// hasSQLiteHeader reports whether the file at p starts like an SQLite file.
func hasSQLiteHeader(p string) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	b := make([]byte, len(sqliteMagic))
	_, err = io.ReadFull(f, b)
	return err == nil && bytes.Equal(b, sqliteMagic)
}

// checkHeader is the damage check that is cheap enough for every open: it
// reads the 100-byte header and compares it with the file's size. A file
// that is not SQLite at all is refused as such; a damaged header or a
// truncated file is reported damaged. An empty file is a new journal.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // reported, in the person's words, by SQLite's open
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() == 0 {
		return nil
	}
	h := make([]byte, 100)
	n, _ := io.ReadFull(f, h)
	if n < len(sqliteMagic) || !bytes.Equal(h[:len(sqliteMagic)], sqliteMagic) {
		return &FileError{Problem: ProblemNotDatabase, Path: path}
	}
	damaged := &FileError{Problem: ProblemDamaged, Path: path}
	if n < 100 {
		return damaged
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return damaged
	}
	if fi.Size()%pageSize != 0 {
		return damaged
	}
	// The page count in the header is valid when the change counter matches
	// the "version valid for" field; a file shorter than that lost pages.
	// Not while the -wal holds frames: a checkpoint stopped half-way leaves
	// a longer header page in the file, and SQLite finishes it from the -wal.
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	if fileSize(path+"-wal") == 0 && binary.BigEndian.Uint32(h[24:28]) == binary.BigEndian.Uint32(h[92:96]) && pages*pageSize > fi.Size() {
		return damaged
	}
	return nil
}

// damageMark is the file beside a journal that says SQLite found it
// damaged: nothing is written to the journal while it is there and the
// damage is still found.
func damageMark(path string) string { return path + "-damaged" }

// markDamaged leaves the mark beside the journal, so the next commands do
// not write to it either. Failing to write it (a read-only folder) changes
// nothing for the person: nothing can be written there anyway.
func markDamaged(path string) {
	os.WriteFile(damageMark(path), []byte("journal found "+path+" damaged; nothing more is written to it until `journal doctor` or `journal restore` has dealt with it.\n"), 0o600)
}

// checkDamageMark runs SQLite's full quick check on a journal marked as
// damaged. Still damaged: the store reads what it can and refuses every
// write. Repaired (or replaced) since: the mark goes and writing resumes.
// Unmarked journals skip this: it reads the whole file.
func (s *Store) checkDamageMark(ctx context.Context) error {
	if !exists(damageMark(s.path)) {
		return nil
	}
	var res string
	err := s.db.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&res)
	if err != nil || res != "ok" {
		s.damaged.Store(true)
		return nil
	}
	if s.readOnly == nil {
		os.Remove(damageMark(s.path))
	}
	return nil
}

// Writable returns the *FileError every write to this journal would get
// (opened read-only, or known to be damaged), or nil: commands that ask
// the person something check it before the first question.
func (s *Store) Writable() error { return s.writable() }

// writable returns the error every write gets when this journal must not be
// written: opened read-only, or found damaged.
func (s *Store) writable() error {
	if s.readOnly != nil {
		return s.readOnly
	}
	if s.damaged.Load() {
		return &FileError{Problem: ProblemDamaged, Path: s.path}
	}
	return nil
}

package storage

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// create makes a new, complete journal at path, safely when other
// processes do the same at the same moment. The schema is built in a
// private temporary file beside path, which is then hard-linked into place:
// a link never replaces an existing file, so the first process wins and the
// others open its journal. Nobody ever sees a half-made schema, and no
// process removes a file another one is using.
func create(ctx context.Context, path string) error {
	dir, base := filepath.Dir(path), filepath.Base(path)
	// Processes starting together take turns on the folder's lock, so the
	// schema is built once rather than by each of them. The lock is only a
	// saving: without it (a file system without flock) the link still keeps
	// creation safe.
	if d, err := os.Open(dir); err == nil {
		defer d.Close()
		if syscall.Flock(int(d.Fd()), syscall.LOCK_EX) == nil {
			defer syscall.Flock(int(d.Fd()), syscall.LOCK_UN)
			if _, err := os.Stat(path); err == nil {
				return nil // made by the process that had the lock before us
			}
		}
	}
	f, err := os.CreateTemp(dir, "."+base+".new-*") // 0600
	if err != nil {
		return fmt.Errorf("cannot create %s: %w", path, unwrapPathErr(err))
	}
	tmp := f.Name()
	f.Close()
	defer removeWithSidecars(tmp)

	s, err := openDB(tmp, modeReadWrite)
	if err != nil {
		return err
	}
	s.path = path // errors name the journal, not the temporary file
	err = s.setUp(ctx)
	// Closing the last connection checkpoints the WAL into the file and
	// removes the -wal and -shm, so the file alone is the whole journal.
	if cerr := s.db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Explain(path, err)
	}

	err = os.Link(tmp, path)
	switch {
	case err == nil, errors.Is(err, fs.ErrExist):
		return nil // ours, or another process's complete journal
	}
	// A file system without hard links: create the empty file exclusively;
	// the schema is then built in place, one locked transaction per step,
	// each re-reading the version (see migrate).
	nf, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot create %s: %w", path, unwrapPathErr(err))
	}
	return nf.Close()
}

// removeWithSidecars removes a database file and whatever SQLite keeps
// beside it.
func removeWithSidecars(p string) {
	for _, side := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(p + side)
	}
}

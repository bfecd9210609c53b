package storage

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
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
	// saving: without it (a file system without flock, or a shared folder
	// where someone else holds it) the link still keeps creation safe.
	if d, err := os.Open(dir); err == nil {
		defer d.Close()
		if lockFolder(d) {
			defer syscall.Flock(int(d.Fd()), syscall.LOCK_UN)
			if _, err := os.Stat(path); err == nil {
				return nil // made by the process that had the lock before us
			}
			// Journals are only built under this lock, so a temporary
			// one here now was left by a creation that was killed.
			removeLeftoverBuilds(dir, base)
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

// lockFolder takes the folder's lock, waiting about a second at most: anyone
// who can open a shared folder like /tmp can hold its lock for ever.
func lockFolder(d *os.File) bool {
	const wait, tries = 2 * time.Millisecond, 500
	for range tries {
		err := syscall.Flock(int(d.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return true
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			return false
		}
		time.Sleep(wait)
	}
	return false
}

// removeLeftoverBuilds removes the temporary journals (and their -wal,
// -shm) that killed creations of dir/base left, when they are this user's.
// Should one still be in use by a process that gave up waiting for the
// lock, that process finds its link failing and creates the journal in
// place instead.
func removeLeftoverBuilds(dir, base string) {
	names, _ := filepath.Glob(filepath.Join(dir, "."+globEscape(base)+".new-*"))
	for _, n := range names {
		fi, err := os.Lstat(n)
		if err != nil || !fi.Mode().IsRegular() {
			continue
		}
		if st, ok := fi.Sys().(*syscall.Stat_t); ok && int(st.Uid) == os.Geteuid() {
			os.Remove(n)
		}
	}
}

// globEscape quotes the characters filepath.Match gives a meaning.
func globEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "?", `\?`, "[", `\[`).Replace(s)
}

// removeWithSidecars removes a database file and whatever SQLite keeps
// beside it.
func removeWithSidecars(p string) {
	for _, side := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(p + side)
	}
}

package cmd

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// writeFileAtomic writes a file through fn so that it appears whole or not
// at all: a temporary file (0600) in the same folder, synced, renamed over
// path, then the folder synced so the rename itself survives a crash. A
// failure at any step leaves the old file as it was and no temporary file
// behind. Every config, export and report written to a file goes through
// it. Errors read "cannot write PATH: cause".
func writeFileAtomic(path string, fn func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	fail := func(err error) error {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fail(err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(0o600); err != nil {
		return fail(err)
	}
	if err := fn(tmp); err != nil {
		// A write that failed on the file (disk full, file size limit) is
		// named by the file the person asked for, not the temporary one.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return fail(err)
		}
		return err
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fail(err)
	}
	if err := syncDir(dir); err != nil {
		return fail(err)
	}
	return nil
}

// syncDir flushes a folder's entries (a rename into it) to the disk. File
// systems that cannot sync a folder say EINVAL; there is nothing more to do.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return err
	}
	return nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

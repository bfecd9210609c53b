package cmd

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"journal/journal"
)

// toStdout reports whether an -o value names standard output: "-", as
// every Unix tool reads it.
func toStdout(out string) bool { return out == "-" }

// namedEncrypted reports whether a file name says it is age-encrypted:
// "age" among its endings in any case (notes.age, notes.AGE,
// notes.html.age, notes.age.html). A reader would trust such a file to be
// unreadable without the key.
func namedEncrypted(path string) bool {
	parts := strings.Split(strings.ToLower(filepath.Base(path)), ".")
	for _, p := range parts[1:] {
		if strings.TrimSpace(p) == "age" {
			return true
		}
	}
	return false
}

// writeFileAtomic writes a file through fn so that it appears whole or not
// at all: a temporary file (0600) in the same folder, synced, renamed over
// path, then the folder synced so the rename itself survives a crash. A
// failure at any step leaves the old file as it was and no temporary file
// behind. Every config, export and report written to a file goes through
// it. Errors read "cannot write PATH: cause".
//
// A path that is not a regular file (/dev/stdout, a FIFO, a terminal) is
// written to directly: renaming over it would replace the device or pipe
// with a plain file. A symbolic link to a file is followed, so the link
// stays and its target gets the new text.
func writeFileAtomic(path string, fn func(io.Writer) error) error {
	return writeAtomic(path, fn, true)
}

// createFileAtomic is writeFileAtomic for a file that must not exist yet:
// the whole file is linked into place only if the name is still free, and
// an existing file gives an error that wraps fs.ErrExist.
func createFileAtomic(path string, fn func(io.Writer) error) error {
	return writeAtomic(path, fn, false)
}

func writeAtomic(path string, fn func(io.Writer) error, replace bool) (err error) {
	if fi, err := os.Stat(path); err == nil {
		switch {
		case fi.IsDir():
			return journal.Invalid("%s is a folder: give a file name, like %s", path, filepath.Join(path, "export.md"))
		case !fi.Mode().IsRegular():
			if !replace {
				return fmt.Errorf("cannot write %s: %w", path, fs.ErrExist)
			}
			return writeSpecial(path, fn)
		}
		if real, err := filepath.EvalSymlinks(path); err == nil {
			path = real
		}
	}
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
	if replace {
		if err := os.Rename(tmp.Name(), path); err != nil {
			return fail(err)
		}
	} else {
		// A hard link fails when path exists, where a rename would replace it.
		if err := os.Link(tmp.Name(), path); err != nil {
			return fail(err)
		}
		os.Remove(tmp.Name())
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

// writeSpecial writes to a device or pipe in place. It is opened without
// creating anything, and its mode is left as it is.
func writeSpecial(path string, fn func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if err := fn(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
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

package cmd

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

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
// at all: a temporary file (0600) in the same folder, synced, then renamed
// over path. A failure leaves no partial file behind.
//
// A path that is not a regular file (/dev/stdout, a FIFO, a terminal) is
// written to directly: renaming over it would replace the device or pipe
// with a plain file. A symbolic link to a file is followed, so the link
// stays and its target gets the new text.
func writeFileAtomic(path string, fn func(io.Writer) error) (err error) {
	if fi, err := os.Stat(path); err == nil {
		switch {
		case fi.IsDir():
			return journal.Invalid("%s is a folder: give a file name, like %s", path, filepath.Join(path, "export.md"))
		case !fi.Mode().IsRegular():
			return writeSpecial(path, fn)
		}
		if real, err := filepath.EvalSymlinks(path); err == nil {
			path = real
		}
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(0o600); err != nil {
		return err
	}
	if err := fn(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
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
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

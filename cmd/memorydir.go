package cmd

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// memoryDir is a private folder (0700) in memory for what an encrypted
// journal must not leave on a disk in the clear: drafts and the editor's
// working copy. It is in $XDG_RUNTIME_DIR (the user's own, in memory,
// emptied at logout), else in /dev/shm.
func (f *Factory) memoryDir() (string, error) {
	base := f.Getenv("XDG_RUNTIME_DIR")
	name := "journal"
	if base == "" || !filepath.IsAbs(base) {
		base, name = "/dev/shm", fmt.Sprintf("journal-%d", os.Geteuid())
	}
	if fi, err := os.Stat(base); err != nil || !fi.IsDir() {
		return "", fmt.Errorf("cannot keep your text in memory while the journal is encrypted: set XDG_RUNTIME_DIR to a private folder in memory (tmpfs), as a login does")
	}
	dir := filepath.Join(base, name)
	if err := os.Mkdir(dir, 0o700); err != nil && !os.IsExist(err) {
		return "", fmt.Errorf("cannot make a private folder %s: %w", dir, unwrapErr(err))
	}
	fi, err := os.Lstat(dir)
	if err != nil || !fi.IsDir() {
		return "", fmt.Errorf("cannot use %s for private text: it is not a folder", dir)
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && int(st.Uid) != os.Geteuid() {
		return "", fmt.Errorf("cannot use %s for private text: it belongs to another user", dir)
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return "", err
	}
	return dir, nil
}

// unwrapErr drops the path from an *os.PathError; our message names it.
func unwrapErr(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// journalTag names an encrypted journal's folders in memoryDir by a hash
// of its path, so two journals keep separate drafts.
func journalTag(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	h := sha256.Sum256([]byte(path))
	return hex.EncodeToString(h[:6])
}

// moveDraftsToMemory moves the drafts kept beside a journal that has just
// been encrypted into its drafts folder in memory, overwriting the plain
// copies before removing them. It returns how many it moved.
func (f *Factory) moveDraftsToMemory(path string) (int, error) {
	old := path + "-drafts"
	des, err := os.ReadDir(old)
	if err != nil {
		return 0, nil // none
	}
	drafts, err := f.Drafts()
	if err != nil {
		return 0, fmt.Errorf("the drafts in %s stay there in plain text: %w", old, err)
	}
	if err := os.MkdirAll(drafts.Dir, 0o700); err != nil {
		return 0, fmt.Errorf("the drafts in %s stay there in plain text: %w", old, err)
	}
	n := 0
	for _, de := range des {
		if !de.Type().IsRegular() {
			continue
		}
		p := filepath.Join(old, de.Name())
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		if err := os.WriteFile(filepath.Join(drafts.Dir, de.Name()), b, 0o600); err != nil {
			return n, fmt.Errorf("the drafts in %s stay there in plain text: %w", old, err)
		}
		if fh, err := os.OpenFile(p, os.O_WRONLY, 0); err == nil {
			fh.Write(make([]byte, len(b)))
			fh.Sync()
			fh.Close()
		}
		os.Remove(p)
		n++
	}
	os.Remove(old) // only when empty
	return n, nil
}

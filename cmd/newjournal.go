package cmd

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"journal/storage"
)

// undoNewJournal makes a failed command (or with always, any) leave no
// journal behind when the journal did not exist before it: Run then
// removes what opening it made (the file, its -wal, -shm, lock and damage
// mark, its backups and drafts folders, and the folders made to hold it),
// once the store is closed. Paths that were there before are never
// touched. A journal that exists, or whose path cannot be known, is left
// as it is.
func (f *Factory) undoNewJournal(always bool) {
	if f.journalExists() {
		return
	}
	path, err := f.dbPath()
	if err != nil {
		return
	}
	var files, dirs, parents []string
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal", path + "-damaged", path + ".lock", storage.KeyPath(path)} {
		if absent(p) {
			files = append(files, p)
		}
	}
	for _, p := range []string{storage.BackupDir(path), path + "-drafts"} {
		if absent(p) {
			dirs = append(dirs, p)
		}
	}
	// Deepest first, so each is empty when its turn comes.
	for d := filepath.Dir(path); absent(d); d = filepath.Dir(d) {
		parents = append(parents, d)
		if d == filepath.Dir(d) {
			break
		}
	}
	f.undoAlways = always
	f.undoCreate = func() {
		for _, p := range files {
			os.Remove(p)
		}
		for _, p := range dirs {
			os.RemoveAll(p)
		}
		for _, p := range parents {
			os.Remove(p) // only when empty: someone else may have put a file there since
		}
	}
}

// absent reports whether nothing is at p (a path that cannot be looked at
// counts as there).
func absent(p string) bool {
	_, err := os.Lstat(p)
	return errors.Is(err, fs.ErrNotExist)
}

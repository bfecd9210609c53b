package cmd

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/adrg/xdg"

	"journal/cmd/ui"
	"journal/storage"
)

// Factory holds what commands need, built once in Main: the streams, the
// clock, the environment and, opened lazily, the store. `journal --help`
// never touches the disk.
type Factory struct {
	IO     *IOStreams
	Now    func() time.Time
	Getenv func(string) string

	DBPath  string // --db
	NoInput bool   // --no-input
	NoColor bool   // --no-color

	// ScryptWorkFactor is scrypt's log2(N) for new passphrases of an
	// encrypted journal; 0 is age's default. Tests lower it.
	ScryptWorkFactor int

	store *storage.Store
	lines *bufio.Reader // stdin, read by plain-line forms

	// undoCreate, when set, removes a journal this command made; Run calls
	// it if the command fails, or whatever happens with undoAlways (see
	// undoNewJournal).
	undoCreate func()
	undoAlways bool
}

// Store opens the journal on first use, and on the first use of a day
// copies it into its backups folder (see dailyBackup).
func (f *Factory) Store(ctx context.Context) (*storage.Store, error) {
	if f.store != nil {
		return f.store, nil
	}
	s, err := f.storeWithoutBackup(ctx)
	if err != nil {
		return nil, err
	}
	f.dailyBackup(ctx, s)
	return s, nil
}

// storeWithoutBackup opens the journal without the daily backup: purge
// must not copy the very records it is about to remove.
func (f *Factory) storeWithoutBackup(ctx context.Context) (*storage.Store, error) {
	if f.store != nil {
		return f.store, nil
	}
	path, err := f.dbPath()
	if err != nil {
		return nil, err
	}
	if storage.IsEncrypted(path) {
		protectMemory()
	}
	s, err := storage.OpenWith(ctx, path, f.Now, f.unlock(path))
	if err != nil {
		return nil, openError(path, err)
	}
	f.store = s
	return s, nil
}

// journalExists reports whether the journal file is there already (or
// cannot be looked at: then opening it says why).
func (f *Factory) journalExists() bool {
	path, err := f.dbPath()
	if err != nil {
		return true
	}
	_, err = os.Stat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

// dbPath is --db, else $JOURNAL_DB, else the XDG data folder.
func (f *Factory) dbPath() (string, error) {
	if f.DBPath != "" {
		return f.DBPath, nil
	}
	if p := f.Getenv("JOURNAL_DB"); p != "" {
		return p, nil
	}
	dataHome := f.Getenv("XDG_DATA_HOME")
	if dataHome == "" || !filepath.IsAbs(dataHome) {
		dataHome = xdg.DataHome
	}
	if dataHome == "" {
		return "", fmt.Errorf("cannot find a place for the journal: set JOURNAL_DB or use --db FILE")
	}
	return filepath.Join(dataHome, "journal", "journal.db"), nil
}

// ConfigDir is $XDG_CONFIG_HOME/journal: config.toml and prompts/ live there.
func (f *Factory) ConfigDir() (string, error) {
	home := f.Getenv("XDG_CONFIG_HOME")
	if home == "" || !filepath.IsAbs(home) {
		home = xdg.ConfigHome
	}
	if home == "" {
		return "", fmt.Errorf("cannot find the config folder: set XDG_CONFIG_HOME")
	}
	return filepath.Join(home, "journal"), nil
}

// Close releases the store if it was opened.
func (f *Factory) Close() error {
	if f.store == nil {
		return nil
	}
	return f.store.Close()
}

// CanPrompt reports whether questions may be asked: a terminal on both
// ends and no --no-input.
func (f *Factory) CanPrompt() bool { return !f.NoInput && f.IO.CanPrompt() }

// Styles returns the styles for Out: plain under --no-color, NO_COLOR or a pipe.
func (f *Factory) Styles() ui.Styles { return ui.NewStyles(f.IO.Color && !f.NoColor) }

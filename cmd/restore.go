package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"journal/journal"
	"journal/journal/export"
	"journal/storage"
)

type restoreOptions struct {
	yes      bool
	dryRun   bool
	identity string
}

func newCmdRestore(f *Factory) *cobra.Command {
	var o restoreOptions
	c := &cobra.Command{
		Use:     "restore ID | FILE",
		Aliases: []string{"undelete"},
		Short:   "Bring back a deleted entry, or the whole journal from a backup",
		Long: `journal restore ID brings back an entry you deleted (journal list --deleted
shows them).

journal restore FILE puts a backup made by journal backup in place of the
whole journal. The backup is checked first: it must be a whole, undamaged
journal that this version can open. Your journal as it is now is copied into
the backups folder before anything is replaced, so a restore can be undone
by restoring that copy. --dry-run shows what would change. At a terminal you
are asked first; otherwise give --yes. Close other journal windows first.

A whole number is an entry id; to restore a file named like one, write
./12. An encrypted backup opens with --identity FILE (an age identity) or
its passphrase (JOURNAL_PASSPHRASE, or asked at a terminal).`,
		Example: `  journal restore 12
  journal restore ~/usb/journal-november.db --dry-run
  journal restore ~/usb/journal-november.db
  journal restore journal.db.age --identity ~/.config/age/key.txt --yes`,
		Args: exactArgs(1, "an entry id or a backup file"),
		RunE: func(c *cobra.Command, args []string) error {
			if id, err := strconv.ParseInt(strings.TrimPrefix(args[0], "#"), 10, 64); err == nil {
				if o.dryRun || o.identity != "" {
					return journal.Invalid("--dry-run and --identity go with restoring a backup FILE, not entry %d; for a file named %s write ./%s", id, args[0], args[0])
				}
				return restoreEntry(c, f, id)
			}
			return restoreFile(c, f, &o, args[0])
		},
	}
	fl := c.Flags()
	fl.BoolVarP(&o.yes, "yes", "y", false, "do not ask first")
	fl.BoolVar(&o.dryRun, "dry-run", false, "say what would change, and change nothing")
	fl.StringVar(&o.identity, "identity", "", "age identity `file` to open an encrypted backup")
	return c
}

func restoreEntry(c *cobra.Command, f *Factory, id int64) error {
	if id <= 0 {
		return journal.Invalid("entry id must be a whole number like 12, got %d", id)
	}
	st, err := f.Store(c.Context())
	if err != nil {
		return err
	}
	err = st.RestoreEntry(c.Context(), id)
	if errors.Is(err, journal.ErrNotFound) {
		return journal.Invalid("no deleted entry with id %d: see journal list --deleted", id)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(f.IO.ErrOut, "Restored entry %d.\n", id)
	return nil
}

func restoreFile(c *cobra.Command, f *Factory, o *restoreOptions, name string) error {
	ctx := c.Context()
	path, err := f.dbPath()
	if err != nil {
		return err
	}
	if a, err := os.Stat(name); err == nil {
		if b, err := os.Stat(path); err == nil && os.SameFile(a, b) {
			return journal.Invalid("%s is the journal itself: give a backup file, like one in %s", name, storage.BackupDir(path))
		}
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return journal.Invalid("cannot read the backup %s: %v", name, unwrapPath(err))
	}
	// A journal file copied without its -wal lacks its last changes.
	if fi, err := os.Stat(name + "-wal"); err == nil && fi.Size() > 0 {
		return journal.Invalid("%s-wal beside %s may hold its last changes: run journal --db %s doctor once to fold them in, then restore it", name, name, name)
	}
	if storage.IsEncrypted(path) {
		return restoreSealed(c, f, o, name, b)
	}
	if export.IsEncrypted(b) {
		if b, err = decryptImport(ctx, f, &importOptions{identity: o.identity}, b); err != nil {
			return err
		}
	}
	plan, err := storage.PrepareRestore(ctx, path, name, bytes.NewReader(b))
	if err != nil {
		return err
	}
	defer plan.Discard()
	if !o.yes && !o.dryRun && !f.CanPrompt() {
		return journal.Invalid("restoring replaces your whole journal, so it needs --yes when journal cannot ask you (--dry-run shows what would change)")
	}
	now, nowErr := storage.JournalContents(ctx, path)
	if o.dryRun {
		printComparison(f.IO.Out, now, nowErr, plan.Backup)
		fmt.Fprintf(f.IO.ErrOut, "Nothing was changed (--dry-run). To restore: journal restore %s\n", name)
		return nil
	}
	if !o.yes {
		printComparison(f.IO.ErrOut, now, nowErr, plan.Backup)
		if ok, err := f.confirm(ctx, fmt.Sprintf("Replace your journal with %s?", name),
			"Your journal as it is now is kept in the backups folder.", "Kept your journal as it is."); err != nil || !ok {
			return err
		}
	}
	// A damaged journal cannot be told apart from one in use; it is kept
	// aside byte for byte instead.
	if inUse, err := storage.InUse(ctx, path); err != nil {
		return err
	} else if inUse && nowErr == nil {
		return fmt.Errorf("another journal command is using %s: close it and try again; nothing was changed", path)
	}
	aside, asIs, err := storage.KeepAside(ctx, path, f.Now())
	if err != nil {
		return err
	}
	if err := plan.Swap(ctx, asIs); err != nil {
		return err
	}
	fmt.Fprintf(f.IO.ErrOut, "Restored your journal from %s.\n", name)
	if aside != "" {
		fmt.Fprintf(f.IO.ErrOut, "Your journal as it was is kept in %s (journal restore that file undoes this).\n", aside)
	}
	return nil
}

// printComparison shows the journal now beside the backup, kind by kind.
func printComparison(w io.Writer, now storage.Contents, nowErr error, backup storage.Contents) {
	cell := func(n int) string {
		if nowErr != nil {
			return "?"
		}
		return strconv.Itoa(n)
	}
	span := func(c storage.Contents) string {
		if c.From == "" {
			return "nothing yet"
		}
		return c.From + " to " + c.To
	}
	fmt.Fprintf(w, "%-22s %12s %12s\n", "", "now", "backup")
	rows := []struct {
		name     string
		now, bak int
	}{
		{"notes", now.Entries["note"], backup.Entries["note"]},
		{"guided entries", now.Entries["guided"], backup.Entries["guided"]},
		{"cravings", now.Entries["craving"], backup.Entries["craving"]},
		{"check-ins", now.Entries["checkin"], backup.Entries["checkin"]},
		{"drinking-diary days", now.DrinkDays, backup.DrinkDays},
		{"sessions", now.Sessions, backup.Sessions},
		{"coaching calls", now.Calls, backup.Calls},
		{"deleted, restorable", now.Deleted, backup.Deleted},
	}
	for _, r := range rows {
		fmt.Fprintf(w, "%-22s %12s %12d\n", r.name, cell(r.now), r.bak)
	}
	nowSpan := span(now)
	if nowErr != nil {
		nowSpan = "cannot be read"
	}
	fmt.Fprintf(w, "%-22s %s\n%-22s %s\n", "now covers", nowSpan, "backup covers", span(backup))
}

// restoreSealed puts a backup in place of an encrypted journal, in memory
// only: the journal stays encrypted, and as it was is kept, encrypted, in
// the backups folder. A backup made with the journal's own key opens with
// it; others need --identity or their passphrase.
func restoreSealed(c *cobra.Command, f *Factory, o *restoreOptions, name string, b []byte) error {
	ctx := c.Context()
	st, err := f.storeWithoutBackup(ctx)
	if err != nil {
		return err
	}
	if export.IsEncrypted(b) {
		img, err := st.OpenOwnBackup(name, b)
		var wk *storage.WrongKeyError
		if errors.As(err, &wk) {
			img, err = decryptImport(ctx, f, &importOptions{identity: o.identity}, b)
		}
		if err != nil {
			return err
		}
		b = img
	}
	if !o.yes && !o.dryRun && !f.CanPrompt() {
		return journal.Invalid("restoring replaces your whole journal, so it needs --yes when journal cannot ask you (--dry-run shows what would change)")
	}
	if o.dryRun {
		fmt.Fprintf(f.IO.ErrOut, "Nothing was changed (--dry-run). To replace your encrypted journal with %s: journal restore %s\n", name, name)
		return nil
	}
	if !o.yes {
		if ok, err := f.confirm(ctx, fmt.Sprintf("Replace your journal with %s?", name),
			"Your journal as it is now is kept in the backups folder.", "Kept your journal as it is."); err != nil || !ok {
			return err
		}
	}
	aside, _, err := st.ReplaceWith(ctx, name, b, f.Now())
	clear(b)
	if err != nil {
		return err
	}
	fmt.Fprintf(f.IO.ErrOut, "Restored your journal from %s; it is still encrypted.\n", name)
	if aside != "" {
		fmt.Fprintf(f.IO.ErrOut, "Your journal as it was is kept in %s (journal restore that file undoes this).\n", aside)
	}
	return nil
}

package cmd

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"syscall"

	"journal/storage"
)

// dailyBackup copies the journal into its backups folder when no backup
// was made today (auto_backup, on unless turned off). Checking costs one
// listing of that folder; only the first command of a day pays for the
// copy. A failed copy is reported in one line and never stops the
// command; a journal that cannot be written (a read-only copy) or that is
// damaged, known before or found by the copy, is left alone silently.
func (f *Factory) dailyBackup(ctx context.Context, s *storage.Store) {
	now := f.Now()
	// A damaged journal's copy must not push good backups out of the folder.
	if s.ReadOnly() || s.Damaged() || !storage.DailyBackupDue(s.Path(), now) {
		return
	}
	cfg, err := f.Config()
	if err != nil || !cfg.AutoBackup {
		return
	}
	if empty, err := s.IsEmpty(ctx); err != nil || empty {
		return
	}
	if _, err := s.BackupInFolder(ctx, now, "daily", cfg.BackupsKept, nil); err != nil {
		if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
			return
		}
		// The copy read the whole file and met damage: the store now knows
		// (and marks it), and Run names it in the command's one line.
		if s.Damaged() {
			return
		}
		fmt.Fprintf(f.IO.ErrOut, "journal: today's backup could not be made (%v): your journal is fine; journal doctor can look into it\n", err)
	}
}

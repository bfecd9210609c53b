package storage

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migrations are the schema steps in order; step i brings user_version to i+1.
var migrations = func() []string {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		panic(err) // the pattern is a constant
	}
	sort.Strings(names)
	out := make([]string, len(names))
	for i, n := range names {
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			panic(err) // embedded at build time
		}
		out[i] = string(b)
	}
	return out
}()

// SchemaVersion is the newest schema this binary knows.
func SchemaVersion() int { return len(migrations) }

// migrate applies the missing steps, one transaction each, with the
// user_version bump inside that transaction.
func (s *Store) migrate(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("cannot read %s: %w", s.path, err)
	}
	if version > 0 && version < len(migrations) {
		// A copy of the journal as it was, in case the new schema or this
		// version of journal turns out wrong for the person.
		reason := fmt.Sprintf("before-schema-%d", len(migrations))
		if _, err := s.BackupInFolder(ctx, s.now(), reason, 0, nil); err != nil {
			return fmt.Errorf("%w: journal copies the file before changing its schema; free some space or check the folder", err)
		}
	}
	for i := version; i < len(migrations); i++ {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return writeErr(s.path, err)
		}
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			tx.Rollback()
			return writeErr(s.path, fmt.Errorf("schema step %d: %w", i+1, err))
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", i+1)); err != nil {
			tx.Rollback()
			return writeErr(s.path, err)
		}
		if err := tx.Commit(); err != nil {
			return writeErr(s.path, err)
		}
	}
	return nil
}

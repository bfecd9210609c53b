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
// user_version bump inside that transaction. Each transaction takes the
// write lock first (_txlock=immediate) and only then reads the version, so
// processes upgrading the same file at once apply each step exactly once.
func (s *Store) migrate(ctx context.Context) error {
	for {
		done, err := s.migrateStep(ctx)
		if err != nil || done {
			return err
		}
	}
}

// migrateStep applies the next missing step, if any, and reports whether
// the schema was already up to date.
func (s *Store) migrateStep(ctx context.Context) (bool, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, s.Explain(err)
	}
	defer tx.Rollback() // a no-op after Commit
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return false, s.Explain(err)
	}
	if version >= len(migrations) {
		return true, nil
	}
	if _, err := tx.ExecContext(ctx, migrations[version]); err != nil {
		return false, s.Explain(fmt.Errorf("cannot bring %s up to date (schema step %d): %w", s.path, version+1, err))
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", version+1)); err != nil {
		return false, s.Explain(err)
	}
	if err := tx.Commit(); err != nil {
		return false, s.Explain(err)
	}
	return false, nil
}

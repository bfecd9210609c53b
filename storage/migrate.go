package storage

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"strings"
	"unsafe"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one schema step: its SQL, and Go work that SQL cannot do
// (nil for most), run after it in the same transaction.
type migration struct {
	sql  string
	fill func(context.Context, *sql.Tx) error
}

// migrationFills are keyed by the step's file name without its number, so
// steps can be renumbered.
var migrationFills = map[string]func(context.Context, *sql.Tx) error{
	"substring_search.sql": fillSearchGrams,
}

// migrations are the schema steps in order; step i brings user_version to i+1.
var migrations = func() []migration {
	files, err := migrationFS.ReadDir("migrations") // sorted by name
	if err != nil {
		panic(err) // embedded at build time
	}
	out := make([]migration, len(files))
	for i, f := range files {
		b, err := migrationFS.ReadFile("migrations/" + f.Name())
		if err != nil {
			panic(err) // embedded at build time
		}
		_, name, _ := strings.Cut(f.Name(), "_")
		// The bytes are a fresh copy nothing else holds: the string can
		// share them rather than copy 50 kB again on every start.
		out[i] = migration{sql: unsafe.String(unsafe.SliceData(b), len(b)), fill: migrationFills[name]}
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
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return s.Explain(err)
	}
	if version > 0 && version < len(migrations) {
		// A copy of the journal as it was, in case the new schema or this
		// version of journal turns out wrong for the person. Processes
		// upgrading at once may each make one; the steps still run once.
		reason := fmt.Sprintf("before-schema-%d", len(migrations))
		if _, err := s.BackupInFolder(ctx, s.now(), reason, 0, nil); err != nil {
			return fmt.Errorf("%w: journal copies the file before changing its schema; free some space or check the folder", err)
		}
	}
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
		return false, s.explain(err)
	}
	defer tx.Rollback() // a no-op after Commit
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return false, s.explain(err)
	}
	if version >= len(migrations) {
		return true, nil
	}
	if _, err := tx.ExecContext(ctx, migrations[version].sql); err != nil {
		return false, s.explain(fmt.Errorf("cannot bring %s up to date (schema step %d): %w", s.path, version+1, err))
	}
	if fill := migrations[version].fill; fill != nil {
		if err := fill(ctx, tx); err != nil {
			return false, s.explain(fmt.Errorf("cannot bring %s up to date (schema step %d): %w", s.path, version+1, err))
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", version+1)); err != nil {
		return false, s.explain(err)
	}
	if err := tx.Commit(); err != nil {
		return false, s.explain(err)
	}
	return false, nil
}

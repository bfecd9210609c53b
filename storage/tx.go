package storage

import (
	"context"
	"database/sql"
	"time"
)

// inTx runs fn in one transaction: a command writes all of its change or
// none of it.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return writeErr(s.path, err)
	}
	defer tx.Rollback() // a no-op after Commit
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return writeErr(s.path, err)
	}
	return nil
}

// now is the clock in whole seconds, as the file keeps it, so the records
// a command prints on saving match what is read back later.
func (s *Store) now() time.Time {
	if s.Now == nil {
		return time.Now().Truncate(time.Second)
	}
	return s.Now().Truncate(time.Second)
}

// stamp formats a moment the way the file keeps them: RFC 3339 with the
// local offset at the moment of writing.
func stamp(t time.Time) string { return t.Format(time.RFC3339) }

func parseStamp(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return t
}

func nullStamp(ns sql.NullString) *time.Time {
	if !ns.Valid {
		return nil
	}
	t := parseStamp(ns.String)
	return &t
}

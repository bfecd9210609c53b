package storage

import (
	"context"
	"database/sql"
	"time"
)

// inTx runs fn in one transaction: a command writes all of its change or
// none of it. A journal opened read-only or found damaged is not written at
// all; an error about the file itself comes back as a *FileError.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if err := s.writable(); err != nil {
		return err
	}
	return s.write(ctx, func(ctx context.Context) error { return s.tx(ctx, fn) })
}

func (s *Store) tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.explain(err)
	}
	defer tx.Rollback() // a no-op after Commit
	if err := fn(tx); err != nil {
		return s.explain(err)
	}
	if err := tx.Commit(); err != nil {
		return s.explain(err)
	}
	return nil
}

// Snapshot runs fn with a view of the journal in which every read sees the
// file as it was at one moment, whatever other processes write meanwhile:
// one read transaction across all tables. The view is for reading only.
func (s *Store) Snapshot(ctx context.Context, fn func(view *Store) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return s.explain(err)
	}
	defer tx.Rollback()
	view := &Store{db: s.db, path: s.path, Now: s.Now, snap: tx,
		readOnly: &FileError{Problem: ProblemReadOnly, Path: s.path, Why: "is being read as one snapshot"}}
	return s.explain(fn(view))
}

// now is the clock in whole seconds, as the file keeps it, so the records
// a command prints on saving match what is read back later.
// execer is what writes need of a transaction: a *sql.Tx, or a stmtCache
// over one.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// stmtCache prepares each distinct query once for a transaction. An import
// runs the same few statements thousands of times, and SQLite compiles the
// schema's triggers into every prepare. The statements close with the
// transaction.
type stmtCache struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	// With deferIndex, search-index writes wait for flushIndex. FTS5
	// writes its pending rows out at every statement savepoint, so index
	// rows interleaved with other writes make thousands of tiny segments;
	// written together at the end they make a few.
	deferIndex bool
	unindexed  []int64    // entries to remove from the search indexes
	toIndex    []indexRow // search text to add
	indexBytes int        // the length of the text in toIndex
}

// flushIndex writes the deferred search-index changes.
func (c *stmtCache) flushIndex(ctx context.Context) error {
	for _, id := range c.unindexed {
		if err := removeSearchText(ctx, c, id); err != nil {
			return err
		}
	}
	for _, r := range c.toIndex {
		if err := writeSearchText(ctx, c, r.id, r.t); err != nil {
			return err
		}
	}
	c.unindexed, c.toIndex, c.indexBytes = c.unindexed[:0], c.toIndex[:0], 0
	return nil
}

func newStmtCache(tx *sql.Tx) *stmtCache {
	return &stmtCache{tx: tx, stmts: map[string]*sql.Stmt{}}
}

func (c *stmtCache) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := c.stmts[q]; ok {
		return st, nil
	}
	st, err := c.tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	c.stmts[q] = st
	return st, nil
}

func (c *stmtCache) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	st, err := c.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (c *stmtCache) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	st, err := c.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (c *stmtCache) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	st, err := c.stmt(ctx, q)
	if err != nil {
		return c.tx.QueryRowContext(ctx, q, args...) // reports the same error
	}
	return st.QueryRowContext(ctx, args...)
}

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

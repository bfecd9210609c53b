package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Deleted counts the soft-deleted records purge would remove for good.
type Deleted struct {
	Entries  int
	Sessions int
	Calls    int
	uuids    []string
}

// Total is every record counted.
func (d Deleted) Total() int { return d.Entries + d.Sessions + d.Calls }

// Deleted counts the soft-deleted entries, sessions and calls.
func (s *Store) Deleted(ctx context.Context) (Deleted, error) {
	var d Deleted
	rows, err := s.db.QueryContext(ctx, `SELECT 'entries', uuid FROM entries WHERE deleted_at IS NOT NULL
		UNION ALL SELECT 'sessions', uuid FROM sessions WHERE deleted_at IS NOT NULL
		UNION ALL SELECT 'calls', uuid FROM calls WHERE deleted_at IS NOT NULL`)
	if err != nil {
		return d, fmt.Errorf("cannot read %s: %w", s.path, err)
	}
	defer rows.Close()
	for rows.Next() {
		var table, id string
		if err := rows.Scan(&table, &id); err != nil {
			return d, err
		}
		switch table {
		case "entries":
			d.Entries++
		case "sessions":
			d.Sessions++
		default:
			d.Calls++
		}
		d.uuids = append(d.uuids, id)
	}
	return d, rows.Err()
}

// Purge removes the soft-deleted entries (with their answers, tags and
// details), sessions and calls for good, and then rewrites the file so no
// old text is left in it: neither theirs nor what edits replaced. SQLite's
// secure_delete zeroes freed space, the search index is merged so it
// keeps no old words, VACUUM rewrites every page, and the -wal is
// emptied. Entries linked to a purged session stay, unlinked.
//
// An encrypted journal is purged in memory and saved as any write: the new
// file holds none of it (the old one held only ciphertext).
func (s *Store) Purge(ctx context.Context) (Deleted, error) {
	if err := s.writable(); err != nil {
		return Deleted{}, err
	}
	var d Deleted
	err := s.write(ctx, func(ctx context.Context) error {
		var err error
		d, err = s.purge(ctx)
		return err
	})
	return d, err
}

func (s *Store) purge(ctx context.Context) (Deleted, error) {
	d, err := s.Deleted(ctx)
	if err != nil {
		return d, err
	}
	// secure_delete and VACUUM belong to one connection.
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return d, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA secure_delete = ON"); err != nil {
		return d, writeErr(s.path, err)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return d, writeErr(s.path, err)
	}
	defer tx.Rollback()
	var qs []string
	for _, t := range searchTables {
		qs = append(qs, `DELETE FROM `+t+` WHERE rowid IN (SELECT id FROM entries WHERE deleted_at IS NOT NULL)`)
	}
	qs = append(qs,
		`DELETE FROM entries WHERE deleted_at IS NOT NULL`,
		`DELETE FROM sessions WHERE deleted_at IS NOT NULL`,
		`DELETE FROM calls WHERE deleted_at IS NOT NULL`)
	for _, t := range searchTables {
		// FTS5 keeps replaced words in older segments until they merge.
		qs = append(qs, `INSERT INTO `+t+` (`+t+`) VALUES ('optimize')`)
	}
	for _, q := range qs {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return d, writeErr(s.path, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return d, writeErr(s.path, err)
	}
	if _, err := conn.ExecContext(ctx, "VACUUM"); err != nil {
		return d, writeErr(s.path, fmt.Errorf("the deleted records are gone, but the file could not be rewritten: %w", err))
	}
	var busy, logged, moved int
	if err := conn.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logged, &moved); err != nil {
		return d, writeErr(s.path, err)
	}
	if busy != 0 {
		return d, fmt.Errorf("the deleted records are gone, but another journal command is reading %s, so old text may stay in %s-wal until it ends: run journal purge again then", s.path, s.path)
	}
	return d, nil
}

// BackupsHolding lists the backups in the journal's backups folder that
// hold any of the records in d, and those that cannot be looked into
// (encrypted ones, or files that cannot be read), which may.
func BackupsHolding(ctx context.Context, journalPath string, d Deleted) (hold, maybe []string, err error) {
	bs, err := Backups(journalPath)
	if err != nil || len(d.uuids) == 0 {
		return nil, nil, err
	}
	list := `('` + strings.Join(d.uuids, `','`) + `')` // uuids the journal made: hex and dashes
	for _, id := range d.uuids {
		if strings.ContainsAny(id, `'\`) {
			return nil, nil, fmt.Errorf("unexpected record id %q", id)
		}
	}
	for _, b := range bs {
		if b.Encrypted {
			maybe = append(maybe, b.Path)
			continue
		}
		found, err := holdsAny(ctx, b.Path, list)
		switch {
		case err != nil:
			maybe = append(maybe, b.Path)
		case found:
			hold = append(hold, b.Path)
		}
	}
	return hold, maybe, nil
}

func holdsAny(ctx context.Context, path, list string) (bool, error) {
	db, err := openPlain(path, true)
	if err != nil {
		return false, err
	}
	defer db.Close()
	var n int
	err = db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM entries WHERE uuid IN `+list+`)
		+ (SELECT count(*) FROM sessions WHERE uuid IN `+list+`) + (SELECT count(*) FROM calls WHERE uuid IN `+list+`)`).Scan(&n)
	if err == sql.ErrNoRows {
		return false, nil
	}
	return n > 0, err
}

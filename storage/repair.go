package storage

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
)

// Repair fixes, in the journal at path, the findings doctor marked safe to
// repair, and marks each one Repaired. Nothing it does removes a record:
// it makes files private, removes journal's own stale temporary copies,
// unlinks entries from sessions that are not there, and rebuilds the
// search index and craving summaries from the records. A damaged file
// gets only the file repairs.
func Repair(ctx context.Context, path string, findings []Finding) error {
	return RepairWith(ctx, path, findings, Unlock{})
}

// RepairWith is Repair for a journal that may be encrypted: u gets its
// key, and each repair of its records is saved, encrypted, as any write.
func RepairWith(ctx context.Context, path string, findings []Finding, u Unlock) error {
	var st *Store
	openStore := func() (*Store, error) {
		if st != nil {
			return st, nil
		}
		if IsEncrypted(path) {
			s, err := OpenWith(ctx, path, nil, u)
			if err != nil {
				return nil, err
			}
			st = s
			return st, nil
		}
		db, err := openPlain(path, false)
		if err != nil {
			return nil, err
		}
		st = &Store{db: db, path: path}
		return st, nil
	}
	defer func() {
		if st != nil {
			st.Close()
		}
	}()
	for i := range findings {
		f := &findings[i]
		if !f.Repair {
			continue
		}
		var err error
		switch f.Kind {
		case FindingPermissions, FindingLeftovers:
			err = makePrivate(f.Files)
		case FindingDamageMark:
			if rerr := os.Remove(damageMark(path)); rerr != nil && !os.IsNotExist(rerr) {
				err = rerr
			}
		case FindingTempFiles:
			for _, p := range f.Files {
				if rerr := os.Remove(p); rerr != nil && !os.IsNotExist(rerr) {
					err = fmt.Errorf("cannot remove %s: %w", p, unwrapPathErr(rerr))
				}
			}
		case FindingLinks:
			err = inRepairTx(ctx, openStore, `UPDATE entries SET session_id = NULL
				WHERE session_id IS NOT NULL AND session_id NOT IN (SELECT id FROM sessions)`)
		case FindingSummaries:
			err = inRepairTx(ctx, openStore, rebuildCravingDays)
		case FindingSearch:
			var s *Store
			if s, err = openStore(); err == nil {
				err = rebuildSearch(ctx, s)
			}
		default:
			continue
		}
		if err != nil {
			return writeErr(path, err)
		}
		f.Repaired = true
	}
	return nil
}

func inRepairTx(ctx context.Context, openStore func() (*Store, error), q string) error {
	s, err := openStore()
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, q)
		return err
	})
}

// makePrivate sets files to 0600 and folders to 0700.
func makePrivate(paths []string) error {
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			continue // gone since: nothing to fix
		}
		mode := os.FileMode(0o600)
		if fi.IsDir() {
			mode = 0o700
		}
		if err := os.Chmod(p, mode); err != nil {
			return fmt.Errorf("cannot make %s private: %w", filepath.Clean(p), unwrapPathErr(err))
		}
	}
	return nil
}

// rebuildSearch fills the search indexes again from every entry (deleted
// ones too, as saving them does), in one transaction.
func rebuildSearch(ctx context.Context, s *Store) error {
	es, err := s.queryEntries(ctx, `SELECT `+entryColumns+` FROM entries e ORDER BY e.id`)
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, table := range searchTables {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table); err != nil {
				return err
			}
		}
		c := newStmtCache(tx)
		for i := range es {
			if err := index(ctx, c, &es[i], details(es[i])); err != nil {
				return err
			}
		}
		return nil
	})
}

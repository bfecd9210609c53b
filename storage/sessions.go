package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"journal/journal"
)

// AddSession saves a new session, filling in its id, uuid, stamps and number.
func (s *Store) AddSession(ctx context.Context, ses *journal.Session) error {
	if err := ses.ValidateText(); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		now := s.now()
		ses.UUID = uuid.NewString()
		ses.CreatedAt, ses.UpdatedAt = now, now
		res, err := tx.ExecContext(ctx, `INSERT INTO sessions (uuid, day, setting, route, dose_mg, note, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			ses.UUID, ses.Day.String(), ses.Setting, ses.Route, ses.DoseMg, ses.Note, stamp(now), stamp(now))
		if err != nil {
			return writeErr(s.path, err)
		}
		ses.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return err
	}
	all, err := s.Sessions(ctx)
	if err != nil {
		return err
	}
	for _, o := range all {
		if o.ID == ses.ID {
			ses.Number = o.Number
		}
	}
	return nil
}

// Sessions lists the live sessions in date order, numbered from 1.
func (s *Store) Sessions(ctx context.Context) ([]journal.Session, error) {
	rows, err := s.rd().QueryContext(ctx, `SELECT row_number() OVER (ORDER BY day, id),
		id, uuid, day, setting, route, dose_mg, note, created_at, updated_at
		FROM sessions WHERE deleted_at IS NULL ORDER BY day, id`)
	if err != nil {
		return nil, fmt.Errorf("list sessions: %w", err)
	}
	defer rows.Close()
	var out []journal.Session
	for rows.Next() {
		var (
			ses          journal.Session
			day, cr, upd string
			dose         sql.NullFloat64
		)
		if err := rows.Scan(&ses.Number, &ses.ID, &ses.UUID, &day, &ses.Setting, &ses.Route, &dose, &ses.Note, &cr, &upd); err != nil {
			return nil, err
		}
		ses.Day, _ = journal.ParseDate(day)
		ses.CreatedAt, ses.UpdatedAt = parseStamp(cr), parseStamp(upd)
		if dose.Valid {
			ses.DoseMg = &dose.Float64
		}
		out = append(out, ses)
	}
	return out, rows.Err()
}

// SessionByNumber returns live session number n (from 1, in date order).
func (s *Store) SessionByNumber(ctx context.Context, n int) (journal.Session, error) {
	all, err := s.Sessions(ctx)
	if err != nil {
		return journal.Session{}, err
	}
	if n < 1 || n > len(all) {
		return journal.Session{}, journal.ErrNotFound
	}
	return all[n-1], nil
}

// SessionByID returns the live session with id, or ErrNotFound.
func (s *Store) SessionByID(ctx context.Context, id int64) (journal.Session, error) {
	all, err := s.Sessions(ctx)
	if err != nil {
		return journal.Session{}, err
	}
	for _, ses := range all {
		if ses.ID == id {
			return ses, nil
		}
	}
	return journal.Session{}, journal.ErrNotFound
}

// NextSession is the first live session on or after day; LastSession the
// latest on or before it. Both return ErrNotFound when there is none.
func (s *Store) NextSession(ctx context.Context, day journal.Date) (journal.Session, error) {
	all, err := s.Sessions(ctx)
	if err != nil {
		return journal.Session{}, err
	}
	for _, ses := range all {
		if !ses.Day.Before(day) {
			return ses, nil
		}
	}
	return journal.Session{}, journal.ErrNotFound
}

// LastSession: see NextSession.
func (s *Store) LastSession(ctx context.Context, day journal.Date) (journal.Session, error) {
	all, err := s.Sessions(ctx)
	if err != nil {
		return journal.Session{}, err
	}
	for i := len(all) - 1; i >= 0; i-- {
		if !all[i].Day.After(day) {
			return all[i], nil
		}
	}
	return journal.Session{}, journal.ErrNotFound
}

// UpdateSession writes the day, setting, route, dose and note of a live session.
func (s *Store) UpdateSession(ctx context.Context, ses journal.Session) error {
	if err := ses.ValidateText(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE sessions SET day = ?, setting = ?, route = ?, dose_mg = ?, note = ?, updated_at = ?
			WHERE id = ? AND deleted_at IS NULL`,
			ses.Day.String(), ses.Setting, ses.Route, ses.DoseMg, ses.Note, stamp(s.now()), ses.ID)
		if err != nil {
			return writeErr(s.path, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return journal.ErrNotFound
		}
		return nil
	})
}

// DeleteSession soft-deletes a session: it leaves lists and numbering.
// The entries linked to it stay, unlinked, in the same transaction: no
// record is left pointing at a session that is gone, so every export of
// the journal can be imported again.
func (s *Store) DeleteSession(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		now := stamp(s.now())
		res, err := tx.ExecContext(ctx, `UPDATE sessions SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`, now, now, id)
		if err != nil {
			return writeErr(s.path, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return journal.ErrNotFound
		}
		if _, err := tx.ExecContext(ctx, `UPDATE entries SET session_id = NULL, updated_at = ? WHERE session_id = ?`, now, id); err != nil {
			return writeErr(s.path, err)
		}
		return nil
	})
}

// SessionEntries lists the live entries linked to a session, oldest
// first, with their answers.
func (s *Store) SessionEntries(ctx context.Context, id int64) ([]journal.Entry, error) {
	out, err := s.queryEntries(ctx, `SELECT `+entryColumns+` FROM entries e
		WHERE e.session_id = ? AND e.deleted_at IS NULL ORDER BY e.day, e.occurred_at, e.id`, id)
	if err != nil {
		return nil, fmt.Errorf("list session entries: %w", err)
	}
	return out, nil
}

// SaveDraft keeps the unfinished run of a prompt set, replacing any
// earlier draft of that set.
func (s *Store) SaveDraft(ctx context.Context, set, data string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO drafts (prompt_set, data, saved_at) VALUES (?, ?, ?)
			ON CONFLICT (prompt_set) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at`,
			set, data, stamp(s.now()))
		if err != nil {
			return writeErr(s.path, err)
		}
		return nil
	})
}

// Draft returns the kept draft of a prompt set and when it was saved, or
// ErrNotFound.
func (s *Store) Draft(ctx context.Context, set string) (string, time.Time, error) {
	var data, saved string
	err := s.rd().QueryRowContext(ctx, `SELECT data, saved_at FROM drafts WHERE prompt_set = ?`, set).Scan(&data, &saved)
	if errors.Is(err, sql.ErrNoRows) {
		return "", time.Time{}, journal.ErrNotFound
	}
	if err != nil {
		return "", time.Time{}, fmt.Errorf("read draft: %w", err)
	}
	return data, parseStamp(saved), nil
}

// DropDraft removes the kept draft named key, if there is one.
func (s *Store) DropDraft(ctx context.Context, key string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM drafts WHERE prompt_set = ?`, key); err != nil {
			return writeErr(s.path, err)
		}
		return nil
	})
}

// AddGuidedEntry saves a finished prompt run and drops the draft of its
// set, in one transaction.
func (s *Store) AddGuidedEntry(ctx context.Context, e *journal.Entry) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.insertEntry(ctx, tx, e, ""); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM drafts WHERE prompt_set = ?`, e.PromptSet); err != nil {
			return writeErr(s.path, err)
		}
		return nil
	})
}

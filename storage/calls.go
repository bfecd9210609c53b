package storage

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/google/uuid"

	"journal/journal"
)

// AddCall records a coaching call, filling in its id, uuid and stamps.
func (s *Store) AddCall(ctx context.Context, c *journal.Call) error {
	if err := c.ValidateText(); err != nil {
		return err
	}
	now := s.now()
	if c.UUID == "" {
		c.UUID = uuid.NewString()
	}
	c.CreatedAt, c.UpdatedAt = now, now
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO calls (uuid, day, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
			c.UUID, c.Day.String(), c.Note, stamp(now), stamp(now))
		if err != nil {
			return writeErr(s.path, err)
		}
		c.ID, err = res.LastInsertId()
		return err
	})
}

// Calls lists live calls, newest first.
func (s *Store) Calls(ctx context.Context) ([]journal.Call, error) {
	rows, err := s.rd().QueryContext(ctx, `SELECT id, uuid, day, note, created_at, updated_at FROM calls
		WHERE deleted_at IS NULL ORDER BY day DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list calls: %w", err)
	}
	defer rows.Close()
	out := []journal.Call{}
	for rows.Next() {
		var (
			c            journal.Call
			day, cr, upd string
		)
		if err := rows.Scan(&c.ID, &c.UUID, &day, &c.Note, &cr, &upd); err != nil {
			return nil, err
		}
		c.Day, _ = journal.ParseDate(day)
		c.CreatedAt, c.UpdatedAt = parseStamp(cr), parseStamp(upd)
		out = append(out, c)
	}
	return out, rows.Err()
}

// LastCallDay returns the day of the most recent call on or before day,
// and false when there is none.
func (s *Store) LastCallDay(ctx context.Context, day journal.Date) (journal.Date, bool, error) {
	var d sql.NullString
	if err := s.rd().QueryRowContext(ctx, `SELECT max(day) FROM calls WHERE deleted_at IS NULL AND day <= ?`,
		day.String()).Scan(&d); err != nil {
		return journal.Date{}, false, fmt.Errorf("find the last call: %w", err)
	}
	if !d.Valid {
		return journal.Date{}, false, nil
	}
	date, err := journal.ParseDate(d.String)
	return date, err == nil, err
}

// DeleteCall soft-deletes a call.
func (s *Store) DeleteCall(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		now := stamp(s.now())
		res, err := tx.ExecContext(ctx, `UPDATE calls SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`, now, now, id)
		if err != nil {
			return writeErr(s.path, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return journal.ErrNotFound
		}
		return nil
	})
}

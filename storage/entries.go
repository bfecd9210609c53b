package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"journal/journal"
)

// AddEntry saves a new entry with its tags and answers, filling in its id,
// uuid and stamps.
func (s *Store) AddEntry(ctx context.Context, e *journal.Entry) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.insertEntry(ctx, tx, e, "") })
}

// insertEntry writes e inside tx. details is more text for the search index
// (craving details and the like), beside the body, answers and tags.
func (s *Store) insertEntry(ctx context.Context, tx execer, e *journal.Entry, details string) error {
	if err := e.ValidateText(); err != nil {
		return err
	}
	now := s.now()
	e.OccurredAt = e.OccurredAt.Truncate(time.Second) // as the file keeps it
	if e.UUID == "" {
		e.UUID = uuid.NewString()
	}
	if e.CreatedAt.IsZero() {
		e.CreatedAt = now
	}
	if e.UpdatedAt.IsZero() {
		e.UpdatedAt = e.CreatedAt
	}
	if e.Day.IsZero() {
		e.Day = journal.DateOf(e.OccurredAt)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO entries
		(uuid, kind, day, occurred_at, body, private, session_id, prompt_set, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.UUID, string(e.Kind), e.Day.String(), stamp(e.OccurredAt), e.Body, e.Private,
		e.SessionID, e.PromptSet, stamp(e.CreatedAt), stamp(e.UpdatedAt))
	if err != nil {
		return writeErr(s.path, err)
	}
	if e.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	if err := addTags(ctx, tx, e.ID, e.Tags); err != nil {
		return writeErr(s.path, err)
	}
	for i, a := range e.Answers {
		if _, err := tx.ExecContext(ctx, `INSERT INTO answers (entry_id, position, key, question, answer)
			VALUES (?, ?, ?, ?, ?)`, e.ID, i+1, a.Key, a.Question, a.Answer); err != nil {
			return writeErr(s.path, err)
		}
	}
	return index(ctx, tx, e, details)
}

// writeTags replaces the tags of entry id.
func writeTags(ctx context.Context, tx execer, id int64, tags []string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM entry_tags WHERE entry_id = ?`, id); err != nil {
		return err
	}
	return addTags(ctx, tx, id, tags)
}

// addTags gives entry id the tags; a new entry has none to replace.
func addTags(ctx context.Context, tx execer, id int64, tags []string) error {
	for _, t := range tags {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO entry_tags (entry_id, tag) VALUES (?, ?)`, id, t); err != nil {
			return err
		}
	}
	return nil
}

// entryColumns are read by scanEntry, in this order.
const entryColumns = `e.id, e.uuid, e.kind, e.day, e.occurred_at, e.body, e.private, e.session_id,
	e.prompt_set, e.created_at, e.updated_at, e.deleted_at,
	coalesce((SELECT group_concat(tag, ' ') FROM (SELECT tag FROM entry_tags WHERE entry_id = e.id ORDER BY tag)), '')`

type scanner interface{ Scan(...any) error }

func scanEntry(row scanner) (journal.Entry, error) {
	var f entryFields
	if err := row.Scan(f.dest()...); err != nil {
		return journal.Entry{}, err
	}
	return f.entry(), nil
}

// entryFields are the columns of entryColumns as they are scanned.
type entryFields struct {
	e                       journal.Entry
	kind, day, occ, cr, upd string
	session                 sql.NullInt64
	deleted                 sql.NullString
	tags                    string
}

// dest is where Scan puts entryColumns, in their order.
func (f *entryFields) dest() []any {
	return []any{&f.e.ID, &f.e.UUID, &f.kind, &f.day, &f.occ, &f.e.Body, &f.e.Private, &f.session,
		&f.e.PromptSet, &f.cr, &f.upd, &f.deleted, &f.tags}
}

// entry is the entry the scanned columns hold, with no answers yet.
func (f *entryFields) entry() journal.Entry {
	e := f.e
	e.Kind = journal.Kind(f.kind)
	e.Day, _ = journal.ParseDate(f.day)
	e.OccurredAt = parseStamp(f.occ)
	e.CreatedAt = parseStamp(f.cr)
	e.UpdatedAt = parseStamp(f.upd)
	e.DeletedAt = nullStamp(f.deleted)
	if f.session.Valid {
		e.SessionID = &f.session.Int64
	}
	e.Tags = append([]string{}, strings.Fields(f.tags)...)
	e.Answers = []journal.Answer{}
	return e
}

// Entry returns one entry with its answers, deleted or not.
func (s *Store) Entry(ctx context.Context, id int64) (journal.Entry, error) {
	e, err := scanEntryDetails(s.rd().QueryRowContext(ctx, `SELECT `+detailColumns+` FROM `+entryFrom+` WHERE e.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, journal.ErrNotFound
	}
	if err != nil {
		return e, fmt.Errorf("read entry %d: %w", id, err)
	}
	e.Answers, err = s.answers(ctx, id)
	return e, err
}

func (s *Store) answers(ctx context.Context, id int64) ([]journal.Answer, error) {
	rows, err := s.rd().QueryContext(ctx, `SELECT key, question, answer FROM answers WHERE entry_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []journal.Answer{}
	for rows.Next() {
		var a journal.Answer
		if err := rows.Scan(&a.Key, &a.Question, &a.Answer); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Entries lists entries newest first, with their details and the answers
// of guided entries.
func (s *Store) Entries(ctx context.Context, f journal.Filter) ([]journal.Entry, error) {
	q, args := entriesQuery(f)
	out, err := s.queryEntriesWithDetails(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list entries: %w", err)
	}
	return out, nil
}

// EachEntry hands the entries Entries would list to fn, newest first, a
// page of entryPage at a time within one read transaction: listing ten
// years never holds them all. An error from fn stops it and is returned.
func (s *Store) EachEntry(ctx context.Context, f journal.Filter, fn func(journal.Entry) error) error {
	return s.Snapshot(ctx, func(v *Store) error {
		left := f.Limit // 0: all
		var after int64
		for {
			page := f
			page.Limit = entryPage
			if left > 0 {
				page.Limit = min(entryPage, left)
			}
			q, args := entriesQueryAfter(page, after)
			es, err := v.queryEntriesWithDetails(ctx, q, args...)
			if err != nil {
				return fmt.Errorf("list entries: %w", err)
			}
			for _, e := range es {
				if err := fn(e); err != nil {
					return err
				}
			}
			if left > 0 {
				left -= len(es)
			}
			if len(es) < page.Limit || (f.Limit > 0 && left == 0) {
				return nil
			}
			after = es[len(es)-1].ID
		}
	})
}

// entriesQuery is the query of Entries and its arguments.
func entriesQuery(f journal.Filter) (string, []any) { return entriesQueryAfter(f, 0) }

// entriesQueryAfter is entriesQuery for the entries listed after the one
// whose id is after (0: from the newest).
func entriesQueryAfter(f journal.Filter, after int64) (string, []any) {
	var (
		where []string
		args  []any
	)
	if after != 0 {
		where = append(where, "(e.day, e.occurred_at, e.id) < (SELECT day, occurred_at, id FROM entries WHERE id = ?)")
		args = append(args, after)
	}
	if f.Deleted {
		where = append(where, "e.deleted_at IS NOT NULL")
	} else {
		where = append(where, "e.deleted_at IS NULL")
	}
	if !f.Since.IsZero() {
		where, args = append(where, "e.day >= ?"), append(args, f.Since.String())
	}
	if !f.Until.IsZero() {
		where, args = append(where, "e.day <= ?"), append(args, f.Until.String())
	}
	if f.Kind != "" {
		where, args = append(where, "e.kind = ?"), append(args, string(f.Kind))
	}
	if f.Tag != "" {
		// The tag's entries are read once through the tag index; a
		// correlated EXISTS would probe the tag table once per entry.
		where = append(where, "e.id IN (SELECT entry_id FROM entry_tags WHERE tag = ?)")
		args = append(args, f.Tag)
	}
	q := `SELECT ` + detailColumns + ` FROM ` + entryFrom + ` WHERE ` + strings.Join(where, " AND ") +
		` ORDER BY e.day DESC, e.occurred_at DESC, e.id DESC`
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	return q, args
}

// scanEntries runs query q and reads each of its rows with scan: the
// query's statement is done with before the caller reads more.
func (s *Store) scanEntries(ctx context.Context, scan func(scanner) (journal.Entry, error), q string, args ...any) ([]journal.Entry, error) {
	rows, err := s.rd().QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []journal.Entry
	for rows.Next() {
		e, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// queryEntries runs a query selecting entryColumns and returns its entries
// with their details and answers, a few queries for the whole list.
func (s *Store) queryEntries(ctx context.Context, q string, args ...any) ([]journal.Entry, error) {
	out, err := s.scanEntries(ctx, scanEntry, q, args...)
	if err != nil {
		return nil, err
	}
	if err := s.attachDetails(ctx, s.rd(), out); err != nil {
		return nil, err
	}
	return out, s.attachAnswers(ctx, out, journal.KindGuided)
}

// attachAnswers loads the answers of the entries among es of the given
// kinds (every entry when none is given) in one query, so lists and search
// carry what show does.
func (s *Store) attachAnswers(ctx context.Context, es []journal.Entry, kinds ...journal.Kind) error {
	byID := map[int64]*journal.Entry{}
	var ids []int64
	for i := range es {
		if len(kinds) == 0 || slices.Contains(kinds, es[i].Kind) {
			ids = append(ids, es[i].ID)
			byID[es[i].ID] = &es[i]
		}
	}
	if len(ids) == 0 {
		return nil
	}
	rows, err := s.rd().QueryContext(ctx, `SELECT entry_id, key, question, answer FROM answers
		WHERE entry_id`+inIDs+` ORDER BY entry_id, position`, idList(ids))
	if err != nil {
		return fmt.Errorf("read answers: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id int64
			a  journal.Answer
		)
		if err := rows.Scan(&id, &a.Key, &a.Question, &a.Answer); err != nil {
			return fmt.Errorf("read answers: %w", err)
		}
		byID[id].Answers = append(byID[id].Answers, a)
	}
	return rows.Err()
}

// UpdateEntryText replaces the body and tags of a live entry.
func (s *Store) UpdateEntryText(ctx context.Context, id int64, body string, tags []string) error {
	if err := (journal.Entry{Body: body, Tags: tags}).ValidateText(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE entries SET body = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`,
			body, stamp(s.now()), id)
		if err != nil {
			return writeErr(s.path, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return journal.ErrNotFound
		}
		if err := writeTags(ctx, tx, id, tags); err != nil {
			return writeErr(s.path, err)
		}
		return reindex(ctx, tx, id, func(t *searchText) { t.body, t.tags = body, strings.Join(tags, " ") })
	})
}

// RedateEntry moves a live entry to the moment at: its occurred_at and its
// local day (in at's location) change, its text and details stay. A
// check-in cannot move onto a day that already has a live one (one
// check-in a day): that is an input error naming the other entry.
func (s *Store) RedateEntry(ctx context.Context, id int64, at time.Time) error {
	day := journal.DateOf(at)
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var kind string
		err := tx.QueryRowContext(ctx, `SELECT kind FROM entries WHERE id = ? AND deleted_at IS NULL`, id).Scan(&kind)
		if errors.Is(err, sql.ErrNoRows) {
			return journal.ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("read entry %d: %w", id, err)
		}
		if kind == string(journal.KindCheckin) {
			var other int64
			err := tx.QueryRowContext(ctx, `SELECT id FROM entries WHERE kind = ? AND day = ? AND id <> ? AND deleted_at IS NULL LIMIT 1`,
				kind, day.String(), id).Scan(&other)
			if err == nil {
				return journal.Invalid("%s already has a check-in (entry %d), and a day has one check-in: delete one of them first", day, other)
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("read check-ins of %s: %w", day, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE entries SET occurred_at = ?, day = ?, updated_at = ? WHERE id = ?`,
			stamp(at), day.String(), stamp(s.now()), id); err != nil {
			return writeErr(s.path, err)
		}
		return nil
	})
}

// DeleteEntry soft-deletes a live entry; RestoreEntry brings it back.
func (s *Store) DeleteEntry(ctx context.Context, id int64) error {
	return s.setDeleted(ctx, id, true)
}

// RestoreEntry undoes DeleteEntry.
func (s *Store) RestoreEntry(ctx context.Context, id int64) error {
	return s.setDeleted(ctx, id, false)
}

func (s *Store) setDeleted(ctx context.Context, id int64, deleted bool) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		now := stamp(s.now())
		q := `UPDATE entries SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`
		args := []any{now, now, id}
		if !deleted {
			q = `UPDATE entries SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL`
			args = []any{now, id}
		}
		res, err := tx.ExecContext(ctx, q, args...)
		if err != nil {
			return writeErr(s.path, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return journal.ErrNotFound
		}
		return nil
	})
}

// Tags counts the tags of live entries, most used first.
func (s *Store) Tags(ctx context.Context) ([]journal.TagCount, error) {
	rows, err := s.rd().QueryContext(ctx, `SELECT t.tag, count(*) FROM entry_tags t
		JOIN entries e ON e.id = t.entry_id AND e.deleted_at IS NULL
		GROUP BY t.tag ORDER BY count(*) DESC, t.tag`)
	if err != nil {
		return nil, fmt.Errorf("count tags: %w", err)
	}
	defer rows.Close()
	var out []journal.TagCount
	for rows.Next() {
		var tc journal.TagCount
		if err := rows.Scan(&tc.Tag, &tc.Count); err != nil {
			return nil, err
		}
		out = append(out, tc)
	}
	return out, rows.Err()
}

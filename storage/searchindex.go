package storage

import (
	"context"
	"database/sql"
	"strings"

	"journal/journal"
)

// searchText is what the search indexes hold of one entry, by column.
type searchText struct{ body, answers, tags, details string }

// searchTables are the indexes every entry is in, rowid = entries.id:
// words (entries_fts), three-character pieces (entries_trigram) and, for
// scripts without spaces, characters and pairs (entries_grams).
var searchTables = []string{"entries_fts", "entries_trigram", "entries_grams"}

// index writes the search rows of a new entry. details is the text of the
// kind's own tables (craving triggers and the like).
func index(ctx context.Context, tx execer, e *journal.Entry, details string) error {
	var answers []string
	for _, a := range e.Answers {
		answers = append(answers, a.Question, a.Answer)
	}
	t := searchText{e.Body, strings.Join(answers, "\n"), strings.Join(e.Tags, " "), details}
	if c, ok := tx.(*stmtCache); ok && c.deferIndex {
		c.toIndex = append(c.toIndex, indexRow{e.ID, t})
		c.indexBytes += len(t.body) + len(t.answers) + len(t.tags) + len(t.details)
		return nil
	}
	return writeSearchText(ctx, tx, e.ID, t)
}

// indexRow is an entry's search text waiting to be written.
type indexRow struct {
	id int64
	t  searchText
}

func writeSearchText(ctx context.Context, tx execer, id int64, t searchText) error {
	for _, table := range searchTables[:2] {
		if _, err := tx.ExecContext(ctx, `INSERT INTO `+table+` (rowid, body, answers, tags, details) VALUES (?, ?, ?, ?, ?)`,
			id, t.body, t.answers, t.tags, t.details); err != nil {
			return err
		}
	}
	if g := searchGrams(t.body, t.answers, t.tags, t.details); g != "" {
		if _, err := tx.ExecContext(ctx, `INSERT INTO entries_grams (rowid, grams) VALUES (?, ?)`, id, g); err != nil {
			return err
		}
	}
	return nil
}

// unindex removes an entry from every search index (at flushIndex, when
// deferred).
func unindex(ctx context.Context, tx execer, id int64) error {
	if c, ok := tx.(*stmtCache); ok && c.deferIndex {
		c.unindexed = append(c.unindexed, id)
		return nil
	}
	return removeSearchText(ctx, tx, id)
}

func removeSearchText(ctx context.Context, tx execer, id int64) error {
	for _, table := range searchTables {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE rowid = ?`, id); err != nil {
			return err
		}
	}
	return nil
}

// reindex changes an entry's search text with change and writes it back to
// every index.
func reindex(ctx context.Context, tx execer, id int64, change func(*searchText)) error {
	var t searchText
	err := tx.QueryRowContext(ctx, `SELECT body, answers, tags, details FROM entries_fts WHERE rowid = ?`, id).
		Scan(&t.body, &t.answers, &t.tags, &t.details)
	if err != nil && err != sql.ErrNoRows {
		return err
	}
	change(&t)
	if err := unindex(ctx, tx, id); err != nil {
		return err
	}
	return writeSearchText(ctx, tx, id, t)
}

// fillSearchGrams builds entries_grams for the entries already indexed, when
// the step that adds it runs.
func fillSearchGrams(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT rowid, body, answers, tags, details FROM entries_fts`)
	if err != nil {
		return err
	}
	grams := map[int64]string{}
	for rows.Next() {
		var (
			id int64
			t  searchText
		)
		if err := rows.Scan(&id, &t.body, &t.answers, &t.tags, &t.details); err != nil {
			rows.Close()
			return err
		}
		if g := searchGrams(t.body, t.answers, t.tags, t.details); g != "" {
			grams[id] = g
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for id, g := range grams {
		if _, err := tx.ExecContext(ctx, `INSERT INTO entries_grams (rowid, grams) VALUES (?, ?)`, id, g); err != nil {
			return err
		}
	}
	return nil
}

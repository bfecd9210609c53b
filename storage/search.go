package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"

	"journal/journal"
)

// Snippet markers around matched words; the command line styles them.
const (
	MarkStart = "\x02"
	MarkEnd   = "\x03"
)

// Search finds live entries matching the words of query, best first.
// Private entries are included: search is the person's own view.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]journal.SearchHit, error) {
	match := FTSQuery(query)
	if match == "" {
		return nil, journal.Invalid("search needs at least one word, like: journal search sleep")
	}
	// Rank first, with nothing but ids: a common word can match thousands
	// of entries, and snippets and details are only worth making for the
	// few that are shown.
	q := `SELECT entries_fts.rowid FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid
		WHERE entries_fts MATCH ? AND e.deleted_at IS NULL
		ORDER BY bm25(entries_fts, 5.0, 3.0, 2.0, 1.0), e.day DESC`
	args := []any{match}
	if limit > 0 {
		q += " LIMIT ?"
		args = append(args, limit)
	}
	var ids []int64
	err := s.eachRow(ctx, func(r *sql.Rows) error {
		var id int64
		if err := r.Scan(&id); err != nil {
			return err
		}
		ids = append(ids, id)
		return nil
	}, q, args...)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	hits := make([]journal.SearchHit, 0, len(ids))
	for _, id := range ids {
		var h journal.SearchHit
		if err := s.db.QueryRowContext(ctx, `SELECT snippet(entries_fts, -1, '`+MarkStart+`', '`+MarkEnd+`', '…', 12)
			FROM entries_fts WHERE entries_fts MATCH ? AND rowid = ?`, match, id).Scan(&h.Snippet); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		if h.Entry, err = scanEntry(s.db.QueryRowContext(ctx, `SELECT `+entryColumns+` FROM entries e WHERE e.id = ?`, id)); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		if err := s.attachOne(ctx, s.db, &h.Entry); err != nil {
			return nil, err
		}
		hits = append(hits, h)
	}
	// Guided entries carry their answers, as show gives them.
	es := make([]journal.Entry, len(hits))
	for i := range hits {
		es[i] = hits[i].Entry
	}
	if err := s.attachAnswers(ctx, es); err != nil {
		return nil, err
	}
	for i := range hits {
		hits[i].Entry.Answers = es[i].Answers
	}
	return hits, nil
}

type scanFunc func(...any) error

func (f scanFunc) Scan(dest ...any) error { return f(dest...) }

// FTSQuery turns what a person typed into a safe FTS5 query: every word is
// quoted (so "don't", "AND" or "c++" are plain words, never syntax), a
// trailing * keeps a prefix search, and "quoted phrases" stay phrases.
// Terms are ANDed. It returns "" when nothing searchable is left.
func FTSQuery(input string) string {
	var terms []string
	rest := input
	for {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if rest == "" {
			break
		}
		if rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			var phrase string
			if end < 0 {
				phrase, rest = rest[1:], ""
			} else {
				phrase, rest = rest[1:1+end], rest[2+end:]
			}
			if t := quoteTerm(phrase); t != "" {
				terms = append(terms, t)
			}
			continue
		}
		end := strings.IndexFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
		if end < 0 {
			end = len(rest)
		}
		word := rest[:end]
		rest = rest[end:]
		prefix := strings.HasSuffix(word, "*")
		if t := quoteTerm(strings.TrimRight(word, "*")); t != "" {
			if prefix {
				t += "*"
			}
			terms = append(terms, t)
		}
	}
	return strings.Join(terms, " ")
}

// quoteTerm quotes s as one FTS5 string. It returns "" when s holds no
// letter or digit, since such a term matches nothing and FTS5 rejects some.
func quoteTerm(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return ""
	}
	return `"` + strings.ReplaceAll(strings.TrimSpace(s), `"`, `""`) + `"`
}

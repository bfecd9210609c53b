package storage

import (
	"context"
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
	q := `SELECT ` + entryColumns + `,
		snippet(entries_fts, -1, '` + MarkStart + `', '` + MarkEnd + `', '…', 12)
		FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid
		WHERE entries_fts MATCH ? AND e.deleted_at IS NULL
		ORDER BY bm25(entries_fts, 5.0, 3.0, 2.0, 1.0), e.day DESC`
	args := []any{match}
	if limit > 0 {
		q += " LIMIT ?"
		args = append(args, limit)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	var hits []journal.SearchHit
	for rows.Next() {
		var h journal.SearchHit
		var snip string
		e, err := scanEntry(scanFunc(func(dest ...any) error { return rows.Scan(append(dest, &snip)...) }))
		if err != nil {
			return nil, err
		}
		h.Entry, h.Snippet = e, snip
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	es := make([]journal.Entry, len(hits))
	for i := range hits {
		if err := s.attachOne(ctx, s.db, &hits[i].Entry); err != nil {
			return nil, err
		}
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

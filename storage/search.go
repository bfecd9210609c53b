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

// RankWindow is how many of the newest matches a search ranks.
const RankWindow = 500

// Search finds live entries matching the words of query, best first.
// Private entries are included: search is the person's own view.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]journal.SearchHit, error) {
	match := FTSQuery(query)
	if match == "" {
		return nil, journal.Invalid("search needs at least one word, like: journal search sleep")
	}
	// Rank first, with nothing but ids: snippets and details are only worth
	// making for the few that are shown. A common word (a craving trigger
	// in a journal of years) can match thousands of entries, and ranking
	// them all is most of a search's time, so only the newest RankWindow
	// matches are ranked; the rowid bound is cheap for FTS5.
	q := `SELECT entries_fts.rowid FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid
		WHERE entries_fts MATCH ?1 AND e.deleted_at IS NULL
		AND entries_fts.rowid >= coalesce((SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?1
			ORDER BY rowid DESC LIMIT 1 OFFSET ` + fmt.Sprint(RankWindow-1) + `), 0)
		ORDER BY bm25(entries_fts, 5.0, 3.0, 2.0, 1.0), e.day DESC`
	args := []any{match}
	if limit > 0 {
		q += " LIMIT ?2"
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
	if len(ids) == 0 {
		return nil, nil
	}
	// The shown hits, a few queries for all of them: snippets, entries,
	// then their details and answers.
	list := idList(ids)
	snippets := map[int64]string{}
	err = s.eachRow(ctx, func(r *sql.Rows) error {
		var (
			id   int64
			snip string
		)
		if err := r.Scan(&id, &snip); err != nil {
			return err
		}
		snippets[id] = snip
		return nil
	}, `SELECT rowid, snippet(entries_fts, -1, '`+MarkStart+`', '`+MarkEnd+`', '…', 12)
		FROM entries_fts WHERE entries_fts MATCH ? AND rowid`+inIDs, match, list)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	found, err := s.queryEntries(ctx, `SELECT `+entryColumns+` FROM entries e WHERE e.id`+inIDs, list)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	byID := make(map[int64]journal.Entry, len(found))
	for _, e := range found {
		byID[e.ID] = e
	}
	hits := make([]journal.SearchHit, len(ids))
	for i, id := range ids {
		hits[i] = journal.SearchHit{Entry: byID[id], Snippet: snippets[id]}
	}
	return hits, nil
}

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

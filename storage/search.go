package storage

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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
//
// Whole words come first, ranked as they always were. When they are fewer
// than limit (RankWindow when limit is 0), entries where the terms are found inside
// longer words, or in scripts written without spaces (散歩 in
// 今日は散歩に行きました), follow: the newest RankWindow such matches, by
// date, newest first.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]journal.SearchHit, error) {
	terms := parseTerms(query)
	match := termsQuery(terms)
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
	ids, err := s.ids(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	words := len(ids)
	// At most RankWindow hits in all when every match is asked for.
	if most := cmp.Or(limit, RankWindow); words < most {
		inside, err := s.searchInside(ctx, terms, ids, most-words)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		ids = append(ids, inside...)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	// The shown hits, a few queries for all of them: snippets, entries,
	// then their details and answers.
	snippets := map[int64]string{}
	// Whole-word hits too long for FTS5's snippet() get theirs in Go.
	long := map[int64]bool{}
	if words > 0 {
		err = s.eachRow(ctx, func(r *sql.Rows) error {
			var (
				id   int64
				snip sql.NullString
			)
			if err := r.Scan(&id, &snip); err != nil {
				return err
			}
			if snip.Valid {
				snippets[id] = snip.String
			} else {
				long[id] = true
			}
			return nil
		}, `SELECT rowid, CASE WHEN octet_length(body) + octet_length(answers) + octet_length(tags)
				+ octet_length(details) <= `+fmt.Sprint(snippetScan)+`
			THEN snippet(entries_fts, -1, '`+MarkStart+`', '`+MarkEnd+`', '…', 12) END
			FROM entries_fts WHERE entries_fts MATCH ? AND rowid`+inIDs, match, idList(ids[:words]))
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
	}
	rest := slices.Clone(ids[words:])
	for id := range long {
		rest = append(rest, id)
	}
	if len(rest) > 0 {
		err = s.eachRow(ctx, func(r *sql.Rows) error {
			var (
				id int64
				t  searchText
			)
			if err := r.Scan(&id, &t.body, &t.answers, &t.tags, &t.details); err != nil {
				return err
			}
			if long[id] {
				snippets[id] = wordSnippet(terms, t.body, t.answers, t.tags, t.details)
			} else {
				snippets[id] = insideSnippet(terms, t.body, t.answers, t.tags, t.details)
			}
			return nil
		}, `SELECT rowid, body, answers, tags, details FROM entries_fts WHERE rowid`+inIDs, idList(rest))
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
	}
	found, err := s.queryEntries(ctx, `SELECT `+entryColumns+` FROM entries e WHERE e.id`+inIDs, idList(ids))
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

// searchInside finds up to limit live entries, by date from the newest, not
// in skip, among the RankWindow last written that hold every term inside longer words or runs of text: a term of
// three or more characters as a piece of text (entries_trigram), a shorter
// one in a script without spaces as characters (entries_grams), and any
// other short term, or a "quoted phrase" in a script with spaces, as whole
// words. It finds nothing when no term can be
// looked for inside words, since whole words were already searched.
func (s *Store) searchInside(ctx context.Context, terms []searchTerm, skip []int64, limit int) ([]int64, error) {
	var pieces, grams, words []string
	for _, t := range terms {
		t.text = trimTerm(t.text)
		q := quoteTerm(t.text)
		switch {
		case q == "":
		case t.phrase && !strings.ContainsFunc(t.text, isGramRune):
			// "Quoted words" are meant as written: whole words.
			words = append(words, q)
		case utf8.RuneCountInString(t.text) >= 3:
			pieces = append(pieces, q)
		case isGramTerm(t.text):
			grams = append(grams, q)
		default:
			if t.prefix {
				q += "*"
			}
			words = append(words, q)
		}
	}
	if len(pieces) == 0 && len(grams) == 0 {
		return nil, nil
	}
	// Driven by the first index, newest rowid first, so a piece of very
	// common words ("ess") stops after RankWindow matches instead of
	// collecting them all; those are then put in date order.
	var (
		from  string
		conds []string
		args  []any
	)
	for _, m := range []struct {
		table string
		terms []string
	}{{"entries_trigram", pieces}, {"entries_grams", grams}, {"entries_fts", words}} {
		if len(m.terms) == 0 {
			continue
		}
		if from == "" {
			from = m.table
			conds = append(conds, m.table+` MATCH ?`)
		} else {
			conds = append(conds, `e.id IN (SELECT rowid FROM `+m.table+` WHERE `+m.table+` MATCH ?)`)
		}
		args = append(args, strings.Join(m.terms, " "))
	}
	q := `SELECT id FROM (SELECT e.id, e.day FROM ` + from + ` JOIN entries e ON e.id = ` + from + `.rowid
		WHERE ` + strings.Join(conds, " AND ") + ` AND e.deleted_at IS NULL AND e.id NOT` + inIDs + `
		ORDER BY ` + from + `.rowid DESC LIMIT ` + fmt.Sprint(RankWindow) + `)
		ORDER BY day DESC, id DESC LIMIT ?`
	args = append(args, idList(skip), limit)
	return s.ids(ctx, q, args...)
}

// trimTerm drops punctuation around a term ("-care", "散歩、"): the word
// index ignores it, and so does the search inside words.
func trimTerm(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return !unicode.In(r, unicode.L, unicode.M, unicode.N) })
}

// ids runs a query of one id column.
func (s *Store) ids(ctx context.Context, q string, args ...any) ([]int64, error) {
	var ids []int64
	err := s.eachRow(ctx, func(r *sql.Rows) error {
		var id int64
		if err := r.Scan(&id); err != nil {
			return err
		}
		ids = append(ids, id)
		return nil
	}, q, args...)
	return ids, err
}

// FTSQuery turns what a person typed into a safe FTS5 query: every word is
// quoted (so "don't", "AND" or "c++" are plain words, never syntax), a
// trailing * keeps a prefix search, and "quoted phrases" stay phrases.
// Terms are ANDed. It returns "" when nothing searchable is left. Control
// characters (a NUL ends an FTS5 string early) separate words.
func FTSQuery(input string) string { return termsQuery(parseTerms(input)) }

// searchTerm is one word or "quoted phrase" of a search, without quotes;
// prefix is set for a word typed with a trailing *.
type searchTerm struct {
	text           string
	prefix, phrase bool
}

// parseTerms splits what a person typed into words and quoted phrases.
func parseTerms(input string) []searchTerm {
	var terms []searchTerm
	rest := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, input)
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
			terms = append(terms, searchTerm{text: strings.TrimSpace(phrase), phrase: true})
			continue
		}
		end := strings.IndexFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
		if end < 0 {
			end = len(rest)
		}
		word := rest[:end]
		rest = rest[end:]
		terms = append(terms, searchTerm{text: strings.TrimRight(word, "*"), prefix: strings.HasSuffix(word, "*")})
	}
	return terms
}

// termsQuery is the FTS5 query of the word index for terms.
func termsQuery(terms []searchTerm) string {
	var out []string
	for _, t := range terms {
		if q := quoteTerm(t.text); q != "" {
			if t.prefix {
				q += "*"
			}
			out = append(out, q)
		}
	}
	return strings.Join(out, " ")
}

// quoteTerm quotes s as one FTS5 string. It returns "" when s holds no
// letter or digit, since such a term matches nothing and FTS5 rejects some.
func quoteTerm(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return ""
	}
	return `"` + strings.ReplaceAll(strings.TrimSpace(s), `"`, `""`) + `"`
}

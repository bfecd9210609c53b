package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"journal/journal"
)

// PromptSetEntries returns the live entries that answer any of the prompt
// sets named (questionnaires, for their scores and trends), oldest first,
// with their answers. Private entries are included: callers that share
// leave them out.
func (s *Store) PromptSetEntries(ctx context.Context, sets []string) ([]journal.Entry, error) {
	if len(sets) == 0 {
		return nil, nil
	}
	args := make([]any, len(sets))
	for i, n := range sets {
		args[i] = n
	}
	q := `SELECT ` + entryColumns + ` FROM entries e WHERE e.deleted_at IS NULL AND e.kind = 'guided'
		AND e.prompt_set IN (?` + strings.Repeat(", ?", len(sets)-1) + `)
		ORDER BY e.day, e.occurred_at, e.id`
	out, err := s.queryEntries(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read questionnaires: %w", err)
	}
	return out, nil
}

// promptSetWhere is the filter shared by the questionnaire reads: live
// guided entries answering one of sets, private ones only when asked.
func promptSetWhere(sets []string, withPrivate bool) (string, []any) {
	args := make([]any, len(sets))
	for i, n := range sets {
		args[i] = n
	}
	w := `e.deleted_at IS NULL AND e.kind = 'guided' AND e.prompt_set IN (?` + strings.Repeat(", ?", len(sets)-1) + `)`
	if !withPrivate {
		w += ` AND e.private = 0`
	}
	return w, args
}

// AnyPromptSetEntry says whether any live entry (private or not) answers
// one of the prompt sets named: whether a questionnaire was ever done.
func (s *Store) AnyPromptSetEntry(ctx context.Context, sets []string) (bool, error) {
	if len(sets) == 0 {
		return false, nil
	}
	w, args := promptSetWhere(sets, true)
	var n int
	if err := s.rd().QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM entries e WHERE `+w+`)`, args...).Scan(&n); err != nil {
		return false, fmt.Errorf("read questionnaires: %w", err)
	}
	return n == 1, nil
}

// PromptSetEntriesOutside returns up to limit live entries answering the
// prompt set named, skipping the first skip, going away from day: when
// before, those of earlier days, newest first; otherwise those of later
// days, oldest first. It finds the nearest scored questionnaire outside a
// window a page at a time, since an entry with too many items left out
// has no score and the search goes on past it.
func (s *Store) PromptSetEntriesOutside(ctx context.Context, set string, day journal.Date, before, withPrivate bool, skip, limit int) ([]journal.Entry, error) {
	w, args := promptSetWhere([]string{set}, withPrivate)
	q := `SELECT ` + entryColumns + ` FROM entries e WHERE ` + w
	if before {
		q += ` AND e.day < ? ORDER BY e.day DESC, e.occurred_at DESC, e.id DESC`
	} else {
		q += ` AND e.day > ? ORDER BY e.day, e.occurred_at, e.id`
	}
	q += ` LIMIT ? OFFSET ?`
	out, err := s.queryEntries(ctx, q, append(args, day.String(), limit, skip)...)
	if err != nil {
		return nil, fmt.Errorf("read questionnaires: %w", err)
	}
	return out, nil
}

// QuestionnaireEntries returns what the scores of the prompt sets named
// need, in one statement: the live entries answering them whose day is
// from..to and, when around, for each set the latest entry on a day before
// from and the first on a day after to, however far away. Entries come
// oldest first (day, time written, id) with only ID, Kind, Day, PromptSet,
// Private and the answers' Key and Answer filled; private ones only when
// withPrivate. The nearest entry may have no score: PromptSetEntriesOutside
// then pages on past it.
func (s *Store) QuestionnaireEntries(ctx context.Context, sets []string, from, to journal.Date, around, withPrivate bool) ([]journal.Entry, error) {
	if len(sets) == 0 {
		return nil, nil
	}
	// ?1 and ?2 are the window; the sets follow.
	args := []any{from.String(), to.String()}
	values := make([]string, len(sets))
	for i, n := range sets {
		args = append(args, n)
		values[i] = fmt.Sprintf("(?%d)", i+3)
	}
	live := `e.deleted_at IS NULL AND e.kind = 'guided'`
	if !withPrivate {
		live += ` AND e.private = 0`
	}
	picked := `SELECT e.id FROM entries e WHERE ` + live + ` AND e.prompt_set IN (SELECT name FROM sets) AND e.day BETWEEN ?1 AND ?2`
	if around {
		// A scalar subquery a set: each is one step down the
		// questionnaire index, whatever the journal's age.
		picked += `
			UNION ALL SELECT (SELECT e.id FROM entries e WHERE ` + live + ` AND e.prompt_set = sets.name AND e.day < ?1
				ORDER BY e.day DESC, e.occurred_at DESC, e.id DESC LIMIT 1) FROM sets
			UNION ALL SELECT (SELECT e.id FROM entries e WHERE ` + live + ` AND e.prompt_set = sets.name AND e.day > ?2
				ORDER BY e.day, e.occurred_at, e.id LIMIT 1) FROM sets`
	}
	q := `WITH sets(name) AS (VALUES ` + strings.Join(values, ", ") + `), picked(id) AS (` + picked + `)
		SELECT e.id, e.prompt_set, e.day, e.private, a.key, a.answer
		FROM entries e LEFT JOIN answers a ON a.entry_id = e.id
		WHERE e.id IN (SELECT id FROM picked)
		ORDER BY e.day, e.occurred_at, e.id, a.position`
	rows, err := s.rd().QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read questionnaires: %w", err)
	}
	defer rows.Close()
	var out []journal.Entry
	for rows.Next() {
		var (
			id          int64
			set, day    string
			private     bool
			key, answer sql.NullString
		)
		if err := rows.Scan(&id, &set, &day, &private, &key, &answer); err != nil {
			return nil, fmt.Errorf("read questionnaires: %w", err)
		}
		if len(out) == 0 || out[len(out)-1].ID != id {
			out = append(out, journal.Entry{ID: id, Kind: journal.KindGuided, Day: dayOf(day), PromptSet: set, Private: private})
		}
		if key.Valid {
			e := &out[len(out)-1]
			e.Answers = append(e.Answers, journal.Answer{Key: key.String, Answer: answer.String})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read questionnaires: %w", err)
	}
	return out, nil
}

package storage

import (
	"context"
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

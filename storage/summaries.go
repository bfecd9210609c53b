package storage

import (
	"fmt"
	"strings"
)

// cravingSummary is one of the craving summary tables of
// 0005_craving_days.sql and the query that computes it from the cravings
// themselves: doctor compares the two, and rebuilding fills the table from
// the query.
type cravingSummary struct {
	table   string
	columns string
	source  string
}

const (
	liveCravings = `FROM entries e JOIN cravings c ON c.entry_id = e.id
		WHERE e.kind = 'craving' AND e.deleted_at IS NULL`
	hoursSource = `SELECT e.day AS day, CAST(substr(e.occurred_at, 12, 2) AS INTEGER) AS hour, count(*) AS n ` +
		liveCravings + ` GROUP BY 1, 2`
	triggersSource = `SELECT e.day AS day, t.trigger AS trigger, count(*) AS n
		FROM entries e JOIN craving_triggers t ON t.entry_id = e.id
		WHERE e.kind = 'craving' AND e.deleted_at IS NULL GROUP BY 1, 2`
	copingSource = `SELECT e.day AS day, k.strategy AS strategy, count(*) AS uses,
		coalesce(sum(c.outcome <> ''), 0) AS known, coalesce(sum(c.outcome = 'resisted'), 0) AS resisted
		FROM entries e JOIN craving_coping k ON k.entry_id = e.id JOIN cravings c ON c.entry_id = e.id
		WHERE e.kind = 'craving' AND e.deleted_at IS NULL GROUP BY 1, 2`
)

var cravingSummaries = []cravingSummary{
	{"craving_days", "day, n, sum, max",
		`SELECT e.day, count(*), sum(c.intensity), max(c.intensity) ` + liveCravings + ` GROUP BY e.day`},
	{"craving_hours", "day, hour, n", hoursSource},
	{"craving_day_triggers", "day, trigger, n", triggersSource},
	{"craving_day_coping", "day, strategy, uses, known, resisted", copingSource},
	{"craving_month_hours", "month, hour, n",
		`SELECT substr(day, 1, 7), hour, sum(n) FROM (` + hoursSource + `) GROUP BY 1, 2`},
	{"craving_month_triggers", "month, trigger, n",
		`SELECT substr(day, 1, 7), trigger, sum(n) FROM (` + triggersSource + `) GROUP BY 1, 2`},
	{"craving_month_coping", "month, strategy, uses, known, resisted",
		`SELECT substr(day, 1, 7), strategy, sum(uses), sum(known), sum(resisted) FROM (` + copingSource + `) GROUP BY 1, 2`},
}

// rebuildCravingDays recomputes every craving summary from the source
// tables (the same figures the schema's triggers keep day by day).
var rebuildCravingDays = func() string {
	var b strings.Builder
	for _, s := range cravingSummaries {
		fmt.Fprintf(&b, "DELETE FROM %s;\nINSERT INTO %s (%s) %s;\n", s.table, s.table, s.columns, s.source)
	}
	return b.String()
}()

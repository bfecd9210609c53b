// Command floor is the floor of the benchmarks: the least a Go program can
// do to answer what a journal command answers, opening the same SQLite
// file with the same driver and settings and running the command's main
// statements, with no checks, no rendering beyond tab-separated fields,
// and no start-up work.
//
//	floor FILE count|list|show|search|write|craving|drinks|stats|export
//	floor FILE import EXPORT
package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	_ "modernc.org/sqlite"
)

func main() {
	if len(os.Args) != 3 && (len(os.Args) != 4 || os.Args[2] != "import") {
		fmt.Fprintln(os.Stderr, "usage: floor FILE OPERATION, or floor FILE import EXPORT")
		os.Exit(2)
	}
	db, err := sql.Open("sqlite", "file:"+os.Args[1]+"?_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)"+
		"&_pragma=synchronous(NORMAL)&_txlock=immediate")
	if err == nil {
		err = run(db, os.Args[2])
		// Closing checkpoints the write-ahead log, as journal does on
		// its way out; a program that skips it leaves the work to the next.
		if cerr := db.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

func run(db *sql.DB, op string) error {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	now := time.Now()
	day := now.Format("2006-01-02")
	switch op {
	case "list":
		// journal list -n 10 (storage's EachEntry): one read transaction
		// around one statement reading the page of entries with their tags
		// and craving or check-in details. (A page holding a guided entry
		// adds one statement for answers; the newest ten hold none.)
		tx, err := db.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
		if err != nil {
			return err
		}
		defer tx.Rollback()
		return rows(tx, out, `SELECT `+entryDetails+` WHERE e.deleted_at IS NULL
			ORDER BY e.day DESC, e.occurred_at DESC, e.id DESC LIMIT 10`)
	case "show":
		// journal show 1 (storage's Entry): the entry with its tags and
		// details, then its answers.
		if err := rows(db, out, `SELECT `+entryDetails+` WHERE e.id = 1`); err != nil {
			return err
		}
		return rows(db, out, `SELECT key, question, answer FROM answers WHERE entry_id = 1 ORDER BY position`)
	case "count":
		return rows(db, out, `SELECT count(*) FROM entries WHERE deleted_at IS NULL`)
	case "search":
		return rows(db, out, `SELECT rowid, snippet(entries_fts, -1, '[', ']', '…', 12) FROM entries_fts
			WHERE entries_fts MATCH 'stress' ORDER BY bm25(entries_fts) LIMIT 20`)
	case "stats":
		return stats(db, now)
	case "write", "craving":
		// journal write TEXT and journal craving 6 --trigger stress
		// --outcome resisted (storage's AddEntry and AddCraving): in one
		// write transaction, the entry, its two search-index rows (no
		// tags; entries_grams only indexes CJK and similar scripts, which
		// this text has none of), then for a craving its details and
		// trigger.
		tx, err := db.Begin()
		if err != nil {
			return err
		}
		defer tx.Rollback()
		stamp := now.Format(time.RFC3339)
		body, kind, details := "A quiet evening with tea and a walk.", "note", ""
		if op == "craving" {
			body, kind, details = "", "craving", "stress\nresisted"
		}
		res, err := tx.Exec(`INSERT INTO entries
			(uuid, kind, day, occurred_at, body, private, session_id, prompt_set, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, uuid(), kind, day, stamp, body, false, nil, "", stamp, stamp)
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		for _, t := range []string{"entries_fts", "entries_trigram"} {
			if _, err := tx.Exec(`INSERT INTO `+t+` (rowid, body, answers, tags, details) VALUES (?, ?, ?, ?, ?)`,
				id, body, "", "", details); err != nil {
				return err
			}
		}
		if op == "craving" {
			if _, err := tx.Exec(`INSERT INTO cravings
				(entry_id, intensity, outcome, minutes, place, company, thoughts) VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (entry_id) DO UPDATE SET intensity = excluded.intensity, outcome = excluded.outcome,
					minutes = excluded.minutes, place = excluded.place, company = excluded.company, thoughts = excluded.thoughts`,
				id, 6, "resisted", nil, "", "", ""); err != nil {
				return err
			}
			if _, err := tx.Exec(`INSERT OR IGNORE INTO craving_triggers (entry_id, trigger) VALUES (?, ?)`, id, "stress"); err != nil {
				return err
			}
		}
		return tx.Commit()
	case "drinks":
		// journal drinks 2 --date yesterday (storage's SetDrinks): in one
		// write transaction, read the day's record, and write it only when
		// the total changes (run again, it does not).
		tx, err := db.Begin()
		if err != nil {
			return err
		}
		defer tx.Rollback()
		yesterday := now.AddDate(0, 0, -1).Format("2006-01-02")
		var n float64
		err = tx.QueryRow(`SELECT day, uuid, standard_drinks, note, first_recorded_at, backfilled, updated_at
			FROM drink_days WHERE day = ?`, yesterday).Scan(new(string), new(string), &n, new(string), new(string), new(bool), new(string))
		if errors.Is(err, sql.ErrNoRows) || (err == nil && n != 2) {
			stamp := now.Format(time.RFC3339)
			_, err = tx.Exec(`INSERT INTO drink_days
				(day, uuid, standard_drinks, note, first_recorded_at, backfilled, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (day) DO UPDATE SET standard_drinks = excluded.standard_drinks, note = excluded.note,
					updated_at = excluded.updated_at`, yesterday, uuid(), 2.0, "", stamp, true, stamp)
		}
		if err != nil {
			return err
		}
		return tx.Commit()
	case "export":
		return export(db, out)
	case "import":
		return importJSON(db, os.Args[3])
	}
	return fmt.Errorf("unknown operation %q", op)
}

// stats runs the statements `journal stats` runs for the last 30 days,
// with the same text and arguments, reading every row and keeping
// nothing: storage.Store.StatsInput, then cmd's addQuestionnaires.
func stats(db *sql.DB, now time.Time) error {
	const compareDays = 7 // stats.CompareDays
	to := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	from := to.AddDate(0, 0, -29)
	day := func(t time.Time) string { return t.Format("2006-01-02") }
	wFrom, wTo := day(from), day(to)
	// summaryReads' totals: the window split into whole calendar months
	// and the days before and after them (storage.monthSplit).
	first := from
	if first.Day() != 1 {
		first = time.Date(from.Year(), from.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	}
	end := time.Date(to.Year(), to.Month(), 1, 0, 0, 0, 0, time.UTC)
	if to.AddDate(0, 0, 1).Day() == 1 {
		end = to.AddDate(0, 0, 1)
	}
	// With no whole month inside, the day rows alone.
	split := []any{wFrom, wTo}
	totals := func(sel, dayTable, _ string) string {
		return `SELECT ` + sel + ` FROM ` + dayTable + ` WHERE day BETWEEN ?1 AND ?2 GROUP BY 1`
	}
	if first.Before(end) {
		split = []any{wFrom, day(first.AddDate(0, 0, -1)), day(end), wTo, day(first)[:7], day(end.AddDate(0, 0, -1))[:7]}
		totals = func(sel, dayTable, monthTable string) string {
			return `SELECT ` + sel + ` FROM (
			SELECT * FROM ` + dayTable + ` WHERE day BETWEEN ?1 AND ?2
			UNION ALL SELECT * FROM ` + dayTable + ` WHERE day BETWEEN ?3 AND ?4
			UNION ALL SELECT * FROM ` + monthTable + ` WHERE month BETWEEN ?5 AND ?6) GROUP BY 1`
		}
	}

	// storage.Store.cravingDays: a row a day with cravings, from
	// CompareDays before the window for the session comparisons.
	if err := discard(db, `SELECT day, n, sum, max FROM craving_days WHERE day BETWEEN ? AND ? ORDER BY day`,
		day(from.AddDate(0, 0, -compareDays)), wTo); err != nil {
		return err
	}
	// storage.Store.statsDrinkDays: the last drinking day before the
	// window, the first record after it and how many records lie between
	// it and the comparisons' reach; then the recorded days from that reach
	// or, for a short reach or one with unrecorded days, from the last
	// drink or the first record (storage.Store.drinkDays).
	compare := from.AddDate(0, 0, -compareDays)
	var (
		last, firstAfter sql.NullString
		between          int
	)
	if err := db.QueryRow(`WITH last(day) AS (SELECT max(day) FROM drink_days WHERE day < ?1 AND standard_drinks > 0)
		SELECT last.day, (SELECT min(day) FROM drink_days WHERE day > coalesce(last.day, '')),
			(SELECT count(*) FROM drink_days WHERE day > coalesce(last.day, '') AND day < ?2)
		FROM last`, wFrom, day(compare)).Scan(&last, &firstAfter, &between); err != nil {
		return err
	}
	parse := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	daysTo := func(a, b time.Time) int { return int(b.Sub(a).Hours()/24 + 0.5) }
	start, reach := compare, compare
	switch {
	case last.Valid:
		reach = parse(last.String)
	case firstAfter.Valid:
		reach = parse(firstAfter.String)
	}
	if reach.Before(compare) {
		allRecorded := between == 0
		if firstAfter.Valid && parse(firstAfter.String).Before(compare) {
			allRecorded = between == daysTo(parse(firstAfter.String), compare)
		}
		if daysTo(reach, compare) <= 92 || !allRecorded { // storage.rowsUpTo
			start = reach
		}
	}
	if err := discard(db, `SELECT day, standard_drinks, backfilled FROM drink_days WHERE day BETWEEN ? AND ? ORDER BY day`, day(start), wTo); err != nil {
		return err
	}
	// statsDays: the check-ins' totals, and every live session, numbered.
	if err := discard(db, `SELECT count(*), count(k.mood), coalesce(sum(k.mood), 0),
		count(k.sleep_hours), coalesce(sum(k.sleep_hours), 0)
		FROM entries e JOIN checkins k ON k.entry_id = e.id
		WHERE e.kind = 'checkin' AND e.deleted_at IS NULL AND e.day BETWEEN ? AND ?`, wFrom, wTo); err != nil {
		return err
	}
	sessions, err := db.Query(`SELECT day FROM sessions WHERE deleted_at IS NULL ORDER BY day, id`)
	if err != nil {
		return err
	}
	around := false // a session in the window: its scores before and after are read
	for sessions.Next() {
		var d string
		if err := sessions.Scan(&d); err != nil {
			sessions.Close()
			return err
		}
		around = around || (d >= wFrom && d <= wTo)
	}
	sessions.Close()
	if err := sessions.Err(); err != nil {
		return err
	}
	// statsInput: the window's triggers, coping and hours, from the
	// summaries (storage.summaryReads).
	for _, q := range []string{
		totals(`trigger, sum(n)`, `craving_day_triggers`, `craving_month_triggers`),
		totals(`strategy, sum(uses), sum(known), sum(resisted)`, `craving_day_coping`, `craving_month_coping`),
		totals(`hour, sum(n)`, `craving_hours`, `craving_month_hours`),
	} {
		if err := discard(db, q, split...); err != nil {
			return err
		}
	}
	// cmd's addQuestionnaires: whether any questionnaire was ever done
	// (storage.Store.AnyPromptSetEntry), then storage.Store.QuestionnaireEntries
	// for the built-in questionnaires, by name, private ones counted.
	var ever int
	if err := db.QueryRow(`SELECT EXISTS (SELECT 1 FROM entries e WHERE e.deleted_at IS NULL AND e.kind = 'guided' AND e.prompt_set IN (?, ?, ?))`,
		"gad7", "pcl5", "phq9").Scan(&ever); err != nil || ever == 0 {
		return err
	}
	picked := `SELECT e.id FROM entries e WHERE e.deleted_at IS NULL AND e.kind = 'guided' AND e.prompt_set IN (SELECT name FROM sets) AND e.day BETWEEN ?1 AND ?2`
	if around {
		picked += `
			UNION ALL SELECT (SELECT e.id FROM entries e WHERE e.deleted_at IS NULL AND e.kind = 'guided' AND e.prompt_set = sets.name AND e.day < ?1
				ORDER BY e.day DESC, e.occurred_at DESC, e.id DESC LIMIT 1) FROM sets
			UNION ALL SELECT (SELECT e.id FROM entries e WHERE e.deleted_at IS NULL AND e.kind = 'guided' AND e.prompt_set = sets.name AND e.day > ?2
				ORDER BY e.day, e.occurred_at, e.id LIMIT 1) FROM sets`
	}
	return discard(db, `WITH sets(name) AS (VALUES (?3), (?4), (?5)), picked(id) AS (`+picked+`)
		SELECT e.id, e.prompt_set, e.day, e.private, a.key, a.answer
		FROM entries e LEFT JOIN answers a ON a.entry_id = e.id
		WHERE e.id IN (SELECT id FROM picked)
		ORDER BY e.day, e.occurred_at, e.id, a.position`, wFrom, wTo, "gad7", "pcl5", "phq9")
}

// discard runs a query and reads every row's fields, printing them
// nowhere.
func discard(db *sql.DB, q string, args ...any) error {
	return rows(db, bufio.NewWriter(io.Discard), q, args...)
}

// entryDetails is journal's entry with its tags and its craving's or
// check-in's details (storage's detailColumns over entryFrom), up to WHERE.
const entryDetails = `e.id, e.uuid, e.kind, e.day, e.occurred_at, e.body, e.private, e.session_id,
	e.prompt_set, e.created_at, e.updated_at, e.deleted_at,
	coalesce((SELECT group_concat(tag, ' ') FROM (SELECT tag FROM entry_tags WHERE entry_id = e.id ORDER BY tag)), ''),
	c.entry_id IS NOT NULL, c.intensity, c.outcome, c.minutes, c.place, c.company, c.thoughts,
	CASE WHEN c.entry_id IS NOT NULL THEN (SELECT json_group_array(trigger) FROM
		(SELECT trigger FROM craving_triggers WHERE entry_id = e.id ORDER BY trigger)) END,
	CASE WHEN c.entry_id IS NOT NULL THEN (SELECT json_group_array(feeling) FROM
		(SELECT feeling FROM craving_feelings WHERE entry_id = e.id ORDER BY feeling)) END,
	CASE WHEN c.entry_id IS NOT NULL THEN (SELECT json_group_array(strategy) FROM
		(SELECT strategy FROM craving_coping WHERE entry_id = e.id ORDER BY strategy)) END,
	k.entry_id IS NOT NULL, k.mood, k.craving, k.sleep_hours, d.standard_drinks
	FROM entries e
	LEFT JOIN cravings c ON e.kind = 'craving' AND c.entry_id = e.id
	LEFT JOIN checkins k ON e.kind = 'checkin' AND k.entry_id = e.id
	LEFT JOIN drink_days d ON k.entry_id IS NOT NULL AND d.day = e.day`

// querier is a database or a transaction.
type querier interface {
	Query(q string, args ...any) (*sql.Rows, error)
}

// rows prints each row's fields, tab-separated.
func rows(db querier, out *bufio.Writer, q string, args ...any) error {
	r, err := db.Query(q, args...)
	if err != nil {
		return err
	}
	defer r.Close()
	cols, _ := r.Columns()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for r.Next() {
		if err := r.Scan(ptrs...); err != nil {
			return err
		}
		for i, v := range vals {
			if i > 0 {
				out.WriteByte('\t')
			}
			fmt.Fprint(out, v)
		}
		out.WriteByte('\n')
	}
	return r.Err()
}

// export streams every record the JSON export holds, as JSON lines, one
// query per kind of record: live entries with their craving or check-in,
// their tags, craving triggers, feelings and coping, answers, drinking
// days, calls and sessions.
func export(db *sql.DB, out *bufio.Writer) error {
	enc := json.NewEncoder(out)
	for _, q := range []string{
		`SELECT e.id, e.uuid, e.kind, e.day, e.occurred_at, e.body, e.private, e.session_id, e.prompt_set,
			e.created_at, e.updated_at, c.intensity, c.outcome, c.minutes, c.place, c.company, c.thoughts,
			k.mood, k.craving, k.sleep_hours
			FROM entries e LEFT JOIN cravings c ON c.entry_id = e.id LEFT JOIN checkins k ON k.entry_id = e.id
			WHERE e.deleted_at IS NULL ORDER BY e.day, e.occurred_at, e.id`,
		`SELECT entry_id, group_concat(tag, ' ') FROM entry_tags GROUP BY entry_id`,
		`SELECT entry_id, group_concat(trigger, ',') FROM craving_triggers GROUP BY entry_id`,
		`SELECT entry_id, group_concat(feeling, ',') FROM craving_feelings GROUP BY entry_id`,
		`SELECT entry_id, group_concat(strategy, ',') FROM craving_coping GROUP BY entry_id`,
		`SELECT entry_id, key, question, answer FROM answers ORDER BY entry_id, position`,
		`SELECT day, uuid, standard_drinks, note, first_recorded_at, backfilled, updated_at FROM drink_days ORDER BY day`,
		`SELECT uuid, day, note, created_at, updated_at FROM calls WHERE deleted_at IS NULL ORDER BY day`,
		`SELECT id, uuid, day, setting, route, dose_mg, note, created_at, updated_at FROM sessions WHERE deleted_at IS NULL ORDER BY day`,
	} {
		r, err := db.Query(q)
		if err != nil {
			return err
		}
		cols, _ := r.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		rec := make(map[string]any, len(cols))
		for r.Next() {
			if err := r.Scan(ptrs...); err != nil {
				r.Close()
				return err
			}
			for i, c := range cols {
				rec[c] = vals[i]
			}
			if err := enc.Encode(rec); err != nil {
				r.Close()
				return err
			}
		}
		r.Close()
		if err := r.Err(); err != nil {
			return err
		}
	}
	return nil
}

func uuid() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

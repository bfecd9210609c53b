// Command floor is the floor of the benchmarks: the least a Go program can
// do to answer what a journal command answers, opening the same SQLite
// file with the same driver and settings and running the command's main
// statements, with no checks, no rendering beyond tab-separated fields,
// and no start-up work.
//
//	floor FILE count|list|show|search|write|craving|drinks|stats|export
package main

import (
	"bufio"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"time"

	_ "modernc.org/sqlite"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: floor FILE OPERATION")
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
		return rows(db, out, `SELECT e.id, e.day, e.kind, e.body,
			coalesce((SELECT group_concat(tag, ' ') FROM entry_tags WHERE entry_id = e.id), '')
			FROM entries e WHERE e.deleted_at IS NULL ORDER BY e.day DESC, e.occurred_at DESC, e.id DESC LIMIT 10`)
	case "show":
		return rows(db, out, `SELECT e.id, e.day, e.kind, e.body, c.intensity, c.outcome
			FROM entries e LEFT JOIN cravings c ON c.entry_id = e.id WHERE e.id = 1`)
	case "count":
		return rows(db, out, `SELECT count(*) FROM entries WHERE deleted_at IS NULL`)
	case "search":
		return rows(db, out, `SELECT rowid, snippet(entries_fts, -1, '[', ']', '…', 12) FROM entries_fts
			WHERE entries_fts MATCH 'stress' ORDER BY bm25(entries_fts) LIMIT 20`)
	case "stats":
		from := now.AddDate(0, 0, -29).Format("2006-01-02")
		for _, q := range []string{
			`SELECT count(*), sum(standard_drinks = 0), sum(standard_drinks > 0), sum(standard_drinks), sum(backfilled) FROM drink_days WHERE day BETWEEN ?1 AND ?2`,
			`SELECT sum(n), sum(sum), max(max) FROM craving_days WHERE day BETWEEN ?1 AND ?2`,
			`SELECT count(*), avg(mood), avg(sleep_hours) FROM checkins c JOIN entries e ON e.id = c.entry_id WHERE e.day BETWEEN ?1 AND ?2 AND e.deleted_at IS NULL`,
		} {
			if err := rows(db, out, q, from, day); err != nil {
				return err
			}
		}
		return nil
	case "write", "craving":
		tx, err := db.Begin()
		if err != nil {
			return err
		}
		defer tx.Rollback()
		stamp := now.Format(time.RFC3339)
		res, err := tx.Exec(`INSERT INTO entries (uuid, kind, day, occurred_at, body, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, uuid(), map[string]string{"write": "note", "craving": "craving"}[op], day, stamp,
			"A quiet evening with tea and a walk.", stamp, stamp)
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		if op == "craving" {
			if _, err := tx.Exec(`INSERT INTO cravings (entry_id, intensity, outcome) VALUES (?, 6, 'resisted')`, id); err != nil {
				return err
			}
			if _, err := tx.Exec(`INSERT INTO craving_triggers (entry_id, trigger) VALUES (?, 'stress')`, id); err != nil {
				return err
			}
		}
		for _, t := range []string{"entries_fts", "entries_trigram"} {
			if _, err := tx.Exec(`INSERT INTO `+t+` (rowid, body, answers, tags, details) VALUES (?, ?, '', '', '')`,
				id, "A quiet evening with tea and a walk."); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(`INSERT INTO entries_grams (rowid, grams) VALUES (?, '')`, id); err != nil {
			return err
		}
		return tx.Commit()
	case "drinks":
		stamp := now.Format(time.RFC3339)
		_, err := db.Exec(`INSERT INTO drink_days (day, uuid, standard_drinks, first_recorded_at, updated_at)
			VALUES (?, ?, 2, ?, ?) ON CONFLICT (day) DO UPDATE SET standard_drinks = 2, updated_at = excluded.updated_at`,
			now.AddDate(0, 0, -1).Format("2006-01-02"), uuid(), stamp, stamp)
		return err
	case "export":
		return export(db, out)
	}
	return fmt.Errorf("unknown operation %q", op)
}

// rows prints each row's fields, tab-separated.
func rows(db *sql.DB, out *bufio.Writer, q string, args ...any) error {
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

package main

import (
	"bufio"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// The records of a JSON export, as import reads them: times are kept as
// the text the file has (RFC 3339), as the journal stores them.
type (
	session struct {
		ID        int64    `json:"id"`
		UUID      string   `json:"uuid"`
		Day       string   `json:"day"`
		Setting   string   `json:"setting"`
		Route     string   `json:"route"`
		DoseMg    *float64 `json:"dose_mg"`
		Note      string   `json:"note"`
		CreatedAt string   `json:"created_at"`
		UpdatedAt string   `json:"updated_at"`
	}
	entry struct {
		UUID       string   `json:"uuid"`
		Kind       string   `json:"kind"`
		Day        string   `json:"day"`
		OccurredAt string   `json:"occurred_at"`
		Body       string   `json:"body"`
		Tags       []string `json:"tags"`
		Private    bool     `json:"private"`
		SessionID  *int64   `json:"session_id"`
		PromptSet  string   `json:"prompt_set"`
		Answers    []struct {
			Key, Question, Answer string
		} `json:"answers"`
		Craving *struct {
			Intensity                  int
			Triggers, Feelings, Coping []string
			Outcome                    string
			Minutes                    *int
			Where, With, Thoughts      string
		} `json:"craving"`
		Checkin *struct {
			Mood, Craving *int
			SleepHours    *float64 `json:"sleep_hours"`
		} `json:"checkin"`
		CreatedAt string  `json:"created_at"`
		UpdatedAt string  `json:"updated_at"`
		DeletedAt *string `json:"deleted_at"`
	}
	drinkDay struct {
		Day             string  `json:"day"`
		UUID            string  `json:"uuid"`
		StandardDrinks  float64 `json:"standard_drinks"`
		Note            string  `json:"note"`
		FirstRecordedAt string  `json:"first_recorded_at"`
		Backfilled      bool    `json:"backfilled"`
		UpdatedAt       string  `json:"updated_at"`
	}
	call struct {
		UUID      string  `json:"uuid"`
		Day       string  `json:"day"`
		Note      string  `json:"note"`
		CreatedAt string  `json:"created_at"`
		UpdatedAt string  `json:"updated_at"`
		DeletedAt *string `json:"deleted_at"`
	}
)

// summaries rebuilds the craving summaries once, as import does after
// pausing their upkeep (the same statements as the schema's triggers, for
// every day at once).
var summaries = []string{
	`DELETE FROM craving_days`,
	`INSERT INTO craving_days (day, n, sum, max) SELECT e.day, count(*), sum(c.intensity), max(c.intensity)
		FROM entries e JOIN cravings c ON c.entry_id = e.id WHERE e.kind = 'craving' AND e.deleted_at IS NULL GROUP BY e.day`,
	`DELETE FROM craving_hours`,
	`INSERT INTO craving_hours (day, hour, n) SELECT e.day, CAST(substr(e.occurred_at, 12, 2) AS INTEGER), count(*)
		FROM entries e JOIN cravings c ON c.entry_id = e.id WHERE e.kind = 'craving' AND e.deleted_at IS NULL GROUP BY 1, 2`,
	`DELETE FROM craving_day_triggers`,
	`INSERT INTO craving_day_triggers (day, trigger, n) SELECT e.day, t.trigger, count(*)
		FROM entries e JOIN craving_triggers t ON t.entry_id = e.id WHERE e.kind = 'craving' AND e.deleted_at IS NULL GROUP BY 1, 2`,
	`DELETE FROM craving_day_coping`,
	`INSERT INTO craving_day_coping (day, strategy, uses, known, resisted) SELECT e.day, k.strategy, count(*),
		coalesce(sum(c.outcome <> ''), 0), coalesce(sum(c.outcome = 'resisted'), 0)
		FROM entries e JOIN craving_coping k ON k.entry_id = e.id JOIN cravings c ON c.entry_id = e.id
		WHERE e.kind = 'craving' AND e.deleted_at IS NULL GROUP BY 1, 2`,
	`DELETE FROM craving_month_hours`,
	`INSERT INTO craving_month_hours (month, hour, n) SELECT substr(day, 1, 7), hour, sum(n) FROM craving_hours GROUP BY 1, 2`,
	`DELETE FROM craving_month_triggers`,
	`INSERT INTO craving_month_triggers (month, trigger, n) SELECT substr(day, 1, 7), trigger, sum(n) FROM craving_day_triggers GROUP BY 1, 2`,
	`DELETE FROM craving_month_coping`,
	`INSERT INTO craving_month_coping (month, strategy, uses, known, resisted)
		SELECT substr(day, 1, 7), strategy, sum(uses), sum(known), sum(resisted) FROM craving_day_coping GROUP BY 1, 2`,
}

// importJSON reads a JSON export a record at a time and inserts its rows
// into an empty journal in one transaction: the rows journal import
// writes, and the same search rows (entries_fts, entries_trigram; the demo
// text has none of the scripts entries_grams is for), a few MB of text at
// a time. No checks beyond what decoding does.
func importJSON(db *sql.DB, name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmts := map[string]*sql.Stmt{}
	exec := func(q string, args ...any) (sql.Result, error) {
		st, ok := stmts[q]
		if !ok {
			if st, err = tx.Prepare(q); err != nil {
				return nil, err
			}
			stmts[q] = st
		}
		return st.Exec(args...)
	}
	if _, err := exec(`INSERT INTO craving_days_paused (since) VALUES (datetime())`); err != nil {
		return err
	}
	type search struct {
		id                           int64
		body, answers, tags, details string
	}
	var pending []search
	size := 0
	flush := func() error {
		for _, t := range []string{"entries_fts", "entries_trigram"} {
			for _, r := range pending {
				if _, err := exec(`INSERT INTO `+t+` (rowid, body, answers, tags, details) VALUES (?, ?, ?, ?, ?)`,
					r.id, r.body, r.answers, r.tags, r.details); err != nil {
					return err
				}
			}
		}
		pending, size = pending[:0], 0
		return nil
	}
	sessions := map[int64]int64{}
	dec := json.NewDecoder(bufio.NewReaderSize(f, 64<<10))
	if _, err := dec.Token(); err != nil {
		return err
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		if key != "sessions" && key != "entries" && key != "drink_days" && key != "calls" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return err
			}
			continue
		}
		if tok, err := dec.Token(); err != nil || tok == nil {
			continue
		}
		for dec.More() {
			switch key {
			case "sessions":
				var s session
				if err := dec.Decode(&s); err != nil {
					return err
				}
				res, err := exec(`INSERT INTO sessions (uuid, day, setting, route, dose_mg, note, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, s.UUID, s.Day, s.Setting, s.Route, s.DoseMg, s.Note, s.CreatedAt, s.UpdatedAt)
				if err != nil {
					return err
				}
				sessions[s.ID], _ = res.LastInsertId()
			case "entries":
				var e entry
				if err := dec.Decode(&e); err != nil {
					return err
				}
				var sid *int64
				if e.SessionID != nil {
					id := sessions[*e.SessionID]
					sid = &id
				}
				res, err := exec(`INSERT INTO entries (uuid, kind, day, occurred_at, body, private, session_id, prompt_set,
					created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
					e.UUID, e.Kind, e.Day, e.OccurredAt, e.Body, e.Private, sid, e.PromptSet, e.CreatedAt, e.UpdatedAt, e.DeletedAt)
				if err != nil {
					return err
				}
				id, _ := res.LastInsertId()
				for _, t := range e.Tags {
					if _, err := exec(`INSERT OR IGNORE INTO entry_tags (entry_id, tag) VALUES (?, ?)`, id, t); err != nil {
						return err
					}
				}
				var answers []string
				for i, a := range e.Answers {
					if _, err := exec(`INSERT INTO answers (entry_id, position, key, question, answer) VALUES (?, ?, ?, ?, ?)`,
						id, i+1, a.Key, a.Question, a.Answer); err != nil {
						return err
					}
					answers = append(answers, a.Question, a.Answer)
				}
				details := ""
				if c := e.Craving; c != nil {
					if _, err := exec(`INSERT INTO cravings (entry_id, intensity, outcome, minutes, place, company, thoughts)
						VALUES (?, ?, ?, ?, ?, ?, ?)`, id, c.Intensity, c.Outcome, c.Minutes, c.Where, c.With, c.Thoughts); err != nil {
						return err
					}
					for _, l := range []struct {
						q     string
						words []string
					}{{`INSERT OR IGNORE INTO craving_triggers (entry_id, trigger) VALUES (?, ?)`, c.Triggers},
						{`INSERT OR IGNORE INTO craving_feelings (entry_id, feeling) VALUES (?, ?)`, c.Feelings},
						{`INSERT OR IGNORE INTO craving_coping (entry_id, strategy) VALUES (?, ?)`, c.Coping}} {
						for _, w := range l.words {
							if _, err := exec(l.q, id, w); err != nil {
								return err
							}
						}
					}
					parts := append(append(append([]string{}, c.Triggers...), c.Feelings...), c.Coping...)
					for _, s := range []string{c.Outcome, c.Where, c.With, c.Thoughts} {
						if s != "" {
							parts = append(parts, s)
						}
					}
					details = strings.Join(parts, "\n")
				}
				if c := e.Checkin; c != nil {
					if _, err := exec(`INSERT INTO checkins (entry_id, mood, craving, sleep_hours) VALUES (?, ?, ?, ?)`,
						id, c.Mood, c.Craving, c.SleepHours); err != nil {
						return err
					}
				}
				r := search{id, e.Body, strings.Join(answers, "\n"), strings.Join(e.Tags, " "), details}
				pending = append(pending, r)
				if size += len(r.body) + len(r.answers) + len(r.tags) + len(r.details); size >= 4<<20 {
					if err := flush(); err != nil {
						return err
					}
				}
			case "drink_days":
				var d drinkDay
				if err := dec.Decode(&d); err != nil {
					return err
				}
				if _, err := exec(`INSERT INTO drink_days (day, uuid, standard_drinks, note, first_recorded_at, backfilled, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)`, d.Day, d.UUID, d.StandardDrinks, d.Note, d.FirstRecordedAt, d.Backfilled, d.UpdatedAt); err != nil {
					return err
				}
			case "calls":
				var c call
				if err := dec.Decode(&c); err != nil {
					return err
				}
				if _, err := exec(`INSERT INTO calls (uuid, day, note, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?)`,
					c.UUID, c.Day, c.Note, c.CreatedAt, c.UpdatedAt, c.DeletedAt); err != nil {
					return err
				}
			}
		}
		if _, err := dec.Token(); err != nil { // ]
			return err
		}
	}
	if err := flush(); err != nil {
		return err
	}
	if _, err := exec(`DELETE FROM craving_days_paused`); err != nil {
		return err
	}
	for _, q := range summaries {
		if _, err := tx.Exec(q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	return tx.Commit()
}

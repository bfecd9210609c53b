package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"

	"journal/journal"
)

// entryFrom joins each entry's craving or check-in details (and the
// check-in day's drinks) to it, so one statement reads what lists and show
// print: a list of ten entries used to take six statements, each compiled
// anew.
const entryFrom = `entries e
	LEFT JOIN cravings c ON e.kind = 'craving' AND c.entry_id = e.id
	LEFT JOIN checkins k ON e.kind = 'checkin' AND k.entry_id = e.id
	LEFT JOIN drink_days d ON k.entry_id IS NOT NULL AND d.day = e.day`

// detailColumns follow entryColumns in queries over entryFrom; read by
// scanEntryDetails. A craving's word lists come as JSON arrays, sorted as
// they are stored.
const detailColumns = entryColumns + `,
	c.entry_id IS NOT NULL, c.intensity, c.outcome, c.minutes, c.place, c.company, c.thoughts,
	CASE WHEN c.entry_id IS NOT NULL THEN (SELECT json_group_array(trigger) FROM
		(SELECT trigger FROM craving_triggers WHERE entry_id = e.id ORDER BY trigger)) END,
	CASE WHEN c.entry_id IS NOT NULL THEN (SELECT json_group_array(feeling) FROM
		(SELECT feeling FROM craving_feelings WHERE entry_id = e.id ORDER BY feeling)) END,
	CASE WHEN c.entry_id IS NOT NULL THEN (SELECT json_group_array(strategy) FROM
		(SELECT strategy FROM craving_coping WHERE entry_id = e.id ORDER BY strategy)) END,
	k.entry_id IS NOT NULL, k.mood, k.craving, k.sleep_hours, d.standard_drinks`

// scanEntryDetails reads a row of detailColumns: the entry with its
// Craving or Checkin when it has one (answers are read apart).
func scanEntryDetails(row scanner) (journal.Entry, error) {
	var (
		f entryFields

		hasCraving                        bool
		intensity, minutes                sql.NullInt64
		outcome, place, company, thoughts sql.NullString
		triggers, feelings, coping        sql.NullString
		hasCheckin                        bool
		mood, craving                     sql.NullInt64
		sleep, drinks                     sql.NullFloat64
	)
	if err := row.Scan(append(f.dest(),
		&hasCraving, &intensity, &outcome, &minutes, &place, &company, &thoughts, &triggers, &feelings, &coping,
		&hasCheckin, &mood, &craving, &sleep, &drinks)...); err != nil {
		return journal.Entry{}, err
	}
	e := f.entry()
	if hasCraving {
		c := journal.Craving{Intensity: int(intensity.Int64), Outcome: journal.Outcome(outcome.String),
			Where: place.String, With: company.String, Thoughts: thoughts.String}
		if minutes.Valid {
			m := int(minutes.Int64)
			c.Minutes = &m
		}
		var err error
		if c.Triggers, err = wordList(triggers.String); err != nil {
			return e, err
		}
		if c.Feelings, err = wordList(feelings.String); err != nil {
			return e, err
		}
		if c.Coping, err = wordList(coping.String); err != nil {
			return e, err
		}
		e.Craving = &c
	}
	if hasCheckin {
		c := checkinOf(mood, craving, sleep, drinks)
		e.Checkin = &c
	}
	return e, nil
}

// checkinOf makes a check-in of its columns, each of which may be NULL
// (a question skipped).
func checkinOf(mood, craving sql.NullInt64, sleep, drinks sql.NullFloat64) journal.Checkin {
	var c journal.Checkin
	if mood.Valid {
		v := int(mood.Int64)
		c.Mood = &v
	}
	if craving.Valid {
		v := int(craving.Int64)
		c.Craving = &v
	}
	if sleep.Valid {
		v := sleep.Float64
		c.SleepHours = &v
	}
	if drinks.Valid {
		v := drinks.Float64
		c.Drinks = &v
	}
	return c
}

// wordList decodes a JSON array of strings from json_group_array; never
// nil. Words without quotes or backslashes (nearly all) are split without
// the JSON decoder.
func wordList(s string) ([]string, error) {
	if s == "[]" || s == "" {
		return []string{}, nil
	}
	if inner, ok := strings.CutPrefix(s, `["`); ok && !strings.Contains(s, `\`) {
		if inner, ok = strings.CutSuffix(inner, `"]`); ok {
			return strings.Split(inner, `","`), nil
		}
	}
	out := []string{}
	err := json.Unmarshal([]byte(s), &out)
	return out, err
}

// queryEntriesWithDetails runs a query selecting detailColumns from
// entryFrom and returns its entries, with the answers of guided ones (one
// more statement, only when the list holds one).
func (s *Store) queryEntriesWithDetails(ctx context.Context, q string, args ...any) ([]journal.Entry, error) {
	out, err := s.scanEntries(ctx, scanEntryDetails, q, args...)
	if err != nil {
		return nil, err
	}
	return out, s.attachAnswers(ctx, out, journal.KindGuided)
}

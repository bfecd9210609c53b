package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"journal/journal"
)

// ImportResult counts what an import did, or would do: records of every
// kind, then the entries among them.
type ImportResult struct {
	Added, Updated, Unchanged int
	// EntriesAdded and EntriesUpdated are the entries among Added and
	// Updated; SharedEntries are those of them not private.
	EntriesAdded, EntriesUpdated, SharedEntries int
}

func (r *ImportResult) count(added, updated bool) {
	switch {
	case added:
		r.Added++
	case updated:
		r.Updated++
	default:
		r.Unchanged++
	}
}

// Import merges recs into the journal in one transaction: records new to
// it are added, records it has are replaced when the incoming copy was
// updated later, and the rest are left alone, so importing the same file
// twice adds nothing. With dryRun the transaction is rolled back.
func (s *Store) Import(ctx context.Context, recs journal.Records, dryRun bool) (ImportResult, error) {
	if err := recs.Validate(); err != nil {
		return ImportResult{}, err
	}
	return s.ImportEach(ctx, dryRun, func(im *Importer) error {
		for _, ses := range recs.Sessions {
			if err := im.Session(ses); err != nil {
				return err
			}
		}
		for _, e := range recs.Entries {
			if err := im.Entry(e); err != nil {
				return err
			}
		}
		for _, d := range recs.DrinkDays {
			if err := im.DrinkDay(d); err != nil {
				return err
			}
		}
		for _, c := range recs.Calls {
			if err := im.Call(c); err != nil {
				return err
			}
		}
		return nil
	})
}

// Importer merges records into the journal one at a time, as Import does
// a whole journal.Records, inside the one transaction of ImportEach. The
// records must have passed journal.Checker (Import's Validate) in the
// order they come, sessions before the entries that link to them.
type Importer struct {
	s   *Store
	ctx context.Context
	tx  *stmtCache
	// fresh says which tables were empty before this import: records
	// have distinct uuids and days (the checks make sure), so there is
	// nothing to look up in those.
	fresh freshTables
	// checkins are the live check-ins this import added, by day, when the
	// journal had no entries: one check-in a day is checked here, not
	// with a query per check-in.
	checkins map[journal.Date]checkinSeen
	// localSession maps the file's session ids to the journal's.
	localSession map[int64]int64
	res          ImportResult
}

type freshTables struct{ entries, drinkDays, calls, sessions bool }

type checkinSeen struct {
	id      int64
	updated time.Time
}

// indexBatch is how much search text (bytes) an import holds before
// writing it to the search indexes. Written a row at a time between the
// other writes, the ten-year demo export took 80% more time; in batches of
// 128 KB it takes 3% more than in batches of 4 MB, and 32 MB of memory at
// its peak instead of 40 (both the text held and FTS5's own buffers).
const indexBatch = 128 << 10

// ImportEach runs feed in one transaction with an Importer to merge
// records through, and returns what they did. An error from feed or from
// a record rolls everything back and is returned as it is; with dryRun
// everything is rolled back at the end.
func (s *Store) ImportEach(ctx context.Context, dryRun bool, feed func(im *Importer) error) (ImportResult, error) {
	var res ImportResult
	errDry := errors.New("dry run")
	err := s.inTx(ctx, func(sqlTx *sql.Tx) error {
		tx := newStmtCache(sqlTx)
		tx.deferIndex = true
		// Per-craving summary upkeep would cost more than the import itself;
		// pause it and rebuild the summaries once at the end.
		if _, err := tx.ExecContext(ctx, `INSERT INTO craving_days_paused (since) VALUES (?)`, stamp(s.now())); err != nil {
			return writeErr(s.path, err)
		}
		im := &Importer{s: s, ctx: ctx, tx: tx, localSession: map[int64]int64{}}
		if err := tx.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM entries), NOT EXISTS (SELECT 1 FROM drink_days),
			NOT EXISTS (SELECT 1 FROM calls), NOT EXISTS (SELECT 1 FROM sessions)`).
			Scan(&im.fresh.entries, &im.fresh.drinkDays, &im.fresh.calls, &im.fresh.sessions); err != nil {
			return err
		}
		if im.fresh.entries {
			im.checkins = map[journal.Date]checkinSeen{}
		}
		if err := feed(im); err != nil {
			return err
		}
		res = im.res
		if err := tx.flushIndex(ctx); err != nil {
			return writeErr(s.path, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM craving_days_paused`); err != nil {
			return writeErr(s.path, err)
		}
		// Many statements in one: run it directly, never prepared.
		if _, err := sqlTx.ExecContext(ctx, rebuildCravingDays); err != nil {
			return writeErr(s.path, err)
		}
		if dryRun {
			return errDry
		}
		return nil
	})
	if errors.Is(err, errDry) {
		err = nil
	}
	return res, err
}

// Session merges one session.
func (im *Importer) Session(ses journal.Session) error {
	id, added, updated, err := im.s.importSession(im.ctx, im.tx, ses, im.fresh.sessions)
	if err != nil {
		return err
	}
	im.localSession[ses.ID] = id
	im.res.count(added, updated)
	return nil
}

// Entry merges one entry; its session_id names a session merged before.
func (im *Importer) Entry(e journal.Entry) error {
	if e.SessionID != nil {
		id := im.localSession[*e.SessionID]
		e.SessionID = &id
	}
	added, updated, err := im.s.importEntry(im.ctx, im.tx, e, im.fresh.entries, im.checkins)
	if err != nil {
		return err
	}
	im.res.count(added, updated)
	switch {
	case added:
		im.res.EntriesAdded++
	case updated:
		im.res.EntriesUpdated++
	}
	if (added || updated) && !e.Private {
		im.res.SharedEntries++
	}
	if im.tx.indexBytes >= indexBatch {
		if err := im.tx.flushIndex(im.ctx); err != nil {
			return writeErr(im.s.path, err)
		}
	}
	return nil
}

// DrinkDay merges one day's drinks.
func (im *Importer) DrinkDay(d journal.DrinkDay) error {
	added, updated, err := im.s.importDrinkDay(im.ctx, im.tx, d, im.fresh.drinkDays)
	if err != nil {
		return err
	}
	im.res.count(added, updated)
	return nil
}

// Call merges one coaching call.
func (im *Importer) Call(c journal.Call) error {
	added, updated, err := im.s.importCall(im.ctx, im.tx, c, im.fresh.calls)
	if err != nil {
		return err
	}
	im.res.count(added, updated)
	return nil
}

// localStamp reads the updated_at of a row found by uuid; "" when none.
func localStamp(ctx context.Context, tx execer, table, uuid string) (id int64, updated string, err error) {
	err = tx.QueryRowContext(ctx, `SELECT id, updated_at FROM `+table+` WHERE uuid = ?`, uuid).Scan(&id, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", nil
	}
	return id, updated, err
}

// newer reports whether incoming was updated after local (RFC 3339 text).
func newer(incoming, local string) bool { return parseStamp(incoming).After(parseStamp(local)) }

// importEntry merges one entry. With noEntries the journal had none
// before this import (and the file's uuids are distinct, as Validate
// checks), so there is nothing to look up; checkins then holds the live
// check-ins imported so far.
func (s *Store) importEntry(ctx context.Context, tx execer, e journal.Entry, noEntries bool,
	checkins map[journal.Date]checkinSeen) (added, updated bool, err error) {
	if err := e.ValidateText(); err != nil {
		return false, false, err
	}
	var id int64
	var local string
	if !noEntries {
		if id, local, err = localStamp(ctx, tx, "entries", e.UUID); err != nil {
			return false, false, err
		}
	}
	e.Tags = journal.MergeTags(e.Tags)
	if e.Craving != nil {
		e.Craving.Normalize()
	}
	if id == 0 {
		if e.Kind == journal.KindCheckin && e.DeletedAt == nil {
			// One check-in a day: the later of two copies wins.
			old, err := liveCheckin(ctx, tx, e.Day, checkins)
			switch {
			case err == nil:
				if !e.UpdatedAt.After(old.updated) {
					return false, false, nil
				}
				now := stamp(s.now())
				if _, err := tx.ExecContext(ctx, `UPDATE entries SET deleted_at = ?, updated_at = ? WHERE id = ?`, now, now, old.id); err != nil {
					return false, false, writeErr(s.path, err)
				}
			case !errors.Is(err, sql.ErrNoRows):
				return false, false, fmt.Errorf("read check-in of %s: %w", e.Day, err)
			}
		}
		e.ID = 0
		if err := s.insertEntry(ctx, tx, &e, details(e)); err != nil {
			return false, false, err
		}
		if err := s.writeDetails(ctx, tx, e, true); err != nil {
			return false, false, err
		}
		if err := markDeleted(ctx, tx, "entries", e.ID, e.DeletedAt); err != nil {
			return false, false, writeErr(s.path, err)
		}
		if checkins != nil && e.Kind == journal.KindCheckin && e.DeletedAt == nil {
			checkins[e.Day] = checkinSeen{e.ID, parseStamp(stamp(e.UpdatedAt))}
		}
		return true, false, nil
	}
	if !newer(stamp(e.UpdatedAt), local) {
		if !e.Private {
			return false, false, nil
		}
		// A private mark in the file applies whatever its date: merging
		// never leaves shared what someone asked to keep to themselves.
		res, err := tx.ExecContext(ctx, `UPDATE entries SET private = 1 WHERE id = ? AND private = 0`, id)
		if err != nil {
			return false, false, writeErr(s.path, err)
		}
		n, err := res.RowsAffected()
		return false, n > 0, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE entries SET kind = ?, day = ?, occurred_at = ?, body = ?, private = ?,
		prompt_set = ?, session_id = ?, updated_at = ?, deleted_at = ? WHERE id = ?`,
		string(e.Kind), e.Day.String(), stamp(e.OccurredAt), e.Body, e.Private, e.PromptSet, e.SessionID,
		stamp(e.UpdatedAt), stampPtr(e.DeletedAt), id); err != nil {
		return false, false, writeErr(s.path, err)
	}
	if err := writeTags(ctx, tx, id, e.Tags); err != nil {
		return false, false, writeErr(s.path, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM answers WHERE entry_id = ?`, id); err != nil {
		return false, false, writeErr(s.path, err)
	}
	for i, a := range e.Answers {
		if _, err := tx.ExecContext(ctx, `INSERT INTO answers (entry_id, position, key, question, answer) VALUES (?, ?, ?, ?, ?)`,
			id, i+1, a.Key, a.Question, a.Answer); err != nil {
			return false, false, writeErr(s.path, err)
		}
	}
	e.ID = id
	if err := s.writeDetails(ctx, tx, e, false); err != nil {
		return false, false, err
	}
	if err := unindex(ctx, tx, id); err != nil {
		return false, false, writeErr(s.path, err)
	}
	return false, true, index(ctx, tx, &e, details(e))
}

// liveCheckin is the live check-in of day (the first made), from checkins
// when the journal had no entries before the import, else from the
// journal; sql.ErrNoRows when there is none.
func liveCheckin(ctx context.Context, tx execer, day journal.Date, checkins map[journal.Date]checkinSeen) (checkinSeen, error) {
	if checkins != nil {
		old, ok := checkins[day]
		if !ok {
			return old, sql.ErrNoRows
		}
		return old, nil
	}
	var old checkinSeen
	var updated string
	err := tx.QueryRowContext(ctx, `SELECT id, updated_at FROM entries
		WHERE kind = ? AND day = ? AND deleted_at IS NULL ORDER BY id LIMIT 1`,
		string(journal.KindCheckin), day.String()).Scan(&old.id, &updated)
	old.updated = parseStamp(updated)
	return old, err
}

// markDeleted soft-deletes a row just imported when the file says it was
// deleted: a deletion travels like any other change.
func markDeleted(ctx context.Context, tx execer, table string, id int64, at *time.Time) error {
	if at == nil {
		return nil
	}
	_, err := tx.ExecContext(ctx, `UPDATE `+table+` SET deleted_at = ? WHERE id = ?`, stamp(*at), id)
	return err
}

// stampPtr is stamp for a time that may be missing (NULL).
func stampPtr(t *time.Time) any {
	if t == nil {
		return nil
	}
	return stamp(*t)
}

// details is the search text of an entry's kind-specific rows.
func details(e journal.Entry) string {
	if e.Craving != nil {
		return e.Craving.DetailsText()
	}
	return ""
}

// writeDetails writes the craving or check-in rows of an entry.
func (s *Store) writeDetails(ctx context.Context, tx execer, e journal.Entry, fresh bool) error {
	switch {
	case e.Kind == journal.KindCraving && e.Craving != nil:
		return s.writeCravingDetails(ctx, tx, e.ID, e.Craving, fresh)
	case e.Kind == journal.KindCheckin && e.Checkin != nil:
		c := e.Checkin
		_, err := tx.ExecContext(ctx, `INSERT INTO checkins (entry_id, mood, craving, sleep_hours) VALUES (?, ?, ?, ?)
			ON CONFLICT (entry_id) DO UPDATE SET mood = excluded.mood, craving = excluded.craving, sleep_hours = excluded.sleep_hours`,
			e.ID, c.Mood, c.Craving, c.SleepHours)
		if err != nil {
			return writeErr(s.path, err)
		}
	}
	return nil
}

// importDrinkDay merges one day's drinks; fresh: the journal had no
// drinking days before this import.
func (s *Store) importDrinkDay(ctx context.Context, tx execer, d journal.DrinkDay, fresh bool) (added, updated bool, err error) {
	if err := journal.CheckUTF8("a drinks note", d.Note); err != nil {
		return false, false, err
	}
	old, err := journal.DrinkDay{}, journal.ErrNotFound
	if !fresh {
		old, err = drinkDay(ctx, tx, d.Day)
	}
	switch {
	case errors.Is(err, journal.ErrNotFound):
		if d.UUID == "" {
			return false, false, journal.Invalid("drink day %s has no uuid", d.Day)
		}
		if d.UpdatedAt.IsZero() {
			d.UpdatedAt = d.FirstRecordedAt
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO drink_days (`+drinkColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			d.Day.String(), d.UUID, d.StandardDrinks, d.Note, stamp(d.FirstRecordedAt), d.Backfilled, stamp(d.UpdatedAt))
		if err != nil {
			return false, false, writeErr(s.path, err)
		}
		return true, false, nil
	case err != nil:
		return false, false, err
	}
	if !d.UpdatedAt.After(old.UpdatedAt) || (d.StandardDrinks == old.StandardDrinks && d.Note == old.Note) {
		return false, false, nil
	}
	// The total and note follow the later copy; when the day was first
	// recorded stays the earliest of the two.
	_, err = tx.ExecContext(ctx, `UPDATE drink_days SET standard_drinks = ?, note = ?, updated_at = ? WHERE day = ?`,
		d.StandardDrinks, d.Note, stamp(d.UpdatedAt), d.Day.String())
	if err != nil {
		return false, false, writeErr(s.path, err)
	}
	if d.FirstRecordedAt.Before(old.FirstRecordedAt) && !d.FirstRecordedAt.IsZero() {
		if _, err := tx.ExecContext(ctx, `UPDATE drink_days SET first_recorded_at = ?, backfilled = ? WHERE day = ?`,
			stamp(d.FirstRecordedAt), d.Backfilled, d.Day.String()); err != nil {
			return false, false, writeErr(s.path, err)
		}
	}
	return false, true, nil
}

// importCall merges one call; fresh: the journal had no calls before this
// import.
func (s *Store) importCall(ctx context.Context, tx execer, c journal.Call, fresh bool) (added, updated bool, err error) {
	if err := c.ValidateText(); err != nil {
		return false, false, err
	}
	var id int64
	var local string
	if !fresh {
		if id, local, err = localStamp(ctx, tx, "calls", c.UUID); err != nil {
			return false, false, err
		}
	}
	if id == 0 {
		if c.UpdatedAt.IsZero() {
			c.UpdatedAt = c.CreatedAt
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO calls (uuid, day, note, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?)`,
			c.UUID, c.Day.String(), strings.TrimSpace(c.Note), stamp(c.CreatedAt), stamp(c.UpdatedAt), stampPtr(c.DeletedAt))
		if err != nil {
			return false, false, writeErr(s.path, err)
		}
		return true, false, nil
	}
	if !newer(stamp(c.UpdatedAt), local) {
		return false, false, nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE calls SET day = ?, note = ?, updated_at = ?, deleted_at = ? WHERE id = ?`,
		c.Day.String(), c.Note, stamp(c.UpdatedAt), stampPtr(c.DeletedAt), id); err != nil {
		return false, false, writeErr(s.path, fmt.Errorf("call %s: %w", c.UUID, err))
	}
	return false, true, nil
}

// importSession merges one session and returns its local id; fresh: the
// journal had no sessions before this import.
func (s *Store) importSession(ctx context.Context, tx execer, ses journal.Session, fresh bool) (id int64, added, updated bool, err error) {
	if err := ses.ValidateText(); err != nil {
		return 0, false, false, err
	}
	var local string
	if !fresh {
		if id, local, err = localStamp(ctx, tx, "sessions", ses.UUID); err != nil {
			return 0, false, false, err
		}
	}
	if ses.UpdatedAt.IsZero() {
		ses.UpdatedAt = ses.CreatedAt
	}
	if id == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO sessions (uuid, day, setting, route, dose_mg, note, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, ses.UUID, ses.Day.String(), ses.Setting, ses.Route, ses.DoseMg, ses.Note,
			stamp(ses.CreatedAt), stamp(ses.UpdatedAt))
		if err != nil {
			return 0, false, false, writeErr(s.path, err)
		}
		id, err = res.LastInsertId()
		return id, true, false, err
	}
	if !newer(stamp(ses.UpdatedAt), local) {
		return id, false, false, nil
	}
	_, err = tx.ExecContext(ctx, `UPDATE sessions SET day = ?, setting = ?, route = ?, dose_mg = ?, note = ?, updated_at = ?
		WHERE id = ?`, ses.Day.String(), ses.Setting, ses.Route, ses.DoseMg, ses.Note, stamp(ses.UpdatedAt), id)
	if err != nil {
		return 0, false, false, writeErr(s.path, err)
	}
	return id, false, true, nil
}

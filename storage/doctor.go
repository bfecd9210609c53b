package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"journal/journal"
)

// Finding kinds, as doctor --json names them.
const (
	FindingMissing     = "missing"           // no journal file at the path
	FindingDamaged     = "damaged"           // integrity_check failed
	FindingLinks       = "broken_links"      // foreign_key_check rows
	FindingSearch      = "search_index"      // entries_fts differs from entries
	FindingSummaries   = "craving_summaries" // summary tables differ from cravings
	FindingPermissions = "permissions"       // readable or writable by others
	FindingLeftovers   = "leftover_files"    // -wal/-shm without a journal
	FindingTempFiles   = "temp_files"        // stale temporary copies
	FindingFuture      = "future_records"    // days after today
	FindingDrafts      = "drafts"            // unfinished answers kept (a note, not a problem)
	FindingNewer       = "newer_version"     // a schema this binary does not know
	FindingDamageMark  = "damage_mark"       // the file was marked damaged and checks whole now
	FindingNotJournal  = "not_a_journal"     // another program's SQLite file
)

// Finding is one thing doctor noticed, in plain words.
type Finding struct {
	Kind     string   `json:"kind"`
	Problem  string   `json:"problem"` // what is wrong, one sentence
	Fix      string   `json:"fix"`     // what to do
	Files    []string `json:"files,omitempty"`
	Count    int      `json:"count"`    // how many rows or files
	Note     bool     `json:"note"`     // worth knowing, not wrong: does not make doctor fail
	Repair   bool     `json:"repair"`   // doctor --repair can fix it safely
	Repaired bool     `json:"repaired"` // and did
}

// staleAfter is how old a temporary file must be before doctor calls it
// left behind: a running export or backup may be writing a newer one.
const staleAfter = time.Hour

// Diagnose checks the journal at path without changing it: the file and
// folder permissions, leftover and temporary files, the file's integrity,
// broken links between records, the search index and craving summaries
// against their sources, records dated after today, and drafts left
// behind. A damaged file gets only the file checks and the integrity
// finding: reading further could mislead.
func Diagnose(ctx context.Context, path string, now time.Time) ([]Finding, error) {
	return DiagnoseWith(ctx, path, now, Unlock{})
}

// DiagnoseWith is Diagnose for a journal that may be encrypted: u gets its
// key, and the checks run on the journal decrypted in memory.
func DiagnoseWith(ctx context.Context, path string, now time.Time, u Unlock) ([]Finding, error) {
	var out []Finding
	out = append(out, fileFindings(path, now)...)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return append(out, Finding{Kind: FindingMissing,
			Problem: fmt.Sprintf("there is no journal at %s", path),
			Fix:     "check --db or JOURNAL_DB; journal restore FILE puts a backup there"}), nil
	}
	if IsEncrypted(path) {
		return diagnoseSealed(ctx, path, now, u, out)
	}
	// The whole-file check reads only: a damaged file is not written to,
	// not even by folding its -wal in on closing.
	ro, err := openPlain(path, true)
	if err != nil {
		return out, err
	}
	problems, err := integrity(ctx, ro, "integrity_check")
	ro.Close()
	if err != nil && !isNotADB(err) {
		// Busy, unreadable, a disk error: not damage, and not a finding
		// doctor can stand behind.
		if e := Explain(path, err); !IsDamaged(e) {
			return out, e
		}
	}
	if err != nil && isNotADB(err) {
		return append(out, Finding{Kind: FindingDamaged, Count: 1,
			Problem: fmt.Sprintf("%s is not an SQLite database: it is not a journal, or its first page is damaged", path),
			Fix:     restoreFix(path)}), nil
	}
	if err != nil || len(problems) > 0 {
		return append(out, Finding{Kind: FindingDamaged, Count: max(len(problems), 1),
			Problem: fmt.Sprintf("the journal file is damaged (%s)", firstProblem(problems, err)),
			Fix:     restoreFix(path)}), nil
	}
	// Whole: read-write from here, so that FTS5 can run its own check
	// (which writes nothing) and closing tidies the -wal and -shm away. A
	// journal that cannot be written is read as it is.
	db, err := openPlain(path, !writable(path))
	if err != nil {
		return out, err
	}
	defer db.Close()
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return out, fmt.Errorf("cannot check %s: %w", path, err)
	}
	if version > len(migrations) {
		return append(out, Finding{Kind: FindingNewer, Count: 1,
			Problem: fmt.Sprintf("the journal was written by a newer version of journal (schema %d, this one knows up to %d)", version, len(migrations)),
			Fix:     "update journal, then run journal doctor again"}), nil
	}
	if version == 0 {
		return append(out, Finding{Kind: FindingNotJournal, Count: 1,
			Problem: fmt.Sprintf("%s is an SQLite database, but not a journal", path),
			Fix:     "check the path given with --db or JOURNAL_DB"}), nil
	}
	return diagnoseRecords(ctx, path, db, now, out)
}

// diagnoseSealed checks an encrypted journal: the file decrypts whole (age
// authenticates every chunk), then SQLite's integrity check and the record
// checks run on it in memory.
func diagnoseSealed(ctx context.Context, path string, now time.Time, u Unlock, out []Finding) ([]Finding, error) {
	s, err := OpenWith(ctx, path, nil, u)
	if IsDamaged(err) {
		return append(out, Finding{Kind: FindingDamaged, Count: 1,
			Problem: fmt.Sprintf("the encrypted journal file is damaged or cut short (%v)", errors.Unwrap(err)),
			Fix:     restoreFix(path)}), nil
	}
	if err != nil {
		return out, err
	}
	defer s.Close()
	problems, err := integrity(ctx, s.db, "integrity_check")
	if err != nil || len(problems) > 0 {
		return append(out, Finding{Kind: FindingDamaged, Count: max(len(problems), 1),
			Problem: fmt.Sprintf("the journal inside the encrypted file is damaged (%s)", firstProblem(problems, err)),
			Fix:     restoreFix(path)}), nil
	}
	return diagnoseRecords(ctx, path, s.db, now, out)
}

// diagnoseRecords runs the checks of a whole journal's records.
func diagnoseRecords(ctx context.Context, path string, db *sql.DB, now time.Time, out []Finding) ([]Finding, error) {
	if exists(damageMark(path)) {
		out = append(out, Finding{Kind: FindingDamageMark, Files: []string{damageMark(path)}, Count: 1, Repair: true,
			Problem: "journal found this file damaged earlier and stopped writing to it, but it checks whole now",
			Fix:     "journal doctor --repair lets journal write to it again (so does the next command)"})
	}
	checks := []func(context.Context, *sql.DB, time.Time) ([]Finding, error){
		linkFindings, searchFindings, summaryFindings, futureFindings, draftFindings,
	}
	for _, check := range checks {
		fs, err := check(ctx, db, now)
		if err != nil {
			return out, fmt.Errorf("cannot check %s: %w", path, err)
		}
		out = append(out, fs...)
	}
	return out, nil
}

func restoreFix(path string) string {
	fix := "nothing more is written to it; journal doctor --salvage copies what is readable into a new journal beside it"
	if bs, _ := Backups(path); len(bs) > 0 {
		fix = fmt.Sprintf("journal restore %s puts back the newest backup (the damaged file is kept aside); or %s", bs[len(bs)-1].Path, fix)
	}
	return fix
}

// fileFindings looks at the files around the journal: modes, leftovers
// and stale temporary copies.
func fileFindings(path string, now time.Time) []Finding {
	var out []Finding
	var loose []string
	for _, p := range []string{path, path + "-wal", path + "-shm", BackupDir(path)} {
		if fi, err := os.Stat(p); err == nil && fi.Mode().Perm()&0o077 != 0 {
			loose = append(loose, p)
		}
	}
	if bs, _ := Backups(path); len(bs) > 0 {
		for _, b := range bs {
			if fi, err := os.Stat(b.Path); err == nil && fi.Mode().Perm()&0o077 != 0 {
				loose = append(loose, b.Path)
			}
		}
	}
	// A -wal or -shm left by a journal opened read-only keeps that mode,
	// and one of another user's is not ours to change: either blocks every
	// write.
	t := systemTrust()
	var stuck, foreign []string
	for _, p := range []string{path + "-wal", path + "-shm"} {
		fi, err := os.Stat(p)
		switch {
		case err != nil:
		case t.owner(fi) != t.uid && t.owner(fi) != -1:
			foreign = append(foreign, p)
		case fi.Mode().Perm()&0o600 != 0o600:
			stuck = append(stuck, p)
		}
	}
	if len(stuck) > 0 {
		out = append(out, Finding{Kind: FindingLeftovers, Files: stuck, Count: len(stuck), Repair: true,
			Problem: "a file SQLite keeps beside the journal cannot be written, so no change can be saved",
			Fix:     "journal doctor --repair makes it writable for you (and private)"})
	}
	if len(foreign) > 0 {
		out = append(out, Finding{Kind: FindingLeftovers, Files: foreign, Count: len(foreign),
			Problem: "a file SQLite keeps beside the journal belongs to another user, so no change can be saved",
			Fix:     "when no journal command is running, remove it (rm FILE); it holds nothing of a closed journal"})
	}
	if len(loose) > 0 {
		which := "these files"
		if len(loose) == 1 {
			which = "this file"
		}
		out = append(out, Finding{Kind: FindingPermissions, Files: loose, Count: len(loose), Repair: true,
			Problem: "other people on this computer can read or change " + which,
			Fix:     "journal doctor --repair makes them private (files 0600, folders 0700)"})
	}
	// Someone who can write the folder can swap the journal for another
	// file. A shared folder with the sticky bit (like /tmp) does not let
	// them; changing a folder journal did not make is left to the person.
	if dir := filepath.Dir(path); dirOpenToOthers(dir) {
		out = append(out, Finding{Kind: FindingPermissions, Files: []string{dir}, Count: 1,
			Problem: "other people on this computer can add or replace files in the journal's folder",
			Fix:     fmt.Sprintf("chmod go-w %s, or move the journal into a folder only you can change", dir)})
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		var left []string
		for _, p := range []string{path + "-wal", path + "-shm"} {
			if _, err := os.Stat(p); err == nil {
				left = append(left, p)
			}
		}
		if len(left) > 0 {
			out = append(out, Finding{Kind: FindingLeftovers, Files: left, Count: len(left),
				Problem: "files of a journal are here without the journal itself; they may hold its last changes",
				Fix:     "keep them with the journal file if you move or restore it; do not delete them by hand"})
		}
	}
	if tmp := staleTempFiles(path, now); len(tmp) > 0 {
		out = append(out, Finding{Kind: FindingTempFiles, Files: tmp, Count: len(tmp), Repair: true,
			Problem: journal.Plural(len(tmp), "a temporary copy was", "temporary copies were") + " left behind by a command that was stopped; " +
				"they may hold private entries",
			Fix: "journal doctor --repair removes them (the journal does not need them)"})
	}
	return out
}

// staleTempFiles are journal's own temporary files (".NAME.tmp-*" from
// exports and backups, ".NAME.restore-*" from restores) in the journal's
// folder and its backups folder, older than staleAfter.
func staleTempFiles(path string, now time.Time) []string {
	var out []string
	for _, dir := range []string{filepath.Dir(path), BackupDir(path)} {
		des, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, de := range des {
			n := de.Name()
			if !strings.HasPrefix(n, ".") || !(strings.Contains(n, ".tmp-") || strings.Contains(n, ".restore-")) || !de.Type().IsRegular() {
				continue
			}
			if fi, err := de.Info(); err == nil && now.Sub(fi.ModTime()) > staleAfter {
				out = append(out, filepath.Join(dir, n))
			}
		}
	}
	return out
}

func linkFindings(ctx context.Context, db *sql.DB, _ time.Time) ([]Finding, error) {
	rows, err := db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byTable := map[string]int{}
	var tables []string
	n := 0
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fk int
		if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
			return nil, err
		}
		if byTable[table] == 0 {
			tables = append(tables, table)
		}
		byTable[table]++
		n++
	}
	if err := rows.Err(); err != nil || n == 0 {
		return nil, err
	}
	sessionOnly := len(tables) == 1 && tables[0] == "entries"
	f := Finding{Kind: FindingLinks, Count: n,
		Problem: fmt.Sprintf("%s point to records that are not there (in %s)", journal.Plural(n, "record", "records"), strings.Join(tables, ", ")),
		Fix:     "journal doctor --salvage copies what is whole into a new journal; your records here are left as they are"}
	if sessionOnly {
		f.Repair = true
		f.Problem = fmt.Sprintf("%s linked to a session that is not there", journal.Plural(n, "entry is", "entries are"))
		f.Fix = "journal doctor --repair unlinks them from it; the entries stay"
	}
	return []Finding{f}, nil
}

func searchFindings(ctx context.Context, db *sql.DB, _ time.Time) ([]Finding, error) {
	// entries_fts and entries_trigram hold a row for every entry;
	// entries_grams only for entries with text in scripts without spaces.
	var missing, extra, differ int
	for _, t := range searchTables {
		if ok, err := hasTable(ctx, db, t); err != nil || !ok {
			if err != nil {
				return nil, err
			}
			continue // an older layout: the update builds it
		}
		var m, x, d int
		q := `SELECT 0, (SELECT count(*) FROM ` + t + ` f WHERE NOT EXISTS (SELECT 1 FROM entries e WHERE e.id = f.rowid)), 0`
		if t != "entries_grams" {
			q = `SELECT
				(SELECT count(*) FROM entries e WHERE NOT EXISTS (SELECT 1 FROM ` + t + ` f WHERE f.rowid = e.id)),
				(SELECT count(*) FROM ` + t + ` f WHERE NOT EXISTS (SELECT 1 FROM entries e WHERE e.id = f.rowid)),
				(SELECT count(*) FROM entries e JOIN ` + t + ` f ON f.rowid = e.id WHERE f.body IS NOT e.body)`
		}
		if err := db.QueryRowContext(ctx, q).Scan(&m, &x, &d); err != nil {
			return nil, err
		}
		missing, extra, differ = max(missing, m), max(extra, x), max(differ, d)
	}
	// FTS5's own check compares each index with the text it holds.
	ok := true
	for _, t := range searchTables {
		if has, _ := hasTable(ctx, db, t); !has {
			continue
		}
		if _, err := db.ExecContext(ctx, `INSERT INTO `+t+` (`+t+`, rank) VALUES ('integrity-check', 1)`); err != nil {
			ok = ok && Classify(err, "") == ProblemReadOnly
		}
	}
	n := missing + extra + differ
	if n == 0 && ok {
		return nil, nil
	}
	var parts []string
	if missing > 0 {
		parts = append(parts, journal.Plural(missing, "entry cannot", "entries cannot")+" be found by search")
	}
	if extra > 0 {
		parts = append(parts, journal.Plural(extra, "search hit points", "search hits point")+" to no entry")
	}
	if differ > 0 {
		parts = append(parts, journal.Plural(differ, "entry is", "entries are")+" found by old words")
	}
	if !ok {
		parts = append(parts, "the search index does not match its own text")
	}
	return []Finding{{Kind: FindingSearch, Count: max(n, 1), Repair: true,
		Problem: "search is out of step with your entries: " + strings.Join(parts, "; "),
		Fix:     "journal doctor --repair rebuilds the search index from the entries"}}, nil
}

func summaryFindings(ctx context.Context, db *sql.DB, _ time.Time) ([]Finding, error) {
	if ok, err := hasTable(ctx, db, "craving_month_coping"); !ok || err != nil {
		return nil, err // an older layout: the summaries come with the update
	}
	n := 0
	for _, s := range cravingSummaries {
		var d int
		q := fmt.Sprintf(`SELECT (SELECT count(*) FROM (SELECT %[2]s FROM %[1]s EXCEPT SELECT * FROM (%[3]s))) +
			(SELECT count(*) FROM (SELECT * FROM (%[3]s) EXCEPT SELECT %[2]s FROM %[1]s))`, s.table, s.columns, s.source)
		if err := db.QueryRowContext(ctx, q).Scan(&d); err != nil {
			return nil, err
		}
		n += d
	}
	if n == 0 {
		return nil, nil
	}
	return []Finding{{Kind: FindingSummaries, Count: n, Repair: true,
		Problem: "the craving figures stats shows differ from your logged cravings",
		Fix:     "journal doctor --repair recomputes them from the cravings"}}, nil
}

func futureFindings(ctx context.Context, db *sql.DB, now time.Time) ([]Finding, error) {
	today := journal.DateOf(now).String()
	list := func(q string) (int, string, error) {
		var n int
		var some sql.NullString
		err := db.QueryRowContext(ctx, `SELECT count(*), (SELECT group_concat(x, ', ') FROM (`+q+` ORDER BY x LIMIT 10))
			FROM (`+q+`)`, today, today).Scan(&n, &some)
		return n, some.String, err
	}
	var out []Finding
	n, ids, err := list(`SELECT id AS x FROM entries WHERE day > ? AND deleted_at IS NULL`)
	if err != nil {
		return nil, err
	}
	if n > 0 {
		out = append(out, Finding{Kind: FindingFuture, Count: n,
			Problem: fmt.Sprintf("%s dated after today (ids %s), probably saved while the computer's clock was wrong", journal.Plural(n, "entry is", "entries are"), ids),
			Fix:     "move each to the day it happened: journal edit ID --at DAY"})
	}
	n, days, err := list(`SELECT day AS x FROM drink_days WHERE day > ?`)
	if err != nil {
		return nil, err
	}
	if n > 0 {
		out = append(out, Finding{Kind: FindingFuture, Count: n,
			Problem: fmt.Sprintf("%s dated after today (%s), probably saved while the computer's clock was wrong", journal.Plural(n, "drinking-diary day is", "drinking-diary days are"), days),
			Fix:     "journal drinks --clear --date DAY removes one; record it on the right day with journal drinks N --date DAY"})
	}
	n, days, err = list(`SELECT day AS x FROM calls WHERE day > ? AND deleted_at IS NULL`)
	if err != nil {
		return nil, err
	}
	if n > 0 {
		out = append(out, Finding{Kind: FindingFuture, Count: n,
			Problem: fmt.Sprintf("%s dated after today (%s)", journal.Plural(n, "coaching call is", "coaching calls are"), days),
			Fix:     "check the computer's date; journal call list shows them"})
	}
	return out, nil
}

func draftFindings(ctx context.Context, db *sql.DB, _ time.Time) ([]Finding, error) {
	if ok, err := hasTable(ctx, db, "drafts"); !ok || err != nil {
		return nil, err
	}
	rows, err := db.QueryContext(ctx, `SELECT prompt_set, saved_at FROM drafts ORDER BY saved_at`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Finding
	for rows.Next() {
		var key, saved string
		if err := rows.Scan(&key, &saved); err != nil {
			return nil, err
		}
		what, again := draftName(key)
		day := saved
		if t := parseStamp(saved); !t.IsZero() {
			day = t.Format("2006-01-02 15:04")
		}
		out = append(out, Finding{Kind: FindingDrafts, Count: 1, Note: true,
			Problem: fmt.Sprintf("unfinished answers to %s from %s are kept as a draft", what, day),
			Fix:     again + " picks them up, or starts fresh"})
	}
	return out, rows.Err()
}

// draftName says what a drafts key is and which command resumes it.
func draftName(key string) (what, again string) {
	switch {
	case key == "form:craving":
		return "the craving form", "journal craving"
	case strings.HasPrefix(key, "form:checkin:"):
		return "the check-in of " + strings.TrimPrefix(key, "form:checkin:"), "journal checkin"
	case strings.HasPrefix(key, "form:"):
		return strings.TrimPrefix(key, "form:"), "journal " + strings.TrimPrefix(key, "form:")
	}
	return "the prompt set " + key, "journal guide " + key
}

// Healthy reports whether findings hold nothing but notes, or only what
// was repaired.
func Healthy(findings []Finding) bool {
	for _, f := range findings {
		if !f.Note && !f.Repaired {
			return false
		}
	}
	return true
}

// writable reports whether the file and its folder can be written (the
// folder holds the -wal and -shm).
func writable(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false
	}
	f.Close()
	fi, err := os.Stat(filepath.Dir(path))
	return err == nil && fi.Mode().Perm()&0o200 != 0
}

func hasTable(ctx context.Context, db *sql.DB, name string) (bool, error) {
	var n int
	err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?`, name).Scan(&n)
	return n > 0, err
}

func dirOpenToOthers(dir string) bool {
	fi, err := os.Stat(dir)
	return err == nil && fi.Mode().Perm()&0o022 != 0 && fi.Mode()&os.ModeSticky == 0
}

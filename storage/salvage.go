package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"
)

// salvageTables are the tables that hold what the person wrote, parents
// first. Indexes and summaries are rebuilt from them.
var salvageTables = []string{
	"sessions", "entries", "entry_tags", "answers", "cravings", "craving_triggers",
	"craving_feelings", "craving_coping", "checkins", "drink_days", "calls", "drafts",
}

// maxProbes bounds the row-by-row reading of a damaged table.
const maxProbes = 200_000

// SalvageResult says what Salvage copied.
type SalvageResult struct {
	Rows       map[string]int `json:"rows"`       // rows copied, by table
	Orphans    int            `json:"orphans"`    // rows left out: what they belonged to was lost
	Unreadable []string       `json:"unreadable"` // tables that could not be read at all
}

// Salvage copies what can still be read from the (damaged) journal at
// path into a new journal at dest, table by table and row by row,
// skipping what fails to read. The damaged file is only read. Rows whose
// entry was lost are left out; the search index and craving summaries of
// the new journal are rebuilt from what was copied.
func Salvage(ctx context.Context, path, dest string, now func() time.Time) (SalvageResult, error) {
	res := SalvageResult{Rows: map[string]int{}}
	if _, err := os.Lstat(dest); err == nil {
		return res, fmt.Errorf("%s already exists: %w", dest, fs.ErrExist)
	}
	st, err := Open(ctx, dest, now)
	if err != nil {
		return res, err
	}
	src, err := openPlain(path, true)
	if err != nil {
		st.Close()
		return res, err
	}
	defer src.Close()
	err = func() error {
		defer st.Close()
		conn, err := st.db.Conn(ctx)
		if err != nil {
			return err
		}
		defer conn.Close()
		// Rows arrive in whatever order they can be read: links are
		// checked once at the end instead of row by row.
		if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
			return err
		}
		if _, err := conn.ExecContext(ctx, `INSERT INTO craving_days_paused (since) VALUES ('salvage')`); err != nil {
			return err
		}
		for _, t := range salvageTables {
			n, err := salvageTable(ctx, src, conn, t)
			if err != nil {
				res.Unreadable = append(res.Unreadable, t)
			}
			res.Rows[t] = n
		}
		if len(res.Unreadable) == len(salvageTables) {
			return errors.New("nothing in it can be read (its table of contents is damaged): restore a backup instead")
		}
		res.Orphans, err = dropOrphans(ctx, conn)
		if err != nil {
			return err
		}
		for _, q := range []string{`DELETE FROM craving_days_paused`, rebuildCravingDays, "PRAGMA foreign_keys = ON"} {
			if _, err := conn.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		conn.Close()
		return rebuildSearch(ctx, st)
	}()
	if err != nil {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(dest + suffix)
		}
		return res, fmt.Errorf("cannot salvage %s into %s: %w", path, dest, err)
	}
	return res, nil
}

// salvageTable copies the readable rows of one table: a scan from the
// front until it fails, one from the back, and for tables with rowids each
// row in between on its own.
func salvageTable(ctx context.Context, src *sql.DB, dst *sql.Conn, table string) (int, error) {
	cols, err := commonColumns(ctx, src, dst, table)
	if err != nil {
		return 0, err
	}
	ins, err := dst.PrepareContext(ctx, fmt.Sprintf("INSERT OR IGNORE INTO %s (%s) VALUES (%s)",
		table, strings.Join(cols, ", "), strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ")))
	if err != nil {
		return 0, err
	}
	defer ins.Close()
	n := 0
	put := func(vals []any) {
		if r, err := ins.ExecContext(ctx, vals...); err == nil {
			if k, _ := r.RowsAffected(); k > 0 {
				n++
			}
		}
	}
	_, rowidErr := src.ExecContext(ctx, "SELECT rowid FROM "+table+" LIMIT 0")
	hasRowid := rowidErr == nil
	order := "rowid"
	if !hasRowid {
		if order, err = primaryKey(ctx, src, table); err != nil {
			return n, err
		}
	}
	sel := "SELECT " + strings.Join(cols, ", ")
	if hasRowid {
		sel += ", rowid"
	}
	sel += " FROM " + table
	lo, loErr := scanRows(ctx, src, sel+" ORDER BY "+order, len(cols), hasRowid, put)
	if loErr == nil {
		return n, nil
	}
	hi, hiErr := scanRows(ctx, src, sel+" ORDER BY "+strings.ReplaceAll(order, ",", " DESC,")+" DESC", len(cols), hasRowid, put)
	if hiErr == nil || !hasRowid {
		return n, nil
	}
	if hi == 0 {
		hi = lo + maxProbes
	}
	for id := lo + 1; id < hi && id-lo <= maxProbes; id++ {
		scanRows(ctx, src, sel+" WHERE rowid = "+fmt.Sprint(id), len(cols), true, put)
	}
	return n, nil
}

// scanRows reads rows until one fails, handing each to put, and returns
// the last rowid read (or 0).
func scanRows(ctx context.Context, db *sql.DB, q string, ncols int, withRowid bool, put func([]any)) (int64, error) {
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var last int64
	for rows.Next() {
		vals := make([]any, ncols)
		ptrs := make([]any, ncols, ncols+1)
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		var id int64
		if withRowid {
			ptrs = append(ptrs, &id)
		}
		if err := rows.Scan(ptrs...); err != nil {
			return last, err
		}
		put(vals)
		last = id
	}
	return last, rows.Err()
}

func commonColumns(ctx context.Context, src *sql.DB, dst *sql.Conn, table string) ([]string, error) {
	have := map[string]bool{}
	rows, err := src.QueryContext(ctx, "SELECT name FROM pragma_table_info(?)", table)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			rows.Close()
			return nil, err
		}
		have[c] = true
	}
	rows.Close()
	if len(have) == 0 {
		return nil, errors.New("no such table")
	}
	rows, err = dst.QueryContext(ctx, "SELECT name FROM pragma_table_info(?)", table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		if have[c] {
			cols = append(cols, c)
		}
	}
	return cols, rows.Err()
}

func primaryKey(ctx context.Context, db *sql.DB, table string) (string, error) {
	var pk sql.NullString
	err := db.QueryRowContext(ctx, `SELECT group_concat(name, ',') FROM
		(SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk)`, table).Scan(&pk)
	if err == nil && pk.String == "" {
		err = errors.New("no primary key")
	}
	return pk.String, err
}

// dropOrphans removes copied rows whose entry was lost, and unlinks
// entries from lost sessions; it returns how many rows it left out.
func dropOrphans(ctx context.Context, conn *sql.Conn) (int, error) {
	n := 0
	for _, t := range []string{"entry_tags", "answers", "cravings", "craving_triggers", "craving_feelings", "craving_coping", "checkins"} {
		r, err := conn.ExecContext(ctx, "DELETE FROM "+t+" WHERE entry_id NOT IN (SELECT id FROM entries)")
		if err != nil {
			return n, err
		}
		k, _ := r.RowsAffected()
		n += int(k)
	}
	_, err := conn.ExecContext(ctx, `UPDATE entries SET session_id = NULL
		WHERE session_id IS NOT NULL AND session_id NOT IN (SELECT id FROM sessions)`)
	return n, err
}

package storage

import (
	"bytes"
	"context"
	"database/sql"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"journal/journal"
)

// damagedJournal makes a journal of a few hundred pages and overwrites
// five pages in the middle of it with noise, as a failing disk might.
func damagedJournal(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := Open(ctx, path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Repeat("A long walk by the river, then tea. ", 8)
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		for range 1500 {
			e := journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow(), Body: body}
			if err := s.insertEntry(ctx, tx, &e, ""); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Five leaf pages from the middle of the entries table, found by
	// SQLite's dbstat table: noise at a fixed place in the file would hit
	// another table or free pages, depending on where random uuids put
	// the index pages.
	var first, size int
	err = s.db.QueryRowContext(ctx, `SELECT (SELECT page_size FROM pragma_page_size), pageno FROM dbstat WHERE name = 'entries' AND pagetype = 'leaf'
		ORDER BY pageno LIMIT 1 OFFSET (SELECT count(*) / 2 FROM dbstat WHERE name = 'entries' AND pagetype = 'leaf')`).Scan(&size, &first)
	if err != nil {
		t.Fatal(err)
	}
	s.Close() // the last close checkpoints: the file alone holds it all
	damagePages(t, path, size, first, 5)
	return path
}

// damagePages overwrites n pages of the given size with random bytes, from
// page number first (SQLite counts pages from 1).
func damagePages(t *testing.T, path string, page, first, n int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	start := (first - 1) * page
	rng := rand.New(rand.NewPCG(7, 7))
	for i := start; i < start+n*page && i < len(b); i++ {
		b[i] = byte(rng.Uint32())
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestDamagedJournalIsNamedAndNotWritten(t *testing.T) {
	ctx := context.Background()
	path := damagedJournal(t)
	s, err := Open(ctx, path, fixedNow)
	if err != nil {
		t.Fatalf("open: %v (the header is intact: reading should start)", err)
	}
	_, _, err = s.Records(ctx, RecordFilter{IncludePrivate: true})
	if !IsDamaged(err) {
		t.Fatalf("reading every entry: error = %v, want the file named damaged", err)
	}
	msg := err.Error()
	for _, want := range []string{path + " is damaged", "journal doctor", "journal restore"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not say %q", msg, want)
		}
	}
	if strings.Contains(msg, "\n") || strings.Contains(msg, "malformed") {
		t.Errorf("message %q is not one plain line", msg)
	}
	// Found damaged: this process writes nothing more.
	e := journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow(), Body: "not into a damaged file"}
	if err := s.AddEntry(ctx, &e); !IsDamaged(err) {
		t.Errorf("write after the damage was found: %v, want refused as damaged", err)
	}
	s.Close()

	// Nor does the next one, whose first act is a write.
	before, _ := os.ReadFile(path)
	s, err = Open(ctx, path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddEntry(ctx, &e); !IsDamaged(err) {
		t.Errorf("write in the next process: %v, want refused as damaged", err)
	}
	s.Close()
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) || fileSize(path+"-wal") > 0 {
		t.Error("the damaged file was written to")
	}
}

// Once the damage is gone (repaired, or a backup put in its place), the
// mark goes and writing resumes.
func TestRepairedJournalIsWrittenAgain(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := Open(ctx, path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	markDamaged(path)
	s, err = Open(ctx, path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	e := journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow(), Body: "fine"}
	if err := s.AddEntry(ctx, &e); err != nil {
		t.Errorf("write to a healthy journal with a stale mark: %v", err)
	}
	if exists(damageMark(path)) {
		t.Error("the stale damage mark is still there")
	}
}

// A damaged header or a truncated file is found on open, before any read.
func TestOpenFindsDamagedHeader(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := Open(ctx, path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	b, _ := os.ReadFile(path)

	bad := append([]byte{}, b...)
	bad[16], bad[17] = 0x03, 0x00 // page size 768: not a power of two
	os.WriteFile(path, bad, 0o600)
	if _, err := Open(ctx, path, fixedNow); !IsDamaged(err) {
		t.Errorf("damaged header: %v, want damaged", err)
	}

	os.WriteFile(path, b[:len(b)-4096], 0o600) // the last page lost
	if _, err := Open(ctx, path, fixedNow); !IsDamaged(err) {
		t.Errorf("truncated file: %v, want damaged", err)
	}
}

// A damage error from another SQLite file (a backup a command read) does
// not stop writes to a healthy journal.
func TestDamageOfAnotherFileDoesNotStopTheJournal(t *testing.T) {
	ctx := context.Background()
	other := damagedJournal(t)
	db, err := sql.Open("sqlite", other)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, qerr := db.Query("SELECT body FROM entries")
	for qerr == nil && rows.Next() {
	}
	if qerr == nil {
		qerr = rows.Err()
		rows.Close()
	}
	if Classify(qerr, "") != ProblemDamaged {
		t.Fatalf("reading the damaged file: %v, want SQLite's damage error", qerr)
	}

	s := openTemp(t)
	s.Explain(qerr)
	e := journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow(), Body: "still writing"}
	if err := s.AddEntry(ctx, &e); err != nil {
		t.Errorf("write to the healthy journal: %v", err)
	}
	if exists(damageMark(s.Path())) {
		t.Error("the healthy journal was marked damaged")
	}
}

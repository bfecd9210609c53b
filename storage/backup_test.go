package storage

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"filippo.io/age"

	"journal/journal"
)

// fill writes a few records of each kind, one private.
func fill(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	at := time.Date(2026, 11, 20, 21, 30, 0, 0, time.UTC)
	for i, body := range []string{"Walked by the river", "A private thought"} {
		e := &journal.Entry{Kind: journal.KindNote, OccurredAt: at.Add(time.Duration(i) * time.Hour), Body: body, Private: i == 1, Tags: []string{"walk"}}
		if err := s.AddEntry(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	c := &journal.Entry{Kind: journal.KindCraving, OccurredAt: at, Craving: &journal.Craving{Intensity: 7, Triggers: []string{"stress"}, Coping: []string{"walk"}, Outcome: "resisted"}}
	if err := s.AddCraving(ctx, c); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetDrinks(ctx, []journal.Date{day("2026-11-19"), day("2026-11-20")}, 0, false, ""); err != nil {
		t.Fatal(err)
	}
}

// snapshotOf is every record of the journal at path, as export sees them.
func snapshotOf(t *testing.T, path string) string {
	t.Helper()
	s, err := Open(context.Background(), path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return exportJSON(t, s)
}

func TestBackupWhileWritersRunThenRestoreGivesTheSameRecords(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "journal.db")
	s, err := Open(ctx, path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	fill(t, s)
	// Writers in other connections keep adding while the backup is made.
	var wg sync.WaitGroup
	var written [2]atomic.Int64
	stop := make(chan struct{})
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			ws, err := Open(ctx, path, fixedNow)
			if err != nil {
				t.Error(err)
				return
			}
			defer ws.Close()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				e := &journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow(), Body: fmt.Sprintf("writer %d note %d", w, i)}
				if err := ws.AddEntry(ctx, e); err != nil {
					t.Error(err)
					return
				}
				written[w].Add(1)
			}
		}(w)
	}
	for deadline := time.Now().Add(10 * time.Second); written[0].Load() < 5 || written[1].Load() < 5; {
		if time.Now().After(deadline) {
			close(stop)
			t.Fatal("the writers did not get going")
		}
		time.Sleep(time.Millisecond)
	}
	dest := filepath.Join(dir, "copy.db")
	err = s.Backup(ctx, dest, nil)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(dest); fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want 0600", fi.Mode().Perm())
	}
	if err := s.Backup(ctx, dest, nil); !errors.Is(err, fs.ErrExist) {
		t.Errorf("a second backup to the same file: %v, want it refused", err)
	}
	// A consistent copy: each writer's notes are there from the first up to
	// some point, with none missing in between.
	bdb, _ := openPlain(dest, true)
	for w := 0; w < 2; w++ {
		var n, maxI int
		bdb.QueryRow(`SELECT count(*), coalesce(max(CAST(substr(body, length(?) + 1) AS INTEGER)), -1) + 1
			FROM entries WHERE body LIKE ? || '%'`, fmt.Sprintf("writer %d note ", w), fmt.Sprintf("writer %d note ", w)).Scan(&n, &maxI)
		if n == 0 || n != maxI {
			t.Errorf("writer %d: %d notes in the backup, numbered up to %d", w, n, maxI-1)
		}
	}
	bdb.Close()
	backedUp := snapshotOf(t, dest)
	if !bytes.Contains([]byte(backedUp), []byte("A private thought")) {
		t.Error("the backup left out the private entry")
	}

	// More is written after the backup; restoring brings back the copy.
	s.AddEntry(ctx, &journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow(), Body: "after the backup"})
	s.Close()
	f, _ := os.Open(dest)
	defer f.Close()
	plan, err := PrepareRestore(ctx, path, "backup", f)
	if err != nil {
		t.Fatal(err)
	}
	// While another command holds the journal, it is not swapped.
	other, err := Open(ctx, path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if err := plan.Swap(ctx, false); !errors.Is(err, ErrInUse) {
		t.Errorf("swap while in use: %v, want ErrInUse", err)
	}
	other.Close()
	aside, asIs, err := KeepAside(ctx, path, fixedNow())
	if err != nil || aside == "" || asIs {
		t.Fatalf("KeepAside = %q, %v, %v", aside, asIs, err)
	}
	if err := plan.Swap(ctx, false); err != nil {
		t.Fatal(err)
	}
	if got := snapshotOf(t, path); got != backedUp {
		t.Error("the restored journal differs from the backup")
	}
	if !bytes.Contains([]byte(snapshotOf(t, aside)), []byte("after the backup")) {
		t.Error("the journal kept aside lost what was written after the backup")
	}
}

func TestEncryptedBackupRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	fill(t, s)
	dir := t.TempDir()
	id, err := age.NewScryptIdentity("correct horse")
	if err != nil {
		t.Fatal(err)
	}
	r, _ := age.NewScryptRecipient("correct horse")
	r.SetWorkFactor(10) // quick in tests
	enc := func(w io.Writer) (io.WriteCloser, error) { return age.Encrypt(w, r) }
	dest := filepath.Join(dir, "b.db.age")
	if err := s.Backup(ctx, dest, enc); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(dest)
	if bytes.Contains(raw, []byte("private thought")) || bytes.Contains(raw, []byte("SQLite format")) {
		t.Fatal("the encrypted backup can be read without the passphrase")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	plain, err := age.Decrypt(bytes.NewReader(raw), id)
	if err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(t.TempDir(), "journal.db")
	plan, err := PrepareRestore(ctx, target, "backup", plain)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Backup.Entries["note"] != 2 || plan.Backup.Entries["craving"] != 1 || plan.Backup.DrinkDays != 2 {
		t.Errorf("backup contents %+v", plan.Backup)
	}
	if err := plan.Swap(ctx, false); err != nil {
		t.Fatal(err)
	}
	if snapshotOf(t, target) != exportJSON(t, s) {
		t.Error("the decrypted backup differs from the journal")
	}
}

func TestRestoreRefusesWhatIsNotAWholeJournal(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openTemp(t)
	fill(t, s)
	good := filepath.Join(dir, "good.db")
	if err := s.Backup(ctx, good, nil); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.db")
	db, _ := openPlain(other, false)
	db.Exec("CREATE TABLE contacts (name); INSERT INTO contacts VALUES ('x')")
	db.Close()
	newer := filepath.Join(dir, "newer.db")
	copyPrivate(good, newer)
	db, _ = openPlain(newer, false)
	db.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1))
	db.Close()
	damaged := filepath.Join(dir, "damaged.db")
	copyPrivate(good, damaged)
	damage(t, damaged)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("shopping list"), 0o600)
	os.WriteFile(filepath.Join(dir, "empty.db"), nil, 0o600)

	for name, want := range map[string]string{
		"notes.txt":  "not an SQLite database",
		"other.db":   "not a journal",
		"newer.db":   "newer version of journal",
		"damaged.db": "is damaged",
		"empty.db":   "is empty",
	} {
		target := filepath.Join(t.TempDir(), "journal.db")
		f, _ := os.Open(filepath.Join(dir, name))
		_, err := PrepareRestore(ctx, target, name, f)
		f.Close()
		if err == nil || !journal.IsInput(err) || !bytes.Contains([]byte(err.Error()), []byte(want)) {
			t.Errorf("%s: %v, want an input error saying %q", name, err, want)
		}
		if left, _ := filepath.Glob(filepath.Join(filepath.Dir(target), "*")); len(left) > 0 {
			t.Errorf("%s: files left behind: %v", name, left)
		}
	}
}

// damage overwrites every third page of a database file from its middle
// on, as a failing disk might.
func damage(t *testing.T, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	junk := bytes.Repeat([]byte{0xA5}, 4096)
	for off := fi.Size() / 2 / 4096 * 4096; off < fi.Size()-4096; off += 4096 * 3 {
		f.WriteAt(junk, off)
	}
}

func TestBackupFolderKeepsTheNewest(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	start := time.Date(2026, 11, 20, 9, 0, 0, 0, time.Local)
	if !DailyBackupDue(s.Path(), start) {
		t.Error("no backups yet, but a daily backup is not due")
	}
	for i := 0; i < 5; i++ {
		if _, err := s.BackupInFolder(ctx, start.Add(time.Duration(i)*24*time.Hour), "daily", 3, nil); err != nil {
			t.Fatal(err)
		}
	}
	bs, err := Backups(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != 3 || bs[0].MadeAt.Day() != 22 || bs[2].MadeAt.Day() != 24 || bs[2].Reason != "daily" {
		t.Fatalf("kept %+v, want the 22nd to the 24th", bs)
	}
	if fi, _ := os.Stat(BackupDir(s.Path())); fi.Mode().Perm() != 0o700 {
		t.Errorf("backups folder mode %v, want 0700", fi.Mode().Perm())
	}
	if DailyBackupDue(s.Path(), start.Add(4*24*time.Hour+time.Hour)) {
		t.Error("a backup was made today, but another is due")
	}
	if !DailyBackupDue(s.Path(), start.Add(5*24*time.Hour)) {
		t.Error("the next day, no backup is due")
	}
	if DailyBackupDue(bs[0].Path, start.Add(5*24*time.Hour)) {
		t.Error("a backup looked at with --db would get backups of its own")
	}
}

func TestSchemaStepIsPrecededByABackup(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := Open(ctx, path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	fill(t, s)
	before := exportJSON(t, s)
	// Take the journal back one schema step, as an older version left it.
	s.db.Exec("DROP TABLE craving_month_coping")
	s.db.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()-1))
	s.Close()
	if bs, _ := Backups(path); len(bs) != 0 {
		t.Fatal("backups before any schema step")
	}
	// The last step is not meant to run twice; it fails, but the copy is made first.
	Open(ctx, path, fixedNow)
	bs, _ := Backups(path)
	if len(bs) != 1 || bs[0].Reason != fmt.Sprintf("before-schema-%d", SchemaVersion()) {
		t.Fatalf("backups %+v, want one made before the schema step", bs)
	}
	db, _ := openPlain(bs[0].Path, true)
	defer db.Close()
	var v int
	db.QueryRow("PRAGMA user_version").Scan(&v)
	var n int
	db.QueryRow("SELECT count(*) FROM entries").Scan(&n)
	if v != SchemaVersion()-1 || n != 3 || before == "" {
		t.Errorf("backup at schema %d with %d entries", v, n)
	}
}

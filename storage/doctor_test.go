package storage

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"journal/journal"
)

func kinds(fs []Finding) map[string]Finding {
	out := map[string]Finding{}
	for _, f := range fs {
		out[f.Kind] = f
	}
	return out
}

func TestDoctorFindsEachKindAndRepairsTheSafeOnes(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	fill(t, s)
	path := s.Path()
	now := fixedNow()
	if fs, err := Diagnose(ctx, path, now); err != nil || !Healthy(fs) {
		t.Fatalf("a fresh journal: %+v, %v", fs, err)
	}
	// Damage it in every repairable way, and a few others.
	mustExec(t, s, `DELETE FROM entries_fts WHERE rowid = 1`)
	mustExec(t, s, `UPDATE entries_trigram SET body = 'old words' WHERE rowid = 2`)
	mustExec(t, s, `UPDATE craving_days SET n = 5`)
	mustExec(t, s, `PRAGMA foreign_keys = OFF`)
	s.db.Exec(`UPDATE entries SET session_id = 99 WHERE id = 2`)
	mustExec(t, s, `INSERT INTO entries (uuid, kind, day, occurred_at, created_at, updated_at) VALUES ('u-future', 'note', '2027-01-01', '2027-01-01T10:00:00Z', 'x', 'x')`)
	mustExec(t, s, `INSERT INTO entries_fts (rowid, body) VALUES ((SELECT id FROM entries WHERE uuid = 'u-future'), '')`)
	mustExec(t, s, `INSERT INTO drafts (prompt_set, data, saved_at) VALUES ('after', '{}', '2026-11-24T10:00:00Z')`)
	os.Chmod(path, 0o644)
	tmp := filepath.Join(filepath.Dir(path), ".export.md.tmp-123")
	os.WriteFile(tmp, []byte("private entries"), 0o600)
	old := now.Add(-2 * time.Hour)
	os.Chtimes(tmp, old, old)
	fresh := filepath.Join(filepath.Dir(path), ".other.md.tmp-456")
	os.WriteFile(fresh, []byte("being written"), 0o600)
	os.Chtimes(fresh, now, now)

	fs, err := Diagnose(ctx, path, now)
	if err != nil {
		t.Fatal(err)
	}
	got := kinds(fs)
	for _, k := range []string{FindingSearch, FindingSummaries, FindingLinks, FindingFuture, FindingDrafts, FindingPermissions, FindingTempFiles} {
		if _, ok := got[k]; !ok {
			t.Errorf("doctor did not find %s; found %+v", k, fs)
		}
	}
	if Healthy(fs) {
		t.Error("Healthy with findings")
	}
	if f := got[FindingTempFiles]; len(f.Files) != 1 || f.Files[0] != tmp {
		t.Errorf("stale temp files %v, want only the old one", f.Files)
	}
	if !got[FindingDrafts].Note || got[FindingFuture].Repair {
		t.Error("drafts should be a note; future records are not for repair")
	}
	entriesBefore := count(t, s, "entries")

	if err := Repair(ctx, path, fs); err != nil {
		t.Fatal(err)
	}
	after, err := Diagnose(ctx, path, now)
	if err != nil {
		t.Fatal(err)
	}
	left := kinds(after)
	for _, k := range []string{FindingSearch, FindingSummaries, FindingLinks, FindingPermissions, FindingTempFiles} {
		if _, ok := left[k]; ok {
			t.Errorf("%s still found after --repair: %+v", k, left[k])
		}
	}
	if _, ok := left[FindingFuture]; !ok {
		t.Error("repair changed a future-dated record")
	}
	if n := count(t, s, "entries"); n != entriesBefore {
		t.Errorf("repair changed the number of entries from %d to %d", entriesBefore, n)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("journal mode %v after repair", fi.Mode().Perm())
	}
	// A folder others can change is named, and left for the person to fix.
	dir := filepath.Dir(path)
	os.Chmod(dir, 0o777)
	defer os.Chmod(dir, 0o700)
	fs, _ = Diagnose(ctx, path, now)
	if f := kinds(fs)[FindingPermissions]; len(f.Files) != 1 || f.Files[0] != dir || f.Repair {
		t.Errorf("folder open to others: %+v", f)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("repair removed a temporary file that may still be written")
	}
	res, err := s.Search(ctx, "river", 10)
	if err != nil || len(res) != 1 {
		t.Errorf("search after the index rebuild: %v, %v", res, err)
	}
}

func count(t *testing.T, s *Store, table string) int {
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestDoctorNamesADamagedFileAndSalvageCopiesWhatIsReadable(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "journal.db")
	s, err := Open(ctx, path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 400; i++ {
		e := &journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow().Add(-time.Duration(i) * time.Hour),
			Body: string(bytes.Repeat([]byte("a day of notes "), 30))}
		if err := s.AddEntry(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	before, _ := os.ReadFile(path)
	damage(t, path)
	damaged, _ := os.ReadFile(path)
	if bytes.Equal(before, damaged) {
		t.Fatal("the file was not damaged")
	}
	fs, err := Diagnose(ctx, path, fixedNow())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := kinds(fs)[FindingDamaged]; !ok {
		t.Fatalf("doctor did not find the damage: %+v", fs)
	}
	dest := filepath.Join(dir, "journal-salvaged.db")
	res, err := Salvage(ctx, path, dest, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, damaged) {
		t.Error("salvage changed the damaged file")
	}
	n := res.Rows["entries"]
	if n == 0 || n >= 400 {
		t.Errorf("salvaged %d of 400 entries, want some but not all", n)
	}
	if fs, err := Diagnose(ctx, dest, fixedNow()); err != nil || !Healthy(fs) {
		t.Errorf("the salvaged journal is not healthy: %+v, %v", fs, err)
	}
	st, err := Open(ctx, dest, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if got := count(t, st, "entries"); got != n {
		t.Errorf("salvaged journal holds %d entries, result says %d", got, n)
	}
}

func TestPurgeLeavesNoDeletedOrReplacedText(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	fill(t, s)
	gone := &journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow(), Body: "zanzibarquartz never again", Tags: []string{"secretive"}}
	edited := &journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow(), Body: "xylophonemarmalade first words"}
	for _, e := range []*journal.Entry{gone, edited} {
		if err := s.AddEntry(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.UpdateEntryText(ctx, edited.ID, "kinder words", nil); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteEntry(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	ses := &journal.Session{Day: day("2026-11-10"), Note: "quetzalsession note"}
	s.AddSession(ctx, ses)
	s.DeleteSession(ctx, ses.ID)
	secrets := []string{"zanzibarquartz", "secretive", "xylophonemarmalade", "quetzalsession"}
	fileHas := func() []string {
		var found []string
		for _, sfx := range []string{"", "-wal"} {
			b, _ := os.ReadFile(s.Path() + sfx)
			for _, w := range secrets {
				if bytes.Contains(b, []byte(w)) {
					found = append(found, w+" in "+filepath.Base(s.Path()+sfx))
				}
			}
		}
		return found
	}
	if len(fileHas()) == 0 {
		t.Fatal("the test text is not in the file before purging: the test proves nothing")
	}
	d, err := s.Purge(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if d.Entries != 1 || d.Sessions != 1 || d.Calls != 0 {
		t.Errorf("purged %+v", d)
	}
	if found := fileHas(); len(found) > 0 {
		t.Errorf("still readable after purge: %v", found)
	}
	if res, _ := s.Search(ctx, "kinder", 10); len(res) != 1 {
		t.Error("purge lost the edited entry's new text from search")
	}
	if n := count(t, s, "entries"); n != 4 {
		t.Errorf("%d entries after purge, want the 4 live ones", n)
	}
}

func TestBackupsHoldingPurgedRecords(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	fill(t, s)
	older, _ := s.BackupInFolder(ctx, fixedNow().Add(-time.Hour), "", 0, nil)
	s.DeleteEntry(ctx, 1)
	newer, _ := s.BackupInFolder(ctx, fixedNow(), "", 0, nil)
	d, _ := s.Deleted(ctx)
	hold, maybe, err := BackupsHolding(ctx, s.Path(), d)
	if err != nil {
		t.Fatal(err)
	}
	if len(hold) != 2 || hold[0] != older || hold[1] != newer || len(maybe) != 0 {
		t.Errorf("holding %v, maybe %v", hold, maybe)
	}
}

func TestDoctorOnAMissingJournalNamesItsLeftovers(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "journal.db")
	os.WriteFile(path+"-wal", []byte("last changes"), 0o644)
	fs, err := Diagnose(ctx, path, fixedNow())
	if err != nil {
		t.Fatal(err)
	}
	got := kinds(fs)
	for _, k := range []string{FindingMissing, FindingLeftovers, FindingPermissions} {
		if _, ok := got[k]; !ok {
			t.Errorf("doctor did not find %s: %+v", k, fs)
		}
	}
	if Healthy(fs) {
		t.Error("a missing journal is healthy")
	}
}

func TestDoctorOnAnOlderOrNewerLayout(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	fill(t, s)
	mustExec(t, s, "DROP TABLE craving_month_coping")
	mustExec(t, s, "DROP TABLE drafts")
	mustExec(t, s, fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()-1))
	if fs, err := Diagnose(ctx, s.Path(), fixedNow()); err != nil || !Healthy(fs) {
		t.Errorf("an older layout: %+v, %v", fs, err)
	}
	mustExec(t, s, fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1))
	fs, err := Diagnose(ctx, s.Path(), fixedNow())
	if _, ok := kinds(fs)[FindingNewer]; err != nil || !ok {
		t.Errorf("a newer layout: %+v, %v", fs, err)
	}
}

func TestDoctorMakesALeftoverShmWritableAgain(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	fill(t, s)
	path := s.Path()
	s.Close()
	// Left by a journal opened read-only, with the file's mode at the time.
	os.WriteFile(path+"-shm", nil, 0o400)
	fs, err := Diagnose(ctx, path, fixedNow())
	if f := kinds(fs)[FindingLeftovers]; err != nil || len(f.Files) != 1 || !f.Repair {
		t.Fatalf("a read-only -shm: %+v, %v", fs, err)
	}
	if err := Repair(ctx, path, fs); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path + "-shm"); err == nil && fi.Mode().Perm() != 0o600 {
		t.Errorf("-shm mode %v after repair", fi.Mode().Perm())
	}
}

func TestDoctorOnFilesThatAreNotJournals(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	other := filepath.Join(dir, "contacts.db")
	db, _ := openPlain(other, false)
	db.Exec("CREATE TABLE contacts (name)")
	db.Close()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("my shopping list, not a database at all"), 0o600)
	for path, want := range map[string]string{other: FindingNotJournal, text: FindingDamaged} {
		before, _ := os.ReadFile(path)
		fs, err := Diagnose(ctx, path, fixedNow())
		if _, ok := kinds(fs)[want]; err != nil || !ok || Healthy(fs) {
			t.Errorf("%s: %+v, %v; want %s", filepath.Base(path), fs, err, want)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
			t.Errorf("doctor changed %s", filepath.Base(path))
		}
	}
}

package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"filippo.io/age"

	"journal/journal"
)

// testWorkFactor keeps scrypt quick in tests (age's default takes a second).
const testWorkFactor = 10

// testUnlock opens a journal with pass (a plain one when pass is empty),
// caching nothing.
func testUnlock(pass string) Unlock {
	if pass == "" {
		return Unlock{}
	}
	return Unlock{Passphrase: func(context.Context, bool) (string, error) { return pass, nil }}
}

// encryptedJournal makes a journal holding one note with body, encrypted
// with pass, and returns its path.
func encryptedJournal(t *testing.T, pass, body, recovery string) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := Open(ctx, path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	e := journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow(), Body: body}
	if err := s.AddEntry(ctx, &e); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Encrypt(ctx, path, pass, testWorkFactor, recovery); err != nil {
		t.Fatal(err)
	}
	return path
}

func bodies(t *testing.T, s *Store) []string {
	t.Helper()
	es, err := s.Entries(context.Background(), journal.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Body)
	}
	return out
}

func TestEncryptedJournalKeepsWritesAndLeavesNoPlainFile(t *testing.T) {
	ctx := context.Background()
	path := encryptedJournal(t, "correct horse battery", "first marker", "")
	if !IsEncrypted(path) {
		t.Fatal("the journal is not an age file after Encrypt")
	}
	for _, side := range []string{"-wal", "-shm", "-journal"} {
		if exists(path + side) {
			t.Errorf("%s left beside the encrypted journal", side)
		}
	}
	for _, p := range []string{path, KeyPath(path)} {
		fi, err := os.Stat(p)
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, %v; want 0600", p, fi.Mode().Perm(), err)
		}
	}
	s, err := OpenWith(ctx, path, fixedNow, testUnlock("correct horse battery"))
	if err != nil {
		t.Fatal(err)
	}
	e := journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow(), Body: "second marker"}
	if err := s.AddEntry(ctx, &e); err != nil {
		t.Fatal(err)
	}
	s.Close()
	raw, _ := os.ReadFile(path)
	if bytes.Contains(raw, []byte("marker")) || bytes.Contains(raw, sqliteMagic) {
		t.Fatal("plain text in the encrypted journal file")
	}
	s, err = OpenWith(ctx, path, fixedNow, testUnlock("correct horse battery"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := strings.Join(bodies(t, s), ","); got != "second marker,first marker" {
		t.Errorf("entries after reopening = %q", got)
	}
}

// A read changes nothing: the file is not rewritten when nothing changed.
func TestEncryptedReadDoesNotRewrite(t *testing.T) {
	ctx := context.Background()
	path := encryptedJournal(t, "correct horse battery", "x", "")
	before, _ := os.ReadFile(path)
	s, err := OpenWith(ctx, path, fixedNow, testUnlock("correct horse battery"))
	if err != nil {
		t.Fatal(err)
	}
	bodies(t, s)
	if err := s.DeleteEntry(ctx, 999); err == nil {
		t.Fatal("deleting a missing entry succeeded")
	}
	s.Close()
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the file changed after reads and a failed write")
	}
}

func TestWrongPassphraseDamagedAndForeignFilesLeftUntouched(t *testing.T) {
	ctx := context.Background()
	path := encryptedJournal(t, "correct horse battery", "x", "")
	orig, _ := os.ReadFile(path)
	_, err := OpenWith(ctx, path, fixedNow, testUnlock("wrong horse battery"))
	var wk *WrongKeyError
	if !errors.As(err, &wk) {
		t.Fatalf("wrong passphrase: %v, want a WrongKeyError", err)
	}
	if _, err := Open(ctx, path, fixedNow); !errors.Is(err, ErrLocked) {
		t.Fatalf("no way to ask: %v, want ErrLocked", err)
	}
	// Cut short, then one byte flipped: both found damaged before SQLite.
	for name, bad := range map[string][]byte{
		"truncated": orig[:len(orig)-100],
		"flipped":   append(append([]byte{}, orig[:len(orig)/2]...), append([]byte{orig[len(orig)/2] ^ 1}, orig[len(orig)/2+1:]...)...),
	} {
		os.WriteFile(path, bad, 0o600)
		_, err := OpenWith(ctx, path, fixedNow, testUnlock("correct horse battery"))
		if !IsDamaged(err) {
			t.Errorf("%s: %v, want damaged", name, err)
		}
		if now, _ := os.ReadFile(path); !bytes.Equal(now, bad) {
			t.Errorf("%s: the file was changed", name)
		}
	}
	// An age file for someone else.
	other, _ := age.GenerateX25519Identity()
	var buf bytes.Buffer
	w, _ := age.Encrypt(&buf, other.Recipient())
	w.Write([]byte("not a journal"))
	w.Close()
	os.WriteFile(path, buf.Bytes(), 0o600)
	if _, err := OpenWith(ctx, path, fixedNow, testUnlock("correct horse battery")); !errors.As(err, &wk) {
		t.Errorf("foreign age file: %v, want a WrongKeyError", err)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, buf.Bytes()) {
		t.Error("the foreign file was changed")
	}
}

// The escape hatch: the age library alone, with the passphrase, gets the
// SQLite file back, the way `age -d` does.
func TestAgeAloneGetsTheJournalBack(t *testing.T) {
	path := encryptedJournal(t, "correct horse battery", "escape marker", "")
	wrapped, _ := os.ReadFile(KeyPath(path))
	si, _ := age.NewScryptIdentity("correct horse battery")
	r, err := age.Decrypt(bytes.NewReader(wrapped), si)
	if err != nil {
		t.Fatal(err)
	}
	ids, err := age.ParseIdentities(r)
	if err != nil {
		t.Fatal(err)
	}
	ct, _ := os.ReadFile(path)
	r, err = age.Decrypt(bytes.NewReader(ct), ids...)
	if err != nil {
		t.Fatal(err)
	}
	img, _ := io.ReadAll(r)
	out := filepath.Join(t.TempDir(), "plain.db")
	os.WriteFile(out, img, 0o600)
	db, err := sql.Open("sqlite", out)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var body string
	if err := db.QueryRow("SELECT body FROM entries").Scan(&body); err != nil || body != "escape marker" {
		t.Fatalf("body = %q, %v", body, err)
	}
}

func TestPassphraseChangeRewritesOnlyTheKey(t *testing.T) {
	ctx := context.Background()
	path := encryptedJournal(t, "correct horse battery", "x", "")
	before, _ := os.ReadFile(path)
	if err := ChangePassphrase(ctx, path, testUnlock("correct horse battery"), func() (string, error) { return "staple under the moon", nil }, testWorkFactor); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("changing the passphrase rewrote the journal")
	}
	var wk *WrongKeyError
	if _, err := OpenWith(ctx, path, fixedNow, testUnlock("correct horse battery")); !errors.As(err, &wk) {
		t.Errorf("old passphrase: %v, want a WrongKeyError", err)
	}
	s, err := OpenWith(ctx, path, fixedNow, testUnlock("staple under the moon"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := ChangePassphrase(ctx, path, testUnlock("nope nope nope"), func() (string, error) { t.Fatal("new passphrase asked before the old one was checked"); return "", nil }, testWorkFactor); !errors.As(err, &wk) {
		t.Errorf("change with a wrong passphrase: %v", err)
	}
}

func TestRecoveryKeyDecrypts(t *testing.T) {
	ctx := context.Background()
	rec := filepath.Join(t.TempDir(), "recovery.txt")
	path := encryptedJournal(t, "correct horse battery", "kept", rec)
	if fi, err := os.Stat(rec); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("recovery key: %v", err)
	}
	if _, err := Encrypt(ctx, path+"2", "x", testWorkFactor, rec); err == nil || !journal.IsInput(err) {
		t.Errorf("recovery key over an existing file: %v", err)
	}
	id, err := ReadRecoveryKey(rec)
	if err != nil {
		t.Fatal(err)
	}
	if err := Decrypt(ctx, path, Unlock{Recovery: id}); err != nil {
		t.Fatal(err)
	}
	if IsEncrypted(path) || exists(KeyPath(path)) {
		t.Fatal("still encrypted, or the key file is left")
	}
	s, err := Open(ctx, path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := bodies(t, s); len(got) != 1 || got[0] != "kept" {
		t.Errorf("entries = %q", got)
	}
	var mode string
	s.db.QueryRow("PRAGMA journal_mode").Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal_mode = %q after decrypting, want wal", mode)
	}
}

// A write made by another process between this one's read and write is
// kept: the write catches up with the file first.
func TestEncryptedWriterCatchesUp(t *testing.T) {
	ctx := context.Background()
	path := encryptedJournal(t, "correct horse battery", "one", "")
	a, err := OpenWith(ctx, path, fixedNow, testUnlock("correct horse battery"))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := OpenWith(ctx, path, fixedNow, testUnlock("correct horse battery"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for _, w := range []struct {
		s    *Store
		body string
	}{{a, "two"}, {b, "three"}, {a, "four"}} {
		e := journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow(), Body: w.body}
		if err := w.s.AddEntry(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	c, err := OpenWith(ctx, path, fixedNow, testUnlock("correct horse battery"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if got := len(bodies(t, c)); got != 4 {
		t.Errorf("%d entries, want 4", got)
	}
}

func TestEncryptedKilledWriterLosesNothingAcknowledged(t *testing.T) {
	// 100 rounds, not 200: each round starts a process, waits out a few
	// saves (each an fsync of the whole file) and opens the file again to
	// check it, about 0.1 s a round on two shared cores.
	killWriter(t, encryptedJournal(t, "correct horse battery", "x", ""), "correct horse battery", 100)
}

// Two processes × 100 writes at once: all 200 are in the journal.
func TestEncryptedParallelWritersLoseNothing(t *testing.T) {
	parallelWriters(t, encryptedJournal(t, "correct horse battery", "x", ""), "correct horse battery", 2, 100)
}

// Where a person types the passphrase, a wrong one is asked again, up to
// Tries times.
func TestWrongPassphraseIsAskedAgain(t *testing.T) {
	ctx := context.Background()
	path := encryptedJournal(t, "correct horse battery", "x", "")
	var asked []bool
	typed := func(ps ...string) Unlock {
		asked = nil
		return Unlock{Tries: 3, Passphrase: func(_ context.Context, again bool) (string, error) {
			asked = append(asked, again)
			return ps[len(asked)-1], nil
		}}
	}
	s, err := OpenWith(ctx, path, fixedNow, typed("wrong one", "correct horse battery"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if len(asked) != 2 || asked[0] || !asked[1] {
		t.Errorf("asked %v, want [false true]", asked)
	}
	_, err = OpenWith(ctx, path, fixedNow, typed("a", "b", "c", "correct horse battery"))
	var wk *WrongKeyError
	if !errors.As(err, &wk) || len(asked) != 3 {
		t.Errorf("after three wrong: %v, asked %d times", err, len(asked))
	}
}

// Backups follow the journal: encrypt turns the plain ones in its backups
// folder into age files for its key, a backup made while encrypted is one,
// and decrypt turns them back.
func TestBackupsFollowEncryption(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := Open(ctx, path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	e := journal.Entry{Kind: journal.KindNote, OccurredAt: fixedNow(), Body: "heron in a backup"}
	if err := s.AddEntry(ctx, &e); err != nil {
		t.Fatal(err)
	}
	if _, err := s.BackupInFolder(ctx, fixedNow(), "daily", 0, nil); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Encrypt(ctx, path, "correct horse battery", testWorkFactor, ""); err != nil {
		t.Fatal(err)
	}
	s, err = OpenWith(ctx, path, fixedNow, testUnlock("correct horse battery"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.BackupInFolder(ctx, fixedNow().Add(time.Hour), "", 0, nil); err != nil {
		t.Fatal(err)
	}
	s.Close()
	bs, _ := Backups(path)
	if len(bs) != 2 {
		t.Fatalf("%d backups, want 2", len(bs))
	}
	for _, b := range bs {
		raw, _ := os.ReadFile(b.Path)
		if !b.Encrypted || !bytes.HasPrefix(raw, []byte(ageMagic)) || bytes.Contains(raw, []byte("heron")) {
			t.Errorf("%s is not encrypted", b.Path)
		}
		// Each opens like the journal, with its passphrase.
		s, err := OpenWith(ctx, b.Path, fixedNow, testUnlock("correct horse battery"))
		if err != nil {
			t.Fatalf("opening the backup %s: %v", b.Path, err)
		}
		if got := bodies(t, s); len(got) != 1 || got[0] != "heron in a backup" {
			t.Errorf("backup %s holds %q", b.Path, got)
		}
		s.Close()
	}
	if err := Decrypt(ctx, path, testUnlock("correct horse battery")); err != nil {
		t.Fatal(err)
	}
	bs, _ = Backups(path)
	for _, b := range bs {
		raw, _ := os.ReadFile(b.Path)
		if b.Encrypted || !bytes.Contains(raw, []byte("heron in a backup")) || exists(KeyPath(b.Path+".age")) {
			t.Errorf("%s is not plain after decrypting the journal, or its key file is left", b.Path)
		}
	}
}

// Purging an encrypted journal removes the deleted text from its file.
func TestEncryptedPurgeIsSaved(t *testing.T) {
	ctx := context.Background()
	path := encryptedJournal(t, "correct horse battery", "heron to forget", "")
	s, err := OpenWith(ctx, path, fixedNow, testUnlock("correct horse battery"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteEntry(ctx, 1); err != nil {
		t.Fatal(err)
	}
	d, err := s.Purge(ctx)
	if err != nil || d.Entries != 1 {
		t.Fatalf("purge: %+v, %v", d, err)
	}
	s.Close()
	s, err = OpenWith(ctx, path, fixedNow, testUnlock("correct horse battery"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	img, err := s.serialize(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(img, []byte("heron to forget")) {
		t.Error("the purged text is still in the saved journal")
	}
}

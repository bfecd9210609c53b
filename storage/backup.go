package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"filippo.io/age"
)

// BackupDir is the folder beside the journal that holds its backups:
// journal.db keeps them in journal-backups/ in the same folder, so two
// journals in one folder never mix their copies.
func BackupDir(journalPath string) string {
	base := strings.TrimSuffix(filepath.Base(journalPath), filepath.Ext(journalPath))
	return filepath.Join(filepath.Dir(journalPath), base+"-backups")
}

// backupStampLayout names backup files by the local time they were made,
// so sorting the names sorts the backups by age.
const backupStampLayout = "2006-01-02-150405"

// BackupFile is one backup in the backups folder.
type BackupFile struct {
	Path      string
	MadeAt    time.Time // local time from the file name
	Reason    string    // "" for a backup asked for; "daily", "before-schema-6", "before-restore"
	Encrypted bool      // ends in .age
}

// Backups lists the backups in the journal's backups folder, oldest
// first. A missing folder is no backups. Only the file names are read.
func Backups(journalPath string) ([]BackupFile, error) {
	dir := BackupDir(journalPath)
	des, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read the backups folder %s: %w", dir, unwrapPathErr(err))
	}
	prefix := strings.TrimSuffix(filepath.Base(BackupDir(journalPath)), "-backups") + "-"
	var out []BackupFile
	for _, de := range des {
		if b, ok := parseBackupName(prefix, de.Name()); ok && de.Type().IsRegular() {
			b.Path = filepath.Join(dir, de.Name())
			out = append(out, b)
		}
	}
	sort.Slice(out, func(i, j int) bool { return filepath.Base(out[i].Path) < filepath.Base(out[j].Path) })
	return out, nil
}

// parseBackupName reads names like journal-2026-11-29-194300-daily.db.age.
func parseBackupName(prefix, name string) (BackupFile, bool) {
	var b BackupFile
	rest, ok := strings.CutPrefix(name, prefix)
	if !ok {
		return b, false
	}
	if r, ok := strings.CutSuffix(rest, ".age"); ok {
		rest, b.Encrypted = r, true
	}
	rest, ok = strings.CutSuffix(rest, ".db")
	if !ok || len(rest) < len(backupStampLayout) {
		return b, false
	}
	t, err := time.ParseInLocation(backupStampLayout, rest[:len(backupStampLayout)], time.Local)
	if err != nil {
		return b, false
	}
	b.MadeAt = t
	b.Reason = strings.TrimPrefix(rest[len(backupStampLayout):], "-")
	return b, true
}

// DailyBackupDue reports whether no backup of any kind was made on now's
// calendar day. It reads only the folder's names, so an everyday command
// pays a directory listing, not a copy. A journal that is itself one of the
// backups (looked at with --db) is never due.
func DailyBackupDue(journalPath string, now time.Time) bool {
	if strings.HasSuffix(filepath.Base(filepath.Dir(journalPath)), "-backups") {
		return false
	}
	bs, err := Backups(journalPath)
	if err != nil || len(bs) == 0 {
		return err == nil
	}
	last := bs[len(bs)-1].MadeAt
	y1, m1, d1 := last.Date()
	y2, m2, d2 := now.In(time.Local).Date()
	return y1 != y2 || m1 != m2 || d1 != d2
}

// Encrypter wraps a writer so what is written to it is encrypted; Close
// finishes the encryption. Nil means a plain SQLite file.
type Encrypter func(w io.Writer) (io.WriteCloser, error)

// Backup writes a consistent copy of the journal to dest, readable only
// by its owner (0600), private entries and all, while other commands may
// be writing. The copy appears whole or not at all; an existing dest is
// never replaced (the error wraps fs.ErrExist). With enc the file is
// encrypted and no plain copy is left behind.
//
// A backup of an encrypted journal is always encrypted: to enc when given,
// else to the journal's own key (the same key file, passphrase and
// recovery key open it), and its plain text never reaches a disk.
func (s *Store) Backup(ctx context.Context, dest string, enc Encrypter) error {
	if s.enc != nil {
		return s.copyErr(s.sealedSnapshot(ctx, dest, enc))
	}
	return s.copyErr(snapshot(ctx, s.db, s.path, dest, enc))
}

// copyErr passes on an error from copying the journal; when the copy found
// the journal damaged (the copy reads every page, and its target is a new
// file), the store stops writing to it, here and in the next commands.
func (s *Store) copyErr(err error) error {
	if IsDamaged(Explain(s.path, err)) {
		return s.explain(err)
	}
	return err
}

// Damaged reports whether SQLite has found the journal damaged: a copy of
// it would not be a backup to rely on.
func (s *Store) Damaged() bool { return s.damaged.Load() }

// ReadOnly reports whether the journal was opened for reading only: no
// daily backup is made beside a journal that cannot be written.
func (s *Store) ReadOnly() bool { return s.readOnly != nil }

// backupEncrypter is what an encrypted journal's backup is encrypted
// with: enc when given, else the journal's own key.
func (s *Store) backupEncrypter(enc Encrypter) Encrypter {
	if enc != nil {
		return enc
	}
	r := s.enc.id.Recipient()
	return func(w io.Writer) (io.WriteCloser, error) { return age.Encrypt(w, r) }
}

// sealedSnapshot writes the in-memory journal, encrypted with enc (nil:
// the journal's own key), to dest: whole or not at all, never over an
// existing file, 0600. Encrypted with the journal's own key, it gets a copy
// of the key file beside it, so it opens like the journal, with the
// passphrase of the day it was made (or the recovery key).
func (s *Store) sealedSnapshot(ctx context.Context, dest string, enc Encrypter) error {
	if _, err := os.Lstat(dest); err == nil {
		return fmt.Errorf("%s already exists: %w", dest, fs.ErrExist)
	}
	own := enc == nil
	enc = s.backupEncrypter(enc)
	if own {
		key, err := os.ReadFile(KeyPath(s.path))
		if err != nil {
			return fmt.Errorf("cannot read the key file %s: %w", KeyPath(s.path), unwrapPathErr(err))
		}
		os.Remove(KeyPath(dest)) // a leftover of a backup since removed
		if err := placeBackup(KeyPath(dest), func(w io.Writer) error { _, err := w.Write(key); return err }); err != nil {
			return err
		}
	}
	img, err := s.serialize(ctx)
	if err != nil {
		return s.Explain(err)
	}
	defer clear(img)
	tmp, err := os.CreateTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".tmp-*") // 0600
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", dest, unwrapPathErr(err))
	}
	defer os.Remove(tmp.Name())
	err = func() error {
		defer tmp.Close()
		w, err := enc(tmp)
		if err != nil {
			return err
		}
		if _, err := w.Write(img); err != nil {
			return err
		}
		if err := w.Close(); err != nil {
			return err
		}
		return tmp.Sync()
	}()
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", dest, err)
	}
	return placeNew(tmp.Name(), dest)
}

// snapshot copies the database behind db to dest with VACUUM INTO, which
// reads one consistent snapshot however many writers are at work.
func snapshot(ctx context.Context, db *sql.DB, src, dest string, enc Encrypter) error {
	dir := filepath.Dir(dest)
	if _, err := os.Lstat(dest); err == nil {
		return fmt.Errorf("%s already exists: %w", dest, fs.ErrExist)
	}
	// VACUUM INTO writes into an empty file that exists: creating it here
	// first makes it 0600 from the start, whatever the umask.
	plain, err := os.CreateTemp(dir, "."+filepath.Base(dest)+".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", dest, unwrapPathErr(err))
	}
	plainPath := plain.Name()
	plain.Close()
	defer os.Remove(plainPath)
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", plainPath); err != nil {
		if e := Explain(src, err); IsDamaged(e) {
			return e
		}
		return fmt.Errorf("cannot copy %s: %w", src, err)
	}
	out := plainPath
	if enc != nil {
		cipher, err := encryptFile(plainPath, dir, dest, enc)
		if err != nil {
			return err
		}
		defer os.Remove(cipher)
		out = cipher
	}
	if err := syncFile(out); err != nil {
		return fmt.Errorf("cannot write %s: %w", dest, err)
	}
	return placeNew(out, dest)
}

// encryptFile writes an encrypted copy of plain to a temporary file beside
// dest and returns its name.
func encryptFile(plain, dir, dest string, enc Encrypter) (string, error) {
	in, err := os.Open(plain)
	if err != nil {
		return "", err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(dest)+".tmp-*")
	if err != nil {
		return "", fmt.Errorf("cannot write %s: %w", dest, unwrapPathErr(err))
	}
	ok := false
	defer func() {
		tmp.Close()
		if !ok {
			os.Remove(tmp.Name())
		}
	}()
	w, err := enc(tmp)
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(w, in); err != nil {
		return "", fmt.Errorf("cannot write %s: %w", dest, err)
	}
	if err := w.Close(); err != nil {
		return "", fmt.Errorf("cannot write %s: %w", dest, err)
	}
	ok = true
	return tmp.Name(), nil
}

// placeNew moves tmp to dest without ever replacing a file already there:
// a hard link fails on an existing name where a rename would not.
func placeNew(tmp, dest string) error {
	if err := os.Link(tmp, dest); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists: %w", dest, fs.ErrExist)
		}
		// Some file systems have no hard links; the check above is then
		// the only guard, and the window is a moment.
		if _, serr := os.Lstat(dest); serr == nil {
			return fmt.Errorf("%s already exists: %w", dest, fs.ErrExist)
		}
		if err := os.Rename(tmp, dest); err != nil {
			return fmt.Errorf("cannot write %s: %w", dest, unwrapPathErr(err))
		}
	}
	syncDir(filepath.Dir(dest))
	return nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// syncDir makes a rename in dir survive a crash; where a folder cannot be
// synced (some systems), the rename still happened.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// BackupInFolder makes a backup in the journal's backups folder (created
// 0700), named by now and reason, then keeps only the newest keep backups
// (keep < 1 keeps all). It returns the new file's path.
func (s *Store) BackupInFolder(ctx context.Context, now time.Time, reason string, keep int, enc Encrypter) (string, error) {
	if s.enc != nil {
		named := enc
		if named == nil {
			named = s.backupEncrypter(nil) // names the file .db.age
		}
		dest, err := backupInFolderWith(s.path, now, reason, keep, named, func(dest string) error {
			return s.sealedSnapshot(ctx, dest, enc)
		})
		return dest, s.copyErr(err)
	}
	dest, err := backupInFolder(ctx, s.db, s.path, now, reason, keep, enc)
	return dest, s.copyErr(err)
}

func backupInFolder(ctx context.Context, db *sql.DB, journalPath string, now time.Time, reason string, keep int, enc Encrypter) (string, error) {
	return backupInFolderWith(journalPath, now, reason, keep, enc, func(dest string) error {
		return snapshot(ctx, db, journalPath, dest, enc)
	})
}

// backupInFolderWith names the new backup and makes it with copy.
func backupInFolderWith(journalPath string, now time.Time, reason string, keep int, enc Encrypter, copy func(dest string) error) (string, error) {
	dir := BackupDir(journalPath)
	if err := mkdirPrivate(dir); err != nil {
		return "", err
	}
	base := strings.TrimSuffix(filepath.Base(dir), "-backups") + "-" + now.In(time.Local).Format(backupStampLayout)
	if reason != "" {
		base += "-" + reason
	}
	ext := ".db"
	if enc != nil {
		ext = ".db.age"
	}
	var dest string
	for i := 1; ; i++ {
		dest = filepath.Join(dir, base+ext)
		if i > 1 {
			dest = filepath.Join(dir, fmt.Sprintf("%s-%d%s", base, i, ext))
		}
		err := copy(dest)
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrExist) || i > 50 {
			return "", err
		}
	}
	if keep > 0 {
		if err := pruneBackups(journalPath, keep); err != nil {
			return dest, err
		}
	}
	return dest, nil
}

// pruneBackups removes all but the newest keep backups.
func pruneBackups(journalPath string, keep int) error {
	bs, err := Backups(journalPath)
	if err != nil {
		return err
	}
	for i := 0; i < len(bs)-keep; i++ {
		if err := os.Remove(bs[i].Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("cannot remove the old backup %s: %w", bs[i].Path, unwrapPathErr(err))
		}
		os.Remove(bs[i].Path + "-wal") // kept with a journal copied as it was
		os.Remove(KeyPath(bs[i].Path)) // an encrypted journal's backup has its key beside it
	}
	return nil
}

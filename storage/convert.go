package storage

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"filippo.io/age"

	"journal/journal"
)

// Encrypt turns the plain journal at path into an encrypted one at the
// same path, locked with pass (scrypt at workFactor, 0 for age's default).
// When recovery is not empty, the journal's key is also written there
// (mode 0600, never over an existing file), before anything else changes.
// The plain file is replaced; its -wal and -shm are removed and the old
// file's content overwritten where the disk allows. It returns the new key
// (for a KeyCache).
func Encrypt(ctx context.Context, path, pass string, workFactor int, recovery string) (*age.X25519Identity, error) {
	if IsEncrypted(path) {
		return nil, journal.Invalid("%s is already encrypted: nothing was changed (to change its passphrase, run journal passphrase)", path)
	}
	s, err := Open(ctx, path, nil)
	if err != nil {
		return nil, err
	}
	if err := s.writable(); err != nil {
		s.Close()
		return nil, err
	}
	// Writers of the plain journal wait on SQLite's lock while the copy is
	// taken; the file is replaced before that lock goes.
	c, err := s.db.Conn(ctx)
	if err != nil {
		s.Close()
		return nil, s.Explain(err)
	}
	img, err := func() ([]byte, error) {
		if _, err := c.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
			return nil, err
		}
		if _, err := c.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
			return nil, err
		}
		var img []byte
		err := c.Raw(func(dc any) error {
			var err error
			img, err = dc.(interface{ Serialize() ([]byte, error) }).Serialize()
			return err
		})
		return img, err
	}()
	defer func() {
		c.ExecContext(ctx, "ROLLBACK")
		c.Close()
		s.Close()
		// Closing the last connection has removed the -wal and -shm; make
		// sure, whatever else had it open.
		for _, side := range []string{"-wal", "-shm", "-journal"} {
			os.Remove(path + side)
		}
	}()
	if err != nil {
		return nil, s.Explain(err)
	}
	defer clear(img)
	// The in-memory journal has no WAL: mark the image as a rollback one.
	img[18], img[19] = 1, 1

	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, err
	}
	wrapped, err := wrapKey(id, pass, workFactor)
	if err != nil {
		return nil, err
	}
	if recovery != "" {
		if err := WriteRecoveryKey(recovery, id); err != nil {
			return nil, err
		}
	}
	if err := replaceFile(KeyPath(path), func(w io.Writer) error { _, err := w.Write(wrapped); return err }); err != nil {
		return nil, err
	}
	old, _ := os.OpenFile(path, os.O_WRONLY, 0)
	if _, err := sealTo(path, img, id.Recipient()); err != nil {
		if old != nil {
			old.Close()
		}
		os.Remove(KeyPath(path))
		return nil, err
	}
	// Backups made while it was plain are encrypted too.
	if _, err := sealBackups(path, id.Recipient()); err != nil {
		return id, err
	}
	if old != nil {
		// The old plain file is now unlinked: overwrite what it held, for
		// disks that write in place. SSDs and copy-on-write file systems
		// may keep the old blocks anyway (the README says so).
		wipe(old)
		old.Close()
	}
	return id, nil
}

// wipe overwrites an open file with zeros and syncs it; best effort.
func wipe(f *os.File) {
	fi, err := f.Stat()
	if err != nil {
		return
	}
	zero := make([]byte, 64<<10)
	for n := fi.Size(); n > 0; n -= int64(len(zero)) {
		if _, err := f.Write(zero[:min(int64(len(zero)), n)]); err != nil {
			return
		}
	}
	f.Sync()
}

// WriteRecoveryKey writes id to file as an age identity (mode 0600). An
// existing file is never replaced.
func WriteRecoveryKey(file string, id *age.X25519Identity) error {
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return journal.Invalid("%s already exists: nothing was changed; give a new file name for the recovery key", file)
	}
	if err != nil {
		return fmt.Errorf("cannot write the recovery key to %s: %w", file, unwrapPathErr(err))
	}
	_, err = fmt.Fprintf(f, "# journal recovery key, made %s\n# It opens the journal without its passphrase: journal decrypt --recovery-key FILE,\n# or age -d -i FILE JOURNAL > journal-plain.db. Keep it offline, away from the journal.\n%s\n",
		time.Now().Format("2006-01-02"), id)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(file)
		return fmt.Errorf("cannot write the recovery key to %s: %w", file, err)
	}
	return nil
}

// ReadRecoveryKey reads an age X25519 identity written by WriteRecoveryKey
// (or age-keygen).
func ReadRecoveryKey(file string) (*age.X25519Identity, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, journal.Invalid("cannot read the recovery key %s: %v", file, unwrapPathErr(err))
	}
	defer f.Close()
	ids, err := age.ParseIdentities(f)
	if err == nil && len(ids) == 1 {
		if id, ok := ids[0].(*age.X25519Identity); ok {
			return id, nil
		}
	}
	return nil, journal.Invalid("%s is not a recovery key (an age identity starting AGE-SECRET-KEY-): give the file journal encrypt --recovery-key wrote", file)
}

// Decrypt turns the encrypted journal at path back into a plain one, with
// the key u gives. The key file and lock beside it are removed.
func Decrypt(ctx context.Context, path string, u Unlock) error {
	if !IsEncrypted(path) {
		return fmt.Errorf("%s is not encrypted: nothing was changed", path)
	}
	s, err := OpenWith(ctx, path, nil, u)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.writable(); err != nil {
		return err
	}
	if err := s.lockAndCatchUp(ctx); err != nil {
		return err
	}
	defer s.unlock()
	img, err := s.serialize(ctx)
	if err != nil {
		return s.Explain(err)
	}
	defer clear(img)
	if err := replaceFile(path, func(w io.Writer) error { _, err := w.Write(img); return err }); err != nil {
		return err
	}
	// Without the key file nothing would open the backups made while it
	// was encrypted: they become plain too.
	if _, err := openBackups(path, s.enc.id); err != nil {
		return err
	}
	os.Remove(KeyPath(path))
	if u.Cache != nil {
		u.Cache.Forget(path)
	}
	return nil
}

// ChangePassphrase locks the encrypted journal's key with a new
// passphrase, asked with newPass once the current passphrase (or recovery
// key) from u is known to open the journal. Only the key file is
// rewritten: the journal stays as it is, and so does a recovery key.
func ChangePassphrase(ctx context.Context, path string, u Unlock, newPass func() (string, error), workFactor int) error {
	if !IsEncrypted(path) {
		return journal.Invalid("%s is not encrypted, so it has no passphrase: run journal encrypt to lock it with one", path)
	}
	ct, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", path, unwrapPathErr(err))
	}
	u.Cache = nil // the old passphrase must be known, not merely cached
	id, err := u.identity(ctx, path, ct)
	if err != nil {
		return err
	}
	if !opens(id, ct) {
		return &WrongKeyError{Path: path, What: "recovery key"}
	}
	pass, err := newPass()
	if err != nil {
		return err
	}
	wrapped, err := wrapKey(id, pass, workFactor)
	if err != nil {
		return err
	}
	return replaceFile(KeyPath(path), func(w io.Writer) error { _, err := w.Write(wrapped); return err })
}

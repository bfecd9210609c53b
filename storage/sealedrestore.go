package storage

import (
	"bytes"
	"context"
	"errors"
	"time"

	"journal/journal"
)

// OpenOwnBackup decrypts b, a backup made of this encrypted journal with
// its own key, into the SQLite image. It returns a *WrongKeyError for an
// age file made for another key or passphrase.
func (s *Store) OpenOwnBackup(name string, b []byte) ([]byte, error) {
	if s.enc == nil {
		return nil, &WrongKeyError{Path: name, What: "key"}
	}
	return decryptImage(name, b, s.enc.id, "key")
}

// ReplaceWith puts the backup image img in place of the encrypted journal,
// checked first as a plain restore checks a file, with the journal as it
// was kept in the backups folder (encrypted), and saves it encrypted. No
// plain copy reaches the disk. It returns the backup of the old journal.
func (s *Store) ReplaceWith(ctx context.Context, name string, img []byte, now time.Time) (string, Contents, error) {
	if s.enc == nil {
		return "", Contents{}, errors.New("ReplaceWith is for an encrypted journal")
	}
	if err := s.writable(); err != nil {
		return "", Contents{}, err
	}
	if !bytes.HasPrefix(img, sqliteMagic) {
		return "", Contents{}, journal.Invalid("%s is not a journal backup (it is not an SQLite database): nothing was changed", name)
	}
	img = bytes.Clone(img)
	defer clear(img)
	img[18], img[19] = 1, 1 // in memory there is no WAL
	chk, err := openMemory(ctx, name, img)
	if err != nil {
		return "", Contents{}, journal.Invalid("%s is damaged: choose another backup; nothing was changed", name)
	}
	c, err := checkBackupDB(ctx, chk.db, name)
	chk.Close()
	if err != nil {
		return "", Contents{}, err
	}
	if err := s.lockAndCatchUp(ctx); err != nil {
		return "", Contents{}, err
	}
	defer s.unlock()
	aside, err := s.BackupInFolder(ctx, now, "before-restore", 0, nil)
	if err != nil {
		return "", Contents{}, err
	}
	if err := s.deserialize(ctx, img); err != nil {
		return aside, Contents{}, err
	}
	if err := s.migrate(ctx); err != nil {
		return aside, Contents{}, err
	}
	return aside, c, s.save(ctx)
}

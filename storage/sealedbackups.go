package storage

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"filippo.io/age"
)

// sealBackups encrypts to r every plain backup in the journal's backups
// folder, when the journal itself is encrypted: a backup name.db becomes
// name.db.age and the plain file is overwritten and removed. It returns
// how many were encrypted.
func sealBackups(journalPath string, r age.Recipient) (int, error) {
	bs, err := Backups(journalPath)
	if err != nil {
		return 0, err
	}
	key, err := os.ReadFile(KeyPath(journalPath))
	if err != nil {
		return 0, fmt.Errorf("cannot read the key file %s: %w", KeyPath(journalPath), unwrapPathErr(err))
	}
	n := 0
	for _, b := range bs {
		if b.Encrypted {
			continue
		}
		plain, err := os.ReadFile(b.Path)
		if err != nil {
			return n, fmt.Errorf("cannot encrypt the backup %s: %w", b.Path, unwrapPathErr(err))
		}
		err = placeBackup(b.Path+".age", func(w io.Writer) error {
			aw, err := age.Encrypt(w, r)
			if err != nil {
				return err
			}
			if _, err := aw.Write(plain); err != nil {
				return err
			}
			return aw.Close()
		})
		clear(plain)
		if err != nil {
			return n, err
		}
		// Each backup opens like the journal: its key file beside it.
		os.Remove(KeyPath(b.Path + ".age"))
		if err := placeBackup(KeyPath(b.Path+".age"), func(w io.Writer) error { _, err := w.Write(key); return err }); err != nil {
			return n, err
		}
		for _, p := range []string{b.Path, b.Path + "-wal"} {
			if f, err := os.OpenFile(p, os.O_WRONLY, 0); err == nil {
				wipe(f)
				f.Close()
			}
			os.Remove(p)
		}
		os.Remove(b.Path + "-shm")
		n++
	}
	return n, nil
}

// openBackups decrypts the backups in the folder that id opens (those made
// while the journal was encrypted), when the journal is decrypted: once its
// key file is gone nothing else would open them. Others stay as they are.
func openBackups(journalPath string, id age.Identity) (int, error) {
	bs, err := Backups(journalPath)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, b := range bs {
		if !b.Encrypted {
			continue
		}
		ct, err := os.ReadFile(b.Path)
		if err != nil {
			return n, fmt.Errorf("cannot read the backup %s: %w", b.Path, unwrapPathErr(err))
		}
		r, err := age.Decrypt(bytes.NewReader(ct), id)
		if err != nil {
			continue // encrypted for someone else, or with a passphrase
		}
		img, err := io.ReadAll(r)
		if err != nil {
			continue // damaged: left for doctor to report
		}
		err = placeBackup(strings.TrimSuffix(b.Path, ".age"), func(w io.Writer) error {
			_, err := w.Write(img)
			return err
		})
		clear(img)
		if err != nil {
			return n, err
		}
		os.Remove(b.Path)
		os.Remove(KeyPath(b.Path))
		n++
	}
	return n, nil
}

// placeBackup writes a new file at dest with write: temporary file, synced,
// then placed without replacing anything already there.
func placeBackup(dest string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", dest, unwrapPathErr(err))
	}
	defer os.Remove(tmp.Name())
	err = func() error {
		defer tmp.Close()
		if err := write(tmp); err != nil {
			return err
		}
		return tmp.Sync()
	}()
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", dest, err)
	}
	return placeNew(tmp.Name(), dest)
}

package storage

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"filippo.io/age"
)

// An encrypted journal is one age file (https://age-encryption.org) at the
// journal's own path, holding the whole SQLite image, encrypted to the
// journal's X25519 identity. The identity is in KeyPath(path), itself age-
// encrypted with the passphrase (scrypt). Each command decrypts the image
// into memory; a write takes the sidecar lock, re-reads the file if another
// process saved meanwhile, and saves the new image by temp file + fsync +
// rename + directory fsync before letting go of the lock.

// ageMagic opens every binary age file.
const ageMagic = "age-encryption.org/v1\n"

// IsEncrypted reports whether the file at path is an encrypted journal (an
// age file). A missing or unreadable file is not.
func IsEncrypted(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	b := make([]byte, len(ageMagic))
	_, err = io.ReadFull(f, b)
	return err == nil && string(b) == ageMagic
}

// KeyPath is the file beside an encrypted journal that holds its key: an
// age X25519 identity, age-encrypted with the passphrase.
func KeyPath(path string) string { return path + ".key.age" }

// lockPath is the sidecar file writers lock. The journal itself cannot be
// locked: every save replaces its inode.
func lockPath(path string) string { return path + ".lock" }

// Unlock says how to get the key of an encrypted journal. The zero value
// opens plain journals only.
type Unlock struct {
	// Passphrase asks for the journal's passphrase; it is called only when
	// the key is not cached, with again set after a wrong one (see Tries).
	// Nil: an encrypted journal cannot be opened.
	Passphrase func(ctx context.Context, again bool) (string, error)
	// Tries is how many passphrases are taken before a wrong one is an
	// error: more than one only where a person types them.
	Tries int
	// Cache keeps the key between commands; nil keeps nothing.
	Cache KeyCache
	// Recovery, when set, opens the journal instead of the passphrase.
	Recovery *age.X25519Identity
	// WorkFactor is scrypt's log2(N) for a new key file; 0 is age's
	// default, 18 (about a second and 256 MiB). Tests use less.
	WorkFactor int
}

// KeyCache keeps unlocked journal keys for a while, by journal path.
type KeyCache interface {
	Get(path string) (key string, ok bool)
	Put(path, key string) error
	Forget(path string) error
}

// ErrLocked is returned when an encrypted journal's key is neither cached
// nor obtainable here (no terminal, no JOURNAL_PASSPHRASE).
var ErrLocked = errors.New("locked")

// WrongKeyError is a passphrase or recovery key that does not open the
// journal. The file is untouched.
type WrongKeyError struct{ Path, What string }

func (e *WrongKeyError) Error() string {
	return fmt.Sprintf("that %s does not open %s; nothing was changed: try again (check Caps Lock and the keyboard layout)", e.What, e.Path)
}

// sealed is what a Store holds for an encrypted journal.
type sealed struct {
	id *age.X25519Identity
	// head is the start of the file as last read or written: age's header
	// and nonce are fresh random bytes on every save, so a different head
	// means another process has saved since.
	head []byte
	// lock is the sidecar lock while a write is under way.
	lock *os.File
}

// headLen covers age's header (recipient stanza, MAC) and payload nonce.
const headLen = 512

func headOf(b []byte) []byte { return bytes.Clone(b[:min(len(b), headLen)]) }

// readHead reads the head of the file at path; nil when it cannot.
func readHead(path string) []byte {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	b := make([]byte, headLen)
	n, _ := io.ReadFull(f, b)
	return b[:n]
}

// identity finds the journal's key: the recovery identity, the cache, or
// the passphrase, in that order. The passphrase's key is cached. ct is the
// journal file, or at least its head (age's header).
func (u Unlock) identity(ctx context.Context, path string, ct []byte) (*age.X25519Identity, error) {
	if u.Recovery != nil {
		return u.Recovery, nil
	}
	if u.Cache != nil {
		if k, ok := u.Cache.Get(path); ok {
			if id, err := age.ParseX25519Identity(k); err == nil && opens(id, ct) {
				return id, nil
			}
			u.Cache.Forget(path) // a stale key, for a journal since replaced
		}
	}
	id, err := u.unwrap(ctx, path)
	if err != nil {
		return nil, err
	}
	if u.Cache != nil {
		u.Cache.Put(path, id.String()) // no cache (a container): asked each time
	}
	return id, nil
}

// opens reports whether id is a recipient of the age file ct, from its
// header alone.
func opens(id *age.X25519Identity, ct []byte) bool {
	_, err := age.Decrypt(bytes.NewReader(ct), id)
	return err == nil
}

// unwrap asks for the passphrase and decrypts the key file with it.
func (u Unlock) unwrap(ctx context.Context, path string) (*age.X25519Identity, error) {
	wrapped, err := os.ReadFile(KeyPath(path))
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s is encrypted but its key file %s is missing: put the key file back beside it, or use `journal decrypt --recovery-key FILE` with your recovery key", path, KeyPath(path))
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read the key file %s: %w", KeyPath(path), unwrapPathErr(err))
	}
	if u.Passphrase == nil {
		return nil, ErrLocked
	}
	for try := 1; ; try++ {
		pass, err := u.Passphrase(ctx, try > 1)
		if err != nil {
			return nil, err
		}
		id, err := unwrapKey(path, wrapped, pass)
		var wk *WrongKeyError
		if errors.As(err, &wk) && try < u.Tries {
			continue
		}
		return id, err
	}
}

func unwrapKey(path string, wrapped []byte, pass string) (*age.X25519Identity, error) {
	si, err := age.NewScryptIdentity(pass)
	if err != nil {
		return nil, &WrongKeyError{Path: path, What: "passphrase"}
	}
	si.SetMaxWorkFactor(22)
	r, err := age.Decrypt(bytes.NewReader(wrapped), si)
	var nm *age.NoIdentityMatchError
	if errors.As(err, &nm) {
		return nil, &WrongKeyError{Path: path, What: "passphrase"}
	}
	if err != nil {
		return nil, fmt.Errorf("the key file %s is damaged or not one of journal's (%v): use `journal decrypt --recovery-key FILE` with your recovery key, or put back a backup of the key file", KeyPath(path), err)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("the key file %s is damaged (%v): use `journal decrypt --recovery-key FILE` with your recovery key, or put back a backup of the key file", KeyPath(path), err)
	}
	defer clear(b)
	ids, err := age.ParseIdentities(bytes.NewReader(b))
	if err != nil || len(ids) != 1 {
		return nil, fmt.Errorf("the key file %s holds no journal key: use `journal decrypt --recovery-key FILE` with your recovery key", KeyPath(path))
	}
	id, ok := ids[0].(*age.X25519Identity)
	if !ok {
		return nil, fmt.Errorf("the key file %s holds no journal key: use `journal decrypt --recovery-key FILE` with your recovery key", KeyPath(path))
	}
	return id, nil
}

// wrapKey encrypts id with the passphrase, as an age file.
func wrapKey(id *age.X25519Identity, pass string, workFactor int) ([]byte, error) {
	r, err := age.NewScryptRecipient(pass)
	if err != nil {
		return nil, err
	}
	if workFactor > 0 {
		r.SetWorkFactor(workFactor)
	}
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, r)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(w, "# journal key: decrypts the journal file beside this one (age -d -i KEY FILE)\n%s\n", id)
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// decryptImage opens the age file ct with id into the SQLite image. A file
// for another key, or damaged, or cut short, is refused before SQLite sees
// any of it.
func decryptImage(path string, ct []byte, id age.Identity, what string) ([]byte, error) {
	return decryptFrom(path, bytes.NewReader(ct), int64(len(ct)), id, what)
}

// decryptFrom is decryptImage reading the age file from r, size bytes long.
func decryptFrom(path string, in io.Reader, size int64, id age.Identity, what string) ([]byte, error) {
	r, err := age.Decrypt(in, id)
	var nm *age.NoIdentityMatchError
	if errors.As(err, &nm) {
		return nil, &WrongKeyError{Path: path, What: what}
	}
	if err != nil {
		return nil, &FileError{Problem: ProblemDamaged, Path: path, Err: err}
	}
	// The image is a little shorter than the ciphertext: one allocation.
	buf := bytes.NewBuffer(make([]byte, 0, size))
	_, err = buf.ReadFrom(r)
	img := buf.Bytes()
	if err != nil {
		clear(img)
		return nil, &FileError{Problem: ProblemDamaged, Path: path, Err: err}
	}
	if !bytes.HasPrefix(img, sqliteMagic) {
		clear(img)
		return nil, &FileError{Problem: ProblemNotDatabase, Path: path}
	}
	return img, nil
}

// openSealed opens the encrypted journal at path into memory.
func (t trust) openSealed(ctx context.Context, path string, now func() time.Time, u Unlock) (*Store, error) {
	// The file is decrypted as it is read, so its ciphertext is never held
	// whole: one buffer fewer to allocate and fill on every command.
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, unwrapPathErr(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, unwrapPathErr(err))
	}
	head := make([]byte, headLen)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	id, err := u.identity(ctx, path, head)
	if err != nil {
		return nil, err
	}
	what := "passphrase"
	if u.Recovery != nil {
		what = "recovery key"
	}
	img, err := decryptFrom(path, io.MultiReader(bytes.NewReader(head), bufio.NewReaderSize(f, 256<<10)), fi.Size(), id, what)
	if err != nil {
		return nil, err
	}
	s, err := openMemory(ctx, path, img)
	clear(img)
	if err != nil {
		return nil, err
	}
	s.Now = now
	s.enc = &sealed{id: id, head: head}
	if !t.writable(path) {
		s.readOnly = &FileError{Problem: ProblemReadOnly, Path: path, Blocker: path, Why: readOnlyWhy(path)}
	} else if dir := filepath.Dir(path); !t.writable(dir) {
		s.readOnly = &FileError{Problem: ProblemReadOnly, Path: path, Blocker: dir, Why: "is a read-only folder (each save writes a new file beside the journal)"}
	}
	version, _, err := s.check(ctx)
	if err != nil {
		s.db.Close()
		return nil, err
	}
	if version < len(migrations) {
		if s.readOnly != nil {
			s.db.Close()
			e := *s.readOnly
			e.Why += ", and this journal was made by an older version of journal: its layout must be brought up to date once, which needs writing"
			return nil, &e
		}
		if err := s.write(ctx, s.migrate); err != nil {
			s.db.Close()
			return nil, err
		}
	}
	return s, nil
}

// openMemory opens an in-memory database on one connection holding img.
// One connection: each connection to ":memory:" is its own database.
func openMemory(ctx context.Context, path string, img []byte) (*Store, error) {
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "cell_size_check(1)")
	// Sorts and temporary tables stay in memory: SQLite's compiled-in
	// default would spill them to files in the clear.
	q.Add("_pragma", "temp_store(memory)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file::memory:?"+q.Encode())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	s := &Store{db: db, path: path}
	if err := s.deserialize(ctx, img); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) deserialize(ctx context.Context, img []byte) error {
	c, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	err = c.Raw(func(dc any) error {
		d, ok := dc.(interface{ Deserialize([]byte) error })
		if !ok {
			return errors.New("this SQLite driver cannot load a journal into memory")
		}
		return d.Deserialize(img)
	})
	if err != nil {
		return &FileError{Problem: ProblemDamaged, Path: s.path, Err: err}
	}
	return nil
}

func (s *Store) serialize(ctx context.Context) ([]byte, error) {
	c, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	var img []byte
	err = c.Raw(func(dc any) error {
		d, ok := dc.(interface{ Serialize() ([]byte, error) })
		if !ok {
			return errors.New("this SQLite driver cannot save a journal from memory")
		}
		img, err = d.Serialize()
		return err
	})
	return img, err
}

// Encrypted reports whether the journal is an encrypted one.
func (s *Store) Encrypted() bool { return s.enc != nil }

// write runs fn as the one writer of the journal: for an encrypted journal
// it takes the sidecar lock, catches up with any save made by another
// process since this one read the file, and, when fn changed anything,
// saves the journal before letting go. A plain journal just runs fn.
func (s *Store) write(ctx context.Context, fn func(ctx context.Context) error) error {
	if s.enc == nil {
		return fn(ctx)
	}
	if err := s.lockAndCatchUp(ctx); err != nil {
		return err
	}
	defer s.unlock()
	before, err := s.totalChanges(ctx)
	if err != nil {
		return s.Explain(err)
	}
	if err := fn(ctx); err != nil {
		return err
	}
	after, err := s.totalChanges(ctx)
	if err != nil {
		return s.Explain(err)
	}
	if after == before {
		return nil // nothing changed: the file stays as it is
	}
	return s.save(ctx)
}

func (s *Store) totalChanges(ctx context.Context) (int64, error) {
	var n int64
	err := s.db.QueryRowContext(ctx, "SELECT total_changes()").Scan(&n)
	return n, err
}

// lockAndCatchUp takes the sidecar lock and, when the file is no longer
// the one this process read, loads it again.
func (s *Store) lockAndCatchUp(ctx context.Context) error {
	f, err := os.OpenFile(lockPath(s.path), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return writeErr(s.path, err)
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil && !errors.Is(err, syscall.ENOLCK) && !errors.Is(err, syscall.EOPNOTSUPP) {
		f.Close()
		return writeErr(s.path, err)
	}
	s.enc.lock = f
	if bytes.Equal(readHead(s.path), s.enc.head) {
		return nil // nobody saved since: the journal in memory is current
	}
	ct, err := os.ReadFile(s.path)
	if err != nil {
		s.unlock()
		return writeErr(s.path, err)
	}
	if !bytes.HasPrefix(ct, []byte(ageMagic)) {
		s.unlock()
		return fmt.Errorf("%s was decrypted by another journal command while this one ran, so nothing was saved: run this command again", s.path)
	}
	img, err := decryptImage(s.path, ct, s.enc.id, "key")
	if err != nil {
		s.unlock()
		return err
	}
	err = s.deserialize(ctx, img)
	clear(img)
	if err != nil {
		s.unlock()
		return err
	}
	s.enc.head = headOf(ct)
	return nil
}

func (s *Store) unlock() {
	if s.enc.lock != nil {
		s.enc.lock.Close() // closing lets go of the flock
		s.enc.lock = nil
	}
}

// save writes the in-memory journal to its file, encrypted, atomically.
func (s *Store) save(ctx context.Context) error {
	img, err := s.serialize(ctx)
	if err != nil {
		return s.Explain(err)
	}
	defer clear(img)
	head, err := sealTo(s.path, img, s.enc.id.Recipient())
	if err != nil {
		return err
	}
	s.enc.head = head
	return nil
}

// sealTo encrypts img to r and puts it at path atomically: a reader, or a
// crash at any moment, sees the old file or the new one, whole. It returns
// the new file's head.
func sealTo(path string, img []byte, r age.Recipient) ([]byte, error) {
	var head []byte
	err := replaceFile(path, func(w io.Writer) error {
		hw := &headWriter{w: w}
		aw, err := age.Encrypt(hw, r)
		if err != nil {
			return err
		}
		if _, err := aw.Write(img); err != nil {
			return err
		}
		if err := aw.Close(); err != nil {
			return err
		}
		head = hw.head
		return nil
	})
	return head, err
}

// headWriter keeps the first headLen bytes written through it.
type headWriter struct {
	w    io.Writer
	head []byte
}

func (h *headWriter) Write(p []byte) (int, error) {
	if n := headLen - len(h.head); n > 0 {
		h.head = append(h.head, p[:min(n, len(p))]...)
	}
	return h.w.Write(p)
}

// replaceFile writes a new file at path with write: a 0600 temporary file
// beside it, synced, renamed over path, and the folder synced so the rename
// itself survives a power cut. Temporary files left by a process killed
// while saving hold only ciphertext; they are removed here.
func replaceFile(path string, write func(io.Writer) error) error {
	dir, base := filepath.Dir(path), filepath.Base(path)
	if old, _ := filepath.Glob(filepath.Join(dir, "."+globEscape(base)+".save-*")); len(old) > 0 {
		for _, p := range old {
			os.Remove(p)
		}
	}
	f, err := os.CreateTemp(dir, "."+base+".save-*") // 0600
	if err != nil {
		return writeErr(path, err)
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	bw := bufio.NewWriterSize(f, 256<<10)
	if err := write(bw); err != nil {
		return writeErr(path, err)
	}
	if err := bw.Flush(); err != nil {
		return writeErr(path, err)
	}
	if err := f.Sync(); err != nil {
		return writeErr(path, err)
	}
	if err := f.Close(); err != nil {
		return writeErr(path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return writeErr(path, err)
	}
	ok = true
	return syncFolder(dir)
}

func syncFolder(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil // nothing more can be done for the rename
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return writeErr(dir, err)
	}
	return nil
}

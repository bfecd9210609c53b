package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Drafts keeps unfinished answers as private files (0600, in a 0700
// folder beside the journal), one per form. They live outside the
// database so that a locked, read-only or full journal cannot lose them.
// When Dir cannot be written (a read-only or immutable folder), drafts go
// to Fallback, a private folder of the person's own; Load, Path and Drop
// look in both.
type Drafts struct {
	Dir      string
	Fallback string // "" for none
}

// Draft is one form's unfinished answers.
type Draft struct {
	Saved time.Time       `json:"saved"` // when it was last written
	Began time.Time       `json:"began"` // when the person began answering
	Data  json.RawMessage `json:"answers"`
}

// Path is the file that holds the draft kept under key: the one beside
// the journal, unless only the fallback folder holds it.
func (d Drafts) Path(key string) string {
	p := d.path(d.Dir, key)
	if d.Fallback == "" {
		return p
	}
	if _, err := os.Lstat(p); err == nil {
		return p
	}
	if q := d.path(d.Fallback, key); fileExists(q) {
		return q
	}
	return p
}

func fileExists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// path is the file for key in the folder dir.
func (d Drafts) path(dir, key string) string {
	name := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.' {
			return r
		}
		return '-'
	}, key)
	return filepath.Join(dir, name+".json")
}

// Load returns the draft kept under key; false when there is none. A draft
// that cannot be read is reported, never removed.
func (d Drafts) Load(key string) (Draft, bool, error) {
	b, err := os.ReadFile(d.Path(key))
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		// No folder, or something else where it would be: no draft.
		return Draft{}, false, nil
	}
	if err != nil {
		return Draft{}, false, fmt.Errorf("cannot read the draft %s: %w", d.Path(key), err)
	}
	var dr Draft
	if err := json.Unmarshal(b, &dr); err != nil {
		return Draft{}, false, fmt.Errorf("the draft %s cannot be read (%v): move it aside to start fresh", d.Path(key), err)
	}
	return dr, true, nil
}

// Save writes the draft under key: a temporary file, synced, then renamed
// over the old one, so a crash leaves the old draft or the new, never half.
// When the folder beside the journal cannot take it, the draft goes to the
// fallback folder; the error names the first folder's failure.
func (d Drafts) Save(key string, dr Draft) error {
	b, err := json.Marshal(dr)
	if err != nil {
		return err
	}
	err = saveIn(d.Dir, d.path(d.Dir, key), b)
	if err == nil || d.Fallback == "" {
		if err == nil && d.Fallback != "" {
			// A fallback copy left from an earlier run is now older.
			_ = os.Remove(d.path(d.Fallback, key))
		}
		return err
	}
	if ferr := saveIn(d.Fallback, d.path(d.Fallback, key), b); ferr != nil {
		return err
	}
	return nil
}

// saveIn writes b to the file path in the private folder dir.
func saveIn(dir, path string, b []byte) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("cannot keep a draft in %s: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, ".draft-*")
	if err != nil {
		return fmt.Errorf("cannot keep a draft in %s: %w", dir, err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if err := tmp.Chmod(0o600); err == nil {
		_, err = tmp.Write(b)
		if err == nil {
			err = tmp.Sync()
		}
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(tmp.Name(), path)
		}
		if err == nil {
			return nil
		}
		return fmt.Errorf("cannot keep a draft in %s: %w", dir, err)
	}
	tmp.Close()
	return fmt.Errorf("cannot keep a draft in %s: %w", dir, err)
}

// Drop removes the draft kept under key, in both folders; none is fine.
func (d Drafts) Drop(key string) error {
	var first error
	for _, dir := range []string{d.Dir, d.Fallback} {
		if dir == "" {
			continue
		}
		err := os.Remove(d.path(dir, key))
		if err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) && first == nil {
			first = err
		}
	}
	return first
}

// keepEvery is how often, at most, a draft is written while the answers
// change: each write is an fsync and a rename, too slow to do on every
// key, yet often enough that little typing could ever be lost.
const keepEvery = 300 * time.Millisecond

// Keeper writes a form's answers to its draft as they change: the first
// change at once, later ones at most every keepEvery (the answers as they
// are then). Flush writes what is waiting; call it once the form is left,
// before saving and before naming the draft.
type Keeper struct {
	Drafts  Drafts
	Key     string
	Began   time.Time
	Now     func() time.Time
	Answers any // a pointer to the answers the form's fields write into

	mu        sync.Mutex
	initial   string // the answers before any typing: not worth a draft
	last      string
	pending   []byte // answers changed since the last write, not yet written
	timer     *time.Timer
	lastWrite time.Time
	Written   bool  // a draft holds this run's answers
	Err       error // the first failure to write, if any
}

// Start notes the answers as they are before the person types.
func (k *Keeper) Start() {
	b, _ := json.Marshal(k.Answers)
	k.initial, k.last = string(b), string(b)
}

// Changed notes the answers when they differ from the last noted, and
// writes them now or soon.
func (k *Keeper) Changed() {
	b, err := json.Marshal(k.Answers)
	k.mu.Lock()
	defer k.mu.Unlock()
	if err != nil || string(b) == k.last {
		return
	}
	if !k.Written && k.pending == nil && string(b) == k.initial {
		return
	}
	k.last = string(b)
	if string(b) == "{}" {
		// Every answer cleared: a draft would offer nothing.
		k.pending = nil
		if k.Drafts.Drop(k.Key) == nil {
			k.Written = false
		}
		return
	}
	k.pending = b
	wait := keepEvery - time.Since(k.lastWrite)
	if wait <= 0 {
		k.write()
		return
	}
	if k.timer == nil {
		k.timer = time.AfterFunc(wait, k.Flush)
	}
}

// Flush writes answers still waiting to be written, at once.
func (k *Keeper) Flush() {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.timer != nil {
		k.timer.Stop()
		k.timer = nil
	}
	if k.pending != nil {
		k.write()
	}
}

// DraftErr is the first failure to write the draft, if any.
func (k *Keeper) DraftErr() error {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.Err
}

// write writes k.pending; k.mu is held.
func (k *Keeper) write() {
	b := k.pending
	k.pending = nil
	k.lastWrite = time.Now()
	if err := k.Drafts.Save(k.Key, Draft{Saved: k.Now(), Began: k.Began, Data: b}); err != nil {
		if k.Err == nil {
			k.Err = err
		}
		return
	}
	k.Written = true
}

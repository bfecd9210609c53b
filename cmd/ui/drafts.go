package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// Drafts keeps unfinished answers as private files (0600, in a 0700
// folder beside the journal), one per form. They live outside the
// database so that a locked, read-only or full journal cannot lose them.
type Drafts struct {
	Dir string
}

// Draft is one form's unfinished answers.
type Draft struct {
	Saved time.Time       `json:"saved"` // when it was last written
	Began time.Time       `json:"began"` // when the person began answering
	Data  json.RawMessage `json:"answers"`
}

// Path is the file that holds the draft kept under key.
func (d Drafts) Path(key string) string {
	name := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.' {
			return r
		}
		return '-'
	}, key)
	return filepath.Join(d.Dir, name+".json")
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
func (d Drafts) Save(key string, dr Draft) error {
	if err := os.MkdirAll(d.Dir, 0o700); err != nil {
		return fmt.Errorf("cannot keep a draft in %s: %w", d.Dir, err)
	}
	b, err := json.Marshal(dr)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(d.Dir, ".draft-*")
	if err != nil {
		return fmt.Errorf("cannot keep a draft in %s: %w", d.Dir, err)
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
			err = os.Rename(tmp.Name(), d.Path(key))
		}
		if err == nil {
			return nil
		}
		return fmt.Errorf("cannot keep a draft in %s: %w", d.Dir, err)
	}
	tmp.Close()
	return fmt.Errorf("cannot keep a draft in %s: %w", d.Dir, err)
}

// Drop removes the draft kept under key; none is fine.
func (d Drafts) Drop(key string) error {
	err := os.Remove(d.Path(key))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// Keeper writes a form's answers to its draft as they change.
type Keeper struct {
	Drafts  Drafts
	Key     string
	Began   time.Time
	Now     func() time.Time
	Answers any // a pointer to the answers the form's fields write into

	initial string // the answers before any typing: not worth a draft
	last    string
	Written bool  // a draft holds this run's answers
	Err     error // the first failure to write, if any
}

// Start notes the answers as they are before the person types.
func (k *Keeper) Start() {
	b, _ := json.Marshal(k.Answers)
	k.initial, k.last = string(b), string(b)
}

// Changed writes the draft when the answers differ from the last written.
func (k *Keeper) Changed() {
	b, err := json.Marshal(k.Answers)
	if err != nil || string(b) == k.last {
		return
	}
	if !k.Written && string(b) == k.initial {
		return
	}
	k.last = string(b)
	if string(b) == "{}" {
		// Every answer cleared: a draft would offer nothing.
		if k.Drafts.Drop(k.Key) == nil {
			k.Written = false
		}
		return
	}
	if err := k.Drafts.Save(k.Key, Draft{Saved: k.Now(), Began: k.Began, Data: b}); err != nil {
		if k.Err == nil {
			k.Err = err
		}
		return
	}
	k.Written = true
}

package storage

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// Keyring caches journal keys in the Linux kernel keyring: the login
// session's keyring when there is one, else the user's. Keys are readable
// only by their possessor (processes of this session, or of this user
// when kept in the user keyring) and expire after Timeout. Where the
// kernel refuses keyctl (containers), nothing is cached and the passphrase
// is asked each time.
type Keyring struct {
	// Timeout is how long a key stays after it is given; 0 caches nothing.
	Timeout time.Duration
}

// possessorAll is KEY_POS_ALL: every right for the possessor, none for
// anyone else (not even the same user from another session).
const possessorAll = 0x3f000000

// keyDesc names a journal's key in the keyring by a hash of its path, so
// journals never share a key and the path itself is not shown to other
// processes of the user.
func keyDesc(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	h := sha256.Sum256([]byte(path))
	return "journal:key:" + hex.EncodeToString(h[:12])
}

// ring is the keyring keys go into: the session keyring a login made
// (pam_keyinit), else the user keyring, shared by the user's processes.
func ring() int {
	id, err := unix.KeyctlGetKeyringID(unix.KEY_SPEC_SESSION_KEYRING, false)
	if err == nil {
		d, err := unix.KeyctlString(unix.KEYCTL_DESCRIBE, id)
		// "keyring;uid;gid;perm;name": a process without a login session
		// falls back on the per-user "_uid_ses.UID" keyring.
		if err == nil && !strings.HasPrefix(d[strings.LastIndex(d, ";")+1:], "_uid_ses.") {
			return unix.KEY_SPEC_SESSION_KEYRING
		}
	}
	return unix.KEY_SPEC_USER_KEYRING
}

// Get returns the cached key of the journal at path.
func (k Keyring) Get(path string) (string, bool) {
	if k.Timeout <= 0 {
		return "", false
	}
	id, err := unix.KeyctlSearch(ring(), "user", keyDesc(path), 0)
	if err != nil {
		return "", false
	}
	buf := make([]byte, 256)
	n, err := unix.KeyctlBuffer(unix.KEYCTL_READ, id, buf, 0)
	if err != nil || n > len(buf) {
		return "", false
	}
	key := string(buf[:n])
	clear(buf)
	return key, true
}

// Put caches key for the journal at path, for Timeout.
func (k Keyring) Put(path, key string) error {
	if k.Timeout <= 0 {
		return nil
	}
	id, err := unix.AddKey("user", keyDesc(path), []byte(key), ring())
	if err != nil {
		return err
	}
	if _, err := unix.KeyctlInt(unix.KEYCTL_SETPERM, id, possessorAll, 0, 0); err != nil {
		unix.KeyctlInt(unix.KEYCTL_INVALIDATE, id, 0, 0, 0)
		return err
	}
	secs := max(1, int(k.Timeout/time.Second))
	if _, err := unix.KeyctlInt(unix.KEYCTL_SET_TIMEOUT, id, secs, 0, 0); err != nil {
		unix.KeyctlInt(unix.KEYCTL_INVALIDATE, id, 0, 0, 0)
		return err
	}
	return nil
}

// Forget removes the cached key of the journal at path, from both the
// session and the user keyring. A key that is not there is no error.
func (k Keyring) Forget(path string) error {
	for _, r := range []int{unix.KEY_SPEC_SESSION_KEYRING, unix.KEY_SPEC_USER_KEYRING} {
		for {
			id, err := unix.KeyctlSearch(r, "user", keyDesc(path), 0)
			if err != nil {
				break
			}
			if _, err := unix.KeyctlInt(unix.KEYCTL_INVALIDATE, id, 0, 0, 0); err != nil {
				return err
			}
		}
	}
	return nil
}

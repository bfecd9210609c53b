//go:build !linux

package storage

import "time"

// Keyring caches nothing outside Linux: the passphrase is asked each time
// (or comes from JOURNAL_PASSPHRASE or passphrase_command).
type Keyring struct{ Timeout time.Duration }

func (Keyring) Get(string) (string, bool) { return "", false }
func (Keyring) Put(string, string) error  { return nil }
func (Keyring) Forget(string) error       { return nil }

//go:build !unix

package cmd

import (
	"errors"
	"io/fs"
	"os"
	"time"
)

const lockWait = 10 * time.Second

var errLockBusy = errors.New("another journal command is changing it")

// lockFile, where flock is missing, creates the lock file exclusively and
// removes it on release. A process that dies holding it leaves the file;
// after lockWait the caller is told to try again.
func lockFile(path string) (unlock func(), err error) {
	deadline := time.Now().Add(lockWait)
	for {
		fh, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if err == nil {
			fh.Close()
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		if time.Now().After(deadline) {
			return nil, errLockBusy
		}
		time.Sleep(10 * time.Millisecond)
	}
}

//go:build unix

package cmd

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// lockWait is how long a command waits for another journal process to
// finish changing the same file before it gives up.
const lockWait = 10 * time.Second

// errLockBusy says another process held the lock for all of lockWait.
var errLockBusy = errors.New("another journal command is changing it")

// lockFile takes an exclusive advisory lock (flock) on the lock file at
// path, creating it (0600) if needed, and returns the function that
// releases it. Separate processes, and separate opens in one process,
// exclude each other; the lock goes with the process if it dies. After
// lockWait it returns errLockBusy.
func lockFile(path string) (unlock func(), err error) {
	fh, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(lockWait)
	for {
		err := syscall.Flock(int(fh.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			fh.Close()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if time.Now().After(deadline) {
			fh.Close()
			return nil, errLockBusy
		}
		time.Sleep(10 * time.Millisecond)
	}
	// Closing the file releases the lock. The lock file stays: removing it
	// would let a waiting process lock an unlinked file.
	return func() { fh.Close() }, nil
}

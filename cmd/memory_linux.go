package cmd

import "golang.org/x/sys/unix"

// protectMemory keeps an encrypted journal's plain text, held in memory,
// out of core dumps: no dump is written, and other processes of the user
// cannot attach to read it. Best effort: a system that refuses leaves
// things as they were.
func protectMemory() {
	unix.Prctl(unix.PR_SET_DUMPABLE, 0, 0, 0, 0)
	unix.Setrlimit(unix.RLIMIT_CORE, &unix.Rlimit{})
}

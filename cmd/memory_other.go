//go:build !linux

package cmd

import "syscall"

// protectMemory keeps an encrypted journal's plain text out of core dumps
// where the system allows.
func protectMemory() {
	syscall.Setrlimit(syscall.RLIMIT_CORE, &syscall.Rlimit{})
}

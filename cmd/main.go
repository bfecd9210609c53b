package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"journal/journal"
	"journal/storage"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
	exitAborted = 130
)

// errAborted is returned when the person leaves a form; their draft is kept.
var errAborted = errors.New("stopped; nothing was lost")

// keptError is a form left (exit 130) whose answers are kept as a draft:
// its one line says how to pick them up.
type keptError struct{ msg string }

func (e keptError) Error() string        { return e.msg }
func (e keptError) Is(target error) bool { return target == errAborted }

// Main runs journal with the process's arguments and streams and returns
// the exit code. Only main calls os.Exit.
func Main() int { return MainWith(nil) }

// MainWith is Main with setup applied to the Factory first (tests lower
// costs with it, like scrypt's work factor).
func MainWith(setup func(*Factory)) int {
	f := &Factory{
		IO:     systemStreams(os.Getenv),
		Getenv: os.Getenv,
	}
	if setup != nil {
		setup(f)
	}
	now, err := clock(os.Getenv("JOURNAL_NOW"))
	if err != nil {
		return report(f.IO.ErrOut, err)
	}
	f.Now = now
	return Run(context.Background(), f, os.Args[1:])
}

// Run executes one command line against f and returns the exit code.
func Run(ctx context.Context, f *Factory, args []string) (code int) {
	defer func() {
		// The person never sees a stack trace; they get one line and exit 1.
		if r := recover(); r != nil {
			fmt.Fprintf(f.IO.ErrOut, "journal: something went wrong inside journal (%v); your journal was not changed\n", r)
			code = exitFailure
		}
	}()
	root := newRootFor(f, args)
	if err := utf8Args(args); err != nil {
		return report(f.IO.ErrOut, err)
	}
	if err := dashText(root, args); err != nil {
		return report(f.IO.ErrOut, err)
	}
	root.SetArgs(args)
	root.SetIn(f.IO.In)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	err := root.ExecuteContext(ctx)
	if f.store != nil {
		// One place words every SQLite error for the person, naming the
		// file and what to do, and stops writes to a damaged journal.
		err = f.store.Explain(err)
		if err == nil && f.store.Damaged() {
			// What could be read has been shown; the person still learns,
			// in the same one line every command uses, that the file is
			// damaged and what to do, and scripts see exit 1.
			err = &storage.FileError{Problem: storage.ProblemDamaged, Path: f.store.Path()}
		}
	}
	if cerr := f.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if f.undoCreate != nil && (err != nil || f.undoAlways) {
		f.undoCreate()
	}
	return report(f.IO.ErrOut, err)
}

// report prints err as one line and maps it to an exit code.
func report(w io.Writer, err error) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errAborted):
		fmt.Fprintf(w, "journal: %v\n", err)
		return exitAborted
	}
	// Cleaned as every printed value is: an error may quote a setting, a
	// file name or a line from a file, never to be run by the terminal.
	msg := journal.CleanLine(strings.TrimSpace(strings.ReplaceAll(err.Error(), "\n", " ")))
	fmt.Fprintf(w, "journal: %s\n", msg)
	if journal.IsInput(err) {
		return exitUsage
	}
	return exitFailure
}

// clock returns the time source: the real clock, or a fixed moment from
// JOURNAL_NOW (RFC 3339) so scripts and tests see a stable "today".
func clock(fixed string) (func() time.Time, error) {
	if fixed == "" {
		return time.Now, nil
	}
	t, err := time.Parse(time.RFC3339, fixed)
	if err != nil {
		return nil, fmt.Errorf("JOURNAL_NOW %q is not an RFC 3339 time like 2026-11-20T21:30:00+01:00", fixed)
	}
	t = t.In(time.Local)
	return func() time.Time { return t }, nil
}

package cmd

import (
	"fmt"
	"io"

	"golang.org/x/term"

	"journal/journal"
)

// passphrase returns the passphrase for an export or import: from
// JOURNAL_PASSPHRASE (scripts, and never typed onto a command line where
// the shell history keeps it), else asked at the terminal without echo,
// twice when confirm is set so a typo cannot lock the file.
func (f *Factory) passphrase(confirm bool) (string, error) {
	if p := f.Getenv("JOURNAL_PASSPHRASE"); p != "" {
		return p, nil
	}
	fd, ok := f.IO.In.(interface{ Fd() uintptr })
	if !f.CanPrompt() || !ok || !term.IsTerminal(int(fd.Fd())) {
		return "", journal.Invalid("a passphrase is needed: set JOURNAL_PASSPHRASE, or run this at a terminal to type it")
	}
	read := func(prompt string) (string, error) {
		fmt.Fprint(f.IO.ErrOut, prompt)
		b, err := term.ReadPassword(int(fd.Fd()))
		fmt.Fprintln(f.IO.ErrOut)
		if err == io.EOF {
			return "", errAborted
		}
		return string(b), err
	}
	p, err := read("Passphrase: ")
	if err != nil {
		return "", err
	}
	if p == "" {
		return "", journal.Invalid("the passphrase is empty: nothing was written")
	}
	if confirm {
		again, err := read("The same passphrase again: ")
		if err != nil {
			return "", err
		}
		if again != p {
			return "", journal.Invalid("the two passphrases differ: nothing was written; try again")
		}
	}
	return p, nil
}

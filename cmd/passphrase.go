package cmd

import (
	"context"
	"fmt"

	"journal/cmd/ui"
	"journal/journal"
)

// passphrase returns the passphrase for an export or import: from
// JOURNAL_PASSPHRASE (scripts, and never typed onto a command line where
// the shell history keeps it), else asked at the terminal without echo,
// twice when confirm is set so a typo cannot lock the file.
func (f *Factory) passphrase(ctx context.Context, confirm bool) (string, error) {
	if p := f.Getenv("JOURNAL_PASSPHRASE"); p != "" {
		return p, nil
	}
	if !f.CanPrompt() {
		return "", journal.Invalid("a passphrase is needed: set JOURNAL_PASSPHRASE, or run this at a terminal to type it")
	}
	p, ok, err := ui.Passphrase(ctx, f.passphraseOptions(), confirm)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", fmt.Errorf("%w: nothing was written", errAborted)
	}
	return p, nil
}

// passphraseOptions are the form options for asking a passphrase: typed
// without echo, straight from the terminal, in either mode (the shared line
// reader of accessible mode is no terminal, and could not turn echo off).
func (f *Factory) passphraseOptions() ui.FormOptions {
	o := f.formOptions()
	o.In = f.IO.In
	return o
}

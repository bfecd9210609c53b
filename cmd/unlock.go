package cmd

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"journal/cmd/ui"
	"journal/journal"
	"journal/storage"
)

// unlock says how this command gets an encrypted journal's key: from the
// kernel keyring while it is cached (lock_after in config), else the
// passphrase from JOURNAL_PASSPHRASE, passphrase_command or the terminal.
func (f *Factory) unlock(path string) storage.Unlock {
	cfg, _ := f.Config() // a broken config file is reported by commands that need it
	typed := f.Getenv("JOURNAL_PASSPHRASE") == "" && cfg.PassphraseCommand == "" && f.CanPrompt()
	u := storage.Unlock{
		Passphrase: func(ctx context.Context, again bool) (string, error) {
			if typed {
				if again {
					fmt.Fprintln(f.IO.ErrOut, "That passphrase does not open it; try again (check Caps Lock and the keyboard layout).")
				} else {
					fmt.Fprintf(f.IO.ErrOut, "%s is encrypted: type its passphrase%s.\n", path, remembered(cfg))
				}
			}
			return f.journalPassphrase(ctx, cfg, false, lockedError(path))
		},
		Cache:      storage.Keyring{Timeout: cfg.KeyCacheTime()},
		WorkFactor: f.ScryptWorkFactor,
		Tries:      1,
	}
	if typed {
		u.Tries = 3
	}
	return u
}

// remembered says for how long a typed passphrase is remembered.
func remembered(cfg journal.Config) string {
	d := cfg.KeyCacheTime()
	if d <= 0 {
		return ""
	}
	n, unit := int(d/time.Second), "second"
	switch {
	case d%time.Hour == 0:
		n, unit = int(d/time.Hour), "hour"
	case d%time.Minute == 0:
		n, unit = int(d/time.Minute), "minute"
	}
	if n != 1 {
		unit += "s"
	}
	return fmt.Sprintf(" (remembered for %d %s; journal lock forgets it)", n, unit)
}

// keyring is the key cache with the configured timeout.
func (f *Factory) keyring() storage.Keyring {
	cfg, _ := f.Config()
	return storage.Keyring{Timeout: cfg.KeyCacheTime()}
}

// journalPassphrase gets the passphrase of the journal at path: from
// JOURNAL_PASSPHRASE, else passphrase_command, else asked at the terminal
// (twice when twice is set, for a new one). missing is the error when
// there is no way to get one.
func (f *Factory) journalPassphrase(ctx context.Context, cfg journal.Config, twice bool, missing error) (string, error) {
	if p := f.Getenv("JOURNAL_PASSPHRASE"); p != "" {
		return p, nil
	}
	if cfg.PassphraseCommand != "" {
		return f.runPassphraseCommand(ctx, cfg.PassphraseCommand)
	}
	if !f.CanPrompt() {
		return "", missing
	}
	p, ok, err := ui.Passphrase(ctx, f.passphraseOptions(), twice)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", errAborted
	}
	return p, nil
}

// lockedError says how to unlock an encrypted journal where nobody can be
// asked.
func lockedError(path string) error {
	return journal.Invalid("%s is encrypted and locked: run this at a terminal to type its passphrase, or set JOURNAL_PASSPHRASE, or passphrase_command in journal config", path)
}

// runPassphraseCommand runs passphrase_command through sh and takes the
// first line it prints, as restic's and borg's password commands work.
func (f *Factory) runPassphraseCommand(ctx context.Context, command string) (string, error) {
	c := exec.CommandContext(ctx, "sh", "-c", command)
	var out, errOut bytes.Buffer
	c.Stdout, c.Stderr = &out, &errOut
	if in, ok := f.IO.In.(*os.File); ok {
		c.Stdin = in // a command may ask, like pass with a GPG agent
	}
	err := c.Run()
	defer clear(out.Bytes())
	if err != nil {
		msg := strings.TrimSpace(strings.SplitN(errOut.String(), "\n", 2)[0])
		if msg == "" {
			msg = err.Error()
		}
		return "", fmt.Errorf("passphrase_command (%s) failed: %s: fix it with journal config set passphrase_command, or unset it", command, msg)
	}
	line, _, _ := strings.Cut(out.String(), "\n")
	line = strings.TrimSuffix(line, "\r")
	if line == "" {
		return "", fmt.Errorf("passphrase_command (%s) printed nothing: it must print the passphrase on its first line", command)
	}
	return line, nil
}

// openError words what opening an encrypted journal can report.
func openError(path string, err error) error {
	var wk *storage.WrongKeyError
	switch {
	case errors.As(err, &wk):
		return journal.Invalid("%s", wk.Error())
	case errors.Is(err, storage.ErrLocked):
		return lockedError(path)
	}
	return err
}

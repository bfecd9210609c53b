package cmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"journal/cmd/ui"
	"journal/journal"
	"journal/storage"
)

func newCmdEncrypt(f *Factory) *cobra.Command {
	var recovery string
	c := &cobra.Command{
		Use:   "encrypt",
		Short: "Lock the journal file with a passphrase",
		Long: `Encrypt the journal file where it is, with a passphrase: without it the
file cannot be read. Every command works as before; the passphrase is asked
once and remembered for a while (lock_after in journal config, 15 minutes
unless set; journal lock forgets it at once).

A forgotten passphrase cannot be reset: without it, or a recovery key, the
journal is lost for good. --recovery-key FILE writes a key that opens the
journal without the passphrase; keep it somewhere safe, away from this
computer.

The file is a standard age file (age-encryption.org): its key is beside it,
in the same name with .key.age, locked with the passphrase. The README shows
how to get your data out with the age tool alone.

For scripts the passphrase can come from JOURNAL_PASSPHRASE.`,
		Example: "  journal encrypt\n  journal encrypt --recovery-key /media/usb/journal-recovery.txt",
		Args:    noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			path, err := f.dbPath()
			if err != nil {
				return err
			}
			if storage.IsEncrypted(path) {
				return journal.Invalid("%s is already encrypted: nothing was changed (journal passphrase changes its passphrase)", path)
			}
			if f.CanPrompt() && f.Getenv("JOURNAL_PASSPHRASE") == "" {
				fmt.Fprintln(f.IO.ErrOut, "Choose a passphrase for your journal. If you forget it, nobody can open the journal again,")
				if recovery == "" {
					fmt.Fprintln(f.IO.ErrOut, "not even you: write it down somewhere safe, or stop now (esc) and use --recovery-key FILE.")
				} else {
					fmt.Fprintln(f.IO.ErrOut, "except with the recovery key written to "+recovery+".")
				}
			}
			cfg, _ := f.Config()
			cfg.PassphraseCommand = "" // a new passphrase is chosen, not looked up
			pass, err := f.journalPassphrase(c.Context(), cfg, true,
				journal.Invalid("a passphrase is needed to encrypt the journal: run this at a terminal to choose it, or set JOURNAL_PASSPHRASE"))
			if err != nil {
				return err
			}
			if err := journal.CheckPassphrase(pass); err != nil {
				return err
			}
			id, err := storage.Encrypt(c.Context(), path, pass, f.ScryptWorkFactor, recovery)
			if err != nil {
				return err
			}
			f.keyring().Put(path, id.String())
			moved, merr := f.moveDraftsToMemory(path)
			fmt.Fprintf(f.IO.Out, "Your journal is encrypted: %s\n", path)
			fmt.Fprintf(f.IO.Out, "Its key, locked with your passphrase, is %s: keep the two files together.\n", storage.KeyPath(path))
			if recovery != "" {
				fmt.Fprintf(f.IO.Out, "Recovery key: %s. It opens the journal without the passphrase: move it off this computer.\n", recovery)
			} else {
				fmt.Fprintln(f.IO.Out, "A forgotten passphrase cannot be reset: without it the journal is lost for good.")
			}
			fmt.Fprintln(f.IO.Out, "The old plain file is gone, but a disk may keep old copies of its blocks (see the README).")
			if moved > 0 {
				fmt.Fprintf(f.IO.Out, "Unfinished drafts (%d) now wait in memory rather than beside the journal.\n", moved)
			}
			return merr
		},
	}
	c.Flags().StringVar(&recovery, "recovery-key", "", "also write a recovery key to `FILE` (never over an existing file): it opens the journal without the passphrase")
	return c
}

func newCmdDecrypt(f *Factory) *cobra.Command {
	var recovery string
	c := &cobra.Command{
		Use:   "decrypt",
		Short: "Turn the encrypted journal back into a plain file",
		Long: `Decrypt the journal where it is: afterwards no passphrase is needed, and
anyone who can read your files can read it. With --recovery-key FILE the
recovery key written by journal encrypt opens it instead of the passphrase.`,
		Example: "  journal decrypt\n  journal decrypt --recovery-key /media/usb/journal-recovery.txt",
		Args:    noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			path, err := f.dbPath()
			if err != nil {
				return err
			}
			if !storage.IsEncrypted(path) {
				return journal.Invalid("%s is not encrypted: nothing was changed", path)
			}
			u, err := f.unlockWithRecovery(path, recovery)
			if err != nil {
				return err
			}
			if err := storage.Decrypt(c.Context(), path, u); err != nil {
				return openError(path, err)
			}
			f.keyring().Forget(path)
			fmt.Fprintf(f.IO.Out, "Your journal is no longer encrypted: %s\nAnyone who can read your files can read it; journal encrypt locks it again.\n", path)
			return nil
		},
	}
	c.Flags().StringVar(&recovery, "recovery-key", "", "open the journal with the recovery key in `FILE` instead of the passphrase")
	return c
}

func newCmdLock(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "lock",
		Short: "Forget the encrypted journal's passphrase now",
		Long: `Forget the remembered key of the encrypted journal at once, so the next
command asks for the passphrase. Without it the key is forgotten after
lock_after (journal config; 15 minutes unless set).`,
		Example: "  journal lock",
		Args:    noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			path, err := f.dbPath()
			if err != nil {
				return err
			}
			if !storage.IsEncrypted(path) {
				fmt.Fprintf(f.IO.Out, "%s is not encrypted, so there is nothing to lock (journal encrypt locks it with a passphrase).\n", path)
				return nil
			}
			if err := f.keyring().Forget(path); err != nil {
				return fmt.Errorf("cannot forget the key of %s: %w: it is forgotten anyway when lock_after has passed", path, err)
			}
			fmt.Fprintf(f.IO.Out, "Locked: the next command asks for the passphrase of %s.\n", path)
			return nil
		},
	}
}

func newCmdPassphrase(f *Factory) *cobra.Command {
	var recovery string
	c := &cobra.Command{
		Use:   "passphrase",
		Short: "Change the encrypted journal's passphrase",
		Long: `Change the passphrase of the encrypted journal: first the current one (or
--recovery-key FILE, when it is forgotten), then the new one, twice. Only the
key file beside the journal is rewritten; a recovery key keeps working.

For scripts: JOURNAL_PASSPHRASE is the current passphrase and
JOURNAL_NEW_PASSPHRASE the new one.`,
		Example: "  journal passphrase\n  journal passphrase --recovery-key /media/usb/journal-recovery.txt",
		Args:    noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			ctx := c.Context()
			path, err := f.dbPath()
			if err != nil {
				return err
			}
			if !storage.IsEncrypted(path) {
				return journal.Invalid("%s is not encrypted, so it has no passphrase: journal encrypt locks it with one", path)
			}
			u, err := f.unlockWithRecovery(path, recovery)
			if err != nil {
				return err
			}
			if recovery == "" && f.CanPrompt() && f.Getenv("JOURNAL_PASSPHRASE") == "" {
				fmt.Fprintln(f.IO.ErrOut, "Your current passphrase:")
			}
			newPass := func() (string, error) {
				p := f.Getenv("JOURNAL_NEW_PASSPHRASE")
				if p == "" {
					if !f.CanPrompt() {
						return "", journal.Invalid("a new passphrase is needed: run this at a terminal to type it, or set JOURNAL_NEW_PASSPHRASE")
					}
					fmt.Fprintln(f.IO.ErrOut, "The new passphrase:")
					p, ok, err := ui.Passphrase(ctx, f.passphraseOptions(), true)
					if err != nil {
						return "", err
					}
					if !ok {
						return "", errAborted
					}
					return p, journal.CheckPassphrase(p)
				}
				return p, journal.CheckPassphrase(p)
			}
			if err := storage.ChangePassphrase(ctx, path, u, newPass, f.ScryptWorkFactor); err != nil {
				return openError(path, err)
			}
			fmt.Fprintf(f.IO.Out, "The passphrase of %s is changed: the old one no longer opens it.\n", path)
			return nil
		},
	}
	c.Flags().StringVar(&recovery, "recovery-key", "", "use the recovery key in `FILE` instead of the current passphrase")
	return c
}

// unlockWithRecovery is how an encrypted journal's key is found for
// decrypt and passphrase: the recovery key in the file recovery when one
// is given, else the passphrase (cached, from the environment, or asked).
// Core dumps are turned off first, as plain text is about to be in memory.
func (f *Factory) unlockWithRecovery(path, recovery string) (storage.Unlock, error) {
	protectMemory()
	u := f.unlock(path)
	if recovery != "" {
		id, err := storage.ReadRecoveryKey(recovery)
		if err != nil {
			return u, err
		}
		u.Recovery = id
	}
	return u, nil
}

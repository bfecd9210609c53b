package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"filippo.io/age"
	"github.com/spf13/cobra"

	"journal/journal"
	"journal/journal/export"
	"journal/storage"
)

type backupOptions struct {
	encryptTo       []string
	recipientsFiles []string
	passphrase      bool
}

func newCmdBackup(f *Factory) *cobra.Command {
	var o backupOptions
	c := &cobra.Command{
		Use:   "backup [FILE]",
		Short: "Make a copy of the whole journal",
		Long: `Make a copy of the whole journal, private entries included, readable only by
you. It is safe while other journal commands are writing. journal restore
puts a copy back.

Without FILE the copy goes into the backups folder beside the journal (for
journal.db, journal-backups/), which keeps the newest 10 (config key
backups_kept). journal also makes a copy there on the first use of each day
(auto_backup) and before it changes the file's layout for a new version.
A FILE that already exists is never replaced.

--encrypt-to encrypts the copy for an age public key (age1…), --passphrase
with a passphrase (JOURNAL_PASSPHRASE, or asked twice at a terminal): keep
that key or passphrase safe, as the copy cannot be opened without it.`,
		Example: `  journal backup
  journal backup ~/usb/journal-november.db
  journal backup --passphrase ~/cloud/journal.db.age
  journal backup --encrypt-to age1… journal.db.age`,
		Args: optionalArg("the file to write"),
		RunE: func(c *cobra.Command, args []string) error { return backupRun(c, f, &o, args) },
	}
	fl := c.Flags()
	fl.StringArrayVar(&o.encryptTo, "encrypt-to", nil, "encrypt for this age public `key` (age1…; repeatable)")
	fl.StringArrayVar(&o.recipientsFiles, "recipients-file", nil, "encrypt for the age public keys in this `file`, one a line")
	fl.BoolVar(&o.passphrase, "passphrase", false, "encrypt with a passphrase (JOURNAL_PASSPHRASE, or asked twice)")
	return c
}

// encrypter reads the encryption flags into what storage writes with; nil
// when the copy is not to be encrypted. Every mistake is found before
// anything is written.
func (o *backupOptions) encrypter(ctx context.Context, f *Factory) (storage.Encrypter, string, error) {
	files := map[string][]byte{}
	for _, name := range o.recipientsFiles {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, "", journal.Invalid("cannot read --recipients-file %s: %v", name, unwrapPath(err))
		}
		files[name] = b
	}
	recipients, err := export.Recipients(o.encryptTo, files)
	if err != nil {
		return nil, "", journal.Invalid("%v", err)
	}
	if len(o.recipientsFiles) > 0 && len(recipients) == 0 {
		return nil, "", journal.Invalid("--recipients-file has no age public keys in it: nothing was written")
	}
	var pass, how string
	switch {
	case o.passphrase && len(recipients) > 0:
		return nil, "", journal.Invalid("use either --passphrase or --encrypt-to/--recipients-file, not both")
	case o.passphrase:
		if pass, err = f.passphrase(ctx, true); err != nil {
			return nil, "", err
		}
		how = ", encrypted with your passphrase"
	case len(recipients) > 0:
		how = ", encrypted for " + journal.Plural(len(recipients), "key", "keys")
	default:
		return nil, "", nil
	}
	enc := func(w io.Writer) (io.WriteCloser, error) {
		return export.Encrypt(w, []age.Recipient(recipients), pass, false)
	}
	return enc, how, nil
}

func backupRun(c *cobra.Command, f *Factory, o *backupOptions, args []string) error {
	enc, how, err := o.encrypter(c.Context(), f)
	if err != nil {
		return err
	}
	if len(args) == 1 {
		if args[0] == "-" {
			return journal.Invalid("a backup is a file, not text to print: give a file name, like journal-copy.db")
		}
		if _, err := os.Lstat(args[0]); err == nil {
			return journal.Invalid("%s already exists: give a new file name; nothing was written", args[0])
		}
		// The folder is the person's to make: a typo in it should not
		// create a tree of folders somewhere unexpected.
		dir := filepath.Dir(args[0])
		if fi, err := os.Stat(dir); err != nil {
			return journal.Invalid("the folder %s does not exist: create it first, or give a file in a folder that exists; nothing was written", dir)
		} else if !fi.IsDir() {
			return journal.Invalid("%s is a file, not a folder: give a file in a folder that exists; nothing was written", dir)
		}
	}
	if err := f.mustExist(); err != nil {
		return err
	}
	// No daily copy just before the one asked for.
	st, err := f.storeWithoutBackup(c.Context())
	if err != nil {
		return err
	}
	if st.Damaged() {
		// A copy of a damaged file is not a backup to rely on, and in the
		// folder it would push good ones out.
		return &storage.FileError{Problem: storage.ProblemDamaged, Path: st.Path()}
	}
	var dest, kept string
	if len(args) == 1 {
		dest = args[0]
		err = st.Backup(c.Context(), dest, enc)
	} else {
		cfg, cerr := f.Config()
		if cerr != nil {
			return cerr
		}
		dest, err = st.BackupInFolder(c.Context(), f.Now(), "", cfg.BackupsKept, enc)
		kept = fmt.Sprintf(" The backups folder keeps the newest %d.", cfg.BackupsKept)
	}
	if errors.Is(err, fs.ErrExist) {
		return journal.Invalid("%s already exists: give a new file name; nothing was written", dest)
	}
	if err != nil {
		return err
	}
	if !f.IO.OutTTY {
		fmt.Fprintln(f.IO.Out, dest) // for scripts: where the copy is
	}
	fmt.Fprintf(f.IO.ErrOut, "Backed up your journal to %s%s.%s\n", dest, how, kept)
	return nil
}

// optionalArg allows at most one argument.
func optionalArg(what string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) > 1 {
			return journal.Invalid("%s takes at most one argument, %s; got %s", c.CommandPath(), what, journal.Quote(strings.Join(args, " ")))
		}
		return nil
	}
}

// mustExist refuses to go on when there is no journal file yet: backing
// up or purging must not create an empty one.
func (f *Factory) mustExist() error {
	path, err := f.dbPath()
	if err != nil {
		return err
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("there is no journal at %s yet: check --db or JOURNAL_DB", path)
	}
	return nil
}

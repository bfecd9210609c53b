package cmd

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/google/uuid"
	"github.com/spf13/cobra"

	"journal/journal"
	"journal/journal/export"
)

type importOptions struct {
	identity string
	dryRun   bool
}

func newCmdImport(f *Factory) *cobra.Command {
	var o importOptions
	c := &cobra.Command{
		Use:   "import FILE",
		Short: "Merge a journal (or jrnl) JSON export into this journal",
		Long: `Merge records from a file made by "journal export --format json", encrypted
or not, or by "jrnl --export json" (as free entries). Records are matched by
their uuid: importing the same file twice adds nothing, and a record changed
on both sides keeps the copy updated last.

The whole file is checked first; a file with a problem is refused, saying
what and where, and nothing is written. --dry-run shows what would change.
FILE - reads standard input.
An encrypted file opens with --identity FILE (an age identity) or a
passphrase (JOURNAL_PASSPHRASE, or asked at a terminal).`,
		Example: `  journal import backup.json --dry-run
  journal import backup.json
  journal import laptop.json.age --identity ~/.config/age/key.txt
  jrnl --export json > jrnl.json && journal import jrnl.json`,
		Args: exactArgs(1, "the file to import"),
		RunE: func(c *cobra.Command, args []string) error { return importRun(c, f, &o, args[0]) },
	}
	c.Flags().StringVar(&o.identity, "identity", "", "age identity `file` to open an encrypted export")
	c.Flags().BoolVar(&o.dryRun, "dry-run", false, "say what would change, and write nothing")
	return c
}

func importRun(c *cobra.Command, f *Factory, o *importOptions, name string) error {
	b, err := readImportFile(f, name)
	if err != nil {
		return err
	}
	if export.IsEncrypted(b) {
		if b, err = decryptImport(f, o, b); err != nil {
			return err
		}
	} else if o.identity != "" {
		fmt.Fprintf(f.IO.ErrOut, "%s is not encrypted; --identity is not needed.\n", name)
	}
	// Before decoding: a JSON reader would quietly turn a bad byte into "�".
	if err := journal.CheckUTF8File(name, b); err != nil {
		return err
	}
	recs, what, err := parseImport(b, f.Now().Location())
	if err != nil {
		return journal.Invalid("%s: %v", name, err)
	}
	st, err := f.Store(c.Context())
	if err != nil {
		return err
	}
	res, err := st.Import(c.Context(), recs, o.dryRun)
	if err != nil {
		return err
	}
	counts := fmt.Sprintf("%d added, %d updated, %d already here", res.Added, res.Updated, res.Unchanged)
	if o.dryRun {
		fmt.Fprintf(f.IO.Out, "Would import %s (%s): %s. Nothing was written (--dry-run).\n", name, what, counts)
		return nil
	}
	fmt.Fprintf(f.IO.Out, "Imported %s (%s): %s.\n", name, what, counts)
	return nil
}

func readImportFile(f *Factory, name string) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(f.IO.In)
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, journal.Invalid("cannot read %s: %v", name, unwrapPath(err))
	}
	return b, nil
}

func decryptImport(f *Factory, o *importOptions, b []byte) ([]byte, error) {
	var ids []byte
	pass := ""
	if o.identity != "" {
		var err error
		if ids, err = os.ReadFile(o.identity); err != nil {
			return nil, journal.Invalid("cannot read --identity %s: %v", o.identity, unwrapPath(err))
		}
	} else {
		var err error
		if pass, err = f.passphrase(false); errors.Is(err, errAborted) {
			return nil, err
		} else if err != nil {
			return nil, journal.Invalid("the file is encrypted: give --identity FILE (an age identity), or its passphrase in JOURNAL_PASSPHRASE")
		}
	}
	r, err := export.Decrypt(bytes.NewReader(b), ids, pass)
	if err != nil {
		return nil, journal.Invalid("%v", err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return nil, journal.Invalid("the encrypted file is damaged: %v", err)
	}
	return out, nil
}

// parseImport reads our JSON export or a jrnl one, checking all of it, and
// says which it was.
func parseImport(b []byte, loc *time.Location) (journal.Records, string, error) {
	switch {
	case export.IsJSONExport(b):
		doc, err := export.ReadJSON(b)
		return doc.Records, "journal export", err
	case export.IsJrnl(b):
		entries, err := export.ReadJrnl(b, loc)
		if err != nil {
			return journal.Records{}, "", journal.Invalid("%v", err)
		}
		for i := range entries {
			entries[i].UUID = jrnlUUID(entries[i])
		}
		return journal.Records{Entries: entries}, "jrnl export", nil
	}
	if t := bytes.TrimSpace(b); len(t) > 0 && t[0] != '{' && t[0] != '[' {
		return journal.Records{}, "", journal.Invalid(`not a JSON file: import reads files made by "journal export --format json" and jrnl JSON exports`)
	}
	if !json.Valid(b) {
		// ReadJSON names the line where the JSON breaks.
		_, err := export.ReadJSON(b)
		return journal.Records{}, "", err
	}
	return journal.Records{}, "", journal.Invalid(`not a journal or jrnl JSON export: make one with "journal export --format json"`)
}

// jrnlUUID gives a jrnl entry a uuid made from its time and text, so
// importing the same jrnl file twice adds nothing the second time.
func jrnlUUID(e journal.Entry) string {
	return uuid.NewSHA1(uuid.NameSpaceOID, []byte("jrnl\x00"+e.OccurredAt.Format(time.RFC3339)+"\x00"+e.Body)).String()
}

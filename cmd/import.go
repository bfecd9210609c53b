package cmd

import (
	"bytes"
	"context"
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
	private  bool
}

func newCmdImport(f *Factory) *cobra.Command {
	var o importOptions
	c := &cobra.Command{
		Use:   "import FILE",
		Short: "Merge a journal, jrnl or Day One JSON export into this journal",
		Long: `Merge records from a file made by "journal export --format json", encrypted
or not, by "jrnl --export json", or by Day One (its JSON export: the .zip, or
the Journal.json inside it). jrnl and Day One entries come in as notes with
their tags. Records are matched by their uuid: importing the same file twice
adds nothing, and a record changed on both sides keeps the copy updated last.

The whole file is checked first, with the rules the command line applies
(no future dates, known kinds, one-word tags, each uuid once); a file with a
problem is refused, saying what and where, and nothing is written.
--dry-run shows what would change. FILE - reads standard input.

Imported entries are shared in exports and reports like any other, unless
the file marks them private or you give --private.

An encrypted file opens with --identity FILE (an age identity, or the SSH
private key it was encrypted to) or a passphrase (JOURNAL_PASSPHRASE, or
asked at a terminal). To move a whole journal to another computer, use
journal backup: an export leaves things out.`,
		Example: `  journal import from-laptop.json --dry-run
  journal import from-laptop.json
  journal import laptop.json.age --identity ~/.config/age/key.txt
  jrnl --export json > jrnl.json && journal import jrnl.json --private
  journal import "Export - Journal.zip"`,
		Args: exactArgs(1, "the file to import"),
		RunE: func(c *cobra.Command, args []string) error { return importRun(c, f, &o, args[0]) },
	}
	c.Flags().StringVar(&o.identity, "identity", "", "age identity or SSH private key `file` to open an encrypted export")
	c.Flags().BoolVar(&o.dryRun, "dry-run", false, "say what would change, and write nothing")
	c.Flags().BoolVar(&o.private, "private", false, "mark every imported entry private: kept out of exports and reports")
	return c
}

func importRun(c *cobra.Command, f *Factory, o *importOptions, name string) error {
	b, err := readImportFile(f, name)
	if err != nil {
		return err
	}
	if export.IsEncrypted(b) {
		if b, err = decryptImport(c.Context(), f, o, b); err != nil {
			return err
		}
	} else if o.identity != "" {
		fmt.Fprintf(f.IO.ErrOut, "%s is not encrypted; --identity is not needed.\n", name)
	}
	// Before decoding: a JSON reader would quietly turn a bad byte into "�".
	// (A Day One .zip is binary; the journals inside it are checked.)
	if !export.IsZip(b) {
		if err := journal.CheckUTF8File(name, b); err != nil {
			return err
		}
	}
	now := f.Now()
	recs, what, err := parseImport(b, now.Location())
	if err != nil {
		return journal.Invalid("%s: %v", name, err)
	}
	if o.private {
		for i := range recs.Entries {
			recs.Entries[i].Private = true
		}
	}
	// The command line's rules, for every record, before the journal opens.
	if err := recs.ValidateAt(now); err != nil {
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
	} else {
		fmt.Fprintf(f.IO.Out, "Imported %s (%s): %s.\n", name, what, counts)
	}
	if line := sharingLine(recs, o.private); line != "" {
		fmt.Fprintln(f.IO.Out, line)
	}
	return nil
}

// sharingLine says whether the imported entries will be in what the person
// shares, so a private diary never slips into a coach's export unnoticed.
func sharingLine(recs journal.Records, private bool) string {
	shared := 0
	for _, e := range recs.Entries {
		if !e.Private {
			shared++
		}
	}
	switch {
	case len(recs.Entries) == 0:
		return ""
	case private:
		return "They are marked private: exports and reports leave them out unless you add --include-private."
	case shared == len(recs.Entries):
		return "They are not private: exports and reports for your coach include them. To keep them to yourself, import with --private."
	}
	verb := "are"
	if shared == 1 {
		verb = "is"
	}
	return fmt.Sprintf("%s of them %s shared in exports and reports; the rest are private.",
		plural(shared, "entry", "entries"), verb)
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

func decryptImport(ctx context.Context, f *Factory, o *importOptions, b []byte) ([]byte, error) {
	var ids []byte
	pass := ""
	if o.identity != "" {
		var err error
		if ids, err = os.ReadFile(o.identity); err != nil {
			return nil, journal.Invalid("cannot read --identity %s: %v", o.identity, unwrapPath(err))
		}
	} else {
		var err error
		if pass, err = f.passphrase(ctx, false); errors.Is(err, errAborted) {
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

// parseImport reads our JSON export, a jrnl or a Day One one, checking all
// of it, and says which it was. A UTF-8 byte-order mark, as some editors
// write, is skipped.
func parseImport(b []byte, loc *time.Location) (journal.Records, string, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	switch {
	case export.IsZip(b):
		names, files, err := export.DayOneJSON(b)
		if err != nil {
			return journal.Records{}, "", journal.Invalid("%v", err)
		}
		var recs journal.Records
		for i, data := range files {
			if err := journal.CheckUTF8File(names[i], data); err != nil {
				return journal.Records{}, "", err
			}
			if !export.IsDayOne(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))) {
				return journal.Records{}, "", journal.Invalid("%s in the .zip is not a Day One JSON journal", names[i])
			}
			entries, err := export.ReadDayOne(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), loc)
			if err != nil {
				return journal.Records{}, "", journal.Invalid("%s: %v", names[i], err)
			}
			recs.Entries = append(recs.Entries, entries...)
		}
		return recs, "Day One export", nil
	case export.IsJSONExport(b):
		doc, err := export.ReadJSON(b)
		return doc.Records, "journal export", err
	case export.IsDayOne(b):
		entries, err := export.ReadDayOne(b, loc)
		if err != nil {
			return journal.Records{}, "", journal.Invalid("%v", err)
		}
		return journal.Records{Entries: entries}, "Day One export", nil
	case export.IsJrnl(b):
		entries, err := export.ReadJrnl(b, loc)
		if err != nil {
			return journal.Records{}, "", journal.Invalid("%v", err)
		}
		// The same text at the same minute twice is one entry: the copies
		// would share a uuid.
		seen := map[string]bool{}
		kept := entries[:0]
		for _, e := range entries {
			if e.UUID = jrnlUUID(e); !seen[e.UUID] {
				seen[e.UUID] = true
				kept = append(kept, e)
			}
		}
		return journal.Records{Entries: kept}, "jrnl export", nil
	}
	if t := bytes.TrimSpace(b); len(t) > 0 && t[0] != '{' && t[0] != '[' {
		return journal.Records{}, "", journal.Invalid(`not a JSON file: import reads files made by "journal export --format json", jrnl and Day One JSON exports`)
	}
	if !json.Valid(b) {
		// ReadJSON names the line where the JSON breaks.
		_, err := export.ReadJSON(b)
		return journal.Records{}, "", err
	}
	return journal.Records{}, "", journal.Invalid(`not a journal, jrnl or Day One JSON export: make one with "journal export --format json"`)
}

// jrnlUUID gives a jrnl entry a uuid made from its time and text, so
// importing the same jrnl file twice adds nothing the second time.
func jrnlUUID(e journal.Entry) string {
	return uuid.NewSHA1(uuid.NameSpaceOID, []byte("jrnl\x00"+e.OccurredAt.Format(time.RFC3339)+"\x00"+e.Body)).String()
}

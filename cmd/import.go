package cmd

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/google/uuid"
	"github.com/spf13/cobra"

	"journal/journal"
	"journal/journal/export"
	"journal/storage"
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

Every record is checked with the rules the command line applies (no future
dates, known kinds, one-word tags, each uuid once); a file with a problem
anywhere is refused, saying what and where, and nothing is written.
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
		RunE: func(c *cobra.Command, args []string) error {
			// "Nothing written" holds for a journal this import would make,
			// and --dry-run makes none.
			f.undoNewJournal(o.dryRun)
			return importRun(c, f, &o, args[0])
		},
	}
	c.Flags().StringVar(&o.identity, "identity", "", "age identity or SSH private key `file` to open an encrypted export")
	c.Flags().BoolVar(&o.dryRun, "dry-run", false, "say what would change, and write nothing")
	c.Flags().BoolVar(&o.private, "private", false, "mark every imported entry private: kept out of exports and reports")
	return c
}

func importRun(c *cobra.Command, f *Factory, o *importOptions, name string) error {
	src, err := openSource(c.Context(), f, o, name)
	if err != nil {
		return err
	}
	defer src.Close()
	if src.encrypted == nil && o.identity != "" {
		fmt.Fprintf(f.IO.ErrOut, "%s is not encrypted; --identity is not needed.\n", name)
	}
	if !streamable(src.top) {
		b, err := io.ReadAll(src)
		if err != nil {
			return src.in.explain(name, err)
		}
		return importWhole(c, f, o, name, b)
	}
	now := f.Now()
	read := func(src *source, im *storage.Importer) (*importSink, error) {
		sink := &importSink{now: now, private: o.private, im: im}
		u := &journal.UTF8Reader{R: src, Name: name}
		_, err := export.ReadJSONStream(skipBOM(u), sink)
		// The whole file is read, whatever went wrong: an unreadable part
		// or a bad byte anywhere comes before what the JSON says.
		io.Copy(io.Discard, u)
		return sink, sink.verdict(name, src.in.failure(name), u.Err(), err)
	}
	// A bad file must not leave a new, empty journal behind: a file that
	// can be read twice is checked whole before the journal is made, then
	// read again to write. Into a journal that exists, a bad file rolls
	// back what it wrote. (Standard input cannot be read twice, nor an
	// encrypted file without a second passphrase derivation: there a
	// refused import removes the journal it made; see undoNewJournal.)
	if name != "-" && (src.encrypted == nil || o.identity != "") && !f.journalExists() {
		if _, err := read(src, nil); err != nil {
			return err
		}
		src.Close()
		if src, err = openSource(c.Context(), f, o, name); err != nil {
			return err
		}
		defer src.Close()
	}
	st, err := f.Store(c.Context())
	if err != nil {
		return err
	}
	res, err := st.ImportEach(c.Context(), o.dryRun, func(im *storage.Importer) error {
		_, err := read(src, im)
		return err
	})
	if err != nil {
		return err
	}
	importReport(f, o, name, "journal export", res)
	return nil
}

// importWhole imports a file read whole: a jrnl or Day One export, or a
// JSON file laid out otherwise than journal writes its exports.
func importWhole(c *cobra.Command, f *Factory, o *importOptions, name string, b []byte) error {
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
	importReport(f, o, name, what, res)
	return nil
}

// importReport says what an import did, or would do, and whether the
// entries it added or updated are shared.
func importReport(f *Factory, o *importOptions, name, what string, res storage.ImportResult) {
	counts := fmt.Sprintf("%d added, %d updated, %d already here", res.Added, res.Updated, res.Unchanged)
	if o.dryRun {
		fmt.Fprintf(f.IO.Out, "Would import %s (%s): %s. Nothing was written (--dry-run).\n", name, what, counts)
	} else {
		fmt.Fprintf(f.IO.Out, "Imported %s (%s): %s.\n", name, what, counts)
	}
	if line := sharingLine(res, o.private); line != "" {
		fmt.Fprintln(f.IO.Out, line)
	}
}

// sharingLine says whether the entries an import added or updated will be
// in what the person shares, so a private diary never slips into a coach's
// export unnoticed. Entries already here, left as they were, are not
// counted: the line describes the same records as the counts before it.
func sharingLine(res storage.ImportResult, private bool) string {
	written := res.EntriesAdded + res.EntriesUpdated
	switch {
	case written == 0:
		return ""
	case private || res.SharedEntries == 0:
		return "They are marked private: exports and reports leave them out unless you add --include-private."
	case res.SharedEntries == written:
		return "They are not private: exports and reports for your coach include them. To keep them to yourself, import with --private."
	}
	how := "added or updated"
	switch {
	case res.EntriesUpdated == 0:
		how = "added"
	case res.EntriesAdded == 0:
		how = "updated"
	}
	verb := "are"
	if res.SharedEntries == 1 {
		verb = "is"
	}
	return fmt.Sprintf("Of the %s %s, %d %s shared in exports and reports; the rest are private.",
		journal.Plural(written, "entry", "entries"), how, res.SharedEntries, verb)
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

package cmd

import (
	"bufio"
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
	// encrypted file without a second passphrase derivation.)
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
	var sink *importSink
	res, err := st.ImportEach(c.Context(), o.dryRun, func(im *storage.Importer) error {
		var err error
		sink, err = read(src, im)
		return err
	})
	if err != nil {
		return err
	}
	importReport(f, o, name, "journal export", res, sink.entries, sink.shared)
	return nil
}

// source is the file being imported, decrypted as it is read when it is
// encrypted.
type source struct {
	*bufio.Reader
	top       []byte        // up to its first 64 KB, not taken
	in        *sourceReader // where read errors are kept
	encrypted *sourceReader // the encrypted file under the decryption; nil when plain
	file      io.Closer
}

func (s *source) Close() error { return s.file.Close() }

// openSource opens the file to import ("-" is standard input) and, when it
// is encrypted, its decryption, and looks at its first bytes.
func openSource(ctx context.Context, f *Factory, o *importOptions, name string) (*source, error) {
	file, err := openImport(f, name)
	if err != nil {
		return nil, err
	}
	src := &source{in: &sourceReader{r: file}, file: file}
	src.Reader = bufio.NewReaderSize(src.in, 64<<10)
	if src.top, err = peek(src.Reader); err != nil {
		file.Close()
		return nil, src.in.explain(name, err)
	}
	if !export.IsEncrypted(src.top) {
		return src, nil
	}
	r, err := decryptStream(ctx, f, o, src.Reader)
	if err != nil {
		file.Close()
		return nil, err
	}
	src.encrypted = src.in
	src.in = &sourceReader{r: r, encrypted: true, under: src.encrypted}
	src.Reader = bufio.NewReaderSize(src.in, 64<<10)
	if src.top, err = peek(src.Reader); err != nil {
		file.Close()
		return nil, src.in.explain(name, err)
	}
	return src, nil
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
	shared := 0
	for _, e := range recs.Entries {
		if !e.Private {
			shared++
		}
	}
	importReport(f, o, name, what, res, len(recs.Entries), shared)
	return nil
}

// importReport says what an import did, or would do, and whether its entries
// are shared.
func importReport(f *Factory, o *importOptions, name, what string, res storage.ImportResult, entries, shared int) {
	counts := fmt.Sprintf("%d added, %d updated, %d already here", res.Added, res.Updated, res.Unchanged)
	if o.dryRun {
		fmt.Fprintf(f.IO.Out, "Would import %s (%s): %s. Nothing was written (--dry-run).\n", name, what, counts)
	} else {
		fmt.Fprintf(f.IO.Out, "Imported %s (%s): %s.\n", name, what, counts)
	}
	if line := sharingLine(entries, shared, o.private); line != "" {
		fmt.Fprintln(f.IO.Out, line)
	}
}

// sharingLine says whether the imported entries will be in what the person
// shares, so a private diary never slips into a coach's export unnoticed.
func sharingLine(entries, shared int, private bool) string {
	switch {
	case entries == 0:
		return ""
	case private:
		return "They are marked private: exports and reports leave them out unless you add --include-private."
	case shared == entries:
		return "They are not private: exports and reports for your coach include them. To keep them to yourself, import with --private."
	}
	verb := "are"
	if shared == 1 {
		verb = "is"
	}
	return fmt.Sprintf("%s of them %s shared in exports and reports; the rest are private.",
		plural(shared, "entry", "entries"), verb)
}

// openImport opens the file to import; "-" is standard input.
func openImport(f *Factory, name string) (io.ReadCloser, error) {
	if name == "-" {
		return io.NopCloser(f.IO.In), nil
	}
	file, err := os.Open(name)
	if err != nil {
		return nil, journal.Invalid("cannot read %s: %v", name, unwrapPath(err))
	}
	if fi, err := file.Stat(); err == nil && fi.IsDir() {
		file.Close()
		_, err := os.ReadFile(name) // the error reading a folder gives
		return nil, journal.Invalid("cannot read %s: %v", name, unwrapPath(err))
	}
	return file, nil
}

// peek is up to the first 64 KB of r, without taking them.
func peek(r *bufio.Reader) ([]byte, error) {
	b, err := r.Peek(r.Size())
	if errors.Is(err, io.EOF) || errors.Is(err, bufio.ErrBufferFull) {
		err = nil
	}
	return b, err
}

// streamable reports whether a file starting with top is one of journal's
// JSON exports as journal writes them, which import reads as a stream.
func streamable(top []byte) bool {
	top = bytes.TrimPrefix(top, []byte("\xef\xbb\xbf"))
	return !export.IsZip(top) && export.HasJSONHeader(top)
}

// skipBOM drops a UTF-8 byte-order mark at the start of r, as some editors
// write.
func skipBOM(r io.Reader) io.Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	return br
}

// sourceReader is the file being imported, remembering the first error
// reading it: the file's own, or the decryption's.
type sourceReader struct {
	r         io.Reader
	encrypted bool
	under     *sourceReader // the encrypted file under the decryption
	err       error
}

func (s *sourceReader) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if err != nil && !errors.Is(err, io.EOF) && s.err == nil {
		s.err = err
	}
	return n, err
}

// explain is the error to show when reading failed with err: the first
// failure reading the file, if any, as bad input; else err.
func (s *sourceReader) explain(name string, err error) error {
	if ferr := s.failure(name); ferr != nil {
		return ferr
	}
	return err
}

// failure is the first failure reading the file, as bad input; nil when
// there was none.
func (s *sourceReader) failure(name string) error {
	switch {
	case s.under != nil && s.under.err != nil:
		return s.under.failure(name)
	case s.err == nil:
		return nil
	case s.encrypted:
		return journal.Invalid("the encrypted file is damaged: %v", s.err)
	}
	return journal.Invalid("cannot read %s: %v", name, unwrapPath(s.err))
}

// importSink checks each record of a JSON export as it comes and, when it
// has an Importer, merges it into the journal. It keeps the first error of
// each kind and writes nothing more after one, so that once the whole file
// is read the error shown is the one a whole-file import would show: the
// file's syntax and each record's own fields first (ReadJSONStream's
// errors), then the rules across records, then the clock, then the
// journal's own refusals.
type importSink struct {
	check   journal.Checker
	now     time.Time
	private bool
	im      *storage.Importer // nil: only check

	across, ahead, write error
	entries, shared      int
}

func (s *importSink) ok() bool { return s.across == nil && s.ahead == nil && s.write == nil }

// verdict is the error of the whole import: reading first (the file's
// own, then a bad byte), then the decoder's, then the sink's own.
func (s *importSink) verdict(name string, readErr, utf8Err, decodeErr error) error {
	switch {
	case readErr != nil:
		return readErr
	case utf8Err != nil:
		return utf8Err
	case decodeErr != nil:
		return journal.Invalid("%s: %v", name, decodeErr)
	case s.across != nil:
		return journal.Invalid("%s: %v", name, s.across)
	case s.ahead != nil:
		return journal.Invalid("%s: %v", name, s.ahead)
	}
	return s.write
}

func (s *importSink) Session(i int, ses journal.Session) error {
	if s.across == nil {
		s.across = s.check.Session(i, ses)
	}
	if s.im != nil && s.ok() {
		s.write = s.im.Session(ses)
	}
	return nil
}

func (s *importSink) Entry(i int, e journal.Entry) error {
	if s.private {
		e.Private = true
	}
	s.entries++
	if !e.Private {
		s.shared++
	}
	if s.across == nil {
		s.across = s.check.Entry(i, e)
	}
	if s.ahead == nil {
		s.ahead = journal.EntryNotAhead(s.now, i, e)
	}
	if s.im != nil && s.ok() {
		s.write = s.im.Entry(e)
	}
	return nil
}

func (s *importSink) DrinkDay(i int, d journal.DrinkDay) error {
	if s.across == nil {
		s.across = s.check.DrinkDay(i, d)
	}
	if s.ahead == nil {
		s.ahead = journal.DrinkDayNotAhead(s.now, i, d)
	}
	if s.im != nil && s.ok() {
		s.write = s.im.DrinkDay(d)
	}
	return nil
}

func (s *importSink) Call(i int, c journal.Call) error {
	if s.across == nil {
		s.across = s.check.Call(i, c)
	}
	if s.ahead == nil {
		s.ahead = journal.CallNotAhead(s.now, i, c)
	}
	if s.im != nil && s.ok() {
		s.write = s.im.Call(c)
	}
	return nil
}

// decryptImport decrypts a whole encrypted file (restore reads backups so).
func decryptImport(ctx context.Context, f *Factory, o *importOptions, b []byte) ([]byte, error) {
	r, err := decryptStream(ctx, f, o, bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return nil, journal.Invalid("the encrypted file is damaged: %v", err)
	}
	return out, nil
}

// decryptStream opens an encrypted export with --identity or the
// passphrase; the text is decrypted as it is read.
func decryptStream(ctx context.Context, f *Factory, o *importOptions, r io.Reader) (io.Reader, error) {
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
	out, err := export.Decrypt(r, ids, pass)
	if err != nil {
		return nil, journal.Invalid("%v", err)
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

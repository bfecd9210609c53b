package cmd

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"os"

	"journal/journal"
	"journal/journal/export"
)

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

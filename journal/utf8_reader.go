package journal

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"
)

// UTF8Reader reads through R, checking as it goes what CheckUTF8File checks
// of a whole file, so that a file read as a stream need not be held. At
// the first byte that is not UTF-8, Read fails with CheckUTF8File's error
// for it (line, byte, what comes before it). It holds the text of one line
// at a time.
type UTF8Reader struct {
	R    io.Reader
	Name string // the file's name, for the error

	lines int    // the newlines read and checked
	line  []byte // the current line's bytes read and checked so far
	cut   []byte // the start of a character cut by the end of the last read
	err   error
}

func (u *UTF8Reader) Read(p []byte) (int, error) {
	if u.err != nil {
		return 0, u.err
	}
	n, err := u.R.Read(p)
	if cerr := u.check(p[:n], err == io.EOF); cerr != nil {
		u.err = cerr
		return 0, cerr
	}
	return n, err
}

// Err is the error for the first byte that is not UTF-8, once read; nil
// before.
func (u *UTF8Reader) Err() error { return u.err }

// check checks the bytes just read, after any cut character; at the end
// of the input a cut character is itself an error.
func (u *UTF8Reader) check(b []byte, end bool) error {
	data := b
	if len(u.cut) > 0 {
		data = append(u.cut, b...)
	}
	k := len(data)
	if !end {
		// Keep a character that goes on in the next read for then.
		for i := k - 1; i >= max(0, k-utf8.UTFMax+1); i-- {
			if utf8.RuneStart(data[i]) {
				if !utf8.FullRune(data[i:]) {
					k = i
				}
				break
			}
		}
	}
	if !utf8.Valid(data[:k]) {
		s := string(u.line) + string(data[:k])
		i := badByte(s)
		lineStart := strings.LastIndexByte(s[:i], '\n') + 1
		return Invalid("line %d of %s is not UTF-8 text (byte 0x%02X%s): save it as UTF-8 and try again",
			u.lines+strings.Count(s[:i], "\n")+1, u.Name, s[i], before(s[lineStart:i]))
	}
	if nl := bytes.LastIndexByte(data[:k], '\n'); nl >= 0 {
		u.lines += bytes.Count(data[:k], []byte("\n"))
		u.line = append(u.line[:0], data[nl+1:k]...)
	} else {
		u.line = append(u.line, data[:k]...)
	}
	u.cut = append(u.cut[:0:0], data[k:]...)
	return nil
}

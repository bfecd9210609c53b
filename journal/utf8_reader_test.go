package journal

import (
	"bytes"
	"io"
	"math/rand/v2"
	"testing"
	"testing/iotest"
)

// TestUTF8ReaderSaysWhatCheckUTF8FileSays: read in pieces of any size, a
// file gets CheckUTF8File's verdict, line and context included, whether
// the bad byte is first, last, inside a character cut between reads, or a
// character cut short at the end.
func TestUTF8ReaderSaysWhatCheckUTF8FileSays(t *testing.T) {
	files := []string{
		"", "plain\nlines\n", "é\nçà 今日は\n👨‍👩‍👧\n",
		"\xffat the start", "at the end\xff", "line 1\nline 2 é\xe9 then\nline 3",
		"cut short at the end: \xe4\xbb", "a wrong follower \xe4\x28\xa1\n", "\xef\xbb\xbf{\"bom\": 1}\n",
		"\xc0\xafoverlong", "surrogate \xed\xa0\x80\n",
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		const pieces = "ab \né今\xff\xe4\xbb"
		b := make([]byte, r.IntN(300))
		for i := range b {
			b[i] = pieces[r.IntN(len(pieces))]
		}
		files = append(files, string(b))
	}
	for _, file := range files {
		want := CheckUTF8File("f.json", []byte(file))
		for _, read := range []func(io.Reader) io.Reader{
			func(r io.Reader) io.Reader { return r },
			iotest.OneByteReader,
			iotest.HalfReader,
		} {
			u := &UTF8Reader{R: read(bytes.NewReader([]byte(file))), Name: "f.json"}
			got, err := io.ReadAll(u)
			if (err == nil) != (want == nil) || (err != nil && err.Error() != want.Error()) {
				t.Errorf("%q: read %v, want %v", file, err, want)
			}
			if want == nil && string(got) != file {
				t.Errorf("%q: read %q", file, got)
			}
			if err != nil && (!IsInput(err) || u.Err() != err) {
				t.Errorf("%q: %v is not bad input, or Err says %v", file, err, u.Err())
			}
		}
	}
}

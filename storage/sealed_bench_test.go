package storage

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"journal/journal"
	"journal/journal/demo"
)

// The five-year journal of `journal demo --days 1825`, plain and
// encrypted, built once per test binary.
var (
	fiveYearsOnce             sync.Once
	fiveYearsPlain, fiveYears string
	fiveYearsErr              error
)

const benchPass = "bench passphrase here"

func fiveYearJournals(b *testing.B) (plain, enc string) {
	b.Helper()
	fiveYearsOnce.Do(func() {
		dir, err := os.MkdirTemp("", "journal-bench-enc-")
		if err != nil {
			fiveYearsErr = err
			return
		}
		fiveYearsPlain = filepath.Join(dir, "plain.db")
		fiveYears = filepath.Join(dir, "enc.db")
		s, err := Open(context.Background(), fiveYearsPlain, func() time.Time { return benchEnd })
		if err != nil {
			fiveYearsErr = err
			return
		}
		recs := demo.Generate(demo.Options{Days: 1825, Seed: 1, End: benchEnd})
		if _, fiveYearsErr = s.Import(context.Background(), recs, false); fiveYearsErr != nil {
			return
		}
		s.Close()
		if fiveYearsErr = copyFile(fiveYearsPlain, fiveYears); fiveYearsErr != nil {
			return
		}
		_, fiveYearsErr = Encrypt(context.Background(), fiveYears, benchPass, testWorkFactor, "")
	})
	if fiveYearsErr != nil {
		b.Fatal(fiveYearsErr)
	}
	if fi, err := os.Stat(fiveYears); err == nil {
		b.ReportMetric(float64(fi.Size())/1e6, "MB")
	}
	return fiveYearsPlain, fiveYears
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// cachedKey stands in for the kernel keyring: the key as if remembered.
type cachedKey map[string]string

func (c cachedKey) Get(p string) (string, bool) { k, ok := c[p]; return k, ok }
func (c cachedKey) Put(p, k string) error       { c[p] = k; return nil }
func (c cachedKey) Forget(p string) error       { delete(c, p); return nil }

// benchOpen opens path as a command does, the key already cached.
func benchOpen(b *testing.B, path string, u Unlock) *Store {
	s, err := OpenWith(context.Background(), path, func() time.Time { return benchEnd }, u)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

func benchUnlock(b *testing.B, path string) Unlock {
	u := Unlock{Cache: cachedKey{}, Passphrase: func(context.Context, bool) (string, error) { return benchPass, nil }}
	benchOpen(b, path, u).Close() // caches the key
	return u
}

// A read command: open, list the 20 newest entries, close.
func BenchmarkOpenList(b *testing.B) {
	plain, enc := fiveYearJournals(b)
	for _, c := range []struct{ name, path string }{{"plain", plain}, {"encrypted", enc}} {
		b.Run(c.name, func(b *testing.B) {
			u := benchUnlock(b, c.path)
			for b.Loop() {
				s := benchOpen(b, c.path, u)
				if _, err := s.Entries(context.Background(), journal.Filter{Limit: 20}); err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
		})
	}
}

// A write command: open, add one note, close.
func BenchmarkOpenWrite(b *testing.B) {
	plain, enc := fiveYearJournals(b)
	for _, c := range []struct{ name, path string }{{"plain", plain}, {"encrypted", enc}} {
		b.Run(c.name, func(b *testing.B) {
			u := benchUnlock(b, c.path)
			for b.Loop() {
				s := benchOpen(b, c.path, u)
				e := journal.Entry{Kind: journal.KindNote, OccurredAt: benchEnd, Body: "a note"}
				if err := s.AddEntry(context.Background(), &e); err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
		})
	}
}

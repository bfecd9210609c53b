package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"filippo.io/age"
	"github.com/rogpeppe/go-internal/testscript"

	"journal/cmd"
	"journal/storage"
)

var update = flag.Bool("update", false, "rewrite testscript files with the actual output")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		// scrypt at 2^10 rather than age's 2^18: a second per passphrase
		// is too slow for a suite.
		"journal": func() { os.Exit(cmd.MainWith(func(f *cmd.Factory) { f.ScryptWorkFactor = 10 })) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: the real
// command line, a fresh journal file each, a fixed clock and no terminal.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("JOURNAL_DB", filepath.Join(env.WorkDir, "journal.db"))
			env.Setenv("XDG_CONFIG_HOME", filepath.Join(env.WorkDir, "config"))
			env.Setenv("XDG_DATA_HOME", filepath.Join(env.WorkDir, "data"))
			// Wednesday 25 November 2026, 20:00 in UTC.
			env.Setenv("JOURNAL_NOW", "2026-11-25T20:00:00Z")
			env.Setenv("TZ", "UTC")
			env.Setenv("NO_COLOR", "1")
			env.Setenv("EDITOR", "false")
			// Drafts and editor copies of an encrypted journal go here
			// (in memory on a real system).
			env.Setenv("XDG_RUNTIME_DIR", filepath.Join(env.WorkDir, "run"))
			if err := os.Mkdir(filepath.Join(env.WorkDir, "run"), 0o700); err != nil {
				return err
			}
			if encryptedSuite() {
				// Every script runs against an encrypted journal, its key
				// remembered as after typing the passphrase once; copies of
				// it open with the passphrase.
				env.Setenv("JOURNAL_PASSPHRASE", suitePassphrase)
				return encryptJournal(env.Getenv("JOURNAL_DB"))
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"sql":        sqlCmd,
			"sqlfixture": sqlFixture,
			"damage":     damage,
			"age":        ageCmd,
			"nowhere":    nowhere,
		},
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "keyring":
				return keyringWorks(), nil
			case "encrypted":
				return encryptedSuite(), nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}

// sqlCmd runs one SQL statement against a database file: `sql FILE STATEMENT`.
// Scripts use it to make files the program must refuse, like a journal
// from a newer version.
func sqlCmd(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: sql FILE STATEMENT")
	}
	defer plainForAWhile(ts, ts.MkAbs(args[0]))()
	db, err := sql.Open("sqlite", ts.MkAbs(args[0]))
	ts.Check(err)
	defer db.Close()
	_, err = db.Exec(args[1])
	if neg {
		if err == nil {
			ts.Fatalf("sql succeeded unexpectedly")
		}
		return
	}
	ts.Check(err)
}

// sqlFixture runs a file of SQL against $JOURNAL_DB, creating the journal
// first, so scripts can set up rows without going through other commands:
//
//	sqlfixture rows.sql
func sqlFixture(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: sqlfixture FILE.sql")
	}
	path := ts.Getenv("JOURNAL_DB")
	st, err := storage.OpenWith(context.Background(), path, time.Now, storage.Unlock{Cache: testKeyring})
	ts.Check(err)
	ts.Check(st.Close())
	defer plainForAWhile(ts, path)()
	db, err := sql.Open("sqlite", path)
	ts.Check(err)
	defer db.Close()
	_, err = db.Exec(ts.ReadFile(args[0]))
	ts.Check(err)
}

// damage overwrites five pages in the middle of a file with noise, as a
// failing disk might: `damage FILE`.
func damage(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: damage FILE")
	}
	path := ts.MkAbs(args[0])
	b, err := os.ReadFile(path)
	ts.Check(err)
	const page = 4096
	first := len(b) / page * 2 / 5 * page
	for i := first; i < first+5*page && i < len(b); i++ {
		b[i] = byte(i*7919 + 13)
	}
	ts.Check(os.WriteFile(path, b, 0o600))
}

// ageCmd stands in for the age tool (filippo.io/age's own library), so the
// scripts show that an encrypted journal opens without journal:
//
//	age -d -passphrase PASS -o OUT IN
//	age -d -i IDENTITY -o OUT IN
func ageCmd(ts *testscript.TestScript, neg bool, args []string) {
	fs := flag.NewFlagSet("age", flag.ContinueOnError)
	decrypt := fs.Bool("d", false, "decrypt")
	pass := fs.String("passphrase", "", "passphrase (age itself asks for it)")
	idFile := fs.String("i", "", "identity file")
	out := fs.String("o", "", "output file")
	if err := fs.Parse(args); err != nil || !*decrypt || *out == "" || fs.NArg() != 1 {
		ts.Fatalf("usage: age -d (-passphrase PASS | -i FILE) -o OUT IN")
	}
	var ids []age.Identity
	if *pass != "" {
		si, err := age.NewScryptIdentity(*pass)
		ts.Check(err)
		ids = append(ids, si)
	} else {
		f, err := os.Open(ts.MkAbs(*idFile))
		ts.Check(err)
		ids, err = age.ParseIdentities(f)
		f.Close()
		ts.Check(err)
	}
	in, err := os.Open(ts.MkAbs(fs.Arg(0)))
	ts.Check(err)
	defer in.Close()
	r, err := age.Decrypt(in, ids...)
	if neg {
		if err == nil {
			ts.Fatalf("age -d succeeded unexpectedly")
		}
		return
	}
	ts.Check(err)
	b, err := io.ReadAll(r)
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(*out), b, 0o600))
}

// nowhere fails when WORD is in any file under the folders given (all
// their files, read whole; a missing folder holds nothing):
// `nowhere WORD DIR...`.
func nowhere(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: nowhere WORD DIR...")
	}
	word := []byte(args[0])
	files := 0
	for _, dir := range args[1:] {
		if _, err := os.Stat(ts.MkAbs(dir)); errors.Is(err, iofs.ErrNotExist) {
			continue // nothing there to hold it
		}
		err := filepath.WalkDir(ts.MkAbs(dir), func(p string, d iofs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files++
			if bytes.Contains(b, word) {
				ts.Fatalf("%q found in %s", word, p)
			}
			return nil
		})
		ts.Check(err)
	}
	ts.Logf("%q is in none of %d files", word, files)
}

// keyringWorks reports whether this system lets the journal cache keys in
// the kernel keyring (containers often refuse keyctl).
func keyringWorks() bool {
	k := storage.Keyring{Timeout: time.Minute}
	if k.Put("keyring-probe", "x") != nil {
		return false
	}
	_, ok := k.Get("keyring-probe")
	k.Forget("keyring-probe")
	return ok
}

// encryptedSuite is set by JOURNAL_TEST_ENCRYPTED=1: every script then
// runs against an encrypted journal (CI runs the suite both ways).
func encryptedSuite() bool { return os.Getenv("JOURNAL_TEST_ENCRYPTED") == "1" }

// testKeyring remembers the keys of the scripts' encrypted journals.
var testKeyring = storage.Keyring{Timeout: 10 * time.Minute}

// suitePassphrase locks the journals of the encrypted suite.
const suitePassphrase = "the suite's own passphrase"

// encryptJournal makes the journal at path (a new one when missing) an
// encrypted one, with its key remembered.
func encryptJournal(path string) error {
	id, err := storage.Encrypt(context.Background(), path, suitePassphrase, 10, "")
	if err != nil {
		return err
	}
	return testKeyring.Put(path, id.String())
}

// plainForAWhile decrypts the encrypted journal at path, so a script can
// work on its SQLite file, and returns what encrypts it again. A plain file
// is left alone.
func plainForAWhile(ts *testscript.TestScript, path string) func() {
	if !storage.IsEncrypted(path) {
		return func() {}
	}
	ts.Check(storage.Decrypt(context.Background(), path, storage.Unlock{Cache: testKeyring}))
	return func() { ts.Check(encryptJournal(path)) }
}

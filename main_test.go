package main

import (
	"context"
	"database/sql"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

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
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"sql":        sqlCmd,
			"sqlfixture": sqlFixture,
			"damage":     damage,
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
	st, err := storage.Open(context.Background(), path, time.Now)
	ts.Check(err)
	ts.Check(st.Close())
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

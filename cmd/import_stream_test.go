package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exportOf is a journal export holding the given entries, one a line.
func exportOf(entries ...string) string {
	return "{\n\"format\": \"journal-export\",\n\"version\": 1,\n\"entries\": [\n" + strings.Join(entries, ",\n") + "\n]}\n"
}

// note is an entry of the export, its uuid ending in n.
func note(n int, at, body string) string {
	return fmt.Sprintf(`{"uuid": "aaaaaaaa-0000-4000-8000-%012d", "kind": "note", "day": %q, "occurred_at": %q, `+
		`"body": %q, "created_at": %q, "updated_at": %q}`, n, at[:10], at, body, at, at)
}

// A file is read and written as it comes, yet a bad record at its very end
// still leaves the journal as it was, from a file or from standard input;
// and the error is the one a whole-file check would give, the first in the
// order: unreadable text, broken JSON, the rules across records, the clock.
func TestImportStreamWritesNothingOnABadRecordAnywhere(t *testing.T) {
	dir := t.TempDir()
	mustShare(t, dir, "write", "Already here.")
	good := []string{note(1, "2026-11-20T09:00:00Z", "First"), note(2, "2026-11-21T09:00:00Z", "Second"),
		note(3, "2026-11-22T09:00:00Z", "Third")}
	cases := []struct {
		name, file, want string
	}{
		{"future.json", exportOf(append(good, note(4, "2030-01-01T09:00:00Z", "Later"))...),
			"journal: future.json: entries[3] (aaaaaaaa-0000-4000-…): occurred_at 2030-01-01T09:00:00Z is in the future: only what already happened is imported"},
		{"dup.json", exportOf(append(good, note(1, "2026-11-23T09:00:00Z", "Again"))...),
			"journal: dup.json: entries[3] (aaaaaaaa-0000-4000-…): the same uuid as entries[0]: each record needs its own"},
		{"dup-then-future.json", exportOf(note(4, "2030-01-01T09:00:00Z", "Later"), good[0], good[0]),
			"journal: dup-then-future.json: entries[2] (aaaaaaaa-0000-4000-…): the same uuid as entries[1]: each record needs its own"},
		{"future-then-broken.json", exportOf(note(4, "2030-01-01T09:00:00Z", "Later"), good[0], `{"uuid": }`),
			"journal: future-then-broken.json: broken JSON in entries[2] (starting on line 7): invalid character '}' looking for beginning of value"},
		{"broken-then-badbyte.json", exportOf(`{"uuid": }`, strings.Replace(note(5, "2026-11-20T09:00:00Z", "cafe"), "cafe", "caf\xe9", 1)),
			`journal: line 6 of broken-then-badbyte.json is not UTF-8 text (byte 0xE9 after "0:00Z\", \"body\": \"caf"): save it as UTF-8 and try again`},
	}
	for _, c := range cases {
		file := filepath.Join(dir, c.name)
		if err := os.WriteFile(file, []byte(c.file), 0o600); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"import", file}, {"import", "-"}} {
			f, out, errOut := trackFactory(t, dir, c.file, false, nil)
			code := Run(t.Context(), f, args)
			want := strings.Replace(c.want, c.name, args[1], 1)
			if code != 2 || strings.TrimSuffix(errOut.String(), "\n") != want || out.Len() > 0 {
				t.Errorf("journal %s (%s): exit %d, stdout %q, stderr\n%s\nwant\n%s", strings.Join(args, " "), c.name,
					code, out, errOut, want)
			}
		}
	}
	list := mustShare(t, dir, "list")
	if !strings.Contains(list, "Already here.") || strings.Contains(list, "First") {
		t.Errorf("the journal changed:\n%s", list)
	}
	// The good records alone come in, all of them.
	file := filepath.Join(dir, "good.json")
	os.WriteFile(file, []byte(exportOf(good...)), 0o600)
	if out := mustShare(t, dir, "import", file); !strings.Contains(out, "3 added, 0 updated, 0 already here") {
		t.Errorf("import said %s", out)
	}
}

// A bad file does not leave a new, empty journal behind.
func TestImportOfABadFileMakesNoJournal(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "future.json")
	os.WriteFile(file, []byte(exportOf(note(1, "2026-11-20T09:00:00Z", "First"), note(2, "2030-01-01T09:00:00Z", "Later"))), 0o600)
	if _, errOut, code := share(t, dir, nil, "import", file); code != 2 || !strings.Contains(errOut, "is in the future") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "journal.db")); !os.IsNotExist(err) {
		t.Errorf("a journal was made: %v", err)
	}
}

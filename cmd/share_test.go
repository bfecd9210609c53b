package cmd

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
	"filippo.io/age/armor"

	"journal/journal"
	"journal/journal/export"
)

// share runs one command line against the journal in dir, not at a
// terminal, and returns what it printed.
func share(t *testing.T, dir string, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	f, out, errOut := trackFactory(t, dir, "", false, env)
	code = Run(context.Background(), f, args)
	return out.String(), errOut.String(), code
}

func mustShare(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, errOut, code := share(t, dir, nil, args...)
	if code != 0 {
		t.Fatalf("journal %s: exit %d: %s", strings.Join(args, " "), code, errOut)
	}
	return out
}

// guidedExport holds a guided entry, public, and one marked private: no
// command makes guided entries yet, so they come in by import.
const guidedExport = `{
  "format": "journal-export",
  "version": 1,
  "entries": [
    {"uuid": "6b0f1c2e-0000-4000-8000-000000000001", "kind": "guided", "prompt_set": "reflect",
     "day": "2026-11-21", "occurred_at": "2026-11-21T10:00:00Z",
     "created_at": "2026-11-21T10:00:00Z", "updated_at": "2026-11-21T10:00:00Z", "body": "",
     "answers": [
       {"key": "noticed", "question": "What did you notice during the session?", "answer": "A lot of calm.\n\nAnd some sadness about my father."},
       {"key": "bring", "question": "What do you want to bring to your coach?", "answer": "Evenings after work."}
     ]},
    {"uuid": "6b0f1c2e-0000-4000-8000-000000000002", "kind": "guided", "prompt_set": "reflect", "private": true,
     "day": "2026-11-22", "occurred_at": "2026-11-22T10:00:00Z",
     "created_at": "2026-11-22T10:00:00Z", "updated_at": "2026-11-22T10:00:00Z", "body": "",
     "answers": [{"key": "noticed", "question": "What did you notice?", "answer": "PRIVATE-ANSWER"}]}
  ]
}`

// seedShare writes a month of journal into dir: notes, cravings, drinking
// days, a check-in, a call and guided entries. Everything private carries
// the word PRIVATE.
func seedShare(t *testing.T, dir string) {
	t.Helper()
	for _, args := range [][]string{
		{"write", "--at", "2026-11-10 09:00", "Long walk after work. Felt steadier. #walk"},
		{"write", "--private", "--at", "2026-11-12 22:00", "PRIVATE-NOTE: hid a bottle in the garage"},
		{"craving", "9", "--private", "--at", "2026-11-13 21:00", "--trigger", "PRIVATE-TRIGGER", "--note", "PRIVATE-CRAVING"},
		{"craving", "7", "--at", "2026-11-12 21:00", "--trigger", "stress", "--coping", "walk", "--outcome", "resisted", "--note", "after the meeting"},
		{"craving", "5", "--at", "2026-11-17 19:00", "--trigger", "friends", "--outcome", "used"},
		{"craving", "4", "--at", "2026-11-20 18:00", "--trigger", "boredom", "--coping", "called sam", "--outcome", "resisted"},
		{"craving", "2", "--at", "2026-11-24 18:00", "--trigger", "tired"},
		{"sober", "--from", "2026-11-01", "--to", "2026-11-15"},
		{"drinks", "2", "--date", "2026-11-16"},
		{"drinks", "6", "--date", "2026-11-18"},
		{"sober", "--from", "2026-11-19", "--to", "2026-11-24"},
		{"checkin", "--mood", "6", "--craving", "3", "--sleep", "7.5", "--drinks", "0", "--note", "Steadier after the walk"},
		{"call", "add", "--date", "2026-11-18", "--note", "Talked about evenings"},
	} {
		mustShare(t, dir, args...)
	}
	p := filepath.Join(dir, "guided.json")
	if err := os.WriteFile(p, []byte(guidedExport), 0o600); err != nil {
		t.Fatal(err)
	}
	mustShare(t, dir, "import", p)
}

// Export json, import into an empty journal, export again: the same
// records (ids are local to each journal and may differ).
func TestExportImportRoundTrip(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	seedShare(t, a)
	file := filepath.Join(a, "all.json")
	mustShare(t, a, "export", "--format", "json", "--include-private", "-o", file)
	if out := mustShare(t, b, "import", file); !strings.Contains(out, "35 added, 0 updated, 0 already here") {
		t.Errorf("first import: %q", out)
	}
	if out := mustShare(t, b, "import", file); !strings.Contains(out, "0 added, 0 updated, 35 already here") {
		t.Errorf("second import: %q", out)
	}
	first := readExport(t, []byte(mustShare(t, a, "export", "--format", "json", "--include-private")))
	again := readExport(t, []byte(mustShare(t, b, "export", "--format", "json", "--include-private")))
	if len(first.Entries) != 10 || len(first.DrinkDays) != 24 || len(first.Calls) != 1 {
		t.Fatalf("exported %d entries, %d days, %d calls", len(first.Entries), len(first.DrinkDays), len(first.Calls))
	}
	want, _ := json.MarshalIndent(withoutIDs(first), "", " ")
	got, _ := json.MarshalIndent(withoutIDs(again), "", " ")
	if !bytes.Equal(want, got) {
		t.Errorf("the records changed on the way through:\n%s", diffLines(string(want), string(got)))
	}
}

func readExport(t *testing.T, b []byte) journal.Records {
	t.Helper()
	doc, err := export.ReadJSON(b)
	if err != nil {
		t.Fatal(err)
	}
	return doc.Records
}

func withoutIDs(r journal.Records) journal.Records {
	for i := range r.Entries {
		r.Entries[i].ID = 0
	}
	for i := range r.Calls {
		r.Calls[i].ID = 0
	}
	return r
}

// diffLines shows the first lines that differ.
func diffLines(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := 0; i < max(len(al), len(bl)) && len(out) < 10; i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out = append(out, "- "+x, "+ "+y)
		}
	}
	return strings.Join(out, "\n")
}

// Private entries never appear in any format unless asked for, and the
// counts in the CSV leave them out too.
func TestPrivateEntriesStayOutOfEveryFormat(t *testing.T) {
	dir := t.TempDir()
	seedShare(t, dir)
	formats := [][]string{
		{"--format", "md"}, {"--format", "html"}, {"--format", "json"},
		{"--format", "csv"}, {"--format", "csv", "--kind", "craving"},
		{"--format", "md", "--kind", "guided"}, {"--format", "html", "--since", "2026-11-12", "--until", "2026-11-13"},
	}
	for _, f := range formats {
		args := append([]string{"export"}, f...)
		out, errOut, code := share(t, dir, nil, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", f, code, errOut)
		}
		if strings.Contains(out, "PRIVATE") || strings.Contains(out, "garage") {
			t.Errorf("%v: a private entry is in the export", f)
		}
		if !strings.Contains(errOut, "private") {
			t.Errorf("%v: stderr %q does not say private entries were left out", f, errOut)
		}
		if f[1] == "csv" && len(f) == 2 && !strings.Contains(out, "\n2026-11-13,0,no,,,0,,56,4,14\n") {
			t.Errorf("the private craving is counted in the CSV:\n%s", out)
		}
		// Written to a file, the same.
		file := filepath.Join(dir, "out")
		if _, errOut, code := share(t, dir, nil, append(args, "-o", file)...); code != 0 {
			t.Fatalf("%v -o: %s", f, errOut)
		}
		if b, _ := os.ReadFile(file); bytes.Contains(b, []byte("PRIVATE")) {
			t.Errorf("%v -o: a private entry is in the file", f)
		}
	}
	for _, f := range formats[:5] {
		out := mustShare(t, dir, append([]string{"export", "--include-private"}, f...)...)
		if !strings.Contains(out, "PRIVATE") && !strings.Contains(out, "\n2026-11-13,0,no,,,1,9,56,4,14\n") {
			t.Errorf("%v --include-private: the private entries are missing", f)
		}
	}
}

// An export encrypted for the coach opens with the coach's identity (the
// age library, as the age tool would) and with no other.
func TestEncryptedExportOpensOnlyWithTheRightIdentity(t *testing.T) {
	dir := t.TempDir()
	seedShare(t, dir)
	coach, _ := age.GenerateX25519Identity()
	stranger, _ := age.GenerateX25519Identity()
	for _, armor := range []bool{false, true} {
		file := filepath.Join(dir, "coach.json.age")
		args := []string{"export", "--format", "json", "--encrypt-to", coach.Recipient().String(), "-o", file}
		if armor {
			args = append(args, "--armor")
		}
		mustShare(t, dir, args...)
		st, err := os.Stat(file)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("the export is mode %o, want 600", st.Mode().Perm())
		}
		b, _ := os.ReadFile(file)
		if bytes.Contains(b, []byte("Talked about evenings")) {
			t.Fatal("the encrypted export is readable without a key")
		}
		if _, err := age.Decrypt(ageReader(b), stranger); err == nil {
			t.Error("another identity opened the export")
		}
		r, err := age.Decrypt(ageReader(b), coach)
		if err != nil {
			t.Fatal(err)
		}
		plain, _ := io.ReadAll(r)
		if recs := readExport(t, plain); len(recs.Calls) != 1 || recs.Calls[0].Note != "Talked about evenings" {
			t.Errorf("decrypted calls: %+v", recs.Calls)
		}
	}
	// A passphrase opens a passphrase export; a wrong one does not.
	file := filepath.Join(dir, "pass.md.age")
	if _, errOut, code := share(t, dir, map[string]string{"JOURNAL_PASSPHRASE": "correct horse"}, "export", "--passphrase", "-o", file); code != 0 {
		t.Fatal(errOut)
	}
	b, _ := os.ReadFile(file)
	wrong, _ := age.NewScryptIdentity("wrong horse")
	if _, err := age.Decrypt(bytes.NewReader(b), wrong); err == nil {
		t.Error("a wrong passphrase opened the export")
	}
	right, _ := age.NewScryptIdentity("correct horse")
	r, err := age.Decrypt(bytes.NewReader(b), right)
	if err != nil {
		t.Fatal(err)
	}
	if plain, _ := io.ReadAll(r); !bytes.HasPrefix(plain, []byte("# Journal, ")) {
		t.Errorf("decrypted %q", plain[:min(40, len(plain))])
	}
}

// ageReader undoes the ASCII armor when there is one.
func ageReader(b []byte) io.Reader {
	if bytes.HasPrefix(b, []byte("-----BEGIN AGE")) {
		return armor.NewReader(bytes.NewReader(b))
	}
	return bytes.NewReader(b)
}

// A bad key or flag is refused before anything is read or written: no
// journal file, no output file.
func TestExportBadInputWritesNothing(t *testing.T) {
	cases := [][]string{
		{"export", "--format", "pdf"}, {"export", "--encrypt-to", "age1nope"},
		{"export", "--encrypt-to", "ssh-ed25519 AAAA"}, {"export", "--recipients-file", "nope.txt"},
		{"export", "--passphrase"}, {"export", "--armor"}, {"export", "--kind", "dream"},
		{"export", "--since", "2026-11-20", "--until", "2026-11-01"}, {"export", "--since", "someday"},
		{"import", "nope.json"}, {"import"},
	}
	for _, args := range cases {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out.md")
			if args[0] == "export" {
				args = append(args, "-o", out)
			}
			_, errOut, code := share(t, dir, nil, args...)
			if code != exitUsage || strings.Count(errOut, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want 2 and one line", code, errOut)
			}
			for _, p := range []string{out, filepath.Join(dir, "journal.db")} {
				if _, err := os.Stat(p); err == nil {
					t.Errorf("%s was written", filepath.Base(p))
				}
			}
		})
	}
}

// An encrypted export to a terminal would be noise: it needs -o or --armor.
func TestEncryptedExportRefusesATerminal(t *testing.T) {
	dir := t.TempDir()
	coach, _ := age.GenerateX25519Identity()
	f, out, errOut := trackFactory(t, dir, "", true, nil)
	if code := Run(context.Background(), f, []string{"export", "--encrypt-to", coach.Recipient().String()}); code != exitUsage {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if out.Len() > 0 || !strings.Contains(errOut.String(), "add -o FILE, or --armor") {
		t.Errorf("stdout %q, stderr %q", out, errOut)
	}
}

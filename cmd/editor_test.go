package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"journal/journal"
)

// fakeEditor writes a script that records the file it was given, its mode
// and its folder's mode, then writes text into it.
func fakeEditor(t *testing.T, text string) (editor, record string) {
	t.Helper()
	dir := t.TempDir()
	record = filepath.Join(dir, "record")
	script := filepath.Join(dir, "editor.sh")
	body := "#!/bin/sh\n" +
		"stat -c '%a %n' \"$1\" > " + record + "\n" +
		"stat -c '%a' \"$(dirname \"$1\")\" >> " + record + "\n" +
		"printf '%s' '" + text + "' >> \"$1\"\n"
	if err := os.WriteFile(script, []byte(body), 0o700); err != nil {
		t.Fatal(err)
	}
	return script, record
}

func testFactory(env map[string]string) (*Factory, *bytes.Buffer, *bytes.Buffer) {
	out, errOut := &bytes.Buffer{}, &bytes.Buffer{}
	return &Factory{
		IO:     &IOStreams{In: strings.NewReader(""), Out: out, ErrOut: errOut, InTTY: true, OutTTY: true, ErrTTY: true},
		Getenv: func(k string) string { return env[k] },
	}, out, errOut
}

func TestEditTextUsesAPrivateTempFileAndRemovesIt(t *testing.T) {
	editor, record := fakeEditor(t, " and more")
	f, _, _ := testFactory(map[string]string{"EDITOR": editor})
	got, err := f.editText("first words", 0)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != "first words and more" {
		t.Errorf("editText = %q", got.Text)
	}
	rec, _ := os.ReadFile(record)
	lines := strings.Fields(string(rec))
	if len(lines) != 3 || lines[0] != "600" || lines[2] != "700" {
		t.Fatalf("editor saw %q, want a 600 file in a 700 folder", rec)
	}
	// Not saved yet: the private copy is still there.
	if _, err := os.Stat(lines[1]); err != nil {
		t.Errorf("the editor file was removed before the text was saved: %v", err)
	}
	got.Saved()
	got.Release()
	if _, err := os.Stat(lines[1]); !os.IsNotExist(err) {
		t.Errorf("the editor file %s was left behind after the save", lines[1])
	}
}

func TestEditTextFailingEditorSavesNothing(t *testing.T) {
	f, _, _ := testFactory(map[string]string{"EDITOR": "false"})
	if _, err := f.editText("", 0); err == nil || !strings.Contains(err.Error(), "nothing was saved") {
		t.Errorf("err = %v, want the editor failure named", err)
	}
}

func TestWriteFromEditorOnATerminal(t *testing.T) {
	editor, _ := fakeEditor(t, "Written in the editor #quiet")
	dir := t.TempDir()
	f, out, errOut := testFactory(map[string]string{"EDITOR": editor, "JOURNAL_DB": filepath.Join(dir, "j.db")})
	f.Now = fixedClock
	if code := Run(t.Context(), f, []string{"write", "--json"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out.String(), `"body": "Written in the editor #quiet"`) || !strings.Contains(out.String(), `"quiet"`) {
		t.Errorf("saved entry = %s", out)
	}
}

// An editor closed with nothing in it is named as such; the person is not
// told to go and use the editor they have just left.
func TestWriteEmptyFromEditorSaysSo(t *testing.T) {
	dir := t.TempDir()
	f, _, errOut := testFactory(map[string]string{"EDITOR": "true", "JOURNAL_DB": filepath.Join(dir, "j.db")})
	f.Now = fixedClock
	if code := Run(t.Context(), f, []string{"write"}); code != exitUsage {
		t.Fatalf("exit %d, want 2: %s", code, errOut)
	}
	if got := errOut.String(); got != "journal: nothing to save: the editor was closed with no text in it\n" {
		t.Errorf("stderr %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "j.db")); err == nil {
		t.Errorf("the journal was written")
	}
}

// An editor that fails after text was written into it (vim exits 1 after
// some errors) saves nothing, but the text is not thrown away: its private
// file stays and the message names it.
func TestEditTextFailingEditorKeepsWhatWasTyped(t *testing.T) {
	script := filepath.Join(t.TempDir(), "editor.sh")
	body := "#!/bin/sh\nprintf 'a long evening of writing' >> \"$1\"\nexit 1\n"
	if err := os.WriteFile(script, []byte(body), 0o700); err != nil {
		t.Fatal(err)
	}
	f, _, _ := testFactory(map[string]string{"EDITOR": script})
	_, err := f.editText("", 0)
	if err == nil || !strings.Contains(err.Error(), "nothing was saved") {
		t.Fatalf("err = %v, want the editor failure named", err)
	}
	i := strings.Index(err.Error(), "your text is kept in ")
	if i < 0 {
		t.Fatalf("err = %v, want the kept file named", err)
	}
	path := strings.Fields(err.Error()[i+len("your text is kept in "):])[0]
	defer os.RemoveAll(filepath.Dir(path))
	b, rerr := os.ReadFile(path)
	if rerr != nil || string(b) != "a long evening of writing" {
		t.Errorf("kept file %s: %q, %v", path, b, rerr)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("kept file mode: %v %v", fi.Mode(), err)
	}
}

// A journal file that cannot be used is reported before the editor opens,
// not after the person has written a whole entry into it.
func TestWriteChecksTheJournalBeforeTheEditor(t *testing.T) {
	editor, record := fakeEditor(t, "a whole entry")
	dir := t.TempDir()
	db := filepath.Join(dir, "j.db")
	if err := os.WriteFile(db, []byte("not a journal"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, _, errOut := testFactory(map[string]string{"EDITOR": editor, "JOURNAL_DB": db})
	f.Now = fixedClock
	if code := Run(t.Context(), f, []string{"write"}); code != exitFailure {
		t.Fatalf("exit %d, want 1: %s", code, errOut)
	}
	if _, err := os.Stat(record); err == nil {
		t.Errorf("the editor was opened for a journal that cannot be written")
	}
}

// With --no-input at a terminal, the message does not send the person to
// the editor that --no-input keeps closed.
func TestWriteNoInputNamesTheWays(t *testing.T) {
	dir := t.TempDir()
	f, _, errOut := testFactory(map[string]string{"JOURNAL_DB": filepath.Join(dir, "j.db")})
	f.Now = fixedClock
	if code := Run(t.Context(), f, []string{"--no-input", "write"}); code != exitUsage {
		t.Fatalf("exit %d, want 2: %s", code, errOut)
	}
	if got := errOut.String(); got != "journal: nothing to save: --no-input keeps the editor closed, so give the text on the command line or pipe it in\n" {
		t.Errorf("stderr %q", got)
	}
}

// Text saved by an editor in another encoding is refused, and kept.
func TestEditTextNotUTF8IsRefusedAndKept(t *testing.T) {
	editor, record := fakeEditor(t, "今日は caf\xe9") // é in Latin-1
	f, _, _ := testFactory(map[string]string{"EDITOR": editor})
	_, err := f.editText("", 0)
	if err == nil || !journal.IsInput(err) || !strings.Contains(err.Error(), "the text from the editor is not UTF-8 text (byte 0xE9 after \"今日は caf\")") {
		t.Fatalf("err = %v, want the text from the editor refused as not UTF-8", err)
	}
	rec, _ := os.ReadFile(record)
	path := strings.Fields(string(rec))[1]
	if !strings.Contains(err.Error(), "kept in "+path) {
		t.Errorf("err = %v, want it to name %s", err, path)
	}
	b, rerr := os.ReadFile(path)
	if rerr != nil || string(b) != "今日は caf\xe9" {
		t.Errorf("kept file = %q, %v; want the text as the editor saved it", b, rerr)
	}
	os.RemoveAll(filepath.Dir(path))
}

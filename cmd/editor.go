package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"journal/journal"
	"journal/storage"
)

// errNoEditor says neither $VISUAL nor $EDITOR is set.
var errNoEditor = errors.New("no editor configured: set VISUAL or EDITOR")

// editorCommand returns the person's editor as a shell command line:
// $VISUAL, else $EDITOR, as other terminal programs choose. With neither
// set it returns errNoEditor; the caller decides what to offer instead.
func (f *Factory) editorCommand() (string, error) {
	for _, name := range []string{"VISUAL", "EDITOR"} {
		if v := strings.TrimSpace(f.Getenv(name)); v != "" {
			return v, nil
		}
	}
	return "", errNoEditor
}

// editedText is what the person wrote in their editor. Its private copy
// (a file 0600 in a folder 0700 of its own) stays on disk until the text
// is saved in the journal: call Saved after the save, Keep when the save
// failed, and Release (deferred) in every case.
type editedText struct {
	Text    string
	initial string
	path    string
	saved   bool
	kept    bool
	draft   *draftForm // text from the built-in text box: kept as its draft instead of a file
}

// Saved marks the text as stored in the journal; Release then removes the
// private copy. Safe on nil (text that did not come from the editor).
func (e *editedText) Saved() {
	if e != nil {
		e.saved = true
		if e.draft != nil {
			e.draft.saved()
		}
	}
}

// Keep keeps the private copy for good and returns err with its path and
// the command that saves it later (retry, like "journal write"), so the
// person can pick the text up. On nil it returns err unchanged.
func (e *editedText) Keep(err error, retry string) error {
	if e == nil || err == nil {
		return err
	}
	e.kept = true
	if e.draft != nil {
		return e.draft.kept(err)
	}
	return fmt.Errorf("%v: your text is kept in %s (readable only by you); save it later with: %s < %s", err, e.path, retry, e.path)
}

// Release removes the private copy once the text is saved, or when it
// holds nothing the person wrote (empty, or the text it started with).
// Otherwise the copy stays: text is never removed before it is saved.
func (e *editedText) Release() {
	if e == nil || e.kept || e.path == "" {
		return
	}
	if e.saved || strings.TrimSpace(e.Text) == "" || e.Text == e.initial {
		os.RemoveAll(filepath.Dir(e.path))
	}
}

// editText opens initial (the text of entry, or "" and 0 for a new
// entry) in the person's editor and returns what was
// saved there, still in its private file (see editedText). When the
// editor fails after text was written, the file is kept and named. With an
// encrypted journal the private folder is in memory (see memoryDir).
func (f *Factory) editText(initial string, entry int64) (*editedText, error) {
	editor, err := f.editorCommand()
	if errors.Is(err, errNoEditor) {
		// No editor chosen: a text box here, rather than vi, which many
		// people do not know how to leave.
		return f.textBox(initial, entry)
	}
	parent := ""
	if path, perr := f.dbPath(); perr == nil && storage.IsEncrypted(path) {
		if parent, err = f.memoryDir(); err != nil {
			return nil, err
		}
	}
	dir, err := os.MkdirTemp(parent, "journal-edit-")
	if err != nil {
		return nil, fmt.Errorf("cannot make a private folder for the editor: %w", err)
	}
	keep := false
	defer func() {
		if !keep {
			os.RemoveAll(dir)
		}
	}()
	if err := os.Chmod(dir, 0o700); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "entry.md")
	if err := os.WriteFile(path, []byte(initial), 0o600); err != nil {
		return nil, fmt.Errorf("cannot write the editor file: %w", err)
	}
	// Through the shell, so EDITOR="code --wait" works as people expect.
	c := exec.Command("sh", "-c", editor+` "$1"`, "journal-editor", path)
	c.Stdin, c.Stdout, c.Stderr = f.IO.In, f.IO.Out, f.IO.ErrOut
	if in, ok := f.IO.In.(*os.File); ok {
		c.Stdin = in
	}
	if err := runEditor(c); err != nil {
		// Text typed before the editor failed stays in its private file,
		// so nothing typed is lost; the person decides what to do with it.
		if b, rerr := os.ReadFile(path); rerr == nil && strings.TrimSpace(string(b)) != "" && string(b) != initial {
			keep = true
			return nil, fmt.Errorf("the editor (%s) stopped with an error, so nothing was saved: %v; your text is kept in %s (readable only by you)", editor, err, path)
		}
		return nil, fmt.Errorf("the editor (%s) stopped with an error, so nothing was saved: %v", editor, err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read back the editor file: %w", err)
	}
	if err := journal.CheckUTF8("the text from the editor", string(b)); err != nil {
		// Nothing typed is lost: the file stays for the person to fix.
		keep = true
		return nil, journal.Invalid("%v; your text is kept in %s (readable only by you)", err, path)
	}
	keep = true // from here the caller's Release decides
	return &editedText{Text: string(b), initial: initial, path: path}, nil
}

// command is a journal command line to suggest: args after "journal",
// with the --db the person gave, so it reaches the same journal.
func (f *Factory) command(args string) string {
	if f.DBPath != "" {
		return "journal --db " + shellQuote(f.DBPath) + " " + args
	}
	return "journal " + args
}

// runEditor runs the editor to its end. Ctrl+C and Ctrl+\ at the terminal
// reach every process in the foreground, journal too: many press Ctrl+C in
// vim to leave insert mode, and journal must not die under the editor and
// lose the text the person then saves. So journal catches them while the
// editor runs, as git does; the editor itself gets them as usual (caught
// signals go back to their defaults in the program it starts).
func runEditor(c *exec.Cmd) error {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGQUIT)
	defer signal.Stop(sigs)
	return c.Run()
}

// readText gets an entry's text: from args, else from piped stdin, else
// from the editor on a terminal, starting from initial, the text of entry
// (0 for a new one). ed is nil unless the editor was used; its methods are
// safe on nil.
func (f *Factory) readText(ctx context.Context, args []string, initial string, entry int64) (text string, ed *editedText, err error) {
	if len(args) > 0 {
		return strings.Join(args, " "), nil, nil
	}
	if !f.IO.InTTY {
		b, err := io.ReadAll(f.IO.In)
		if err != nil {
			return "", nil, fmt.Errorf("cannot read the text from standard input: %w", err)
		}
		return string(b), nil, journal.CheckUTF8("the text on standard input", string(b))
	}
	if f.NoInput {
		return "", nil, journal.Invalid("nothing to save: --no-input keeps the editor closed, so give the text on the command line or pipe it in")
	}
	if err := f.canSave(ctx); err != nil {
		return "", nil, err
	}
	ed, err = f.editText(initial, entry)
	if err != nil {
		return "", nil, err
	}
	return ed.Text, ed, nil
}

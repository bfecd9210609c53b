package cmd

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"journal/journal"
	"journal/storage"
)

// editText opens initial in $EDITOR (vi when unset) and returns what was
// saved. The file lives in a private folder of its own (0700, file 0600)
// that is removed afterwards, so no copy of the entry is left behind,
// unless the editor fails after text was written: then it is kept. With an
// encrypted journal the folder is in memory (see memoryDir).
func (f *Factory) editText(initial string) (string, error) {
	parent := ""
	if path, err := f.dbPath(); err == nil && storage.IsEncrypted(path) {
		if parent, err = f.memoryDir(); err != nil {
			return "", err
		}
	}
	dir, err := os.MkdirTemp(parent, "journal-edit-")
	if err != nil {
		return "", fmt.Errorf("cannot make a private folder for the editor: %w", err)
	}
	keep := false
	defer func() {
		if !keep {
			os.RemoveAll(dir)
		}
	}()
	if err := os.Chmod(dir, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "entry.md")
	if err := os.WriteFile(path, []byte(initial), 0o600); err != nil {
		return "", fmt.Errorf("cannot write the editor file: %w", err)
	}
	editor := f.Getenv("EDITOR")
	if strings.TrimSpace(editor) == "" {
		editor = "vi"
	}
	// Through the shell, so EDITOR="code --wait" works as people expect.
	c := exec.Command("sh", "-c", editor+` "$1"`, "journal-editor", path)
	c.Stdin, c.Stdout, c.Stderr = f.IO.In, f.IO.Out, f.IO.ErrOut
	if in, ok := f.IO.In.(*os.File); ok {
		c.Stdin = in
	}
	if err := c.Run(); err != nil {
		// Text typed before the editor failed stays in its private file,
		// so nothing typed is lost; the person decides what to do with it.
		if b, rerr := os.ReadFile(path); rerr == nil && strings.TrimSpace(string(b)) != "" && string(b) != initial {
			keep = true
			return "", fmt.Errorf("the editor (%s) stopped with an error, so nothing was saved: %v; your text is kept in %s (readable only by you)", editor, err, path)
		}
		return "", fmt.Errorf("the editor (%s) stopped with an error, so nothing was saved: %v", editor, err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("cannot read back the editor file: %w", err)
	}
	if err := journal.CheckUTF8("the text from the editor", string(b)); err != nil {
		// Nothing typed is lost: the file stays for the person to fix.
		keep = true
		return "", journal.Invalid("%v; your text is kept in %s (readable only by you)", err, path)
	}
	return string(b), nil
}

// readText gets an entry's text: from args, else from piped stdin, else
// from the editor on a terminal.
func (f *Factory) readText(args []string, initial string) (string, error) {
	if len(args) > 0 {
		return strings.Join(args, " "), nil
	}
	if !f.IO.InTTY {
		b, err := io.ReadAll(f.IO.In)
		if err != nil {
			return "", fmt.Errorf("cannot read the text from standard input: %w", err)
		}
		return string(b), journal.CheckUTF8("the text on standard input", string(b))
	}
	if f.NoInput {
		return "", journal.Invalid("nothing to save: --no-input keeps the editor closed, so give the text on the command line or pipe it in")
	}
	return f.editText(initial)
}

// Package clipboard stands in for github.com/atotto/clipboard, whose
// ReadAll and WriteAll the text fields of charm.land/bubbles call on ctrl+v
// and copy. The original looks for a clipboard program in a package init,
// some fifty failed stat calls on every start of every command; this one
// looks at the first paste or copy, which most commands never make.
package clipboard

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"sync"
)

// Unsupported is kept for the original's API; it is only known after the
// first call to ReadAll or WriteAll.
var Unsupported bool

// tool is a pair of programs: one prints the clipboard, one takes stdin.
type tool struct {
	paste, copy []string
	crlf        bool // the paste program ends its output with "\r\n"
}

var errMissing = errors.New("no clipboard program found: install wl-clipboard, xclip or xsel")

var found = sync.OnceValues(func() (tool, error) {
	var tools []tool
	if os.Getenv("WAYLAND_DISPLAY") != "" {
		tools = append(tools, tool{paste: []string{"wl-paste", "--no-newline"}, copy: []string{"wl-copy"}})
	}
	tools = append(tools,
		tool{paste: []string{"xclip", "-out", "-selection", "clipboard"}, copy: []string{"xclip", "-in", "-selection", "clipboard"}},
		tool{paste: []string{"xsel", "--output", "--clipboard"}, copy: []string{"xsel", "--input", "--clipboard"}},
		tool{paste: []string{"pbpaste"}, copy: []string{"pbcopy"}},
		tool{paste: []string{"termux-clipboard-get"}, copy: []string{"termux-clipboard-set"}},
		tool{paste: []string{"powershell.exe", "Get-Clipboard"}, copy: []string{"clip.exe"}, crlf: true},
	)
	for _, t := range tools {
		if onPath(t.paste[0]) && onPath(t.copy[0]) {
			return t, nil
		}
	}
	Unsupported = true
	return tool{}, errMissing
})

func onPath(name string) bool {
	_, err := exec.LookPath(name)
	return err == nil
}

// ReadAll returns the clipboard's text.
func ReadAll() (string, error) {
	t, err := found()
	if err != nil {
		return "", err
	}
	out, err := exec.Command(t.paste[0], t.paste[1:]...).Output()
	if err != nil {
		return "", err
	}
	s := string(out)
	if t.crlf {
		s = strings.TrimSuffix(s, "\r\n")
	}
	return s, nil
}

// WriteAll puts text on the clipboard.
func WriteAll(text string) error {
	t, err := found()
	if err != nil {
		return err
	}
	c := exec.Command(t.copy[0], t.copy[1:]...)
	c.Stdin = strings.NewReader(text)
	return c.Run()
}

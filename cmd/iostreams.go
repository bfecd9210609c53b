package cmd

import (
	"io"
	"os"

	"golang.org/x/term"
)

// IOStreams are the program's standard streams and what is known about
// them. Commands write data to Out and hints to ErrOut, never to os.Stdout.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	InTTY  bool // stdin is a terminal: forms and the editor may be used
	OutTTY bool // stdout is a terminal: aligned, friendly output
	ErrTTY bool // stderr is a terminal: forms are drawn there
	Color  bool // styles may be used on Out

	// NoColorEnv is NO_COLOR set or TERM=dumb: no colour on any stream.
	NoColorEnv bool

	TermWidth int // columns of the terminal on stdout; 0 when piped or unknown
}

// Width is how many terminal cells a line printed on Out may take: the
// terminal's width when stdout is one and its size is known, else 80.
// Terminals narrower than 60 get 60, below which rows cannot be laid out
// (the terminal wraps them).
func (s *IOStreams) Width() int {
	if !s.OutTTY || s.TermWidth <= 0 {
		return 80
	}
	return max(s.TermWidth, 60)
}

// systemStreams are the process's own streams. NO_COLOR, TERM=dumb and a
// piped stdout all turn styling off.
func systemStreams(getenv func(string) string) *IOStreams {
	s := &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		InTTY:  term.IsTerminal(int(os.Stdin.Fd())),
		OutTTY: term.IsTerminal(int(os.Stdout.Fd())),
		ErrTTY: term.IsTerminal(int(os.Stderr.Fd())),
	}
	s.NoColorEnv = getenv("NO_COLOR") != "" || getenv("TERM") == "dumb"
	s.Color = s.OutTTY && !s.NoColorEnv
	if s.OutTTY {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
			s.TermWidth = w
		}
	}
	return s
}

// CanPrompt reports whether the person can be asked questions: keys come
// from stdin and forms are drawn on stderr, so `journal checkin | cat`
// still asks.
func (s *IOStreams) CanPrompt() bool { return s.InTTY && s.ErrTTY }

package prompts

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"journal/journal"
)

// Tries is how many times line mode asks again after an answer that does
// not fit before it gives up.
const Tries = 3

// RunLines walks through set reading one line per question from in, with
// the questions written to out. An empty line skips a question and the
// end of input skips the rest. typing says a person types at in: then a
// "> " prompt is shown before each answer, an answer that does not fit (a
// scale value out of range, say) is asked for again, and after Tries
// misses the question is left empty. Without typing, RunPiped reads the
// lines and fails at the first answer that does not fit.
func RunLines(set Set, in io.Reader, out io.Writer, typing bool) (map[string]Value, error) {
	if !typing {
		return RunPiped(set, in, out)
	}
	r := bufio.NewReader(in)
	values := map[string]Value{}
	showTitle(out, set)
	eof := false
	for i, st := range set.Steps {
		if eof {
			break
		}
		showStep(out, i, len(set.Steps), st)
		for try := 1; ; try++ {
			if typing {
				fmt.Fprint(out, "> ")
			}
			line, err := r.ReadString('\n')
			if errors.Is(err, io.EOF) {
				eof = true
			} else if err != nil {
				return nil, fmt.Errorf("cannot read the answers from standard input: %w", err)
			}
			v, perr := st.Parse(strings.TrimRight(line, "\r\n"))
			if perr == nil {
				if !v.IsZero() {
					values[st.Key] = v
				}
				break
			}
			if typing && try >= Tries && !eof {
				// A person at the terminal keeps what they have typed so
				// far: this question stays empty and the rest go on.
				fmt.Fprintf(out, "%v. Leaving this one empty for now.\n", perr)
				break
			}
			if try >= Tries || eof {
				return nil, journal.Invalid("question %d (%s): %v; nothing was saved", i+1, st.Key, perr)
			}
			fmt.Fprintf(out, "%v. Try again, or leave it empty to skip.\n", perr)
		}
	}
	fmt.Fprintln(out)
	return values, nil
}

// showStep writes question i of n with its help, options and hint,
// wrapped to 80 columns under a four-space indent.
func showStep(out io.Writer, i, n int, st Step) {
	for j, l := range Wrap(st.Question, 74) {
		if j == 0 {
			fmt.Fprintf(out, "\n%d/%d %s\n", i+1, n, l)
		} else {
			fmt.Fprintf(out, "    %s\n", l)
		}
	}
	for _, l := range Wrap(st.Help, 76) {
		fmt.Fprintf(out, "    %s\n", l)
	}
	for j, o := range st.Options {
		if len(st.Values) == len(st.Options) {
			fmt.Fprintf(out, "    %d = %s\n", st.Values[j], o)
		} else {
			fmt.Fprintf(out, "    %d) %s\n", j+1, o)
		}
	}
	if h := st.Hint(); h != "" && st.Kind != Long {
		fmt.Fprintf(out, "    (%s)\n", h)
	}
}

// showTitle names the set and its number of questions; a questionnaire's
// instructions follow, as they are part of its published wording.
func showTitle(out io.Writer, set Set) {
	fmt.Fprintf(out, "%s (%s; an empty line skips one)\n", set.Title, journal.Plural(len(set.Steps), "question", "questions"))
	if set.Scoring != nil {
		for _, l := range Wrap(set.Description, 80) {
			fmt.Fprintln(out, l)
		}
	}
}

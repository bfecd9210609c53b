package prompts

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"journal/journal"
)

// RunPiped reads the answers to set from in when no person is typing
// (stdin is a file or a pipe): line N answers question N, an empty line
// skips its question, and the end of input skips the rest. The questions
// are written to out as they are read, for whoever watches.
//
// Nothing is asked again: an answer that does not fit its question, a
// line that is not UTF-8, or a non-empty line after the last question
// fails at once with an input error naming the question and the input
// line, and nothing should be saved. (Asking again would take the next
// line, meant for the next question, as the retry.)
func RunPiped(set Set, in io.Reader, out io.Writer) (map[string]Value, error) {
	r := bufio.NewReader(in)
	values := map[string]Value{}
	showTitle(out, set)
	lineNo := 0
	next := func() (string, bool, error) {
		line, err := r.ReadString('\n')
		if errors.Is(err, io.EOF) {
			if line == "" {
				return "", false, nil
			}
		} else if err != nil {
			return "", false, fmt.Errorf("cannot read the answers from standard input: %w", err)
		}
		lineNo++
		return strings.TrimRight(line, "\r\n"), true, nil
	}
	for i, st := range set.Steps {
		showStep(out, i, len(set.Steps), st)
		line, ok, err := next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		if err := journal.CheckUTF8("the answer", line); err != nil {
			return nil, journal.Invalid("question %d (%s), input line %d: %v; nothing was saved", i+1, st.Key, lineNo, err)
		}
		v, err := st.Parse(line)
		if err != nil {
			return nil, journal.Invalid("question %d (%s), input line %d: %v; nothing was saved", i+1, st.Key, lineNo, err)
		}
		if !v.IsZero() {
			values[st.Key] = v
		}
	}
	// Text after the last answer would otherwise be dropped without a word.
	for {
		line, ok, err := next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		if strings.TrimSpace(line) != "" {
			return nil, journal.Invalid("input line %d: there are only %d questions in %s: give one line per question (an empty line skips one); nothing was saved", lineNo, len(set.Steps), set.Name)
		}
	}
	fmt.Fprintln(out)
	return values, nil
}

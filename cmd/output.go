package cmd

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"journal/journal"
)

// printJSON writes v as one indented JSON document, with the characters
// that could reorder or control a terminal escaped (journal.EscapeJSON).
func printJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(journal.EscapeJSON(b.Bytes()))
	return err
}

// firstLine returns the first non-empty line of s, cleaned for printing,
// then cut to max cells.
func firstLine(s string, max int) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(journal.CleanLine(l)); l != "" {
			return truncate(l, max)
		}
	}
	return ""
}

// truncate cuts s to at most max terminal cells, ending in "…" when it
// cuts. Cells, not runes: a CJK character or an emoji takes two, a
// combining accent none.
// Give it cleaned text (journal.CleanLine): ansi.Truncate keeps escape
// sequences whole and uncounted, so one in the text would reach the screen.
func truncate(s string, max int) string {
	if ansi.StringWidth(s) <= max {
		return s
	}
	return strings.TrimSpace(ansi.Truncate(s, max-1, "")) + "…"
}

// jsonArrayElement writes each value it is given as the next element of a
// JSON array, laid out as printJSON lays out the whole array, counting them
// in n. The caller closes the array: "[]\n" when n is 0, "\n]\n" otherwise.
func jsonArrayElement[T any](w io.Writer, n *int) func(T) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("  ", "  ")
	enc.SetEscapeHTML(false)
	return func(v T) error {
		b.Reset()
		if *n == 0 {
			b.WriteString("[\n  ")
		} else {
			b.WriteString(",\n  ")
		}
		if err := enc.Encode(v); err != nil {
			return err
		}
		*n++
		_, err := w.Write(journal.EscapeJSON(bytes.TrimSuffix(b.Bytes(), []byte("\n"))))
		return err
	}
}

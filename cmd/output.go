package cmd

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"unicode/utf8"

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
// then cut to max runes.
func firstLine(s string, max int) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(journal.CleanLine(l)); l != "" {
			return truncate(l, max)
		}
	}
	return ""
}

// truncate cuts s to max runes with "…". Give it cleaned text
// (journal.CleanLine): a cut could otherwise leave half an escape sequence.
func truncate(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:max-1])) + "…"
}

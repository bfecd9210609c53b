package prompts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/clipperhouse/uax29/v2/graphemes"
)

// Wrap breaks s into lines of at most width terminal cells at spaces, so
// question and help text written as one long line still reads at 80
// columns. Runs of spaces count as one. See WrapLine for long words.
func Wrap(s string, width int) []string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return nil
	}
	return strings.Split(WrapLine(s, width), "\n")
}

// WrapLine breaks one line of text into lines of at most width terminal
// cells, at spaces, keeping the spaces inside a line that fits. Cells, not
// runes: CJK characters and most emoji take two, combining accents none.
// Japanese and Chinese are written without spaces, so a line may also
// break before or after any of their characters (and any emoji); a run of other characters is
// never cut, and one wider than a line gets a line of its own, whole (a
// link stays one piece).
func WrapLine(s string, width int) string {
	if ansi.StringWidth(s) <= width {
		return s // a line that fits is left exactly as written
	}
	indent := s[:len(s)-len(strings.TrimLeft(s, " "))]
	var (
		lines []string
		line  = indent
		used  = ansi.StringWidth(indent)
		empty = true // nothing on the line yet but the indent
	)
	for _, word := range strings.Fields(s) {
		for i, piece := range pieces(word) {
			w := ansi.StringWidth(piece)
			space := i == 0 && !empty
			need := w
			if space {
				need++
			}
			if !empty && used+need > width {
				lines = append(lines, line)
				line, used, empty, space, need = "", 0, true, false, w
			}
			if space {
				line += " "
			}
			line += piece
			used += need
			empty = false
		}
	}
	if !empty {
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// pieces splits a word where a line may break inside it: around each
// wide character (with the marks and joiners that belong to it, as one
// grapheme). Runs of narrow characters stay together, and so does Korean,
// which is written with spaces between words. Closing punctuation (。、)」
// and small kana never start a line: they stay with what they follow.
func pieces(word string) []string {
	var out []string
	run := ""
	g := graphemes.FromString(word)
	for g.Next() {
		c := g.Value()
		r, _ := utf8.DecodeRuneInString(c)
		switch {
		case len(out) > 0 && run == "" && strings.ContainsRune(noLineStart, r):
			out[len(out)-1] += c
		case ansi.StringWidth(c) < 2 || unicode.Is(unicode.Hangul, r):
			run += c
		default:
			if run != "" {
				out = append(out, run)
				run = ""
			}
			out = append(out, c)
		}
	}
	if run != "" {
		out = append(out, run)
	}
	return out
}

// noLineStart are the characters a line does not start with in Japanese
// and Chinese text (kinsoku), and ASCII closing punctuation after them.
const noLineStart = "、。，．・：；！？）」』】〕〉》｝］ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ.,;:!?)]}"

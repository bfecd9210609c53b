package journal

import "strconv"

// MaxQuoted is the most characters of someone's input an error message
// repeats: enough to recognise it, never a wall of text.
const MaxQuoted = 40

// Quote is s as an error message repeats it: in double quotes, Go-escaped
// so control characters cannot reach the terminal, and cut to MaxQuoted
// characters with "…" when longer. Every error that echoes input uses it.
func Quote(s string) string {
	if r := []rune(s); len(r) > MaxQuoted {
		s = string(r[:MaxQuoted-1]) + "…"
	}
	return strconv.Quote(s)
}

package journal

import "strconv"

// Plural is n followed by one when n is 1, else by many: "1 day", "0 days",
// "3 days".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

package journal

import (
	"strings"
	"testing"
)

func TestCheckPassphrase(t *testing.T) {
	for p, ok := range map[string]bool{
		"":                      false,
		"x":                     false,
		"elevenchars":           false, // 11
		"twelve chars":          true,
		"aaaaaaaaaaaaaaaaaaaa":  false, // long, one character
		"121212121212121212":    false, // long, two characters
		"abcdabcdabcd":          false, // 4 different
		"abcdeabcdeab":          true,  // 5 different, 12 long
		"ÿëñçøÿëñçøÿë":          true,  // characters, not bytes
		"correct horse battery": true,
	} {
		err := CheckPassphrase(p)
		if (err == nil) != ok {
			t.Errorf("CheckPassphrase(%q) = %v, want ok %v", p, err, ok)
		}
		if err != nil && (!IsInput(err) || !strings.Contains(err.Error(), "at least 12 characters") || (p != "" && strings.Contains(err.Error(), p))) {
			t.Errorf("CheckPassphrase(%q): message %q must state the rule, not the passphrase", p, err)
		}
	}
}

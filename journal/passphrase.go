package journal

import "unicode/utf8"

// Passphrase strength: the one rule for every passphrase that locks a file
// (an encrypted journal, an encrypted export). Length is what protects a
// passphrase against guessing; the distinct-characters part refuses
// "aaaaaaaaaaaa" and "121212121212", which are long but guessed at once.
const (
	MinPassphraseChars    = 12
	MinPassphraseDistinct = 5
)

// PassphraseRule states the rule in the person's words.
const PassphraseRule = "a passphrase needs at least 12 characters, at least 5 of them different; a few unrelated words, like \"river lamp tuesday\", are easy to remember and hard to guess"

// CheckPassphrase refuses a passphrase too weak to protect a file, with
// the rule. The passphrase itself is never part of the message.
func CheckPassphrase(p string) error {
	distinct := map[rune]bool{}
	for _, r := range p {
		distinct[r] = true
	}
	if utf8.RuneCountInString(p) < MinPassphraseChars || len(distinct) < MinPassphraseDistinct {
		return Invalid("that passphrase is too easy to guess: %s; nothing was changed", PassphraseRule)
	}
	return nil
}

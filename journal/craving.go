package journal

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Outcome is how a craving ended: "used", "resisted", or "" when not said.
type Outcome string

const (
	OutcomeNone     Outcome = ""
	OutcomeUsed     Outcome = "used"
	OutcomeResisted Outcome = "resisted"
)

// Outcomes are the outcomes --outcome takes, besides "" for not said.
var Outcomes = []string{string(OutcomeResisted), string(OutcomeUsed)}

// ParseOutcome checks an --outcome value; "" means not said.
func ParseOutcome(s string) (Outcome, error) {
	if o := Outcome(strings.ToLower(strings.TrimSpace(s))); o == OutcomeNone || slices.Contains(Outcomes, string(o)) {
		return o, nil
	}
	return "", Invalid("craving outcome must be used or resisted, got %s", Quote(s))
}

// MaxIntensity is the top of the craving scale (0 = none, 10 = strongest).
const MaxIntensity = 10

// HALT are the feelings the craving form offers before free words.
var HALT = []string{"hungry", "angry", "lonely", "tired"}

// Craving is the detail of an urge log entry. The free note is the entry's
// body. Triggers, feelings and coping are normalised (see NormalizeWords).
type Craving struct {
	Intensity int      `json:"intensity"`
	Triggers  []string `json:"triggers"`
	Feelings  []string `json:"feelings"`
	Coping    []string `json:"coping"`
	Outcome   Outcome  `json:"outcome"`
	Minutes   *int     `json:"minutes"`
	Where     string   `json:"where"`
	With      string   `json:"with"`
	Thoughts  string   `json:"thoughts"`
}

// ParseIntensity reads a craving intensity as typed: a whole number 0–10.
func ParseIntensity(s string) (int, error) {
	return parseScale("craving intensity", s, 0, MaxIntensity)
}

// parseScale reads a whole number from lo to hi.
func parseScale(what, s string, lo, hi int) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < lo || n > hi {
		return 0, Invalid("%s must be a whole number from %d to %d, got %s", what, lo, hi, Quote(s))
	}
	return n, nil
}

// ParseMinutes reads how long a craving lasted, in whole minutes.
func ParseMinutes(s string) (int, error) {
	return parseScale("craving minutes", s, 0, 24*60)
}

// NormalizeWord trims a trigger, feeling or coping strategy, lower-cases it
// and folds inner runs of spaces, so "Stress" and " stress " count as one.
func NormalizeWord(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// NormalizeWords normalises each item, splits items on commas (so a form
// answer "stress, boredom" gives two), and drops empties and repeats,
// keeping the first-seen order.
func NormalizeWords(items []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, item := range items {
		for _, part := range strings.Split(item, ",") {
			w := NormalizeWord(part)
			if w == "" || seen[w] {
				continue
			}
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

func sortedWords(items []string) []string {
	out := NormalizeWords(items)
	slices.Sort(out)
	return out
}

// MaxWordLen bounds a tag, trigger, feeling or coping strategy, in
// characters; maxTextLen a craving's where, with or thoughts.
const (
	MaxWordLen = 80
	maxTextLen = 2000
)

// CheckWordFlags refuses a --trigger, --feeling or --coping given empty
// (or only commas and spaces): a flag given says something was meant, so
// nothing is saved without it. Lengths are checked by Validate.
func CheckWordFlags(flag string, values []string) error {
	for _, v := range values {
		if len(NormalizeWords([]string{v})) == 0 {
			return Invalid("empty --%s: give a word or a few with commas, like --%s %s, or leave the flag out", flag, flag, wordExample[flag])
		}
	}
	return nil
}

var wordExample = map[string]string{"trigger": "stress", "feeling": "tired", "coping": "walk"}

// Normalize tidies c in place: words normalised and sorted (the order the
// journal file gives them back in), texts trimmed, nil lists made empty so
// JSON prints [].
func (c *Craving) Normalize() {
	c.Triggers = sortedWords(c.Triggers)
	c.Feelings = sortedWords(c.Feelings)
	c.Coping = sortedWords(c.Coping)
	c.Where = strings.TrimSpace(c.Where)
	c.With = strings.TrimSpace(c.With)
	c.Thoughts = strings.TrimSpace(c.Thoughts)
}

// Validate checks a craving after Normalize.
func (c *Craving) Validate() error {
	if c.Intensity < 0 || c.Intensity > MaxIntensity {
		return Invalid("craving intensity must be a whole number from 0 to 10, got %d", c.Intensity)
	}
	if _, err := ParseOutcome(string(c.Outcome)); err != nil {
		return err
	}
	if c.Minutes != nil && (*c.Minutes < 0 || *c.Minutes > 24*60) {
		return Invalid("craving minutes must be a whole number from 0 to 1440, got %d", *c.Minutes)
	}
	for _, l := range []struct {
		flag  string
		words []string
	}{{"trigger", c.Triggers}, {"feeling", c.Feelings}, {"coping", c.Coping}} {
		for _, w := range l.words {
			if len([]rune(w)) > MaxWordLen {
				return Invalid("--%s %s is long: keep each to %d characters, and put the story in --note", l.flag, Quote(w), MaxWordLen)
			}
		}
	}
	for _, t := range []struct{ flag, text string }{{"where", c.Where}, {"with", c.With}, {"thoughts", c.Thoughts}} {
		if len([]rune(t.text)) > maxTextLen {
			return Invalid("--%s is long: keep it to %d characters, and put the rest in --note", t.flag, maxTextLen)
		}
	}
	return nil
}

// DetailsText is the craving's words for the search index.
func (c Craving) DetailsText() string {
	parts := []string{}
	parts = append(parts, c.Triggers...)
	parts = append(parts, c.Feelings...)
	parts = append(parts, c.Coping...)
	for _, s := range []string{string(c.Outcome), c.Where, c.With, c.Thoughts} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "\n")
}

// Summary is the one-line description of a craving used in lists, like
// "craving 7/10 · stress, boredom · resisted".
func (c Craving) Summary() string {
	parts := []string{fmt.Sprintf("craving %d/10", c.Intensity)}
	if len(c.Triggers) > 0 {
		parts = append(parts, strings.Join(c.Triggers, ", "))
	}
	if c.Outcome != "" {
		parts = append(parts, string(c.Outcome))
	}
	return strings.Join(parts, " · ")
}

// CheckWordList checks a form answer holding a few words with commas
// between (triggers, feelings, coping): each item at most 80 characters.
// The error is in the field's own words, for the line beside it.
func CheckWordList(s string) error {
	for _, w := range strings.Split(s, ",") {
		if n := len([]rune(strings.TrimSpace(w))); n > MaxWordLen {
			return Invalid("%s is %d characters: keep each to %d, with commas between; the story fits under \"Anything else?\"", Quote(strings.TrimSpace(w)), n, MaxWordLen)
		}
	}
	return nil
}

// CheckDetail checks a craving's where, with or thoughts answer: at most
// 2000 characters.
func CheckDetail(s string) error {
	if n := len([]rune(strings.TrimSpace(s))); n > maxTextLen {
		return Invalid("this is %d characters: keep it to %d, and put the rest under \"Anything else?\"", n, maxTextLen)
	}
	return nil
}

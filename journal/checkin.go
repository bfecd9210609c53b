package journal

import (
	"fmt"
	"strings"
)

// Checkin is the detail of the daily check-in entry; the line of note is
// the entry's body and the day is the entry's day. A nil field was skipped.
// Drinks is also that day's drink_days total.
type Checkin struct {
	Mood       *int     `json:"mood"`        // 1–10
	Craving    *int     `json:"craving"`     // strongest craving today, 0–10
	Drinks     *float64 `json:"drinks"`      // standard drinks today
	SleepHours *float64 `json:"sleep_hours"` // 0–24
}

// ParseMood reads a mood, a whole number 1–10.
func ParseMood(s string) (int, error) { return parseScale("mood", s, 1, 10) }

// ParseCheckinCraving reads the day's strongest craving, 0–10.
func ParseCheckinCraving(s string) (int, error) {
	return parseScale("strongest craving today", s, 0, MaxIntensity)
}

// ParseSleep reads hours slept, 0–24, decimals allowed.
func ParseSleep(s string) (float64, error) {
	h, err := parseNumber(s)
	if err != nil || h < 0 || h > 24 {
		return 0, Invalid("hours slept must be a number from 0 to 24, like 7 or 6.5, got %s", Quote(s))
	}
	return round2(h), nil
}

// Validate checks the ranges of the answers given.
func (c Checkin) Validate() error {
	if c.Mood != nil && (*c.Mood < 1 || *c.Mood > 10) {
		return Invalid("mood must be a whole number from 1 to 10, got %d", *c.Mood)
	}
	if c.Craving != nil && (*c.Craving < 0 || *c.Craving > MaxIntensity) {
		return Invalid("strongest craving today must be a whole number from 0 to 10, got %d", *c.Craving)
	}
	if c.Drinks != nil {
		if err := ValidateDrinks(*c.Drinks); err != nil {
			return err
		}
	}
	if c.SleepHours != nil && (*c.SleepHours < 0 || *c.SleepHours > 24) {
		return Invalid("hours slept must be a number from 0 to 24, got %s", FormatNumber(*c.SleepHours))
	}
	return nil
}

// IsEmpty reports whether nothing was answered.
func (c Checkin) IsEmpty() bool {
	return c.Mood == nil && c.Craving == nil && c.Drinks == nil && c.SleepHours == nil
}

// Summary is the one line for lists: "check-in · mood 6 · craving 3 · 0 drinks · slept 7h".
func (c Checkin) Summary() string {
	parts := []string{"check-in"}
	if c.Mood != nil {
		parts = append(parts, fmt.Sprintf("mood %d", *c.Mood))
	}
	if c.Craving != nil {
		parts = append(parts, fmt.Sprintf("craving %d", *c.Craving))
	}
	if c.Drinks != nil {
		parts = append(parts, DrinksPhrase(*c.Drinks))
	}
	if c.SleepHours != nil {
		parts = append(parts, "slept "+FormatNumber(*c.SleepHours)+"h")
	}
	return strings.Join(parts, " · ")
}

// MaxCheckinNote is how long a check-in's note may be, in characters.
const MaxCheckinNote = 500

// CheckCheckinNote checks a check-in note: one line of at most 500 characters.
func CheckCheckinNote(s string) error {
	if n := len([]rune(strings.TrimSpace(s))); n > MaxCheckinNote {
		return Invalid("this note is %d characters: keep it to %d, and use journal write for more", n, MaxCheckinNote)
	}
	return nil
}

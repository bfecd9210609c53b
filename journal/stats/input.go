// Package stats computes the measures of `journal stats` from rows that
// storage has already aggregated for a window: one row per recorded day,
// one per day with cravings, and grouped counts. Nothing here reads a
// whole table, so ten years cost the same memory as a month of days.
package stats

import "journal/journal"

// DefaultHeavyThreshold is the standard drinks at or above which a day
// counts as a heavy drinking day, unless the config says otherwise.
const DefaultHeavyThreshold = 4.0

// CompareDays is how many days either side of a session are compared.
const CompareDays = 7

// DrinkDay is one drink_days row.
type DrinkDay struct {
	Day        journal.Date
	Drinks     float64
	Backfilled bool // first recorded after the day had ended
}

// CravingDay sums the live cravings of one day.
type CravingDay struct {
	Day   journal.Date
	Count int
	Sum   int // of intensities
	Max   int
}

// Mean is the day's mean intensity.
func (c CravingDay) Mean() float64 { return float64(c.Sum) / float64(c.Count) }

// TriggerCount is how many cravings in the window named a trigger.
type TriggerCount struct {
	Trigger string `json:"trigger"`
	Count   int    `json:"count"`
}

// CopingTotals counts the cravings in the window that used a strategy:
// all of them, those with a known outcome, and those resisted.
type CopingTotals struct {
	Strategy string
	Uses     int
	Known    int
	Resisted int
}

// CheckinTotals sums the check-ins of the window; mood and sleep are
// optional answers, so each has its own count.
type CheckinTotals struct {
	Count    int
	MoodN    int
	MoodSum  float64
	SleepN   int
	SleepSum float64
}

// SessionDay is a live session, numbered among all live sessions by date.
type SessionDay struct {
	Number int
	Day    journal.Date
	// FirstHeavyAfter is the first heavy drinking day after the session
	// day, if any has been recorded.
	FirstHeavyAfter *journal.Date
}

// Input is everything Compute needs for the window From..To (inclusive).
type Input struct {
	From, To journal.Date
	// HeavyThreshold is in standard drinks; 0 means DefaultHeavyThreshold.
	HeavyThreshold float64

	// DrinkDays and CravingDays are sorted by day. They may reach
	// CompareDays beyond either end of the window, for the session
	// comparisons; window measures ignore those extra days.
	DrinkDays   []DrinkDay
	CravingDays []CravingDay

	// The rest covers the window only.
	ByHour   [24]int // local hour of occurred_at
	Triggers []TriggerCount
	Coping   []CopingTotals
	Checkins CheckinTotals
	Sessions []SessionDay // sessions whose day is in the window, by date
}

// Threshold is the heavy threshold in effect.
func (in Input) Threshold() float64 {
	if in.HeavyThreshold > 0 {
		return in.HeavyThreshold
	}
	return DefaultHeavyThreshold
}

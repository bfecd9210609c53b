// Package stats is the one owner of every measure that `journal stats`,
// the report, the exports and the calendar show. It computes them from
// rows storage returns for a window: one row per recorded day, one per
// day with cravings, and grouped counts. The definitions follow how
// alcohol trials and clinicians count drinking:
//
//   - Drinking days as a timeline of standard drinks a day, with
//     unrecorded days kept apart from alcohol-free ones: Sobell, L. C. &
//     Sobell, M. B. (1992), "Timeline Follow-Back: a technique for
//     assessing self-reported alcohol consumption", in Litten & Allen
//     (eds.), Measuring Alcohol Consumption, Humana Press.
//   - Heavy drinking days at 4 or more US standard drinks (56 g of alcohol)
//     for women and 5 or more (70 g) for men: NIAAA, "Drinking Levels
//     Defined" (niaaa.nih.gov), and U.S. FDA (2015), draft guidance
//     "Alcoholism: Developing Drugs for Treatment", which also takes
//     percent days abstinent over all days of a period, unrecorded days
//     counted as not abstinent.
package stats

import "journal/journal"

// Heavy-day levels in grams of alcohol (NIAAA, "Drinking Levels Defined";
// FDA 2015 draft guidance "Alcoholism: Developing Drugs for Treatment").
const (
	// WomenHeavyDayGrams is 4 US standard drinks of 14 g, the default.
	WomenHeavyDayGrams = 56.0
	// MenHeavyDayGrams is 5 US standard drinks of 14 g.
	MenHeavyDayGrams = 70.0
	// USDrinkGrams is the US standard drink, the default drink size.
	USDrinkGrams = 14.0
)

// Heavy is what a heavy drinking day is measured with: a level in grams of
// alcohol, and the size of the standard drink the days are recorded in.
// The zero value means the defaults (56 g, 14 g drinks).
type Heavy struct {
	DayGrams   float64 // grams of alcohol at or above which a day is heavy
	DrinkGrams float64 // grams of alcohol in one standard drink
}

// Or fills the unset parts with the defaults.
func (h Heavy) Or() Heavy {
	if h.DayGrams <= 0 {
		h.DayGrams = WomenHeavyDayGrams
	}
	if h.DrinkGrams <= 0 {
		h.DrinkGrams = USDrinkGrams
	}
	return h
}

// Drinks is the heavy-day level in standard drinks of the configured
// size, to 2 decimals: 56 g is 4 drinks of 14 g, 7 of 8 g.
func (h Heavy) Drinks() float64 {
	h = h.Or()
	return round2(h.DayGrams / h.DrinkGrams)
}

// IsHeavy reports whether a day of drinks standard drinks reaches the
// level. It compares grams, so a level that is not a whole number of
// drinks is not moved by rounding (a tiny slack absorbs float error).
func (h Heavy) IsHeavy(drinks float64) bool {
	h = h.Or()
	return drinks > 0 && drinks*h.DrinkGrams >= h.DayGrams-1e-9
}

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
}

// Earlier is what the runs and the last drink need of the recorded days
// before Since, which DrinkDays leave out.
type Earlier struct {
	Since journal.Date // the first day DrinkDays may hold; zero when nothing is left out
	// LastDrink is the last drinking day before Since (zero when none).
	LastDrink journal.Date
	// Run is how many alcohol-free recorded days in a row end on the day
	// before Since (0 when that day is unrecorded or a drinking day).
	Run int
}

// Input is everything Compute needs for the window From..To (inclusive).
type Input struct {
	From, To journal.Date
	Heavy    Heavy

	// DrinkDays are the recorded days up to To, sorted by day, reaching
	// back at least to the last drinking day before From (or to the first
	// record) and CompareDays before From: runs and the last drink count
	// back past the window's first day. Window measures use only the days
	// inside it. When Earlier.Since is set they need only reach back to
	// it, and Earlier stands for the days before.
	DrinkDays []DrinkDay
	// Earlier sums up the recorded days before DrinkDays, so a run of
	// years need not be read day by day (the zero value: none left out).
	Earlier Earlier
	// CravingDays are sorted by day and reach CompareDays before From,
	// for the session comparisons; window measures ignore the extra days.
	CravingDays []CravingDay

	// The rest covers the window only.
	ByHour   [24]int // local hour of occurred_at
	Triggers []TriggerCount
	Coping   []CopingTotals
	Checkins CheckinTotals
	// Sessions are every live session, by date: those in the window are
	// compared, the others only bound their neighbours' windows.
	Sessions []SessionDay
}

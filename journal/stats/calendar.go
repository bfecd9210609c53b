package stats

import "journal/journal"

// CalendarDay is one square of the timeline-followback calendar.
type CalendarDay struct {
	Day        journal.Date
	Drinks     *float64 // nil when the day is not recorded
	MaxCraving *int     // the day's strongest craving; nil when none
	Session    bool
}

// DrinkClass sorts a day by what was drunk.
type DrinkClass int

const (
	DayUnrecorded DrinkClass = iota
	DayAbstinent
	DayDrinking
	DayHeavy
)

// Class says whether the day was unrecorded, alcohol-free, a drinking day
// or a heavy drinking day, by the same rule as the stats.
func (d CalendarDay) Class(heavy Heavy) DrinkClass {
	switch {
	case d.Drinks == nil:
		return DayUnrecorded
	case *d.Drinks == 0:
		return DayAbstinent
	case heavy.IsHeavy(*d.Drinks):
		return DayHeavy
	}
	return DayDrinking
}

package report

import "journal/journal"

// DefaultDays is the length of the period when no coaching call has been
// logged yet and no --since was given.
const DefaultDays = 30

// Basis says how the period was chosen; the report says so in words.
type Basis int

const (
	// BasisGiven: the person named the first day.
	BasisGiven Basis = iota
	// BasisLastCall: since the latest coaching call (the default).
	BasisLastCall
	// BasisNoCall: no call logged yet, so the last DefaultDays days.
	BasisNoCall
)

// Period works out the window of a report. since is the first day asked
// for (zero when none was), to its last day. lastCall is the day of the
// latest call on or before to, when hasCall. The call day itself is in
// the period, as it is for `stats --since last-call`: what happened
// that day before the call had not been talked about yet.
func Period(since, to, lastCall journal.Date, hasCall bool) (journal.Date, Basis) {
	switch {
	case !since.IsZero():
		return since, BasisGiven
	case hasCall && !lastCall.After(to):
		return lastCall, BasisLastCall
	}
	return to.AddDays(1 - DefaultDays), BasisNoCall
}

// Previous is the window of the same length that ends the day before from.
func Previous(from, to journal.Date) (journal.Date, journal.Date) {
	n := to.DaysSince(from) + 1
	return from.AddDays(-n), from.AddDays(-1)
}

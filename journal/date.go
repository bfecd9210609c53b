package journal

import (
	"fmt"
	"time"
)

// Date is a local calendar day. People count in days, not instants, so
// measures and backfills work on Dates.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate reads a YYYY-MM-DD string.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("%s is not a date like 2026-11-20", Quote(s))
	}
	return DateOf(t), nil
}

func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// In returns the start of d in loc: midnight, or the first moment after a
// daylight-saving change that skips midnight (LocalTime).
func (d Date) In(loc *time.Location) time.Time {
	return LocalTime(d.Year, d.Month, d.Day, 0, 0, 0, loc)
}

// utc is d at midnight UTC: day arithmetic there never meets a DST change,
// so it needs none of LocalTime's care (and stats do it for every day).
func (d Date) utc() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// AddDays returns the day n days after d (before, when n is negative).
func (d Date) AddDays(n int) Date { return DateOf(d.utc().AddDate(0, 0, n)) }

// DaysSince returns the number of days from o to d (negative when d is
// earlier), exact for any two dates: it counts in Unix days, never in a
// time.Duration, which saturates past about 292 years.
func (d Date) DaysSince(o Date) int { return int((d.utc().Unix() - o.utc().Unix()) / secondsPerDay) }

const secondsPerDay = 24 * 60 * 60

// MinYear is the first year a record can be dated in. Earlier dates are
// typing mistakes (0001-01-01), and a record there would make every
// document that starts at the first record centuries long.
const MinYear = 1900

// CheckYear refuses a day before MinYear, in words that say what to do.
func (d Date) CheckYear() error {
	if d.Year < MinYear {
		return fmt.Errorf("%s is before %d: check the year", d, MinYear)
	}
	return nil
}

func (d Date) Before(o Date) bool { return d.DaysSince(o) < 0 }
func (d Date) After(o Date) bool  { return d.DaysSince(o) > 0 }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.utc().Weekday() }

// MarshalText writes d as YYYY-MM-DD, so JSON documents carry plain dates.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD.
func (d *Date) UnmarshalText(b []byte) error {
	p, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}

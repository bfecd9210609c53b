package journal

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// When is a moment a person named on the command line: a day, and a clock
// time when they gave one.
type When struct {
	Date    Date
	Time    time.Time // the full moment; for a bare day, that day at the current clock time
	HasTime bool      // a moment was named: a clock time, "now", "2 hours ago"

	clock bool // a clock time was typed (21:30, 9pm, noon): a day flag refuses it
}

var (
	// 2026-11-20, 2026-11-20 21:30, 2026-11-20T21:30:05, with an optional
	// fraction and offset: what journal prints and what people paste.
	isoRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s?(z|[+-]\d{2}:?\d{2})?)?$`)
	})
	clockRe   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s?(am|pm)?$`) })
	agoRe     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\S+) (\S+) ago$`) })
	inRe      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^in (\S+) (\S+)$`) })
	slashedRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\d+/\d+|\d+\.\d+\.`) })
	// 3/7, 3/7/2014, 20.11.2026: the ones whose readings can be listed.
	slashedDateRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{4}))?\.?$`) })
	ordinalRe     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)?$`) })
	yearRe        = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{4}$`) })
)

// startsWithDigit is re's submatches in s, for a pattern that only matches
// text opening with a digit: other text never compiles it.
func startsWithDigit(s string, re func() *regexp.Regexp) []string {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return nil
	}
	return re().FindStringSubmatch(s)
}

// endsWithAgo is agoRe's submatches in s ("3 days ago").
func endsWithAgo(s string) []string {
	if !strings.HasSuffix(s, " ago") {
		return nil
	}
	return agoRe().FindStringSubmatch(s)
}

// startsWithIn is inRe's submatches in s ("in 2 weeks").
func startsWithIn(s string) []string {
	if !strings.HasPrefix(s, "in ") {
		return nil
	}
	return inRe().FindStringSubmatch(s)
}

// whenHelp lists the accepted forms; it ends every parse error. dayHelp is
// the same for flags that take a day only.
const (
	whenHelp = `use a date like 2026-11-20, "Nov 20", today, yesterday, "3 days ago", "last friday", or a time like 21:30, 9pm or "yesterday at 21:30"`
	dayHelp  = `use a date like 2026-11-20, "Nov 20", today, yesterday, "3 days ago" or "last friday"`
	timeHelp = `use a time like 21:30, 9pm, 9:30pm, noon or midnight`
)

// ParseWhen reads the dates people type, with now fixing both the
// reference day and the location:
//
//   - days: 2026-11-20, today, yesterday, tomorrow, "3 days ago",
//     "2 weeks ago", "a week ago", "in 3 days", friday, "last friday",
//     "next friday", "Nov 20", "20 Nov", "5 Jan 2024", "November 20, 2026"
//   - times: 21:30, 21:30:05, 9pm, "9:30 pm", noon, midnight, alone (today)
//     or before or after a day, with or without "at": "yesterday 9:30pm",
//     "3 days ago at 14:00", "monday 9pm"
//   - moments: now, "an hour ago", "20 minutes ago", and pasted times
//     like 2026-11-20T21:30:00Z or 2020-05-22T15:55-04:00 (read in now's
//     location)
//
// A month day without a year is in now's year. Nothing is guessed:
// slashed dates (3/7/2014) are refused because people read them in
// different orders, and so is anything else not listed. Local wall times
// pass through LocalTime (daylight-saving gaps and repeats). Days before
// MinYear are refused. A bare day's Time is that day at now's clock time.
func ParseWhen(s string, now time.Time) (When, error) {
	w, err := parseWhen(s, now)
	if err != nil {
		return When{}, err
	}
	if w.Date.Year < MinYear {
		return When{}, fmt.Errorf("%s is before %d, earlier than anything a journal holds: check the year", Quote(strings.TrimSpace(s)), MinYear)
	}
	return w, nil
}

func parseWhen(s string, now time.Time) (When, error) {
	in := normalize(s)
	loc := now.Location()
	if in == "" {
		return When{}, fmt.Errorf("empty date: %s", whenHelp)
	}
	if in == "now" {
		return When{Date: DateOf(now), Time: now, HasTime: true}, nil
	}
	// Each pattern runs only where it could match: compiling them cost
	// more than the rest of reading "yesterday".
	if m := startsWithDigit(in, isoRe); m != nil {
		return parseISO(s, m, now)
	}
	if strings.ContainsAny(in, "/.") && slashedRe().MatchString(in) {
		return When{}, slashed(strings.TrimSpace(s), in, DateOf(now))
	}
	// Moments counted back from now: elapsed time, so exact across a
	// daylight-saving change.
	if m := endsWithAgo(in); m != nil {
		if unit, ok := shortUnits[m[2]]; ok {
			n, ok := count(m[1])
			if !ok {
				return When{}, notUnderstood(s)
			}
			t := now.Add(-time.Duration(n) * unit)
			return When{Date: DateOf(t), Time: t, HasTime: true}, nil
		}
	}
	if in == "half an hour ago" {
		t := now.Add(-30 * time.Minute)
		return When{Date: DateOf(t), Time: t, HasTime: true}, nil
	}

	dayPart, clockPart, err := splitClock(in)
	if err != nil {
		return When{}, fmt.Errorf("%s: %v", Quote(strings.TrimSpace(s)), err)
	}
	d, err := parseDay(dayPart, DateOf(now))
	if err != nil {
		return When{}, fmt.Errorf("%s %v", Quote(strings.TrimSpace(s)), err)
	}
	if d.IsZero() {
		return When{}, notUnderstood(s)
	}
	w := When{Date: d}
	h, mi, sec := now.Hour(), now.Minute(), now.Second()
	if clockPart != "" {
		if h, mi, sec, err = parseClock(clockPart); err != nil {
			return When{}, err
		}
		w.HasTime, w.clock = true, true
	}
	w.Time = LocalTime(d.Year, d.Month, d.Day, h, mi, sec, loc)
	if w.clock {
		// A gap can move a time past midnight into the next day; a day
		// named alone stays the day named.
		w.Date = DateOf(w.Time)
	}
	return w, nil
}

// normalize lower-cases s, turns commas into spaces ("November 20, 2026"),
// "p.m." into "pm", and collapses runs of spaces.
func normalize(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer(",", " ", "a.m.", "am", "p.m.", "pm").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func notUnderstood(s string) error {
	return fmt.Errorf("%s is not a date I understand: %s", Quote(strings.TrimSpace(s)), whenHelp)
}

// slashed explains why a slashed or dotted date is refused, with the
// readings it could have, written the way that is taken.
func slashed(s, in string, today Date) error {
	msg := fmt.Sprintf("%s is not taken: slashed and dotted dates are read in different orders from country to country (3/7 is 3 July in one, March 7 in another)", Quote(s))
	m := slashedDateRe().FindStringSubmatch(in)
	if m == nil {
		return fmt.Errorf("%s; write the day like 2026-07-03 or 3 Jul 2026", msg)
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	y := today.Year
	if m[3] != "" {
		y, _ = strconv.Atoi(m[3])
	}
	var ways []string
	for _, dm := range [][2]int{{a, b}, {b, a}} {
		d := Date{y, time.Month(dm[1]), dm[0]}
		if dm[0] >= 1 && dm[1] >= 1 && dm[1] <= 12 && DateOf(d.utc()) == d {
			way := fmt.Sprintf("%s for %d %s", d, d.Day, d.Month)
			if !slices.Contains(ways, way) {
				ways = append(ways, way)
			}
		}
	}
	if len(ways) == 0 {
		return fmt.Errorf("%s; write the day like 2026-07-03 or 3 Jul 2026", msg)
	}
	return fmt.Errorf("%s; write %s", msg, strings.Join(ways, ", or "))
}

// parseISO reads a numeric date with an optional time: with an offset it
// names one instant, shown in now's location; without, a local wall time.
func parseISO(s string, m []string, now time.Time) (When, error) {
	if _, err := ParseDate(m[1] + "-" + m[2] + "-" + m[3]); err != nil {
		return When{}, fmt.Errorf("%s is not a day of the calendar: %s", Quote(strings.TrimSpace(s)), whenHelp)
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if m[4] == "" {
		// A bare day: now's clock time on it.
		t := LocalTime(y, time.Month(mo), d, now.Hour(), now.Minute(), now.Second(), now.Location())
		return When{Date: Date{y, time.Month(mo), d}, Time: t}, nil
	}
	clock := m[4] + ":" + m[5]
	if m[6] != "" {
		clock += ":" + m[6]
	}
	h, mi, sec, err := parseClock(clock)
	if err != nil {
		return When{}, err
	}
	var t time.Time
	if zone := m[7]; zone != "" {
		off := 0
		if zone != "z" {
			digits := strings.ReplaceAll(zone[1:], ":", "")
			oh, _ := strconv.Atoi(digits[:2])
			om, _ := strconv.Atoi(digits[2:])
			if oh > 14 || om > 59 {
				return When{}, fmt.Errorf("%s has an offset from UTC that does not exist: offsets run from -12:00 to +14:00", Quote(strings.TrimSpace(s)))
			}
			off = oh*3600 + om*60
			if zone[0] == '-' {
				off = -off
			}
		}
		t = time.Date(y, time.Month(mo), d, h, mi, sec, 0, time.FixedZone("", off)).In(now.Location())
	} else {
		t = LocalTime(y, time.Month(mo), d, h, mi, sec, now.Location())
	}
	return When{Date: DateOf(t), Time: t, HasTime: true, clock: true}, nil
}

// splitClock separates a clock time from the day around it: after "at",
// or the last or first one or two words when they read as a time
// ("yesterday 9:30 pm", "9pm monday"). A lone time is today's.
func splitClock(in string) (day, clock string, err error) {
	words := strings.Fields(in)
	for i := len(words) - 1; i >= 0; i-- {
		if words[i] != "at" {
			continue
		}
		clock = strings.Join(words[i+1:], " ")
		if clock == "" {
			return "", "", fmt.Errorf(`"at" needs a time after it: %s`, timeHelp)
		}
		if !isClock(clock) {
			return "", "", fmt.Errorf("%s after \"at\" is not a time of day: %s", Quote(clock), timeHelp)
		}
		day = strings.Join(words[:i], " ")
		if day == "" {
			day = "today"
		}
		return day, clock, nil
	}
	for _, n := range []int{2, 1} {
		if len(words) < n {
			continue
		}
		if c := strings.Join(words[len(words)-n:], " "); isClock(c) {
			day = strings.Join(words[:len(words)-n], " ")
			if day == "" {
				day = "today"
			}
			return day, c, nil
		}
		if len(words) > n {
			if c := strings.Join(words[:n], " "); isClock(c) {
				return strings.Join(words[n:], " "), c, nil
			}
		}
	}
	return in, "", nil
}

// isClock reports whether s is written as a time of day: it has a colon,
// am/pm, or is noon or midnight. A bare number is never a time ("20 nov").
func isClock(s string) bool {
	if s == "noon" || s == "midnight" {
		return true
	}
	m := startsWithDigit(s, clockRe)
	return m != nil && (m[2] != "" || m[4] != "")
}

// parseClock reads a time of day written as isClock accepts. Midnight is
// the start of the day, like 00:00 and 12am.
func parseClock(s string) (h, m, sec int, err error) {
	switch s {
	case "noon":
		return 12, 0, 0, nil
	case "midnight":
		return 0, 0, 0, nil
	}
	p := clockRe().FindStringSubmatch(s)
	if p == nil || (p[2] == "" && p[4] == "") {
		return 0, 0, 0, fmt.Errorf("%s is not a time of day: %s", Quote(s), timeHelp)
	}
	h, _ = strconv.Atoi(p[1])
	if p[2] != "" {
		m, _ = strconv.Atoi(p[2])
	}
	if p[3] != "" {
		sec, _ = strconv.Atoi(p[3])
	}
	if m > 59 || sec > 59 {
		return 0, 0, 0, fmt.Errorf("%s is not a time of day: minutes and seconds run from 00 to 59", Quote(s))
	}
	switch p[4] {
	case "":
		if h > 23 {
			return 0, 0, 0, fmt.Errorf("%s is not a time of day: use 00:00 to 23:59", Quote(s))
		}
	case "am", "pm":
		if h < 1 || h > 12 {
			return 0, 0, 0, fmt.Errorf("%s is not a time of day: with am or pm the hour runs from 1 to 12", Quote(s))
		}
		h %= 12 // 12am is 00, 12pm is 12
		if p[4] == "pm" {
			h += 12
		}
	}
	return h, m, sec, nil
}

// ParseDay is ParseWhen for flags that take a day only.
func ParseDay(s string, now time.Time) (Date, error) {
	w, err := ParseWhen(s, now)
	if err != nil {
		// The same complaint, naming only the forms a day takes.
		return Date{}, errors.New(strings.Replace(err.Error(), whenHelp, dayHelp, 1))
	}
	if w.clock {
		return Date{}, fmt.Errorf("%s has a time; this takes a day: %s", Quote(strings.TrimSpace(s)), dayHelp)
	}
	return w.Date, nil
}

// parseDay reads the day part of a date. It returns the zero Date for
// words it does not know, and for a known form that names no day (Feb 30)
// an error that follows the input it is about.
func parseDay(s string, today Date) (Date, error) {
	switch s {
	case "today":
		return today, nil
	case "yesterday":
		return today.AddDays(-1), nil
	case "tomorrow":
		return today.AddDays(1), nil
	}
	if d, err := ParseDate(s); err == nil {
		return d, nil
	}
	if m := endsWithAgo(s); m != nil {
		if n, ok := count(m[1]); ok {
			if days, ok := dayUnits[m[2]]; ok {
				return today.AddDays(-n * days), nil
			}
		}
		return Date{}, nil
	}
	// Looking ahead is for planned things (a session); what already
	// happened refuses future days where it is parsed.
	if m := startsWithIn(s); m != nil {
		if n, ok := count(m[1]); ok {
			if days, ok := dayUnits[m[2]]; ok {
				return today.AddDays(n * days), nil
			}
		}
		return Date{}, nil
	}
	if rest, ok := strings.CutPrefix(s, "next "); ok {
		wd, ok := weekdays[rest]
		if !ok {
			return Date{}, nil
		}
		ahead := (int(wd) - int(today.Weekday()) + 7) % 7
		if ahead == 0 {
			ahead = 7
		}
		return today.AddDays(ahead), nil
	}
	if wd, ok := weekdays[strings.TrimPrefix(s, "last ")]; ok {
		// "friday" and "last friday" both mean the most recent Friday
		// before today: people look back when they log what already
		// happened.
		back := (int(today.Weekday()) - int(wd) + 7) % 7
		if back == 0 {
			back = 7
		}
		return today.AddDays(-back), nil
	}
	return monthDay(s, today)
}

// monthDay reads a day with the month in words: "nov 20", "20 nov",
// "5 jan 2024", "november 20 2026", "20th nov", optionally after a weekday
// that must agree ("fri nov 20"). Without a year it is today's year.
func monthDay(s string, today Date) (Date, error) {
	words := strings.Fields(s)
	var weekday *time.Weekday
	if len(words) > 0 {
		if wd, ok := weekdays[words[0]]; ok {
			weekday, words = &wd, words[1:]
		}
	}
	if len(words) < 2 || len(words) > 3 {
		return Date{}, nil
	}
	var (
		month    time.Month
		day, yr  = 0, today.Year
		okMonth  bool
		dayWord  string
		yearWord string
	)
	if month, okMonth = months[words[0]]; okMonth {
		dayWord = words[1]
	} else if month, okMonth = months[words[1]]; okMonth {
		dayWord = words[0]
	} else {
		return Date{}, nil
	}
	if len(words) == 3 {
		yearWord = words[2]
		if !yearRe().MatchString(yearWord) {
			return Date{}, nil
		}
		yr, _ = strconv.Atoi(yearWord)
	}
	m := ordinalRe().FindStringSubmatch(dayWord)
	if m == nil {
		return Date{}, nil
	}
	day, _ = strconv.Atoi(m[1])
	d := Date{yr, month, day}
	if day < 1 || DateOf(d.utc()) != d {
		return Date{}, fmt.Errorf("is not a day of the calendar: %s %d has %d days", month, yr, daysIn(month, yr))
	}
	if weekday != nil && d.Weekday() != *weekday {
		return Date{}, fmt.Errorf("does not agree with itself: %s is a %s", d, d.Weekday())
	}
	return d, nil
}

func daysIn(m time.Month, y int) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// count reads how many: digits (at most six, so no sum overflows), or a
// small number in words ("a week ago", "three days ago").
func count(s string) (int, bool) {
	if n, ok := numberWords[s]; ok {
		return n, true
	}
	if len(s) > 6 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0
}

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}

// dayUnits are the units "N … ago" and "in N …" count days in. Months
// and years are left out: a month is not a fixed number of days.
var dayUnits = map[string]int{"day": 1, "days": 1, "week": 7, "weeks": 7}

// shortUnits are the units of moments counted back from now.
var shortUnits = map[string]time.Duration{
	"hour": time.Hour, "hours": time.Hour, "hr": time.Hour, "hrs": time.Hour,
	"minute": time.Minute, "minutes": time.Minute, "min": time.Minute, "mins": time.Minute,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "sun": time.Sunday,
	"monday": time.Monday, "mon": time.Monday,
	"tuesday": time.Tuesday, "tue": time.Tuesday, "tues": time.Tuesday,
	"wednesday": time.Wednesday, "wed": time.Wednesday,
	"thursday": time.Thursday, "thu": time.Thursday, "thurs": time.Thursday,
	"friday": time.Friday, "fri": time.Friday,
	"saturday": time.Saturday, "sat": time.Saturday,
}

var months = map[string]time.Month{
	"january": time.January, "jan": time.January,
	"february": time.February, "feb": time.February,
	"march": time.March, "mar": time.March,
	"april": time.April, "apr": time.April,
	"may":  time.May,
	"june": time.June, "jun": time.June,
	"july": time.July, "jul": time.July,
	"august": time.August, "aug": time.August,
	"september": time.September, "sep": time.September, "sept": time.September,
	"october": time.October, "oct": time.October,
	"november": time.November, "nov": time.November,
	"december": time.December, "dec": time.December,
}

package journal

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// When is a moment a person named on the command line: a day, and a clock
// time when they gave one.
type When struct {
	Date    Date
	Time    time.Time // the full moment; for a bare day, that day at the current clock time
	HasTime bool
}

var (
	daysAgoRe = regexp.MustCompile(`^(\d+) days? ago$`)
	inDaysRe  = regexp.MustCompile(`^in (\d+) days?$`)
	clockRe   = regexp.MustCompile(`^(\d{1,2}):(\d{2})$`)
)

// whenHelp lists the accepted forms; it ends every parse error. dayHelp is
// the same for flags that take a day only.
const (
	whenHelp = `use a date like 2026-11-20, today, yesterday, "3 days ago", "last friday", or a time like 21:30 or "yesterday 21:30"`
	dayHelp  = `use a date like 2026-11-20, today, yesterday, "3 days ago" or "last friday"`
)

// ParseWhen reads the natural dates people type: 2026-11-20, today,
// yesterday, "3 days ago", "last friday", "friday", "21:30",
// "yesterday 21:30", "2026-11-20 21:30" and "now". now fixes both the
// reference day and the location.
func ParseWhen(s string, now time.Time) (When, error) {
	in := strings.ToLower(strings.Join(strings.Fields(s), " "))
	if in == "" {
		return When{}, fmt.Errorf("empty date: %s", whenHelp)
	}
	if in == "now" {
		return When{Date: DateOf(now), Time: now, HasTime: true}, nil
	}
	// RFC 3339, as list and --json print times, so they can be given back.
	if t, err := time.Parse(time.RFC3339, strings.TrimSpace(s)); err == nil {
		t = t.In(now.Location())
		return When{Date: DateOf(t), Time: t, HasTime: true}, nil
	}
	if t, err := time.ParseInLocation("2006-01-02T15:04", strings.TrimSpace(s), now.Location()); err == nil {
		return When{Date: DateOf(t), Time: t, HasTime: true}, nil
	}
	dayPart, clockPart := in, ""
	if i := strings.LastIndexByte(in, ' '); i >= 0 && clockRe.MatchString(in[i+1:]) {
		dayPart, clockPart = in[:i], in[i+1:]
	} else if clockRe.MatchString(in) {
		dayPart, clockPart = "today", in
	}
	d, ok := parseDay(dayPart, DateOf(now))
	if !ok {
		return When{}, fmt.Errorf("%q is not a date I understand: %s", s, whenHelp)
	}
	w := When{Date: d}
	h, m := now.Hour(), now.Minute()
	sec := now.Second()
	if clockPart != "" {
		parts := clockRe.FindStringSubmatch(clockPart)
		h, _ = strconv.Atoi(parts[1])
		m, _ = strconv.Atoi(parts[2])
		sec = 0
		if h > 23 || m > 59 {
			return When{}, fmt.Errorf("%q is not a time of day: use 00:00 to 23:59", clockPart)
		}
		w.HasTime = true
	}
	w.Time = time.Date(d.Year, d.Month, d.Day, h, m, sec, 0, now.Location())
	return w, nil
}

// ParseDay is ParseWhen for flags that take a day only.
func ParseDay(s string, now time.Time) (Date, error) {
	w, err := ParseWhen(s, now)
	if err != nil {
		// The same complaint, naming only the forms a day takes.
		return Date{}, errors.New(strings.Replace(err.Error(), whenHelp, dayHelp, 1))
	}
	if w.HasTime && strings.Contains(s, ":") {
		return Date{}, fmt.Errorf("%q has a time; this takes a day: %s", s, dayHelp)
	}
	return w.Date, nil
}

func parseDay(s string, today Date) (Date, bool) {
	switch s {
	case "today":
		return today, true
	case "yesterday":
		return today.AddDays(-1), true
	case "tomorrow":
		return today.AddDays(1), true
	}
	if d, err := ParseDate(s); err == nil {
		return d, true
	}
	if m := daysAgoRe.FindStringSubmatch(s); m != nil {
		n, err := strconv.Atoi(m[1])
		if err != nil || n > 100000 {
			return Date{}, false
		}
		return today.AddDays(-n), true
	}
	// Looking ahead is for planned things (a session); what already
	// happened refuses future days where it is parsed.
	if m := inDaysRe.FindStringSubmatch(s); m != nil {
		n, err := strconv.Atoi(m[1])
		if err != nil || n > 100000 {
			return Date{}, false
		}
		return today.AddDays(n), true
	}
	if rest, ok := strings.CutPrefix(s, "next "); ok {
		wd, ok := weekdays[rest]
		if !ok {
			return Date{}, false
		}
		ahead := (int(wd) - int(today.Weekday()) + 7) % 7
		if ahead == 0 {
			ahead = 7
		}
		return today.AddDays(ahead), true
	}
	wd, ok := weekdays[strings.TrimPrefix(s, "last ")]
	if !ok {
		return Date{}, false
	}
	// "friday" and "last friday" both mean the most recent Friday before
	// today: people look back when they log what already happened.
	back := (int(today.Weekday()) - int(wd) + 7) % 7
	if back == 0 {
		back = 7
	}
	return today.AddDays(-back), true
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

package journal

import (
	"strings"
	"testing"
	"time"
)

func TestParseWhen(t *testing.T) {
	// Wednesday 25 November 2026, 20:00.
	now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	tests := []struct {
		in      string
		want    string // RFC 3339
		hasTime bool
	}{
		{"2026-11-20", "2026-11-20T20:00:00Z", false},
		{"today", "2026-11-25T20:00:00Z", false},
		{"Yesterday", "2026-11-24T20:00:00Z", false},
		{"3 days ago", "2026-11-22T20:00:00Z", false},
		{"1 day ago", "2026-11-24T20:00:00Z", false},
		{"last friday", "2026-11-20T20:00:00Z", false},
		{"friday", "2026-11-20T20:00:00Z", false},
		{"last wednesday", "2026-11-18T20:00:00Z", false}, // today is Wednesday: the one before
		{"mon", "2026-11-23T20:00:00Z", false},
		{"21:30", "2026-11-25T21:30:00Z", true},
		{"7:05", "2026-11-25T07:05:00Z", true},
		{"yesterday 21:30", "2026-11-24T21:30:00Z", true},
		{"2026-11-20 08:15", "2026-11-20T08:15:00Z", true},
		{"last friday 23:00", "2026-11-20T23:00:00Z", true},
		{"  now ", "2026-11-25T20:00:00Z", true},
		{"tomorrow", "2026-11-26T20:00:00Z", false},
		{"next friday", "2026-11-27T20:00:00Z", false},
		{"next wednesday", "2026-12-02T20:00:00Z", false}, // today is Wednesday: the one after
		{"in 3 days", "2026-11-28T20:00:00Z", false},
		{"next monday 10:00", "2026-11-30T10:00:00Z", true},
		// The times journal itself prints (list, --json) are taken back.
		{"2026-11-20T08:15:00Z", "2026-11-20T08:15:00Z", true},
		{"2026-11-20T09:15:00+01:00", "2026-11-20T08:15:00Z", true},
		{"2026-11-20T08:15", "2026-11-20T08:15:00Z", true},

		// am and pm, with or without a space or dots.
		{"3pm", "2026-11-25T15:00:00Z", true},
		{"3 PM", "2026-11-25T15:00:00Z", true},
		{"9:30 p.m.", "2026-11-25T21:30:00Z", true},
		{"yesterday 9:30pm", "2026-11-24T21:30:00Z", true},
		{"monday 9pm", "2026-11-23T21:00:00Z", true},
		{"9pm monday", "2026-11-23T21:00:00Z", true},
		{"12am", "2026-11-25T00:00:00Z", true},
		{"12:15am", "2026-11-25T00:15:00Z", true},
		{"12pm", "2026-11-25T12:00:00Z", true},
		{"7am", "2026-11-25T07:00:00Z", true},
		// "at" between the day and the time.
		{"yesterday at 21:30", "2026-11-24T21:30:00Z", true},
		{"3 days ago at 14:00", "2026-11-22T14:00:00Z", true},
		{"at 7am", "2026-11-25T07:00:00Z", true},
		{"last friday at 11:45pm", "2026-11-20T23:45:00Z", true},
		// Weeks back and forward are days; hours and minutes are moments.
		{"2 weeks ago", "2026-11-11T20:00:00Z", false},
		{"a week ago", "2026-11-18T20:00:00Z", false},
		{"three days ago", "2026-11-22T20:00:00Z", false},
		{"a day ago", "2026-11-24T20:00:00Z", false},
		{"in 2 weeks", "2026-12-09T20:00:00Z", false},
		{"in a week", "2026-12-02T20:00:00Z", false},
		{"an hour ago", "2026-11-25T19:00:00Z", true},
		{"5 hours ago", "2026-11-25T15:00:00Z", true},
		{"21 hours ago", "2026-11-24T23:00:00Z", true}, // yesterday's date
		{"20 minutes ago", "2026-11-25T19:40:00Z", true},
		{"a minute ago", "2026-11-25T19:59:00Z", true},
		{"half an hour ago", "2026-11-25T19:30:00Z", true},
		// Month names, either order, with ordinals, years and commas.
		{"Nov 20", "2026-11-20T20:00:00Z", false},
		{"20 Nov", "2026-11-20T20:00:00Z", false},
		{"20th November", "2026-11-20T20:00:00Z", false},
		{"November 1st", "2026-11-01T20:00:00Z", false},
		{"5 Jan 2024", "2024-01-05T20:00:00Z", false},
		{"November 20, 2026", "2026-11-20T20:00:00Z", false},
		{"Sept 3 2025", "2025-09-03T20:00:00Z", false},
		{"Fri, Nov 20 2026", "2026-11-20T20:00:00Z", false},
		{"Nov 20 at 9pm", "2026-11-20T21:00:00Z", true},
		{"Nov 20, 2026 21:30", "2026-11-20T21:30:00Z", true},
		{"5 Jan 2024 7:05am", "2024-01-05T07:05:00Z", true},
		{"Feb 29 2024", "2024-02-29T20:00:00Z", false},
		{"Dec 31", "2026-12-31T20:00:00Z", false}, // this year's: the future check refuses it where the past is needed
		// Noon and midnight (the start of the day, like 00:00).
		{"noon", "2026-11-25T12:00:00Z", true},
		{"yesterday noon", "2026-11-24T12:00:00Z", true},
		{"midnight", "2026-11-25T00:00:00Z", true},
		{"yesterday at midnight", "2026-11-24T00:00:00Z", true},
		// Pasted times with seconds, fractions or an offset.
		{"2026-11-20 21:30:00", "2026-11-20T21:30:00Z", true},
		{"2026-11-20 21:30:15", "2026-11-20T21:30:15Z", true},
		{"21:30:15", "2026-11-25T21:30:15Z", true},
		{"2020-05-22T15:55-04:00", "2020-05-22T19:55:00Z", true},
		{"2020-05-22T15:55:07.123-0400", "2020-05-22T19:55:07Z", true},
		{"2026-11-20 21:30 +01:00", "2026-11-20T20:30:00Z", true},
		{"2026-11-20T21:30:00.5Z", "2026-11-20T21:30:00Z", true},
		{"2026-11-20 at 9pm", "2026-11-20T21:00:00Z", true},
		{"1900-01-01", "1900-01-01T20:00:00Z", false},
	}
	for _, tt := range tests {
		w, err := ParseWhen(tt.in, now)
		if err != nil {
			t.Errorf("ParseWhen(%q): %v", tt.in, err)
			continue
		}
		if got := w.Time.Format(time.RFC3339); got != tt.want || w.HasTime != tt.hasTime {
			t.Errorf("ParseWhen(%q) = %s (time %v), want %s (time %v)", tt.in, got, w.HasTime, tt.want, tt.hasTime)
		}
		if w.Date != DateOf(w.Time) {
			t.Errorf("ParseWhen(%q): date %s does not match time %s", tt.in, w.Date, w.Time)
		}
	}
}

func TestParseWhenRefusesNonsense(t *testing.T) {
	now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ in, why string }{
		{"", "empty date"},
		{"someday", "not a date I understand"},
		{"2026-13-01", "not a day of the calendar"},
		{"2026-02-30", "not a day of the calendar"},
		{"Feb 30", `"Feb 30" is not a day of the calendar: February 2026 has 28 days`},
		{"31 April 2025", "April 2025 has 30 days"},
		{"Mon Nov 20 2026", `"Mon Nov 20 2026" does not agree with itself: 2026-11-20 is a Friday`},
		{"25:00", "use 00:00 to 23:59"},
		{"12:60", "minutes and seconds run from 00 to 59"},
		{"13pm", "the hour runs from 1 to 12"},
		{"0am", "the hour runs from 1 to 12"},
		{"21:30pm", "the hour runs from 1 to 12"},
		{"yesterday at", `"at" needs a time`},
		{"yesterday at dinner", "not a time of day"},
		{"3 hours ago at 14:00", "not a date I understand"},
		{"last", "not a date I understand"},
		{"next", "not a date I understand"},
		{"next week", "not a date I understand"},
		{"2 months ago", "not a date I understand"},
		{"eleven days ago", "not a date I understand"},
		{"Nov", "not a date I understand"},
		{"Nov 2026", "not a date I understand"},
		{"9999999 days ago", "not a date I understand"},
		// Slashed and dotted dates are read in different orders: refused, saying why.
		{"3/7/2014", "write 2014-07-03 for 3 July, or 2014-03-07 for 7 March"},
		{"20.11.2026", "write 2026-11-20 for 20 November"},
		{"7/7", "write 2026-07-07 for 7 July"},
		{"3/7/14", "write the day like 2026-07-03"},
		{"11/20", "different orders"},
		{"20.11.2026", "different orders"},
		{"yesterday 3/7", "different orders"},
		// Before 1900, however it is written.
		{"0001-01-01", "before 1900"},
		{"1899-12-31 23:59", "before 1900"},
		{"5 Jan 1066", "before 1900"},
		{"100000 days ago", "before 1900"},
		{"9000 weeks ago", "before 1900"},
		{"1899-12-31T23:00:00-02:00", ""}, // 1900-01-01 01:00 UTC: accepted below
		{"2020-05-22T15:55+15:00", "offset from UTC that does not exist"},
	} {
		w, err := ParseWhen(tt.in, now)
		if tt.why == "" {
			if err != nil {
				t.Errorf("ParseWhen(%q): %v", tt.in, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("ParseWhen(%q) = %v, want an error saying %q", tt.in, w.Time, tt.why)
		} else if !strings.Contains(err.Error(), tt.why) {
			t.Errorf("ParseWhen(%q): %v, want it to say %q", tt.in, err, tt.why)
		}
	}
}

func TestParseDayRefusesTimes(t *testing.T) {
	now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	if _, err := ParseDay("yesterday 21:30", now); err == nil {
		t.Error("ParseDay accepted a time of day")
	}
	d, err := ParseDay("last monday", now)
	if err != nil || d.String() != "2026-11-23" {
		t.Errorf("ParseDay(last monday) = %s, %v", d, err)
	}
}

func TestDateArithmeticAcrossDST(t *testing.T) {
	// Europe/London leaves summer time on 2026-10-25: still one day apart.
	a, _ := ParseDate("2026-10-24")
	b := a.AddDays(2)
	if b.String() != "2026-10-26" || b.DaysSince(a) != 2 {
		t.Errorf("AddDays across DST: got %s, %d days", b, b.DaysSince(a))
	}
	if a.Weekday() != time.Saturday {
		t.Errorf("2026-10-24 is a Saturday, got %s", a.Weekday())
	}
}

// A day flag's errors name only the forms a day takes, never a time.
func TestParseDayErrorsNameDays(t *testing.T) {
	now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	for _, in := range []string{"someday", "yesterday 21:30"} {
		_, err := ParseDay(in, now)
		if err == nil {
			t.Fatalf("ParseDay(%q) accepted", in)
		}
		if msg := err.Error(); strings.Contains(msg, "21:30 or") || !strings.HasSuffix(msg, dayHelp) {
			t.Errorf("ParseDay(%q): %s", in, msg)
		}
	}
}

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
	for _, in := range []string{"", "someday", "2026-13-01", "2026-02-30", "25:00", "12:60", "last", "three days ago", "yesterday 9pm", "next", "next week", "in a day"} {
		if w, err := ParseWhen(in, now); err == nil {
			t.Errorf("ParseWhen(%q) = %v, want an error", in, w.Time)
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
		if msg := err.Error(); strings.Contains(msg, "21:30 or") || !strings.HasSuffix(msg, `use a date like 2026-11-20, today, yesterday, "3 days ago" or "last friday"`) {
			t.Errorf("ParseDay(%q): %s", in, msg)
		}
	}
}

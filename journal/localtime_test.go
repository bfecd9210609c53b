package journal

import (
	"testing"
	"time"
	_ "time/tzdata" // the zones below, whatever the machine has installed
)

// Wall times around the daylight-saving changes of 2026 in three zones:
// a time in the spring gap moves forward by the gap, a time in the
// repeated autumn hour is its first occurrence.
func TestLocalTimeAcrossDST(t *testing.T) {
	tests := []struct {
		zone, wall, want string // wall as typed to --at; want in RFC 3339
	}{
		// New York springs forward at 02:00 EST on 8 March: 02:00–02:59 never happen.
		{"America/New_York", "2026-03-08 01:59", "2026-03-08T01:59:00-05:00"},
		{"America/New_York", "2026-03-08 02:00", "2026-03-08T03:00:00-04:00"},
		{"America/New_York", "2026-03-08 02:30", "2026-03-08T03:30:00-04:00"},
		{"America/New_York", "2026-03-08 03:30", "2026-03-08T03:30:00-04:00"},
		// and falls back at 02:00 EDT on 1 November: 01:00–01:59 happen twice.
		{"America/New_York", "2026-11-01 01:30", "2026-11-01T01:30:00-04:00"},
		{"America/New_York", "2026-11-01 02:30", "2026-11-01T02:30:00-05:00"},
		// London springs forward at 01:00 GMT on 29 March, falls back at 02:00 BST on 25 October.
		{"Europe/London", "2026-03-29 01:30", "2026-03-29T02:30:00+01:00"},
		{"Europe/London", "2026-10-25 01:30", "2026-10-25T01:30:00+01:00"},
		{"Europe/London", "2026-10-25 00:59", "2026-10-25T00:59:00+01:00"},
		{"Europe/London", "2026-10-25 02:00", "2026-10-25T02:00:00Z"},
		// Sydney springs forward at 02:00 AEST on 4 October, falls back at 03:00 AEDT on 5 April.
		{"Australia/Sydney", "2026-10-04 02:30", "2026-10-04T03:30:00+11:00"},
		{"Australia/Sydney", "2026-04-05 02:30", "2026-04-05T02:30:00+11:00"},
		{"Australia/Sydney", "2026-04-05 03:00", "2026-04-05T03:00:00+10:00"},
	}
	for _, tt := range tests {
		loc, err := time.LoadLocation(tt.zone)
		if err != nil {
			t.Fatal(err)
		}
		now := time.Date(2026, 12, 1, 12, 0, 0, 0, loc)
		w, err := ParseWhen(tt.wall, now)
		if err != nil {
			t.Errorf("%s %s: %v", tt.zone, tt.wall, err)
			continue
		}
		if got := w.Time.Format(time.RFC3339); got != tt.want {
			t.Errorf("%s %q = %s, want %s", tt.zone, tt.wall, got, tt.want)
		}
		if w.Date != DateOf(w.Time) {
			t.Errorf("%s %q: day %s, time %s", tt.zone, tt.wall, w.Date, w.Time)
		}
	}
}

// A bare day whose current clock time falls in the gap moves forward too,
// and a day starts at its first moment even where midnight is skipped.
func TestDayInDSTGap(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	now := time.Date(2026, 3, 10, 2, 30, 0, 0, ny)
	w, err := ParseWhen("2026-03-08", now)
	if err != nil || w.Time.Format(time.RFC3339) != "2026-03-08T03:30:00-04:00" {
		t.Errorf("bare day at 02:30 on the gap day = %s, %v", w.Time.Format(time.RFC3339), err)
	}
	// Santiago moved its clocks from 00:00 to 01:00 on 2026-09-06.
	scl, _ := time.LoadLocation("America/Santiago")
	d := Date{2026, time.September, 6}
	if got := d.In(scl).Format(time.RFC3339); got != "2026-09-06T01:00:00-03:00" {
		t.Errorf("start of 2026-09-06 in Santiago = %s", got)
	}
}

func TestDaysSinceIsExactOverCenturies(t *testing.T) {
	tests := []struct {
		from, to Date
		want     int
	}{
		{Date{1900, 1, 1}, Date{2026, 11, 25}, 46349},
		{Date{1700, 1, 1}, Date{2026, 11, 25}, 119397},
		{Date{1, 1, 1}, Date{9999, 12, 31}, 3652058},
		{Date{2026, 11, 25}, Date{1900, 1, 1}, -46349},
	}
	for _, tt := range tests {
		if got := tt.to.DaysSince(tt.from); got != tt.want {
			t.Errorf("%s since %s = %d, want %d", tt.to, tt.from, got, tt.want)
		}
	}
}

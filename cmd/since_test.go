package cmd

import (
	"strings"
	"testing"
	"time"

	"journal/journal"
)

// Every command reads --since and --until through parseWindow: the same
// defaults and the same words for the same mistakes.
func TestParseWindow(t *testing.T) {
	now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	d := func(s string) journal.Date { v, _ := journal.ParseDate(s); return v }
	cases := []struct {
		since, until, summary string
		from, to              journal.Date
		err                   string
	}{
		{"", "", "stats", journal.Date{}, d("2026-11-25"), ""},
		{"", "", "", journal.Date{}, journal.Date{}, ""},
		{"3 days ago", "yesterday", "", d("2026-11-22"), d("2026-11-24"), ""},
		{"2026-11-20", "2026-11-10", "stats", journal.Date{}, journal.Date{},
			"--since 2026-11-20 is after --until 2026-11-10: give an earlier --since or a later --until"},
		{"2026-11-20", "2026-11-10", "", journal.Date{}, journal.Date{},
			"--since 2026-11-20 is after --until 2026-11-10: give an earlier --since or a later --until"},
		{"", "tomorrow", "reports", journal.Date{}, journal.Date{},
			"--until 2026-11-26 is in the future: reports cover days that have passed; leave --until out to end today"},
		{"", "tomorrow", "", journal.Date{}, d("2026-11-26"), ""},
		{"someday", "", "stats", journal.Date{}, journal.Date{}, "--since also takes first-session, last-session or last-call"},
		{"last-call", "", "", journal.Date{}, journal.Date{}, ""}, // looked up once the journal is open
	}
	for _, c := range cases {
		w, err := parseWindow(c.since, c.until, now, c.summary)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q..%q (%s): error %v, want %q", c.since, c.until, c.summary, err, c.err)
			}
			continue
		}
		if err != nil || w.since.day != c.from || w.until != c.to {
			t.Errorf("%q..%q (%s): %v..%v, %v; want %v..%v", c.since, c.until, c.summary, w.since.day, w.until, err, c.from, c.to)
		}
	}
	// An anchor that resolves after --until is named.
	w := window{since: sinceFlag{anchor: "last-call"}, until: d("2026-11-19")}
	if err := w.check(d("2026-11-20")); err == nil || err.Error() !=
		"--since last-call is 2026-11-20, after --until 2026-11-19: give an earlier --since or a later --until" {
		t.Errorf("anchor after until: %v", err)
	}
}

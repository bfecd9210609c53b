package cmd

import (
	"context"
	"fmt"
	"strings"
	"time"

	"journal/journal"
	"journal/storage"
)

// sinceFlag is a parsed --since: a day, or an anchor word (first-session,
// last-session, last-call) whose day is looked up once the journal is
// open. Parsing first lets a mistyped date fail before the journal opens.
type sinceFlag struct {
	day    journal.Date // zero when --since was not given or is an anchor
	anchor string
}

// parseSince reads a --since value; "" gives the zero sinceFlag.
func parseSince(s string, now time.Time) (sinceFlag, error) {
	if a, ok := sinceAnchor(s); ok {
		return sinceFlag{anchor: a}, nil
	}
	d, err := dayFlag("since", s, now)
	if err != nil {
		return sinceFlag{}, journal.Invalid("%v; --since also takes first-session, last-session or last-call", err)
	}
	return sinceFlag{day: d}, nil
}

// resolve returns the day: the parsed one, or the anchor's day in st.
func (s sinceFlag) resolve(ctx context.Context, st *storage.Store, now time.Time) (journal.Date, error) {
	if s.anchor == "" {
		return s.day, nil
	}
	return anchorDay(ctx, st, s.anchor, now)
}

// sinceAnchor recognises the --since words that name a recorded day.
func sinceAnchor(s string) (string, bool) {
	switch a := strings.ToLower(strings.TrimSpace(s)); a {
	case "first-session", "last-session", "last-call":
		return a, true
	}
	return "", false
}

func anchorDay(ctx context.Context, st *storage.Store, anchor string, now time.Time) (journal.Date, error) {
	today := journal.DateOf(now)
	var (
		d   journal.Date
		ok  bool
		err error
		why string
	)
	switch anchor {
	case "first-session":
		d, ok, err = st.FirstSessionDay(ctx)
		why = "no sessions in the journal yet"
		if ok && d.After(today) {
			// Only planned sessions: a summary covers days that have passed.
			ok, why = false, fmt.Sprintf("the first session is planned for %s, after today", d)
		}
	case "last-session":
		d, ok, err = st.LastSessionDay(ctx, today)
		why = "no sessions up to today in the journal yet"
	case "last-call":
		d, ok, err = st.LastCallDay(ctx, today)
		why = "no coaching calls yet"
	}
	if err != nil {
		return d, err
	}
	if !ok {
		return d, journal.Invalid(`--since %s: %s: give a date instead, like --since "30 days ago"`, anchor, why)
	}
	return d, nil
}

// pastUntil reads an --until value for a summary of days that have passed;
// "" is today. Days still to come would read as unrecorded and cut the
// current streak short, so they are refused.
func pastUntil(s string, now time.Time, what string) (journal.Date, error) {
	today := journal.DateOf(now)
	if s == "" {
		return today, nil
	}
	to, err := dayFlag("until", s, now)
	if err != nil {
		return to, err
	}
	if to.After(today) {
		return to, journal.Invalid("--until %s is in the future: %s cover days that have passed; leave --until out to end today", to, what)
	}
	return to, nil
}

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

// window is a command's --since and --until, read once, the same way for
// every command that takes them: parsed before the journal opens, so a
// mistyped date or a backwards range fails without touching it, then
// resolved once it is open (an anchor word names a recorded day).
type window struct {
	since sinceFlag
	// until is the last day; zero for an open end (list, export).
	until journal.Date
}

// parseWindow reads --since and --until. summary names what a command
// makes ("stats", "reports") when it summarises days that have passed:
// --until then defaults to today and may not be in the future, since days
// still to come would read as unrecorded. With summary "" an end left out
// stays open.
func parseWindow(since, until string, now time.Time, summary string) (window, error) {
	var w window
	var err error
	if w.since, err = parseSince(since, now); err != nil {
		return w, err
	}
	today := journal.DateOf(now)
	if until == "" {
		if summary != "" {
			w.until = today
		} else if w.since.day.After(today) {
			// An open end still stops at today for what has happened: a
			// window starting later is back to front, as it is for stats.
			return w, journal.Invalid("--since %s is after today, %s: give an earlier --since", w.since.day, today)
		}
	} else {
		if w.until, err = dayFlag("until", until, now); err != nil {
			return w, err
		}
		if summary != "" && w.until.After(today) {
			return w, journal.Invalid("--until %s is in the future: %s cover days that have passed; leave --until out to end today", w.until, summary)
		}
	}
	return w, w.check(w.since.day)
}

// resolve returns the first and last day: from is zero when --since was
// left out, to when --until was left out of a command with open ends.
func (w window) resolve(ctx context.Context, st *storage.Store, now time.Time) (from, to journal.Date, err error) {
	if from, err = w.since.resolve(ctx, st, now); err != nil {
		return from, w.until, err
	}
	return from, w.until, w.check(from)
}

// check refuses a first day after the last, in one wording everywhere.
func (w window) check(from journal.Date) error {
	if from.IsZero() || w.until.IsZero() || !from.After(w.until) {
		return nil
	}
	if w.since.anchor != "" {
		return journal.Invalid("--since %s is %s, after --until %s: give an earlier --since or a later --until", w.since.anchor, from, w.until)
	}
	return journal.Invalid("--since %s is after --until %s: give an earlier --since or a later --until", from, w.until)
}

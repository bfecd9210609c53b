package cmd

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"journal/cmd/ui"
	"journal/journal"
	"journal/journal/stats"
	"journal/storage"
)

type statsOptions struct {
	since, until string
	json         bool
}

func newCmdStats(f *Factory) *cobra.Command {
	var o statsOptions
	c := &cobra.Command{
		Use:   "stats",
		Short: "Drinking days, craving trends and patterns",
		Long: `Show alcohol-free days, streaks, cravings and their patterns, the days around
each session and your check-ins, for the last 30 days unless you say otherwise.
Days you did not record are left out of every rate, never counted as sober or
as drinking; how many days were recorded, and how many recalled later, is
shown beside the rates.

--since also takes first-session, last-session and last-call.`,
		Example: `  journal stats
  journal stats --since last-session
  journal stats --since 2026-09-01 --until 2026-09-30
  journal stats --since first-session --json`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error { return statsRun(c.Context(), f, &o) },
	}
	fl := c.Flags()
	fl.StringVar(&o.since, "since", "", "first `day` of the range, or first-session, last-session, last-call (default: 30 days ending --until)")
	fl.StringVar(&o.until, "until", "", "last `day` of the range (default today)")
	fl.BoolVar(&o.json, "json", false, "print the measures as one JSON document")
	return c
}

func statsRun(ctx context.Context, f *Factory, o *statsOptions) error {
	now := f.Now()
	to := journal.DateOf(now)
	if o.until != "" {
		var err error
		if to, err = dayFlag("until", o.until, now); err != nil {
			return err
		}
		// Days still to come would read as unrecorded and cut the current
		// streak short.
		if to.After(journal.DateOf(now)) {
			return journal.Invalid("--until %s is in the future: stats cover days that have passed; leave --until out to end today", to)
		}
	}
	// Dates are checked before the journal is opened.
	since, isAnchor := sinceAnchor(o.since)
	var from journal.Date
	if !isAnchor {
		var err error
		if from, err = dayFlag("since", o.since, now); err != nil {
			return journal.Invalid("%v; --since also takes first-session, last-session or last-call", err)
		}
	}
	st, err := f.Store(ctx)
	if err != nil {
		return err
	}
	if isAnchor {
		if from, err = anchorDay(ctx, st, since, now); err != nil {
			return err
		}
	}
	if from.IsZero() {
		from = to.AddDays(-29)
	}
	if from.After(to) {
		return journal.Invalid("--since %s is after --until %s: give an earlier --since or a later --until", from, to)
	}
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	in, err := st.StatsInput(ctx, from, to, cfg.HeavyDrinkingThreshold)
	if err != nil {
		return err
	}
	r := stats.Compute(in)
	if o.json {
		return printJSON(f.IO.Out, r)
	}
	ui.WriteStats(f.IO.Out, r, f.Styles())
	return nil
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
			// Only planned sessions: stats cover days that have passed.
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

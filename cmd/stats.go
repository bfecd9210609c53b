package cmd

import (
	"context"

	"github.com/spf13/cobra"

	"journal/cmd/ui"
	"journal/journal"
	"journal/journal/stats"
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
shown beside the rates. The current alcohol-free run and the days since a
drink count back through your whole journal; the longest run is the longest
in the range. A heavy drinking day is heavy_day_grams of alcohol or more (56 g
unless set with journal config), shown in standard drinks of your size.

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
	// Dates are checked before the journal is opened.
	w, err := parseWindow(o.since, o.until, now, "stats")
	if err != nil {
		return err
	}
	st, err := f.Store(ctx)
	if err != nil {
		return err
	}
	from, to, err := w.resolve(ctx, st, now)
	if err != nil {
		return err
	}
	if from.IsZero() {
		from = to.AddDays(-29)
	}
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	in, err := st.StatsInput(ctx, from, to, heavyOf(cfg))
	if err != nil {
		return err
	}
	r := stats.Compute(in)
	if err := addQuestionnaires(ctx, f, st, &r, true); err != nil {
		return err
	}
	if o.json {
		return printJSON(f.IO.Out, r)
	}
	ui.WriteStats(f.IO.Out, r, f.Styles())
	return nil
}

// heavyOf is what a heavy drinking day is measured with, from the config.
func heavyOf(cfg journal.Config) stats.Heavy {
	return stats.Heavy{DayGrams: cfg.HeavyDayGrams, DrinkGrams: cfg.StandardDrinkGrams}
}

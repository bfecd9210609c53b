package cmd

import (
	"strings"
	"time"

	"github.com/spf13/cobra"

	"journal/cmd/ui"
	"journal/journal"
)

// maxMonths keeps the calendar to what a screen (or a printout for a
// coach) can hold.
const maxMonths = 24

type calendarOptions struct {
	month  string
	months int
}

func newCmdCalendar(f *Factory) *cobra.Command {
	var o calendarOptions
	c := &cobra.Command{
		Use:     "calendar",
		Aliases: []string{"cal"},
		Short:   "Month grids of drinking days and cravings",
		Long: `Show month grids like a timeline-followback calendar: each day its standard
drinks (alcohol-free, drinking, heavy or not recorded) and its strongest
craving, with today and session days marked. --months N shows the N months
that end with --month.`,
		Example: `  journal calendar
  journal calendar --months 3
  journal calendar --month 2026-09`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			now := f.Now()
			today := journal.DateOf(now)
			last := journal.Date{Year: today.Year, Month: today.Month, Day: 1}
			if o.month != "" {
				t, err := time.Parse("2006-01", strings.TrimSpace(o.month))
				if err != nil {
					return journal.Invalid("--month must be a year and month like %s, got %s", today.String()[:7], journal.Quote(o.month))
				}
				last = journal.Date{Year: t.Year(), Month: t.Month(), Day: 1}
				if last.Year < journal.MinYear {
					return journal.Invalid("--month %s is before %d, earlier than anything a journal holds: check the year", o.month, journal.MinYear)
				}
			}
			if o.months < 1 || o.months > maxMonths {
				return journal.Invalid("--months must be from 1 to %d, got %d", maxMonths, o.months)
			}
			from := monthStart(last, -(o.months - 1))
			to := monthStart(last, 1).AddDays(-1)
			cfg, err := f.Config()
			if err != nil {
				return err
			}
			st, err := f.Store(c.Context())
			if err != nil {
				return err
			}
			days, err := st.CalendarDays(c.Context(), from, to)
			if err != nil {
				return err
			}
			ui.WriteCalendar(f.IO.Out, days, today, heavyOf(cfg), f.Styles())
			return nil
		},
	}
	c.Flags().StringVar(&o.month, "month", "", "the last month to show, as `YYYY-MM` (default this month)")
	c.Flags().IntVar(&o.months, "months", 1, "show `N` months, ending with --month")
	return c
}

// monthStart returns the first day of the month n months after d's month.
func monthStart(d journal.Date, n int) journal.Date {
	return journal.DateOf(time.Date(d.Year, d.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC))
}

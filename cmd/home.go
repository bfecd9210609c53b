package cmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"journal/cmd/ui"
	"journal/journal"
	"journal/journal/stats"
	"journal/storage"
)

// homeActions is what the home screen offers, in order. Items whose
// command this build does not have are left out.
var homeActions = []ui.Action{
	{Key: "w", Label: "Write an entry", Args: []string{"write"}},
	{Key: "c", Label: "Log a craving", Args: []string{"craving"}},
	{Key: "d", Label: "Daily check-in", Args: []string{"checkin"}},
	{Key: "i", Label: "Set an intention for a session", Args: []string{"intention"}},
	{Key: "r", Label: "Reflect after a session", Args: []string{"reflect"}},
	{Key: "s", Label: "See patterns", Args: []string{"stats"}},
	{Key: "m", Label: "Calendar", Args: []string{"calendar"}},
	{Key: "l", Label: "Recent entries", Args: []string{"list"}},
}

// homeRun shows the home screen and runs what the person picks. Off a
// terminal `journal` prints help instead.
func homeRun(c *cobra.Command, f *Factory) error {
	if !f.CanPrompt() {
		return c.Help()
	}
	var actions []ui.Action
	for _, a := range homeActions {
		if sub, _, err := c.Find(a.Args); err == nil && sub != c {
			actions = append(actions, a)
		}
	}
	now := f.Now()
	summary, err := homeSummary(c, f)
	if err != nil {
		return err
	}
	o := f.formOptions()
	m := ui.NewHome(ui.NewStyles(o.Color), now.Format("Monday 2 January"), summary, actions)
	final, err := ui.RunProgram(c.Context(), m, o)
	if err != nil {
		return fmt.Errorf("the home screen stopped: %w", err)
	}
	a, ok := final.(ui.Home).Chosen()
	if !ok {
		return nil
	}
	return runSub(c, f, a.Args...)
}

// homeSummary is a few calm lines about the journal so far.
func homeSummary(c *cobra.Command, f *Factory) ([]string, error) {
	st, err := f.Store(c.Context())
	if err != nil {
		return nil, err
	}
	recent, err := st.Entries(c.Context(), journal.Filter{Limit: 1})
	if err != nil {
		return nil, err
	}
	if len(recent) == 0 {
		return []string{"Welcome. Nothing here yet: start wherever feels right."}, nil
	}
	last := recent[0]
	days := journal.DateOf(f.Now()).DaysSince(last.Day)
	when := "today"
	switch {
	case days == 1:
		when = "yesterday"
	case days > 1:
		when = fmt.Sprintf("%d days ago", days)
	}
	what := summary(last, 50)
	if last.Private {
		// The home screen may be seen over a shoulder: a private entry's
		// words stay out of it.
		what = "a private entry"
	}
	lines := []string{fmt.Sprintf("Last entry %s: %s", when, what)}
	if week, ok := weekLine(c, f, st); ok {
		lines = append(lines, week)
	}
	if due, ok := dueLine(c, f, st); ok {
		lines = append(lines, due)
	}
	return lines, nil
}

// weekLine is the past seven days in one calm line, alcohol-free days
// first; false when no day of them is recorded.
func weekLine(c *cobra.Command, f *Factory, st *storage.Store) (string, bool) {
	today := journal.DateOf(f.Now())
	in, err := st.StatsInput(c.Context(), today.AddDays(-6), today, stats.Heavy{})
	if err != nil {
		return "", false
	}
	d := stats.Compute(in).Drinking
	if d.DaysRecorded == 0 {
		return "", false
	}
	return fmt.Sprintf("Past 7 days: %s of %d recorded.", journal.Plural(d.DaysAbstinent, "alcohol-free day", "alcohol-free days"),
		d.DaysRecorded), true
}

package cmd

import (
	"fmt"
	"io"
	"strings"

	"journal/cmd/ui"
	"journal/journal"
)

// writeDetails prints a craving's or check-in's answers under its heading,
// long values wrapped to width cells under their own column.
func writeDetails(w io.Writer, e journal.Entry, s ui.Styles, width int) {
	type row struct{ label, value string }
	var rows []row
	if c := e.Craving; c != nil {
		rows = append(rows, row{"Intensity", fmt.Sprintf("%d/10", c.Intensity)})
		add := func(label, v string) {
			if v != "" {
				rows = append(rows, row{label, v})
			}
		}
		add("Triggers", strings.Join(c.Triggers, ", "))
		add("Feelings", strings.Join(c.Feelings, ", "))
		add("Where", c.Where)
		add("With", c.With)
		add("Thoughts", c.Thoughts)
		add("Coping", strings.Join(c.Coping, ", "))
		add("Outcome", string(c.Outcome))
		if c.Minutes != nil {
			add("Lasted", journal.Plural(*c.Minutes, "minute", "minutes"))
		}
	}
	if c := e.Checkin; c != nil {
		skipped := s.Dim.Render("(skipped)")
		v := func(ok bool, text string) string {
			if !ok {
				return skipped
			}
			return text
		}
		rows = append(rows,
			row{"Mood", v(c.Mood != nil, fmt.Sprintf("%d/10", deref(c.Mood)))},
			row{"Strongest craving", v(c.Craving != nil, fmt.Sprintf("%d/10", deref(c.Craving)))},
			row{"Drinks", v(c.Drinks != nil, drinksText(c.Drinks))},
			row{"Sleep", v(c.SleepHours != nil, sleepText(c.SleepHours))},
		)
	}
	if len(rows) == 0 {
		return
	}
	fmt.Fprintln(w)
	for _, r := range rows {
		value := strings.ReplaceAll(wrapText(r.value, max(width-19, 20)), "\n", "\n"+strings.Repeat(" ", 19))
		fmt.Fprintf(w, "%s %s\n", s.Label.Render(fmt.Sprintf("%-18s", r.label)), value)
	}
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func drinksText(n *float64) string {
	if n == nil {
		return ""
	}
	if *n == 0 {
		return "0 (alcohol-free)"
	}
	return journal.DrinksPhrase(*n)
}

func sleepText(h *float64) string {
	if h == nil {
		return ""
	}
	return journal.FormatNumber(*h) + " hours"
}

package ui

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"journal/journal"
	"journal/journal/stats"
)

const (
	// labelWidth is the indent of values after their label ("  " + 20 + " ").
	labelWidth = 23
	// chartWidth is the most columns the daily chart takes at 80 columns.
	chartWidth = 80 - labelWidth
	// shownSessions is how many sessions the human view compares; --json
	// has all of them.
	shownSessions = 6
	// shownWeeks is how many weeks the weekly table shows; --json has all.
	shownWeeks = 8
	// steadyBelow is the weekly change (in intensity points) under which a
	// trend reads as steady.
	steadyBelow = 0.1
	notEnough   = "not enough data yet"
	// minDaysForShare is how many recorded days a percentage needs.
	minDaysForShare = 3
)

// WriteStats prints the report for a person at an 80-column terminal:
// alcohol-free days first, then streaks, with coverage beside the rates.
func WriteStats(w io.Writer, r stats.Report, s Styles) {
	p := &printer{w: w, s: s}
	p.title(fmt.Sprintf("Your %s · %s to %s", journal.Plural(r.Range.DaysInRange, "day", "days"),
		longDate(r.Range.From), longDate(r.Range.To)))
	p.drinking(r.Drinking)
	p.cravings(r.Cravings)
	p.patterns(r.Cravings)
	p.sessions(r)
	p.checkins(r.Checkins)
	p.questionnaires(r)
}

type printer struct {
	w io.Writer
	s Styles
}

func (p *printer) title(t string) { fmt.Fprintln(p.w, p.s.Title.Render(t)) }

func (p *printer) section(t string) { fmt.Fprintf(p.w, "\n%s\n", p.s.Title.Render(t)) }

// row prints an indented label and its value.
func (p *printer) row(label, value string) {
	fmt.Fprintf(p.w, "  %s %s\n", p.s.Label.Render(padRight(label, 20)), value)
}

func (p *printer) note(t string) { fmt.Fprintf(p.w, "  %s\n", p.s.Dim.Render(t)) }

func (p *printer) drinking(d stats.Drinking) {
	p.section("Drinking")
	if d.DaysRecorded == 0 {
		p.note(notEnough + ": no days recorded in this range.")
		p.note("Log a day with: journal sober, or journal drinks 2 (standard drinks)")
		return
	}
	// A share of one or two days says little; the counts stay.
	share := func(pct *float64) string {
		if d.DaysRecorded < minDaysForShare {
			return ""
		}
		return " (" + Num1(*pct) + "%)"
	}
	p.row("Alcohol-free days", p.s.Good.Render(fmt.Sprintf("%d of %d recorded%s",
		d.DaysAbstinent, d.DaysRecorded, share(d.PercentDaysAbstinent))))
	p.row("Current streak", p.streak(d))
	if d.LongestStreakDays > 0 {
		p.row("Longest streak", journal.Plural(d.LongestStreakDays, "alcohol-free day", "alcohol-free days")+" in a row")
	} else {
		p.row("Longest streak", p.s.Dim.Render("none in this range yet"))
	}
	coverage := fmt.Sprintf("%d of %s", d.DaysRecorded, journal.Plural(d.DaysInRange, "day", "days"))
	if d.DaysBackfilled > 0 {
		coverage += fmt.Sprintf(" · %d recalled later", d.DaysBackfilled)
	}
	p.row("Recorded", coverage)
	if d.DrinkingDays == 0 {
		p.row("Drinking days", "none recorded")
		if d.DaysSinceLastDrink != nil {
			p.daysSince(d)
		}
		return
	}
	p.row("Drinking days", fmt.Sprintf("%d · %s, %s per drinking day",
		d.DrinkingDays, plural2(d.DrinksTotal, "drink", "drinks"), Num(*d.DrinksPerDrinkingDay)))
	p.row("Heavy days", fmt.Sprintf("%d of %d recorded%s · %s or more drinks (%s g)",
		d.HeavyDrinkingDays, d.DaysRecorded, share(d.PercentHeavyDrinkingDays), Num(d.HeavyDayDrinks), Num(d.HeavyDayGrams)))
	p.daysSince(d)
	p.note(fmt.Sprintf("A standard drink here is %s g of alcohol.", Num(d.StandardDrinkGrams)))
}

// daysSince words the days since the last drink, which may be before the
// range.
func (p *printer) daysSince(d stats.Drinking) {
	since := *d.DaysSinceLastDrink
	p.row("Days since a drink", fmt.Sprintf("%d (last drink on %s)", since, shortDate(d.LastDay.AddDays(-since))))
}

// streak words the current streak without ever making a slip look like a
// fall back to zero.
func (p *printer) streak(d stats.Drinking) string {
	if d.CurrentStreakDays == 0 {
		return p.s.Dim.Render("the next alcohol-free day you log starts one")
	}
	t := journal.Plural(d.CurrentStreakDays, "alcohol-free day", "alcohol-free days")
	if d.StreakFromStart {
		t += " (since before this range)"
	}
	return p.s.Good.Render(t)
}

func (p *printer) cravings(c stats.Cravings) {
	p.section("Cravings")
	if c.Count == 0 {
		p.note(notEnough + ": no cravings logged in this range.")
		p.note(`Log one when it comes with: journal craving 6 --trigger stress`)
		return
	}
	fmt.Fprintf(p.w, "  %s · mean intensity %s · strongest %d\n",
		journal.Plural(c.Count, "craving", "cravings"), Num1(*c.MeanIntensity), *c.MaxIntensity)
	p.chart(c.Daily)
	p.weekly(c.Weekly)
	p.row("Trend", p.trend(c))
}

// chart draws the mean intensity of each day (or group of days, for long
// ranges) on a fixed 0–10 scale, with · for days without cravings.
func (p *printer) chart(daily []stats.Daily) {
	if len(daily) == 0 {
		return
	}
	per := (len(daily) + chartWidth - 1) / chartWidth
	var (
		values []float64
		ok     []bool
	)
	for i := 0; i < len(daily); i += per {
		var n int
		var sum float64
		for _, d := range daily[i:min(i+per, len(daily))] {
			n += d.Count
			sum += d.Mean * float64(d.Count)
		}
		if n > 0 {
			values, ok = append(values, sum/float64(n)), append(ok, true)
		} else {
			values, ok = append(values, 0), append(ok, false)
		}
	}
	label := "Daily intensity"
	if per > 1 {
		label = fmt.Sprintf("Intensity, %dd each", per)
	}
	p.row(label, p.s.Accent.Render(Sparkline(values, ok, 10, '·')))
	first, last := shortDate(daily[0].Day), shortDate(daily[len(daily)-1].Day)
	if len(daily) > 300 {
		first, last = monthYear(daily[0].Day), monthYear(daily[len(daily)-1].Day)
	}
	gap := max(len(values)-len([]rune(first))-len([]rune(last)), 1)
	p.row("", p.s.Dim.Render(first+strings.Repeat(" ", gap)+last))
}

func (p *printer) weekly(weeks []stats.Week) {
	shown := weeks
	if len(shown) > shownWeeks {
		shown = shown[len(shown)-shownWeeks:]
	}
	fmt.Fprintf(p.w, "  %s\n", p.s.Label.Render(fmt.Sprintf("%-20s %8s %6s %6s", "Week of", "Cravings", "Mean", "Max")))
	for _, wk := range shown {
		mean, top := "–", "–"
		if wk.Mean != nil {
			mean, top = Num1(*wk.Mean), fmt.Sprint(*wk.Max)
		}
		fmt.Fprintf(p.w, "  %-20s %8d %6s %6s\n", "Mon "+shortDate(wk.WeekStart), wk.Count, mean, top)
	}
	if len(weeks) > len(shown) {
		p.note(fmt.Sprintf("(the last %d of %d weeks; journal stats --json lists them all)", len(shown), len(weeks)))
	}
}

func (p *printer) trend(c stats.Cravings) string {
	if c.TrendPerWeek == nil {
		return p.s.Dim.Render(notEnough + " (needs cravings in two or more weeks)")
	}
	t := *c.TrendPerWeek
	over := fmt.Sprintf(" (over %d weeks with cravings)", c.WeeksWithCravings)
	switch {
	case math.Abs(t) < steadyBelow:
		return "steady" + over
	case t < 0:
		return p.s.Good.Render("easing by "+Num1(-t)+" a week") + over
	}
	return "rising by " + Num1(t) + " a week" + over
}

func (p *printer) patterns(c stats.Cravings) {
	p.section("Patterns")
	if c.Count == 0 {
		p.note(notEnough + ".")
		return
	}
	hours := make([]float64, 24)
	ok := make([]bool, 24)
	top, peak := 0, 0
	for h, n := range c.ByHour {
		// An hour without cravings is a gap, not a low bar.
		hours[h], ok[h] = float64(n), n > 0
		if n > top {
			top, peak = n, h
		}
	}
	p.row("Hour of day", p.s.Accent.Render(Sparkline(hours, ok, float64(top), '·'))+
		fmt.Sprintf("  most around %02d:00", peak))
	p.row("", p.s.Dim.Render("0     6     12    18   23"))
	var names, counts string
	for i, name := range []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"} {
		names += padRight(name, 7)
		counts += padRight(fmt.Sprint(c.ByWeekday[i]), 7)
	}
	p.row("Weekday", p.s.Dim.Render(strings.TrimRight(names, " ")))
	p.row("", strings.TrimRight(counts, " "))
	if len(c.TopTriggers) == 0 {
		p.row("Top triggers", p.s.Dim.Render("none named yet"))
	} else {
		var ts []string
		for _, t := range c.TopTriggers {
			ts = append(ts, fmt.Sprintf("%s %d", journal.CleanLine(t.Trigger), t.Count))
		}
		for i, line := range wrap(ts, " · ", 80-labelWidth) {
			label := ""
			if i == 0 {
				label = "Top triggers"
			}
			p.row(label, line)
		}
	}
	if len(c.Coping) == 0 {
		p.row("What helped", p.s.Dim.Render(fmt.Sprintf("%s (a strategy shows after %d uses)", notEnough, stats.MinCopingUses)))
		return
	}
	p.row("What helped", p.s.Dim.Render("share of cravings resisted, by what you did"))
	for _, k := range c.Coping {
		rate := k.ResistedWords()
		fmt.Fprintf(p.w, "    %s %s · %s\n", padRight(truncate(journal.CleanLine(k.Strategy), 24), 24), journal.Plural(k.Uses, "use", "uses"), rate)
	}
}

func (p *printer) sessions(r stats.Report) {
	if len(r.Sessions) == 0 {
		return
	}
	p.section("Sessions")
	shown := r.Sessions
	if len(shown) > shownSessions {
		p.note(fmt.Sprintf("(the last %d of %d sessions; journal stats --json lists them all)", shownSessions, len(shown)))
		shown = shown[len(shown)-shownSessions:]
	}
	for _, s := range shown {
		fmt.Fprintf(p.w, "  %s\n", p.s.Label.Render(fmt.Sprintf("Session %d · %s", s.Number, longDate(s.Day))))
		// Each side stops short of the neighbouring sessions and at the
		// range's last day: say how many days it holds.
		fmt.Fprintf(p.w, "    %-18s %s\n", "", p.s.Dim.Render(fmt.Sprintf("%-24s %s",
			journal.Plural(s.Before.Days, "day", "days")+" before", journal.Plural(s.After.Days, "day", "days")+" after")))
		fmt.Fprintf(p.w, "    %-18s %-24s %s\n", "Craving mean", cravingMean(s.Before), cravingMean(s.After))
		fmt.Fprintf(p.w, "    %-18s %-24s %s\n", "Drinking days", drinkingDays(s.Before), drinkingDays(s.After))
		heavy := "none recorded by " + shortDate(r.Range.To)
		if s.FirstHeavyDayAfter != nil {
			heavy = journal.Plural(*s.FirstHeavyDayAfter, "day", "days") + " after the session"
		}
		fmt.Fprintf(p.w, "    %-18s %s\n", "First heavy day", heavy)
	}
}

// wrap joins items with sep into lines of at most width terminal cells.
func wrap(items []string, sep string, width int) []string {
	var lines []string
	line := ""
	for _, it := range items {
		switch {
		case line == "":
			line = it
		case ansi.StringWidth(line+sep+it) <= width:
			line += sep + it
		default:
			lines, line = append(lines, line), it
		}
	}
	return append(lines, line)
}

func cravingMean(pd stats.Period) string {
	if pd.CravingMean == nil {
		return "no cravings logged"
	}
	return fmt.Sprintf("%s (%s)", Num1(*pd.CravingMean), journal.Plural(pd.Cravings, "craving", "cravings"))
}

func drinkingDays(pd stats.Period) string {
	if pd.DaysRecorded == 0 {
		return "no days recorded"
	}
	return fmt.Sprintf("%d of %d recorded", pd.DrinkingDays, pd.DaysRecorded)
}

func (p *printer) checkins(c stats.Checkins) {
	p.section("Check-ins")
	if c.Count == 0 {
		p.note(notEnough + ": no check-ins in this range. Try: journal checkin")
		return
	}
	mood, sleep := notEnough, notEnough
	if c.MeanMood != nil {
		mood = Num1(*c.MeanMood) + " of 10"
	}
	if c.MeanSleepHours != nil {
		sleep = Num1(*c.MeanSleepHours) + " hours a night"
	}
	p.row("Check-ins", fmt.Sprint(c.Count))
	p.row("Mean mood", mood)
	p.row("Mean sleep", sleep)
}

func plural2(x float64, one, many string) string {
	if x == 1 {
		return "1 " + one
	}
	return Num(x) + " " + many
}

// truncate cuts s to n terminal cells, ending in "…" when it cuts.
func truncate(s string, n int) string {
	if ansi.StringWidth(s) <= n {
		return s
	}
	return ansi.Truncate(s, n-1, "") + "…"
}

// longDate is "Wed 25 Nov 2026"; shortDate "25 Nov".
func longDate(d journal.Date) string {
	return fmt.Sprintf("%s %d %s %d", d.Weekday().String()[:3], d.Day, d.Month.String()[:3], d.Year)
}

func shortDate(d journal.Date) string { return fmt.Sprintf("%d %s", d.Day, d.Month.String()[:3]) }

func monthYear(d journal.Date) string { return fmt.Sprintf("%s %d", d.Month.String()[:3], d.Year) }

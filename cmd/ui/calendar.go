package ui

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"

	"journal/journal"
	"journal/journal/stats"
)

// cellWidth is one day's column: seven of them and the gaps fit in 80.
const cellWidth = 10

// Marks of the calendar. Each drink class has its own symbol as well as
// its own colour, so the calendar reads the same without colour.
const (
	markAbstinent  = "○"
	markDrinking   = "●"
	markHeavy      = "▲"
	markUnrecorded = "·"
	markSession    = "✦"
)

// WriteCalendar prints month grids in the way of a timeline-followback
// calendar: each day its standard drinks and its strongest craving, with
// today and session days marked, and a legend below. days must cover
// whole months, in order.
func WriteCalendar(w io.Writer, days []stats.CalendarDay, today journal.Date, heavy stats.Heavy, s Styles) {
	cs := calendarStyles(s)
	for start := 0; start < len(days); {
		first := days[start].Day
		end := start
		for end < len(days) && days[end].Day.Month == first.Month && days[end].Day.Year == first.Year {
			end++
		}
		if start > 0 {
			fmt.Fprintln(w)
		}
		writeMonth(w, days[start:end], today, heavy, s, cs)
		start = end
	}
	fmt.Fprintln(w)
	writeLegend(w, heavy, s, cs)
}

type calStyles struct {
	class   map[stats.DrinkClass]lipgloss.Style
	today   lipgloss.Style
	session lipgloss.Style
}

func calendarStyles(s Styles) calStyles {
	return calStyles{
		class: map[stats.DrinkClass]lipgloss.Style{
			stats.DayAbstinent: s.Good,
			stats.DayDrinking:  s.Accent,
			// A deeper amber, not an alarm red: a heavy day is data too.
			stats.DayHeavy:      s.Heavy(),
			stats.DayUnrecorded: s.Dim,
		},
		today:   s.Title,
		session: s.Label,
	}
}

func writeMonth(w io.Writer, days []stats.CalendarDay, today journal.Date, heavy stats.Heavy, s Styles, cs calStyles) {
	first := days[0].Day
	title := fmt.Sprintf("%s %d", first.Month, first.Year)
	total := 7*cellWidth + 6
	fmt.Fprintln(w, strings.Repeat(" ", (total-len(title))/2)+s.Title.Render(title))
	var head []string
	for _, d := range []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"} {
		head = append(head, padRight(d, cellWidth))
	}
	fmt.Fprintln(w, strings.TrimRight(s.Dim.Render(strings.Join(head, " ")), " "))
	lead := (int(first.Weekday()) + 6) % 7 // Monday first
	cells := make([]*stats.CalendarDay, lead, lead+len(days))
	for i := range days {
		cells = append(cells, &days[i])
	}
	for row := 0; row < len(cells); row += 7 {
		week := cells[row:min(row+7, len(cells))]
		var top, bottom []string
		for _, d := range week {
			t, b := dayCell(d, today, heavy, cs)
			top, bottom = append(top, t), append(bottom, b)
		}
		fmt.Fprintln(w, strings.TrimRight(strings.Join(top, " "), " "))
		if b := strings.TrimRight(strings.Join(bottom, " "), " "); b != "" {
			fmt.Fprintln(w, b)
		}
	}
}

// dayCell returns the two lines of one day, each cellWidth wide: the date
// with its marks, then the drinks and the strongest craving.
func dayCell(d *stats.CalendarDay, today journal.Date, heavy stats.Heavy, cs calStyles) (string, string) {
	blank := strings.Repeat(" ", cellWidth)
	if d == nil {
		return blank, blank
	}
	num := fmt.Sprint(d.Day.Day)
	marks := ""
	if d.Day == today {
		marks += " today"
	}
	if d.Session {
		marks += " " + markSession
	}
	top := padRight(num+marks, cellWidth)
	if d.Day == today {
		top = cs.today.Render(top)
	}
	if d.Session {
		top = strings.Replace(top, markSession, cs.session.Render(markSession), 1)
	}
	if d.Day.After(today) {
		// Days still to come are neither recorded nor missed.
		return top, blank
	}
	class := d.Class(heavy)
	craving := ""
	if d.MaxCraving != nil {
		craving = fmt.Sprintf("c%d", *d.MaxCraving)
	}
	// The drinks, shortened when they and the craving would not fit.
	var drinks string
	for _, format := range []func(float64) string{Num, Num1, func(x float64) string { return fmt.Sprintf("%.0f", x) }} {
		switch class {
		case stats.DayUnrecorded:
			drinks = markUnrecorded
		case stats.DayAbstinent:
			drinks = markAbstinent + " 0"
		case stats.DayDrinking:
			drinks = markDrinking + " " + format(*d.Drinks)
		case stats.DayHeavy:
			drinks = markHeavy + " " + format(*d.Drinks)
		}
		if utf8.RuneCountInString(drinks)+1+len(craving) <= cellWidth {
			break
		}
	}
	gap := max(cellWidth-utf8.RuneCountInString(drinks)-len(craving), 1)
	return top, cs.class[class].Render(drinks) + strings.Repeat(" ", gap) + craving
}

func writeLegend(w io.Writer, heavy stats.Heavy, s Styles, cs calStyles) {
	item := func(class stats.DrinkClass, mark, text string) string {
		return cs.class[class].Render(mark) + " " + text
	}
	fmt.Fprintln(w, strings.Join([]string{
		item(stats.DayAbstinent, markAbstinent+" 0", "alcohol-free"),
		item(stats.DayDrinking, markDrinking+" 2", "drinking day (standard drinks)"),
		item(stats.DayHeavy, markHeavy+" "+Num(heavy.Drinks()), "heavy ("+Num(heavy.Drinks())+" or more)"),
	}, "   "))

	fmt.Fprintln(w, strings.Join([]string{
		item(stats.DayUnrecorded, markUnrecorded, "not recorded"),
		"c7 strongest craving (0–10)",
		cs.session.Render(markSession) + " session",
		cs.today.Render("today"),
	}, "   "))
	// What the numbers were counted in, so a printout read later explains
	// itself.
	h := heavy.Or()
	fmt.Fprintln(w, s.Dim.Render(fmt.Sprintf("A standard drink is %s g of alcohol; a heavy day is %s g or more.",
		Num(h.DrinkGrams), Num(h.DayGrams))))
}

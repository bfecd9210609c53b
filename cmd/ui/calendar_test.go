package ui

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"journal/journal"
	"journal/journal/stats"
)

func calendarMonth() []stats.CalendarDay {
	var days []stats.CalendarDay
	for d := (journal.Date{Year: 2026, Month: 11, Day: 1}); d.Month == 11; d = d.AddDays(1) {
		days = append(days, stats.CalendarDay{Day: d})
	}
	zero, some, heavy, craving := 0.0, 2.0, 12.75, 10
	days[1].Drinks, days[2].Drinks, days[3].Drinks = &zero, &some, &heavy
	days[3].MaxCraving = &craving
	days[8].Session = true
	return days
}

// Each kind of day differs by symbol without colour and by colour with it;
// every line fits in 80 columns.
func TestCalendarMarks(t *testing.T) {
	today := journal.Date{Year: 2026, Month: 11, Day: 25}
	var plain, color bytes.Buffer
	WriteCalendar(&plain, calendarMonth(), today, stats.Heavy{}, NewStyles(false))
	WriteCalendar(&color, calendarMonth(), today, stats.Heavy{}, NewStyles(true))
	if strings.Contains(plain.String(), "\x1b[") {
		t.Error("plain calendar has escape codes")
	}
	for _, want := range []string{"○ 0", "● 2", "▲ 12.8 c10", "9 ✦", "25 today", "·"} {
		if !strings.Contains(plain.String(), want) {
			t.Errorf("plain calendar lacks %q:\n%s", want, plain.String())
		}
	}
	for _, line := range strings.Split(plain.String(), "\n") {
		if n := utf8.RuneCountInString(line); n > 80 {
			t.Errorf("line of %d columns: %q", n, line)
		}
	}
	s := NewStyles(true)
	cs := calendarStyles(s)
	seen := map[string]stats.DrinkClass{}
	for _, c := range []stats.DrinkClass{stats.DayUnrecorded, stats.DayAbstinent, stats.DayDrinking, stats.DayHeavy} {
		r := cs.class[c].Render("x")
		if prev, dup := seen[r]; dup {
			t.Errorf("classes %d and %d look the same in colour: %q", prev, c, r)
		}
		seen[r] = c
	}
	if !strings.Contains(color.String(), "\x1b[") {
		t.Error("colour calendar has no colour")
	}
}

func TestSparkline(t *testing.T) {
	got := Sparkline([]float64{0, 5, 10, 3}, []bool{true, true, true, false}, 10, '·')
	if got != "▁▅█·" {
		t.Errorf("got %q", got)
	}
}

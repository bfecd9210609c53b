package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"journal/journal"
)

// num prints x with at most two decimals and no trailing zeros: 2.5, 3, 4.67.
func num(x float64) string {
	return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64)
}

// num1 prints x with at most one decimal: 5.3, 6.
func num1(x float64) string {
	return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64)
}

// LongDate is "Wed 25 Nov 2026"; ShortDate "25 Nov".
func LongDate(d journal.Date) string {
	return fmt.Sprintf("%s %d %s %d", d.Weekday().String()[:3], d.Day, d.Month.String()[:3], d.Year)
}

// ShortDate is "Wed 25 Nov".
func ShortDate(d journal.Date) string {
	return fmt.Sprintf("%s %d %s", d.Weekday().String()[:3], d.Day, d.Month.String()[:3])
}

// DayRange is a run of consecutive days.
type DayRange struct {
	From journal.Date `json:"from"`
	To   journal.Date `json:"to"`
}

// String is "Mon 16 Nov" for one day, "Mon 16 Nov to Wed 18 Nov" for a run.
func (r DayRange) String() string {
	if r.From == r.To {
		return ShortDate(r.From)
	}
	return ShortDate(r.From) + " to " + ShortDate(r.To)
}

// Days is how many days the run holds.
func (r DayRange) Days() int { return r.To.DaysSince(r.From) + 1 }

// runs groups sorted days into runs of consecutive days.
func runs(days []journal.Date) []DayRange {
	var out []DayRange
	for _, d := range days {
		if n := len(out); n > 0 && d.DaysSince(out[n-1].To) == 1 {
			out[n-1].To = d
			continue
		}
		out = append(out, DayRange{From: d, To: d})
	}
	return out
}

// wrapText breaks s into lines of at most width runes at spaces; a word
// longer than width gets a line of its own. Line breaks in s are kept.
func wrapText(s string, width int) []string {
	var out []string
	for _, para := range strings.Split(strings.TrimSpace(s), "\n") {
		line := ""
		for _, w := range strings.Fields(para) {
			switch {
			case line == "":
				line = w
			case len([]rune(line))+1+len([]rune(w)) <= width:
				line += " " + w
			default:
				out, line = append(out, line), w
			}
		}
		out = append(out, line)
	}
	return out
}

package export

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strings"
	"time"

	"journal/journal"
	"journal/journal/stats"
)

// The charts are inline SVG built as text: no scripts, no external files,
// and they print as sharply as the words around them.

// Calm colours: alcohol-free days in green, drinking days in soft ambers,
// never alarm red.
const (
	colourFree       = "#5e9e7e"
	colourDrinking   = "#e8c170"
	colourHeavy      = "#c98a4b"
	colourUnrecorded = "#ffffff"
	colourInk        = "#2f3b45"
	colourGrid       = "#d6dde3"
	colourCraving    = "#5b7fa6"
)

// dayFigures is what the charts show of a day: its drinks and its logged
// cravings.
type dayFigures struct {
	Drinks   *journal.DrinkDay
	cravings stats.CravingDay
}

// meanCraving is the mean intensity of the day's logged cravings, nil
// when there were none (check-in answers are not cravings logged).
func (f dayFigures) meanCraving() *float64 {
	if f.cravings.Count == 0 {
		return nil
	}
	m := f.cravings.Mean()
	return &m
}

// figures is the charts' figures for each day of the document with any:
// drinks from its records, cravings from CravingDays when the entries
// come through EachEntry, else from its entries.
func (doc Document) figures() map[journal.Date]dayFigures {
	out := map[journal.Date]dayFigures{}
	for i := range doc.Records.DrinkDays {
		d := &doc.Records.DrinkDays[i]
		f := out[d.Day]
		f.Drinks = d
		out[d.Day] = f
	}
	add := func(c stats.CravingDay) {
		f := out[c.Day]
		f.cravings.Day = c.Day
		f.cravings.Count += c.Count
		f.cravings.Sum += c.Sum
		out[c.Day] = f
	}
	if doc.EachEntry != nil {
		for _, c := range doc.CravingDays {
			add(c)
		}
		return out
	}
	for _, e := range doc.Records.Entries {
		if e.Kind == journal.KindCraving && e.Craving != nil {
			add(stats.CravingDay{Day: e.Day, Count: 1, Sum: e.Craving.Intensity})
		}
	}
	return out
}

// cravingChart plots the mean intensity (0–10) of each day's logged
// cravings across from..to: the same measure as the report's chart. Each
// value is also printed by its point when the days are wide enough, so the
// page reads the same on paper.
func cravingChart(days map[journal.Date]dayFigures, from, to journal.Date) template.HTML {
	const w, h, left, right, top, bottom = 640.0, 200.0, 34.0, 12.0, 12.0, 28.0
	n := to.DaysSince(from)
	x := func(d journal.Date) float64 {
		if n == 0 {
			return left + (w-left-right)/2
		}
		return left + float64(d.DaysSince(from))*(w-left-right)/float64(n)
	}
	y := func(v float64) float64 { return top + (h-top-bottom)*(1-v/10) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart chart-cravings" role="img" aria-labelledby="craving-title" viewBox="0 0 %g %g" width="100%%">`, w, h)
	b.WriteString(`<title id="craving-title">Mean craving intensity each day, 0 to 10, from logged cravings</title>`)
	for _, v := range []float64{0, 5, 10} {
		fmt.Fprintf(&b, `<line x1="%g" x2="%g" y1="%.1f" y2="%.1f" stroke="%s"/>`, left, w-right, y(v), y(v), colourGrid)
		fmt.Fprintf(&b, `<text x="%g" y="%.1f" text-anchor="end" font-size="11" fill="%s">%g</text>`, left-6, y(v)+4, colourInk, v)
	}
	fmt.Fprintf(&b, `<text x="10" y="%g" transform="rotate(-90 10 %g)" text-anchor="middle" font-size="11" fill="%s">craving</text>`,
		(h-bottom+top)/2, (h-bottom+top)/2, colourInk)
	var pts []string
	var dots strings.Builder
	wide := n == 0 || (w-left-right)/float64(n) >= 16
	for d := from; !d.After(to); d = d.AddDays(1) {
		m := days[d].meanCraving()
		if m == nil {
			continue
		}
		v := journal.FormatNumber(math.Round(*m*10) / 10)
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(d), y(*m)))
		fmt.Fprintf(&dots, `<circle class="point" cx="%.1f" cy="%.1f" r="3.5" fill="%s"><title>%s: %s/10</title></circle>`,
			x(d), y(*m), colourCraving, d, v)
		if wide {
			fmt.Fprintf(&dots, `<text x="%.1f" y="%.1f" text-anchor="middle" font-size="10" fill="%s">%s</text>`, x(d), y(*m)-7, colourInk, v)
		}
	}
	if len(pts) > 1 {
		fmt.Fprintf(&b, `<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>`, colourCraving, strings.Join(pts, " "))
	}
	b.WriteString(dots.String())
	if len(pts) == 0 {
		fmt.Fprintf(&b, `<text x="%g" y="%g" text-anchor="middle" font-size="13" fill="%s">No cravings logged in this period</text>`, w/2, h/2, colourInk)
	}
	fmt.Fprintf(&b, `<text x="%g" y="%g" font-size="11" fill="%s">%s</text>`, left, h-8, colourInk, shortDate(from))
	fmt.Fprintf(&b, `<text x="%g" y="%g" text-anchor="end" font-size="11" fill="%s">%s</text>`, w-right, h-8, colourInk, shortDate(to))
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// weekChart draws standard drinks per ISO week (Monday first) as bars.
// Weeks with nothing recorded show a dash, not a zero.
func weekChart(days map[journal.Date]dayFigures, from, to journal.Date) template.HTML {
	type week struct {
		start    journal.Date
		drinks   float64
		recorded int
	}
	var weeks []week
	for m := monday(from); !m.After(to); m = m.AddDays(7) {
		wk := week{start: m}
		for d := m; d.Before(m.AddDays(7)); d = d.AddDays(1) {
			if d.Before(from) || d.After(to) {
				continue
			}
			if dd := days[d].Drinks; dd != nil {
				wk.recorded++
				wk.drinks += dd.StandardDrinks
			}
		}
		weeks = append(weeks, wk)
	}
	top7 := 7.0 // a week of one drink a day fills a readable share
	for _, wk := range weeks {
		top7 = max(top7, wk.drinks)
	}
	const h, top, bottom, left = 200.0, 18.0, 30.0, 34.0
	// The same width as the craving chart, so both scale alike on the page.
	const w = 640.0
	slot := min(64.0, (w-left-8)/float64(max(len(weeks), 1)))
	y := func(v float64) float64 { return top + (h-top-bottom)*(1-v/top7) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart chart-weeks" role="img" aria-labelledby="weeks-title" viewBox="0 0 %g %g" width="100%%">`, w, h)
	b.WriteString(`<title id="weeks-title">Standard drinks per week</title>`)
	fmt.Fprintf(&b, `<line x1="%g" x2="%g" y1="%.1f" y2="%.1f" stroke="%s"/>`, left, w-8, y(0), y(0), colourGrid)
	fmt.Fprintf(&b, `<text x="%g" y="%.1f" text-anchor="end" font-size="11" fill="%s">0</text>`, left-6, y(0)+4, colourInk)
	fmt.Fprintf(&b, `<text x="%g" y="%.1f" text-anchor="end" font-size="11" fill="%s">%s</text>`, left-6, y(top7)+4, colourInk, journal.FormatNumber(top7))
	for i, wk := range weeks {
		x := left + slot*float64(i) + slot*0.15
		bw := slot * 0.7
		label := journal.FormatNumber(wk.drinks)
		if wk.recorded == 0 {
			label = "–"
		}
		fmt.Fprintf(&b, `<rect class="bar" x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>Week of %s: %s (%d days recorded)</title></rect>`,
			x, y(wk.drinks), bw, y(0)-y(wk.drinks), colourDrinking, wk.start, label, wk.recorded)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" font-size="11" fill="%s">%s</text>`, x+bw/2, y(wk.drinks)-4, colourInk, label)
		if len(weeks) <= 16 || i%(len(weeks)/8+1) == 0 {
			fmt.Fprintf(&b, `<text x="%.1f" y="%g" text-anchor="middle" font-size="10" fill="%s">%s</text>`, x+bw/2, h-10, colourInk, shortDate(wk.start))
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// calendar draws each month of from..to as a grid of days coloured by
// what was recorded: alcohol-free, drinking, heavy, or not recorded.
func calendar(days map[journal.Date]dayFigures, from, to journal.Date, heavy stats.Heavy) template.HTML {
	var b strings.Builder
	b.WriteString(`<div class="calendar">`)
	const cell, gap = 30.0, 3.0
	for m := (journal.Date{Year: from.Year, Month: from.Month, Day: 1}); !m.After(to); m = nextMonth(m) {
		first := m
		last := nextMonth(m).AddDays(-1)
		offset := (int(first.Weekday()) + 6) % 7 // Monday first
		rows := (offset + last.Day + 6) / 7
		w := 7*(cell+gap) + gap
		h := 36 + float64(rows)*(cell+gap)
		title := first.In(time.UTC).Format("January 2006")
		fmt.Fprintf(&b, `<svg class="chart chart-calendar month" role="img" aria-label="%s" viewBox="0 0 %g %g" width="%g">`, title, w, h, w)
		fmt.Fprintf(&b, `<text x="%g" y="14" font-size="13" font-weight="600" fill="%s">%s</text>`, gap, colourInk, title)
		for i, wd := range []string{"M", "T", "W", "T", "F", "S", "S"} {
			fmt.Fprintf(&b, `<text x="%.1f" y="30" text-anchor="middle" font-size="10" fill="%s">%s</text>`, gap+float64(i)*(cell+gap)+cell/2, colourInk, wd)
		}
		for d := first; !d.After(last); d = d.AddDays(1) {
			i := offset + d.Day - 1
			x := gap + float64(i%7)*(cell+gap)
			y := 36 + float64(i/7)*(cell+gap)
			fill, stroke, what := colourUnrecorded, colourGrid, "not recorded"
			text := colourInk
			inRange := !d.Before(from) && !d.After(to)
			if dd := days[d].Drinks; dd != nil && inRange {
				switch {
				case dd.StandardDrinks == 0:
					fill, what, text = colourFree, "alcohol-free", "#ffffff"
				case heavy.IsHeavy(dd.StandardDrinks):
					fill, what = colourHeavy, journal.DrinksPhrase(dd.StandardDrinks)
				default:
					fill, what = colourDrinking, journal.DrinksPhrase(dd.StandardDrinks)
				}
				stroke = fill
			}
			opacity := ""
			if !inRange {
				opacity = ` opacity="0.3"`
				what = "outside the period"
			}
			fmt.Fprintf(&b, `<g class="day"%s><rect x="%.1f" y="%.1f" width="%g" height="%g" rx="4" fill="%s" stroke="%s"/><title>%s: %s</title>`,
				opacity, x, y, cell, cell, fill, stroke, d, html.EscapeString(what))
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" font-size="10" fill="%s">%d</text></g>`, x+cell/2, y+cell/2+4, text, d.Day)
		}
		b.WriteString(`</svg>`)
	}
	b.WriteString(`</div>`)
	return template.HTML(b.String())
}

func monday(d journal.Date) journal.Date { return d.AddDays(-((int(d.Weekday()) + 6) % 7)) }

func nextMonth(d journal.Date) journal.Date {
	return journal.DateOf(time.Date(d.Year, d.Month+1, 1, 0, 0, 0, 0, time.UTC))
}

func shortDate(d journal.Date) string { return d.In(time.UTC).Format("2 Jan") }

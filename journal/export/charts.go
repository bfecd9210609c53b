package export

import (
	"fmt"
	"html"
	"io"
	"math"
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
// page reads the same on paper. It is written to w as it is drawn.
func cravingChart(w io.Writer, days map[journal.Date]dayFigures, from, to journal.Date) error {
	const wd, h, left, right, top, bottom = 640.0, 200.0, 34.0, 12.0, 12.0, 28.0
	n := to.DaysSince(from)
	x := func(d journal.Date) float64 {
		if n == 0 {
			return left + (wd-left-right)/2
		}
		return left + float64(d.DaysSince(from))*(wd-left-right)/float64(n)
	}
	y := func(v float64) float64 { return top + (h-top-bottom)*(1-v/10) }
	b := &chartWriter{w: w}
	b.printf(`<svg class="chart chart-cravings" role="img" aria-labelledby="craving-title" viewBox="0 0 %g %g" width="100%%">`, wd, h)
	b.printf(`<title id="craving-title">Mean craving intensity each day, 0 to 10, from logged cravings</title>`)
	for _, v := range []float64{0, 5, 10} {
		b.printf(`<line x1="%g" x2="%g" y1="%.1f" y2="%.1f" stroke="%s"/>`, left, wd-right, y(v), y(v), colourGrid)
		b.printf(`<text x="%g" y="%.1f" text-anchor="end" font-size="11" fill="%s">%g</text>`, left-6, y(v)+4, colourInk, v)
	}
	b.printf(`<text x="10" y="%g" transform="rotate(-90 10 %g)" text-anchor="middle" font-size="11" fill="%s">craving</text>`,
		(h-bottom+top)/2, (h-bottom+top)/2, colourInk)
	// The line first, then the points over it: two walks over the days,
	// so neither is held.
	points := 0
	for d := from; !d.After(to); d = d.AddDays(1) {
		if days[d].meanCraving() != nil {
			points++
		}
	}
	if points > 1 {
		b.printf(`<polyline fill="none" stroke="%s" stroke-width="2" points="`, colourCraving)
		first := true
		for d := from; !d.After(to); d = d.AddDays(1) {
			if m := days[d].meanCraving(); m != nil {
				if !first {
					b.printf(" ")
				}
				first = false
				b.printf("%.1f,%.1f", x(d), y(*m))
			}
		}
		b.printf(`"/>`)
	}
	wide := n == 0 || (wd-left-right)/float64(n) >= 16
	for d := from; !d.After(to); d = d.AddDays(1) {
		m := days[d].meanCraving()
		if m == nil {
			continue
		}
		v := journal.FormatNumber(math.Round(*m*10) / 10)
		b.printf(`<circle class="point" cx="%.1f" cy="%.1f" r="3.5" fill="%s"><title>%s: %s/10</title></circle>`,
			x(d), y(*m), colourCraving, d, v)
		if wide {
			b.printf(`<text x="%.1f" y="%.1f" text-anchor="middle" font-size="10" fill="%s">%s</text>`, x(d), y(*m)-7, colourInk, v)
		}
	}
	if points == 0 {
		b.printf(`<text x="%g" y="%g" text-anchor="middle" font-size="13" fill="%s">No cravings logged in this period</text>`, wd/2, h/2, colourInk)
	}
	b.printf(`<text x="%g" y="%g" font-size="11" fill="%s">%s</text>`, left, h-8, colourInk, shortDate(from))
	b.printf(`<text x="%g" y="%g" text-anchor="end" font-size="11" fill="%s">%s</text>`, wd-right, h-8, colourInk, shortDate(to))
	b.printf(`</svg>`)
	return b.err
}

// chartWriter writes a chart's parts to w, keeping the first error.
type chartWriter struct {
	w   io.Writer
	err error
}

func (c *chartWriter) str(s string) {
	if c.err == nil {
		_, c.err = io.WriteString(c.w, s)
	}
}

func (c *chartWriter) printf(format string, args ...any) {
	if c.err == nil {
		_, c.err = fmt.Fprintf(c.w, format, args...)
	}
}

// weekChart draws standard drinks per ISO week (Monday first) as bars,
// written to out.
// Weeks with nothing recorded show a dash, not a zero.
func weekChart(out io.Writer, days map[journal.Date]dayFigures, from, to journal.Date) error {
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
	b := &chartWriter{w: out}
	b.printf(`<svg class="chart chart-weeks" role="img" aria-labelledby="weeks-title" viewBox="0 0 %g %g" width="100%%">`, w, h)
	b.str(`<title id="weeks-title">Standard drinks per week</title>`)
	b.printf(`<line x1="%g" x2="%g" y1="%.1f" y2="%.1f" stroke="%s"/>`, left, w-8, y(0), y(0), colourGrid)
	b.printf(`<text x="%g" y="%.1f" text-anchor="end" font-size="11" fill="%s">0</text>`, left-6, y(0)+4, colourInk)
	b.printf(`<text x="%g" y="%.1f" text-anchor="end" font-size="11" fill="%s">%s</text>`, left-6, y(top7)+4, colourInk, journal.FormatNumber(top7))
	for i, wk := range weeks {
		x := left + slot*float64(i) + slot*0.15
		bw := slot * 0.7
		label := journal.FormatNumber(wk.drinks)
		if wk.recorded == 0 {
			label = "–"
		}
		b.printf(`<rect class="bar" x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>Week of %s: %s (%s recorded)</title></rect>`,
			x, y(wk.drinks), bw, y(0)-y(wk.drinks), colourDrinking, wk.start, label, journal.Plural(wk.recorded, "day", "days"))
		b.printf(`<text x="%.1f" y="%.1f" text-anchor="middle" font-size="11" fill="%s">%s</text>`, x+bw/2, y(wk.drinks)-4, colourInk, label)
		if len(weeks) <= 16 || i%(len(weeks)/8+1) == 0 {
			b.printf(`<text x="%.1f" y="%g" text-anchor="middle" font-size="10" fill="%s">%s</text>`, x+bw/2, h-10, colourInk, shortDate(wk.start))
		}
	}
	b.str(`</svg>`)
	return b.err
}

// calendar draws each month of from..to as a grid of days coloured by
// what was recorded: alcohol-free, drinking, heavy, or not recorded,
// written to out a month at a time.
func calendar(out io.Writer, days map[journal.Date]dayFigures, from, to journal.Date, heavy stats.Heavy) error {
	b := &chartWriter{w: out}
	b.str(`<div class="calendar">`)
	const cell, gap = 30.0, 3.0
	for m := (journal.Date{Year: from.Year, Month: from.Month, Day: 1}); !m.After(to); m = nextMonth(m) {
		first := m
		last := nextMonth(m).AddDays(-1)
		offset := (int(first.Weekday()) + 6) % 7 // Monday first
		rows := (offset + last.Day + 6) / 7
		w := 7*(cell+gap) + gap
		h := 36 + float64(rows)*(cell+gap)
		title := first.In(time.UTC).Format("January 2006")
		b.printf(`<svg class="chart chart-calendar month" role="img" aria-label="%s" viewBox="0 0 %g %g" width="%g">`, title, w, h, w)
		b.printf(`<text x="%g" y="14" font-size="13" font-weight="600" fill="%s">%s</text>`, gap, colourInk, title)
		for i, wd := range []string{"M", "T", "W", "T", "F", "S", "S"} {
			b.printf(`<text x="%.1f" y="30" text-anchor="middle" font-size="10" fill="%s">%s</text>`, gap+float64(i)*(cell+gap)+cell/2, colourInk, wd)
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
			b.printf(`<g class="day"%s><rect x="%.1f" y="%.1f" width="%g" height="%g" rx="4" fill="%s" stroke="%s"/><title>%s: %s</title>`,
				opacity, x, y, cell, cell, fill, stroke, d, html.EscapeString(what))
			b.printf(`<text x="%.1f" y="%.1f" text-anchor="middle" font-size="10" fill="%s">%d</text></g>`, x+cell/2, y+cell/2+4, text, d.Day)
		}
		b.str(`</svg>`)
	}
	b.str(`</div>`)
	return b.err
}

func monday(d journal.Date) journal.Date { return d.AddDays(-((int(d.Weekday()) + 6) % 7)) }

func nextMonth(d journal.Date) journal.Date {
	return journal.DateOf(time.Date(d.Year, d.Month+1, 1, 0, 0, 0, 0, time.UTC))
}

func shortDate(d journal.Date) string { return d.In(time.UTC).Format("2 Jan") }

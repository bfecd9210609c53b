package report

import (
	"fmt"
	"html/template"
	"strings"

	"journal/journal"
)

// The charts' geometry in SVG units; they scale to the page's width. Room
// is kept on the left for the y-axis, above the plot for the session and
// call marks and the values, and below it for the dates.
const (
	chartW    = 600.0
	padL      = 30.0 // y-axis title and tick labels
	padR      = 6.0
	markTop   = 9.0  // baseline of the session and call labels
	plotTop   = 20.0 // highest value drawn
	plotH     = 46.0
	plotBot   = plotTop + plotH
	chartH    = plotBot + 13.0 // the dates under the plot
	plotW     = chartW - padL - padR
	labelEach = 11.0 // a day this wide or wider gets its value printed
)

// chart holds what both charts share: the days, where each sits, and the
// marks for sessions and calls.
type chart struct {
	r    Report
	b    strings.Builder
	barW float64
}

func newChart(r Report, id, title string) *chart {
	c := &chart{r: r, barW: plotW / float64(len(r.Daily))}
	fmt.Fprintf(&c.b, `<svg class="chart" viewBox="0 0 %g %g" role="img" aria-labelledby="%s">`, chartW, chartH, id)
	fmt.Fprintf(&c.b, `<title id="%s">%s</title>`, id, title)
	return c
}

// x is the left edge of day i's slot.
func (c *chart) x(i int) float64 { return padL + float64(i)*c.barW }

// mid is the middle of day i's slot.
func (c *chart) mid(i int) float64 { return c.x(i) + c.barW/2 }

// yAxis draws the axis title (turned upright along the axis), the tick
// values and light grid lines at them.
func (c *chart) yAxis(title string, top float64, ticks []float64) {
	fmt.Fprintf(&c.b, `<text class="axis-title" transform="translate(8 %g) rotate(-90)" text-anchor="middle">%s</text>`, plotTop+plotH/2, title)
	for _, v := range ticks {
		y := plotBot - v/top*plotH
		fmt.Fprintf(&c.b, `<line class="grid" x1="%g" x2="%g" y1="%g" y2="%g"/>`, padL, chartW-padR, y, y)
		fmt.Fprintf(&c.b, `<text class="tick" x="%g" y="%g" text-anchor="end">%s</text>`, padL-3, y+3, num(v))
	}
	fmt.Fprintf(&c.b, `<line class="axis-line" x1="%g" x2="%g" y1="%g" y2="%g"/>`, padL, padL, plotTop, plotBot)
}

// marks draws a thin line and a label above the plot on each session day
// ("S2") and coaching-call day ("call"), so what happened can be read
// against the days around it.
func (c *chart) marks() {
	labels := map[journal.Date][]string{}
	for _, s := range c.r.Sessions {
		labels[s.Day] = append(labels[s.Day], fmt.Sprintf("S%d", s.Number))
	}
	for _, d := range c.r.CallDays {
		labels[d] = append(labels[d], "call")
	}
	// A label that would run into the one before is left out (its line
	// stays): sessions come first in each label, so they are named.
	lastEnd := -1.0
	for i, d := range c.r.Daily {
		l, ok := labels[d.Day]
		if !ok {
			continue
		}
		x := c.mid(i)
		fmt.Fprintf(&c.b, `<line class="mark" x1="%g" x2="%g" y1="%g" y2="%g"/>`, x, x, markTop+2, plotBot)
		text := strings.Join(l, " · ")
		w := float64(len(text)) * 4.8 // about the width of 8.5px text
		anchor, start := "middle", x-w/2
		switch {
		case i == 0:
			anchor, x, start = "start", c.x(i), c.x(i)
		case i == len(c.r.Daily)-1:
			anchor, x, start = "end", c.x(i)+c.barW, c.x(i)+c.barW-w
		}
		if start < lastEnd+3 {
			if len(labels[d.Day]) == 0 || !strings.HasPrefix(text, "S") {
				continue
			}
		}
		fmt.Fprintf(&c.b, `<text class="mark-label" x="%g" y="%g" text-anchor="%s">%s</text>`, x, markTop, anchor, text)
		lastEnd = start + w
	}
}

// dates labels the first and last day and, when there is room, each
// Monday between, under the plot.
func (c *chart) dates() {
	days := c.r.Daily
	y := chartH - 2
	label := func(d journal.Date) string { return fmt.Sprintf("%d %s", d.Day, d.Month.String()[:3]) }
	fmt.Fprintf(&c.b, `<text class="axis" x="%g" y="%g">%s</text>`, padL, y, label(days[0].Day))
	last := len(days) - 1
	if last > 0 {
		fmt.Fprintf(&c.b, `<text class="axis" x="%g" y="%g" text-anchor="end">%s</text>`, chartW-padR, y, label(days[last].Day))
	}
	if 7*c.barW < 40 {
		return // weeks too narrow to name
	}
	for i := 1; i < last; i++ {
		// Mondays, but not so near either end that the labels touch.
		if d := days[i].Day; d.Weekday() == 1 && float64(i)*c.barW > 48 && float64(last-i)*c.barW > 48 {
			fmt.Fprintf(&c.b, `<line class="tickmark" x1="%g" x2="%g" y1="%g" y2="%g"/>`, c.x(i), c.x(i), plotBot, plotBot+3)
			fmt.Fprintf(&c.b, `<text class="axis" x="%g" y="%g" text-anchor="middle">%s</text>`, c.x(i), y, label(d))
		}
	}
}

func (c *chart) html() template.HTML {
	c.b.WriteString(`</svg>`)
	return template.HTML(c.b.String())
}

// drinksChart draws one bar per day: its standard drinks, a small round
// mark on an alcohol-free day, and a short grey dash on a day not
// recorded, so an unrecorded day never looks like a calm one. The dashed
// line is the heavy-day level, labelled with its value. Values are printed
// on the page, not only in tooltips: above every bar when the days are
// wide enough, else above heavy days.
func drinksChart(r Report) template.HTML {
	top, recorded := r.Heavy, false
	for _, d := range r.Daily {
		if d.Drinks != nil {
			recorded = true
			top = max(top, *d.Drinks)
		}
	}
	if !recorded || len(r.Daily) == 0 {
		return ""
	}
	top = max(float64(int(top+0.999)), 1) // a whole number of drinks at the top
	c := newChart(r, "drinks-title", "Standard drinks per day")
	c.yAxis("drinks", top, []float64{0, top})
	c.marks()
	dot := min(c.barW*0.3, 3)
	for i, d := range r.Daily {
		x := c.x(i)
		switch {
		case d.Drinks == nil:
			fmt.Fprintf(&c.b, `<rect class="unrecorded" x="%g" y="%g" width="%g" height="1"><title>%s: not recorded</title></rect>`,
				x+c.barW*0.2, plotBot-1, c.barW*0.6, LongDate(d.Day))
		case *d.Drinks == 0:
			fmt.Fprintf(&c.b, `<circle class="free" cx="%g" cy="%g" r="%g"><title>%s: alcohol-free</title></circle>`,
				c.mid(i), plotBot-dot, dot, LongDate(d.Day))
		default:
			h := max(*d.Drinks/top*plotH, 2)
			fmt.Fprintf(&c.b, `<rect class="drinks" x="%g" y="%g" width="%g" height="%g"><title>%s: %s standard drinks</title></rect>`,
				x+c.barW*0.15, plotBot-h, c.barW*0.7, h, LongDate(d.Day), num(*d.Drinks))
			if c.barW >= labelEach || (r.Heavy > 0 && *d.Drinks >= r.Heavy) {
				fmt.Fprintf(&c.b, `<text class="value" x="%g" y="%g" text-anchor="middle">%s</text>`, c.mid(i), plotBot-h-2, num(*d.Drinks))
			}
		}
	}
	if r.Heavy > 0 {
		y := plotBot - r.Heavy/top*plotH
		fmt.Fprintf(&c.b, `<line class="threshold" x1="%g" x2="%g" y1="%g" y2="%g"/>`, padL, chartW-padR, y, y)
		fmt.Fprintf(&c.b, `<text class="threshold-label" x="%g" y="%g" text-anchor="end">heavy day: %s+ drinks</text>`, chartW-padR, y-2, num(r.Heavy))
	}
	c.dates()
	return c.html()
}

// cravingChart draws the mean intensity of each day's logged cravings on
// a 0–10 scale, joining days next to each other; a day without cravings
// is a gap. Each point's value is printed when the days are wide enough.
func cravingChart(r Report) template.HTML {
	if r.Cravings.Count == 0 || len(r.Daily) == 0 {
		return ""
	}
	c := newChart(r, "craving-title", "Mean craving intensity per day, 0 to 10, from logged cravings")
	c.yAxis("craving", 10, []float64{0, 5, 10})
	c.marks()
	var pts []string
	flush := func() {
		if len(pts) > 1 {
			fmt.Fprintf(&c.b, `<polyline class="line" points="%s"/>`, strings.Join(pts, " "))
		}
		pts = nil
	}
	var labels strings.Builder
	for i, d := range r.Daily {
		if d.Cravings == 0 {
			flush()
			continue
		}
		x, y := c.mid(i), plotBot-d.Craving/10*plotH
		pts = append(pts, fmt.Sprintf("%g,%g", x, y))
		fmt.Fprintf(&c.b, `<circle class="point" cx="%g" cy="%g" r="%g"><title>%s: %s, mean %s</title></circle>`,
			x, y, min(c.barW*0.3, 3), LongDate(d.Day), journal.Plural(d.Cravings, "craving", "cravings"), num1(d.Craving))
		if c.barW >= labelEach {
			fmt.Fprintf(&labels, `<text class="value" x="%g" y="%g" text-anchor="middle">%s</text>`, x, y-4, num1(d.Craving))
		}
	}
	flush()
	c.b.WriteString(labels.String())
	c.dates()
	return c.html()
}

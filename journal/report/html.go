package report

import (
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"
)

// HTML writes the report as one self-contained page: inline styles and
// SVG, no scripts, nothing fetched, and print styles so that a browser's
// "Save as PDF" gives a clean page or two.
func HTML(w io.Writer, r Report) error {
	return htmlPage().Execute(w, htmlData{
		Report:     r,
		Head:       fmt.Sprintf("%s · %s", r.Title, periodShort(r)),
		NoEarly:    fmt.Sprintf("No earlier data to compare with: no days were recorded from %s to %s.", LongDate(r.PrevFrom), LongDate(r.PrevTo)),
		Missing:    joinRanges(r.Checkins.Missing),
		DrinksSVG:  drinksChart(r),
		CravingSVG: cravingChart(r),
	})
}

type htmlData struct {
	Report
	Head, NoEarly, Missing string
	// The charts are built from numbers and dates only, never from what
	// someone wrote, so they are safe to put in as they are.
	DrinksSVG, CravingSVG template.HTML
}

func periodShort(r Report) string {
	if r.From == r.To {
		return LongDate(r.From)
	}
	return fmt.Sprintf("%d %s – %s", r.From.Day, r.From.Month.String()[:3], LongDate(r.To)[4:])
}

const (
	chartW = 600.0 // the charts' size in SVG units; they scale to the page
	chartH = 60.0
	labelH = 14.0
)

// drinksChart draws one bar per day: its standard drinks, a small round
// mark on an alcohol-free day, and nothing on a day not recorded, so an
// unrecorded day never looks like a calm one. The dashed line is the
// heavy-day threshold.
func drinksChart(r Report) template.HTML {
	recorded := false
	for _, d := range r.Daily {
		recorded = recorded || d.Drinks != nil
	}
	if !recorded {
		return ""
	}
	top := r.Heavy
	for _, d := range r.Daily {
		if d.Drinks != nil && *d.Drinks > top {
			top = *d.Drinks
		}
	}
	if top <= 0 {
		top = 1
	}
	var b strings.Builder
	w, barW := chartW, chartW/float64(len(r.Daily))
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %g %g" role="img" aria-labelledby="drinks-title">`, w, chartH+labelH)
	b.WriteString(`<title id="drinks-title">Standard drinks per day</title>`)
	dot := min(barW*0.3, 3)
	for i, d := range r.Daily {
		x := float64(i) * barW
		switch {
		case d.Drinks == nil:
			fmt.Fprintf(&b, `<rect class="unrecorded" x="%g" y="%g" width="%g" height="1"><title>%s: not recorded</title></rect>`,
				x+barW*0.2, chartH-1, barW*0.6, LongDate(d.Day))
		case *d.Drinks == 0:
			fmt.Fprintf(&b, `<circle class="free" cx="%g" cy="%g" r="%g"><title>%s: alcohol-free</title></circle>`,
				x+barW/2, chartH-dot, dot, LongDate(d.Day))
		default:
			h := max(*d.Drinks/top*(chartH-4), 2)
			fmt.Fprintf(&b, `<rect class="drinks" x="%g" y="%g" width="%g" height="%g"><title>%s: %s standard drinks</title></rect>`,
				x+barW*0.15, chartH-h, barW*0.7, h, LongDate(d.Day), num(*d.Drinks))
		}
	}
	if r.Heavy > 0 {
		y := chartH - r.Heavy/top*(chartH-4)
		fmt.Fprintf(&b, `<line class="threshold" x1="0" x2="%g" y1="%g" y2="%g"/>`, w, y, y)
	}
	axis(&b, r, w)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// cravingChart draws the mean intensity of each day with cravings on a
// 0–10 scale, joining days next to each other; a day without cravings is
// a gap.
func cravingChart(r Report) template.HTML {
	if r.Cravings.Count == 0 || len(r.Daily) == 0 {
		return ""
	}
	var b strings.Builder
	w, barW := chartW, chartW/float64(len(r.Daily))
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %g %g" role="img" aria-labelledby="craving-title">`, w, chartH+labelH)
	b.WriteString(`<title id="craving-title">Mean craving intensity per day, 0 to 10</title>`)
	for _, v := range []float64{0, 5, 10} {
		y := chartH - 2 - v/10*(chartH-6)
		fmt.Fprintf(&b, `<line class="grid" x1="0" x2="%g" y1="%g" y2="%g"/>`, w, y, y)
	}
	var pts []string
	flush := func() {
		if len(pts) > 1 {
			fmt.Fprintf(&b, `<polyline class="line" points="%s"/>`, strings.Join(pts, " "))
		}
		pts = nil
	}
	for i, d := range r.Daily {
		if d.Cravings == 0 {
			flush()
			continue
		}
		x, y := float64(i)*barW+barW/2, chartH-2-d.Craving/10*(chartH-6)
		pts = append(pts, fmt.Sprintf("%g,%g", x, y))
		fmt.Fprintf(&b, `<circle class="point" cx="%g" cy="%g" r="%g"><title>%s: %s, mean %s</title></circle>`,
			x, y, min(barW*0.3, 3), LongDate(d.Day), plural(d.Cravings, "craving", "cravings"), num1(d.Craving))
	}
	flush()
	axis(&b, r, w)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// axis labels the first and last day under a chart.
func axis(b *strings.Builder, r Report, w float64) {
	first, last := r.Daily[0].Day, r.Daily[len(r.Daily)-1].Day
	fmt.Fprintf(b, `<text x="0" y="%g" class="axis">%d %s</text>`, chartH+labelH-2, first.Day, first.Month.String()[:3])
	if first != last {
		fmt.Fprintf(b, `<text x="%g" y="%g" class="axis" text-anchor="end">%d %s</text>`, w, chartH+labelH-2, last.Day, last.Month.String()[:3])
	}
}

// htmlPage is parsed at its first use: most commands never write a report.
var htmlPage = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{"long": LongDate}).Parse(htmlSource))
})

const htmlSource = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>{{.Head}}</title>
<style>
:root { --ink: #23272b; --muted: #5f6770; --line: #d9dde1; --calm: #3f7f6a; --bar: #8790a0; --soft: #f4f6f7; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 46rem; padding: 2rem 1.25rem 3rem; color: var(--ink); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; font-weight: 650; }
h2 { font-size: 1.15rem; margin: 2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); font-weight: 650; }
h3 { font-size: 1rem; margin: 1.25rem 0 .4rem; font-weight: 650; }
p { margin: .4rem 0; }
.period { font-size: 1.05rem; font-weight: 600; margin: 0; }
.muted, .basis { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: .85rem; }
tr.lead td { font-weight: 650; color: var(--calm); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: .5rem 0; }
dt { color: var(--muted); }
dd { margin: 0; }
.chart { display: block; width: 100%; height: auto; margin: .25rem 0 .75rem; }
.chart .free { fill: var(--calm); }
.chart .drinks { fill: var(--bar); }
.chart .unrecorded { fill: var(--line); }
.chart .threshold { stroke: var(--muted); stroke-width: .6; stroke-dasharray: 3 3; vector-effect: non-scaling-stroke; }
.chart .grid { stroke: var(--line); stroke-width: .5; vector-effect: non-scaling-stroke; }
.chart .line { fill: none; stroke: var(--calm); stroke-width: 1.5; vector-effect: non-scaling-stroke; }
.chart .point { fill: var(--calm); }
.chart .axis { font-size: 9px; fill: var(--muted); }
.legend { font-size: .85rem; color: var(--muted); margin-top: -.5rem; }
.swatch { display: inline-block; width: .7em; height: .7em; margin: 0 .25em 0 .75em; vertical-align: baseline; }
blockquote { margin: .3rem 0 .8rem; padding: .4rem .8rem; background: var(--soft); border-left: 3px solid var(--calm); white-space: pre-wrap; }
table, dl, blockquote, .chart, .session { break-inside: avoid; page-break-inside: avoid; }
footer { margin-top: 2.5rem; padding-top: .75rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
@page { margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
}
</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<p class="period">{{.Period}}</p>
<p class="basis">{{.Basis}}</p>
</header>

<section id="drinking">
<h2>Drinking</h2>
{{with .DrinkingNote}}<p>{{.}}</p>{{end}}
<p class="muted">{{if .HasEarlier}}{{.Compared}}{{else}}{{.NoEarly}}{{end}}</p>
<table>
<thead><tr><th scope="col">Measure</th><th scope="col">This period</th><th scope="col">Before</th><th scope="col">Change</th></tr></thead>
<tbody>
{{range $i, $m := .Drinking}}<tr{{if eq $m.Key "alcohol_free_days"}} class="lead"{{end}}><td>{{$m.Label}}</td><td>{{$m.Now}}</td><td>{{$m.Before}}</td><td>{{or $m.Change "–"}}</td></tr>
{{end}}</tbody>
</table>
<p class="muted">{{.Measured}}</p>
{{with .DrinksSVG}}<h3>Each day</h3>
{{.}}
<p class="legend"><span class="swatch" style="background:#3f7f6a;border-radius:50%"></span>alcohol-free
<span class="swatch" style="background:#8790a0"></span>standard drinks
<span class="swatch" style="background:#d9dde1;height:.2em"></span>not recorded
· dashed line: heavy day</p>{{end}}
</section>

<section id="cravings">
<h2>Cravings</h2>
<dl>
{{if .Cravings.Count}}<dt>Logged</dt><dd>{{.Cravings.Count}} cravings · mean intensity {{.Cravings.Mean}} · strongest {{.Cravings.Max}}</dd>{{end}}
<dt>Trend</dt><dd>{{.Cravings.Trend}}</dd>
<dt>Before</dt><dd>{{.Cravings.Before}}</dd>
{{if .Triggers}}<dt>Top triggers</dt><dd>{{range $i, $t := .Triggers}}{{if $i}} · {{end}}{{$t}}{{end}}</dd>{{end}}
</dl>
{{with .CravingSVG}}<h3>Mean intensity each day</h3>
{{.}}{{end}}
{{if .Coping}}<h3>What helped</h3>
<p class="muted">Share of cravings resisted, by what was done (strategies used three times or more).</p>
<table>
<thead><tr><th scope="col">Strategy</th><th scope="col">Uses</th><th scope="col">Outcome</th></tr></thead>
<tbody>
{{range .Coping}}<tr><td>{{.Strategy}}</td><td>{{.Uses}}</td><td>{{.Resisted}}</td></tr>
{{end}}</tbody>
</table>{{end}}
</section>

<section id="sessions">
<h2>Sessions</h2>
{{if not .Sessions}}<p>No sessions in this period.</p>{{end}}
{{range .Sessions}}<div class="session">
<h3>{{.Heading}}</h3>
{{with .Note}}<p>Note: {{.}}</p>{{end}}
{{range .Around}}<p class="muted">{{.}}</p>
{{end}}{{range .ForCoach}}<p><strong>To bring to the coach</strong> <span class="muted">({{long .Day}})</span></p>
<blockquote>{{.Text}}</blockquote>
{{end}}{{range .Quotes}}<p class="muted">{{.Question}}</p>
<blockquote>{{.Answer}}</blockquote>
{{end}}</div>
{{end}}
</section>

{{if .CoachNotes}}<section id="coach-notes">
<h2>Also to bring to the coach</h2>
{{range .CoachNotes}}<p class="muted">{{long .Day}}</p>
<blockquote>{{.Text}}</blockquote>
{{end}}</section>{{end}}

<section id="checkins">
<h2>Check-ins</h2>
{{with .Checkins}}{{if eq .Days 0}}<p>None yet today.</p>{{else if eq .Count 0}}<p>No check-ins in this period.</p>{{else}}<dl>
<dt>Check-ins</dt><dd>{{.Count}} of {{.Days}} days</dd>
{{with .Mood}}<dt>Mean mood</dt><dd>{{.}}</dd>{{end}}
{{with .Sleep}}<dt>Mean sleep</dt><dd>{{.}}</dd>{{end}}
<dt>Missing</dt><dd>{{or $.Missing "none"}}</dd>
</dl>{{end}}{{end}}
</section>

<footer>{{.PrivateOmitted}}</footer>
</body>
</html>
`

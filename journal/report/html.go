package report

import (
	"fmt"
	"html/template"
	"io"
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

// htmlPage is parsed at its first use: most commands never write a report.
var htmlPage = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{"long": LongDate, "qchart": questionnaireChart}).Parse(htmlSource))
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
.chart .axis, .chart .tick { font-size: 9px; fill: var(--muted); }
.chart .axis-title { font-size: 9px; fill: var(--muted); font-style: italic; }
.chart .axis-line, .chart .tickmark { stroke: var(--muted); stroke-width: .6; vector-effect: non-scaling-stroke; }
.chart .value { font-size: 8px; fill: var(--ink); }
.chart .threshold-label { font-size: 8.5px; fill: var(--muted); }
.chart .mark { stroke: #b07a2a; stroke-width: .6; stroke-dasharray: 1 2; vector-effect: non-scaling-stroke; }
.chart .mark-label { font-size: 8.5px; fill: #8a5a14; font-weight: 600; }
.legend { font-size: .85rem; color: var(--muted); margin-top: -.5rem; }
.swatch { display: inline-block; width: .7em; height: .7em; margin: 0 .25em 0 .75em; vertical-align: baseline; }
blockquote { margin: .3rem 0 .8rem; padding: .4rem .8rem; background: var(--soft); border-left: 3px solid var(--calm); white-space: pre-wrap; }
figure { margin: .5rem 0 1rem; }
figcaption { font-weight: 600; font-size: .95rem; }
/* Small things stay whole; tables and sessions may run on to the next
   page, so a long period never leaves a page half empty. */
dl, blockquote, figure, tr { break-inside: avoid; page-break-inside: avoid; }
footer { margin-top: 2.5rem; padding-top: .75rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
/* No page size is set: the same page prints on A4 and on Letter, and
   a 30-day report fits one sheet of either. */
@page { margin: 8mm 10mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 8pt; line-height: 1.22; }
  h1 { font-size: 14pt; margin: 0; }
  .period { font-size: 9.5pt; }
  h2 { font-size: 10.5pt; margin: 7pt 0 3pt; padding-bottom: 1pt; }
  h3 { font-size: 9pt; margin: 5pt 0 2pt; }
  h2, h3, figcaption { break-after: avoid; page-break-after: avoid; }
  p { margin: 2pt 0; }
  th, td { padding: 1.2pt 4pt; }
  th { font-size: 7.5pt; }
  dl { gap: 1pt 8pt; margin: 2pt 0; }
  blockquote { margin: 1pt 0 3pt; padding: 2pt 6pt; }
  figure { margin: 2pt 0 4pt; }
  figcaption { font-size: 8.5pt; }
  .chart { margin: 0; }
  .legend { margin-top: 0; font-size: 7.5pt; }
  .cols { display: grid; grid-template-columns: 1fr 1fr; gap: 0 14pt; align-items: start; }
  .cols { grid-template-columns: 1.45fr 1fr; }
  /* A session's words flow in two columns: they are many short blocks. */
  .session { columns: 2; column-gap: 14pt; }
  .session h3 { column-span: all; }
  #coach-notes { columns: 2; column-gap: 14pt; }
  #coach-notes h2 { column-span: all; }
  table { font-size: 7.6pt; margin: 2pt 0; }
  .cols > * { min-width: 0; }
  footer { margin-top: 6pt; padding-top: 3pt; font-size: 7.5pt; }
}
</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<p class="period">{{.Period}}</p>
<p class="basis">{{.Basis}}</p>
</header>

<div class="cols">
<div>
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
</section>

<section id="checkins">
<h2>Check-ins</h2>
{{with .Checkins}}{{if eq .Days 0}}<p>None yet today.</p>{{else if eq .Count 0}}<p>No check-ins in this period.</p>{{else}}<dl>
<dt>Check-ins</dt><dd>{{.Count}} of {{.Days}} days</dd>
{{with .Mood}}<dt>Mean mood</dt><dd>{{.}}</dd>{{end}}
{{with .Sleep}}<dt>Mean sleep</dt><dd>{{.}}</dd>{{end}}
<dt>Days without a check-in</dt><dd>{{or $.Missing "none"}}</dd>
</dl>{{end}}{{end}}
</section>
</div>

<section id="cravings">
<h2>Cravings</h2>
<dl>
{{if .Cravings.Count}}<dt>Logged</dt><dd>{{.Cravings.Count}} cravings · mean intensity {{.Cravings.Mean}} · strongest {{.Cravings.Max}}</dd>{{end}}
<dt>Trend</dt><dd>{{.Cravings.Trend}}</dd>
<dt>Before</dt><dd>{{.Cravings.Before}}</dd>
{{if .Triggers}}<dt>Top triggers</dt><dd>{{range $i, $t := .Triggers}}{{if $i}} · {{end}}{{$t}}{{end}}</dd>{{end}}
</dl>
{{if .Coping}}<h3>What helped</h3>
<p class="muted">Share of cravings resisted, by what was done (strategies used three times or more).</p>
<table>
<thead><tr><th scope="col">Strategy</th><th scope="col">Uses</th><th scope="col">Outcome</th></tr></thead>
<tbody>
{{range .Coping}}<tr><td>{{.Strategy}}</td><td>{{.Uses}}</td><td>{{.Resisted}}</td></tr>
{{end}}</tbody>
</table>{{end}}
</section>
</div>

{{if or .DrinksSVG .CravingSVG}}<section id="days">
<h2>Each day</h2>
{{with .DrinksSVG}}<figure>
<figcaption>Standard drinks</figcaption>
{{.}}
<p class="legend"><span class="swatch" style="background:#3f7f6a;border-radius:50%"></span>alcohol-free
<span class="swatch" style="background:#8790a0"></span>standard drinks
<span class="swatch" style="background:#d9dde1;height:.2em"></span>not recorded
· S1, S2…: sessions · call: coaching calls</p>
</figure>{{end}}
{{with .CravingSVG}}<figure>
<figcaption>Craving intensity</figcaption>
{{.}}
<p class="legend">The mean intensity (0 to 10) of the cravings logged each day; a gap is a day without one.</p>
</figure>{{end}}
</section>{{end}}

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

{{if or .Questionnaires .Safety}}<section id="questionnaires">
<h2>Questionnaires</h2>
{{range .Questionnaires}}<h3>{{.Title}}</h3>
{{qchart $.Report .}}
<ul>{{range .Scores}}<li>{{long .Day}}: {{.Text}}</li>{{end}}</ul>
<p>{{.Summary}}</p>
{{range .Sessions}}<p class="muted">{{.}}</p>
{{end}}{{end}}{{with .Safety}}<p><strong>{{.}}</strong></p>{{end}}
</section>{{end}}

<footer>{{.PrivateOmitted}}</footer>
</body>
</html>
`

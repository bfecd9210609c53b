package export

import (
	"html/template"
	"io"
	"strings"
	"sync"

	"journal/journal"
	"journal/journal/stats"
)

// HTML writes doc as one self-contained page: inline styles and SVG
// charts, no scripts and no external files, laid out to print cleanly to
// PDF from a browser. The charts come first, from the records other than
// entries and the figures in doc; then each day is written as its entries
// come (see Document.EachEntry).
func HTML(w io.Writer, doc Document) error {
	figs := doc.figures()
	s := doc.Summary
	data := htmlData{
		Title:    "Journal, " + longDate(s.From) + " to " + longDate(s.To),
		Exported: doc.ExportedAt.Format("2 January 2006, 15:04"),
		Privacy:  privacyLine(doc),
		Measures: measures(s),
		Measured: questionnaireFigures(doc),
	}
	heavy := stats.Heavy{DayGrams: s.Drinking.HeavyDayGrams, DrinkGrams: s.Drinking.StandardDrinkGrams}
	t := htmlTemplate()
	// The page up to each chart, the chart written as it is drawn, and on.
	for _, part := range []struct {
		template string
		chart    func() error
	}{
		{"head", func() error { return cravingChart(w, figs, s.From, s.To) }},
		{"after cravings", func() error { return weekChart(w, figs, s.From, s.To) }},
		{"after weeks", func() error { return calendar(w, figs, s.From, s.To, heavy) }},
		{"after calendar", nil},
	} {
		if err := t.ExecuteTemplate(w, part.template, data); err != nil {
			return err
		}
		if part.chart != nil {
			if err := part.chart(); err != nil {
				return err
			}
		}
	}
	days := 0
	// Each day is made, then cleaned as the Markdown export is (control
	// characters become spaces, direction overrides go: U+202E would
	// reorder the page's text), then written.
	var b strings.Builder
	err := doc.eachDay(func(g Day) error {
		days++
		b.Reset()
		if err := t.ExecuteTemplate(&b, "day", htmlDay{G: g, Doc: doc}); err != nil {
			return err
		}
		_, err := io.WriteString(w, journal.CleanText(b.String()))
		return err
	})
	if err != nil {
		return err
	}
	if days == 0 {
		if _, err := io.WriteString(w, "\n<p>Nothing was recorded in this period.</p>"); err != nil {
			return err
		}
	}
	return t.ExecuteTemplate(w, "foot", nil)
}

type htmlData struct {
	Title, Exported, Privacy string
	Measures                 []measure
	Measured                 []questionnaireFigure
}

// htmlDay is one day for the "day" template, with the document for the
// titles and links of guided entries.
type htmlDay struct {
	G   Day
	Doc Document
}

// htmlTemplate is parsed at its first use: most commands never export HTML.
var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("export").Funcs(template.FuncMap{
		"long":       longDate,
		"span":       dateRange,
		"clock":      func(e journal.Entry) string { return e.OccurredAt.Format("15:04") },
		"drinks":     drinksText,
		"checkin":    func(e journal.Entry) string { return strings.TrimPrefix(e.Checkin.Summary(), "check-in · ") },
		"join":       func(l []string) string { return strings.Join(l, ", ") },
		"paras":      paragraphs,
		"facts":      func(c *journal.Craving) string { return strings.Join(cravingFacts(c), "; ") },
		"session":    func(ses journal.Session) string { return strings.Join(sessionFacts(ses), ", ") },
		"daymonth":   dayMonth,
		"title":      Document.setTitle,
		"forSession": Document.forSession,
		"linked":     Document.linked,
	}).Parse(htmlPage))
})

// paragraphs splits text on blank lines so the page keeps the person's
// paragraphs; single line breaks are kept by CSS (white-space: pre-line).
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// htmlPage is the page in parts: "head" up to the first chart, "after
// cravings", "after weeks" and "after calendar" after each chart (the last
// up to the days' heading), "day" for each day, "foot" after them.
const htmlPage = `{{define "head"}}<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
  :root { color-scheme: light; }
  * { box-sizing: border-box; }
  body { font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Helvetica, Arial, sans-serif;
         color: #2f3b45; background: #fff; max-width: 52rem; margin: 2rem auto; padding: 0 1.25rem;
         -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h1 { font-size: 1.6rem; margin: 0 0 .25rem; font-weight: 600; }
  h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid #d6dde3; font-weight: 600; }
  h3 { font-size: 1rem; margin: 1.1rem 0 .3rem; font-weight: 600; }
  .meta { color: #5c6b77; margin: 0; }
  .measures { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .6rem; margin: 0; }
  .measure { border: 1px solid #d6dde3; border-radius: 8px; padding: .5rem .7rem; break-inside: avoid; }
  .measure dt { font-size: .8rem; color: #5c6b77; }
  .measure dd { margin: 0; font-size: 1.35rem; font-weight: 600; }
  .measure .note { display: block; font-size: .8rem; font-weight: 400; color: #5c6b77; }
  figure { margin: 1rem 0; break-inside: avoid; }
  figcaption { font-size: .85rem; color: #5c6b77; margin-top: .2rem; }
  .calendar { display: flex; flex-wrap: wrap; gap: 1rem; }
  .legend { display: flex; flex-wrap: wrap; gap: 1rem; font-size: .85rem; color: #5c6b77; margin-top: .4rem; }
  .swatch { display: inline-block; width: .9rem; height: .9rem; border-radius: 3px; vertical-align: -2px; margin-right: .3rem; border: 1px solid #d6dde3; }
  .day { break-inside: avoid-page; }
  table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .4rem 0; break-inside: avoid; }
  th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #e4e9ed; vertical-align: top; }
  th { font-weight: 600; color: #5c6b77; }
  .q { font-weight: 600; margin: .6rem 0 .1rem; }
  .text p { margin: .2rem 0 .5rem; white-space: pre-line; }
  .tags, .private, .linked { font-size: .85rem; color: #5c6b77; }
  tr.facts td { border-bottom: 1px solid #e4e9ed; padding-top: 0; color: #5c6b77; font-size: .85rem; }
  .session { border-left: 3px solid #7a8fa3; padding: .1rem 0 .1rem .7rem; margin: .5rem 0; }
  footer { margin-top: 2.5rem; font-size: .8rem; color: #5c6b77; }
  @page { size: A4; margin: 16mm 14mm; }
  @media print {
    body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
    h2 { break-after: avoid; }
    h3 { break-after: avoid; }
    a { color: inherit; text-decoration: none; }
    /* Charts a little shorter on paper, so the summary and both charts fit the first pages. */
    svg.chart-cravings, svg.chart-weeks { max-height: 58mm; }
    .measures { grid-template-columns: repeat(4, 1fr); }
  }
</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<p class="meta">Exported {{.Exported}}.{{with .Privacy}} <span class="privacy">{{.}}</span>{{end}}</p>
</header>

<section id="summary">
<h2>Summary</h2>
<dl class="measures">
{{- range .Measures}}
<div class="measure"><dt>{{.Label}}</dt><dd>{{.Value}}{{with .Note}} <span class="note">{{.}}</span>{{end}}</dd></div>
{{- end}}
</dl>
</section>

<section id="charts">
<h2>Patterns</h2>
<figure id="craving-trend">{{end}}
{{- define "after cravings"}}<figcaption>Craving intensity each day: the mean (0 to 10) of the cravings logged that day, as in journal report.</figcaption></figure>
<figure id="drinks-per-week">{{end}}
{{- define "after weeks"}}<figcaption>Standard drinks per week (weeks start on Monday; a dash means nothing was recorded).</figcaption></figure>
<figure id="drinking-calendar">{{end}}
{{- define "after calendar"}}
<div class="legend">
<span><span class="swatch" style="background:#5e9e7e"></span>alcohol-free</span>
<span><span class="swatch" style="background:#e8c170"></span>drinking day</span>
<span><span class="swatch" style="background:#c98a4b"></span>heavy drinking day</span>
<span><span class="swatch" style="background:#ffffff"></span>not recorded</span>
</div>
<figcaption>Calendar of recorded days.</figcaption></figure>
{{- range .Measured}}
<figure class="questionnaire">{{.Chart}}<figcaption>{{.Title}}, 0 to {{.Max}}: the last score {{.Last.Score}} on {{long .Last.Day}}.</figcaption></figure>
{{- end}}
</section>

<section id="days">
<h2>Day by day</h2>{{end}}
{{- define "day"}}{{with .G}}{{- if not .Through.IsZero}}
<article class="day quiet" id="day-{{.Day}}">
<h3>{{span .Day .Through}}</h3>
<p><strong>Drinks:</strong> alcohol-free, {{.Length}} days in a row; nothing else recorded</p>
</article>
{{- else}}
<article class="day" id="day-{{.Day}}">
<h3>{{long .Day}}</h3>
{{- range .Sessions}}
<div class="session">
<p class="q">Session {{.Number}}{{with session .}}: {{.}}{{end}}</p>
{{- with .Note}}<div class="text">{{range paras .}}<p>{{.}}</p>{{end}}</div>{{end}}
{{- with linked $.Doc .}}
<p class="linked">Guided entries for this session: {{range $i, $e := .}}{{if $i}}; {{end}}<a href="#entry-{{$e.UUID}}">{{title $.Doc $e}}</a> ({{daymonth $e.Day}}, {{clock $e}}){{end}}</p>
{{- end}}
</div>
{{- end}}
{{- with .Checkin}}
<p><strong>Check-in:</strong> {{checkin .}}{{with .Body}} — {{.}}{{end}}</p>
{{- end}}
{{- with .Drinks}}
<p><strong>Drinks:</strong> {{drinks .}}{{with .Note}} — {{.}}{{end}}</p>
{{- end}}
{{- if .Cravings}}
<table class="cravings">
<thead><tr><th>Time</th><th>Intensity</th><th>Triggers</th><th>Coping</th><th>Outcome</th><th>Note</th></tr></thead>
<tbody>
{{- range .Cravings}}
<tr><td>{{clock .}}{{if .Private}} <span class="private">(private)</span>{{end}}</td><td>{{.Craving.Intensity}}/10</td><td>{{join .Craving.Triggers}}</td><td>{{join .Craving.Coping}}</td><td>{{.Craving.Outcome}}</td><td>{{.Body}}</td></tr>
{{- with facts .Craving}}
<tr class="facts"><td></td><td colspan="5">{{.}}</td></tr>
{{- end}}
{{- end}}
</tbody>
</table>
{{- end}}
{{- range .Guided}}
<div class="entry guided" id="entry-{{.UUID}}">
<p class="q">{{title $.Doc .}}, {{clock .}}{{forSession $.Doc .}}{{if .Private}} <span class="private">(private)</span>{{end}}</p>
{{- range .Answers}}{{if paras .Answer}}
<p class="q">{{.Question}}</p>
<div class="text">{{range paras .Answer}}<p>{{.}}</p>{{end}}</div>
{{- end}}{{end}}
{{- with .Body}}<div class="text">{{range paras .}}<p>{{.}}</p>{{end}}</div>{{end}}
</div>
{{- end}}
{{- range .Notes}}
<div class="entry note">
<p class="q">Note, {{clock .}}{{if .Private}} <span class="private">(private)</span>{{end}}</p>
<div class="text">{{range paras .Body}}<p>{{.}}</p>{{end}}</div>
{{- if .Tags}}<p class="tags">Tags: {{join .Tags}}</p>{{end}}
</div>
{{- end}}
{{- range .Calls}}
<p><strong>Coaching call</strong>{{with .Note}} — {{.}}{{end}}</p>
{{- end}}
</article>
{{- end}}{{end}}{{end}}
{{- define "foot"}}
</section>

<footer>Made with journal, from records kept on the writer's own computer.</footer>
</body>
</html>
{{end}}`

package export

import (
	"encoding/csv"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"journal/journal"
)

// QuestionnaireRow is one saved questionnaire (PHQ-9, GAD-7, PCL-5) with
// its score and each item's value (nil: left out), in the questionnaire's
// order. Score is nil when too many items were left out for a total.
type QuestionnaireRow struct {
	Entry    journal.Entry
	Name     string
	Score    *int
	Max      int
	Band     string
	Prorated bool
	Items    []*int
}

// QuestionnairesCSV writes one row per questionnaire, oldest first: day,
// time, questionnaire, score, max, band, prorated (yes/no), then item_1 to
// item_N, as many as the longest questionnaire has (empty when left out or
// when the questionnaire is shorter).
func QuestionnairesCSV(w io.Writer, rows []QuestionnaireRow) error {
	n := 0
	for _, r := range rows {
		n = max(n, len(r.Items))
	}
	cw := csv.NewWriter(w)
	head := []string{"day", "time", "questionnaire", "score", "max", "band", "prorated"}
	for i := range n {
		head = append(head, fmt.Sprintf("item_%d", i+1))
	}
	cw.Write(head)
	for _, r := range rows {
		score := ""
		if r.Score != nil {
			score = strconv.Itoa(*r.Score)
		}
		row := []string{r.Entry.Day.String(), r.Entry.OccurredAt.Format("15:04"), r.Name, score, strconv.Itoa(r.Max), cell(r.Band), yesNo(r.Prorated)}
		for i := range n {
			v := ""
			if i < len(r.Items) && r.Items[i] != nil {
				v = strconv.Itoa(*r.Items[i])
			}
			row = append(row, v)
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// QuestionnaireSeries is one questionnaire's totals in the export, oldest
// first, for the HTML chart.
type QuestionnaireSeries struct {
	Name, Title string
	Max         int
	Points      []QuestionnairePoint
}

// QuestionnairePoint is one total on its day.
type QuestionnairePoint struct {
	Day   journal.Date
	Score int
}

// questionnaireChart draws a series as dots joined by a line on a scale
// from 0 to its maximum, over the export's days. It is built from numbers
// and dates only, so it is safe to put in the page as it is.
func questionnaireChart(q QuestionnaireSeries, from, to journal.Date) template.HTML {
	const w, h, left, right, top, bottom = 640.0, 120.0, 34.0, 12.0, 10.0, 22.0
	n := max(1, to.DaysSince(from))
	x := func(d journal.Date) float64 { return left + float64(d.DaysSince(from))*(w-left-right)/float64(n) }
	y := func(v int) float64 { return top + (h-top-bottom)*(1-float64(v)/float64(max(1, q.Max))) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart chart-questionnaire" role="img" viewBox="0 0 %g %g" width="100%%">`, w, h)
	fmt.Fprintf(&b, `<title>%s scores, 0 to %d</title>`, template.HTMLEscapeString(q.Title), q.Max)
	fmt.Fprintf(&b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="#d0d4d9"/>`, left, y(0), w-right, y(0))
	fmt.Fprintf(&b, `<text x="%g" y="%g" font-size="11" text-anchor="end" fill="#6b7280">%d</text>`, left-4, y(q.Max)+4, q.Max)
	fmt.Fprintf(&b, `<text x="%g" y="%g" font-size="11" text-anchor="end" fill="#6b7280">0</text>`, left-4, y(0)+4)
	var pts []string
	for _, p := range q.Points {
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(p.Day), y(p.Score)))
	}
	if len(pts) > 1 {
		fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="#3f7f6a" stroke-width="2"/>`, strings.Join(pts, " "))
	}
	for _, p := range q.Points {
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3.5" fill="#3f7f6a"><title>%s: %d</title></circle>`, x(p.Day), y(p.Score), longDate(p.Day), p.Score)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// questionnaireFigure is a series with its chart, for the template.
type questionnaireFigure struct {
	Title string
	Max   int
	Last  QuestionnairePoint
	Chart template.HTML
}

func questionnaireFigures(doc Document) []questionnaireFigure {
	var out []questionnaireFigure
	for _, q := range doc.Questionnaires {
		if len(q.Points) == 0 {
			continue
		}
		out = append(out, questionnaireFigure{Title: q.Title, Max: q.Max, Last: q.Points[len(q.Points)-1],
			Chart: questionnaireChart(q, doc.Summary.From, doc.Summary.To)})
	}
	return out
}

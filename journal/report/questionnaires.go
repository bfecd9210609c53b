package report

import (
	"fmt"
	"html/template"
	"sort"
	"strings"

	"journal/journal"
	"journal/journal/stats"
)

// Questionnaire is one questionnaire's scores over the period, in words,
// for the coach: each score, the change since the first with response and
// remission, and the nearest scores around each session.
type Questionnaire struct {
	Name     string   `json:"name"`
	Title    string   `json:"title"`
	Max      int      `json:"max"`
	Scores   []Scored `json:"scores"`
	Summary  string   `json:"summary"`
	Sessions []string `json:"sessions"`
}

// Scored is one questionnaire done on a day.
type Scored struct {
	Day   journal.Date `json:"day"`
	Score *int         `json:"score"` // nil: too many items left out
	Text  string       `json:"text"`  // "12, moderate", "14 (prorated), moderate"
}

// questionnaires words the questionnaires of the period (private ones are
// already left out) and the plain statement of the days PHQ-9 item 9 was
// answered above 0.
func questionnaires(cur stats.Report) ([]Questionnaire, string) {
	names := make([]string, 0, len(cur.Questionnaires))
	for n, scores := range cur.Questionnaires {
		if len(scores) > 0 {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	out := []Questionnaire{}
	var safety []journal.Date
	for _, n := range names {
		t := cur.QuestionnaireTrends[n]
		q := Questionnaire{Name: n, Title: journal.CleanLine(t.Title), Max: t.Max, Sessions: []string{}}
		for _, s := range cur.Questionnaires[n] {
			text := "not computed (too many questions left out)"
			if s.Score != nil {
				text = fmt.Sprint(*s.Score)
				if s.Prorated {
					text += " (prorated)"
				}
				if s.Band != "" {
					text += ", " + journal.CleanLine(s.Band)
				}
			}
			q.Scores = append(q.Scores, Scored{Day: s.Day, Score: s.Score, Text: text})
		}
		safety = append(safety, stats.SafetyDays(cur.Questionnaires[n])...)
		q.Summary = trendWords(t)
		for _, a := range t.Sessions {
			if a.Before == nil && a.After == nil {
				continue
			}
			q.Sessions = append(q.Sessions, fmt.Sprintf("Session %d (%s): %s before, %s after.",
				a.Number, LongDate(a.Day), nearWords(a.Before), nearWords(a.After)))
		}
		out = append(out, q)
	}
	return out, safetyWords(safety)
}

func trendWords(t stats.QuestionnaireTrend) string {
	switch {
	case t.Count == 0:
		return "No total could be computed in this period."
	case t.Change == nil:
		return fmt.Sprintf("One score in this period: %d of %d.", t.First.Score, t.Max)
	}
	c := *t.Change
	var s string
	switch {
	case c < 0:
		s = fmt.Sprintf("From %d to %d of %d: down %d since the first score", t.First.Score, t.Last.Score, t.Max, -c)
	case c > 0:
		s = fmt.Sprintf("From %d to %d of %d: up %d since the first score", t.First.Score, t.Last.Score, t.Max, c)
	default:
		s = fmt.Sprintf("%d of %d at the first and the last score", t.First.Score, t.Max)
	}
	if t.Response != nil {
		if *t.Response {
			s += "; a response (a drop of at least half)"
		} else {
			s += "; not yet a response (a drop of at least half)"
		}
	}
	if t.Remission != nil && *t.Remission {
		s += "; in remission (below 5)"
	}
	return s + "."
}

func nearWords(d *stats.DayScore) string {
	if d == nil {
		return "none"
	}
	return fmt.Sprintf("%d on %s", d.Score, LongDate(d.Day))
}

// safetyWords states plainly on which days PHQ-9 item 9 (thoughts of being
// better off dead or of self-harm) was answered above 0.
func safetyWords(days []journal.Date) string {
	if len(days) == 0 {
		return ""
	}
	sort.Slice(days, func(i, j int) bool { return days[i].Before(days[j]) })
	words := make([]string, len(days))
	for i, d := range days {
		words[i] = LongDate(d)
	}
	list := strings.Join(words, ", ")
	if len(words) > 1 {
		list = strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
	}
	return "PHQ-9 question 9 (thoughts of being better off dead or of hurting oneself) was answered above 0 on " + list + "."
}

// questionnaireChart draws a questionnaire's totals over the period as
// dots joined by a line, on a scale from 0 to its maximum. It is built
// from numbers and dates only.
func questionnaireChart(r Report, q Questionnaire) template.HTML {
	const h, labelH = 60.0, 14.0
	span := float64(max(1, r.To.DaysSince(r.From)))
	var b strings.Builder
	fmt.Fprintf(&b, `<svg viewBox="0 0 %.0f %.0f" width="100%%" role="img" aria-label="%s scores over the period">`, chartW, h+labelH, template.HTMLEscapeString(q.Title))
	fmt.Fprintf(&b, `<line x1="0" y1="%.1f" x2="%.0f" y2="%.1f" stroke="#d9dde1"/>`, h, chartW, h)
	var pts []string
	for _, s := range q.Scores {
		if s.Score == nil {
			continue
		}
		x := 6 + float64(s.Day.DaysSince(r.From))/span*(chartW-12)
		y := h - float64(*s.Score)/float64(max(1, q.Max))*(h-6)
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", x, y))
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3.5" fill="#3f7f6a"><title>%s: %d</title></circle>`, x, y, LongDate(s.Day), *s.Score)
	}
	if len(pts) > 1 {
		fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="#3f7f6a" stroke-width="1.5"/>`, strings.Join(pts, " "))
	}
	fmt.Fprintf(&b, `<text x="0" y="%.0f" font-size="10" fill="#6b7280">0 to %d</text>`, h+labelH-2, q.Max)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

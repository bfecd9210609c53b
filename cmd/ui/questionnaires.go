package ui

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"journal/journal"
	"journal/journal/stats"
)

// questionnaires shows each questionnaire done in the window: its scores
// in order, the change since the first, response and remission, and the
// nearest scores either side of each session. Nothing when none was ever
// done.
func (p *printer) questionnaires(r stats.Report) {
	if len(r.Questionnaires) == 0 {
		return
	}
	names := make([]string, 0, len(r.Questionnaires))
	for n := range r.Questionnaires {
		names = append(names, n)
	}
	sort.Strings(names)
	p.section("Questionnaires")
	shown, prorated := false, false
	for _, n := range names {
		scores, t := r.Questionnaires[n], r.QuestionnaireTrends[n]
		if len(scores) == 0 {
			continue
		}
		shown = true
		var vals []string
		for _, s := range scores {
			v := "–"
			if s.Score != nil {
				v = strconv.Itoa(*s.Score)
				if s.Prorated {
					v += "*"
					prorated = true
				}
			}
			vals = append(vals, v)
		}
		title := journal.CleanLine(t.Title)
		p.row(title, fmt.Sprintf("%s of %d · %s", strings.Join(vals, " → "), t.Max, journal.Plural(len(scores), "time", "times")))
		if t.Last != nil && len(scores) > 0 && scores[len(scores)-1].Band != "" {
			p.row("", "last: "+journal.CleanLine(scores[len(scores)-1].Band))
		}
		if t.Change != nil {
			p.row("", p.change(t))
		}
		for _, a := range t.Sessions {
			if a.Before == nil && a.After == nil {
				continue
			}
			p.row("", p.s.Dim.Render(fmt.Sprintf("session %d (%s): %s before, %s after", a.Number, shortDate(a.Day), dayScore(a.Before), dayScore(a.After))))
		}
	}
	if !shown {
		p.note("None done in this range. journal measure lists them.")
		return
	}
	if prorated {
		p.note("* prorated: a few questions were left out.")
	}
	p.note("Response: a drop of at least half since the first score;")
	p.note("remission: below 5 (PHQ-9, GAD-7).")
}

func (p *printer) change(t stats.QuestionnaireTrend) string {
	c := *t.Change
	var out string
	switch {
	case c < 0:
		out = fmt.Sprintf("down %d since the first", -c)
	case c > 0:
		out = fmt.Sprintf("up %d since the first", c)
	default:
		out = "the same as the first"
	}
	var also []string
	if t.Response != nil && *t.Response {
		also = append(also, "a response")
	}
	if t.Remission != nil && *t.Remission {
		also = append(also, "remission")
	}
	if len(also) > 0 {
		out += " · " + p.s.Good.Render(strings.Join(also, " and "))
	}
	return out
}

func dayScore(d *stats.DayScore) string {
	if d == nil {
		return "none"
	}
	return fmt.Sprintf("%d (%s)", d.Score, shortDate(d.Day))
}

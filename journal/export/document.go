package export

import (
	"slices"
	"time"

	"journal/journal"
	"journal/journal/stats"
)

// Document is one export: the records of a window and what the reader
// should know about them. The writers are pure functions of it.
type Document struct {
	ExportedAt time.Time
	// Since and Until are the window asked for; zero is an open end.
	Since, Until journal.Date
	Records      journal.Records
	// PrivateLeftOut counts private entries kept out of the export.
	PrivateLeftOut int
	IncludePrivate bool
	Summary        Summary
}

// Summary is the handful of measures shown at the top of the Markdown and
// HTML exports and carried in the JSON export. Its figures come from
// journal/stats over the whole journal in From..To (private entries as the
// export treats them), never from the records a --kind filter kept.
type Summary struct {
	From     journal.Date    `json:"from"`
	To       journal.Date    `json:"to"`
	Drinking stats.Drinking  `json:"drinking"`
	Cravings SummaryCravings `json:"cravings"`
	// Holds says what the document holds when a filter kept only some
	// kinds of record ("" for everything).
	Holds string `json:"holds,omitempty"`
}

// SummaryCravings are the craving figures of a summary.
type SummaryCravings struct {
	Count         int      `json:"count"`
	MeanIntensity *float64 `json:"mean_intensity"` // nil when there were none
}

// SummaryOf takes the summary's figures from a stats report.
func SummaryOf(r stats.Report) Summary {
	return Summary{
		From:     r.Range.From,
		To:       r.Range.To,
		Drinking: r.Drinking,
		Cravings: SummaryCravings{Count: r.Cravings.Count, MeanIntensity: r.Cravings.MeanIntensity},
	}
}

// Day gathers one calendar day's records, in the order a reader takes them
// in: check-in, drinks, cravings, guided entries, notes, calls. A new kind
// of record gets a list here, a line in quiet, and a block in the
// Markdown and HTML writers.
type Day struct {
	Day journal.Date
	// Through, when set, makes this a run of quiet days Day..Through:
	// alcohol-free with nothing else recorded (see Compact).
	Through  journal.Date
	Checkin  *journal.Entry
	Drinks   *journal.DrinkDay
	Cravings []journal.Entry
	Guided   []journal.Entry
	Notes    []journal.Entry
	Calls    []journal.Call
}

// Days groups the records by day, oldest first; days with no records are
// left out.
func Days(recs journal.Records) []Day {
	byDay := map[journal.Date]*Day{}
	get := func(d journal.Date) *Day {
		if g, ok := byDay[d]; ok {
			return g
		}
		g := &Day{Day: d}
		byDay[d] = g
		return g
	}
	for i := range recs.Entries {
		e := recs.Entries[i]
		g := get(e.Day)
		switch {
		case e.Kind == journal.KindCheckin && e.Checkin != nil:
			g.Checkin = &e
		case e.Kind == journal.KindCraving && e.Craving != nil:
			g.Cravings = append(g.Cravings, e)
		case e.Kind == journal.KindGuided:
			g.Guided = append(g.Guided, e)
		default:
			g.Notes = append(g.Notes, e)
		}
	}
	for i := range recs.DrinkDays {
		d := recs.DrinkDays[i]
		get(d.Day).Drinks = &d
	}
	for _, c := range recs.Calls {
		g := get(c.Day)
		g.Calls = append(g.Calls, c)
	}
	out := make([]Day, 0, len(byDay))
	for _, g := range byDay {
		for _, l := range [][]journal.Entry{g.Cravings, g.Guided, g.Notes} {
			slices.SortStableFunc(l, func(a, b journal.Entry) int { return a.OccurredAt.Compare(b.OccurredAt) })
		}
		out = append(out, *g)
	}
	slices.SortFunc(out, func(a, b Day) int { return a.Day.DaysSince(b.Day) })
	return out
}

// quiet reports whether the day holds only an alcohol-free record with no
// note: a run of such days reads better as one line.
func (g Day) quiet() bool {
	return g.Drinks != nil && g.Drinks.StandardDrinks == 0 && g.Drinks.Note == "" &&
		g.Checkin == nil && len(g.Cravings)+len(g.Guided)+len(g.Notes)+len(g.Calls) == 0
}

// Compact folds runs of three or more consecutive quiet days into one Day
// with Through set, so a month of steady days does not bury the rest.
func Compact(days []Day) []Day {
	var out []Day
	for i := 0; i < len(days); {
		j := i
		for j+1 < len(days) && days[i].quiet() && days[j+1].quiet() && days[j+1].Day == days[j].Day.AddDays(1) {
			j++
		}
		if j-i >= 2 {
			out = append(out, Day{Day: days[i].Day, Through: days[j].Day, Drinks: days[i].Drinks})
		} else {
			out = append(out, days[i:j+1]...)
		}
		i = j + 1
	}
	return out
}

// Length is the number of calendar days g stands for.
func (g Day) Length() int {
	if g.Through.IsZero() {
		return 1
	}
	return g.Through.DaysSince(g.Day) + 1
}

// strongest is the day's strongest craving: the most intense urge logged,
// or the check-in's answer when that is higher. nil when neither exists.
func (g Day) strongest() *int {
	var best *int
	for _, e := range g.Cravings {
		if best == nil || e.Craving.Intensity > *best {
			v := e.Craving.Intensity
			best = &v
		}
	}
	if g.Checkin != nil && g.Checkin.Checkin.Craving != nil {
		if v := *g.Checkin.Checkin.Craving; best == nil || v > *best {
			best = &v
		}
	}
	return best
}

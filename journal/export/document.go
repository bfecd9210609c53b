package export

import (
	"fmt"
	"slices"
	"strings"
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
	// EachEntry, when set, hands the entries to the JSON export oldest
	// first in place of Records.Entries, so they need not all be held.
	EachEntry func(fn func(journal.Entry) error) error
	// IncludePrivate says private entries were asked for. The number left
	// out otherwise is not here: no shared document carries it.
	IncludePrivate bool
	Summary        Summary
	// Questionnaires are the totals of the questionnaires among Records,
	// for the HTML export's charts (the entries' answers carry them too).
	Questionnaires []QuestionnaireSeries
	// SetTitles names prompt sets for people: "reflect" is shown as its
	// set's title ("After a session"). A set not in it shows its name.
	SetTitles map[string]string
}

// setTitle is the title a guided entry is shown under.
func (doc Document) setTitle(e journal.Entry) string {
	if t := doc.SetTitles[e.PromptSet]; t != "" {
		return t
	}
	if e.PromptSet != "" {
		return e.PromptSet
	}
	return "Guided entry"
}

// days is the document's days, compacted, with sessions only inside the
// window shown (the records also carry sessions outside it that an
// exported entry links to).
func (doc Document) days() []Day {
	all := Days(doc.Records)
	out := all[:0]
	for _, g := range all {
		from, to := doc.Summary.From, doc.Summary.To
		outside := (!from.IsZero() && g.Day.Before(from)) || (!to.IsZero() && g.Day.After(to))
		if outside && len(g.Sessions) > 0 {
			g.Sessions = nil
			if g.empty() {
				continue
			}
		}
		out = append(out, g)
	}
	return Compact(out)
}

// forSession is ", for session N" when a guided entry is linked to a
// session of the document, else "".
func (doc Document) forSession(e journal.Entry) string {
	if e.SessionID == nil {
		return ""
	}
	for _, ses := range doc.Records.Sessions {
		if ses.ID == *e.SessionID && ses.Number > 0 {
			return fmt.Sprintf(", for session %d", ses.Number)
		}
	}
	return ""
}

// linked is the exported guided entries linked to a session, oldest first.
func (doc Document) linked(ses journal.Session) []journal.Entry {
	var out []journal.Entry
	for _, e := range doc.Records.Entries {
		if e.SessionID != nil && *e.SessionID == ses.ID {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b journal.Entry) int { return a.OccurredAt.Compare(b.OccurredAt) })
	return out
}

// sessionFacts is what was recorded of a session, in the reader's words:
// setting, route, and the dose only when the program's figure was
// recorded (never worked out or suggested).
func sessionFacts(ses journal.Session) []string {
	var out []string
	switch ses.Setting {
	case "clinic":
		out = append(out, "at the clinic")
	case "home":
		out = append(out, "at home")
	}
	routes := map[string]string{"oral": "oral", "sublingual": "sublingual", "nasal": "nasal", "im": "intramuscular (IM)", "iv": "intravenous (IV)"}
	if r := routes[ses.Route]; r != "" {
		out = append(out, r)
	}
	if ses.DoseMg != nil {
		out = append(out, journal.FormatNumber(*ses.DoseMg)+" mg as recorded")
	}
	return out
}

// cravingFacts is every detail of a craving beyond intensity, triggers,
// coping and outcome, labelled: what it felt like, where, with whom, how
// long, the thoughts. Empty fields are left out.
func cravingFacts(c *journal.Craving) []string {
	var out []string
	if len(c.Feelings) > 0 {
		out = append(out, "feelings: "+strings.Join(c.Feelings, ", "))
	}
	if c.Where != "" {
		out = append(out, "where: "+c.Where)
	}
	if c.With != "" {
		out = append(out, "with: "+c.With)
	}
	if c.Minutes != nil {
		out = append(out, fmt.Sprintf("lasted %d min", *c.Minutes))
	}
	if c.Thoughts != "" {
		out = append(out, "thoughts: "+c.Thoughts)
	}
	return out
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
	Sessions []journal.Session
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
	for _, ses := range recs.Sessions {
		g := get(ses.Day)
		g.Sessions = append(g.Sessions, ses)
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
		g.Checkin == nil && len(g.Cravings)+len(g.Guided)+len(g.Notes)+len(g.Calls)+len(g.Sessions) == 0
}

// empty reports whether the day holds nothing at all.
func (g Day) empty() bool {
	return g.Drinks == nil && g.Checkin == nil && len(g.Cravings)+len(g.Guided)+len(g.Notes)+len(g.Calls)+len(g.Sessions) == 0
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

// meanCraving is the mean intensity of the day's logged cravings, nil
// when there were none (check-in answers are not cravings logged).
func (g Day) meanCraving() *float64 {
	if len(g.Cravings) == 0 {
		return nil
	}
	sum := 0
	for _, e := range g.Cravings {
		sum += e.Craving.Intensity
	}
	m := float64(sum) / float64(len(g.Cravings))
	return &m
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

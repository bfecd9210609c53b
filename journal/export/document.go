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
	// EachEntry, when set, hands the entries to the writers oldest first
	// (by day, then time) in place of Records.Entries, so they need not all
	// be held: every format then writes each day as its entries come.
	EachEntry func(fn func(journal.Entry) error) error
	// Linked, with EachEntry, is the exported entries linked to a session,
	// oldest first: a session names them before the document reaches them.
	Linked []journal.Entry
	// CravingDays, with EachEntry, is each day's logged cravings among the
	// exported entries (count and sum of intensities), for the HTML chart
	// drawn before the entries.
	CravingDays []stats.CravingDay
	// IncludePrivate says private entries were asked for. The number left
	// out otherwise is not here: no shared document carries it.
	IncludePrivate bool
	Summary        Summary
	// Questionnaires are the totals of the questionnaires among the
	// exported entries, for the HTML export's charts (the entries' answers
	// carry them too), drawn before the entries.
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

// entries hands fn the document's entries grouped by day, oldest day
// first: through EachEntry when set, else from Records.Entries.
func (doc Document) entries(fn func(journal.Entry) error) error {
	if doc.EachEntry != nil {
		return doc.EachEntry(fn)
	}
	es := slices.Clone(doc.Records.Entries)
	slices.SortStableFunc(es, func(a, b journal.Entry) int { return a.Day.DaysSince(b.Day) })
	for _, e := range es {
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

// eachDay hands fn the document's days as Days lists them, oldest first,
// with sessions only inside the window shown (the records also carry
// sessions outside it that an exported entry links to), compacted as
// Compact does. Only one day's entries are held at a time.
func (doc Document) eachDay(fn func(Day) error) error {
	c := compactor{fn: fn}
	from, to := doc.Summary.From, doc.Summary.To
	err := doc.eachRawDay(func(g Day) error {
		outside := (!from.IsZero() && g.Day.Before(from)) || (!to.IsZero() && g.Day.After(to))
		if outside && len(g.Sessions) > 0 {
			g.Sessions = nil
			if g.empty() {
				return nil
			}
		}
		return c.add(g)
	})
	if err != nil {
		return err
	}
	return c.flush()
}

// eachRawDay hands fn the days Days would list, in its order, each as its
// entries have all come.
func (doc Document) eachRawDay(add func(Day) error) error {
	// The records other than entries are walked in day order, a day at a
	// time, as the entries are.
	others := newOtherDays(doc.Records)
	var cur *Day
	// othersBefore hands on the other records' days before a day (all of them
	// for the zero day).
	othersBefore := func(d journal.Date) error {
		for {
			day, ok := others.next()
			if !ok || (!d.IsZero() && !day.Before(d)) {
				return nil
			}
			if err := add(others.take(day)); err != nil {
				return err
			}
		}
	}
	// finish hands on the day gathered so far, with its other records,
	// and the other records' days after it and before the next.
	finish := func(before journal.Date) error {
		if cur != nil {
			g := *cur
			cur = nil
			if err := othersBefore(g.Day); err != nil {
				return err
			}
			if day, ok := others.next(); ok && day == g.Day {
				o := others.take(day)
				g.Drinks, g.Calls, g.Sessions = o.Drinks, o.Calls, o.Sessions
			}
			for _, l := range [][]journal.Entry{g.Cravings, g.Guided, g.Notes} {
				slices.SortStableFunc(l, func(a, b journal.Entry) int { return a.OccurredAt.Compare(b.OccurredAt) })
			}
			if err := add(g); err != nil {
				return err
			}
		}
		return othersBefore(before)
	}
	err := doc.entries(func(e journal.Entry) error {
		if cur == nil || cur.Day != e.Day {
			if err := finish(e.Day); err != nil {
				return err
			}
			cur = &Day{Day: e.Day}
		}
		cur.addEntry(e)
		return nil
	})
	if err != nil {
		return err
	}
	return finish(journal.Date{})
}

// otherDays walks the drinking days, calls and sessions of a document in
// day order, each list sorted by day as it is already (a copy is sorted
// only when it is not), so no day is held before its turn.
type otherDays struct {
	drinks   []journal.DrinkDay
	calls    []journal.Call
	sessions []journal.Session
}

func newOtherDays(recs journal.Records) *otherDays {
	return &otherDays{
		drinks:   byDay(recs.DrinkDays, func(d journal.DrinkDay) journal.Date { return d.Day }),
		calls:    byDay(recs.Calls, func(c journal.Call) journal.Date { return c.Day }),
		sessions: byDay(recs.Sessions, func(s journal.Session) journal.Date { return s.Day }),
	}
}

// byDay is l in day order, keeping the order of records on the same day.
func byDay[T any](l []T, day func(T) journal.Date) []T {
	cmp := func(a, b T) int { return day(a).DaysSince(day(b)) }
	if slices.IsSortedFunc(l, cmp) {
		return l
	}
	l = slices.Clone(l)
	slices.SortStableFunc(l, cmp)
	return l
}

// next is the first day not taken yet; ok is false when none is left.
func (o *otherDays) next() (d journal.Date, ok bool) {
	if len(o.drinks) > 0 {
		d, ok = o.drinks[0].Day, true
	}
	if len(o.calls) > 0 && (!ok || o.calls[0].Day.Before(d)) {
		d, ok = o.calls[0].Day, true
	}
	if len(o.sessions) > 0 && (!ok || o.sessions[0].Day.Before(d)) {
		d, ok = o.sessions[0].Day, true
	}
	return d, ok
}

// take gathers the records of day d, the first day not taken yet, as Days
// does: the last drinking day of the day, every call and session.
func (o *otherDays) take(d journal.Date) Day {
	g := Day{Day: d}
	for len(o.drinks) > 0 && o.drinks[0].Day == d {
		g.Drinks = &o.drinks[0]
		o.drinks = o.drinks[1:]
	}
	for len(o.calls) > 0 && o.calls[0].Day == d {
		g.Calls = append(g.Calls, o.calls[0])
		o.calls = o.calls[1:]
	}
	for len(o.sessions) > 0 && o.sessions[0].Day == d {
		g.Sessions = append(g.Sessions, o.sessions[0])
		o.sessions = o.sessions[1:]
	}
	return g
}

// addEntry files an entry under its part of the day, as Days does.
func (g *Day) addEntry(e journal.Entry) {
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

// compactor is Compact for days handed on one at a time: it holds back a
// run of quiet days (the first two and the last) until it ends.
type compactor struct {
	fn    func(Day) error
	first [2]Day
	last  Day
	n     int
}

func (c *compactor) add(g Day) error {
	if c.n > 0 && g.quiet() && g.Day == c.last.Day.AddDays(1) {
		if c.n < 2 {
			c.first[c.n] = g
		}
		c.last = g
		c.n++
		return nil
	}
	if err := c.flush(); err != nil {
		return err
	}
	if !g.quiet() {
		return c.fn(g)
	}
	c.first[0], c.last, c.n = g, g, 1
	return nil
}

// flush hands on the run held back: one Day when it is three days or more.
func (c *compactor) flush() error {
	n := c.n
	c.n = 0
	if n >= 3 {
		return c.fn(Day{Day: c.first[0].Day, Through: c.last.Day, Drinks: c.first[0].Drinks})
	}
	for _, g := range c.first[:n] {
		if err := c.fn(g); err != nil {
			return err
		}
	}
	return nil
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
	all := doc.Records.Entries
	if doc.EachEntry != nil {
		all = doc.Linked
	}
	for _, e := range all {
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
	for _, e := range recs.Entries {
		get(e.Day).addEntry(e)
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

// Package report builds the one page a person shares with their coach:
// the period since the last call, the drinking measures beside the period
// before, cravings, what helped, sessions and what to bring to the call,
// and the days without a check-in. Build is pure; Text, Markdown and HTML
// write the result. Private entries never reach Build: storage leaves
// them out, so nothing here has to remember to.
package report

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"journal/journal"
	"journal/journal/stats"
)

// CoachKey is the answer key of "What would you like to bring to your
// coach?" in the built-in reflection, and in any prompt set that reuses it.
const CoachKey = "coach"

// highlights are the answers, besides CoachKey, a report quotes from a
// built-in prompt set: the intention, the small step, what changed.
func highlights(set string) []string {
	switch set {
	case "intention":
		return []string{"hope"}
	case "reflection":
		return []string{"action"}
	case "integration":
		return []string{"changed", "unresolved"}
	}
	return nil
}

// SessionInput is a session in the period with its shared entries.
type SessionInput struct {
	Session journal.Session
	Entries []journal.Entry // linked to the session, not private, oldest first
}

// Input is what Build needs; all of it already leaves private entries out.
type Input struct {
	Current  stats.Report // the period
	Previous stats.Report // the same number of days just before it
	Basis    Basis
	// Today is the day the report is made: a check-in is missing only on
	// a day that has ended.
	Today journal.Date
	// Drinks are the recorded days (they may reach beyond the period).
	Drinks []stats.DrinkDay
	// Sessions in the period, by date.
	Sessions []SessionInput
	// Guided entries written in the period, oldest first: their answers
	// for the coach are quoted when their session is not in the period.
	Guided []journal.Entry
	// CheckinDays are the days of the period with a check-in, sorted.
	CheckinDays []journal.Date
	// CallDays are the days of the period with a coaching call, sorted.
	CallDays []journal.Date
}

// Report is the page, its words worked out once for every format.
type Report struct {
	Title    string       `json:"title"`
	From     journal.Date `json:"from"`
	To       journal.Date `json:"to"`
	Days     int          `json:"days"`
	Period   string       `json:"period"` // "Wed 18 Nov 2026 to Wed 25 Nov 2026 (8 days)"
	Basis    string       `json:"basis"`  // how the period was chosen
	PrevFrom journal.Date `json:"prev_from"`
	PrevTo   journal.Date `json:"prev_to"`
	Compared string       `json:"compared"` // what the changes are measured against
	// HasEarlier is false when the previous period has no recorded days:
	// every change then reads "no earlier data".
	HasEarlier bool `json:"has_earlier"`

	Drinking     []Measure `json:"drinking"`
	DrinkingNote string    `json:"drinking_note"` // set when nothing was recorded
	Cravings     Cravings  `json:"cravings"`
	Triggers     []string  `json:"triggers"` // "stress (4)"
	Coping       []Coping  `json:"coping"`
	Sessions     []Session `json:"sessions"`
	CoachNotes   []Note    `json:"coach_notes"` // for the coach, not tied to a session in the period
	Checkins     Checkins  `json:"checkins"`
	Daily        []Day     `json:"daily"`
	Heavy        float64   `json:"heavy_threshold"` // the heavy-day level in standard drinks
	// HeavyGrams and DrinkGrams are what the figures were computed with:
	// the heavy-day level and the standard drink, in grams of alcohol.
	HeavyGrams float64 `json:"heavy_day_grams"`
	DrinkGrams float64 `json:"standard_drink_grams"`
	// Measured says it in words, under the drinking table.
	Measured       string         `json:"measured"`
	CallDays       []journal.Date `json:"call_days"`       // coaching calls in the period, marked on the charts
	PrivateOmitted string         `json:"private_omitted"` // the sentence that says so
	// Questionnaires are PHQ-9, GAD-7 and PCL-5 scores of the period, and
	// Safety the plain statement of the days PHQ-9 question 9 was answered
	// above 0 ("" when none).
	Questionnaires []Questionnaire `json:"questionnaires"`
	Safety         string          `json:"safety"`
}

// Measure is one line of the drinking table.
type Measure struct {
	Key    string `json:"key"`
	Label  string `json:"label"`
	Now    string `json:"now"`
	Before string `json:"before"` // "–" when there is nothing to show
	Change string `json:"change"` // in words; "" when a change would mislead
}

// Cravings sums up the cravings of the period.
type Cravings struct {
	Count  int    `json:"count"`
	Mean   string `json:"mean"`   // "5.2", "" when none
	Max    string `json:"max"`    // "8", "" when none
	Trend  string `json:"trend"`  // in words
	Before string `json:"before"` // the previous period in words
}

// Coping is what helped: a strategy used at least stats.MinCopingUses times.
type Coping struct {
	Strategy string `json:"strategy"`
	Uses     int    `json:"uses"`
	// WithOutcome is how many uses have a logged outcome, the base of Resisted.
	WithOutcome int    `json:"with_outcome"`
	Resisted    string `json:"resisted"` // "resisted 3 of 4 with an outcome (75%)", or "outcome not logged"
}

// Session is a session in the period and what was written around it.
type Session struct {
	Number   int          `json:"number"`
	Day      journal.Date `json:"day"`
	Heading  string       `json:"heading"` // "Session 3 · Fri 20 Nov 2026 · clinic, sublingual"
	Note     string       `json:"note"`
	Around   []string     `json:"around"` // the 7 days before and after, in words
	ForCoach []Note       `json:"for_coach"`
	Quotes   []Quote      `json:"quotes"`
}

// Note is an answer for the coach and the day it was written.
type Note struct {
	Day  journal.Date `json:"day"`
	Text string       `json:"text"`
}

// Quote is a question as it was asked and its answer.
type Quote struct {
	Question string `json:"question"`
	Answer   string `json:"answer"`
}

// Checkins says on which days of the period a check-in is missing.
type Checkins struct {
	Count   int        `json:"count"`   // days with a check-in
	Days    int        `json:"days"`    // days that have ended, and today once checked in
	Missing []DayRange `json:"missing"` // runs of ended days without one
	Mood    string     `json:"mood"`    // "6.5 of 10", "" when not answered
	Sleep   string     `json:"sleep"`   // "7 hours a night", ""
}

// MissingDays is how many ended days have no check-in.
func (c Checkins) MissingDays() int {
	n := 0
	for _, r := range c.Missing {
		n += r.Days()
	}
	return n
}

// Day is one day of the period for the charts.
type Day struct {
	Day      journal.Date `json:"day"`
	Drinks   *float64     `json:"drinks"`   // nil when not recorded
	Cravings int          `json:"cravings"` // how many
	Craving  float64      `json:"craving"`  // mean intensity, 0 when none
}

const (
	noEarlier = "no earlier data"
	// minDaysForShare is how many recorded days a percentage needs, as in
	// `journal stats`.
	minDaysForShare = 3
	// steadyBelow is the weekly change in intensity under which a craving
	// trend reads as steady.
	steadyBelow = 0.1
)

// Build works out the report from its input. It is pure.
func Build(in Input) Report {
	cur, prev := in.Current, in.Previous
	r := Report{
		Title:      "Report for your coach",
		From:       cur.Range.From,
		To:         cur.Range.To,
		Days:       cur.Range.DaysInRange,
		PrevFrom:   prev.Range.From,
		PrevTo:     prev.Range.To,
		HasEarlier: prev.Drinking.DaysRecorded > 0,
		Heavy:      cur.Drinking.HeavyDayDrinks,
		HeavyGrams: cur.Drinking.HeavyDayGrams,
		DrinkGrams: cur.Drinking.StandardDrinkGrams,
		Measured:   Measured(cur.Drinking),
		Triggers:   []string{},
		Coping:     []Coping{},
		Sessions:   []Session{},
		CoachNotes: []Note{},
		PrivateOmitted: "Entries marked private are not in this report, " +
			"and are not counted in it.",
	}
	r.Period = fmt.Sprintf("%s to %s (%s)", LongDate(r.From), LongDate(r.To), journal.Plural(r.Days, "day", "days"))
	if r.From == r.To {
		r.Period = LongDate(r.From) + " (1 day)"
	}
	switch in.Basis {
	case BasisLastCall:
		r.Basis = "Since the coaching call on " + LongDate(r.From) + "."
	case BasisNoCall:
		r.Basis = fmt.Sprintf("No coaching call logged yet, so this covers the last %s.", journal.Plural(r.Days, "day", "days"))
	default:
		r.Basis = "The period asked for."
	}
	r.Compared = fmt.Sprintf("Changes compare with the %s before: %s to %s.",
		journal.Plural(r.Days, "day", "days"), LongDate(r.PrevFrom), LongDate(r.PrevTo))
	if r.Days == 1 {
		r.Compared = "Changes compare with the day before, " + LongDate(r.PrevFrom) + "."
	}
	r.Drinking = drinking(cur.Drinking, prev.Drinking)
	if cur.Drinking.DaysRecorded == 0 {
		r.DrinkingNote = "No days recorded in this period yet."
	}
	r.Cravings = cravings(cur.Cravings, prev.Cravings)
	for _, t := range cur.Cravings.TopTriggers {
		r.Triggers = append(r.Triggers, fmt.Sprintf("%s (%d)", journal.CleanLine(t.Trigger), t.Count))
	}
	for _, c := range cur.Cravings.Coping {
		item := Coping{Strategy: journal.CleanLine(c.Strategy), Uses: c.Uses, WithOutcome: c.Known, Resisted: c.ResistedWords()}
		r.Coping = append(r.Coping, item)
	}
	r.Sessions, r.CoachNotes = sessions(in, cur)
	r.Checkins = checkins(in, cur)
	r.Daily = daily(in, cur)
	r.CallDays = []journal.Date{}
	for _, d := range in.CallDays {
		if !d.Before(r.From) && !d.After(r.To) {
			r.CallDays = append(r.CallDays, d)
		}
	}
	r.Questionnaires, r.Safety = questionnaires(cur)
	return r
}

func drinking(cur, prev stats.Drinking) []Measure {
	earlier := prev.DaysRecorded > 0
	var out []Measure
	add := func(key, label, now, before, change string) {
		switch {
		case !earlier:
			before, change = "–", noEarlier
		case cur.DaysRecorded == 0 && key != "days_recorded":
			change = "" // nothing to compare yet
		}
		out = append(out, Measure{Key: key, Label: label, Now: now, Before: before, Change: change})
	}
	share := func(d stats.Drinking, n int) string {
		s := fmt.Sprintf("%d of %d recorded", n, d.DaysRecorded)
		if d.DaysRecorded >= minDaysForShare {
			s += fmt.Sprintf(" (%s%%)", num1(stats.Percent(n, d.DaysRecorded)))
		}
		return s
	}
	// Of every day in the period, as trials report it: a day without a
	// record counts as not alcohol-free.
	ofRange := func(d stats.Drinking) string {
		s := fmt.Sprintf("%d of %s", d.DaysAbstinent, journal.Plural(d.DaysInRange, "day", "days"))
		if d.PercentDaysAbstinentOfRange != nil {
			s += fmt.Sprintf(" (%s%%)", num1(*d.PercentDaysAbstinentOfRange))
		}
		return s
	}
	recorded := func(d stats.Drinking) string {
		if d.DaysRecorded == 0 {
			return "none recorded"
		}
		return ""
	}
	or := func(a, b string) string {
		if a != "" {
			return a
		}
		return b
	}

	// Alcohol-free days lead, as a share of the days recorded: with
	// different coverage, counts alone would mislead.
	shareChange := ""
	switch {
	case cur.DaysRecorded < minDaysForShare || prev.DaysRecorded < minDaysForShare:
		shareChange = "too few days recorded to compare"
	default:
		shareChange = points(*cur.PercentDaysAbstinent - *prev.PercentDaysAbstinent)
	}
	add("alcohol_free_days", "Alcohol-free days",
		or(recorded(cur), share(cur, cur.DaysAbstinent)), or(recorded(prev), share(prev, prev.DaysAbstinent)), shareChange)
	ofRangeChange := ""
	if cur.PercentDaysAbstinentOfRange != nil && prev.PercentDaysAbstinentOfRange != nil {
		ofRangeChange = points(*cur.PercentDaysAbstinentOfRange - *prev.PercentDaysAbstinentOfRange)
	}
	add("alcohol_free_days_of_range", "Alcohol-free, of all days", ofRange(cur), ofRange(prev), ofRangeChange)
	add("drinking_days", "Drinking days",
		or(recorded(cur), share(cur, cur.DrinkingDays)), or(recorded(prev), share(prev, prev.DrinkingDays)),
		count(cur.DrinkingDays-prev.DrinkingDays, "day", "days"))
	add("heavy_drinking_days", fmt.Sprintf("Heavy days (%s+ drinks)", num(cur.HeavyDayDrinks)),
		or(recorded(cur), share(cur, cur.HeavyDrinkingDays)), or(recorded(prev), share(prev, prev.HeavyDrinkingDays)),
		count(cur.HeavyDrinkingDays-prev.HeavyDrinkingDays, "day", "days"))

	perDay := func(d stats.Drinking) string {
		if d.DrinksPerDrinkingDay == nil {
			return "no drinking days"
		}
		return num(*d.DrinksPerDrinkingDay)
	}
	perDayChange := ""
	if cur.DrinksPerDrinkingDay != nil && prev.DrinksPerDrinkingDay != nil {
		perDayChange = amount(*cur.DrinksPerDrinkingDay - *prev.DrinksPerDrinkingDay)
	}
	add("drinks_per_drinking_day", "Drinks per drinking day", perDay(cur), perDay(prev), perDayChange)

	streak := func(d stats.Drinking) string {
		if d.CurrentStreakDays == 0 {
			return "–"
		}
		s := journal.Plural(d.CurrentStreakDays, "day", "days")
		if d.StreakFromStart {
			s += ", from before the period"
		}
		return s
	}
	// The current streak has no change: the earlier one is the streak as
	// it stood at the end of that period, shown for context only.
	add("current_streak_days", "Current alcohol-free run", streak(cur), streak(prev), "")
	longest := func(d stats.Drinking) string {
		if d.LongestStreakDays == 0 {
			return "–"
		}
		return journal.Plural(d.LongestStreakDays, "day", "days")
	}
	add("longest_streak_days", "Longest alcohol-free run", longest(cur), longest(prev),
		count(cur.LongestStreakDays-prev.LongestStreakDays, "day", "days"))
	coverage := func(d stats.Drinking) string {
		s := fmt.Sprintf("%d of %d", d.DaysRecorded, d.DaysInRange)
		if d.DaysUnrecorded > 0 {
			s += fmt.Sprintf(", %d unrecorded", d.DaysUnrecorded)
		}
		return s
	}
	add("days_recorded", "Days recorded", coverage(cur), coverage(prev),
		count(cur.DaysRecorded-prev.DaysRecorded, "day", "days"))
	add("days_backfilled", "Recalled later", journal.Plural(cur.DaysBackfilled, "day", "days"), journal.Plural(prev.DaysBackfilled, "day", "days"),
		count(cur.DaysBackfilled-prev.DaysBackfilled, "day", "days"))
	return out
}

// Measured says what a drinking summary was computed with, in one line:
// "A heavy drinking day is 56 g of alcohol or more: 4 standard drinks of 14 g."
func Measured(d stats.Drinking) string {
	return fmt.Sprintf("A heavy drinking day is %s g of alcohol or more: %s of %s g.",
		num(d.HeavyDayGrams), plural2(d.HeavyDayDrinks, "standard drink", "standard drinks"), num(d.StandardDrinkGrams))
}

func plural2(n float64, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return num(n) + " " + many
}

// points words a change in a percentage: "up 12.5 points".
func points(d float64) string {
	switch {
	case math.Abs(d) < 0.05:
		return "the same"
	case d > 0:
		return "up " + num1(d) + " points"
	}
	return "down " + num1(-d) + " points"
}

// count words a change in a count: "2 more days", "1 fewer day".
func count(d int, one, many string) string {
	switch {
	case d == 0:
		return "the same"
	case d > 0:
		return fmt.Sprintf("%d more %s", d, pick(d, one, many))
	}
	return fmt.Sprintf("%d fewer %s", -d, pick(-d, one, many))
}

// amount words a change in an amount: "up 0.5", "down 1".
func amount(d float64) string {
	switch {
	case math.Abs(d) < 0.005:
		return "the same"
	case d > 0:
		return "up " + num(d)
	}
	return "down " + num(-d)
}

func pick(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func cravings(cur, prev stats.Cravings) Cravings {
	c := Cravings{Count: cur.Count}
	if cur.MeanIntensity != nil {
		c.Mean, c.Max = num1(*cur.MeanIntensity), fmt.Sprint(*cur.MaxIntensity)
	}
	switch t := cur.TrendPerWeek; {
	case cur.Count == 0:
		c.Trend = "No cravings logged in this period."
	case t == nil:
		c.Trend = "Not enough data for a trend yet (it needs cravings in two or more weeks)."
	case math.Abs(*t) < steadyBelow:
		c.Trend = fmt.Sprintf("Steady over %s with cravings.", journal.Plural(cur.WeeksWithCravings, "week", "weeks"))
	case *t < 0:
		c.Trend = fmt.Sprintf("Easing: intensity down by %s a week on average, over %s with cravings.",
			num1(-*t), journal.Plural(cur.WeeksWithCravings, "week", "weeks"))
	default:
		c.Trend = fmt.Sprintf("Rising: intensity up by %s a week on average, over %s with cravings.",
			num1(*t), journal.Plural(cur.WeeksWithCravings, "week", "weeks"))
	}
	switch {
	case prev.Count == 0:
		c.Before = "None logged in the period before."
	default:
		c.Before = fmt.Sprintf("The period before: %s, mean intensity %s.",
			journal.Plural(prev.Count, "craving", "cravings"), num1(*prev.MeanIntensity))
	}
	return c
}

func sessions(in Input, cur stats.Report) ([]Session, []Note) {
	out := []Session{}
	inPeriod := map[int64]bool{}
	for _, si := range in.Sessions {
		s := si.Session
		inPeriod[s.ID] = true
		item := Session{Number: s.Number, Day: s.Day, Note: strings.TrimSpace(journal.CleanText(s.Note)), ForCoach: []Note{}, Quotes: []Quote{}}
		item.Heading = fmt.Sprintf("Session %d · %s", s.Number, LongDate(s.Day))
		var how []string
		for _, v := range []string{s.Setting, s.Route} {
			if v != "" {
				how = append(how, journal.CleanLine(v))
			}
		}
		if len(how) > 0 {
			item.Heading += " · " + strings.Join(how, ", ")
		}
		for _, st := range cur.Sessions {
			if st.Number == s.Number {
				item.Around = around(st, in.Today)
			}
		}
		for _, e := range si.Entries {
			keys := highlights(e.PromptSet)
			for _, a := range e.Answers {
				// The person's words, cleaned once for every format.
				text := strings.TrimSpace(journal.CleanText(a.Answer))
				switch {
				case text == "":
				case a.Key == CoachKey:
					item.ForCoach = append(item.ForCoach, Note{Day: e.Day, Text: text})
				case slices.Contains(keys, a.Key):
					item.Quotes = append(item.Quotes, Quote{Question: journal.CleanLine(a.Question), Answer: text})
				}
			}
		}
		out = append(out, item)
	}
	notes := []Note{}
	for _, e := range in.Guided {
		if e.SessionID != nil && inPeriod[*e.SessionID] {
			continue
		}
		for _, a := range e.Answers {
			if text := strings.TrimSpace(journal.CleanText(a.Answer)); a.Key == CoachKey && text != "" {
				notes = append(notes, Note{Day: e.Day, Text: text})
			}
		}
	}
	return out, notes
}

// around words the 7 days either side of a session; days after that have
// not come yet are not called unrecorded.
func around(s stats.Session, today journal.Date) []string {
	side := func(name string, p stats.Period) string {
		parts := []string{}
		if p.DaysRecorded == 0 {
			parts = append(parts, "no drinking days recorded")
		} else {
			parts = append(parts, fmt.Sprintf("%s of %d recorded", journal.Plural(p.DrinkingDays, "drinking day", "drinking days"), p.DaysRecorded))
		}
		if p.CravingMean == nil {
			parts = append(parts, "no cravings logged")
		} else {
			parts = append(parts, fmt.Sprintf("%s, mean %s", journal.Plural(p.Cravings, "craving", "cravings"), num1(*p.CravingMean)))
		}
		return name + ": " + strings.Join(parts, "; ")
	}
	// Each side stops short of the neighbouring sessions: say how many
	// days it holds.
	out := []string{side(journal.Plural(s.Before.Days, "day", "days")+" before", s.Before)}
	if s.Day.Before(today) && s.After.Days > 0 {
		out = append(out, side(journal.Plural(s.After.Days, "day", "days")+" after", s.After))
	}
	return out
}

func checkins(in Input, cur stats.Report) Checkins {
	c := Checkins{Missing: []DayRange{}}
	if cur.Checkins.MeanMood != nil {
		c.Mood = num1(*cur.Checkins.MeanMood) + " of 10"
	}
	if cur.Checkins.MeanSleepHours != nil {
		c.Sleep = num1(*cur.Checkins.MeanSleepHours) + " hours a night"
	}
	have := map[journal.Date]bool{}
	for _, d := range in.CheckinDays {
		have[d] = true
	}
	var missing []journal.Date
	for d := cur.Range.From; !d.After(cur.Range.To); d = d.AddDays(1) {
		ended := in.Today.IsZero() || d.Before(in.Today)
		switch {
		case have[d]:
			c.Count++
			c.Days++
		case ended:
			c.Days++
			missing = append(missing, d)
		}
	}
	c.Missing = append(c.Missing, runs(missing)...)
	return c
}

func daily(in Input, cur stats.Report) []Day {
	out := make([]Day, 0, cur.Range.DaysInRange)
	for d := cur.Range.From; !d.After(cur.Range.To); d = d.AddDays(1) {
		out = append(out, Day{Day: d})
	}
	for _, d := range in.Drinks {
		if i := d.Day.DaysSince(cur.Range.From); i >= 0 && i < len(out) {
			v := d.Drinks
			out[i].Drinks = &v
		}
	}
	for _, c := range cur.Cravings.Daily {
		if i := c.Day.DaysSince(cur.Range.From); i >= 0 && i < len(out) {
			out[i].Cravings, out[i].Craving = c.Count, c.Mean
		}
	}
	return out
}

// Package demo makes a realistic synthetic journal: what a few months
// between ketamine sessions could look like, so a new user can try stats,
// calendar, list and search at once. The same generator, with a long span,
// feeds the benchmarks.
package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"journal/journal"
)

// Options shape a demo journal.
type Options struct {
	Days int       // how many days, ending on End
	Seed uint64    // the same seed gives the same journal
	End  time.Time // the last day, and the clock for stamps; its location is used
	// Busy makes a heavier journal for speed tests: about twice the
	// cravings and a note nearly every day.
	Busy bool
	// Measures are the questionnaires to fill in a series of, easing after
	// the sessions; none when empty.
	Measures []Measure
}

// Measure is a questionnaire for the demo: its name, usual level before
// any session, and how to answer it to a total (the entry's answers, as
// the questionnaire words them).
type Measure struct {
	Name    string
	Start   int
	Answers func(total int) []journal.Answer
}

// Generate builds the records of a demo journal. Patterns a coach would
// recognise: cravings mostly in the evening, stress and social triggers,
// drinking easing and cravings softening after the first session, weekly
// coaching calls, and some days never recorded or recorded later.
func Generate(o Options) journal.Records {
	g := &gen{
		rnd:  rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15)),
		busy: o.Busy,
		loc:  o.End.Location(),
		now:  o.End,
	}
	end := journal.DateOf(o.End)
	start := end.AddDays(-(o.Days - 1))
	g.sessions(start, o.Days)
	for i := 0; i < o.Days; i++ {
		g.day(start.AddDays(i))
	}
	// Last, so that a seed gives the same days with or without them.
	g.measures(start, end, o.Measures)
	return g.recs
}

// measures fills in each questionnaire every two weeks, the day before
// each session and a week after it, at a level that eases as cravings do.
func (g *gen) measures(start, end journal.Date, ms []Measure) {
	days := map[journal.Date]bool{}
	for d := start; !d.After(end); d = d.AddDays(14) {
		days[d] = true
	}
	for _, s := range g.sessDays {
		days[s.AddDays(-1)], days[s.AddDays(7)] = true, true
	}
	var list []journal.Date
	for d := range days {
		if !d.Before(start) && !d.After(end) {
			list = append(list, d)
		}
	}
	slices.SortFunc(list, func(a, b journal.Date) int { return a.DaysSince(b) })
	for _, m := range ms {
		for i, d := range list {
			// A little up and down from one time to the next, as real
			// scores have.
			wiggle := []int{0, 1, -1, 2, 0, -2}[i%6]
			total := max(0, int(math.Round(float64(m.Start)*(1-1.3*g.relief(d))))+wiggle)
			at := g.at(d, 9, 30)
			g.add(journal.Entry{
				UUID: g.id(), Kind: journal.KindGuided, Day: d, OccurredAt: at, PromptSet: m.Name,
				Tags: []string{}, Answers: m.Answers(total), CreatedAt: at, UpdatedAt: at,
			})
		}
	}
}

type gen struct {
	rnd      *rand.Rand
	loc      *time.Location
	now      time.Time
	recs     journal.Records
	sessDays []journal.Date
	busy     bool
}

// at is a moment on day d at hour h and minute m, local.
func (g *gen) at(d journal.Date, h, m int) time.Time {
	return journal.LocalTime(d.Year, d.Month, d.Day, h, m, 0, g.loc)
}

// id is a version 4 uuid drawn from the seeded source, so a seed always
// gives the same journal.
func (g *gen) id() string {
	b := make([]byte, 16)
	for i := range b {
		b[i] = byte(g.rnd.UintN(256))
	}
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// sessions places the first session about three weeks before the end of a
// short journal (so the default 30-day stats show before and after), two
// fifths of the way into a long one, and one every ~8 weeks after it.
func (g *gen) sessions(start journal.Date, days int) {
	first := days * 2 / 5
	if days <= 120 {
		first = max(days/2, days-22)
	}
	for d, n := first, 1; d < days; d, n = d+56, n+1 {
		day := start.AddDays(d)
		g.sessDays = append(g.sessDays, day)
		setting := "clinic"
		if n%3 == 0 {
			setting = "home"
		}
		stampAt := g.at(day.AddDays(-7), 10, 0)
		g.recs.Sessions = append(g.recs.Sessions, journal.Session{
			Number: n, ID: int64(n), UUID: g.id(), Day: day, Setting: setting,
			Note: "Session " + fmt.Sprint(n), CreatedAt: stampAt, UpdatedAt: stampAt,
		})
	}
}

// relief is how much cravings have eased on day d: 0 before any session,
// then easing over the first weeks after one, a little more with each.
func (g *gen) relief(d journal.Date) float64 {
	last := -1
	for i, s := range g.sessDays {
		if !d.Before(s) {
			last = i
		}
	}
	if last < 0 {
		return 0
	}
	since := d.DaysSince(g.sessDays[last])
	ceiling := math.Min(0.65, 0.4+0.1*float64(last))
	return ceiling * (1 - 0.6*math.Exp(-float64(since)/7))
}

var (
	triggers = []string{"stress", "work", "social", "boredom", "loneliness", "tired", "argument", "payday", "tv ad", "friday feeling"}
	weights  = []int{9, 7, 6, 5, 4, 4, 3, 2, 1, 2}
	copings  = []string{"walk", "called a friend", "tea", "breathing", "urge surfing", "shower", "left the situation", "music"}
	helpful  = map[string]float64{"walk": 0.85, "called a friend": 0.9, "tea": 0.6, "breathing": 0.75, "urge surfing": 0.8, "shower": 0.55, "left the situation": 0.85, "music": 0.5}
	places   = []string{"home", "work", "the pub on the corner", "supermarket", "friend's place"}
	notes    = []string{
		"Slept better than I have in weeks. The morning felt lighter.",
		"Hard evening. Sat with the urge for twenty minutes and it passed.",
		"Long walk by the river after work. Noticed the trees turning.",
		"Talked to my sister about the sessions. She listened.",
		"Work was a lot today. I made tea instead of opening a bottle.",
		"Felt lonely tonight. Wrote this instead of going out.",
		"Cooked a proper dinner. Small win.",
		"The music from the session came back to me on the bus.",
		"Old thoughts about not being enough. Noticed them, let them be.",
		"Friday drinks invitation. Said I'd come for an hour and had soda.",
		"Tired and short with people. Going to bed early.",
		"Grateful for the quiet this morning.",
	}
)

// add keeps an entry unless it would lie in the future: today is only
// filled up to now.
func (g *gen) add(e journal.Entry) {
	if !e.OccurredAt.After(g.now) {
		g.recs.Entries = append(g.recs.Entries, e)
	}
}

func (g *gen) pick(list []string) string { return list[g.rnd.IntN(len(list))] }

func (g *gen) trigger() string {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := g.rnd.IntN(total)
	for i, w := range weights {
		if n < w {
			return triggers[i]
		}
		n -= w
	}
	return triggers[0]
}

func (g *gen) day(d journal.Date) {
	relief := g.relief(d)
	weekend := d.Weekday() == time.Friday || d.Weekday() == time.Saturday

	// Cravings: 1–4 a day before the first session, fewer and softer after.
	n := 1 + g.rnd.IntN(4)
	if relief > 0 {
		n = g.rnd.IntN(3 + int(3*(1-relief)))
	}
	if weekend {
		n++
	}
	if g.busy {
		n = 2*n + 1
	}
	// Drinking is decided first: about half the days before any session,
	// far fewer as the sessions' help builds, a little more at weekends.
	pDrink := 0.4 * (1 - 1.3*relief)
	if weekend {
		pDrink += 0.12
	}
	usedToday := g.rnd.Float64() < pDrink
	if usedToday && n == 0 {
		n = 1
	}
	maxCraving := -1
	for k := 0; k < n; k++ {
		hour := 17 + g.rnd.IntN(6) // evenings
		if g.rnd.Float64() < 0.25 {
			hour = 8 + g.rnd.IntN(9)
		}
		intensity := int(math.Round(6*(1-relief) + g.rnd.NormFloat64()*1.5 + 1))
		intensity = max(0, min(10, intensity))
		maxCraving = max(maxCraving, intensity)
		c := journal.Craving{Intensity: intensity, Triggers: []string{g.trigger()}}
		if g.rnd.Float64() < 0.4 {
			c.Triggers = append(c.Triggers, g.trigger())
		}
		if g.rnd.Float64() < 0.5 {
			c.Feelings = []string{g.pick(journal.HALT)}
		}
		if g.rnd.Float64() < 0.6 {
			c.Where = g.pick(places)
		}
		if g.rnd.Float64() < 0.85 {
			c.Coping = []string{g.pick(copings)}
		}
		switch {
		case usedToday && k == n-1: // the day's last craving is the one acted on
			c.Outcome = journal.OutcomeUsed
		case g.rnd.Float64() < 0.1: // outcome not said
		case len(c.Coping) > 0 && g.rnd.Float64() < (1-helpful[c.Coping[0]])*(1-relief)*0.3:
			c.Outcome = journal.OutcomeUsed
			usedToday = true
		default:
			c.Outcome = journal.OutcomeResisted
		}
		mins := 5 + g.rnd.IntN(40)
		c.Minutes = &mins
		c.Normalize()
		at := g.at(d, hour, g.rnd.IntN(60))
		g.add(journal.Entry{
			UUID: g.id(), Kind: journal.KindCraving, Day: d, OccurredAt: at,
			Tags: []string{}, Answers: []journal.Answer{}, Craving: &c, CreatedAt: at, UpdatedAt: at,
		})
	}

	// Drinks: most days recorded; drinking when a craving was acted on, and
	// sometimes at weekends; heavy days mostly before the first session.
	var drinks float64
	if usedToday {
		drinks = float64(1 + g.rnd.IntN(3))
		if g.rnd.Float64() < 0.6*(1-relief) {
			drinks = float64(4 + g.rnd.IntN(5))
		}
		if g.rnd.Float64() < 0.2 {
			drinks += 0.5
		}
	}
	recorded := g.rnd.Float64() > 0.08
	if recorded {
		first := g.at(d, 22, 15)
		backfilled := false
		if g.rnd.Float64() < 0.15 { // remembered a day or three later
			first = g.at(d.AddDays(1+g.rnd.IntN(3)), 9, 0)
			if first.After(g.now) {
				first = g.at(d, 22, 15)
			} else {
				backfilled = true
			}
		}
		if first.After(g.now) {
			first = g.now
		}
		g.recs.DrinkDays = append(g.recs.DrinkDays, journal.DrinkDay{
			Day: d, UUID: g.id(), StandardDrinks: drinks, FirstRecordedAt: first, Backfilled: backfilled, UpdatedAt: first,
		})
	}

	// Check-in on most recorded days.
	if recorded && g.rnd.Float64() < 0.8 {
		mood := max(1, min(10, int(math.Round(4.5+3*relief+g.rnd.NormFloat64()-drinks/4))))
		sleep := math.Round((6.5+relief+g.rnd.NormFloat64()*0.8-drinks/6)*2) / 2
		sleep = max(3, min(10, sleep))
		ci := journal.Checkin{Mood: &mood, SleepHours: &sleep, Drinks: &drinks}
		if maxCraving >= 0 {
			ci.Craving = &maxCraving
		}
		at := g.at(d, 21, 30)
		g.add(journal.Entry{
			UUID: g.id(), Kind: journal.KindCheckin, Day: d, OccurredAt: at,
			Tags: []string{}, Answers: []journal.Answer{}, Checkin: &ci, CreatedAt: at, UpdatedAt: at,
		})
	}

	// A free note every few days; now and then a private one.
	if g.busy || g.rnd.Float64() < 0.35 {
		at := g.at(d, 7+g.rnd.IntN(15), g.rnd.IntN(60))
		body := g.pick(notes)
		tags := []string{}
		if g.rnd.Float64() < 0.3 {
			tags = append(tags, "gratitude")
		}
		g.add(journal.Entry{
			UUID: g.id(), Kind: journal.KindNote, Day: d, OccurredAt: at, Body: body,
			Tags: tags, Answers: []journal.Answer{}, Private: g.rnd.Float64() < 0.1, CreatedAt: at, UpdatedAt: at,
		})
	}

	// Guided entries around each session.
	for si, sd := range g.sessDays {
		sessionID := int64(si + 1)
		switch d.DaysSince(sd) {
		case -1:
			g.guided(d, 20, "intention", sessionID, intentionAnswers)
		case 0:
			g.guided(d, 19, "reflection", sessionID, reflectionAnswers)
		case 4:
			g.guided(d, 18, "integration", sessionID, integrationAnswers)
		}
	}

	// Weekly coaching call, on Tuesdays.
	if d.Weekday() == time.Tuesday {
		at := g.at(d, 18, 0)
		g.recs.Calls = append(g.recs.Calls, journal.Call{
			ID: int64(len(g.recs.Calls) + 1), UUID: g.id(), Day: d, Note: "Weekly call", CreatedAt: at, UpdatedAt: at,
		})
	}
}

func (g *gen) guided(d journal.Date, hour int, set string, session int64, qa []journal.Answer) {
	at := g.at(d, hour, 0)
	sid := session
	g.add(journal.Entry{
		UUID: g.id(), Kind: journal.KindGuided, Day: d, OccurredAt: at, PromptSet: set, SessionID: &sid,
		Tags: []string{}, Answers: append([]journal.Answer{}, qa...), CreatedAt: at, UpdatedAt: at,
	})
}

var (
	intentionAnswers = []journal.Answer{
		{Key: "explore", Question: "What do you hope to explore in this session?", Answer: "Why evenings feel so empty without a drink."},
		{Key: "let_go", Question: "What would you like to let go of?", Answer: "The story that I can't cope without it."},
		{Key: "phrase", Question: "A word or phrase to carry in with you", Answer: "Curious, not judging."},
	}
	reflectionAnswers = []journal.Answer{
		{Key: "noticed", Question: "What did you notice during the session?", Answer: "A warm feeling of being held, and memories of my dad."},
		{Key: "insight", Question: "Any insights about drinking or use?", Answer: "I drink to stop feeling alone, not because I like it."},
		{Key: "action", Question: "One small action for this week", Answer: "Walk after work instead of the pub."},
		{Key: "coach", Question: "What do you want to bring to your coach?", Answer: "The feeling about my dad, and how to keep evenings full."},
	}
	integrationAnswers = []journal.Answer{
		{Key: "action_done", Question: "Did your small action happen?", Answer: "Three evenings out of four."},
		{Key: "changed", Question: "What has changed since the session?", Answer: "Cravings feel further away, like weather passing."},
		{Key: "unresolved", Question: "What still feels unresolved?", Answer: "Weekends with friends who drink."},
	}
)

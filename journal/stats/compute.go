package stats

import (
	"cmp"
	"math"
	"slices"
	"sort"

	"journal/journal"
)

const (
	// MinCopingUses is how often a strategy must have been used before its
	// resisted rate is shown: one or two uses say little.
	MinCopingUses = 3
	// TopTriggerCount is how many triggers top_triggers lists.
	TopTriggerCount = 5
)

// Compute works out every measure of the window from in. It is pure: the
// same input always gives the same report.
func Compute(in Input) Report {
	days := in.To.DaysSince(in.From) + 1
	if days < 0 {
		days = 0
	}
	return Report{
		Range:    Range{From: in.From, To: in.To, DaysInRange: days},
		Drinking: drinking(in, days),
		Cravings: cravings(in),
		Checkins: checkins(in.Checkins),
		Sessions: sessions(in),
	}
}

func inWindow(in Input, d journal.Date) bool {
	return !d.Before(in.From) && !d.After(in.To)
}

func drinking(in Input, days int) Drinking {
	heavy := in.Heavy.Or()
	r := Drinking{
		DaysInRange:        days,
		HeavyDayGrams:      round2(heavy.DayGrams),
		HeavyDayDrinks:     heavy.Drinks(),
		StandardDrinkGrams: round2(heavy.DrinkGrams),
		LastDay:            in.To,
	}
	var (
		total     float64
		run       int          // the abstinent run of the whole history that ends at runEnd
		runEnd    journal.Date // last day of that run
		inRun     int          // the same run, counting only days inside the window
		last      journal.Date // last recorded day up to To
		lastDrink journal.Date
		drank     bool
	)
	if e := in.Earlier; !e.Since.IsZero() {
		if e.Run > 0 {
			run, runEnd = e.Run, e.Since.AddDays(-1)
		}
		if !e.LastDrink.IsZero() {
			lastDrink, drank = e.LastDrink, true
		}
	}
	for _, d := range in.DrinkDays {
		if d.Day.After(in.To) {
			break
		}
		window := !d.Day.Before(in.From)
		last = d.Day
		if window {
			r.DaysRecorded++
			if d.Backfilled {
				r.DaysBackfilled++
			}
			total += d.Drinks
		}
		if d.Drinks > 0 {
			if window {
				r.DrinkingDays++
				if heavy.IsHeavy(d.Drinks) {
					r.HeavyDrinkingDays++
				}
			}
			lastDrink, drank = d.Day, true
			run, inRun = 0, 0
			continue
		}
		// An unrecorded day breaks a run just as a drinking day does:
		// runs count what was logged, never assume.
		if run > 0 && d.Day.DaysSince(runEnd) == 1 {
			run++
		} else {
			run, inRun = 1, 0
		}
		runEnd = d.Day
		if window {
			r.DaysAbstinent++
			inRun++
			r.LongestStreakDays = max(r.LongestStreakDays, inRun)
		}
	}
	r.DaysUnrecorded = days - r.DaysRecorded
	r.DrinksTotal = round2(total)
	// The current run ends on the last day, or on the day before when
	// that day is simply not logged yet; it counts back through the whole
	// history.
	end := in.To
	if last != in.To {
		end = in.To.AddDays(-1)
	}
	if run > 0 && runEnd == end {
		r.CurrentStreakDays = run
		r.StreakFromStart = end.AddDays(1 - run).Before(in.From)
	}
	if r.DaysRecorded > 0 {
		r.PercentDaysAbstinent = ptr(Percent(r.DaysAbstinent, r.DaysRecorded))
		r.PercentHeavyDrinkingDays = ptr(Percent(r.HeavyDrinkingDays, r.DaysRecorded))
		r.DrinksPerDay = ptr(round2(total / float64(r.DaysRecorded)))
	}
	if days > 0 {
		r.PercentDaysAbstinentOfRange = ptr(Percent(r.DaysAbstinent, days))
	}
	if r.DrinkingDays > 0 {
		r.DrinksPerDrinkingDay = ptr(round2(total / float64(r.DrinkingDays)))
	}
	if drank {
		r.DaysSinceLastDrink = ptr(in.To.DaysSince(lastDrink))
	}
	return r
}

// Percent is n of total as a percentage from 0 to 100 with one decimal,
// the one scale every share is shown on.
func Percent(n, total int) float64 {
	return math.Round(1000*float64(n)/float64(total)) / 10
}

// WeekStart returns the Monday of d's ISO week.
func WeekStart(d journal.Date) journal.Date {
	back := (int(d.Weekday()) + 6) % 7 // Monday 0 … Sunday 6
	return d.AddDays(-back)
}

func cravings(in Input) Cravings {
	r := Cravings{
		ByHour:      in.ByHour,
		Weekly:      []Week{},
		TopTriggers: []TriggerCount{},
		Coping:      []Coping{},
	}
	days := in.To.DaysSince(in.From) + 1
	if days <= 0 {
		return r
	}
	r.Daily = make([]Daily, 0, days)
	for d := in.From; !d.After(in.To); d = d.AddDays(1) {
		r.Daily = append(r.Daily, Daily{Day: d})
	}
	// Every ISO week that overlaps the window gets a row, empty or not.
	for w := WeekStart(in.From); !w.After(in.To); w = w.AddDays(7) {
		r.Weekly = append(r.Weekly, Week{WeekStart: w})
	}
	weekSums := make([]int, len(r.Weekly))
	first := WeekStart(in.From)
	var sum, maxI int
	for _, c := range in.CravingDays {
		if !inWindow(in, c.Day) || c.Count == 0 {
			continue
		}
		r.Count += c.Count
		sum += c.Sum
		maxI = max(maxI, c.Max)
		r.Daily[c.Day.DaysSince(in.From)] = Daily{Day: c.Day, Count: c.Count, Mean: c.Mean()}
		r.ByWeekday[(int(c.Day.Weekday())+6)%7] += c.Count
		i := WeekStart(c.Day).DaysSince(first) / 7
		w := &r.Weekly[i]
		w.Count += c.Count
		weekSums[i] += c.Sum
		if w.Max == nil || c.Max > *w.Max {
			w.Max = ptr(c.Max)
		}
	}
	if r.Count > 0 {
		r.MeanIntensity = ptr(round2(float64(sum) / float64(r.Count)))
		r.MaxIntensity = ptr(maxI)
	}
	var xs, ys []float64
	for i := range r.Weekly {
		w := &r.Weekly[i]
		if w.Count == 0 {
			continue
		}
		mean := float64(weekSums[i]) / float64(w.Count)
		w.Mean = ptr(round2(mean))
		xs = append(xs, float64(i))
		ys = append(ys, mean)
	}
	r.WeeksWithCravings = len(xs)
	if slope, ok := leastSquaresSlope(xs, ys); ok {
		r.TrendPerWeek = ptr(round2(slope))
	}

	triggers := slices.Clone(in.Triggers)
	slices.SortStableFunc(triggers, func(a, b TriggerCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Trigger, b.Trigger))
	})
	if len(triggers) > TopTriggerCount {
		triggers = triggers[:TopTriggerCount]
	}
	r.TopTriggers = append(r.TopTriggers, triggers...)

	r.Coping = CopingOf(in.Coping)
	return r
}

// CopingOf lists the strategies used at least MinCopingUses times, each
// with the percentage of its uses with a known outcome that were resisted:
// what worked most often first, then the most used; strategies with no
// known outcome last. `stats`, the report and the craving screen's "what
// has helped you before" all take it from here.
func CopingOf(totals []CopingTotals) []Coping {
	out := []Coping{}
	for _, c := range totals {
		if c.Uses < MinCopingUses {
			continue
		}
		item := Coping{Strategy: c.Strategy, Uses: c.Uses, Known: c.Known, Resisted: c.Resisted}
		if c.Known > 0 {
			item.ResistedPercent = ptr(Percent(c.Resisted, c.Known))
		}
		out = append(out, item)
	}
	slices.SortStableFunc(out, func(a, b Coping) int {
		ra, rb := -1.0, -1.0
		if a.ResistedPercent != nil {
			ra = *a.ResistedPercent
		}
		if b.ResistedPercent != nil {
			rb = *b.ResistedPercent
		}
		return cmp.Or(cmp.Compare(rb, ra), cmp.Compare(b.Uses, a.Uses), cmp.Compare(a.Strategy, b.Strategy))
	})
	return out
}

// leastSquaresSlope fits y = a + b·x and returns b; it needs two distinct xs.
func leastSquaresSlope(xs, ys []float64) (float64, bool) {
	if len(xs) < 2 {
		return 0, false
	}
	var mx, my float64
	for i := range xs {
		mx += xs[i]
		my += ys[i]
	}
	n := float64(len(xs))
	mx, my = mx/n, my/n
	var sxy, sxx float64
	for i := range xs {
		sxy += (xs[i] - mx) * (ys[i] - my)
		sxx += (xs[i] - mx) * (xs[i] - mx)
	}
	if sxx == 0 {
		return 0, false
	}
	return sxy / sxx, true
}

func checkins(c CheckinTotals) Checkins {
	r := Checkins{Count: c.Count}
	if c.MoodN > 0 {
		r.MeanMood = ptr(round2(c.MoodSum / float64(c.MoodN)))
	}
	if c.SleepN > 0 {
		r.MeanSleepHours = ptr(round2(c.SleepSum / float64(c.SleepN)))
	}
	return r
}

// sessions compares the days around each session in the window. Each
// side holds up to CompareDays days and stops short of the neighbouring
// sessions' days, so two sessions close together never count the same day
// twice; the days after also stop at the window's last day, so a summary
// of a past period does not change later.
func sessions(in Input) []Session {
	heavy := in.Heavy.Or()
	out := []Session{}
	for k, s := range in.Sessions {
		if !inWindow(in, s.Day) {
			continue
		}
		from, to := s.Day.AddDays(-CompareDays), s.Day.AddDays(CompareDays)
		for j := k - 1; j >= 0; j-- {
			if in.Sessions[j].Day.Before(s.Day) {
				from = later(from, in.Sessions[j].Day.AddDays(1))
				break
			}
		}
		for j := k + 1; j < len(in.Sessions); j++ {
			if in.Sessions[j].Day.After(s.Day) {
				to = earlier(to, in.Sessions[j].Day.AddDays(-1))
				break
			}
		}
		to = earlier(to, in.To)
		item := Session{
			Number: s.Number,
			Day:    s.Day,
			Before: period(in, from, s.Day.AddDays(-1)),
			After:  period(in, s.Day.AddDays(1), to),
		}
		i := sort.Search(len(in.DrinkDays), func(i int) bool { return in.DrinkDays[i].Day.After(s.Day) })
		for ; i < len(in.DrinkDays) && !in.DrinkDays[i].Day.After(in.To); i++ {
			if heavy.IsHeavy(in.DrinkDays[i].Drinks) {
				item.FirstHeavyDayAfter = ptr(in.DrinkDays[i].Day.DaysSince(s.Day))
				break
			}
		}
		out = append(out, item)
	}
	return out
}

func later(a, b journal.Date) journal.Date {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b journal.Date) journal.Date {
	if a.Before(b) {
		return a
	}
	return b
}

// period sums the days from..to, which may lie outside the window; an
// empty span (to before from) holds no days.
func period(in Input, from, to journal.Date) Period {
	var p Period
	if to.Before(from) {
		return p
	}
	p.Days = to.DaysSince(from) + 1
	i := sort.Search(len(in.DrinkDays), func(i int) bool { return !in.DrinkDays[i].Day.Before(from) })
	for ; i < len(in.DrinkDays) && !in.DrinkDays[i].Day.After(to); i++ {
		p.DaysRecorded++
		if in.DrinkDays[i].Drinks > 0 {
			p.DrinkingDays++
		}
	}
	var sum int
	i = sort.Search(len(in.CravingDays), func(i int) bool { return !in.CravingDays[i].Day.Before(from) })
	for ; i < len(in.CravingDays) && !in.CravingDays[i].Day.After(to); i++ {
		p.Cravings += in.CravingDays[i].Count
		sum += in.CravingDays[i].Sum
	}
	if p.Cravings > 0 {
		p.CravingMean = ptr(round2(float64(sum) / float64(p.Cravings)))
	}
	return p
}

// round2 keeps at most two decimals, as every number in the report does
// (percentages keep one: see Percent).
func round2(x float64) float64 { return math.Round(x*100) / 100 }

func ptr[T any](v T) *T { return &v }

package stats

import (
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"journal/journal"
)

func day(s string) journal.Date {
	d, err := journal.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func dd(s string, drinks float64) DrinkDay { return DrinkDay{Day: day(s), Drinks: drinks} }

func f(v float64) *float64 { return &v }
func i(v int) *int         { return &v }

// Every expected number below was worked out by hand from the fixture.
func TestDrinking(t *testing.T) {
	tests := []struct {
		name string
		in   Input
		want Drinking
	}{{
		name: "no data",
		in:   Input{From: day("2026-11-01"), To: day("2026-11-30")},
		want: Drinking{DaysInRange: 30, PercentDaysAbstinentOfRange: f(0)},
	}, {
		name: "one abstinent day",
		in:   Input{From: day("2026-11-25"), To: day("2026-11-25"), DrinkDays: []DrinkDay{dd("2026-11-25", 0)}},
		want: Drinking{DaysInRange: 1, PercentDaysAbstinentOfRange: f(100), DaysRecorded: 1, DaysAbstinent: 1, PercentDaysAbstinent: f(100),
			PercentHeavyDrinkingDays: f(0), DrinksPerDay: f(0), CurrentStreakDays: 1, LongestStreakDays: 1},
	}, {
		name: "one unrecorded day",
		in:   Input{From: day("2026-11-25"), To: day("2026-11-25")},
		want: Drinking{DaysInRange: 1, PercentDaysAbstinentOfRange: f(0)},
	}, {
		// 1 2 _ 4 5 6 [7: 2.5] 8 9 _ : the first streak is broken by an
		// unrecorded day, the second by a drinking day; the last day is
		// not logged yet, so the current streak ends on the 9th.
		name: "gaps, decimal drinks and two kinds of broken streak",
		in: Input{From: day("2026-11-01"), To: day("2026-11-10"), DrinkDays: []DrinkDay{
			dd("2026-10-31", 9), // outside the window
			dd("2026-11-01", 0), dd("2026-11-02", 0),
			dd("2026-11-04", 0), dd("2026-11-05", 0), dd("2026-11-06", 0),
			{Day: day("2026-11-07"), Drinks: 2.5, Backfilled: true},
			dd("2026-11-08", 0), {Day: day("2026-11-09"), Drinks: 0, Backfilled: true},
			dd("2026-11-11", 7), // outside the window
		}},
		want: Drinking{DaysInRange: 10, PercentDaysAbstinentOfRange: f(70), DaysRecorded: 8, DaysAbstinent: 7, DrinkingDays: 1,
			PercentDaysAbstinent: f(87.5), PercentHeavyDrinkingDays: f(0), DrinksTotal: 2.5,
			DrinksPerDrinkingDay: f(2.5), DrinksPerDay: f(0.31), DaysBackfilled: 2,
			CurrentStreakDays: 2, LongestStreakDays: 3, DaysSinceLastDrink: i(3)},
	}, {
		name: "heavy exactly at the threshold",
		in: Input{From: day("2026-11-01"), To: day("2026-11-04"), DrinkDays: []DrinkDay{
			dd("2026-11-01", 4), dd("2026-11-02", 3.99), dd("2026-11-03", 0), dd("2026-11-04", 6),
		}},
		want: Drinking{DaysInRange: 4, PercentDaysAbstinentOfRange: f(25), DaysRecorded: 4, DaysAbstinent: 1, DrinkingDays: 3, HeavyDrinkingDays: 2,
			PercentDaysAbstinent: f(25), PercentHeavyDrinkingDays: f(50), DrinksTotal: 13.99,
			DrinksPerDrinkingDay: f(4.66), DrinksPerDay: f(3.5), LongestStreakDays: 1, DaysSinceLastDrink: i(0)},
	}, {
		name: "a higher threshold from config",
		in: Input{From: day("2026-11-01"), To: day("2026-11-04"), Heavy: Heavy{DayGrams: 70, DrinkGrams: 14}, DrinkDays: []DrinkDay{
			dd("2026-11-01", 4), dd("2026-11-02", 3.99), dd("2026-11-03", 0), dd("2026-11-04", 6),
		}},
		want: Drinking{DaysInRange: 4, PercentDaysAbstinentOfRange: f(25), DaysRecorded: 4, DaysAbstinent: 1, DrinkingDays: 3, HeavyDrinkingDays: 1,
			PercentDaysAbstinent: f(25), PercentHeavyDrinkingDays: f(25), DrinksTotal: 13.99,
			DrinksPerDrinkingDay: f(4.66), DrinksPerDay: f(3.5), LongestStreakDays: 1, DaysSinceLastDrink: i(0)},
	}, {
		name: "the last two days unrecorded: no current streak",
		in: Input{From: day("2026-11-01"), To: day("2026-11-05"), DrinkDays: []DrinkDay{
			dd("2026-11-01", 0), dd("2026-11-02", 0), dd("2026-11-03", 0),
		}},
		want: Drinking{DaysInRange: 5, PercentDaysAbstinentOfRange: f(60), DaysRecorded: 3, DaysAbstinent: 3, PercentDaysAbstinent: f(100),
			PercentHeavyDrinkingDays: f(0), DrinksPerDay: f(0), LongestStreakDays: 3},
	}, {
		name: "drinking yesterday, today not logged",
		in: Input{From: day("2026-11-01"), To: day("2026-11-03"), DrinkDays: []DrinkDay{
			dd("2026-11-01", 0), dd("2026-11-02", 1),
		}},
		want: Drinking{DaysInRange: 3, PercentDaysAbstinentOfRange: f(33.3), DaysRecorded: 2, DaysAbstinent: 1, DrinkingDays: 1,
			PercentDaysAbstinent: f(50), PercentHeavyDrinkingDays: f(0), DrinksTotal: 1,
			DrinksPerDrinkingDay: f(1), DrinksPerDay: f(0.5), LongestStreakDays: 1, DaysSinceLastDrink: i(1)},
	}, {
		name: "current streak logged through today",
		in: Input{From: day("2026-11-01"), To: day("2026-11-04"), DrinkDays: []DrinkDay{
			dd("2026-11-01", 2), dd("2026-11-02", 0), dd("2026-11-03", 0), dd("2026-11-04", 0),
		}},
		want: Drinking{DaysInRange: 4, PercentDaysAbstinentOfRange: f(75), DaysRecorded: 4, DaysAbstinent: 3, DrinkingDays: 1,
			PercentDaysAbstinent: f(75), PercentHeavyDrinkingDays: f(0), DrinksTotal: 2,
			DrinksPerDrinkingDay: f(2), DrinksPerDay: f(0.5), CurrentStreakDays: 3, LongestStreakDays: 3,
			DaysSinceLastDrink: i(3)},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Compute(tt.in).Drinking
			h := tt.in.Heavy.Or()
			tt.want.HeavyDayGrams, tt.want.StandardDrinkGrams, tt.want.HeavyDayDrinks = h.DayGrams, h.DrinkGrams, h.Drinks()
			tt.want.DaysUnrecorded, tt.want.LastDay = tt.want.DaysInRange-tt.want.DaysRecorded, tt.in.To
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %s\nwant %s", show(got), show(tt.want))
			}
		})
	}
}

func show(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestCravings(t *testing.T) {
	// Three ISO weeks, Monday 2 to Sunday 22 November 2026; the middle
	// week has no cravings.
	in := Input{From: day("2026-11-02"), To: day("2026-11-22"), CravingDays: []CravingDay{
		{Day: day("2026-11-01"), Count: 4, Sum: 40, Max: 10}, // outside
		{Day: day("2026-11-02"), Count: 2, Sum: 12, Max: 7},  // Monday: 7 and 5
		{Day: day("2026-11-04"), Count: 1, Sum: 8, Max: 8},   // Wednesday
		{Day: day("2026-11-20"), Count: 2, Sum: 8, Max: 5},   // Friday: 5 and 3
		{Day: day("2026-11-23"), Count: 1, Sum: 1, Max: 1},   // outside
	}}
	in.ByHour[21] = 5
	got := Compute(in).Cravings
	if got.Count != 5 || *got.MeanIntensity != 5.6 || *got.MaxIntensity != 8 {
		t.Errorf("count/mean/max = %d/%v/%v, want 5/5.6/8", got.Count, *got.MeanIntensity, *got.MaxIntensity)
	}
	wantWeeks := []Week{
		{WeekStart: day("2026-11-02"), Count: 3, Mean: f(6.67), Max: i(8)},
		{WeekStart: day("2026-11-09")},
		{WeekStart: day("2026-11-16"), Count: 2, Mean: f(4), Max: i(5)},
	}
	if !reflect.DeepEqual(got.Weekly, wantWeeks) {
		t.Errorf("weekly = %s, want %s", show(got.Weekly), show(wantWeeks))
	}
	// Weekly means 20/3 at week 0 and 4 at week 2: slope (4-6.667)/2.
	if got.TrendPerWeek == nil || *got.TrendPerWeek != -1.33 {
		t.Errorf("trend = %s, want -1.33", show(got.TrendPerWeek))
	}
	if want := [7]int{2, 0, 1, 0, 2, 0, 0}; got.ByWeekday != want {
		t.Errorf("by weekday = %v, want %v", got.ByWeekday, want)
	}
	if got.ByHour[21] != 5 {
		t.Errorf("by hour not passed through: %v", got.ByHour)
	}
	if len(got.Daily) != 21 || got.Daily[0].Count != 2 || got.Daily[0].Mean != 6 || got.Daily[1].Count != 0 {
		t.Errorf("daily = %+v", got.Daily[:3])
	}
}

func TestCravingWeeks(t *testing.T) {
	// The window starts on a Thursday and ends on a Tuesday: the first
	// and last weeks are partial, and their week_start is the Monday.
	in := Input{From: day("2026-11-05"), To: day("2026-11-17"), CravingDays: []CravingDay{
		{Day: day("2026-11-05"), Count: 1, Sum: 6, Max: 6},
		{Day: day("2026-11-10"), Count: 1, Sum: 5, Max: 5},
		{Day: day("2026-11-17"), Count: 1, Sum: 3, Max: 3},
	}}
	got := Compute(in).Cravings
	var starts []string
	for _, w := range got.Weekly {
		starts = append(starts, w.WeekStart.String())
	}
	if want := []string{"2026-11-02", "2026-11-09", "2026-11-16"}; !reflect.DeepEqual(starts, want) {
		t.Errorf("week starts = %v, want %v", starts, want)
	}
	// 6, 5, 3 at weeks 0, 1, 2: slope ((-1)(6-14/3) + (1)(3-14/3)) / 2 = -1.5.
	if got.TrendPerWeek == nil || *got.TrendPerWeek != -1.5 {
		t.Errorf("trend = %s, want -1.5", show(got.TrendPerWeek))
	}
}

func TestCravingsEmpty(t *testing.T) {
	got := Compute(Input{From: day("2026-11-01"), To: day("2026-11-30")}).Cravings
	if got.Count != 0 || got.MeanIntensity != nil || got.MaxIntensity != nil || got.TrendPerWeek != nil {
		t.Errorf("empty window: %s", show(got))
	}
	// 1 November 2026 is a Sunday, 30 November a Monday: six weeks touch it.
	if len(got.Weekly) != 6 || got.Weekly[0].WeekStart != day("2026-10-26") || got.Weekly[5].WeekStart != day("2026-11-30") {
		t.Errorf("weeks = %s", show(got.Weekly))
	}
	b, _ := json.Marshal(got)
	for _, key := range []string{`"weekly":[{`, `"top_triggers":[]`, `"coping":[]`, `"mean_intensity":null`, `"trend_per_week":null`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("JSON lacks %s: %s", key, b)
		}
	}
	// One week with cravings gives no trend.
	one := Compute(Input{From: day("2026-11-02"), To: day("2026-11-08"),
		CravingDays: []CravingDay{{Day: day("2026-11-03"), Count: 3, Sum: 15, Max: 7}}}).Cravings
	if one.TrendPerWeek != nil {
		t.Errorf("trend from one week = %v, want null", *one.TrendPerWeek)
	}
}

func TestTriggersAndCoping(t *testing.T) {
	in := Input{From: day("2026-11-01"), To: day("2026-11-30"),
		Triggers: []TriggerCount{{"tired", 2}, {"stress", 9}, {"social", 4}, {"evening", 4}, {"boredom", 1}, {"anger", 1}},
		Coping: []CopingTotals{
			{Strategy: "walk", Uses: 4, Known: 3, Resisted: 2},
			{Strategy: "call", Uses: 3, Known: 3, Resisted: 3},
			{Strategy: "tea", Uses: 2, Known: 2, Resisted: 2},     // too few uses
			{Strategy: "breathe", Uses: 3, Known: 0, Resisted: 0}, // no known outcome
			{Strategy: "shower", Uses: 5, Known: 4, Resisted: 0},
		},
	}
	got := Compute(in).Cravings
	wantT := []TriggerCount{{"stress", 9}, {"evening", 4}, {"social", 4}, {"tired", 2}, {"anger", 1}}
	if !reflect.DeepEqual(got.TopTriggers, wantT) {
		t.Errorf("triggers = %v, want %v", got.TopTriggers, wantT)
	}
	wantC := []Coping{
		{Strategy: "call", Uses: 3, ResistedPercent: f(100), Known: 3, Resisted: 3},
		{Strategy: "walk", Uses: 4, ResistedPercent: f(66.7), Known: 3, Resisted: 2}, // 2 of 3
		{Strategy: "shower", Uses: 5, ResistedPercent: f(0), Known: 4},
		{Strategy: "breathe", Uses: 3},
	}
	if !reflect.DeepEqual(got.Coping, wantC) {
		t.Errorf("coping = %s, want %s", show(got.Coping), show(wantC))
	}
}

func TestCheckins(t *testing.T) {
	got := Compute(Input{From: day("2026-11-01"), To: day("2026-11-03"),
		Checkins: CheckinTotals{Count: 3, MoodN: 2, MoodSum: 11, SleepN: 3, SleepSum: 20}}).Checkins
	want := Checkins{Count: 3, MeanMood: f(5.5), MeanSleepHours: f(6.67)}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %s, want %s", show(got), show(want))
	}
	none := Compute(Input{From: day("2026-11-01"), To: day("2026-11-03")}).Checkins
	if !reflect.DeepEqual(none, Checkins{}) {
		t.Errorf("no check-ins: %s", show(none))
	}
}

func TestSessions(t *testing.T) {
	in := Input{From: day("2026-11-08"), To: day("2026-11-25"),
		// The week before reaches back outside the window.
		DrinkDays: []DrinkDay{
			dd("2026-11-02", 3), // 8 days before: outside the comparison
			dd("2026-11-03", 0), dd("2026-11-05", 2), dd("2026-11-09", 1),
			dd("2026-11-10", 5),                      // the session day: in neither
			dd("2026-11-12", 0), dd("2026-11-17", 6), // 7 days after
			dd("2026-11-18", 2), // 8 days after
		},
		CravingDays: []CravingDay{
			{Day: day("2026-11-04"), Count: 2, Sum: 10, Max: 6},
			{Day: day("2026-11-10"), Count: 1, Sum: 9, Max: 9},
			{Day: day("2026-11-11"), Count: 1, Sum: 3, Max: 3},
			{Day: day("2026-11-17"), Count: 1, Sum: 5, Max: 5},
			{Day: day("2026-11-18"), Count: 1, Sum: 10, Max: 10},
		},
		Sessions: []SessionDay{
			{Number: 2, Day: day("2026-11-10")},
			{Number: 3, Day: day("2026-11-25")},
		},
	}
	got := Compute(in).Sessions
	want := []Session{{
		Number: 2, Day: day("2026-11-10"),
		Before:             Period{Days: 7, CravingMean: f(5), DrinkingDays: 2, Cravings: 2, DaysRecorded: 3},
		After:              Period{Days: 7, CravingMean: f(4), DrinkingDays: 1, Cravings: 2, DaysRecorded: 2},
		FirstHeavyDayAfter: i(7),
	}, {
		Number: 3, Day: day("2026-11-25"),
		// The session is on the window's last day: no days after it yet.
		Before: Period{Days: 7, DrinkingDays: 1, Cravings: 1, CravingMean: f(10), DaysRecorded: 1},
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %s\nwant %s", show(got), show(want))
	}
	if s := Compute(Input{From: day("2026-11-01"), To: day("2026-11-02")}).Sessions; s == nil || len(s) != 0 {
		t.Errorf("no sessions should be an empty list, got %#v", s)
	}
}

func TestJSONKeys(t *testing.T) {
	b, err := json.Marshal(Compute(Input{From: day("2026-11-01"), To: day("2026-11-30")}))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]map[string]any
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		t.Fatal(err)
	}
	wantTop := []string{"checkins", "cravings", "drinking", "range", "sessions"}
	if got := keys(top); !reflect.DeepEqual(got, wantTop) {
		t.Errorf("top keys = %v, want %v", got, wantTop)
	}
	delete(top, "sessions")
	doc = map[string]map[string]any{}
	for k, v := range top {
		m := map[string]any{}
		json.Unmarshal(v, &m)
		doc[k] = m
	}
	want := map[string][]string{
		"range": {"days_in_range", "from", "to"},
		"drinking": {"current_streak_days", "days_abstinent", "days_backfilled", "days_in_range", "days_recorded",
			"days_since_last_drink", "days_unrecorded", "drinking_days", "drinks_per_day", "drinks_per_drinking_day", "drinks_total",
			"heavy_day_drinks", "heavy_day_grams", "heavy_drinking_days", "longest_streak_days", "percent_days_abstinent",
			"percent_days_abstinent_of_range", "percent_heavy_drinking_days", "standard_drink_grams"},
		"cravings": {"by_hour", "by_weekday", "coping", "count", "max_intensity", "mean_intensity", "top_triggers",
			"trend_per_week", "weekly"},
		"checkins": {"count", "mean_mood", "mean_sleep_hours"},
	}
	for sec, w := range want {
		if got := keys(doc[sec]); !reflect.DeepEqual(got, w) {
			t.Errorf("%s keys = %v, want %v", sec, got, w)
		}
	}
}

func keys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

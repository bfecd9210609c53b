package stats

import (
	"encoding/json"
	"reflect"
	"testing"
)

// The NIAAA/FDA levels, 56 g (women) and 70 g (men), in drinks of 14 g
// (US) and 8 g (UK units), worked by hand: 56/14 = 4, 70/14 = 5,
// 56/8 = 7, 70/8 = 8.75.
func TestHeavyLevelsInGrams(t *testing.T) {
	cases := []struct {
		name          string
		heavy         Heavy
		drinks        float64 // the level in drinks
		below, atOrUp float64 // a day just under it, and one at it
	}{
		{"women, US drinks", Heavy{DayGrams: 56, DrinkGrams: 14}, 4, 3.99, 4},
		{"men, US drinks", Heavy{DayGrams: 70, DrinkGrams: 14}, 5, 4.99, 5},
		{"women, UK units", Heavy{DayGrams: 56, DrinkGrams: 8}, 7, 6.99, 7},
		{"men, UK units", Heavy{DayGrams: 70, DrinkGrams: 8}, 8.75, 8.74, 8.75},
		{"defaults", Heavy{}, 4, 3.99, 4},
		// 56 g in Canadian drinks of 13.45 g is 4.1636…: 4.16 drinks is
		// 55.95 g, not heavy; 4.17 is 56.09 g, heavy.
		{"women, Canadian drinks", Heavy{DayGrams: 56, DrinkGrams: 13.45}, 4.16, 4.16, 4.17},
	}
	for _, c := range cases {
		if got := c.heavy.Drinks(); got != c.drinks {
			t.Errorf("%s: level %v drinks, want %v", c.name, got, c.drinks)
		}
		if c.heavy.IsHeavy(c.below) || !c.heavy.IsHeavy(c.atOrUp) {
			t.Errorf("%s: %v heavy = %v, %v heavy = %v", c.name, c.below, c.heavy.IsHeavy(c.below), c.atOrUp, c.heavy.IsHeavy(c.atOrUp))
		}
	}
	// The same week in UK units: 7 units is 56 g, heavy for women's level
	// and not for men's; 9 units (72 g) is heavy for both.
	in := Input{From: day("2026-11-02"), To: day("2026-11-08"), Heavy: Heavy{DayGrams: 56, DrinkGrams: 8},
		DrinkDays: []DrinkDay{dd("2026-11-02", 4), dd("2026-11-03", 7), dd("2026-11-04", 0), dd("2026-11-05", 9)}}
	d := Compute(in).Drinking
	if d.HeavyDrinkingDays != 2 || d.HeavyDayGrams != 56 || d.HeavyDayDrinks != 7 || d.StandardDrinkGrams != 8 ||
		*d.PercentHeavyDrinkingDays != 50 {
		t.Errorf("women's level in UK units: %s", show(d))
	}
	in.Heavy.DayGrams = 70
	if d := Compute(in).Drinking; d.HeavyDrinkingDays != 1 || d.HeavyDayDrinks != 8.75 || *d.PercentHeavyDrinkingDays != 25 {
		t.Errorf("men's level in UK units: %s", show(d))
	}
}

// Runs and the last drink count the whole history: a window of 20–30
// December whose alcohol-free run began on the 13th (17 days before the
// 30th), and whose last drink was on the 2nd (28 days before).
func TestRunsAcrossTheWindowsFirstDay(t *testing.T) {
	var days []DrinkDay
	days = append(days, dd("2026-11-30", 0), dd("2026-12-01", 0), dd("2026-12-02", 3))
	// 3–12 December unrecorded: the run cannot reach back through them.
	for d := day("2026-12-13"); !d.After(day("2026-12-30")); d = d.AddDays(1) {
		days = append(days, DrinkDay{Day: d})
	}
	in := Input{From: day("2026-12-20"), To: day("2026-12-30"), DrinkDays: days}
	d := Compute(in).Drinking
	if d.CurrentStreakDays != 18 || !d.StreakFromStart {
		t.Errorf("current run = %d (from before: %v), want 18 days, 13–30 December", d.CurrentStreakDays, d.StreakFromStart)
	}
	if d.DaysSinceLastDrink == nil || *d.DaysSinceLastDrink != 28 {
		t.Errorf("days since last drink = %v, want 28", d.DaysSinceLastDrink)
	}
	// The longest run stays "in this period": 20–30 December.
	if d.LongestStreakDays != 11 || d.DaysRecorded != 11 || d.DrinkingDays != 0 {
		t.Errorf("in the window: %s", show(d))
	}
	// With the 30th not logged yet the run ends on the 29th.
	in.DrinkDays = days[:len(days)-1]
	if d := Compute(in).Drinking; d.CurrentStreakDays != 17 || *d.DaysSinceLastDrink != 28 {
		t.Errorf("30th unrecorded: run %d, since %v", d.CurrentStreakDays, *d.DaysSinceLastDrink)
	}
	// No drink anywhere in the history: null, not 0.
	in.DrinkDays = days[3:]
	if d := Compute(in).Drinking; d.DaysSinceLastDrink != nil {
		t.Errorf("never drank: days since %v, want null", *d.DaysSinceLastDrink)
	}
}

// Percent days abstinent of the recorded days and of the whole window, as
// trials report it. 1–10 November: 6 recorded, 4 alcohol-free, 4 unrecorded.
func TestPercentDaysAbstinentOfRange(t *testing.T) {
	in := Input{From: day("2026-11-01"), To: day("2026-11-10"), DrinkDays: []DrinkDay{
		dd("2026-11-01", 0), dd("2026-11-02", 0), dd("2026-11-03", 2),
		dd("2026-11-06", 0), dd("2026-11-07", 0.01), dd("2026-11-08", 0),
	}}
	d := Compute(in).Drinking
	if d.DaysUnrecorded != 4 || d.DaysAbstinent != 4 || d.DrinkingDays != 2 {
		t.Errorf("days: %s", show(d))
	}
	// 4/6 = 66.666… → 66.7; 4/10 = 40.
	if *d.PercentDaysAbstinent != 66.7 || *d.PercentDaysAbstinentOfRange != 40 {
		t.Errorf("percent days abstinent %v, of range %v; want 66.7 and 40", *d.PercentDaysAbstinent, *d.PercentDaysAbstinentOfRange)
	}
}

// Sessions 3 days apart: each side stops short of the neighbouring
// sessions' days, so no day counts for two sessions, and says how many
// days it holds. Sessions on 1, 4 and 7 November; heavy is 4+ drinks.
func TestSessionsCloseTogether(t *testing.T) {
	in := Input{From: day("2026-11-01"), To: day("2026-11-20"),
		DrinkDays: []DrinkDay{
			dd("2026-10-30", 3),
			dd("2026-11-02", 1),
			dd("2026-11-04", 5), // session 2's day: in no window
			dd("2026-11-05", 2), dd("2026-11-06", 0),
			dd("2026-11-09", 4),
			dd("2026-11-15", 6),
		},
		CravingDays: []CravingDay{
			{Day: day("2026-11-04"), Count: 1, Sum: 9, Max: 9}, // session 2's day
			{Day: day("2026-11-05"), Count: 2, Sum: 8, Max: 5},
		},
		Sessions: []SessionDay{{1, day("2026-11-01")}, {2, day("2026-11-04")}, {3, day("2026-11-07")}},
	}
	got := Compute(in).Sessions
	want := []Session{{
		Number: 1, Day: day("2026-11-01"),
		Before:             Period{Days: 7, DrinkingDays: 1, DaysRecorded: 1}, // 25–31 Oct
		After:              Period{Days: 2, DrinkingDays: 1, DaysRecorded: 1}, // 2–3 Nov
		FirstHeavyDayAfter: i(3),                                              // 4 Nov
	}, {
		Number: 2, Day: day("2026-11-04"),
		Before:             Period{Days: 2, DrinkingDays: 1, DaysRecorded: 1},                                 // 2–3 Nov
		After:              Period{Days: 2, DrinkingDays: 1, DaysRecorded: 2, Cravings: 2, CravingMean: f(4)}, // 5–6 Nov
		FirstHeavyDayAfter: i(5),                                                                              // 9 Nov
	}, {
		Number: 3, Day: day("2026-11-07"),
		Before:             Period{Days: 2, DrinkingDays: 1, DaysRecorded: 2, Cravings: 2, CravingMean: f(4)}, // 5–6 Nov, not the 4th
		After:              Period{Days: 7, DrinkingDays: 1, DaysRecorded: 1},                                 // 8–14 Nov
		FirstHeavyDayAfter: i(2),                                                                              // 9 Nov
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %s\nwant %s", show(got), show(want))
	}
	// A summary ending on 8 November: session 3's days after stop there,
	// and its first heavy day after is not known yet.
	in.To = day("2026-11-08")
	in.DrinkDays = in.DrinkDays[:5]
	s3 := Compute(in).Sessions[2]
	if s3.After.Days != 1 || s3.After.DrinkingDays != 0 || s3.FirstHeavyDayAfter != nil {
		t.Errorf("ending 8 Nov: %s", show(s3))
	}
}

// The keys of a session and of a coping strategy in `stats --json`, as
// DESIGN.md lists them.
func TestJSONKeysOfSessionsAndCoping(t *testing.T) {
	r := Compute(Input{From: day("2026-11-01"), To: day("2026-11-30"),
		Coping:   []CopingTotals{{Strategy: "walk", Uses: 3, Known: 2, Resisted: 1}},
		Sessions: []SessionDay{{Number: 1, Day: day("2026-11-10")}}})
	b, err := json.Marshal(map[string]any{"session": r.Sessions[0], "coping": r.Cravings.Coping[0]})
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]map[string]json.RawMessage
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	var before map[string]any
	json.Unmarshal(doc["session"]["before"], &before)
	for name, got := range map[string][]string{
		"session": keys(doc["session"]), "before": keys(before), "coping": keys(doc["coping"]),
	} {
		want := map[string][]string{
			"session": {"after", "before", "day", "first_heavy_day_after", "number"},
			"before":  {"craving_mean", "days", "drinking_days"},
			"coping":  {"resisted_percent", "strategy", "uses", "with_outcome"},
		}[name]
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s keys = %v, want %v", name, got, want)
		}
	}
}

package stats

import (
	"reflect"
	"testing"
)

// Days left out of DrinkDays and summed up in Earlier count as if they
// were there: a run that began years before carries on into the window,
// and the last drink is still named. Worked out by hand.
func TestEarlierDaysCarryTheRunAndTheLastDrink(t *testing.T) {
	window := []DrinkDay{dd("2026-10-25", 0), dd("2026-10-26", 0), dd("2026-11-01", 0), dd("2026-11-02", 0), dd("2026-11-03", 0)}
	// Alcohol-free every day from 2 January 2020 (after a drink on 1
	// January) to 24 October 2026: 2488 days, then the rows above, with
	// 27–31 October unrecorded.
	in := Input{From: day("2026-11-01"), To: day("2026-11-03"), DrinkDays: window,
		Earlier: Earlier{Since: day("2026-10-25"), LastDrink: day("2020-01-01"), Run: 2488}}
	got := Compute(in).Drinking
	// The gap on 27 October broke the run: it is 3 days, the drink 2498 days ago.
	if got.CurrentStreakDays != 3 || got.StreakFromStart || got.DaysSinceLastDrink == nil || *got.DaysSinceLastDrink != 2498 {
		t.Errorf("with a gap: run %d (from start %v), since %v; want 3, false, 2498", got.CurrentStreakDays, got.StreakFromStart, got.DaysSinceLastDrink)
	}

	// Without the gap the run goes back to 2 January 2020: 2488 + 10 days.
	in.DrinkDays = nil
	for d := day("2026-10-25"); !d.After(in.To); d = d.AddDays(1) {
		in.DrinkDays = append(in.DrinkDays, dd(d.String(), 0))
	}
	got = Compute(in).Drinking
	if got.CurrentStreakDays != 2498 || !got.StreakFromStart || got.LongestStreakDays != 3 {
		t.Errorf("no gap: run %d (from start %v), longest %d; want 2498, true, 3", got.CurrentStreakDays, got.StreakFromStart, got.LongestStreakDays)
	}

	// The same days given one by one give the same figures.
	full := in
	full.Earlier = Earlier{}
	full.DrinkDays = []DrinkDay{dd("2020-01-01", 2)}
	for d := day("2020-01-02"); !d.After(in.To); d = d.AddDays(1) {
		full.DrinkDays = append(full.DrinkDays, dd(d.String(), 0))
	}
	if want := Compute(full).Drinking; !reflect.DeepEqual(got, want) {
		t.Errorf("summed up: %+v\none by one: %+v", got, want)
	}

	// A drink inside the rows wins over the earlier one.
	in.DrinkDays[3].Drinks = 1 // 28 October
	if got := Compute(in).Drinking; *got.DaysSinceLastDrink != 6 || got.CurrentStreakDays != 6 {
		t.Errorf("a later drink: since %v, run %d; want 6 and 6", *got.DaysSinceLastDrink, got.CurrentStreakDays)
	}
}

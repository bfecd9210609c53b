package storage

import (
	"context"
	"math/rand/v2"
	"reflect"
	"testing"

	"journal/journal/stats"
)

// A long alcohol-free run is counted by SQLite, not read day by day, yet
// every figure is what reading the whole history gives: on histories with
// runs of years, gaps, drinks and none at all, for windows everywhere.
func TestStatsInputSumsUpLongRuns(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(14, 8))
	first := date("2018-01-01")
	for h := range 6 {
		s := openStatsTemp(t)
		f := &fixture{t: t, s: s}
		// 0: a drink, then years alcohol-free; 1: the same with one day
		// unrecorded in the middle; 2: never a drink; 3: never a drink,
		// a gap; 4 and 5: drinks now and then, gaps now and then.
		for i, d := 0, first; i < 1600; i, d = i+1, d.AddDays(1) {
			n := 0.0
			switch {
			case (h == 1 || h == 3) && i == 900, h >= 4 && rng.IntN(40) == 0:
				continue // unrecorded
			case (h == 0 || h == 1) && i == 3, h >= 4 && rng.IntN(9) == 0:
				n = float64(1 + rng.IntN(6))
			}
			f.drinks(d.String(), n, false)
		}
		long := 0
		for w := range 40 {
			to := first.AddDays(rng.IntN(1700))
			from := to.AddDays(-rng.IntN(60))
			if w%4 == 0 {
				from = to.AddDays(-365 * rng.IntN(3))
			}
			in, err := s.StatsInput(ctx, from, to, stats.Heavy{})
			if err != nil {
				t.Fatal(err)
			}
			full := in
			full.Earlier = stats.Earlier{}
			if full.DrinkDays, err = s.drinkDays(ctx, "", to.String()); err != nil {
				t.Fatal(err)
			}
			got, want := stats.Compute(in), stats.Compute(full)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("history %d, %s..%s: summed up\n%+v\nday by day\n%+v", h, from, to, got.Drinking, want.Drinking)
			}
			if !in.Earlier.Since.IsZero() {
				long++
				if len(in.DrinkDays) > to.DaysSince(from)+1+stats.CompareDays {
					t.Errorf("history %d, %s..%s: read %d days for a window of %d", h, from, to, len(in.DrinkDays), to.DaysSince(from)+1)
				}
			}
		}
		if (h == 0 || h == 2) && long < 20 {
			t.Errorf("history %d: only %d of 40 windows summed up a long run", h, long)
		}
	}
}

package export

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"journal/journal"
	"journal/journal/demo"
)

// wholeDays is the days of a document as they were made before the
// entries streamed: every record grouped by day at once, sessions outside
// the window dropped, then compacted.
func wholeDays(doc Document) []Day {
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

// TestEachDayMatchesTheWholeDays: handed on a day at a time as the entries
// stream, the days are those grouped from all the records at once, runs of
// quiet days folded alike, for a busy journal and a quiet one, the whole
// of it and a window with records outside it.
func TestEachDayMatchesTheWholeDays(t *testing.T) {
	end := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	today := journal.DateOf(end)
	for _, busy := range []bool{true, false} {
		recs := demo.Generate(demo.Options{Days: 150, Seed: 9, End: end, Busy: busy})
		// Quiet stretches: alcohol-free days with nothing else, of 2, 3 and
		// 9 days (two are not folded, three are).
		for _, q := range [][2]int{{100, 101}, {80, 82}, {40, 48}} {
			from, to := today.AddDays(-q[1]), today.AddDays(-q[0])
			in := func(d journal.Date) bool { return !d.Before(from) && !d.After(to) }
			recs.Entries = slices.DeleteFunc(recs.Entries, func(e journal.Entry) bool { return in(e.Day) })
			recs.Calls = slices.DeleteFunc(recs.Calls, func(c journal.Call) bool { return in(c.Day) })
			recs.Sessions = slices.DeleteFunc(recs.Sessions, func(s journal.Session) bool { return in(s.Day) })
			for i := range recs.DrinkDays {
				if in(recs.DrinkDays[i].Day) {
					recs.DrinkDays[i].StandardDrinks, recs.DrinkDays[i].Note = 0, ""
				}
			}
		}
		for _, window := range [][2]journal.Date{{today.AddDays(-149), today}, {today.AddDays(-60), today.AddDays(-20)}} {
			doc := Document{Records: recs, Summary: Summary{From: window[0], To: window[1]}}
			want := wholeDays(doc)
			streamed := doc
			streamed.Records.Entries = nil
			sorted := slices.Clone(recs.Entries)
			slices.SortStableFunc(sorted, func(a, b journal.Entry) int {
				if c := a.Day.DaysSince(b.Day); c != 0 {
					return c
				}
				return a.OccurredAt.Compare(b.OccurredAt)
			})
			streamed.EachEntry = func(fn func(journal.Entry) error) error {
				for _, e := range sorted {
					if err := fn(e); err != nil {
						return err
					}
				}
				return nil
			}
			var got []Day
			if err := streamed.eachDay(func(g Day) error { got = append(got, g); return nil }); err != nil {
				t.Fatal(err)
			}
			quiet := 0
			for _, g := range want {
				if !g.Through.IsZero() {
					quiet++
				}
			}
			if len(want) < 20 || quiet == 0 {
				t.Fatalf("busy %v: %d days, %d quiet runs: too few to compare", busy, len(want), quiet)
			}
			if !reflect.DeepEqual(got, want) {
				for i := range min(len(got), len(want)) {
					if !reflect.DeepEqual(got[i], want[i]) {
						t.Fatalf("busy %v, %s..%s: day %d is\n%+v\nwant\n%+v", busy, window[0], window[1], i, got[i], want[i])
					}
				}
				t.Fatalf("busy %v, %s..%s: %d days, want %d", busy, window[0], window[1], len(got), len(want))
			}
		}
	}
}

package storage

import (
	"context"
	"reflect"
	"testing"

	"journal/journal"
	"journal/journal/demo"
	"journal/journal/stats"
)

// TestExportSummaryInputGivesTheSameSummary: the export's narrower read
// gives the same drinking figures, craving count, mean and days as the
// full stats read, shared or not, over the whole journal and a window.
func TestExportSummaryInputGivesTheSameSummary(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	recs := demo.Generate(demo.Options{Days: 200, Seed: 5, End: fixedNow(), Busy: true})
	if _, err := s.Import(ctx, recs, false); err != nil {
		t.Fatal(err)
	}
	today := journal.DateOf(fixedNow())
	for _, shared := range []bool{false, true} {
		for _, from := range []journal.Date{today.AddDays(-199), today.AddDays(-45)} {
			full := s.StatsInput
			if shared {
				full = s.SharedStatsInput
			}
			want, err := full(ctx, from, today, stats.Heavy{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.ExportSummaryInput(ctx, from, today, stats.Heavy{}, shared)
			if err != nil {
				t.Fatal(err)
			}
			w, g := stats.Compute(want), stats.Compute(got)
			if w.Cravings.Count == 0 || w.Drinking.DaysRecorded == 0 {
				t.Fatalf("shared %v from %s: nothing to compare (%d cravings, %d days)", shared, from, w.Cravings.Count, w.Drinking.DaysRecorded)
			}
			if !reflect.DeepEqual(g.Drinking, w.Drinking) || g.Cravings.Count != w.Cravings.Count ||
				!reflect.DeepEqual(g.Cravings.MeanIntensity, w.Cravings.MeanIntensity) ||
				!reflect.DeepEqual(got.CravingDays, want.CravingDays) {
				t.Errorf("shared %v from %s: got %+v %+v, want %+v %+v", shared, from, g.Drinking, g.Cravings, w.Drinking, w.Cravings)
			}
		}
	}
}

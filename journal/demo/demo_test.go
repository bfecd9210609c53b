package demo

import (
	"encoding/json"
	"testing"
	"time"

	"journal/journal"
)

var end = time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)

func TestGenerateIsValidAndRepeatable(t *testing.T) {
	a := Generate(Options{Days: 90, Seed: 3, End: end})
	if err := a.Validate(); err != nil {
		t.Fatalf("demo records do not validate: %v", err)
	}
	b := Generate(Options{Days: 90, Seed: 3, End: end})
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Error("the same seed gave different journals")
	}
	c := Generate(Options{Days: 90, Seed: 4, End: end})
	if jc, _ := json.Marshal(c); string(jc) == string(ja) {
		t.Error("another seed gave the same journal")
	}
}

func TestGenerateHasThePatternsACoachWouldRecognise(t *testing.T) {
	recs := Generate(Options{Days: 90, Seed: 1, End: end})
	if len(recs.Sessions) != 1 {
		t.Fatalf("%d sessions in 90 days, want 1", len(recs.Sessions))
	}
	session := recs.Sessions[0].Day
	var evening, all int
	var before, after []int
	future := 0
	for _, e := range recs.Entries {
		if e.OccurredAt.After(end) {
			future++
		}
		if e.Craving == nil {
			continue
		}
		all++
		if e.OccurredAt.Hour() >= 17 {
			evening++
		}
		switch since := e.Day.DaysSince(session); {
		case since < 0 && since >= -14:
			before = append(before, e.Craving.Intensity)
		case since > 0 && since <= 21 && since > 7:
			after = append(after, e.Craving.Intensity)
		}
	}
	if future > 0 {
		t.Errorf("%d entries are in the future", future)
	}
	if evening*2 < all {
		t.Errorf("%d of %d cravings in the evening, want most", evening, all)
	}
	if mean(after) >= mean(before)-0.5 {
		t.Errorf("cravings do not ease after the session: %.1f before, %.1f after", mean(before), mean(after))
	}
	recorded := map[journal.Date]bool{}
	backfilled := 0
	for _, d := range recs.DrinkDays {
		recorded[d.Day] = true
		if d.Backfilled {
			backfilled++
		}
	}
	if len(recorded) >= 90 || len(recorded) < 70 {
		t.Errorf("%d of 90 days recorded, want some missing days", len(recorded))
	}
	if backfilled == 0 {
		t.Error("no day was recalled later")
	}
}

func mean(xs []int) float64 {
	if len(xs) == 0 {
		return 0
	}
	sum := 0
	for _, x := range xs {
		sum += x
	}
	return float64(sum) / float64(len(xs))
}

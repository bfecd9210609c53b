package storage

import (
	"context"
	"reflect"
	"testing"
	"time"

	"journal/journal"
	"journal/journal/stats"
)

func (f *fixture) private(id int64) {
	mustExec(f.t, f.s, `UPDATE entries SET private = 1 WHERE id = ?`, id)
}

func TestSharedStatsInputLeavesPrivateOut(t *testing.T) {
	s := openStatsTemp(t)
	f := &fixture{t: t, s: s}
	f.craving("2026-11-20T09:00:00Z", 4, "resisted", []string{"stress"}, []string{"walk"})
	f.private(f.craving("2026-11-21T22:00:00Z", 9, "used", []string{"secret"}, []string{"walk"}))
	f.checkin("2026-11-20T20:00:00Z", 6, 7.0, false)
	id := f.entry("checkin", "2026-11-21T20:00:00Z", false)
	mustExec(t, s, `INSERT INTO checkins (entry_id, mood, sleep_hours) VALUES (?, 2, 3)`, id)
	f.private(id)
	f.drinks("2026-11-21", 3, false)

	ctx := context.Background()
	from, to := date("2026-11-15"), date("2026-11-25")
	all, err := s.StatsInput(ctx, from, to, stats.Heavy{})
	if err != nil {
		t.Fatal(err)
	}
	shared, err := s.SharedStatsInput(ctx, from, to, stats.Heavy{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.CravingDays) != 2 || len(all.Triggers) != 2 || all.Checkins.Count != 2 {
		t.Fatalf("StatsInput should count private entries: %+v", all)
	}
	if want := []stats.CravingDay{{Day: date("2026-11-20"), Count: 1, Sum: 4, Max: 4}}; !reflect.DeepEqual(shared.CravingDays, want) {
		t.Errorf("craving days = %+v, want %+v", shared.CravingDays, want)
	}
	if want := []stats.TriggerCount{{Trigger: "stress", Count: 1}}; !reflect.DeepEqual(shared.Triggers, want) {
		t.Errorf("triggers = %+v", shared.Triggers)
	}
	if want := []stats.CopingTotals{{Strategy: "walk", Uses: 1, Known: 1, Resisted: 1}}; !reflect.DeepEqual(shared.Coping, want) {
		t.Errorf("coping = %+v", shared.Coping)
	}
	if shared.ByHour[22] != 0 || shared.ByHour[9] != 1 {
		t.Errorf("by hour = %v", shared.ByHour)
	}
	if want := (stats.CheckinTotals{Count: 1, MoodN: 1, MoodSum: 6, SleepN: 1, SleepSum: 7}); shared.Checkins != want {
		t.Errorf("check-ins = %+v", shared.Checkins)
	}
	if len(shared.DrinkDays) != 1 {
		t.Errorf("drinking days have no private flag and all count: %+v", shared.DrinkDays)
	}

	// Over a long window too, where stats reads triggers another way.
	long, err := s.SharedStatsInput(ctx, date("2024-01-01"), to, stats.Heavy{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(long.Triggers, shared.Triggers) || !reflect.DeepEqual(long.Coping, shared.Coping) {
		t.Errorf("long window: triggers %+v, coping %+v", long.Triggers, long.Coping)
	}

	days, err := s.SharedCheckinDays(ctx, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if want := []journal.Date{date("2026-11-20")}; !reflect.DeepEqual(days, want) {
		t.Errorf("check-in days = %v", days)
	}
}

func TestSharedGuidedEntries(t *testing.T) {
	s := openStatsTemp(t)
	ctx := context.Background()
	add := func(day string, private bool, answer string) *journal.Entry {
		d := date(day)
		e := &journal.Entry{Kind: journal.KindGuided, Day: d, OccurredAt: d.In(time.UTC).Add(12 * time.Hour), PromptSet: "reflection",
			Private: private, Answers: []journal.Answer{{Key: "coach", Question: "What would you like to bring to your coach?", Answer: answer}}}
		if err := s.AddGuidedEntry(ctx, e); err != nil {
			t.Fatal(err)
		}
		return e
	}
	add("2026-11-10", false, "too early")
	add("2026-11-20", false, "the weekend plan")
	add("2026-11-21", true, "a private thing")
	add("2026-11-22", false, "sleep")
	es, err := s.SharedGuidedEntries(ctx, date("2026-11-15"), date("2026-11-25"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range es {
		got = append(got, e.Answers[0].Answer)
	}
	if want := []string{"the weekend plan", "sleep"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q (oldest first, private left out)", got, want)
	}
}

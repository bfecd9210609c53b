package storage

import (
	"context"
	"errors"
	"testing"
	"time"

	"journal/journal"
	"journal/journal/stats"
)

func TestCravingRoundTrip(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	m := 20
	c := journal.Craving{Intensity: 7, Triggers: []string{"Stress ", "boredom"}, Feelings: []string{"tired"},
		Coping: []string{"walk"}, Outcome: journal.OutcomeResisted, Minutes: &m, Where: "home", With: "alone", Thoughts: "just one"}
	c.Normalize()
	e := journal.Entry{Kind: journal.KindCraving, OccurredAt: fixedNow(), Body: "passed the pub", Craving: &c}
	if err := s.AddCraving(ctx, &e); err != nil {
		t.Fatal(err)
	}
	got, err := s.Entry(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	g := got.Craving
	if g == nil || g.Intensity != 7 || len(g.Triggers) != 2 || g.Triggers[1] != "stress" || *g.Minutes != 20 ||
		g.Outcome != "resisted" || g.Where != "home" || g.With != "alone" || g.Thoughts != "just one" || g.Feelings[0] != "tired" {
		t.Fatalf("read back %+v", g)
	}
	list, err := s.Entries(ctx, journal.Filter{Kind: journal.KindCraving})
	if err != nil || len(list) != 1 || list[0].Craving == nil {
		t.Fatalf("Entries: %v %+v", err, list)
	}
	// Details are searchable.
	for _, q := range []string{"boredom", "walk", "alone", "pub"} {
		hits, err := s.Search(ctx, q, 0)
		if err != nil || len(hits) != 1 || hits[0].Entry.Craving == nil {
			t.Errorf("Search(%q) = %v, %v", q, hits, err)
		}
	}
}

func TestSetDrinksKeepsFirstRecorded(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	today := journal.DateOf(fixedNow())
	yesterday := today.AddDays(-1)
	ch, err := s.SetDrinks(ctx, []journal.Date{yesterday, today}, 2, false, "")
	if err != nil {
		t.Fatal(err)
	}
	if ch[0].Before != nil || !ch[0].After.Backfilled || ch[1].After.Backfilled {
		t.Fatalf("first write: %+v", ch)
	}
	first := ch[0].After.FirstRecordedAt
	later := fixedNow().Add(2 * time.Hour)
	s.Now = func() time.Time { return later }
	ch, err = s.SetDrinks(ctx, []journal.Date{yesterday}, 1.5, true, "dinner")
	if err != nil {
		t.Fatal(err)
	}
	if ch[0].Before == nil || *ch[0].Before != 2 || ch[0].After.StandardDrinks != 3.5 {
		t.Fatalf("add: %+v", ch[0])
	}
	d, err := s.DrinkDay(ctx, yesterday)
	if err != nil {
		t.Fatal(err)
	}
	if !d.FirstRecordedAt.Equal(first) || !d.UpdatedAt.Equal(later) || !d.Backfilled || d.Note != "dinner" || d.StandardDrinks != 3.5 {
		t.Fatalf("after change: %+v", d)
	}
	// Over 60 in a day: refused, nothing written.
	if _, err := s.SetDrinks(ctx, []journal.Date{today, yesterday}, 58, true, ""); !journal.IsInput(err) {
		t.Fatalf("61.5 in a day: %v", err)
	}
	if d, _ := s.DrinkDay(ctx, today); d.StandardDrinks != 2 {
		t.Fatalf("a refused write changed today: %+v", d)
	}
	if _, err := s.DrinkDay(ctx, today.AddDays(-5)); !errors.Is(err, journal.ErrNotFound) {
		t.Fatalf("an unrecorded day: %v", err)
	}
	days, err := s.DrinkDays(ctx, today.AddDays(-7), today)
	if err != nil || len(days) != 2 || days[0].Day != yesterday {
		t.Fatalf("DrinkDays: %v %+v", err, days)
	}
}

func TestCheckinOnePerDay(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	day := journal.DateOf(fixedNow())
	mood, sleep, drinks := 6, 7.5, 0.0
	e := journal.Entry{Day: day, OccurredAt: fixedNow(), Body: "steady", Checkin: &journal.Checkin{Mood: &mood, SleepHours: &sleep, Drinks: &drinks}}
	prev, dc, err := s.SaveCheckin(ctx, &e)
	if err != nil || prev != nil || dc == nil || dc.After.StandardDrinks != 0 {
		t.Fatalf("first: %v %v %+v", err, prev, dc)
	}
	id := e.ID
	mood2, drinks2 := 7, 1.0
	e2 := journal.Entry{Day: day, OccurredAt: fixedNow(), Body: "better", Checkin: &journal.Checkin{Mood: &mood2, Drinks: &drinks2}}
	prev, dc, err = s.SaveCheckin(ctx, &e2)
	if err != nil || prev == nil || *prev.Checkin.Mood != 6 || e2.ID != id || dc == nil || *dc.Before != 0 {
		t.Fatalf("second: %v %+v %+v", err, prev, dc)
	}
	got, err := s.CheckinOn(ctx, day)
	if err != nil || got.ID != id || *got.Checkin.Mood != 7 || got.Checkin.SleepHours != nil || *got.Checkin.Drinks != 1 || got.Body != "better" {
		t.Fatalf("read back: %v %+v %+v", err, got, got.Checkin)
	}
	list, _ := s.Entries(ctx, journal.Filter{Kind: journal.KindCheckin})
	if len(list) != 1 {
		t.Fatalf("%d check-ins for one day", len(list))
	}
	if hits, _ := s.Search(ctx, "better", 0); len(hits) != 1 {
		t.Fatalf("the edited note is not searchable")
	}
}

func TestCopingStats(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	add := func(outcome journal.Outcome, coping ...string) {
		c := journal.Craving{Intensity: 5, Coping: coping, Outcome: outcome}
		c.Normalize()
		e := journal.Entry{Kind: journal.KindCraving, OccurredAt: fixedNow(), Craving: &c}
		if err := s.AddCraving(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	add("resisted", "walk", "tea")
	add("resisted", "Walk")
	add("used", "walk", "tea")
	add("", "walk") // unknown outcome: a use, not in the rate
	add("resisted", "tea")
	add("resisted", "call")
	totals, err := s.CopingTotals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := stats.CopingOf(totals)
	if len(got) != 2 {
		t.Fatalf("got %+v, want walk and tea (call has 1 use)", got)
	}
	// walk: 4 uses, 3 known, 2 resisted → 66.7%; tea: 3 uses, 2 of 3 → 66.7%; ties by uses.
	if got[0].Strategy != "walk" || got[0].Uses != 4 || got[0].Known != 3 || got[0].Resisted != 2 || *got[0].ResistedPercent != 66.7 {
		t.Errorf("walk: %+v", got[0])
	}
	if got[1].Strategy != "tea" || got[1].Uses != 3 || *got[1].ResistedPercent != 66.7 {
		t.Errorf("tea: %+v", got[1])
	}
}

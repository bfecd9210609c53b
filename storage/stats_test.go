package storage

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"journal/journal"
	"journal/journal/stats"
)

func openStatsTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "journal.db"), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mustExec(t testing.TB, s *Store, q string, args ...any) {
	t.Helper()
	if _, err := s.db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func date(s string) journal.Date {
	d, err := journal.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// fixture writes rows the way the tracking commands do, with plain SQL.
type fixture struct {
	t testing.TB
	s *Store
	n int
}

func (f *fixture) entry(kind, occurredAt string, deleted bool) int64 {
	f.n++
	var del any
	if deleted {
		del = occurredAt
	}
	res, err := f.s.db.Exec(`INSERT INTO entries (uuid, kind, day, occurred_at, created_at, updated_at, deleted_at)
		VALUES (?, ?, substr(?, 1, 10), ?, ?, ?, ?)`,
		fmt.Sprintf("u-%d", f.n), kind, occurredAt, occurredAt, occurredAt, occurredAt, del)
	if err != nil {
		f.t.Fatal(err)
	}
	id, _ := res.LastInsertId()
	return id
}

func (f *fixture) craving(occurredAt string, intensity int, outcome string, triggers, coping []string) int64 {
	id := f.entry("craving", occurredAt, false)
	mustExec(f.t, f.s, `INSERT INTO cravings (entry_id, intensity, outcome) VALUES (?, ?, ?)`, id, intensity, outcome)
	for _, tr := range triggers {
		mustExec(f.t, f.s, `INSERT INTO craving_triggers (entry_id, trigger) VALUES (?, ?)`, id, tr)
	}
	for _, c := range coping {
		mustExec(f.t, f.s, `INSERT INTO craving_coping (entry_id, strategy) VALUES (?, ?)`, id, c)
	}
	return id
}

func (f *fixture) drinks(day string, n float64, backfilled bool) {
	f.n++
	mustExec(f.t, f.s, `INSERT INTO drink_days (day, uuid, standard_drinks, first_recorded_at, backfilled, updated_at)
		VALUES (?, ?, ?, ?, ?, ?)`, day, fmt.Sprintf("d-%d", f.n), n, day+"T21:00:00Z", backfilled, day+"T21:00:00Z")
}

func (f *fixture) session(day string, deleted bool) {
	f.n++
	var del any
	if deleted {
		del = day + "T12:00:00Z"
	}
	mustExec(f.t, f.s, `INSERT INTO sessions (uuid, day, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?)`,
		fmt.Sprintf("s-%d", f.n), day, day+"T09:00:00Z", day+"T09:00:00Z", del)
}

func (f *fixture) call(day string, deleted bool) {
	f.n++
	var del any
	if deleted {
		del = day + "T12:00:00Z"
	}
	mustExec(f.t, f.s, `INSERT INTO calls (uuid, day, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?)`,
		fmt.Sprintf("c-%d", f.n), day, day+"T09:00:00Z", day+"T09:00:00Z", del)
}

func (f *fixture) checkin(occurredAt string, mood, sleep any, deleted bool) {
	id := f.entry("checkin", occurredAt, deleted)
	mustExec(f.t, f.s, `INSERT INTO checkins (entry_id, mood, sleep_hours) VALUES (?, ?, ?)`, id, mood, sleep)
}

func TestStatsInputEmpty(t *testing.T) {
	s := openStatsTemp(t)
	in, err := s.StatsInput(context.Background(), date("2026-11-01"), date("2026-11-30"), stats.Heavy{})
	if err != nil {
		t.Fatal(err)
	}
	want := stats.Input{From: date("2026-11-01"), To: date("2026-11-30")}
	if !reflect.DeepEqual(in, want) {
		t.Errorf("got %+v", in)
	}
}

func TestStatsInput(t *testing.T) {
	s := openStatsTemp(t)
	f := &fixture{t: t, s: s}
	ctx := context.Background()

	// Drinking days, one outside the comparison reach, one soft state:
	// drink_days has no deletion, a row is a record.
	f.drinks("2026-10-20", 9, false) // before the last drink before the window: not needed
	f.drinks("2026-10-27", 1, true)  // from-5: the last drink before the window
	f.drinks("2026-11-01", 0, false)
	f.drinks("2026-11-02", 4, true)
	f.drinks("2026-11-03", 2.5, false)

	f.craving("2026-11-01T21:15:00Z", 7, "resisted", []string{"stress", "evening"}, []string{"walk", "call"})
	f.craving("2026-11-01T22:40:00Z", 5, "used", []string{"stress"}, []string{"walk"})
	f.craving("2026-11-03T08:05:00Z", 3, "", []string{"social"}, []string{"walk"})
	f.craving("2026-11-03T21:00:00Z", 6, "resisted", nil, []string{"call"})
	deleted := f.entry("craving", "2026-11-03T21:30:00Z", true)
	mustExec(t, s, `INSERT INTO cravings (entry_id, intensity) VALUES (?, 10)`, deleted)
	mustExec(t, s, `INSERT INTO craving_triggers (entry_id, trigger) VALUES (?, 'stress')`, deleted)
	f.craving("2026-10-29T20:00:00Z", 9, "", []string{"stress"}, nil) // before the window

	f.checkin("2026-11-01T09:00:00Z", 6, 7.5, false)
	f.checkin("2026-11-02T09:00:00Z", nil, 6, false)
	f.checkin("2026-11-03T09:00:00Z", 2, 3, true) // deleted

	f.session("2026-09-01", false)
	f.session("2026-10-01", true) // deleted: not numbered
	f.session("2026-11-02", false)

	in, err := s.StatsInput(ctx, date("2026-11-01"), date("2026-11-07"), stats.Heavy{})
	if err != nil {
		t.Fatal(err)
	}
	wantDrinks := []stats.DrinkDay{
		{Day: date("2026-10-27"), Drinks: 1, Backfilled: true},
		{Day: date("2026-11-01"), Drinks: 0},
		{Day: date("2026-11-02"), Drinks: 4, Backfilled: true},
		{Day: date("2026-11-03"), Drinks: 2.5},
	}
	if !reflect.DeepEqual(in.DrinkDays, wantDrinks) {
		t.Errorf("drink days = %+v", in.DrinkDays)
	}
	wantCravings := []stats.CravingDay{
		{Day: date("2026-10-29"), Count: 1, Sum: 9, Max: 9},
		{Day: date("2026-11-01"), Count: 2, Sum: 12, Max: 7},
		{Day: date("2026-11-03"), Count: 2, Sum: 9, Max: 6},
	}
	if !reflect.DeepEqual(in.CravingDays, wantCravings) {
		t.Errorf("craving days = %+v", in.CravingDays)
	}
	var hours [24]int
	hours[8], hours[21], hours[22] = 1, 2, 1
	if in.ByHour != hours {
		t.Errorf("by hour = %v", in.ByHour)
	}
	wantT := map[string]int{"stress": 2, "evening": 1, "social": 1}
	gotT := map[string]int{}
	for _, tr := range in.Triggers {
		gotT[tr.Trigger] = tr.Count
	}
	if !reflect.DeepEqual(gotT, wantT) {
		t.Errorf("triggers = %v", gotT)
	}
	wantC := map[string]stats.CopingTotals{
		"walk": {Strategy: "walk", Uses: 3, Known: 2, Resisted: 1},
		"call": {Strategy: "call", Uses: 2, Known: 2, Resisted: 2},
	}
	gotC := map[string]stats.CopingTotals{}
	for _, c := range in.Coping {
		gotC[c.Strategy] = c
	}
	if !reflect.DeepEqual(gotC, wantC) {
		t.Errorf("coping = %v", gotC)
	}
	if want := (stats.CheckinTotals{Count: 2, MoodN: 1, MoodSum: 6, SleepN: 2, SleepSum: 13.5}); in.Checkins != want {
		t.Errorf("check-ins = %+v", in.Checkins)
	}
	// Every live session, numbered by day; the deleted one is left out.
	wantS := []stats.SessionDay{{Number: 1, Day: date("2026-09-01")}, {Number: 2, Day: date("2026-11-02")}}
	if !reflect.DeepEqual(in.Sessions, wantS) {
		t.Errorf("sessions = %+v, want %+v", in.Sessions, wantS)
	}
	// The session on 1 September: the first heavy day after it is 20
	// October, 49 days later, but a September summary looks only up to its
	// last day, so it does not change once October is logged.
	for _, c := range []struct {
		to   string
		want *int
	}{{"2026-09-30", nil}, {"2026-10-31", ptr(49)}} {
		in, err = s.StatsInput(ctx, date("2026-09-01"), date(c.to), stats.Heavy{})
		if err != nil {
			t.Fatal(err)
		}
		r := stats.Compute(in)
		if len(r.Sessions) != 1 || !reflect.DeepEqual(r.Sessions[0].FirstHeavyDayAfter, c.want) {
			t.Errorf("to %s: sessions = %+v", c.to, r.Sessions)
		}
	}
	// At 140 g (10 drinks of 14 g) 9 drinks are not heavy.
	in, _ = s.StatsInput(ctx, date("2026-09-01"), date("2026-10-31"), stats.Heavy{DayGrams: 140, DrinkGrams: 14})
	if r := stats.Compute(in); r.Sessions[0].FirstHeavyDayAfter != nil {
		t.Errorf("140 g: %+v", r.Sessions)
	}

	// The whole path, worked by hand for 1–7 November.
	in, _ = s.StatsInput(ctx, date("2026-11-01"), date("2026-11-07"), stats.Heavy{})
	r := stats.Compute(in)
	d := r.Drinking
	if d.DaysRecorded != 3 || d.DaysAbstinent != 1 || d.HeavyDrinkingDays != 1 || d.DrinksTotal != 6.5 ||
		*d.DrinksPerDrinkingDay != 3.25 || *d.PercentDaysAbstinent != 33.3 || d.DaysBackfilled != 1 ||
		d.CurrentStreakDays != 0 || *d.DaysSinceLastDrink != 4 {
		t.Errorf("drinking = %+v", d)
	}
	if c := r.Cravings; c.Count != 4 || *c.MeanIntensity != 5.25 || *c.MaxIntensity != 7 {
		t.Errorf("cravings = %+v", c)
	}
	// Session 2 on 2 November: before is 26 Oct–1 Nov (drinks on 27 Oct;
	// cravings 9, 7, 5), after is 3–7 Nov, stopping at the window's last
	// day (2.5 drinks; cravings 3, 6).
	if got := r.Sessions[0]; got.Number != 2 || got.Before.Days != 7 || got.Before.DrinkingDays != 1 || *got.Before.CravingMean != 7 ||
		got.After.Days != 5 || got.After.DrinkingDays != 1 || *got.After.CravingMean != 4.5 || got.FirstHeavyDayAfter != nil {
		t.Errorf("session = %+v", got)
	}
}

// Local hours come from the stored offset, so the hour that repeats when
// British clocks go back (25 October 2026) counts twice at 01, and the
// 25-hour day is still one day.
func TestStatsAcrossDaylightSaving(t *testing.T) {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	s := openStatsTemp(t)
	f := &fixture{t: t, s: s}
	first := time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC).In(loc) // 01:30 BST
	second := first.Add(time.Hour)                                  // 01:30 GMT
	for _, at := range []time.Time{first, second, time.Date(2026, 10, 24, 23, 30, 0, 0, loc), time.Date(2026, 10, 26, 0, 15, 0, 0, loc)} {
		f.craving(at.Format(time.RFC3339), 4, "", nil, nil)
	}
	if first.Format(time.RFC3339) != "2026-10-25T01:30:00+01:00" || second.Format(time.RFC3339) != "2026-10-25T01:30:00Z" {
		t.Fatalf("fixture times: %s %s", first.Format(time.RFC3339), second.Format(time.RFC3339))
	}
	in, err := s.StatsInput(context.Background(), date("2026-10-24"), date("2026-10-26"), stats.Heavy{})
	if err != nil {
		t.Fatal(err)
	}
	r := stats.Compute(in)
	if r.Range.DaysInRange != 3 || r.Cravings.Count != 4 {
		t.Errorf("range %d days, %d cravings", r.Range.DaysInRange, r.Cravings.Count)
	}
	if h := r.Cravings.ByHour; h[1] != 2 || h[23] != 1 || h[0] != 1 {
		t.Errorf("by hour = %v", h)
	}
	// Saturday 24, Sunday 25 (two), Monday 26; two ISO weeks.
	if w := r.Cravings.ByWeekday; w != [7]int{1, 0, 0, 0, 0, 1, 2} {
		t.Errorf("by weekday = %v", w)
	}
	if len(r.Cravings.Weekly) != 2 || r.Cravings.Weekly[0].Count != 3 || r.Cravings.Weekly[1].Count != 1 {
		t.Errorf("weekly = %+v", r.Cravings.Weekly)
	}
}

func TestAnchorDays(t *testing.T) {
	s := openStatsTemp(t)
	ctx := context.Background()
	today := date("2026-11-25")
	for name, get := range map[string]func() (journal.Date, bool, error){
		"first session": func() (journal.Date, bool, error) { return s.FirstSessionDay(ctx) },
		"last session":  func() (journal.Date, bool, error) { return s.LastSessionDay(ctx, today) },
		"last call":     func() (journal.Date, bool, error) { return s.LastCallDay(ctx, today) },
	} {
		if _, ok, err := get(); ok || err != nil {
			t.Errorf("%s on an empty journal: ok=%v err=%v", name, ok, err)
		}
	}
	f := &fixture{t: t, s: s}
	f.session("2026-08-01", true)
	f.session("2026-09-01", false)
	f.session("2026-11-10", false)
	f.session("2026-12-01", false) // planned
	f.call("2026-11-20", false)
	f.call("2026-11-22", true)
	for name, tc := range map[string]struct {
		get  func() (journal.Date, bool, error)
		want string
	}{
		"first session": {func() (journal.Date, bool, error) { return s.FirstSessionDay(ctx) }, "2026-09-01"},
		"last session":  {func() (journal.Date, bool, error) { return s.LastSessionDay(ctx, today) }, "2026-11-10"},
		"last call":     {func() (journal.Date, bool, error) { return s.LastCallDay(ctx, today) }, "2026-11-20"},
	} {
		d, ok, err := tc.get()
		if !ok || err != nil || d.String() != tc.want {
			t.Errorf("%s = %v %v %v, want %s", name, d, ok, err, tc.want)
		}
	}
}

func TestCalendarDays(t *testing.T) {
	s := openStatsTemp(t)
	f := &fixture{t: t, s: s}
	f.drinks("2026-11-01", 0, false)
	f.drinks("2026-11-02", 4, false)
	f.drinks("2026-11-05", 1.5, false)
	f.craving("2026-11-02T20:00:00Z", 3, "", nil, nil)
	f.craving("2026-11-02T22:00:00Z", 8, "", nil, nil)
	f.session("2026-11-03", false)
	days, err := s.CalendarDays(context.Background(), date("2026-11-01"), date("2026-11-04"))
	if err != nil {
		t.Fatal(err)
	}
	if len(days) != 4 {
		t.Fatalf("got %d days", len(days))
	}
	classes := []stats.DrinkClass{}
	for _, d := range days {
		classes = append(classes, d.Class(stats.Heavy{}))
	}
	if want := []stats.DrinkClass{stats.DayAbstinent, stats.DayHeavy, stats.DayUnrecorded, stats.DayUnrecorded}; !reflect.DeepEqual(classes, want) {
		t.Errorf("classes = %v, want %v", classes, want)
	}
	if days[1].MaxCraving == nil || *days[1].MaxCraving != 8 || days[0].MaxCraving != nil {
		t.Errorf("cravings: %+v", days[:2])
	}
	if !days[2].Session || days[1].Session {
		t.Errorf("sessions: %+v", days)
	}
}

// Over a long window, with cravings outside it and one deleted, the
// per-day summaries count exactly the live cravings inside it.
func TestStatsInputLongWindow(t *testing.T) {
	s := openStatsTemp(t)
	f := &fixture{t: t, s: s}
	f.craving("2025-01-10T20:00:00Z", 5, "resisted", []string{"stress"}, []string{"walk"})
	f.craving("2025-06-10T20:00:00Z", 6, "used", []string{"stress", "social"}, []string{"walk", "call"})
	f.craving("2026-11-01T20:00:00Z", 7, "", []string{"social"}, []string{"walk"})
	f.craving("2024-12-31T20:00:00Z", 9, "used", []string{"stress"}, []string{"walk"}) // before the window
	f.craving("2026-11-26T20:00:00Z", 9, "used", []string{"stress"}, []string{"walk"}) // after it
	gone := f.craving("2025-03-03T20:00:00Z", 9, "used", []string{"stress"}, []string{"walk"})
	mustExec(t, s, `UPDATE entries SET deleted_at = occurred_at WHERE id = ?`, gone)
	// A note that is not a craving is never counted either way.
	f.entry("note", "2025-02-02T10:00:00Z", false)

	ctx := context.Background()
	count := func(from, to string) (map[string]int, map[string]stats.CopingTotals) {
		t.Helper()
		in, err := s.StatsInput(ctx, date(from), date(to), stats.Heavy{})
		if err != nil {
			t.Fatal(err)
		}
		tr := map[string]int{}
		for _, x := range in.Triggers {
			tr[x.Trigger] = x.Count
		}
		co := map[string]stats.CopingTotals{}
		for _, x := range in.Coping {
			co[x.Strategy] = x
		}
		return tr, co
	}
	wantT := map[string]int{"stress": 2, "social": 2}
	wantC := map[string]stats.CopingTotals{
		"walk": {Strategy: "walk", Uses: 3, Known: 2, Resisted: 1},
		"call": {Strategy: "call", Uses: 1, Known: 1, Resisted: 0},
	}
	tr, co := count("2025-01-01", "2026-11-25")
	if !reflect.DeepEqual(tr, wantT) || !reflect.DeepEqual(co, wantC) {
		t.Errorf("long window: triggers %v coping %v", tr, co)
	}
	// Two short windows that split the same cravings add up to the same.
	tr1, co1 := count("2025-01-01", "2025-12-31")
	tr2, co2 := count("2026-01-01", "2026-11-25")
	if tr1["stress"]+tr2["stress"] != 2 || tr1["social"]+tr2["social"] != 2 ||
		co1["walk"].Uses+co2["walk"].Uses != 3 || co1["walk"].Resisted+co2["walk"].Resisted != 1 {
		t.Errorf("short windows: %v %v %v %v", tr1, tr2, co1, co2)
	}
}

func TestDayOf(t *testing.T) {
	for _, s := range []string{"2026-11-25", "2000-02-29", "1999-12-31"} {
		if got := dayOf(s); got != date(s) {
			t.Errorf("dayOf(%q) = %v", s, got)
		}
	}
	if got := dayOf("garbage"); !got.IsZero() {
		t.Errorf("dayOf(garbage) = %v", got)
	}
}

func ptr[T any](v T) *T { return &v }

// The runs and the last drink reach back past the window as far as they
// need: to the last drink before it, or to the first record when there is
// none. 1–30 September alcohol-free, a drink on 1 October, alcohol-free
// from 2 October; windows in November.
func TestStatsInputReachesBackForRuns(t *testing.T) {
	s := openStatsTemp(t)
	f := &fixture{t: t, s: s}
	ctx := context.Background()
	day := date("2026-09-01")
	for ; day.Before(date("2026-11-21")); day = day.AddDays(1) {
		n := 0.0
		if day == date("2026-10-01") {
			n = 2
		}
		f.drinks(day.String(), n, false)
	}
	in, err := s.StatsInput(ctx, date("2026-11-10"), date("2026-11-20"), stats.Heavy{})
	if err != nil {
		t.Fatal(err)
	}
	// 2 October to 20 November is 50 days; the drink was 50 days before.
	if d := stats.Compute(in).Drinking; d.CurrentStreakDays != 50 || *d.DaysSinceLastDrink != 50 || d.LongestStreakDays != 11 {
		t.Errorf("after a drink: run %d, since %v, longest %d", d.CurrentStreakDays, *d.DaysSinceLastDrink, d.LongestStreakDays)
	}
	if in.DrinkDays[0].Day != date("2026-10-01") {
		t.Errorf("read from %s, want the last drink, 1 October", in.DrinkDays[0].Day)
	}
	// A window in September: no drink before it, so the run reaches the
	// first record, 1 September: 20 days up to the 20th.
	in, _ = s.StatsInput(ctx, date("2026-09-15"), date("2026-09-20"), stats.Heavy{})
	if d := stats.Compute(in).Drinking; d.CurrentStreakDays != 20 || d.DaysSinceLastDrink != nil {
		t.Errorf("no drink yet: run %d, since %v", d.CurrentStreakDays, d.DaysSinceLastDrink)
	}
}

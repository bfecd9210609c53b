package report

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"journal/journal"
	"journal/journal/stats"
)

func day(s string) journal.Date {
	d, err := journal.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestPeriod(t *testing.T) {
	today := day("2026-11-25")
	tests := []struct {
		name     string
		since    string
		to       journal.Date
		call     string
		from     string
		basis    Basis
		prevFrom string
		prevTo   string
	}{
		// 18..25 is 8 days, so the 8 days before are 10..17.
		{"since the last call", "", today, "2026-11-18", "2026-11-18", BasisLastCall, "2026-11-10", "2026-11-17"},
		// A call today: just today, compared with yesterday.
		{"call today", "", today, "2026-11-25", "2026-11-25", BasisLastCall, "2026-11-24", "2026-11-24"},
		// No call: 30 days ending today, 27 Oct..25 Nov; before: 27 Sep..26 Oct.
		{"no call", "", today, "", "2026-10-27", BasisNoCall, "2026-09-27", "2026-10-26"},
		// --since wins over the call.
		{"since given", "2026-11-01", today, "2026-11-18", "2026-11-01", BasisGiven, "2026-10-07", "2026-10-31"},
		// A call after --until is not "the last call" of that period.
		{"call after until", "", day("2026-11-10"), "2026-11-18", "2026-10-12", BasisNoCall, "2026-09-12", "2026-10-11"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var since, call journal.Date
			if tt.since != "" {
				since = day(tt.since)
			}
			if tt.call != "" {
				call = day(tt.call)
			}
			from, basis := Period(since, tt.to, call, tt.call != "")
			if from != day(tt.from) || basis != tt.basis {
				t.Fatalf("Period = %s, %v; want %s, %v", from, basis, tt.from, tt.basis)
			}
			pf, pt := Previous(from, tt.to)
			if pf != day(tt.prevFrom) || pt != day(tt.prevTo) {
				t.Errorf("Previous = %s..%s; want %s..%s", pf, pt, tt.prevFrom, tt.prevTo)
			}
		})
	}
}

func dd(s string, n float64) stats.DrinkDay { return stats.DrinkDay{Day: day(s), Drinks: n} }

// fixture: the period 19..25 Nov (7 days) since a call on the 19th, and
// the 7 days before, 12..18 Nov. Every number in the tests below is worked
// out by hand from these days.
func fixture() Input {
	drinks := []stats.DrinkDay{
		// before: 12..18, 6 recorded: 3 alcohol-free, 3 drinking (2, 5, 1),
		// one heavy (5); longest run 2 (15, 16); 17 is not recorded.
		dd("2026-11-12", 2), dd("2026-11-13", 0), dd("2026-11-14", 5),
		dd("2026-11-15", 0), dd("2026-11-16", 0), dd("2026-11-18", 1),
		// period: 19..25, 7 recorded: 6 alcohol-free, 1 drinking (3, on the 21st);
		// runs 19..20 (2) and 22..25 (4, the current one).
		dd("2026-11-19", 0), dd("2026-11-20", 0), {Day: day("2026-11-21"), Drinks: 3, Backfilled: true},
		dd("2026-11-22", 0), dd("2026-11-23", 0), dd("2026-11-24", 0), dd("2026-11-25", 0),
	}
	cur := stats.Input{From: day("2026-11-19"), To: day("2026-11-25"), DrinkDays: drinks,
		CravingDays: []stats.CravingDay{
			{Day: day("2026-11-14"), Count: 2, Sum: 14, Max: 8},
			{Day: day("2026-11-20"), Count: 1, Sum: 6, Max: 6},
			{Day: day("2026-11-24"), Count: 2, Sum: 6, Max: 4},
		},
		Triggers: []stats.TriggerCount{{Trigger: "stress", Count: 2}, {Trigger: "evening", Count: 1}},
		Coping:   []stats.CopingTotals{{Strategy: "walk", Uses: 3, Known: 2, Resisted: 1}, {Strategy: "tea", Uses: 1, Known: 1, Resisted: 1}},
		Checkins: stats.CheckinTotals{Count: 3, MoodN: 2, MoodSum: 13, SleepN: 1, SleepSum: 7},
		Sessions: []stats.SessionDay{{Number: 2, Day: day("2026-11-20")}},
	}
	prev := cur
	prev.From, prev.To = Previous(cur.From, cur.To)
	prev.Triggers, prev.Coping, prev.Sessions, prev.Checkins = nil, nil, nil, stats.CheckinTotals{}
	sid := int64(7)
	other := int64(3)
	return Input{
		Current:  stats.Compute(cur),
		Previous: stats.Compute(prev),
		Basis:    BasisLastCall,
		Today:    day("2026-11-25"),
		Drinks:   drinks,
		Sessions: []SessionInput{{
			Session: journal.Session{ID: sid, Number: 2, Day: day("2026-11-20"), Setting: "clinic", Note: "went well"},
			Entries: []journal.Entry{
				{Day: day("2026-11-19"), PromptSet: "intention", SessionID: &sid, Answers: []journal.Answer{
					{Key: "hope", Question: "What do you hope to explore?", Answer: "Evenings"},
					{Key: "let_go", Question: "Let go of?", Answer: "not quoted"}}},
				{Day: day("2026-11-21"), PromptSet: "reflection", SessionID: &sid, Answers: []journal.Answer{
					{Key: "coach", Question: "What would you like to bring to your coach?", Answer: "The dream about the lake"},
					{Key: "action", Question: "One small thing", Answer: "Walk after work"}}},
			},
		}},
		Guided: []journal.Entry{
			{Day: day("2026-11-21"), PromptSet: "reflection", SessionID: &sid, Answers: []journal.Answer{
				{Key: "coach", Answer: "The dream about the lake"}}},
			{Day: day("2026-11-23"), PromptSet: "reflection", SessionID: &other, Answers: []journal.Answer{
				{Key: "coach", Answer: "  Sleep  "}, {Key: "coach", Answer: " "}}},
		},
		CheckinDays: []journal.Date{day("2026-11-19"), day("2026-11-23"), day("2026-11-25")},
	}
}

func TestBuildComparesWithThePeriodBefore(t *testing.T) {
	r := Build(fixture())
	if r.Period != "Thu 19 Nov 2026 to Wed 25 Nov 2026 (7 days)" || r.Basis != "Since the coaching call on Thu 19 Nov 2026." {
		t.Errorf("period = %q, basis = %q", r.Period, r.Basis)
	}
	if r.PrevFrom != day("2026-11-12") || r.PrevTo != day("2026-11-18") || !r.HasEarlier {
		t.Errorf("previous = %s..%s, earlier %v", r.PrevFrom, r.PrevTo, r.HasEarlier)
	}
	want := []Measure{
		// 6/7 = 85.7%, 3/6 = 50%: up 35.7 points.
		{"alcohol_free_days", "Alcohol-free days", "6 of 7 recorded (85.7%)", "3 of 6 recorded (50%)", "up 35.7 points"},
		// Of all 7 days: 6/7 = 85.7%; before, 3/7 = 42.9% (one day unrecorded).
		{"alcohol_free_days_of_range", "Alcohol-free, of all days", "6 of 7 days (85.7%)", "3 of 7 days (42.9%)", "up 42.8 points"},
		{"drinking_days", "Drinking days", "1 of 7 recorded (14.3%)", "3 of 6 recorded (50%)", "2 fewer days"},
		{"heavy_drinking_days", "Heavy days (4+ drinks)", "0 of 7 recorded (0%)", "1 of 6 recorded (16.7%)", "1 fewer day"},
		// 3/1 = 3; 8/3 = 2.67.
		{"drinks_per_drinking_day", "Drinks per drinking day", "3", "2.67", "up 0.33"},
		{"current_streak_days", "Current alcohol-free run", "4 days", "–", ""},
		{"longest_streak_days", "Longest alcohol-free run", "4 days", "2 days", "2 more days"},
		{"days_recorded", "Days recorded", "7 of 7", "6 of 7, 1 unrecorded", "1 more day"},
		{"days_backfilled", "Recalled later", "1 day", "0 days", "1 more day"},
	}
	if !reflect.DeepEqual(r.Drinking, want) {
		for i := range max(len(r.Drinking), len(want)) {
			if i >= len(r.Drinking) || i >= len(want) || r.Drinking[i] != want[i] {
				t.Errorf("measure %d:\n got %+v\nwant %+v", i, at(r.Drinking, i), at(want, i))
			}
		}
	}
	// Period: 3 cravings, (6+6)/3 = 4, strongest 6; weeks of 16 Nov (mean 6)
	// and 23 Nov (mean 3): down 3 a week. Before: 2 cravings, mean 7.
	wantC := Cravings{Count: 3, Mean: "4", Max: "6",
		Trend:  "Easing: intensity down by 3 a week on average, over 2 weeks with cravings.",
		Before: "The period before: 2 cravings, mean intensity 7."}
	if r.Cravings != wantC {
		t.Errorf("cravings = %+v", r.Cravings)
	}
	if want := []string{"stress (2)", "evening (1)"}; !reflect.DeepEqual(r.Triggers, want) {
		t.Errorf("triggers = %q", r.Triggers)
	}
	// tea was used once: not shown. walk: 1 of 2 known resisted.
	if want := []Coping{{"walk", 3, 2, "resisted 1 of 2 with an outcome (50%)"}}; !reflect.DeepEqual(r.Coping, want) {
		t.Errorf("coping = %+v", r.Coping)
	}
	// 19..24 have ended; check-ins on 19, 23 and today (25).
	wantK := Checkins{Count: 3, Days: 7, Mood: "6.5 of 10", Sleep: "7 hours a night",
		Missing: []DayRange{{day("2026-11-20"), day("2026-11-22")}, {day("2026-11-24"), day("2026-11-24")}}}
	if !reflect.DeepEqual(r.Checkins, wantK) || r.Checkins.MissingDays() != 4 {
		t.Errorf("check-ins = %+v", r.Checkins)
	}
	if r.Checkins.Missing[0].String() != "Fri 20 Nov to Sun 22 Nov" || r.Checkins.Missing[1].String() != "Tue 24 Nov" {
		t.Errorf("missing = %v", r.Checkins.Missing)
	}
}

func at(ms []Measure, i int) any {
	if i < len(ms) {
		return ms[i]
	}
	return nil
}

func TestBuildSessionsAndNotesForTheCoach(t *testing.T) {
	r := Build(fixture())
	if len(r.Sessions) != 1 {
		t.Fatalf("sessions = %+v", r.Sessions)
	}
	s := r.Sessions[0]
	if s.Heading != "Session 2 · Fri 20 Nov 2026 · clinic" || s.Note != "went well" {
		t.Errorf("heading = %q, note %q", s.Heading, s.Note)
	}
	// Before (13..19): recorded 13, 14, 15, 16, 18, 19 = 6, drinking 14 and
	// 18 = 2; cravings 2 on the 14th, mean 7. After: 21..25, stopping at
	// the period's last day (5 days): recorded 5, drinking 1; 2 cravings
	// on the 24th, mean 3.
	wantAround := []string{
		"7 days before: 2 drinking days of 6 recorded; 2 cravings, mean 7",
		"5 days after: 1 drinking day of 5 recorded; 2 cravings, mean 3",
	}
	if !reflect.DeepEqual(s.Around, wantAround) {
		t.Errorf("around = %q", s.Around)
	}
	if want := []Note{{day("2026-11-21"), "The dream about the lake"}}; !reflect.DeepEqual(s.ForCoach, want) {
		t.Errorf("for coach = %+v", s.ForCoach)
	}
	if want := []Quote{{"What do you hope to explore?", "Evenings"}, {"One small thing", "Walk after work"}}; !reflect.DeepEqual(s.Quotes, want) {
		t.Errorf("quotes = %+v", s.Quotes)
	}
	// The lake answer is already under its session; an empty answer is no note.
	if want := []Note{{day("2026-11-23"), "Sleep"}}; !reflect.DeepEqual(r.CoachNotes, want) {
		t.Errorf("coach notes = %+v", r.CoachNotes)
	}
}

func TestBuildWithNoEarlierData(t *testing.T) {
	in := fixture()
	empty := stats.Input{From: day("2026-11-12"), To: day("2026-11-18")}
	in.Previous = stats.Compute(empty)
	r := Build(in)
	if r.HasEarlier {
		t.Error("HasEarlier with nothing recorded before")
	}
	for _, m := range r.Drinking {
		if m.Change != "no earlier data" || m.Before != "–" {
			t.Errorf("%s: before %q, change %q", m.Key, m.Before, m.Change)
		}
	}
	if r.Cravings.Before != "None logged in the period before." {
		t.Errorf("cravings before = %q", r.Cravings.Before)
	}
}

func TestBuildEmptyPeriod(t *testing.T) {
	in := Input{
		Current:  stats.Compute(stats.Input{From: day("2026-10-27"), To: day("2026-11-25")}),
		Previous: stats.Compute(stats.Input{From: day("2026-09-27"), To: day("2026-10-26"), DrinkDays: []stats.DrinkDay{dd("2026-10-01", 0)}}),
		Basis:    BasisNoCall,
		Today:    day("2026-11-25"),
	}
	r := Build(in)
	if r.Basis != "No coaching call logged yet, so this covers the last 30 days." {
		t.Errorf("basis = %q", r.Basis)
	}
	if r.DrinkingNote == "" {
		t.Error("no note for an empty period")
	}
	// Something was recorded before, nothing now: no change is claimed.
	for _, m := range r.Drinking {
		if m.Key != "days_recorded" && m.Change != "" {
			t.Errorf("%s: change %q from nothing recorded", m.Key, m.Change)
		}
	}
	if r.Checkins.Count != 0 || r.Checkins.Days != 29 || len(r.Checkins.Missing) != 1 {
		t.Errorf("check-ins = %+v", r.Checkins)
	}
	var b bytes.Buffer
	if err := Text(&b, r, Style{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "No check-ins in this period.") {
		t.Errorf("text:\n%s", b.String())
	}
}

func TestTextFitsEightyColumns(t *testing.T) {
	in := fixture()
	in.Sessions[0].Entries[1].Answers[0].Answer = strings.Repeat("a long answer that goes on ", 12)
	var b bytes.Buffer
	if err := Text(&b, Build(in), Style{}); err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(b.String(), "\n") {
		if n := len([]rune(l)); n > 80 {
			t.Errorf("%d columns: %q", n, l)
		}
	}
	t.Log("\n" + b.String())
}

func TestMarkdown(t *testing.T) {
	in := fixture()
	in.Guided[1].Answers[0].Answer = "- *not* a list\n# nor a heading | <b>"
	var b bytes.Buffer
	if err := Markdown(&b, Build(in)); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, want := range []string{
		"# Report for your coach\n",
		"| Alcohol-free days | 6 of 7 recorded (85.7%) | 3 of 6 recorded (50%) | up 35.7 points |\n",
		"| Current alcohol-free run | 4 days | – | – |\n",
		"### Session 2 · Fri 20 Nov 2026 · clinic\n",
		"**To bring to the coach** (Sat 21 Nov 2026):\n\n> The dream about the lake\n",
		"> \\- \\*not\\* a list\\\n> \\# nor a heading \\| \\<b\\>\n",
		"- **Days without a check-in:** Fri 20 Nov to Sun 22 Nov, Tue 24 Nov\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("missing %q in:\n%s", want, md)
		}
	}
}

func TestHTML(t *testing.T) {
	in := fixture()
	in.Guided[1].Answers[0].Answer = `<script>alert("x")</script> & more`
	var b bytes.Buffer
	if err := HTML(&b, Build(in)); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{
		"<title>Report for your coach · 19 Nov – 25 Nov 2026</title>",
		`<tr class="lead"><td>Alcohol-free days</td><td>6 of 7 recorded (85.7%)</td><td>3 of 6 recorded (50%)</td><td>up 35.7 points</td></tr>`,
		"<blockquote>The dream about the lake</blockquote>",
		"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; more",
		`<title id="drinks-title">`, `<title id="craving-title">`,
		"Fri 20 Nov 2026: alcohol-free", "Sat 21 Nov 2026: 3 standard drinks", "Tue 17 Nov", // not in the period
	} {
		if want == "Tue 17 Nov" {
			if strings.Contains(page, want) {
				t.Errorf("a day before the period is charted")
			}
			continue
		}
		if !strings.Contains(page, want) {
			t.Errorf("missing %q", want)
		}
	}
	// Self-contained: nothing fetched, nothing run.
	for _, bad := range []string{"<script", "http://", "https://", "src=", "@import", "url("} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
}

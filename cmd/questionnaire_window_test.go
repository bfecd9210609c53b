package cmd

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"journal/journal"
	"journal/journal/stats"
	"journal/prompts"
)

// A month's stats read only the window's questionnaires and the nearest
// scores around it, yet give the figures the whole history gives: on three
// years of PHQ-9 and GAD-7, with unscored, private and same-day entries and
// a session every 45 days, every 30-day window (and a whole year) has the
// same scores, first, last, change and before/after of each session as
// scoring every questionnaire ever done, for stats and for the report.
func TestQuestionnaireWindowMatchesWholeHistory(t *testing.T) {
	ctx := context.Background()
	f, _, _ := trackFactory(t, t.TempDir(), "", false, nil)
	st, err := f.Store(ctx)
	if err != nil {
		t.Fatal(err)
	}
	qs, _, err := questionnaires(f)
	if err != nil {
		t.Fatal(err)
	}
	sets := map[string]prompts.Set{}
	for _, q := range qs {
		sets[q.Name] = q
	}
	end := journal.DateOf(f.Now())
	start := end.AddDays(-3 * 365)
	add := func(name string, day journal.Date, hour, n int, answered int, private bool) {
		t.Helper()
		q := sets[name]
		values := map[string]prompts.Value{}
		for i, k := range q.Scoring.Items[:answered] {
			values[k] = prompts.Value{Picked: []int{(n + i) % (q.Scoring.ItemMax + 1)}}
		}
		at := time.Date(day.Year, time.Month(day.Month), day.Day, hour, 0, 0, 0, time.UTC)
		e := journal.Entry{Kind: journal.KindGuided, OccurredAt: at, PromptSet: name, Answers: q.Answers(values), Private: private}
		if err := st.AddGuidedEntry(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	for i, d := 0, start; !d.After(end); i, d = i+1, d.AddDays(6+i%3) {
		answered := 9
		if i%5 == 0 || i%7 == 0 {
			answered = 4 // too many left out: no score
		}
		add("phq9", d, 9, i, answered, i%3 == 0)
		if i%4 == 0 {
			add("phq9", d, 18, i+1, 9, false) // a second on the same day
		}
		if i%2 == 0 {
			add("gad7", d, 10, i, 7-(i%11)/5*3, i%5 == 1)
		}
	}
	for d := start.AddDays(20); !d.After(end); d = d.AddDays(45) {
		if err := st.AddSession(ctx, &journal.Session{Day: d, Route: "IM"}); err != nil {
			t.Fatal(err)
		}
	}

	// What the figures were before: every questionnaire ever done, scored.
	wholeHistory := func(r stats.Report, withPrivate bool) stats.Report {
		scored, err := scoredEntries(ctx, st, qs)
		if err != nil {
			t.Fatal(err)
		}
		defs := make([]stats.QuestionnaireDef, len(qs))
		for i, q := range qs {
			defs[i] = stats.QuestionnaireDef{Name: q.Name, Title: q.Title, Max: q.Scoring.Max, RemissionBelow: q.Scoring.RemissionBelow}
		}
		history := map[string][]stats.QuestionnaireScore{}
		for _, se := range scored {
			if !se.Entry.Private || withPrivate {
				history[se.Set.Name] = append(history[se.Set.Name], questionnaireScore(se.Set, se.Entry))
			}
		}
		r.Questionnaires, r.QuestionnaireTrends = stats.Questionnaires(defs, history, r.Range.From, r.Range.To, r.Sessions)
		return r
	}
	asJSON := func(r stats.Report) string {
		b, err := json.Marshal(struct {
			Q any
			T any
			S any
		}{r.Questionnaires, r.QuestionnaireTrends, r.Sessions})
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	windows := [][2]journal.Date{{end.AddDays(-364), end}}
	for to := start.AddDays(10); !to.After(end.AddDays(40)); to = to.AddDays(23) {
		windows = append(windows, [2]journal.Date{to.AddDays(-29), to})
	}
	withSessions := 0
	for _, w := range windows {
		in, err := st.StatsInput(ctx, w[0], w[1], heavyOf(journal.DefaultConfig()))
		if err != nil {
			t.Fatal(err)
		}
		r := stats.Compute(in)
		if len(r.Sessions) > 0 {
			withSessions++
		}
		for _, withPrivate := range []bool{true, false} {
			got := r
			if err := addQuestionnaires(ctx, f, st, &got, withPrivate); err != nil {
				t.Fatal(err)
			}
			if g, want := asJSON(got), asJSON(wholeHistory(r, withPrivate)); g != want {
				t.Fatalf("%s..%s (private %v):\n got %s\nwant %s", w[0], w[1], withPrivate, g, want)
			}
		}
	}
	if withSessions < 12 {
		t.Fatalf("only %d windows hold a session: the test does not test the before and after", withSessions)
	}
}

package storage

import (
	"context"
	"fmt"
	"testing"
	"time"

	"journal/journal"
)

// The questionnaire read gives the window's questionnaires with their
// answers and, asked for the sessions' before and after, the nearest one
// of each kind on either side, however many other guided entries and
// years lie between; private ones only when asked.
func TestQuestionnaireEntriesWindowAndNearest(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	add := func(set, day string, private bool, score string) int64 {
		t.Helper()
		d, err := journal.ParseDate(day)
		if err != nil {
			t.Fatal(err)
		}
		e := journal.Entry{Kind: journal.KindGuided, PromptSet: set, Private: private,
			OccurredAt: time.Date(d.Year, d.Month, d.Day, 9, 0, 0, 0, time.UTC),
			Answers:    []journal.Answer{{Key: "q1", Question: "First?", Answer: score}, {Key: "q2", Question: "Second?", Answer: "0 (not at all)"}}}
		if err := s.AddGuidedEntry(ctx, &e); err != nil {
			t.Fatal(err)
		}
		return e.ID
	}
	oldPHQ := add("phq9", "2019-03-01", false, "1 (several days)")
	add("phq9", "2019-02-01", false, "2 (more than half the days)")
	privateGAD := add("gad7", "2026-10-20", true, "3 (nearly every day)")
	oldGAD := add("gad7", "2018-05-05", false, "1 (several days)")
	// Years of other guided entries between the window and the old ones.
	for d := (journal.Date{Year: 2019, Month: 4, Day: 1}); d.Before(journal.Date{Year: 2026, Month: 11, Day: 1}); d = d.AddDays(9) {
		add("weekly", d.String(), false, "fine")
	}
	inWindow := add("phq9", "2026-11-10", false, "0 (not at all)")
	add("phq9", "2026-11-12", true, "1 (several days)")
	add("other", "2026-11-11", false, "x")
	after := add("gad7", "2026-12-24", false, "2 (more than half the days)")
	add("gad7", "2026-12-30", false, "2 (more than half the days)")

	from, to := journal.Date{Year: 2026, Month: 11, Day: 1}, journal.Date{Year: 2026, Month: 11, Day: 30}
	sets := []string{"gad7", "phq9", "pcl5"}
	ids := func(es []journal.Entry) string {
		out := ""
		for _, e := range es {
			out += fmt.Sprintf("%d:%s:%s:%v:%d ", e.ID, e.PromptSet, e.Day, e.Private, len(e.Answers))
		}
		return out
	}

	es, err := s.QuestionnaireEntries(ctx, sets, from, to, false, false)
	if err != nil {
		t.Fatal(err)
	}
	if got, w := ids(es), fmt.Sprintf("%d:phq9:2026-11-10:false:2 ", inWindow); got != w {
		t.Errorf("window only, shared:\n got %s\nwant %s", got, w)
	}
	if es[0].Answers[0] != (journal.Answer{Key: "q1", Answer: "0 (not at all)"}) {
		t.Errorf("first answer %+v, want q1 with its answer", es[0].Answers[0])
	}

	es, err = s.QuestionnaireEntries(ctx, sets, from, to, true, false)
	if err != nil {
		t.Fatal(err)
	}
	w := fmt.Sprintf("%d:gad7:2018-05-05:false:2 %d:phq9:2019-03-01:false:2 %d:phq9:2026-11-10:false:2 %d:gad7:2026-12-24:false:2 ",
		oldGAD, oldPHQ, inWindow, after)
	if got := ids(es); got != w {
		t.Errorf("with the nearest, shared:\n got %s\nwant %s", got, w)
	}

	es, err = s.QuestionnaireEntries(ctx, sets, from, to, true, true)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(es); len(es) != 5 || es[1].ID != privateGAD {
		t.Errorf("with the nearest and private ones: %s; want the private GAD-7 of 2026-10-20 as the nearest before", got)
	}
}

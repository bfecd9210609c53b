package stats

import (
	"encoding/json"
	"strings"
	"testing"
)

func score(d string, n int) QuestionnaireScore {
	return QuestionnaireScore{Day: day(d), Score: &n}
}

// Hand-worked: PHQ-9 18 → 12 → 8 → 4 over the window, sessions on the 5th
// and 20th. First 18, last 4: change -14, -77.78%, response (4 ≤ 9) and
// remission (4 < 5). Around session 1: 18 (on the 1st) and 12 (the 10th);
// session 2: 12 before, 8 after. A score before the window counts for the
// sessions but not for first and last.
func TestQuestionnaireTrendResponseAndRemission(t *testing.T) {
	defs := []QuestionnaireDef{{Name: "phq9", Title: "PHQ-9", Max: 27, RemissionBelow: 5}, {Name: "pcl5", Title: "PCL-5", Max: 80}}
	unscored := QuestionnaireScore{Day: day("2026-11-12")} // too many items left out
	history := map[string][]QuestionnaireScore{
		"phq9": {score("2026-10-20", 22), score("2026-11-01", 18), score("2026-11-10", 12), unscored, score("2026-11-21", 8), score("2026-11-28", 4)},
	}
	sessions := []Session{{Number: 1, Day: day("2026-11-05")}, {Number: 2, Day: day("2026-11-20")}}
	scores, trends := Questionnaires(defs, history, day("2026-11-01"), day("2026-11-30"), sessions)
	if len(scores["phq9"]) != 5 || scores["pcl5"] == nil || len(scores["pcl5"]) != 0 {
		t.Fatalf("scores %+v", scores)
	}
	tr := trends["phq9"]
	if tr.Count != 4 || tr.First.Score != 18 || tr.Last.Score != 4 || *tr.Change != -14 || *tr.PercentChange != -77.78 {
		t.Fatalf("trend %+v", tr)
	}
	if tr.Response == nil || !*tr.Response || tr.Remission == nil || !*tr.Remission {
		t.Errorf("response %v remission %v, want both true", tr.Response, tr.Remission)
	}
	s1, s2 := tr.Sessions[0], tr.Sessions[1]
	if s1.Before.Score != 18 || s1.After.Score != 12 || s2.Before.Score != 12 || s2.After.Score != 8 || s2.After.Day != day("2026-11-21") {
		t.Errorf("around sessions %+v %+v", s1, s2)
	}
	b, _ := json.Marshal(scores["phq9"][3])
	if string(b) != `{"day":"2026-11-21","score":8,"band":"","prorated":false}` {
		t.Errorf("json %s", b)
	}
	if b, _ = json.Marshal(unscored); !strings.Contains(string(b), `"score":null`) {
		t.Errorf("json %s", b)
	}
	pcl := trends["pcl5"]
	if pcl.Count != 0 || pcl.First != nil || pcl.Change != nil || pcl.Response != nil || pcl.Remission != nil || len(pcl.Sessions) != 2 || pcl.Sessions[0].Before != nil {
		t.Errorf("pcl5 %+v", pcl)
	}
}

// The edges: a drop of exactly half is a response, one point less is not;
// a last score of 5 is not remission; no remission level, no remission.
func TestResponseEdges(t *testing.T) {
	defs := []QuestionnaireDef{{Name: "gad7", Max: 21, RemissionBelow: 5}, {Name: "pcl5", Max: 80}}
	check := func(name string, first, last int, response, remission *bool) {
		t.Helper()
		h := map[string][]QuestionnaireScore{name: {score("2026-11-01", first), score("2026-11-15", last)}}
		_, tr := Questionnaires(defs, h, day("2026-11-01"), day("2026-11-30"), nil)
		got := tr[name]
		if fmtBool(got.Response) != fmtBool(response) || fmtBool(got.Remission) != fmtBool(remission) {
			t.Errorf("%s %d→%d: response %s remission %s", name, first, last, fmtBool(got.Response), fmtBool(got.Remission))
		}
	}
	yes, no := ptr(true), ptr(false)
	check("gad7", 12, 6, yes, no)
	check("gad7", 12, 7, no, no)
	check("gad7", 9, 4, yes, yes)
	check("gad7", 0, 0, nil, yes)
	check("pcl5", 50, 25, yes, nil)
	check("pcl5", 50, 26, no, nil)
}

func fmtBool(b *bool) string {
	if b == nil {
		return "null"
	}
	if *b {
		return "true"
	}
	return "false"
}

// The report names item 9 days, never a private entry's.
func TestSafetyDays(t *testing.T) {
	a := score("2026-11-01", 10)
	a.SafetyAbove0 = true
	b := score("2026-11-08", 9)
	b.SafetyAbove0, b.Private = true, true
	c := score("2026-11-15", 3)
	got := SafetyDays([]QuestionnaireScore{a, b, c})
	if len(got) != 1 || got[0] != day("2026-11-01") {
		t.Errorf("got %v", got)
	}
}

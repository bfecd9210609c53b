package prompts

import (
	"fmt"
	"strings"
	"testing"
)

func builtinQuestionnaire(t *testing.T, name string) Set {
	t.Helper()
	c, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	s, ok := c.Get(name)
	if !ok || s.Scoring == nil {
		t.Fatalf("no built-in questionnaire %s", name)
	}
	return s
}

// answersTotalling answers every item of set so that the values add up to
// total, filling items from the first with the highest value.
func answersTotalling(t *testing.T, set Set, total int) map[string]int {
	t.Helper()
	out := map[string]int{}
	left := total
	for _, k := range set.Scoring.Items {
		v := min(left, set.Scoring.ItemMax)
		out[k] = v
		left -= v
	}
	if left != 0 {
		t.Fatalf("%d does not fit %s", total, set.Name)
	}
	return out
}

// Every band edge, as published: PHQ-9 0-4/5-9/10-14/15-19/20-27,
// GAD-7 0-4/5-9/10-14/15-21, PCL-5 0-80 with the cut-off at 33.
func TestBandEdges(t *testing.T) {
	cases := []struct {
		name  string
		total int
		band  string
	}{
		{"phq9", 0, "minimal"}, {"phq9", 4, "minimal"}, {"phq9", 5, "mild"}, {"phq9", 9, "mild"},
		{"phq9", 10, "moderate"}, {"phq9", 14, "moderate"}, {"phq9", 15, "moderately severe"},
		{"phq9", 19, "moderately severe"}, {"phq9", 20, "severe"}, {"phq9", 27, "severe"},
		{"gad7", 0, "minimal"}, {"gad7", 4, "minimal"}, {"gad7", 5, "mild"}, {"gad7", 9, "mild"},
		{"gad7", 10, "moderate"}, {"gad7", 14, "moderate"}, {"gad7", 15, "severe"}, {"gad7", 21, "severe"},
		{"pcl5", 0, "below the cut-off"}, {"pcl5", 32, "below the cut-off"},
		{"pcl5", 33, "at or above the cut-off"}, {"pcl5", 80, "at or above the cut-off"},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s=%d", c.name, c.total), func(t *testing.T) {
			set := builtinQuestionnaire(t, c.name)
			s := set.Scoring.Score(answersTotalling(t, set, c.total))
			if s.Total == nil || *s.Total != c.total || s.Band != c.band || s.Prorated {
				t.Fatalf("got %+v, want total %d band %q", s, c.total, c.band)
			}
		})
	}
}

func TestMaxima(t *testing.T) {
	for name, want := range map[string][2]int{"phq9": {9, 27}, "gad7": {7, 21}, "pcl5": {20, 80}} {
		set := builtinQuestionnaire(t, name)
		if len(set.Scoring.Items) != want[0] || set.Scoring.Max != want[1] || len(set.Steps) != want[0] {
			t.Errorf("%s: %d items, max %d; want %d items, max %d", name, len(set.Scoring.Items), set.Scoring.Max, want[0], want[1])
		}
		if !strings.Contains(set.Scoring.Terms, "public domain") && !strings.Contains(set.Scoring.Terms, "No permission required to reproduce, translate, display or distribute") {
			t.Errorf("%s: terms %q do not say it may be reproduced", name, set.Scoring.Terms)
		}
	}
}

// Prorating, hand-scored: the sum × items ÷ answered, to the nearest whole
// number, up to a quarter of the items unanswered; beyond that, no total.
func TestProrating(t *testing.T) {
	phq := builtinQuestionnaire(t, "phq9")
	vals := map[string]int{"q1": 2, "q2": 2, "q3": 1, "q4": 1, "q5": 1, "q6": 1, "q7": 1, "q8": 1}
	// 10 over 8 items: 10 × 9 ÷ 8 = 11.25 → 11.
	s := phq.Scoring.Score(vals)
	if s.Total == nil || *s.Total != 11 || !s.Prorated || s.Answered != 8 || s.Band != "moderate" {
		t.Fatalf("one missing: %+v", s)
	}
	delete(vals, "q8") // 9 over 7: 9 × 9 ÷ 7 = 11.57 → 12
	s = phq.Scoring.Score(vals)
	if s.Total == nil || *s.Total != 12 || !s.Prorated {
		t.Fatalf("two missing: %+v", s)
	}
	if got := s.Describe(*phq.Scoring); got != "12 of 27 (prorated from 7 of 9 answers), moderate" {
		t.Errorf("described as %q", got)
	}
	delete(vals, "q7") // three missing: over the limit
	s = phq.Scoring.Score(vals)
	if s.Total != nil || s.Prorated || s.Answered != 6 {
		t.Fatalf("three missing: %+v", s)
	}
	if got := s.Describe(*phq.Scoring); got != "not computed: 6 of 9 items answered, and a total needs at least 7" {
		t.Errorf("described as %q", got)
	}

	gad := builtinQuestionnaire(t, "gad7")
	// 3+3+3+2+2+2 = 15 over 6: 15 × 7 ÷ 6 = 17.5 → 18 (a half rounds up).
	s = gad.Scoring.Score(map[string]int{"q1": 3, "q2": 3, "q3": 3, "q4": 2, "q5": 2, "q6": 2})
	if s.Total == nil || *s.Total != 18 || !s.Prorated || s.Band != "severe" {
		t.Fatalf("gad7 one missing: %+v", s)
	}
	if s = gad.Scoring.Score(map[string]int{"q1": 3, "q2": 3, "q3": 3, "q4": 2, "q5": 2}); s.Total != nil {
		t.Fatalf("gad7 two missing still scored: %+v", s)
	}

	pcl := builtinQuestionnaire(t, "pcl5")
	v := answersTotalling(t, pcl, 30) // q1-q7 4, q8 2, the rest 0
	for _, k := range []string{"q16", "q17", "q18", "q19", "q20"} {
		delete(v, k)
	}
	// 30 over 15: 30 × 20 ÷ 15 = 40, at or above the cut-off.
	if s = pcl.Scoring.Score(v); s.Total == nil || *s.Total != 40 || s.AboveCutoff == nil || !*s.AboveCutoff {
		t.Fatalf("pcl5 five missing: %+v", s)
	}
	delete(v, "q15")
	if s = pcl.Scoring.Score(v); s.Total != nil {
		t.Fatalf("pcl5 six missing still scored: %+v", s)
	}
}

// The saved answers carry each item's value first, so the score is read
// back from any entry, exported and imported or not.
func TestSavedValuesRoundTrip(t *testing.T) {
	phq := builtinQuestionnaire(t, "phq9")
	values := map[string]Value{}
	for i, st := range phq.Steps {
		v, err := st.Parse(fmt.Sprint(i % 4))
		if err != nil {
			t.Fatal(err)
		}
		values[st.Key] = v
	}
	answers := phq.Answers(values)
	if answers[2].Answer != "2 = More than half the days" {
		t.Errorf("item 3 saved as %q", answers[2].Answer)
	}
	got := phq.SavedValues(answers)
	want := phq.ItemValues(values)
	if fmt.Sprint(got) != fmt.Sprint(want) || len(got) != 9 {
		t.Errorf("read back %v, want %v", got, want)
	}
	if _, err := phq.Steps[0].Parse("4"); err == nil || !strings.Contains(err.Error(), "from 0 (Not at all) to 3 (Nearly every day)") {
		t.Errorf("4 on PHQ-9: %v", err)
	}
	if v, err := phq.Steps[0].Parse("0"); err != nil || v.Picked[0] != 0 {
		t.Errorf("0 on PHQ-9: %v %v", v, err)
	}
}

// A questionnaire whose scoring does not add up is refused, naming why.
func TestScoringChecked(t *testing.T) {
	b, _ := Builtin("gad7")
	bad := strings.Replace(string(b), "min = 10\nmax = 14", "min = 11\nmax = 14", 1)
	_, err := Parse("gad7", "gad7.toml", []byte(bad))
	if err == nil || !strings.Contains(err.Error(), "starts at 11 but should start at 10") {
		t.Fatalf("gap between bands: %v", err)
	}
	bad = strings.Replace(string(b), "max = 21\nremission", "max = 20\nremission", 1)
	if _, err = Parse("gad7", "gad7.toml", []byte(bad)); err == nil || !strings.Contains(err.Error(), "add up to 21") {
		t.Fatalf("wrong max: %v", err)
	}
	bad = strings.Replace(string(b), "prorate_max_missing = 1", "prorate_max_missing = 7", 1)
	if _, err = Parse("gad7", "gad7.toml", []byte(bad)); err == nil || !strings.Contains(err.Error(), "prorate_max_missing 7") {
		t.Fatalf("prorating limit: %v", err)
	}
	bad = strings.Replace(string(b), "values = [0, 1, 2, 3]", "values = [0, 1, 3, 2]", 1)
	if _, err = Parse("gad7", "gad7.toml", []byte(bad)); err == nil || !strings.Contains(err.Error(), "values count up from 0") {
		t.Fatalf("values out of order: %v", err)
	}
}

// Every question of a questionnaire is scored: a step without values is
// refused, as the questionnaire form picks answers by value.
func TestQuestionnaireStepsNeedValues(t *testing.T) {
	b, _ := Builtin("gad7")
	bad := string(b) + "\n[[step]]\nkey = \"note\"\nkind = \"short\"\nquestion = \"Anything else?\"\n"
	_, err := Parse("gad7", "gad7.toml", []byte(bad))
	if err == nil || !strings.Contains(err.Error(), "step note has no values") {
		t.Fatalf("a step without values: %v", err)
	}
}

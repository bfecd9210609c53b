package stats

import (
	"slices"

	"journal/journal"
)

// QuestionnaireScore is one saved questionnaire (PHQ-9, GAD-7, PCL-5),
// scored by its published rules. Score is nil when too many items were
// left out for a total (the answers are still in the entry).
type QuestionnaireScore struct {
	Day      journal.Date `json:"day"`
	Score    *int         `json:"score"`
	Band     string       `json:"band"`
	Prorated bool         `json:"prorated"`
	// Private and SafetyAbove0 (PHQ-9 item 9 answered above 0) feed the
	// coach's report only; they are never in --json.
	Private      bool `json:"-"`
	SafetyAbove0 bool `json:"-"`
}

// QuestionnaireDef is what trends need to know of a questionnaire.
type QuestionnaireDef struct {
	Name  string
	Title string
	Max   int
	// RemissionBelow is the total under which a score is remission; 0 when
	// the questionnaire has no such level (PCL-5).
	RemissionBelow int
}

// DayScore is one score on its day.
type DayScore struct {
	Day   journal.Date `json:"day"`
	Score int          `json:"score"`
}

// QuestionnaireTrend sums up one questionnaire over the window, from the
// scores that have a total.
//
// Response is a drop of at least 50% from the first score to the last,
// and remission a last score below RemissionBelow (5 on PHQ-9 and GAD-7),
// as the PHQ-9 quality measures of MN Community Measurement define them
// (Depression Response at Twelve Months, NQF 1885; Depression Remission at
// Twelve Months, NQF 0710, CMS159). Under 5 is the "minimal" band of the
// PHQ-9 (Kroenke K, Spitzer RL, Williams JBW, J Gen Intern Med
// 2001;16:606-613) and of the GAD-7 (Spitzer RL et al., Arch Intern Med
// 2006;166:1092-1097); for the GAD-7 the same rules are carried over, as no
// endorsed measure defines them. Both are null with fewer than two scores,
// response also when the first score is 0, remission when there is no such
// level.
type QuestionnaireTrend struct {
	Title         string    `json:"title"`
	Max           int       `json:"max"`
	Count         int       `json:"count"`
	First         *DayScore `json:"first"`
	Last          *DayScore `json:"last"`
	Change        *int      `json:"change"`
	PercentChange *float64  `json:"percent_change"`
	Response      *bool     `json:"response"`
	Remission     *bool     `json:"remission"`
	Sessions      []Around  `json:"sessions"`
}

// Around is the nearest score before a session (on or before its day) and
// after it (the first on a later day), from the whole history.
type Around struct {
	Number int          `json:"number"`
	Day    journal.Date `json:"day"`
	Before *DayScore    `json:"before"`
	After  *DayScore    `json:"after"`
}

// Questionnaires sorts the scores of the window by questionnaire, and sums
// each one up. history holds every score of each questionnaire, oldest
// first; sessions are the window's. Every questionnaire in defs has a key
// (an empty list when it was not done in the window).
func Questionnaires(defs []QuestionnaireDef, history map[string][]QuestionnaireScore, from, to journal.Date, sessions []Session) (map[string][]QuestionnaireScore, map[string]QuestionnaireTrend) {
	scores := map[string][]QuestionnaireScore{}
	trends := map[string]QuestionnaireTrend{}
	for _, d := range defs {
		in := []QuestionnaireScore{}
		for _, s := range history[d.Name] {
			if !s.Day.Before(from) && !s.Day.After(to) {
				in = append(in, s)
			}
		}
		scores[d.Name] = in
		trends[d.Name] = trend(d, in, history[d.Name], sessions)
	}
	return scores, trends
}

func trend(d QuestionnaireDef, in, all []QuestionnaireScore, sessions []Session) QuestionnaireTrend {
	t := QuestionnaireTrend{Title: d.Title, Max: d.Max, Sessions: []Around{}}
	var totals []DayScore
	for _, s := range in {
		if s.Score != nil {
			totals = append(totals, DayScore{s.Day, *s.Score})
		}
	}
	t.Count = len(totals)
	if len(totals) > 0 {
		first, last := totals[0], totals[len(totals)-1]
		t.First, t.Last = &first, &last
	}
	if len(totals) > 1 {
		change := t.Last.Score - t.First.Score
		t.Change = &change
		if t.First.Score > 0 {
			pc := round2(float64(change) / float64(t.First.Score) * 100)
			t.PercentChange = &pc
			t.Response = ptr(t.Last.Score*2 <= t.First.Score)
		}
		if d.RemissionBelow > 0 {
			t.Remission = ptr(t.Last.Score < d.RemissionBelow)
		}
	}
	for _, ses := range sessions {
		a := Around{Number: ses.Number, Day: ses.Day}
		for _, s := range all {
			if s.Score == nil {
				continue
			}
			if !s.Day.After(ses.Day) {
				a.Before = &DayScore{s.Day, *s.Score} // the latest wins
			} else if a.After == nil {
				a.After = &DayScore{s.Day, *s.Score}
			}
		}
		t.Sessions = append(t.Sessions, a)
	}
	return t
}

// SafetyDays are the days in scores whose safety item (PHQ-9 item 9) was
// answered above 0, leaving out private entries: what the coach's report
// states.
func SafetyDays(scores []QuestionnaireScore) []journal.Date {
	var out []journal.Date
	for _, s := range scores {
		if s.SafetyAbove0 && !s.Private && !slices.Contains(out, s.Day) {
			out = append(out, s.Day)
		}
	}
	return out
}

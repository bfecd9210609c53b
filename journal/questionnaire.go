package journal

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Scoring is how a standard questionnaire (PHQ-9, GAD-7, PCL-5) turns its
// item values into a total. It is read from the questionnaire's data file
// (prompts/builtin), so a new questionnaire is one file.
type Scoring struct {
	// Period is the look-back period the questions ask about, as the
	// source words it ("the last 2 weeks").
	Period string `json:"period"`
	// Items are the keys of the scored items, in order.
	Items []string `json:"items"`
	// ItemMax is the highest value of one item (3 for PHQ-9, 4 for PCL-5).
	ItemMax int `json:"item_max"`
	// Max is the highest total: len(Items) × ItemMax.
	Max int `json:"max"`
	// Bands split 0…Max into severity ranges, lowest first, with no gap.
	Bands []Band `json:"bands"`
	// Cutoff, when above 0, is the total at or above which the published
	// source suggests further assessment (PCL-5: a provisional diagnosis).
	Cutoff      int    `json:"cutoff,omitempty"`
	CutoffLabel string `json:"cutoff_label,omitempty"`
	// ProrateMaxMissing is how many items may be unanswered and the total
	// still prorated (see Score); ProrateSource cites the rule.
	ProrateMaxMissing int    `json:"prorate_max_missing"`
	ProrateSource     string `json:"prorate_source"`
	// RemissionBelow, when above 0, is the total under which a score counts
	// as remission (PHQ-9 and GAD-7: below 5).
	RemissionBelow int `json:"remission_below,omitempty"`
	// SafetyItem is the key of an item whose answer above 0 brings up the
	// person's crisis and support contacts (PHQ-9 item 9).
	SafetyItem string `json:"safety_item,omitempty"`
	// Sources cite where the wording, scoring and bands come from; Terms
	// says under which terms the questionnaire is reproduced.
	Sources []string `json:"sources"`
	Terms   string   `json:"terms"`
}

// Band is one severity range of totals, both ends included.
type Band struct {
	Min   int    `json:"min"`
	Max   int    `json:"max"`
	Label string `json:"label"`
}

// Score is a scored questionnaire. Total is nil when too many items were
// left unanswered for the total to be computed (the answers are kept).
type Score struct {
	Total    *int   `json:"score"`
	Band     string `json:"band"`
	Prorated bool   `json:"prorated"`
	Answered int    `json:"answered"`
	Items    int    `json:"items"`
	// AboveCutoff is set when the questionnaire has a cut-off and a total.
	AboveCutoff *bool `json:"above_cutoff,omitempty"`
	// SafetyValue is the safety item's value, nil when unanswered or when
	// the questionnaire has no safety item.
	SafetyValue *int `json:"-"`
}

// Score totals values (item key to value; a missing key is an unanswered
// item). With every item answered the total is the plain sum. With up to
// ProrateMaxMissing unanswered it is prorated: the sum × items ÷ answered,
// rounded to the nearest whole number (halves up), and marked Prorated.
// Beyond that Total is nil.
func (sc Scoring) Score(values map[string]int) Score {
	s := Score{Items: len(sc.Items)}
	sum := 0
	for _, k := range sc.Items {
		if v, ok := values[k]; ok {
			s.Answered++
			sum += v
		}
	}
	if v, ok := values[sc.SafetyItem]; ok && sc.SafetyItem != "" {
		s.SafetyValue = &v
	}
	missing := s.Items - s.Answered
	switch {
	case s.Answered == 0 || missing > sc.ProrateMaxMissing:
		return s
	case missing > 0:
		t := int(math.Floor(float64(sum*s.Items)/float64(s.Answered) + 0.5))
		s.Total, s.Prorated = &t, true
	default:
		s.Total = &sum
	}
	s.Band = sc.BandOf(*s.Total)
	if sc.Cutoff > 0 {
		above := *s.Total >= sc.Cutoff
		s.AboveCutoff = &above
		if s.Band == "" {
			// Without published bands (PCL-5) the cut-off is the band.
			s.Band = "below the cut-off"
			if above {
				s.Band = "at or above the cut-off"
			}
		}
	}
	return s
}

// BandOf names the band a total falls in ("" outside every band).
func (sc Scoring) BandOf(total int) string {
	for _, b := range sc.Bands {
		if total >= b.Min && total <= b.Max {
			return b.Label
		}
	}
	return ""
}

// Check reports what is wrong with a scoring definition, one message each:
// bands must cover 0…Max without gap or overlap, Max must be the highest
// possible total, and the cut-off, remission level and prorating limit
// must fit.
func (sc Scoring) Check() []string {
	var out []string
	if len(sc.Items) == 0 {
		out = append(out, "scoring has no scored items: give steps with values")
	}
	if want := len(sc.Items) * sc.ItemMax; sc.Max != want {
		out = append(out, fmt.Sprintf("scoring max is %d but %d items of 0 to %d add up to %d", sc.Max, len(sc.Items), sc.ItemMax, want))
	}
	next := 0
	for i, b := range sc.Bands {
		switch {
		case strings.TrimSpace(b.Label) == "":
			out = append(out, fmt.Sprintf("band %d has no label", i+1))
		case b.Min != next:
			out = append(out, fmt.Sprintf("band %d (%s) starts at %d but should start at %d: bands run from 0 to max without gaps or overlaps", i+1, b.Label, b.Min, next))
		case b.Max < b.Min:
			out = append(out, fmt.Sprintf("band %d (%s) ends at %d, before it starts", i+1, b.Label, b.Max))
		}
		next = b.Max + 1
	}
	if len(sc.Bands) == 0 && sc.Cutoff == 0 {
		out = append(out, "scoring needs bands or a cutoff")
	} else if len(sc.Bands) > 0 && next != sc.Max+1 {
		out = append(out, fmt.Sprintf("the last band ends at %d but the highest total is %d", next-1, sc.Max))
	}
	if sc.Cutoff < 0 || sc.Cutoff > sc.Max {
		out = append(out, fmt.Sprintf("cutoff %d is outside 0 to %d", sc.Cutoff, sc.Max))
	}
	if sc.RemissionBelow < 0 || sc.RemissionBelow > sc.Max {
		out = append(out, fmt.Sprintf("remission_below %d is outside 0 to %d", sc.RemissionBelow, sc.Max))
	}
	if sc.ProrateMaxMissing < 0 || (len(sc.Items) > 0 && sc.ProrateMaxMissing >= len(sc.Items)) {
		out = append(out, fmt.Sprintf("prorate_max_missing %d must be from 0 to %d", sc.ProrateMaxMissing, max(0, len(sc.Items)-1)))
	}
	if sc.ProrateMaxMissing > 0 && strings.TrimSpace(sc.ProrateSource) == "" {
		out = append(out, "prorating needs its published rule cited in prorate_source")
	}
	if len(sc.Sources) == 0 {
		out = append(out, "scoring needs its sources")
	}
	return out
}

// ScoreAnswerKey is the key of the answer that carries a questionnaire's
// total in the saved entry, after the items.
const ScoreAnswerKey = "score"

// ItemValue reads the value back from a saved item answer, which starts
// with it ("2 = More than half the days"). ok is false for an unanswered
// or unreadable item.
func ItemValue(answer string) (v int, ok bool) {
	head, _, _ := strings.Cut(strings.TrimSpace(answer), " ")
	n, err := strconv.Atoi(head)
	return n, err == nil
}

// Describe is the score in words, as saved with the entry and shown:
// "12 of 27, moderate", "14 of 27 (prorated from 8 of 9 answers), moderate",
// or why there is no total.
func (s Score) Describe(sc Scoring) string {
	if s.Total == nil {
		return fmt.Sprintf("not computed: %d of %d items answered, and a total needs at least %d", s.Answered, s.Items, s.Items-sc.ProrateMaxMissing)
	}
	out := fmt.Sprintf("%d of %d", *s.Total, sc.Max)
	if s.Prorated {
		out += fmt.Sprintf(" (prorated from %d of %d answers)", s.Answered, s.Items)
	}
	if len(sc.Bands) > 0 {
		out += ", " + s.Band
	}
	if s.AboveCutoff != nil {
		if *s.AboveCutoff {
			out += fmt.Sprintf(", at or above the cut-off of %d (%s)", sc.Cutoff, sc.CutoffLabel)
		} else {
			out += fmt.Sprintf(", below the cut-off of %d", sc.Cutoff)
		}
	}
	return out
}

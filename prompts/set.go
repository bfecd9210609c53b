// Package prompts holds guided prompt sets: the built-in ones (TOML files
// embedded in the binary) and the person's own, and the runners that walk
// someone through a set: a form on a terminal, one line per question when
// piped, or an answers file.
package prompts

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"journal/journal"
)

// When says what part of the session cycle a set is meant for.
type When string

const (
	Before    When = "before"     // before a session: linked to the next one
	After     When = "after"      // after a session: linked to the last one
	DaysAfter When = "days-after" // a few days after: linked to the last one
	Daily     When = "daily"
	Weekly    When = "weekly"
	// Measure is a standard questionnaire with scoring, run by
	// "journal measure NAME" rather than "journal guide".
	Measure When = "measure"
)

// Whens lists every When, in the order help text names them.
var Whens = []When{Before, After, DaysAfter, Daily, Weekly, Measure}

// Kind is the kind of answer a step asks for.
type Kind string

const (
	Short     Kind = "short"     // one line of text
	Long      Kind = "long"      // several lines of text
	Scale     Kind = "scale"     // a whole number from Min to Max
	Choice    Kind = "choice"    // one of Options
	Multi     Kind = "multi"     // any of Options
	Checklist Kind = "checklist" // Options to tick off
	YesNo     Kind = "yesno"     // yes or no
)

// Kinds lists every Kind, in the order help text names them.
var Kinds = []Kind{Short, Long, Scale, Choice, Multi, Checklist, YesNo}

// Set is a prompt set: ordered questions for one moment of the cycle.
type Set struct {
	Name        string `json:"name"`
	Title       string `json:"title"`
	Description string `json:"description"`
	When        When   `json:"when"`
	Steps       []Step `json:"steps"`
	// Scoring is set for a questionnaire (When is Measure): its steps with
	// Values are scored items.
	Scoring *journal.Scoring `json:"scoring,omitempty"`
	// Source is "built-in" or the file the set was read from.
	Source string `json:"source"`
}

// Step is one question. Every step can be skipped.
type Step struct {
	Key      string   `json:"key"`
	Kind     Kind     `json:"kind"`
	Question string   `json:"question"`
	Help     string   `json:"help,omitempty"`
	Min      int      `json:"min,omitempty"`
	Max      int      `json:"max,omitempty"`
	MinLabel string   `json:"min_label,omitempty"`
	MaxLabel string   `json:"max_label,omitempty"`
	Options  []string `json:"options,omitempty"`
	// Values, on a scored choice step, are the options' values (0 to 3 on
	// PHQ-9): that value is typed to pick the option, and it is scored.
	Values []int `json:"values,omitempty"`
}

// Value is the answer to one step while it is being given. The zero Value
// means skipped. Picked holds option indexes (choice, multi, checklist).
type Value struct {
	Text   string `json:"text,omitempty"`
	Number *int   `json:"number,omitempty"`
	Picked []int  `json:"picked,omitempty"`
}

// IsZero reports whether the step was skipped.
func (v Value) IsZero() bool {
	return strings.TrimSpace(v.Text) == "" && v.Number == nil && len(v.Picked) == 0
}

// Format turns a value into the text saved with the entry, readable on its
// own (an export carries no prompt set beside it). A skipped step is "".
func (s Step) Format(v Value) string {
	if v.IsZero() {
		return ""
	}
	switch s.Kind {
	case Scale:
		if v.Number == nil {
			return ""
		}
		if s.MinLabel != "" || s.MaxLabel != "" {
			return fmt.Sprintf("%d (%d = %s, %d = %s)", *v.Number, s.Min, orDash(s.MinLabel), s.Max, orDash(s.MaxLabel))
		}
		return fmt.Sprintf("%d (from %d to %d)", *v.Number, s.Min, s.Max)
	case Choice:
		if len(v.Picked) == 0 || !s.hasOption(v.Picked[0]) {
			return ""
		}
		if len(s.Values) == len(s.Options) {
			// The value leads, so the score can be read back from the text.
			return fmt.Sprintf("%d = %s", s.Values[v.Picked[0]], s.Options[v.Picked[0]])
		}
		return s.Options[v.Picked[0]]
	case Multi:
		return strings.Join(s.picked(v.Picked), ", ")
	case Checklist:
		var done, not []string
		for i, o := range s.Options {
			if slices.Contains(v.Picked, i) {
				done = append(done, o)
			} else {
				not = append(not, o)
			}
		}
		out := "done: " + strings.Join(done, ", ")
		if len(not) > 0 {
			out += "\nnot yet: " + strings.Join(not, ", ")
		}
		return out
	default:
		return strings.TrimSpace(v.Text)
	}
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func (s Step) hasOption(i int) bool { return i >= 0 && i < len(s.Options) }

func (s Step) picked(idx []int) []string {
	var out []string
	for i, o := range s.Options {
		if slices.Contains(idx, i) {
			out = append(out, o)
		}
	}
	return out
}

// Hint is the short reminder of what a step accepts in line mode.
func (s Step) Hint() string {
	switch s.Kind {
	case Scale:
		h := fmt.Sprintf("a number from %d to %d", s.Min, s.Max)
		if s.MinLabel != "" || s.MaxLabel != "" {
			h += fmt.Sprintf("; %d = %s, %d = %s", s.Min, orDash(s.MinLabel), s.Max, orDash(s.MaxLabel))
		}
		return h
	case Choice:
		if len(s.Values) > 0 {
			return fmt.Sprintf("a number from %d to %d", s.Values[0], s.Values[len(s.Values)-1])
		}
		return "the number of one option"
	case Multi, Checklist:
		return "numbers of the options, like 1,3"
	case YesNo:
		return "yes or no"
	case Long:
		return "one line here"
	}
	return ""
}

// Parse reads a typed answer: the line-mode input and the string values of
// an answers file. "" is a skip. Its error says what is accepted.
func (s Step) Parse(in string) (Value, error) {
	in = strings.TrimSpace(in)
	if in == "" {
		return Value{}, nil
	}
	switch s.Kind {
	case Scale:
		n, err := strconv.Atoi(in)
		if err != nil || n < s.Min || n > s.Max {
			return Value{}, journal.Invalid("%s is not on the scale: give a whole number from %d to %d", journal.Quote(in), s.Min, s.Max)
		}
		return Value{Number: &n}, nil
	case Choice:
		i, err := s.option(in)
		if err != nil {
			return Value{}, err
		}
		return Value{Picked: []int{i}}, nil
	case Multi, Checklist:
		var picked []int
		for _, part := range strings.Split(in, ",") {
			if part = strings.TrimSpace(part); part == "" {
				continue
			}
			i, err := s.option(part)
			if err != nil {
				return Value{}, err
			}
			if !slices.Contains(picked, i) {
				picked = append(picked, i)
			}
		}
		slices.Sort(picked)
		return Value{Picked: picked}, nil
	case YesNo:
		switch strings.ToLower(in) {
		case "y", "yes", "true":
			return Value{Text: "yes"}, nil
		case "n", "no", "false":
			return Value{Text: "no"}, nil
		}
		return Value{}, journal.Invalid("%s is not yes or no: answer yes or no (or leave it empty to skip)", journal.Quote(in))
	}
	return Value{Text: in}, nil
}

// option finds an option by its number (from 1; on a scored step, its
// value) or its words.
func (s Step) option(in string) (int, error) {
	if len(s.Values) > 0 {
		return s.valueOption(in)
	}
	if n, err := strconv.Atoi(in); err == nil {
		if n >= 1 && n <= len(s.Options) {
			return n - 1, nil
		}
		return 0, journal.Invalid("there is no option %d: give a number from 1 to %d", n, len(s.Options))
	}
	for i, o := range s.Options {
		if strings.EqualFold(strings.TrimSpace(o), in) {
			return i, nil
		}
	}
	return 0, journal.Invalid("%s is not one of the options: give a number from 1 to %d", journal.Quote(in), len(s.Options))
}

// Answers turns the values of a run into what the entry keeps: every
// question as it was asked, with its answer ("" when skipped).
func (set Set) Answers(values map[string]Value) []journal.Answer {
	out := make([]journal.Answer, len(set.Steps))
	for i, st := range set.Steps {
		out[i] = journal.Answer{Key: st.Key, Question: st.Question, Answer: st.Format(values[st.Key])}
	}
	return out
}

// Answered counts the steps with an answer.
func (set Set) Answered(values map[string]Value) int {
	n := 0
	for _, st := range set.Steps {
		if !values[st.Key].IsZero() {
			n++
		}
	}
	return n
}

// valueOption finds the option of a scored step by its value or words.
func (s Step) valueOption(in string) (int, error) {
	lo, hi := s.Values[0], s.Values[len(s.Values)-1]
	if n, err := strconv.Atoi(in); err == nil {
		if i := slices.Index(s.Values, n); i >= 0 {
			return i, nil
		}
		return 0, journal.Invalid("%d is not an answer here: give a number from %d (%s) to %d (%s)", n, lo, s.Options[0], hi, s.Options[len(s.Options)-1])
	}
	for i, o := range s.Options {
		if strings.EqualFold(strings.TrimSpace(o), in) {
			return i, nil
		}
	}
	return 0, journal.Invalid("%s is not an answer here: give a number from %d (%s) to %d (%s)", journal.Quote(in), lo, s.Options[0], hi, s.Options[len(s.Options)-1])
}

// ItemValues are the scored items' values among values (step key to value).
func (set Set) ItemValues(values map[string]Value) map[string]int {
	out := map[string]int{}
	for _, st := range set.Steps {
		v := values[st.Key]
		if len(st.Values) == 0 || len(v.Picked) == 0 || v.Picked[0] < 0 || v.Picked[0] >= len(st.Values) {
			continue
		}
		out[st.Key] = st.Values[v.Picked[0]]
	}
	return out
}

// SavedValues reads the scored items' values back from a saved entry's
// answers: the texts Format wrote, led by the value.
func (set Set) SavedValues(answers []journal.Answer) map[string]int {
	scored := map[string]bool{}
	for _, st := range set.Steps {
		scored[st.Key] = len(st.Values) > 0
	}
	out := map[string]int{}
	for _, a := range answers {
		if !scored[a.Key] {
			continue
		}
		if v, ok := journal.ItemValue(a.Answer); ok {
			out[a.Key] = v
		}
	}
	return out
}

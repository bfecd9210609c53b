package ui

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"journal/prompts"
)

// SetAnswers is a prompt set described as questions (one page each),
// with the answers as the text Step.Parse reads: option numbers, scale
// values, yes or no.
type SetAnswers struct {
	set   prompts.Set
	text  []*string
	multi []*[]string
}

// NewSetAnswers holds the answers to set, filled in from values.
func NewSetAnswers(set prompts.Set, values map[string]prompts.Value) *SetAnswers {
	a := &SetAnswers{set: set, text: make([]*string, len(set.Steps)), multi: make([]*[]string, len(set.Steps))}
	for i, st := range set.Steps {
		var text string
		var picked []string
		v := values[st.Key]
		switch st.Kind {
		case prompts.Scale:
			if v.Number != nil {
				text = strconv.Itoa(*v.Number)
			}
		case prompts.Choice:
			if len(v.Picked) > 0 {
				text = strconv.Itoa(v.Picked[0] + 1)
			}
		case prompts.Multi, prompts.Checklist:
			for _, p := range v.Picked {
				picked = append(picked, strconv.Itoa(p+1))
			}
		default:
			text = v.Text
		}
		a.text[i], a.multi[i] = &text, &picked
	}
	return a
}

// Form is the set's questions, one a page.
func (a *SetAnswers) Form(context string) Form {
	f := Form{Title: a.set.Title}
	if context != "" {
		f.Title += " · " + context
	}
	for i, st := range a.set.Steps {
		q := Question{Title: st.Question, Help: st.Help, Value: a.text[i]}
		check := func(s string) error { _, err := st.Parse(s); return fieldErr(err) }
		switch st.Kind {
		case prompts.Long:
			q.Kind, q.Check = Text, check
		case prompts.Scale:
			q.Kind = Choice
			for n := st.Min; n <= st.Max; n++ {
				label := strconv.Itoa(n)
				if n == st.Min && st.MinLabel != "" {
					label += " = " + st.MinLabel
				}
				if n == st.Max && st.MaxLabel != "" {
					label += " = " + st.MaxLabel
				}
				q.Options = append(q.Options, Option{Label: label, Value: strconv.Itoa(n)})
			}
		case prompts.Choice, prompts.Multi, prompts.Checklist:
			q.Kind = Choice
			if st.Kind != prompts.Choice {
				q.Kind, q.Values = Multi, a.multi[i]
			}
			for j, o := range st.Options {
				q.Options = append(q.Options, Option{Label: o, Value: strconv.Itoa(j + 1)})
			}
		case prompts.YesNo:
			q.Kind = YesNo
		default:
			q.Check = check
		}
		f.Pages = append(f.Pages, []Question{q})
	}
	return f
}

// Values are the answers given, as the set keeps them.
func (a *SetAnswers) Values() map[string]prompts.Value {
	out := map[string]prompts.Value{}
	for i, st := range a.set.Steps {
		text := *a.text[i]
		if st.Kind == prompts.Multi || st.Kind == prompts.Checklist {
			text = strings.Join(*a.multi[i], ",")
		}
		if v, err := st.Parse(text); err == nil && !v.IsZero() {
			out[st.Key] = v
		}
	}
	return out
}

// MarshalJSON writes the answers as a prompt set draft.
func (a *SetAnswers) MarshalJSON() ([]byte, error) {
	return json.Marshal(prompts.Draft{Values: a.Values()})
}

func fieldErr(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s", strings.TrimPrefix(err.Error(), "journal: "))
}

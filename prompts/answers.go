package prompts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"journal/journal"
)

// ReadAnswers reads an answers file for set: a JSON object or a TOML
// table from question key to answer. Text, numbers (scale values, option
// numbers), true/false (yes/no steps) and lists (multi and checklist
// steps) are accepted; a missing key is a skipped question.
func ReadAnswers(set Set, file string, data []byte) (map[string]Value, error) {
	raw := map[string]any{}
	ext := strings.ToLower(filepath.Ext(file))
	isJSON := ext == ".json" || (ext != ".toml" && bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")))
	if isJSON {
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		if err := dec.Decode(&raw); err != nil {
			return nil, journal.Invalid("answers file %s is not a JSON object of question keys to answers: %v", file, err)
		}
	} else if _, err := toml.Decode(string(data), &raw); err != nil {
		return nil, journal.Invalid("answers file %s is not valid JSON or TOML: %v", file, err)
	}
	steps := map[string]Step{}
	for _, st := range set.Steps {
		steps[st.Key] = st
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	values := map[string]Value{}
	for _, k := range keys {
		st, ok := steps[k]
		if !ok {
			return nil, journal.Invalid("answers file %s: %s is not a question of %s: its keys are %s (see journal prompts show %s)",
				file, journal.Quote(k), set.Name, strings.Join(set.keys(), ", "), set.Name)
		}
		v, err := st.fromAny(raw[k])
		if err != nil {
			return nil, journal.Invalid("answers file %s: %s: %v", file, k, err)
		}
		if !v.IsZero() {
			values[k] = v
		}
	}
	return values, nil
}

func (set Set) keys() []string {
	out := make([]string, len(set.Steps))
	for i, st := range set.Steps {
		out[i] = st.Key
	}
	return out
}

// fromAny converts one decoded answer to a Value.
func (st Step) fromAny(a any) (Value, error) {
	switch x := a.(type) {
	case nil:
		return Value{}, nil
	case string:
		return st.Parse(x)
	case bool:
		if st.Kind != YesNo {
			return Value{}, fmt.Errorf("true or false only fits a yes/no question, and this one is %s", st.Kind)
		}
		if x {
			return Value{Text: "yes"}, nil
		}
		return Value{Text: "no"}, nil
	case json.Number, int64, float64:
		return st.Parse(fmt.Sprint(x))
	case []any:
		if st.Kind != Multi && st.Kind != Checklist {
			return Value{}, fmt.Errorf("a list only fits multi and checklist questions, and this one is %s", st.Kind)
		}
		parts := make([]string, len(x))
		for i, e := range x {
			switch e := e.(type) {
			case string:
				parts[i] = e
			case json.Number, int64, float64:
				parts[i] = fmt.Sprint(e)
			default:
				return Value{}, fmt.Errorf("list item %d should be an option's words or number", i+1)
			}
			if strings.Contains(parts[i], ",") {
				return Value{}, fmt.Errorf("%s is not one of the options", journal.Quote(parts[i]))
			}
		}
		return st.Parse(strings.Join(parts, ","))
	}
	return Value{}, fmt.Errorf("give the answer as text")
}

// Draft is an unfinished run of a set, kept when the form is left early.
type Draft struct {
	Step   int              `json:"step"`
	Values map[string]Value `json:"values"`
}

// MarshalDraft and UnmarshalDraft turn a draft into the text storage keeps.
func MarshalDraft(d Draft) (string, error) {
	b, err := json.Marshal(d)
	return string(b), err
}

// UnmarshalDraft reads a draft; values of steps the set no longer has are
// dropped, so an edited set still resumes.
func UnmarshalDraft(set Set, s string) (Draft, error) {
	var d Draft
	if err := json.Unmarshal([]byte(s), &d); err != nil {
		return Draft{}, fmt.Errorf("the saved draft cannot be read: %w", err)
	}
	keep := map[string]Value{}
	for _, st := range set.Steps {
		if v, ok := d.Values[st.Key]; ok && !v.IsZero() {
			keep[st.Key] = v
		}
	}
	d.Values = keep
	if d.Step < 0 || d.Step > len(set.Steps) {
		d.Step = 0
	}
	return d, nil
}

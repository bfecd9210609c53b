package prompts

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"journal/journal"
)

// checkSet asserts what every accepted set promises the runners: steps
// with their own valid keys, known kinds, scales of at most 11 points from
// 0 up, and options that are trimmed, distinct, comma-free, and picked by
// their own number and their own words.
func checkSet(t *testing.T, set Set) {
	t.Helper()
	if set.Title == "" || !slices.Contains(Whens, set.When) || len(set.Steps) == 0 {
		t.Fatalf("accepted set without a title, a known when or steps: %+v", set)
	}
	keys := map[string]bool{}
	for i, st := range set.Steps {
		if !keyRe().MatchString(st.Key) || keys[st.Key] {
			t.Fatalf("step %d: key %q is not valid or not its own", i+1, st.Key)
		}
		keys[st.Key] = true
		if st.Question == "" || !slices.Contains(Kinds, st.Kind) {
			t.Fatalf("step %d: %+v", i+1, st)
		}
		if v, err := st.Parse(""); err != nil || !v.IsZero() {
			t.Fatalf("step %d: an empty answer does not skip: %+v, %v", i+1, v, err)
		}
		switch st.Kind {
		case Scale:
			if st.Min < 0 || st.Min >= st.Max || st.Max-st.Min > 10 {
				t.Fatalf("step %d: scale %d to %d", i+1, st.Min, st.Max)
			}
			for n := st.Min; n <= st.Max; n++ {
				v, err := st.Parse(strconv.Itoa(n))
				if err != nil || *v.Number != n {
					t.Fatalf("step %d: %d is on the scale but reads as %+v, %v", i+1, n, v, err)
				}
			}
		case Choice, Multi, Checklist:
			if len(st.Options) == 0 || st.Kind == Choice && len(st.Options) < 2 {
				t.Fatalf("step %d: %s with options %q", i+1, st.Kind, st.Options)
			}
			seen := map[string]bool{}
			for j, o := range st.Options {
				if o == "" || o != strings.TrimSpace(o) || strings.Contains(o, ",") || seen[strings.ToLower(o)] {
					t.Fatalf("step %d: option %q", i+1, o)
				}
				seen[strings.ToLower(o)] = true
				for _, typed := range []string{strconv.Itoa(j + 1), o} {
					v, err := st.Parse(typed)
					if err != nil || !slices.Equal(v.Picked, []int{j}) {
						t.Fatalf("step %d: typing %q gives %+v, %v; want option %d (%q)", i+1, typed, v, err, j+1, o)
					}
					if got := st.Format(v); st.Kind != Checklist && got != o {
						t.Fatalf("step %d: option %q is saved as %q", i+1, o, got)
					}
				}
			}
		default:
			if len(st.Options) > 0 {
				t.Fatalf("step %d: %s with options", i+1, st.Kind)
			}
		}
	}
}

// checkValues asserts that answers read for set are real answers to its
// questions: no skipped ones kept, scale values on the scale, picks among
// the options.
func checkValues(t *testing.T, set Set, values map[string]Value) {
	t.Helper()
	steps := map[string]Step{}
	for _, st := range set.Steps {
		steps[st.Key] = st
	}
	for k, v := range values {
		st, ok := steps[k]
		if !ok || v.IsZero() {
			t.Fatalf("value %+v for %q, which is not a question or was skipped", v, k)
		}
		if v.Number != nil && (st.Kind != Scale || *v.Number < st.Min || *v.Number > st.Max) {
			t.Fatalf("%s: %d is not on its scale", k, *v.Number)
		}
		for _, p := range v.Picked {
			if !st.hasOption(p) {
				t.Fatalf("%s: picked option %d of %d", k, p, len(st.Options))
			}
		}
		if st.Format(v) == "" {
			t.Fatalf("%s: %+v saves as nothing", k, v)
		}
	}
}

// FuzzParse checks prompt set files, as people write them by hand: never
// a panic; a refused file names lines inside the file; an accepted set
// keeps every promise of checkSet.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"integration", "intention", "lapse", "reflection", "weekly"} {
		b, ok := Builtin(name)
		if !ok {
			f.Fatalf("no built-in set %s", name)
		}
		f.Add(b)
	}
	f.Add([]byte(starterSeed))
	f.Add([]byte("title = \"T\"\nwhen = \"daily\"\n[[step]]\nkey = \"a\"\nkind = \"choice\"\nquestion = \"Q?\"\noptions = [\"2\", \"1\"]\n"))
	f.Add([]byte("title = \"T\"\nwhen = \"daily\"\n[[step]]\nkey = \"s\"\nkind = \"scale\"\nquestion = \"Q?\"\nmin = -5\nmax = 99\n[[ step ]]\nkey = \"s\"\n"))
	f.Add([]byte("title = '''\n[[step]]\n'''\nwhen = \"weekly\"\n[[step]]\nkey = \"x\"\nkind = \"yesno\"\nquestion = \"Q?\"\n"))
	f.Add([]byte("[[step]]\nkey = 1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := Parse("fuzz", "fuzz.toml", data)
		if err != nil {
			ps, ok := err.(Problems)
			if !ok || len(ps) == 0 {
				t.Fatalf("error %v (%T) is not a list of problems", err, err)
			}
			lines := strings.Count(string(data), "\n") + 1
			for _, p := range ps {
				if p.Line < 0 || p.Line > lines {
					t.Fatalf("problem %q names line %d of a %d-line file", p.Msg, p.Line, lines)
				}
			}
			return
		}
		checkSet(t, set)
	})
}

// starterSeed is a set using every kind.
const starterSeed = `title = "Every kind"
description = "One of each."
when = "daily"

[[step]]
key = "short"
kind = "short"
question = "A word?"

[[step]]
key = "long"
kind = "long"
question = "More?"
help = "Take your time."

[[step]]
key = "level"
kind = "scale"
question = "How strong?"
min = 1
max = 5
min_label = "a little"
max_label = "a lot"

[[step]]
key = "pick"
kind = "choice"
question = "Which?"
options = ["Yes", "Partly", "Not yet"]

[[step]]
key = "many"
kind = "multi"
question = "What helped?"
options = ["Rest", "A walk", "A call"]

[[step]]
key = "ready"
kind = "checklist"
question = "Ready?"
options = ["Quiet room", "Phone away"]

[[step]]
key = "ok"
kind = "yesno"
question = "OK?"
`

// FuzzRunPiped checks answers piped in, one line per question: never a
// panic; a refusal is an input error naming an input line that exists;
// what is accepted are real answers, no more than the lines given.
func FuzzRunPiped(f *testing.F) {
	set, err := Parse("every", "every.toml", []byte(starterSeed))
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		"", "\n", "a\n\nb\n", "word\nmore\n3\n2\n1,3\n2\nyes\n", "word\r\nmore\r\n5\r\nnot yet\r\nrest, a call\r\n\r\nn",
		"x\ny\n6\n", "x\ny\n0\n", "\n\n\n\n\n\n\n\n\nextra\n", "\xff\n", "w\nm\n3\n1\n1,,2\n1,2,2\nTRUE\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		values, err := RunPiped(set, strings.NewReader(in), &strings.Builder{})
		lines := strings.Count(in, "\n")
		if !strings.HasSuffix(in, "\n") && in != "" {
			lines++
		}
		if err != nil {
			if !journal.IsInput(err) {
				t.Fatalf("%q: %v is not an input error", in, err)
			}
			var n int
			msg := err.Error()
			i := strings.Index(msg, "input line ")
			if i < 0 {
				t.Fatalf("%q: %v names no input line", in, err)
			}
			if _, serr := fmt.Sscanf(msg[i:], "input line %d", &n); serr != nil || n < 1 || n > lines {
				t.Fatalf("%q (%d lines): %v", in, lines, err)
			}
			return
		}
		if len(values) > lines {
			t.Fatalf("%q: %d answers from %d lines", in, len(values), lines)
		}
		checkValues(t, set, values)
	})
}

// FuzzReadAnswers checks answers files (JSON or TOML): never a panic; a
// refusal is an input error; what is accepted are real answers.
func FuzzReadAnswers(f *testing.F) {
	set, err := Parse("every", "every.toml", []byte(starterSeed))
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		`{"short": "calm", "level": 4, "pick": "not yet", "many": ["Rest", 2], "ok": false}`,
		`{"level": 12}`, `{"pick": 4}`, `{"short": ["a"]}`, `{"level": true}`, `{"short": "a"`, `{"many": ["Nap"]}`,
		`{"level": 1.5}`, `{"level": "3"}`, `{"ready": []}`, `{"pick": null}`, `[]`, `{"level": 1e400}`,
		"short = \"calm\"\nlevel = 3\nready = [\"Quiet room\"]\nok = \"yes\"\n", "level = 9999999999999999999\n",
		"pick = 2024-01-01\n", "many = [1, [2]]\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		for _, file := range []string{"a.json", "a.toml", "answers"} {
			values, err := ReadAnswers(set, file, []byte(data))
			if err != nil {
				if !journal.IsInput(err) {
					t.Fatalf("%s %q: %v is not an input error", file, data, err)
				}
				continue
			}
			checkValues(t, set, values)
		}
	})
}

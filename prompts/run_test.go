package prompts

import (
	"bytes"
	"strings"
	"testing"

	"journal/journal"
)

func testSet() Set {
	return Set{Name: "t", Title: "Test", When: Daily, Steps: []Step{
		{Key: "text", Kind: Short, Question: "A word?"},
		{Key: "level", Kind: Scale, Question: "How strong?", Min: 0, Max: 10, MinLabel: "none", MaxLabel: "very"},
		{Key: "pick", Kind: Choice, Question: "Which?", Options: []string{"Yes", "Partly", "Not yet"}},
		{Key: "many", Kind: Multi, Question: "What helped?", Options: []string{"Rest", "A walk", "A call"}},
		{Key: "ready", Kind: Checklist, Question: "Ready?", Options: []string{"Quiet room", "Phone away"}},
		{Key: "ok", Kind: YesNo, Question: "OK?"},
	}}
}

func TestFormatAnswers(t *testing.T) {
	set := testSet()
	seven := 7
	got := set.Answers(map[string]Value{
		"text":  {Text: " calm "},
		"level": {Number: &seven},
		"pick":  {Picked: []int{1}},
		"many":  {Picked: []int{0, 2}},
		"ready": {Picked: []int{1}},
		"ok":    {Text: "no"},
	})
	want := []string{"calm", "7 (0 = none, 10 = very)", "Partly", "Rest, A call", "done: Phone away\nnot yet: Quiet room", "no"}
	for i, a := range got {
		if a.Answer != want[i] || a.Question != set.Steps[i].Question || a.Key != set.Steps[i].Key {
			t.Errorf("step %d: got %+v, want answer %q", i+1, a, want[i])
		}
	}
	if a := set.Answers(nil); len(a) != 6 || a[0].Answer != "" {
		t.Errorf("skipped steps must be kept with an empty answer: %+v", a)
	}
}

func TestRunLines(t *testing.T) {
	in := strings.NewReader("calm\n\n2\nrest, 3\n1,2\ny\n")
	var out bytes.Buffer
	v, err := RunLines(testSet(), in, &out, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := v["level"]; ok {
		t.Error("an empty line must skip the question")
	}
	if v["text"].Text != "calm" || v["pick"].Picked[0] != 1 || len(v["many"].Picked) != 2 || v["ok"].Text != "yes" {
		t.Errorf("values: %+v", v)
	}
	if !strings.Contains(out.String(), "2/6 How strong?") || !strings.Contains(out.String(), "2) Partly") {
		t.Errorf("questions not shown:\n%s", out.String())
	}
}

// A person typing (accessible mode) is asked again after an answer that
// does not fit.
func TestRunLinesTypingAsksAgain(t *testing.T) {
	var out bytes.Buffer
	v, err := RunLines(testSet(), strings.NewReader("\nx\n11\n5\n"), &out, true)
	if err != nil {
		t.Fatal(err)
	}
	if *v["level"].Number != 5 || strings.Count(out.String(), "Try again") != 2 {
		t.Errorf("values %+v, output:\n%s", v, out.String())
	}
}

// Piped, line N answers question N: an answer that does not fit fails at
// once, naming the question and the input line, and the next line is never
// taken as a retry (that line belongs to the next question).
func TestRunPipedFailsAtTheFirstMisfit(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"\nx\n11\n5\n", `question 2 (level), input line 2: "x" is not on the scale: give a whole number from 0 to 10; nothing was saved`},
		{"calm\n\n4\n", `question 3 (pick), input line 3: there is no option 4: give a number from 1 to 3; nothing was saved`},
		{"calm\n3\n2\n1,9\n", `question 4 (many), input line 4: there is no option 9`},
		{"a\n5\n1\n1\n1\nmaybe\n", `question 6 (ok), input line 6: "maybe" is not yes or no`},
		{"calm\n\xff\xfe\n", `question 2 (level), input line 2: the answer is not UTF-8 text (byte 0xFF): set your terminal, or save the file, as UTF-8 and try again; nothing was saved`},
		{"calm\n\n\n\n\n\nand one more\n", `input line 7: there are only 6 questions in t: give one line per question (an empty line skips one); nothing was saved`},
	} {
		v, err := RunLines(testSet(), strings.NewReader(tc.in), &bytes.Buffer{}, false)
		if !journal.IsInput(err) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, %v; want an input error %q", tc.in, v, err, tc.want)
		}
	}
}

func TestRunPipedLineByLine(t *testing.T) {
	// Windows line ends and blank lines after the last question are fine.
	v, err := RunPiped(testSet(), strings.NewReader("calm\r\n\r\n2\r\n\n\nno\n\n\n"), &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if len(v) != 3 || v["text"].Text != "calm" || v["pick"].Picked[0] != 1 || v["ok"].Text != "no" {
		t.Errorf("values %+v", v)
	}
	if _, ok := v["level"]; ok {
		t.Errorf("the empty line 2 must skip question 2: %+v", v)
	}
}

func TestRunLinesEndOfInputSkipsTheRest(t *testing.T) {
	v, err := RunLines(testSet(), strings.NewReader("only this"), &bytes.Buffer{}, false)
	if err != nil || len(v) != 1 || v["text"].Text != "only this" {
		t.Errorf("got %+v, %v", v, err)
	}
}

func TestReadAnswers(t *testing.T) {
	set := testSet()
	v, err := ReadAnswers(set, "a.json", []byte(`{"text": "calm", "level": 4, "pick": "not yet", "many": ["Rest", 2], "ok": false}`))
	if err != nil {
		t.Fatal(err)
	}
	if *v["level"].Number != 4 || v["pick"].Picked[0] != 2 || len(v["many"].Picked) != 2 || v["ok"].Text != "no" {
		t.Errorf("json values: %+v", v)
	}
	v, err = ReadAnswers(set, "a.toml", []byte("text = \"calm\"\nlevel = 9\nready = [\"Quiet room\"]\nok = \"yes\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if *v["level"].Number != 9 || v["ready"].Picked[0] != 0 || v["ok"].Text != "yes" {
		t.Errorf("toml values: %+v", v)
	}
	for src, want := range map[string]string{
		`{"nope": "x"}`:     `"nope" is not a question of t: its keys are text, level, pick, many, ready, ok`,
		`{"level": 12}`:     `level: "12" is not on the scale: give a whole number from 0 to 10`,
		`{"pick": 4}`:       "there is no option 4",
		`{"text": ["a"]}`:   "a list only fits multi and checklist",
		`{"level": true}`:   "true or false only fits a yes/no question",
		`{"text": "a"`:      "not a JSON object",
		`{"many": ["Nap"]}`: `"Nap" is not one of the options`,
	} {
		if _, err := ReadAnswers(set, "a.json", []byte(src)); !journal.IsInput(err) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q", src, err, want)
		}
	}
}

func TestDraftRoundTrip(t *testing.T) {
	set := testSet()
	five := 5
	s, err := MarshalDraft(Draft{Step: 2, Values: map[string]Value{"level": {Number: &five}, "gone": {Text: "x"}}})
	if err != nil {
		t.Fatal(err)
	}
	d, err := UnmarshalDraft(set, s)
	if err != nil {
		t.Fatal(err)
	}
	if d.Step != 2 || *d.Values["level"].Number != 5 || len(d.Values) != 1 {
		t.Errorf("draft: %+v", d)
	}
}

// A person typing at the terminal (accessible mode) does not lose what
// they typed after three answers that do not fit: the question is left
// empty and the rest go on.
func TestRunLinesTypingKeepsGoingAfterMisses(t *testing.T) {
	var out bytes.Buffer
	v, err := RunLines(testSet(), strings.NewReader("calm\n11\n12\n-1\n2\n"), &out, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := v["level"]; ok || v["text"].Text != "calm" || v["pick"].Picked[0] != 1 {
		t.Errorf("values %+v", v)
	}
	if !strings.Contains(out.String(), "Leaving this one empty for now.") {
		t.Errorf("output:\n%s", out.String())
	}
}

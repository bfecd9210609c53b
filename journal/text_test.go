package journal

import "testing"

func TestCleanLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words", "plain words"},
		{"x\x1b]0;PWNED\a\x1b[2J", "x ]0;PWNED  [2J"}, // OSC title, clear screen
		{"a\tb\nc\r\n", "a b c  "},                    // one line
		{"\u009b31mred", " 31mred"},                   // 8-bit CSI
		{"abc\u202Etxt.exe", "abctxt.exe"},            // right-to-left override
		{"\u2066isolated\u2069 \u202Aembedded\u202C", "isolated embedded"},
		{"line\u2028sep", "line sep"},
		{"bad \xff\xfe byte", "bad \uFFFD\uFFFD byte"}, // not UTF-8
		{"今日は散歩に行きました。", "今日は散歩に行きました。"},               // untouched
		{"오늘은 산책을 했다", "오늘은 산책을 했다"},
		{"\u200fمرحبا بالعالم", "\u200fمرحبا بالعالم"},           // a right-to-left mark is kept
		{"family 👨\u200d👩\u200d👧 🌿", "family 👨\u200d👩\u200d👧 🌿"}, // joiners are kept
		{"a real \uFFFD stays", "a real \uFFFD stays"},
	}
	for _, tt := range tests {
		if got := CleanLine(tt.in); got != tt.want {
			t.Errorf("CleanLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanTextKeepsLinesAndTabs(t *testing.T) {
	in := "first\tline\nsecond \x1b[31mline\u202E\n"
	want := "first\tline\nsecond  [31mline\n"
	if got := CleanText(in); got != want {
		t.Errorf("CleanText(%q) = %q, want %q", in, got, want)
	}
}

func TestPrintableCleansEveryFieldAndCopies(t *testing.T) {
	esc := "x\x1b[2J"
	e := Entry{
		Body: esc + "\nline two", Tags: []string{esc}, PromptSet: esc,
		Answers: []Answer{{Key: "k", Question: esc, Answer: esc + "\nmore"}},
		Craving: &Craving{Triggers: []string{esc}, Feelings: []string{esc}, Coping: []string{esc}, Where: esc, With: esc, Thoughts: esc},
	}
	p := e.Printable()
	for name, got := range map[string]string{
		"body": p.Body, "tag": p.Tags[0], "prompt set": p.PromptSet, "question": p.Answers[0].Question,
		"answer": p.Answers[0].Answer, "trigger": p.Craving.Triggers[0], "feeling": p.Craving.Feelings[0],
		"coping": p.Craving.Coping[0], "where": p.Craving.Where, "with": p.Craving.With, "thoughts": p.Craving.Thoughts,
	} {
		if got != CleanText(got) || got == "" || got[0] != 'x' || containsEsc(got) {
			t.Errorf("%s = %q, still holds a control character", name, got)
		}
	}
	if p.Body != "x [2J\nline two" {
		t.Errorf("body = %q: line breaks should stay", p.Body)
	}
	if e.Tags[0] != esc || e.Craving.Where != esc || e.Answers[0].Answer != esc+"\nmore" {
		t.Error("Printable changed the entry it was given")
	}
}

func containsEsc(s string) bool {
	for _, r := range s {
		if r == 0x1b {
			return true
		}
	}
	return false
}

package journal

import (
	"encoding/json"
	"strings"
	"testing"
)

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

func TestCheckUTF8(t *testing.T) {
	if err := CheckUTF8("the entry text", "今日は 🌿 مرحبا 산책"); err != nil {
		t.Errorf("UTF-8 refused: %v", err)
	}
	err := CheckUTF8("--trigger", "  stress caf\xe9")
	want := `--trigger is not UTF-8 text (byte 0xE9 after "stress caf"): set your terminal, or save the file, as UTF-8 and try again`
	if err == nil || !IsInput(err) || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
	if err := CheckUTF8("x", "\xff"); err == nil || err.Error() != "x is not UTF-8 text (byte 0xFF): set your terminal, or save the file, as UTF-8 and try again" {
		t.Errorf("at the start: %v", err)
	}
	err = CheckUTF8File("a.json", []byte("{\n  \"body\": \"ok\"\n  \"x\": \"\x8e\"\n}"))
	if err == nil || !strings.HasPrefix(err.Error(), `line 3 of a.json is not UTF-8 text (byte 0x8E after "\"x\": \"")`) {
		t.Errorf("file: %v", err)
	}
}

func TestValidateTextNamesTheField(t *testing.T) {
	bad := "caf\xe9"
	tests := []struct {
		e    Entry
		want string
	}{
		{Entry{Body: bad}, "the entry text"},
		{Entry{Tags: []string{"ok", bad}}, "a tag"},
		{Entry{Answers: []Answer{{Question: "How are you?", Answer: bad}}}, `the answer to "How are you?"`},
		{Entry{Craving: &Craving{Triggers: []string{bad}}}, "a craving trigger"},
		{Entry{Craving: &Craving{Thoughts: bad}}, "the thoughts"},
	}
	for _, tt := range tests {
		err := tt.e.ValidateText()
		if err == nil || !strings.HasPrefix(err.Error(), tt.want+" is not UTF-8 text") {
			t.Errorf("%+v: err = %v, want it to name %s", tt.e, err, tt.want)
		}
	}
	if err := (Entry{Body: "散歩 🌿", Craving: &Craving{Where: "집"}}).ValidateText(); err != nil {
		t.Errorf("UTF-8 entry refused: %v", err)
	}
	if err := (Session{Note: bad}).ValidateText(); err == nil {
		t.Error("session note not checked")
	}
	if err := (Call{Note: bad}).ValidateText(); err == nil {
		t.Error("call note not checked")
	}
}

func TestEscapeJSONIsLossless(t *testing.T) {
	in := map[string]string{"note": "abc\u202Eevil \u009b31m 今日は 🌿 مرحبا\u200f"}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	got := EscapeJSON(b)
	if want := `{"note":"abc\u202eevil \u009b31m 今日は 🌿 مرحبا` + "\u200f" + `"}`; string(got) != want {
		t.Errorf("EscapeJSON = %s, want %s", got, want)
	}
	var back map[string]string
	if err := json.Unmarshal(got, &back); err != nil || back["note"] != in["note"] {
		t.Errorf("read back %q, %v; want the same text", back["note"], err)
	}
}

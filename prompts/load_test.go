package prompts

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBuiltinSetsLoad(t *testing.T) {
	c, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"intention", "reflection", "integration", "weekly", "lapse"} {
		s, ok := c.Get(name)
		if !ok {
			t.Errorf("built-in set %q is missing", name)
			continue
		}
		if s.Source != "built-in" || len(s.Steps) < 4 {
			t.Errorf("%s: source %q, %d steps", name, s.Source, len(s.Steps))
		}
	}
}

// The built-in wording must stay calm: no shaming words in any question.
// Questionnaires keep their published wording, word for word, so they are
// left out.
func TestBuiltinWordingNeverShames(t *testing.T) {
	c, _ := Load("")
	for _, s := range c.Sets() {
		if s.Scoring != nil {
			continue
		}
		text := strings.ToLower(s.Title + " " + s.Description)
		for _, st := range s.Steps {
			text += " " + strings.ToLower(st.Question+" "+st.Help+" "+strings.Join(st.Options, " "))
		}
		for _, bad := range []string{"fail", "relapse", "weak", "should have", "bad", "dose", "mg"} {
			if strings.Contains(text, bad) && !(bad == "fail" && s.Name == "lapse" && strings.Contains(text, "not failure")) {
				t.Errorf("%s uses %q", s.Name, bad)
			}
		}
	}
}

func TestUserSetsAddAndReplace(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("intention.toml", "title = \"Mine\"\nwhen = \"before\"\n[[step]]\nkey = \"a\"\nkind = \"short\"\nquestion = \"Q?\"\n")
	write("evening.toml", "title = \"Evening\"\nwhen = \"daily\"\n[[step]]\nkey = \"a\"\nkind = \"yesno\"\nquestion = \"Q?\"\n")
	write("broken.toml", "title = \"B\"\nwhen = \"sometimes\"\n")
	write("weekly.toml", "title = \"W\"\n")
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := c.Get("intention"); s.Title != "Mine" || len(s.Steps) != 1 {
		t.Errorf("user intention did not replace the built-in: %+v", s)
	}
	if _, ok := c.Get("evening"); !ok {
		t.Error("user set evening not added")
	}
	if _, ok := c.Get("broken"); ok || c.Broken["broken"] == nil {
		t.Errorf("broken file should be reported, got %v", c.Broken)
	}
	if _, ok := c.Get("weekly"); ok || c.Broken["weekly"] == nil {
		t.Error("a broken copy of a built-in must not fall back to the built-in")
	}
	if _, ok := c.Get("reflection"); !ok {
		t.Error("built-ins not replaced must stay")
	}
}

func TestParseProblemsNameTheLine(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"toml syntax", "title = \"x\nwhen = \"daily\"\n", "f.toml:1: not valid TOML"},
		{"no title", "when = \"daily\"\n[[step]]\nkey = \"a\"\nkind = \"short\"\nquestion = \"Q\"\n", "f.toml: the set needs a title"},
		{"bad when", "title = \"T\"\n\nwhen = \"sometimes\"\n[[step]]\nkey = \"a\"\nkind = \"short\"\nquestion = \"Q\"\n", `f.toml:3: when = "sometimes" is not known: use one of before, after, days-after, daily, weekly`},
		{"no steps", "title = \"T\"\nwhen = \"daily\"\n", "the set has no steps"},
		{"bad kind", "title = \"T\"\nwhen = \"daily\"\n[[step]]\nkey = \"a\"\nkind = \"essay\"\nquestion = \"Q\"\n", `f.toml:5: step 1: kind "essay" is not known`},
		{"dup key", "title = \"T\"\nwhen = \"daily\"\n[[step]]\nkey = \"a\"\nkind = \"short\"\nquestion = \"Q\"\n[[step]]\nkey = \"a\"\nkind = \"short\"\nquestion = \"Q\"\n", `f.toml:8: step 2: key "a" is already used by step 1`},
		{"scale order", "title = \"T\"\nwhen = \"daily\"\n[[step]]\nkey = \"a\"\nkind = \"scale\"\nquestion = \"Q\"\nmin = 5\nmax = 2\n", "f.toml:7: step 1: the scale's min (5) must be below its max (2)"},
		{"scale long", "title = \"T\"\nwhen = \"daily\"\n[[step]]\nkey = \"a\"\nkind = \"scale\"\nquestion = \"Q\"\nmax = 100\n", "f.toml:7: step 1: the scale from 0 to 100 is too long"},
		{"no options", "title = \"T\"\nwhen = \"daily\"\n[[step]]\nkey = \"a\"\nkind = \"choice\"\nquestion = \"Q\"\n", "f.toml:3: step 1: a choice step needs options"},
		{"options on text", "title = \"T\"\nwhen = \"daily\"\n[[step]]\nkey = \"a\"\nkind = \"short\"\nquestion = \"Q\"\noptions = [\"x\"]\n", "f.toml:7: step 1: options only apply to choice"},
		{"min on text", "title = \"T\"\nwhen = \"daily\"\n[[step]]\nkey = \"a\"\nkind = \"long\"\nquestion = \"Q\"\nmin = 1\n", "f.toml:7: step 1: min only applies to scale steps"},
		{"unknown key", "title = \"T\"\nwhen = \"daily\"\n[[step]]\nkey = \"a\"\nkind = \"short\"\nqestion = \"Q\"\n", `f.toml:6: unknown setting "step.qestion"`},
		{"no question", "title = \"T\"\nwhen = \"daily\"\n[[step]]\nkey = \"a\"\nkind = \"short\"\n", "f.toml:3: step 1 has no question"},
		{"bad key", "title = \"T\"\nwhen = \"daily\"\n[[step]]\nkey = \"Big Key\"\nkind = \"short\"\nquestion = \"Q\"\n", `f.toml:4: step 1: key "Big Key" must be lower-case`},
		{"wrong type", "title = \"T\"\nwhen = \"daily\"\n[[step]]\nkey = \"a\"\nkind = \"scale\"\nquestion = \"Q\"\nmin = \"one\"\n", "f.toml:7:"},
		{"comma option", "title = \"T\"\nwhen = \"daily\"\n[[step]]\nkey = \"a\"\nkind = \"multi\"\nquestion = \"Q\"\noptions = [\"a, b\", \"c\"]\n", "has a comma"},
		{"number option", "title = \"T\"\nwhen = \"daily\"\n[[step]]\nkey = \"a\"\nkind = \"choice\"\nquestion = \"Q\"\noptions = [\"1\", \"3\", \"2\"]\n", `f.toml:7: step 1: option "3" is in place 2, but typing 3 picks the option in place 3: put a word with it, like "3 or more"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("f", "f.toml", []byte(tc.src))
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("want Problems, got %v", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got  %v\nwant %s", err, tc.want)
			}
		})
	}
}

func TestParseBadName(t *testing.T) {
	_, err := Parse("My Set", "My Set.toml", []byte("title = \"T\"\nwhen = \"daily\"\n[[step]]\nkey = \"a\"\nkind = \"short\"\nquestion = \"Q\"\n"))
	if err == nil || !strings.Contains(err.Error(), "file name gives the set its name") {
		t.Errorf("got %v", err)
	}
}

func TestScaleDefaults(t *testing.T) {
	s, err := Parse("f", "f.toml", []byte("title = \"T\"\nwhen = \"daily\"\n[[step]]\nkey = \"a\"\nkind = \"scale\"\nquestion = \"Q\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Steps[0].Min != 0 || s.Steps[0].Max != 10 {
		t.Errorf("scale defaults: %+v", s.Steps[0])
	}
}

func TestStartersAreValid(t *testing.T) {
	for _, name := range []string{"my-evening", "intention"} {
		s, err := Parse(name, name+".toml", Starter(name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if s.Name != name {
			t.Errorf("name %q", s.Name)
		}
	}
}

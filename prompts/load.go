package prompts

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"journal/journal"
)

//go:embed builtin/*.toml
var builtinFS embed.FS

//go:generate go test -run TestBuiltinSetsMatchTheirFiles . -args -update

// Ext is the file extension of prompt set files.
const Ext = ".toml"

var (
	nameRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z][a-z0-9-]{0,39}$`) })
	keyRe  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`) })
	// typeErrRe reads the decoder's wrong-type errors, which carry the line
	// only in their text.
	typeErrRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): (.*)$`) })
)

// ValidName checks a set name: it is also a file name and a command word.
func ValidName(name string) error {
	if !nameRe().MatchString(name) {
		return fmt.Errorf("%s is not a usable prompt set name: use lower-case letters, digits and dashes, starting with a letter, like my-evening", journal.Quote(name))
	}
	return nil
}

// Problem is one thing wrong in a set file, with the line it is on (0
// when it concerns the whole file).
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// Problems is everything wrong in one file, in line order.
type Problems []Problem

func (ps Problems) Error() string {
	msgs := make([]string, len(ps))
	for i, p := range ps {
		msgs[i] = p.Error()
	}
	return strings.Join(msgs, "; ")
}

// fileSet is the TOML shape of a set file.
type fileSet struct {
	Title       string       `toml:"title"`
	Description string       `toml:"description"`
	When        string       `toml:"when"`
	Steps       []fileStep   `toml:"step"`
	Scoring     *fileScoring `toml:"scoring"`
}

// fileScoring is the TOML shape of a questionnaire's [scoring] table.
type fileScoring struct {
	Period            string   `toml:"period"`
	ProrateMaxMissing int      `toml:"prorate_max_missing"`
	ProrateSource     string   `toml:"prorate_source"`
	Cutoff            int      `toml:"cutoff"`
	CutoffLabel       string   `toml:"cutoff_label"`
	RemissionBelow    int      `toml:"remission_below"`
	SafetyItem        string   `toml:"safety_item"`
	Sources           []string `toml:"sources"`
	Terms             string   `toml:"terms"`
	Max               int      `toml:"max"`
	Bands             []struct {
		Min   int    `toml:"min"`
		Max   int    `toml:"max"`
		Label string `toml:"label"`
	} `toml:"band"`
}

type fileStep struct {
	Key      string   `toml:"key"`
	Kind     string   `toml:"kind"`
	Question string   `toml:"question"`
	Help     string   `toml:"help"`
	Min      *int     `toml:"min"`
	Max      *int     `toml:"max"`
	MinLabel string   `toml:"min_label"`
	MaxLabel string   `toml:"max_label"`
	Options  []string `toml:"options"`
	Values   []int    `toml:"values"`
}

// Parse reads and checks one set file. name is the set's name (the file
// name without .toml) and file is what errors call the file. On failure
// the error is Problems, each naming file and line.
func Parse(name, file string, data []byte) (Set, error) {
	lines := newLineIndex(string(data))
	var fs fileSet
	md, err := toml.Decode(string(data), &fs)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return Set{}, Problems{{file, pe.Position.Line, "not valid TOML: " + pe.Message}}
		}
		if m := typeErrRe().FindStringSubmatch(err.Error()); m != nil {
			line, _ := strconv.Atoi(m[1])
			key := m[2][strings.LastIndexByte(m[2], '.')+1:]
			return Set{}, Problems{{file, line, fmt.Sprintf("%s has the wrong kind of value (%s): min and max take whole numbers, options a list of text, the rest text in quotes", key, m[3])}}
		}
		return Set{}, Problems{{file, 0, "not valid TOML: " + err.Error()}}
	}
	var ps Problems
	add := func(line int, format string, args ...any) {
		ps = append(ps, Problem{file, line, fmt.Sprintf(format, args...)})
	}
	if err := ValidName(name); err != nil {
		add(0, "the file name gives the set its name, and %v", err)
	}
	for _, k := range md.Undecoded() {
		step := -1
		if len(k) > 1 && k[0] == "step" {
			step = lines.stepOf(k[len(k)-1])
		}
		add(lines.key(step, k[len(k)-1]), "unknown setting %q: a set has title, description, when, [[step]]s and (for a questionnaire) [scoring]; a step has key, kind, question, help, min, max, min_label, max_label, options and values", k.String())
	}
	set := Set{Name: name, Title: strings.TrimSpace(fs.Title), Description: strings.TrimSpace(fs.Description), When: When(fs.When), Source: file}
	if set.Title == "" {
		add(lines.key(-1, "title"), `the set needs a title, like title = "Before a session"`)
	}
	if !slices.Contains(Whens, set.When) {
		add(lines.key(-1, "when"), "when = %q is not known: use one of %s", fs.When, joinWhens())
	}
	if len(fs.Steps) == 0 {
		add(0, "the set has no steps: add at least one [[step]] with a key, a kind and a question")
	}
	seen := map[string]int{}
	for i, fst := range fs.Steps {
		at := func(key string) int { return lines.key(i, key) }
		st := Step{
			Key: strings.TrimSpace(fst.Key), Kind: Kind(strings.TrimSpace(fst.Kind)),
			Question: strings.TrimSpace(fst.Question), Help: strings.TrimSpace(fst.Help),
			MinLabel: strings.TrimSpace(fst.MinLabel), MaxLabel: strings.TrimSpace(fst.MaxLabel),
			Options: fst.Options, Values: fst.Values,
		}
		n := i + 1
		switch {
		case st.Key == "":
			add(lines.step(i), "step %d has no key: give it a short name, like key = \"hope\"", n)
		case !keyRe().MatchString(st.Key):
			add(at("key"), "step %d: key %q must be lower-case letters, digits and _, starting with a letter", n, st.Key)
		case seen[st.Key] > 0:
			add(at("key"), "step %d: key %q is already used by step %d: each step needs its own key", n, st.Key, seen[st.Key])
		default:
			seen[st.Key] = n
		}
		if st.Question == "" {
			add(lines.step(i), "step %d has no question", n)
		}
		if !slices.Contains(Kinds, st.Kind) {
			line := at("kind")
			if fst.Kind == "" {
				line = lines.step(i)
			}
			add(line, "step %d: kind %q is not known: use one of %s", n, fst.Kind, joinKinds())
			continue
		}
		hasOptions := st.Kind == Choice || st.Kind == Multi || st.Kind == Checklist
		if st.Kind == Scale {
			st.Min, st.Max = 0, 10
			if fst.Min != nil {
				st.Min = *fst.Min
			}
			if fst.Max != nil {
				st.Max = *fst.Max
			}
			switch {
			case st.Min >= st.Max:
				add(at("min"), "step %d: the scale's min (%d) must be below its max (%d)", n, st.Min, st.Max)
			case st.Max-st.Min > 10:
				add(at("max"), "step %d: the scale from %d to %d is too long: at most 11 points, like 0 to 10", n, st.Min, st.Max)
			case st.Min < 0:
				add(at("min"), "step %d: the scale's min must be 0 or more, got %d", n, st.Min)
			}
		} else {
			given := map[string]bool{"min": fst.Min != nil, "max": fst.Max != nil, "min_label": st.MinLabel != "", "max_label": st.MaxLabel != ""}
			for _, k := range []string{"min", "max", "min_label", "max_label"} {
				if given[k] {
					add(at(k), "step %d: %s only applies to scale steps, and this one is %s", n, k, st.Kind)
					break
				}
			}
		}
		switch {
		case hasOptions && len(st.Options) < 1:
			add(lines.step(i), "step %d: a %s step needs options, like options = [\"one\", \"two\"]", n, st.Kind)
		case hasOptions && st.Kind == Choice && len(st.Options) < 2:
			add(at("options"), "step %d: a choice step needs at least two options", n)
		case !hasOptions && len(st.Options) > 0:
			add(at("options"), "step %d: options only apply to choice, multi and checklist steps, and this one is %s", n, st.Kind)
		}
		if len(st.Values) > 0 {
			switch {
			case st.Kind != Choice:
				add(at("values"), "step %d: values only apply to choice steps of a questionnaire, and this one is %s", n, st.Kind)
			case len(st.Values) != len(st.Options):
				add(at("values"), "step %d: %d values for %d options: give each option its value", n, len(st.Values), len(st.Options))
			case !increasing(st.Values):
				add(at("values"), "step %d: values count up from 0, one for each option, like [0, 1, 2, 3]", n)
			case st.Values[len(st.Values)-1] > 9:
				add(at("values"), "step %d: values go up to 9 at most, so one key picks each", n)
			}
		}
		dup := map[string]bool{}
		for j, o := range st.Options {
			o = strings.TrimSpace(o)
			st.Options[j] = o
			switch {
			case o == "":
				add(at("options"), "step %d: option %d is empty", n, j+1)
			case strings.Contains(o, ","):
				add(at("options"), "step %d: option %q has a comma: commas separate picked options when typing, so leave them out", n, o)
			case dup[strings.ToLower(o)]:
				add(at("options"), "step %d: option %q is there twice", n, o)
			case isOtherNumber(o, j+1):
				// Typing a number picks the option at that place.
				add(at("options"), "step %d: option %q is in place %d, but typing %s picks the option in place %s: put a word with it, like \"%s or more\"", n, o, j+1, o, o, o)
			}
			dup[strings.ToLower(o)] = true
		}
		set.Steps = append(set.Steps, st)
	}
	checkScoring(&set, fs.Scoring, lines, add)
	if len(ps) > 0 {
		sort.SliceStable(ps, func(a, b int) bool { return ps[a].Line < ps[b].Line })
		return Set{}, ps
	}
	return set, nil
}

// checkScoring fills in set.Scoring from the file's [scoring] table and
// reports what does not add up: a questionnaire's scoring must be exactly
// as published, so every band edge and limit is checked.
func checkScoring(set *Set, fsc *fileScoring, lines lineIndex, add func(int, string, ...any)) {
	if fsc == nil {
		if set.When == Measure {
			add(lines.key(-1, "when"), "a questionnaire (when = \"measure\") needs a [scoring] table with its bands and sources")
		}
		for _, st := range set.Steps {
			if len(st.Values) > 0 {
				add(0, "step %s has values but the set has no [scoring] table", st.Key)
				break
			}
		}
		return
	}
	line := scoringLine(lines)
	if set.When != Measure {
		add(line, "a set with [scoring] is a questionnaire: set when = \"measure\"")
	}
	sc := journal.Scoring{
		Period: strings.TrimSpace(fsc.Period), Max: fsc.Max,
		Cutoff: fsc.Cutoff, CutoffLabel: strings.TrimSpace(fsc.CutoffLabel),
		ProrateMaxMissing: fsc.ProrateMaxMissing, ProrateSource: strings.TrimSpace(fsc.ProrateSource),
		RemissionBelow: fsc.RemissionBelow, SafetyItem: strings.TrimSpace(fsc.SafetyItem),
		Sources: fsc.Sources, Terms: strings.TrimSpace(fsc.Terms),
	}
	for _, b := range fsc.Bands {
		sc.Bands = append(sc.Bands, journal.Band{Min: b.Min, Max: b.Max, Label: strings.TrimSpace(b.Label)})
	}
	top := -1
	for _, st := range set.Steps {
		if len(st.Values) == 0 {
			// The questionnaire form and its line mode take values only.
			add(line, "step %s has no values: every question of a questionnaire is a choice with values, like values = [0, 1, 2, 3]", st.Key)
			continue
		}
		if len(st.Values) != len(st.Options) {
			continue
		}
		sc.Items = append(sc.Items, st.Key)
		hi := st.Values[len(st.Values)-1]
		if top >= 0 && hi != top {
			add(line, "step %s scores up to %d but the items before it up to %d: every item needs the same scale", st.Key, hi, top)
		}
		top = max(top, hi)
	}
	sc.ItemMax = max(top, 0)
	if sc.SafetyItem != "" && !slices.Contains(sc.Items, sc.SafetyItem) {
		add(line, "safety_item %q is not a scored step of this questionnaire", sc.SafetyItem)
	}
	if sc.Period == "" {
		add(line, "scoring needs the look-back period, like period = \"the last 2 weeks\"")
	}
	if sc.Terms == "" {
		add(line, "scoring needs the terms under which the questionnaire is reproduced, in terms")
	}
	for _, msg := range sc.Check() {
		add(line, "%s", msg)
	}
	set.Scoring = &sc
}

// scoringLine is the line of the [scoring] header, for error messages.
func scoringLine(li lineIndex) int {
	for i, l := range li.lines {
		if strings.TrimSpace(l) == "[scoring]" {
			return i + 1
		}
	}
	return 0
}

func joinWhens() string {
	s := make([]string, len(Whens))
	for i, w := range Whens {
		s[i] = string(w)
	}
	return strings.Join(s, ", ")
}

func joinKinds() string {
	s := make([]string, len(Kinds))
	for i, k := range Kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// lineIndex finds where things are in a set file, for error messages:
// the decoder does not report positions of values it accepted.
type lineIndex struct {
	lines []string
	steps []int // line number of each [[step]] header
}

func newLineIndex(src string) lineIndex {
	li := lineIndex{lines: strings.Split(src, "\n")}
	inMulti := false
	for i, l := range li.lines {
		t := strings.TrimSpace(l)
		if strings.Count(l, `"""`)%2 == 1 || strings.Count(l, `'''`)%2 == 1 {
			inMulti = !inMulti
			continue
		}
		if !inMulti && strings.HasPrefix(t, "[[") && strings.TrimSpace(strings.Trim(t, "[] ")) == "step" {
			li.steps = append(li.steps, i+1)
		}
	}
	return li
}

// isOtherNumber reports whether option text o is a whole number other than
// its place in the list.
func isOtherNumber(o string, place int) bool {
	n, err := strconv.Atoi(o)
	return err == nil && n != place
}

// step is the line of the i-th [[step]] header.
func (li lineIndex) step(i int) int {
	if i >= 0 && i < len(li.steps) {
		return li.steps[i]
	}
	return 0
}

// key is the line where key is set in step i (-1: before the first step).
// It falls back to the step's header, or 0.
func (li lineIndex) key(i int, key string) int {
	from, to := 1, len(li.lines)
	if len(li.steps) > 0 {
		to = li.steps[0] - 1
	}
	if i >= 0 {
		from, to = li.step(i), len(li.lines)
		if i+1 < len(li.steps) {
			to = li.steps[i+1] - 1
		}
		if from == 0 {
			return 0
		}
	}
	re := regexp.MustCompile(`^\s*"?` + regexp.QuoteMeta(key) + `"?\s*=`)
	for n := from; n <= to && n <= len(li.lines); n++ {
		if re.MatchString(li.lines[n-1]) {
			return n
		}
	}
	if i >= 0 {
		return from
	}
	return 0
}

// stepOf is the index of the first step that sets key, or -1.
func (li lineIndex) stepOf(key string) int {
	for i := range li.steps {
		if l := li.key(i, key); l > 0 && l != li.step(i) {
			return i
		}
	}
	return -1
}

// Catalog is every set that can be run: the built-in ones, replaced or
// joined by the person's own files.
type Catalog struct {
	sets map[string]Set
	// Broken holds the problems of user files that could not be read, by
	// set name; those names cannot be run until the file is fixed.
	Broken map[string]error
}

// Builtin returns the embedded file of a built-in set, if there is one.
func Builtin(name string) ([]byte, bool) {
	b, err := builtinFS.ReadFile("builtin/" + name + Ext)
	return b, err == nil
}

// Load reads the built-in sets and then the *.toml files of dir (which
// may be missing), whose sets add to or replace the built-in ones by name.
func Load(dir string) (*Catalog, error) {
	c := &Catalog{sets: map[string]Set{}, Broken: map[string]error{}}
	names, _ := fs.Glob(builtinFS, "builtin/*"+Ext)
	for _, n := range names {
		name := strings.TrimSuffix(filepath.Base(n), Ext)
		// Decoding the files took most of a short command's time; a
		// test keeps builtinSet what parsing them gives.
		s, ok := builtinSet(name)
		if !ok {
			b, _ := builtinFS.ReadFile(n)
			var err error
			if s, err = Parse(name, "built-in "+name, b); err != nil {
				return nil, err // a test keeps the built-in files valid
			}
			s.Source = "built-in"
		}
		c.sets[name] = s
	}
	if dir == "" {
		return c, nil
	}
	files, err := filepath.Glob(filepath.Join(dir, "*"+Ext))
	if err != nil {
		return nil, err
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), Ext)
		s, err := ParseFile(file)
		if err != nil {
			// A broken copy of a built-in must not quietly run the
			// built-in: the person meant their own questions.
			c.Broken[name] = err
			delete(c.sets, name)
			continue
		}
		c.sets[name] = s
	}
	return c, nil
}

// ParseFile reads and checks the set file at path; its name is the file name.
func ParseFile(path string) (Set, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Set{}, Problems{{path, 0, "cannot read it: " + unwrapPathErr(err).Error()}}
	}
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return Parse(name, path, b)
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Get returns the set called name.
func (c *Catalog) Get(name string) (Set, bool) {
	s, ok := c.sets[name]
	return s, ok
}

// Sets returns every runnable set, by name.
func (c *Catalog) Sets() []Set {
	out := make([]Set, 0, len(c.sets))
	for _, s := range c.sets {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Names returns the runnable set names, sorted.
func (c *Catalog) Names() []string {
	var out []string
	for _, s := range c.Sets() {
		out = append(out, s.Name)
	}
	return out
}

// increasing reports whether vs count up from 0 in steps of 1, so that
// the key typed for an answer is its value.
func increasing(vs []int) bool {
	for i, v := range vs {
		if v != i {
			return false
		}
	}
	return true
}

package cmd

import (
	"errors"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"journal/journal"
)

// noArgs, exactArgs: cobra's argument checks, reported as bad input (exit 2).
func noArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		if !c.HasParent() {
			return journal.Invalid("unknown command %s: %ssee journal --help", journal.Quote(args[0]), didYouMean(c, args[0]))
		}
		// A word after "journal config" is a sub-command mistyped, not an
		// argument.
		if c.HasSubCommands() {
			return journal.Invalid("unknown command %s for %s: see %s --help", journal.Quote(args[0]), c.CommandPath(), c.CommandPath())
		}
		return journal.Invalid("%s takes no arguments, got %s", c.CommandPath(), journal.Quote(strings.Join(args, " ")))
	}
	return nil
}

func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		switch {
		case len(args) > n:
			return journal.Invalid("%s takes one argument, %s; got %s", c.CommandPath(), what, journal.Quote(strings.Join(args, " ")))
		case len(args) < n:
			return journal.Invalid("%s needs %s: try %s", c.CommandPath(), what, example(c))
		}
		return nil
	}
}

// example is the first line of c's examples that runs c itself: the
// message it goes into is one line.
func example(c *cobra.Command) string {
	lines := strings.Split(c.Example, "\n")
	for _, l := range lines {
		if l = strings.TrimSpace(l); strings.HasPrefix(l, c.CommandPath()+" ") {
			return l
		}
	}
	return strings.TrimSpace(lines[0])
}

// parseID reads an entry id as typed.
func parseID(s string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(s, "#"), 10, 64)
	if err != nil || id <= 0 {
		return 0, journal.Invalid("entry id must be a whole number like 12, got %s", journal.Quote(s))
	}
	return id, nil
}

// pastWhen parses a --at value and refuses moments after now: entries are
// for what already happened.
func pastWhen(flag, s string, now time.Time) (time.Time, error) {
	w, err := journal.ParseWhen(s, now)
	if err != nil {
		return time.Time{}, journal.Invalid("--%s: %v", flag, err)
	}
	if w.Time.After(now) {
		return time.Time{}, journal.Invalid("--%s %s is in the future: give a time that has already passed", flag, s)
	}
	return w.Time, nil
}

// dayFlag parses a day-taking flag; "" gives the zero Date.
func dayFlag(flag, s string, now time.Time) (journal.Date, error) {
	if s == "" {
		return journal.Date{}, nil
	}
	d, err := journal.ParseDay(s, now)
	if err != nil {
		return d, journal.Invalid("--%s: %v", flag, err)
	}
	return d, nil
}

func notFound(id int64) error {
	return journal.Invalid("no entry with id %d: see journal list", id)
}

// isDeleted says what to do about an entry that show can still find but
// that is deleted: "no entry" would contradict show.
func isDeleted(id int64, already bool) error {
	if already {
		return journal.Invalid("entry %d is already deleted: journal restore %d brings it back", id, id)
	}
	return journal.Invalid("entry %d is deleted: bring it back with journal restore %d to change it", id, id)
}

// kindNames are the kinds of entry a --kind takes (journal.ParseKind's).
func kindNames() []string {
	var kinds []string
	for _, k := range journal.Kinds {
		kinds = append(kinds, string(k))
	}
	return kinds
}

// orList is "a", "a or b", "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// negativeNumberRe finds a negative number that the flag parser took for
// a flag, as in "unknown shorthand flag: '1' in -1".
var negativeNumberRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`in (-[0-9][0-9.,]*)$`) })

// negativeArg reports "-1" given as a value with the value's own message
// (parse's), not as an unknown flag.
func negativeArg[T any](parse func(string) (T, error)) func(*cobra.Command, error) error {
	return func(c *cobra.Command, err error) error {
		if m := negativeNumberRe().FindStringSubmatch(err.Error()); m != nil {
			if _, perr := parse(m[1]); perr != nil {
				return perr
			}
		}
		return flagError(c, err)
	}
}

// pathFlags take file names, which may be any bytes on some systems: they
// are names, not text, and are left to the file system.
var pathFlags = map[string]bool{"--db": true, "--output": true, "-o": true, "--identity": true,
	"--answers": true, "--recipients-file": true}

// utf8Args refuses arguments that are not UTF-8 (a terminal set to another
// encoding) before any command runs, naming the flag a value was given to.
// File names (path flags' values, and arguments naming a file that exists,
// like import's FILE) are not text and are let through.
func utf8Args(args []string) error {
	for i, a := range args {
		what := "an argument"
		if name, value, ok := strings.Cut(a, "="); ok && strings.HasPrefix(a, "-") {
			what, a = "the value of "+strings.ToValidUTF8(name, "?"), value
			if pathFlags[name] {
				continue
			}
		} else if prev := ""; i > 0 {
			if prev = args[i-1]; strings.HasPrefix(prev, "-") && !strings.Contains(prev, "=") && prev != "--" {
				if pathFlags[prev] {
					continue
				}
				what = "the value of " + strings.ToValidUTF8(prev, "?")
			}
		}
		if utf8.ValidString(a) {
			continue
		}
		if _, err := os.Stat(a); err == nil {
			continue
		}
		return journal.CheckUTF8(what, a)
	}
	return nil
}

// freeText marks, in a command's Annotations, a command whose arguments
// are free text (write, search): a word of it that starts with a dash is
// text, and the parser's complaint about it gets the -- hint.
const freeText = "free-text"

func takesFreeText(c *cobra.Command) bool { return c.Annotations[freeText] != "" }

// dashText finds, in the arguments of a free-text command, the first word
// that starts with a dash but is no flag of the command ("-care", "-5
// degrees", "- Drink water"), or that the flag parser would silently read as
// a short flag with its value glued on ("-tired" as -t "ired" to write,
// "-nothing" as -n "othing" to search). It returns the -- hint for it, the
// whole command written out, or nil. A glued value with no letter ("-n5")
// is taken as the flag it is.
func dashText(root *cobra.Command, args []string) error {
	c, rest, err := root.Find(args)
	if err != nil || !takesFreeText(c) {
		return nil
	}
	c.InitDefaultHelpFlag() // cobra adds --help only when it runs
	lookup := func(long, short string) *pflag.Flag {
		for _, fs := range []*pflag.FlagSet{c.Flags(), c.InheritedFlags()} {
			if long != "" {
				if fl := fs.Lookup(long); fl != nil {
					return fl
				}
			} else if fl := fs.ShorthandLookup(short); fl != nil {
				return fl
			}
		}
		return nil
	}
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		if a == "--" {
			return nil
		}
		if len(a) < 2 || a[0] != '-' {
			continue
		}
		var fl *pflag.Flag
		switch name, _, hasValue := strings.Cut(strings.TrimPrefix(a, "--"), "="); {
		case strings.HasPrefix(a, "--"):
			if fl = lookup(name, ""); fl != nil && !hasValue && fl.NoOptDefVal == "" {
				i++ // its value is the next word
			}
		case len(a) == 2:
			if fl = lookup("", a[1:]); fl != nil && fl.NoOptDefVal == "" {
				i++
			}
		default:
			if fl = lookup("", a[1:2]); fl != nil && fl.NoOptDefVal == "" && strings.ContainsFunc(a[2:], unicode.IsLetter) {
				fl = nil // "-tired": a word, not -t ired
			}
		}
		if fl == nil {
			return startsWithDash(c, a, rest[:i], rest[i:])
		}
	}
	return nil
}

// startsWithDash is the -- hint for text, typed after the words before and
// followed by the words from (text first among them).
func startsWithDash(c *cobra.Command, text string, before, from []string) error {
	line := []string{c.CommandPath()}
	for _, w := range before {
		line = append(line, shellQuote(w))
	}
	line = append(line, "--")
	for _, w := range from {
		line = append(line, shellQuote(w))
	}
	return journal.Invalid("%s starts with a dash, so it was read as a flag: to give it as text, put -- before it, like %s",
		journal.Quote(text), strings.Join(line, " "))
}

// flagError words the flag parser's complaints for people: which flag, and
// what it takes, without the parser's inner words.
func flagError(c *cobra.Command, err error) error {
	var bad *pflag.InvalidValueError
	if errors.As(err, &bad) {
		what := "a valid value"
		switch bad.GetFlag().Value.Type() {
		case "int", "int64", "uint", "uint64":
			what = "a whole number"
		case "float64":
			what = "a number"
		case "bool":
			what = "true or false"
		}
		return journal.Invalid("--%s must be %s, got %s", bad.GetFlag().Name, what, journal.Quote(bad.GetValue()))
	}
	var unknown *pflag.NotExistError
	if errors.As(err, &unknown) && !c.HasParent() && len(c.Flags().Args()) > 0 {
		// "journal exprot --format json": the command is what is wrong, and
		// its flags only look unknown because the command was not found.
		return noArgs(c, c.Flags().Args())
	}
	if errors.As(err, &unknown) && takesFreeText(c) {
		// "-care" to search is a word, not a flag.
		if text := unknown.GetSpecifiedShortnames(); text != "" {
			return startsWithDash(c, "-"+text, nil, []string{"-" + text})
		}
		return startsWithDash(c, "--"+unknown.GetSpecifiedName(), nil, []string{"--" + unknown.GetSpecifiedName()})
	}
	if errors.As(err, &unknown) {
		// "-5 degrees today" is text that starts with a dash, not a flag.
		if text := unknown.GetSpecifiedShortnames(); strings.Contains(text, " ") {
			return startsWithDash(c, "-"+text, nil, []string{"-" + text})
		}
		if name := unknown.GetSpecifiedName(); strings.Contains(name, " ") {
			return startsWithDash(c, "--"+name, nil, []string{"--" + name})
		}
	}
	var syntax *pflag.InvalidSyntaxError
	if errors.As(err, &syntax) {
		return startsWithDash(c, syntax.GetSpecifiedFlag(), nil, []string{syntax.GetSpecifiedFlag()})
	}
	var missing *pflag.ValueRequiredError
	if errors.As(err, &missing) {
		return journal.Invalid("--%s needs a value (see %s --help)", missing.GetFlag().Name, c.CommandPath())
	}
	return journal.Invalid("%v (see --help)", err)
}

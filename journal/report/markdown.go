package report

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"

	"journal/journal"
)

// Markdown writes the report as a Markdown document.
func Markdown(w io.Writer, r Report) error {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }

	p("# %s\n\n", r.Title)
	p("**%s**  \n%s\n", r.Period, r.Basis)

	p("\n## Drinking\n\n")
	if r.DrinkingNote != "" {
		p("%s\n\n", r.DrinkingNote)
	}
	if r.HasEarlier {
		p("%s\n\n", r.Compared)
	} else {
		p("No earlier data to compare with: no days were recorded from %s to %s.\n\n", LongDate(r.PrevFrom), LongDate(r.PrevTo))
	}
	p("| Measure | This period | Before | Change |\n|---|---|---|---|\n")
	for _, m := range r.Drinking {
		p("| %s | %s | %s | %s |\n", m.Label, m.Now, m.Before, or(m.Change, "–"))
	}
	p("\n%s\n", r.Measured)

	p("\n## Cravings\n\n")
	if r.Cravings.Count > 0 {
		p("- **Logged:** %s · mean intensity %s · strongest %s\n",
			journal.Plural(r.Cravings.Count, "craving", "cravings"), r.Cravings.Mean, r.Cravings.Max)
	}
	p("- **Trend:** %s\n", r.Cravings.Trend)
	p("- **Before:** %s\n", r.Cravings.Before)
	if len(r.Triggers) > 0 {
		p("- **Top triggers:** %s\n", mdEscape(strings.Join(r.Triggers, " · ")))
	}
	if len(r.Coping) > 0 {
		p("\n### What helped\n\nShare of cravings resisted, by what was done.\n\n")
		p("| Strategy | Uses | Outcome |\n|---|---|---|\n")
		for _, c := range r.Coping {
			p("| %s | %d | %s |\n", mdEscape(c.Strategy), c.Uses, c.Resisted)
		}
	}

	p("\n## Sessions\n\n")
	if len(r.Sessions) == 0 {
		p("No sessions in this period.\n")
	}
	for _, s := range r.Sessions {
		p("### %s\n\n", s.Heading)
		if s.Note != "" {
			p("Note: %s\n\n", mdEscape(s.Note))
		}
		for _, a := range s.Around {
			p("- %s\n", a)
		}
		if len(s.Around) > 0 {
			p("\n")
		}
		for _, n := range s.ForCoach {
			p("**To bring to the coach** (%s):\n\n%s", LongDate(n.Day), mdQuote(n.Text))
		}
		for _, q := range s.Quotes {
			p("*%s*\n\n%s", mdEscape(q.Question), mdQuote(q.Answer))
		}
	}
	if len(r.CoachNotes) > 0 {
		p("\n## Also to bring to the coach\n\n")
		for _, n := range r.CoachNotes {
			p("**%s**\n\n%s", LongDate(n.Day), mdQuote(n.Text))
		}
	}

	p("\n## Check-ins\n\n")
	c := r.Checkins
	switch {
	case c.Days == 0:
		p("None yet today.\n")
	case c.Count == 0:
		p("No check-ins in this period.\n")
	default:
		p("- **Check-ins:** %d of %s\n", c.Count, journal.Plural(c.Days, "day", "days"))
		if c.Mood != "" {
			p("- **Mean mood:** %s\n", c.Mood)
		}
		if c.Sleep != "" {
			p("- **Mean sleep:** %s\n", c.Sleep)
		}
		p("- **Days without a check-in:** %s\n", or(joinRanges(c.Missing), "none"))
	}
	if len(r.Questionnaires) > 0 || r.Safety != "" {
		p("\n## Questionnaires\n\n")
		for _, q := range r.Questionnaires {
			p("### %s\n\n", mdEscape(q.Title))
			for _, sc := range q.Scores {
				p("- %s: %s\n", LongDate(sc.Day), mdEscape(sc.Text))
			}
			p("\n%s\n", q.Summary)
			for _, l := range q.Sessions {
				p("\n- %s", l)
			}
			if len(q.Sessions) > 0 {
				p("\n")
			}
			p("\n")
		}
		if r.Safety != "" {
			p("**%s**\n", r.Safety)
		}
	}
	p("\n---\n\n*%s*\n", r.PrivateOmitted)
	_, err := io.WriteString(w, b.String())
	return err
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func joinRanges(rs []DayRange) string {
	var s []string
	for _, r := range rs {
		s = append(s, r.String())
	}
	return strings.Join(s, ", ")
}

var (
	mdSpecial = strings.NewReplacer(`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
		`<`, `\<`, `>`, `\>`, `#`, `\#`, `|`, `\|`, `~`, `\~`, `&`, `\&`)
	// mdLineStart finds what would start a list or a heading at the
	// beginning of a line.
	mdLineStart = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^(\s*)([-+=]|\d+)([.)]?)`) })
)

// mdEscape keeps what someone wrote from turning into Markdown. A list
// number keeps its digits and has its dot escaped ("1\."): a backslash
// before a digit would show.
func mdEscape(s string) string {
	return mdLineStart().ReplaceAllStringFunc(mdSpecial.Replace(s), func(m string) string {
		p := mdLineStart().FindStringSubmatch(m)
		switch {
		case p[2] == "-" || p[2] == "+" || p[2] == "=":
			return p[1] + `\` + p[2] + p[3]
		case p[3] != "":
			return p[1] + p[2] + `\` + p[3]
		}
		return m // digits alone start nothing
	})
}

// mdQuote puts an answer in a block quote, line by line, followed by a
// blank line. Lines of one paragraph end in a backslash, Markdown's hard
// line break, so the line breaks survive rendering.
func mdQuote(s string) string {
	var b strings.Builder
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		l = mdEscape(strings.TrimSpace(l))
		if l != "" && i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" {
			l += `\`
		}
		b.WriteString(strings.TrimRight("> "+l, " ") + "\n")
	}
	return b.String() + "\n"
}

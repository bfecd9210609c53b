package report

import (
	"fmt"
	"io"
	"strings"

	"journal/journal"
)

// Style renders the parts of the text report. The zero Style prints
// plain text; cmd fills it from the terminal's styles.
type Style struct {
	Title, Label, Dim, Good func(string) string
}

func (s Style) apply(f func(string) string, t string) string {
	if f == nil {
		return t
	}
	return f(t)
}

// textWidth is the width the text report fits in.
const textWidth = 80

// labelCols is the indent of values after their label.
const labelCols = 28

// Text writes the report for a terminal, in 80 columns.
func Text(w io.Writer, r Report, s Style) error {
	p := &textPrinter{s: s}
	p.line(s.apply(s.Title, r.Title))
	p.line(r.Period)
	p.para("", r.Basis)

	p.section("Drinking")
	if r.DrinkingNote != "" {
		p.para("  ", r.DrinkingNote)
	}
	if r.HasEarlier {
		p.para("  ", r.Compared)
	} else {
		p.para("  ", s.apply(s.Dim, fmt.Sprintf("No earlier data to compare with: no days were recorded from %s to %s.",
			LongDate(r.PrevFrom), LongDate(r.PrevTo))))
	}
	for _, m := range r.Drinking {
		now := m.Now
		if m.Key == "alcohol_free_days" {
			now = s.apply(s.Good, now)
		}
		p.row(m.Label, now)
		if r.HasEarlier && (m.Change != "" || m.Before != "–") {
			before := "before: " + m.Before
			if m.Change != "" {
				before += " · " + m.Change
			}
			p.row("", s.apply(s.Dim, before))
		}
	}
	p.para("  ", s.apply(s.Dim, r.Measured))

	p.section("Cravings")
	if r.Cravings.Count > 0 {
		p.row("Logged", fmt.Sprintf("%s · mean intensity %s · strongest %s",
			journal.Plural(r.Cravings.Count, "craving", "cravings"), r.Cravings.Mean, r.Cravings.Max))
	}
	p.wrapRow("Trend", r.Cravings.Trend)
	p.wrapRow("Before", r.Cravings.Before)
	if len(r.Triggers) > 0 {
		p.wrapRow("Top triggers", strings.Join(r.Triggers, " · "))
	}
	if len(r.Coping) > 0 {
		p.row("What helped", s.apply(s.Dim, "share of cravings resisted, by what was done"))
		for _, c := range r.Coping {
			p.row("", fmt.Sprintf("%s: %s · %s", c.Strategy, journal.Plural(c.Uses, "use", "uses"), c.Resisted))
		}
	} else if r.Cravings.Count > 0 {
		p.row("What helped", s.apply(s.Dim, "nothing used three times yet"))
	}

	p.section("Sessions")
	if len(r.Sessions) == 0 {
		p.para("  ", "No sessions in this period.")
	}
	for i, ses := range r.Sessions {
		if i > 0 {
			p.line("")
		}
		p.line("  " + s.apply(s.Label, ses.Heading))
		if ses.Note != "" {
			p.para("    ", "Note: "+ses.Note)
		}
		for _, a := range ses.Around {
			p.para("    ", a)
		}
		for _, n := range ses.ForCoach {
			p.para("    ", s.apply(s.Title, "To bring to the coach:"))
			p.para("      ", n.Text)
		}
		for _, q := range ses.Quotes {
			p.para("    ", s.apply(s.Dim, q.Question))
			p.para("      ", q.Answer)
		}
	}
	if len(r.CoachNotes) > 0 {
		p.section("Also to bring to the coach")
		for _, n := range r.CoachNotes {
			p.para("  ", s.apply(s.Dim, LongDate(n.Day)))
			p.para("    ", n.Text)
		}
	}

	p.section("Check-ins")
	p.checkins(r.Checkins)
	p.questionnaires(r)

	p.line("")
	p.para("", s.apply(s.Dim, r.PrivateOmitted))
	_, err := io.WriteString(w, p.b.String())
	return err
}

type textPrinter struct {
	b strings.Builder
	s Style
}

func (p *textPrinter) line(t string) { p.b.WriteString(t + "\n") }

func (p *textPrinter) section(t string) { p.line("\n" + p.s.apply(p.s.Title, t)) }

// para wraps t to the width after indent. Styled text is passed whole:
// it is one short line by design.
func (p *textPrinter) para(indent, t string) {
	if strings.Contains(t, "\x1b") {
		p.line(indent + t)
		return
	}
	for _, l := range wrapText(t, textWidth-len(indent)) {
		p.line(indent + l)
	}
}

func (p *textPrinter) row(label, value string) {
	pad := labelCols - 2 - len([]rune(label))
	if label != "" {
		label = p.s.apply(p.s.Label, label)
	}
	p.line("  " + label + strings.Repeat(" ", max(pad, 1)) + value)
}

// wrapRow is a row whose value may run over several lines.
func (p *textPrinter) wrapRow(label, value string) {
	for i, l := range wrapText(value, textWidth-labelCols) {
		if i > 0 {
			label = ""
		}
		p.row(label, l)
	}
}

func (p *textPrinter) checkins(c Checkins) {
	switch {
	case c.Days == 0:
		p.para("  ", "None yet today.")
		return
	case c.Count == 0:
		p.para("  ", "No check-ins in this period.")
		return
	}
	p.row("Check-ins", fmt.Sprintf("%d of %s", c.Count, journal.Plural(c.Days, "day", "days")))
	if c.Mood != "" {
		p.row("Mean mood", c.Mood)
	}
	if c.Sleep != "" {
		p.row("Mean sleep", c.Sleep)
	}
	if len(c.Missing) == 0 {
		p.row("Days without a check-in", "none")
		return
	}
	var days []string
	for _, r := range c.Missing {
		days = append(days, r.String())
	}
	p.wrapRow("Days without a check-in", strings.Join(days, ", "))
}

// questionnaires writes the questionnaire section, when any was done.
func (p *textPrinter) questionnaires(r Report) {
	if len(r.Questionnaires) == 0 && r.Safety == "" {
		return
	}
	p.section("Questionnaires")
	for _, q := range r.Questionnaires {
		p.line("  " + p.s.apply(p.s.Label, q.Title))
		for _, sc := range q.Scores {
			p.row("    "+LongDate(sc.Day), sc.Text)
		}
		p.para("    ", q.Summary)
		for _, l := range q.Sessions {
			p.para("    ", l)
		}
	}
	if r.Safety != "" {
		p.para("  ", r.Safety)
	}
}

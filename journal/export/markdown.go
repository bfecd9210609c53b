package export

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"journal/journal"
	"journal/journal/stats"
)

// Markdown writes doc as a readable document grouped by day: check-ins,
// drinks, cravings as a table, guided entries as question and answer,
// notes. Each day is written as its entries come (see Document.EachEntry):
// the document is never held whole.
func Markdown(w io.Writer, doc Document) error {
	var b strings.Builder
	// put writes what b holds and empties it. One cleaning step for every
	// field of the person's text: Markdown is read in terminals (a pasted
	// escape would redraw the screen there).
	put := func() error {
		_, err := io.WriteString(w, journal.CleanText(b.String()))
		b.Reset()
		return err
	}
	s := doc.Summary
	fmt.Fprintf(&b, "# Journal, %s to %s\n\n", longDate(s.From), longDate(s.To))
	fmt.Fprintf(&b, "Exported %s.", doc.ExportedAt.Format("2 January 2006, 15:04"))
	if line := privacyLine(doc); line != "" {
		fmt.Fprintf(&b, " %s", line)
	}
	b.WriteString("\n\n## Summary\n\n")
	for _, m := range measures(s) {
		fmt.Fprintf(&b, "- %s: %s\n", m.Label, strings.TrimSpace(m.Value+" "+m.Note))
	}
	if err := put(); err != nil {
		return err
	}
	days := 0
	err := doc.eachDay(func(g Day) error {
		days++
		markdownDay(&b, doc, g)
		return put()
	})
	if err != nil {
		return err
	}
	if days == 0 {
		b.WriteString("\nNothing was recorded in this period.\n")
	}
	return put()
}

// markdownDay writes one day (or a run of quiet days) of the document.
func markdownDay(b *strings.Builder, doc Document, g Day) {
	if !g.Through.IsZero() {
		fmt.Fprintf(b, "\n## %s\n\n**Drinks:** alcohol-free, %d days in a row; nothing else recorded\n", dateRange(g.Day, g.Through), g.Length())
		return
	}
	fmt.Fprintf(b, "\n## %s\n", longDate(g.Day))
	for _, ses := range g.Sessions {
		fmt.Fprintf(b, "\n### Session %d", ses.Number)
		if facts := sessionFacts(ses); len(facts) > 0 {
			fmt.Fprintf(b, ": %s", strings.Join(facts, ", "))
		}
		b.WriteString("\n")
		if note := strings.TrimSpace(ses.Note); note != "" {
			fmt.Fprintf(b, "\n%s\n", quoteBlock(note))
		}
		if linked := doc.linked(ses); len(linked) > 0 {
			var names []string
			for _, e := range linked {
				names = append(names, fmt.Sprintf("%s (%s, %s)", inline(doc.setTitle(e)), dayMonth(e.Day), e.OccurredAt.Format("15:04")))
			}
			fmt.Fprintf(b, "\nGuided entries for this session: %s\n", strings.Join(names, "; "))
		}
	}
	if g.Checkin != nil {
		fmt.Fprintf(b, "\n**Check-in:** %s", strings.TrimPrefix(g.Checkin.Checkin.Summary(), "check-in · "))
		if body := strings.TrimSpace(g.Checkin.Body); body != "" {
			fmt.Fprintf(b, " — %s", oneLine(body))
		}
		b.WriteString("\n")
	}
	if g.Drinks != nil {
		fmt.Fprintf(b, "\n**Drinks:** %s", drinksText(*g.Drinks))
		if g.Drinks.Note != "" {
			fmt.Fprintf(b, " — %s", oneLine(g.Drinks.Note))
		}
		b.WriteString("\n")
	}
	if len(g.Cravings) > 0 {
		b.WriteString("\n**Cravings**\n\n| Time | Intensity | Triggers | Coping | Outcome | Note |\n|---|---|---|---|---|---|\n")
		for _, e := range g.Cravings {
			c := e.Craving
			fmt.Fprintf(b, "| %s%s | %d/10 | %s | %s | %s | %s |\n", e.OccurredAt.Format("15:04"), privateMark(e), c.Intensity,
				tableCell(strings.Join(c.Triggers, ", ")), tableCell(strings.Join(c.Coping, ", ")),
				tableCell(string(c.Outcome)), tableCell(e.Body))
		}
		// The rest of each craving, below the table: a row of eleven
		// columns would not fit a page.
		first := true
		for _, e := range g.Cravings {
			if facts := cravingFacts(e.Craving); len(facts) > 0 {
				if first {
					b.WriteString("\n")
					first = false
				}
				fmt.Fprintf(b, "- %s: %s\n", e.OccurredAt.Format("15:04"), oneLine(strings.Join(facts, "; ")))
			}
		}
	}
	for _, e := range g.Guided {
		fmt.Fprintf(b, "\n### %s, %s%s%s\n", inline(doc.setTitle(e)), e.OccurredAt.Format("15:04"), doc.forSession(e), privateMark(e))
		for _, a := range e.Answers {
			if strings.TrimSpace(a.Answer) == "" {
				continue // a skipped question
			}
			fmt.Fprintf(b, "\n**%s**\n\n%s\n", oneLine(a.Question), quoteBlock(a.Answer))
		}
		if body := strings.TrimSpace(e.Body); body != "" {
			fmt.Fprintf(b, "\n%s\n", quoteBlock(body))
		}
	}
	for _, e := range g.Notes {
		fmt.Fprintf(b, "\n### Note, %s%s\n\n%s\n", e.OccurredAt.Format("15:04"), privateMark(e), quoteBlock(e.Body))
		if len(e.Tags) > 0 {
			fmt.Fprintf(b, "\nTags: %s\n", inline(strings.Join(e.Tags, ", ")))
		}
	}
	for _, c := range g.Calls {
		fmt.Fprintf(b, "\n**Coaching call**")
		if c.Note != "" {
			fmt.Fprintf(b, " — %s", oneLine(c.Note))
		}
		b.WriteString("\n")
	}
}

// measure is one line of the summary, in the order a coach reads them:
// alcohol-free days first.
type measure struct{ Label, Value, Note string }

func measures(s Summary) []measure {
	d := s.Drinking
	share := func(label string, n int, pct *float64) measure {
		m := measure{Label: label, Value: strconv.Itoa(n)}
		if pct != nil {
			m.Note = fmt.Sprintf("of %s (%s%%)", journal.Plural(d.DaysRecorded, "recorded day", "recorded days"), journal.FormatNumber(*pct))
		}
		return m
	}
	var drinkingPct *float64
	if d.DaysRecorded > 0 {
		p := stats.Percent(d.DrinkingDays, d.DaysRecorded)
		drinkingPct = &p
	}
	mean := "none logged"
	if s.Cravings.MeanIntensity != nil {
		mean = journal.FormatNumber(*s.Cravings.MeanIntensity) + " / 10"
	}
	ofRange := measure{Label: "Alcohol-free, of all days", Value: strconv.Itoa(d.DaysAbstinent),
		Note: "of " + journal.Plural(d.DaysInRange, "day", "days") + " in the period"}
	if d.PercentDaysAbstinentOfRange != nil {
		unrecorded := journal.Plural(d.DaysUnrecorded, "unrecorded day counts", "unrecorded days count")
		ofRange.Note += fmt.Sprintf(" (%s%%; %s as not alcohol-free)",
			journal.FormatNumber(*d.PercentDaysAbstinentOfRange), unrecorded)
	}
	out := []measure{
		share("Alcohol-free days", d.DaysAbstinent, d.PercentDaysAbstinent),
		{Label: "Days recorded", Value: strconv.Itoa(d.DaysRecorded), Note: "of " + journal.Plural(d.DaysInRange, "day", "days") + " in the period"},
		ofRange,
		share("Drinking days", d.DrinkingDays, drinkingPct),
		share(fmt.Sprintf("Heavy drinking days (%s g of alcohol or more: %s standard drinks of %s g)",
			journal.FormatNumber(d.HeavyDayGrams), journal.FormatNumber(d.HeavyDayDrinks), journal.FormatNumber(d.StandardDrinkGrams)),
			d.HeavyDrinkingDays, d.PercentHeavyDrinkingDays),
		{Label: "Standard drinks in total", Value: journal.FormatNumber(d.DrinksTotal)},
		{Label: "Cravings logged", Value: strconv.Itoa(s.Cravings.Count)},
		{Label: "Average craving intensity", Value: mean},
	}
	if s.Holds != "" {
		out = append(out, measure{Label: "This document holds", Value: s.Holds})
	}
	return out
}

// privacyLine says when private entries are in the document. How many
// were left out is the person's to know, not the reader's: it goes to
// stderr only.
func privacyLine(doc Document) string {
	if doc.IncludePrivate {
		return "Private entries are included."
	}
	return ""
}

func privateMark(e journal.Entry) string {
	if e.Private {
		return " (private)"
	}
	return ""
}

func drinksText(d journal.DrinkDay) string {
	if d.StandardDrinks == 0 {
		return "alcohol-free"
	}
	return journal.DrinksPhrase(d.StandardDrinks)
}

// dayMonth is "Saturday 21 November".
func dayMonth(d journal.Date) string {
	return d.In(time.UTC).Format("Monday 2 January")
}

func longDate(d journal.Date) string {
	return d.In(time.UTC).Format("Monday 2 January 2006")
}

// dateRange is "Sunday 1 to Monday 9 November 2026", the shared month and
// year said once.
func dateRange(from, to journal.Date) string {
	a, b := from.In(time.UTC), to.In(time.UTC)
	switch {
	case a.Year() != b.Year():
		return a.Format("Monday 2 January 2006") + " to " + b.Format("Monday 2 January 2006")
	case a.Month() != b.Month():
		return a.Format("Monday 2 January") + " to " + b.Format("Monday 2 January 2006")
	}
	return a.Format("Monday 2") + " to " + b.Format("Monday 2 January 2006")
}

// blockEscape finds a line start Markdown would read as a heading, quote,
// list item, rule or setext underline.
var blockEscape = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\s*)([#>*+=-]|\d+[.)])`) })

// inlineEscaper backslash-escapes the characters Markdown (CommonMark and
// GitHub's) would read as emphasis, code, links, strikethrough, table
// cells, entities or HTML. A backslash before ASCII punctuation always
// means the character itself, so the text renders as typed.
var inlineEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `&`, `\&`, `~`, `\~`, `|`, `\|`,
)

// inline makes the person's text safe to place inside a Markdown line.
func inline(s string) string { return inlineEscaper.Replace(s) }

// oneLine folds text onto one line, escaped for Markdown.
func oneLine(s string) string { return inline(strings.Join(strings.Fields(s), " ")) }

// tableCell keeps a value on one table row.
func tableCell(s string) string { return oneLine(s) }

// quoteBlock keeps the person's words as they wrote them, line breaks and
// all, without their text turning into headings, lists, links or HTML.
// Lines of one paragraph end in a backslash, Markdown's hard line break.
func quoteBlock(s string) string {
	lines := strings.Split(strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n"), "\n")
	for i, l := range lines {
		l = inline(strings.TrimRight(l, " \t"))
		if m := blockEscape().FindString(l); m != "" {
			// Escape the marker's last character: "\#", "1\.".
			l = m[:len(m)-1] + `\` + l[len(m)-1:]
		}
		if l != "" && i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" {
			l += `\`
		}
		lines[i] = strings.TrimRight("> "+l, " ")
	}
	return strings.Join(lines, "\n")
}

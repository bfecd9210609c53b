package cmd

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"journal/cmd/ui"
	"journal/journal"
)

// summary is the one line that stands for an entry in lists and search,
// cleaned for printing before it is cut to max runes.
func summary(e journal.Entry, max int) string {
	e = e.Printable()
	if e.Craving != nil {
		return truncate(journal.CleanLine(e.Craving.Summary()), max)
	}
	if e.Checkin != nil {
		return truncate(journal.CleanLine(e.Checkin.Summary()), max)
	}
	if l := firstLine(e.Body, max); l != "" {
		return l
	}
	// A questionnaire is summed up by its score, which its answers end with.
	if n := len(e.Answers); n > 0 && e.Answers[n-1].Key == journal.ScoreAnswerKey {
		a := e.Answers[n-1]
		return truncate(journal.CleanLine(strings.TrimSuffix(a.Question, " total score")+": "+a.Answer), max)
	}
	for _, a := range e.Answers {
		if l := firstLine(a.Answer, max); l != "" {
			return l
		}
	}
	if e.PromptSet != "" {
		return truncate(e.PromptSet, max)
	}
	return string(e.Kind)
}

// writeEntryRows prints entries one a line: aligned and styled on a
// terminal width cells wide, tab-separated with RFC 3339 times when piped.
func writeEntryRows(w io.Writer, entries []journal.Entry, tty bool, s ui.Styles, width int) {
	for _, e := range entries {
		if !tty {
			e := e.Printable()
			private := ""
			if e.Private {
				private = "private"
			}
			fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\n", e.ID, e.OccurredAt.Format("2006-01-02T15:04:05Z07:00"),
				e.Kind, private, strings.Join(e.Tags, ","), summary(e, 200))
			continue
		}
		fmt.Fprintln(w, entryRow(e, s, width))
	}
}

// entryRow is one entry on one line of a terminal width cells wide. The
// summary keeps at least minSummary cells, tags give way to it, and the
// private mark always shows.
func entryRow(e journal.Entry, s ui.Styles, width int) string {
	const minSummary = 20
	e = e.Printable()
	id := fmt.Sprintf("%4d", e.ID)
	when := e.OccurredAt.Format("Mon 02 Jan 2006 15:04")
	if width < 72 {
		// A narrow terminal: the text matters more than weekday and year.
		when = e.OccurredAt.Format("02 Jan 15:04")
	}
	kind := fmt.Sprintf("%-7s", e.Kind)
	room := width - ansi.StringWidth(id+when+kind) - 6 // three gaps of two
	private := ""
	if e.Private {
		private = "(private)"
		room -= 2 + len(private)
	}
	tags := ""
	if n := room - 2 - minSummary; len(e.Tags) > 0 && n >= 5 {
		tags = truncate("#"+strings.Join(e.Tags, " #"), n)
		room -= 2 + ansi.StringWidth(tags)
	}
	line := fmt.Sprintf("%s  %s  %s  %s", s.Accent.Render(id), s.Dim.Render(when), s.Label.Render(kind),
		summary(e, max(room, minSummary)))
	if tags != "" {
		line += "  " + s.Dim.Render(tags)
	}
	if private != "" {
		line += "  " + s.Dim.Render(private)
	}
	return line
}

// writeEntry prints one entry in full, its text wrapped to width cells.
func writeEntry(w io.Writer, e journal.Entry, s ui.Styles, width int) {
	e = e.Printable()
	head := fmt.Sprintf("Entry %d · %s · %s", e.ID, e.Kind, e.OccurredAt.Format("Monday 2 January 2006, 15:04"))
	fmt.Fprintln(w, s.Title.Render(head))
	var meta []string
	if e.PromptSet != "" {
		meta = append(meta, "prompts: "+e.PromptSet)
	}
	if len(e.Tags) > 0 {
		meta = append(meta, "tags: "+strings.Join(e.Tags, ", "))
	}
	if e.Private {
		meta = append(meta, "private")
	}
	if e.DeletedAt != nil {
		meta = append(meta, fmt.Sprintf("deleted %s (journal restore %d brings it back)", e.DeletedAt.Format("2006-01-02"), e.ID))
	}
	if len(meta) > 0 {
		fmt.Fprintln(w, s.Dim.Render(wrapText(strings.Join(meta, " · "), width)))
	}
	writeDetails(w, e, s, width)
	if e.Body != "" {
		fmt.Fprintf(w, "\n%s\n", wrapText(e.Body, width))
	}
	for _, a := range e.Answers {
		answer := wrapText(a.Answer, width)
		if strings.TrimSpace(answer) == "" {
			answer = s.Dim.Render("(skipped)")
		}
		fmt.Fprintf(w, "\n%s\n%s\n", s.Label.Render(wrapText(a.Question, width)), answer)
	}
}

package export

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"journal/journal"
)

// typed is text people really write that Markdown would otherwise read as
// markup: HTML, entities, emphasis, links, code, lists, headings, rules.
var typed = []string{
	"<script>alert(1)</script>",
	"I felt <numb> and then & then &amp; nothing",
	"*not emphasis* and _nor this_ and **nor this** snake_case_name",
	"[a link](http://example.com) and ![an image](x.png)",
	"`not code` and ~~not struck~~ and a | pipe",
	`a back\slash and \*escaped\* already`,
	"<http://example.com> in angle brackets",
	"# not a heading",
	"1. not a list",
	"- not a list either",
	"> not a quote",
	"+ plus",
}

// rendered turns Markdown into the text a reader sees: goldmark with
// GitHub's extensions, tags dropped, entities decoded.
func rendered(t *testing.T, md string) (htmlOut, text string) {
	t.Helper()
	var buf bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert([]byte(md), &buf); err != nil {
		t.Fatal(err)
	}
	tags := regexp.MustCompile(`<[^>]*>`)
	return buf.String(), html.UnescapeString(tags.ReplaceAllString(buf.String(), ""))
}

func TestMarkdownRendersTextAsTyped(t *testing.T) {
	at := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	note := journal.Entry{UUID: "n1", Kind: journal.KindNote, Day: day("2026-11-20"), OccurredAt: at,
		Body: strings.Join(typed, "\n") + "\nline one\n===\nline two\n---", Tags: []string{"snake_case"}}
	crav := craving("2026-11-20", 6)
	crav.Body = "a | pipe and <b>bold</b> and *stars*"
	crav.Craving.Triggers = []string{"work_stress"}
	guided := journal.Entry{UUID: "g1", Kind: journal.KindGuided, Day: day("2026-11-20"), OccurredAt: at,
		Answers: []journal.Answer{{Key: "k", Question: "What is **hard** <now>?", Answer: "Evenings & <weekends>"}}}
	doc := Document{ExportedAt: at, Records: journal.Records{
		Entries:   []journal.Entry{note, crav, guided},
		DrinkDays: []journal.DrinkDay{{UUID: "d1", Day: day("2026-11-20"), StandardDrinks: 0, Note: "<i>fine</i> [x](y)"}},
		Calls:     []journal.Call{{UUID: "c1", Day: day("2026-11-20"), Note: "talked about _anger_ & <rest>"}},
	}}
	doc.Summary = Summary{From: day("2026-11-20"), To: day("2026-11-20")}
	var buf bytes.Buffer
	if err := Markdown(&buf, doc); err != nil {
		t.Fatal(err)
	}
	// A web address may become a link (GitHub's autolinks); its text is still as typed.
	out, text := rendered(t, buf.String())
	for _, live := range []string{"<script", "<numb", "<b>", "<i>", "<img", "<em>", "<code>", "<del>", "<ol", "<li>not", "<li>plus", "<h1>alert", "<weekends", "<rest", "<now", "<hr"} {
		if strings.Contains(out, live) {
			t.Errorf("entry text became markup %q:\n%s", live, out)
		}
	}
	// Each line typed is there, character for character, on a line of its own.
	for _, line := range append(typed, "line one", "===", "line two", "---",
		"a | pipe and <b>bold</b> and *stars*", "What is **hard** <now>?", "Evenings & <weekends>",
		"<i>fine</i> [x](y)", "talked about _anger_ & <rest>", "snake_case", "work_stress") {
		if !strings.Contains(text, line) {
			t.Errorf("rendered text lacks %q as typed:\n%s", line, text)
		}
	}
	// Line breaks inside a note stay line breaks.
	if !strings.Contains(text, "<script>alert(1)</script>\nI felt <numb>") {
		t.Errorf("the note's line breaks were lost:\n%s", text)
	}
	if n := strings.Count(out, "<h1>"); n != 1 {
		t.Errorf("%d top headings, want only the title:\n%s", n, out)
	}
}

package report

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// What someone wrote for their coach renders as they wrote it.
func TestMarkdownQuoteRendersAsTyped(t *testing.T) {
	typed := "<script>alert(1)</script> & &amp; <word>\n*not emphasis* [not](a link) `code`\n# not a heading\n1. not a list\n---"
	var buf bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert([]byte(mdQuote(typed)), &buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, live := range []string{"<script", "<word", "<em>", "<a ", "<code>", "<h1>", "<ol", "<hr"} {
		if strings.Contains(out, live) {
			t.Errorf("became markup %q:\n%s", live, out)
		}
	}
	text := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(out, ""))
	if !strings.Contains(text, typed) {
		t.Errorf("rendered text:\n%s\nwant it to hold, line for line:\n%s", text, typed)
	}
}

package cmd

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// pdfPage finds the page objects of a PDF (not the /Pages tree).
var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// TestReportHTMLInABrowser opens the HTML report in headless Chromium and
// checks what a coach would see: the title, the measures, the charts,
// the words for the coach, and no private entry. It also prints the page
// to PDF and takes a screenshot, to see that both come out.
func TestReportHTMLInABrowser(t *testing.T) {
	bin := chromium(t)
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		f, _, errOut := trackFactory(t, dir, "", false, nil)
		if code := Run(context.Background(), f, args); code != 0 {
			t.Fatalf("journal %s: exit %d: %s", strings.Join(args, " "), code, errOut)
		}
	}
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	run("sober", "--from", "2026-11-10", "--to", "2026-11-17")
	run("drinks", "5", "--date", "2026-11-14")
	run("call", "add", "--date", "2026-11-18")
	run("sober", "--from", "2026-11-18")
	run("drinks", "2", "--date", "2026-11-21")
	run("craving", "6", "--at", "2026-11-19 21:00", "--trigger", "stress", "--coping", "walk", "--outcome", "resisted")
	run("craving", "4", "--at", "2026-11-24 19:00", "--trigger", "stress", "--coping", "walk", "--outcome", "resisted")
	run("craving", "5", "--at", "2026-11-22 19:00", "--coping", "walk", "--outcome", "used")
	run("craving", "9", "--at", "2026-11-23 23:00", "--trigger", "hidden-trigger", "--private")
	run("checkin", "--date", "2026-11-19", "--mood", "6")
	run("session", "add", "--date", "2026-11-20", "--setting", "clinic")
	run("reflect", "--session", "1", "--answers", write("r.json", `{"coach": "The dream about the lake"}`))
	run("reflect", "--session", "1", "--private", "--answers", write("p.json", `{"coach": "PRIVATE answer"}`))
	run("write", "--private", "PRIVATE note")
	page := filepath.Join(dir, "report.html")
	run("report", "-o", page)

	browse := func(args ...string) []byte {
		t.Helper()
		return browse(t, bin, page, args...)
	}

	dom := string(browse("--dump-dom"))
	for _, want := range []string{
		"<title>Report for your coach · 18 Nov – 25 Nov 2026</title>",
		"<h1>Report for your coach</h1>",
		"Wed 18 Nov 2026 to Wed 25 Nov 2026 (8 days)",
		"<td>Alcohol-free days</td><td>7 of 8 recorded (87.5%)</td><td>7 of 8 recorded (87.5%)</td><td>the same</td>",
		"<td>Heavy days (4+ drinks)</td><td>0 of 8 recorded (0%)</td>",
		`<title id="drinks-title">`, `<title id="craving-title">`,
		"<blockquote>The dream about the lake</blockquote>",
		"stress (2)",
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("the page in the browser has no %q", want)
		}
	}
	for _, private := range []string{"PRIVATE", "hidden-trigger"} {
		if strings.Contains(dom, private) {
			t.Errorf("the page shows private text %q", private)
		}
	}

	pdf := filepath.Join(dir, "report.pdf")
	browse("--no-pdf-header-footer", "--print-to-pdf="+pdf)
	b, err := os.ReadFile(pdf)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("no PDF printed: %v", err)
	}
	if n := len(pdfPage.FindAll(b, -1)); n == 0 || n > 2 {
		t.Errorf("the report prints on %d pages; a page or two is the aim", n)
	}

	shot := filepath.Join(dir, "report.png")
	browse("--window-size=900,1400", "--screenshot="+shot)
	fh, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	img, err := png.Decode(fh)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	// Something was drawn: not every pixel is the white background.
	bounds, inked := img.Bounds(), 0
	for y := bounds.Min.Y; y < bounds.Max.Y; y += 4 {
		for x := bounds.Min.X; x < bounds.Max.X; x += 4 {
			if r, g, b, _ := img.At(x, y).RGBA(); r < 0xc000 || g < 0xc000 || b < 0xc000 {
				inked++
			}
		}
	}
	if inked < 500 {
		t.Errorf("the screenshot looks blank (%d dark samples)", inked)
	}
	if keep := os.Getenv("JOURNAL_KEEP_SCREENSHOT"); keep != "" {
		data, _ := os.ReadFile(shot)
		os.WriteFile(keep, data, 0o600)
	}
}

// TestReportPrintsOnOneSheet prints a 30-day report of a full demo journal
// (a session with its reflection, weekly calls, cravings most days) with
// headless Chromium on Letter paper, Chromium's default, and on A4, and
// counts the pages: one of each. A 90-day report runs on to a second
// page rather than leaving the first half empty.
func TestReportPrintsOnOneSheet(t *testing.T) {
	bin := chromium(t)
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		f, _, errOut := trackFactory(t, dir, "", false, nil)
		if code := Run(context.Background(), f, args); code != 0 {
			t.Fatalf("journal %s: exit %d: %s", strings.Join(args, " "), code, errOut)
		}
	}
	run("demo", "--days", "120", "--quiet")
	pages := func(html, paper string) int {
		t.Helper()
		page := html
		if paper != "" {
			b, err := os.ReadFile(html)
			if err != nil {
				t.Fatal(err)
			}
			page = strings.TrimSuffix(html, ".html") + "-" + paper + ".html"
			b = bytes.Replace(b, []byte("</style>"), []byte("@page { size: "+paper+"; }</style>"), 1)
			if err := os.WriteFile(page, b, 0o600); err != nil {
				t.Fatal(err)
			}
		}
		pdf := strings.TrimSuffix(page, ".html") + ".pdf"
		browse(t, bin, page, "--no-pdf-header-footer", "--print-to-pdf="+pdf)
		b, err := os.ReadFile(pdf)
		if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Fatalf("no PDF printed: %v", err)
		}
		if paper == "" && !bytes.Contains(b, []byte("612 792")) {
			t.Errorf("the default print is not Letter (612 x 792 points)")
		}
		return len(pdfPage.FindAll(b, -1))
	}

	month := filepath.Join(dir, "month.html")
	run("report", "--since", "29 days ago", "-o", month)
	for _, paper := range []string{"", "A4"} {
		if n := pages(month, paper); n != 1 {
			t.Errorf("a 30-day report prints on %d pages of %s, want one", n, map[string]string{"": "Letter", "A4": "A4"}[paper])
		}
	}
	quarter := filepath.Join(dir, "quarter.html")
	run("report", "--since", "89 days ago", "-o", quarter)
	if n := pages(quarter, ""); n < 1 || n > 2 {
		t.Errorf("a 90-day report prints on %d pages, want it to flow onto at most two", n)
	}
}

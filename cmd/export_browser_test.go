package cmd

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The HTML export as a coach would see it in a browser: the title, the
// measures, the three charts, the entries, no private entry; and it
// renders to a screenshot and prints to PDF.
func TestHTMLExportInABrowser(t *testing.T) {
	bin := chromium(t)
	dir := t.TempDir()
	seedShare(t, dir)
	page := filepath.Join(dir, "coach.html")
	mustShare(t, dir, "export", "--format", "html", "-o", page)

	dom := string(browse(t, bin, page, "--dump-dom"))
	for _, want := range []string{
		"<title>Journal, Sunday 1 November 2026 to Wednesday 25 November 2026</title>",
		"<h1>Journal, Sunday 1 November 2026 to Wednesday 25 November 2026</h1>",
		`<dt>Alcohol-free days</dt><dd>22 <span class="note">of 24 recorded days (91.7%)</span></dd>`,
		`<dt>Drinking days</dt><dd>2 <span class="note">of 24 recorded days (8.3%)</span></dd>`,
		`<dt>Cravings logged</dt><dd>4</dd>`,
		"What do you want to bring to your coach?",
		"Evenings after work.",
		"Talked about evenings",
		"after the meeting",
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	for chart, n := range map[string]int{
		`<svg class="chart chart-cravings"`:       1,
		`<svg class="chart chart-weeks"`:          1,
		`<svg class="chart chart-calendar month"`: 1,
		`<circle class="point"`:                   4, // the 4 days with cravings logged
		`<g class="day"`:                          30,
	} {
		if got := strings.Count(dom, chart); got != n {
			t.Errorf("%s: %d on the page, want %d", chart, got, n)
		}
	}
	// Weeks starting Monday 26 October to Monday 23 November: five bars.
	if got := strings.Count(dom, `<rect class="bar"`); got != 5 {
		t.Errorf("%d weekly bars, want 5", got)
	}
	// The count of private entries is for the person, never on the page.
	for _, never := range []string{"PRIVATE", "garage", "<script", "http://", "https://", "private entries", "left out"} {
		if strings.Contains(dom, never) {
			t.Errorf("the page contains %q", never)
		}
	}
	if m := regexp.MustCompile(`(?:src|href)="[^"#]`).FindString(dom); m != "" {
		t.Errorf("the page loads something from outside it: %s", m)
	}

	shot := filepath.Join(dir, "coach.png")
	browse(t, bin, page, "--window-size=1000,1600", "--screenshot="+shot)
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1000 || b.Dy() != 1600 {
		t.Errorf("screenshot is %v", b)
	}
	// Something was drawn: a fair share of the pixels are not white.
	inked := 0
	for y := 0; y < img.Bounds().Dy(); y += 4 {
		for x := 0; x < img.Bounds().Dx(); x += 4 {
			if r, g, b, _ := img.At(x, y).RGBA(); r < 0xf000 || g < 0xf000 || b < 0xf000 {
				inked++
			}
		}
	}
	if inked < 2000 {
		t.Errorf("the screenshot is almost blank (%d inked samples)", inked)
	}

	pdf := filepath.Join(dir, "coach.pdf")
	browse(t, bin, page, "--no-pdf-header-footer", "--print-to-pdf="+pdf)
	if b, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) || len(b) < 10000 {
		t.Errorf("printing to PDF gave %d bytes (%v)", len(b), err)
	}

	// JOURNAL_BROWSER_OUT keeps the page, screenshot and PDF to look at.
	if keep := os.Getenv("JOURNAL_BROWSER_OUT"); keep != "" {
		for _, p := range []string{page, shot, pdf} {
			if b, err := os.ReadFile(p); err == nil {
				os.WriteFile(filepath.Join(keep, filepath.Base(p)), b, 0o600)
			}
		}
	}
}

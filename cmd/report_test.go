package cmd

import (
	"context"
	"strings"
	"testing"
)

// On a colour terminal the text report is styled; piped, it is plain.
func TestReportStyledOnlyOnAColourTerminal(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		tty, color, ansi bool
	}{{true, true, true}, {false, false, false}} {
		f, out, errOut := trackFactory(t, dir, "", tc.tty, nil)
		f.IO.Color = tc.color
		if code := Run(context.Background(), f, []string{"report"}); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if got := strings.Contains(out.String(), "\x1b["); got != tc.ansi {
			t.Errorf("tty %v: styled = %v:\n%s", tc.tty, got, out)
		}
		if !strings.Contains(out.String(), "Report for your coach") {
			t.Errorf("no title:\n%s", out)
		}
	}
}

func TestReportFormat(t *testing.T) {
	for _, tc := range []struct{ format, out, want string }{
		{"", "", "text"}, {"", "r.HTML", "html"}, {"", "r.md", "md"}, {"", "r.txt", "text"},
		{"markdown", "r.html", "md"}, {" HTML ", "", "html"}, {"txt", "", "text"},
	} {
		got, err := reportFormat(tc.format, tc.out)
		if err != nil || got != tc.want {
			t.Errorf("reportFormat(%q, %q) = %q, %v; want %q", tc.format, tc.out, got, err, tc.want)
		}
	}
	if _, err := reportFormat("pdf", ""); err == nil {
		t.Error("pdf accepted")
	}
}

package cmd

import (
	"context"
	"slices"
	"testing"

	"github.com/spf13/cobra"
)

func TestHomeSummary(t *testing.T) {
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		f, _, errOut := trackFactory(t, dir, "", false, nil)
		if code := Run(context.Background(), f, args); code != 0 {
			t.Fatalf("journal %v: exit %d: %s", args, code, errOut)
		}
	}
	summaryNow := func() []string {
		t.Helper()
		f, _, _ := trackFactory(t, dir, "", false, nil)
		defer f.Close()
		c := &cobra.Command{}
		c.SetContext(context.Background())
		lines, err := homeSummary(c, f)
		if err != nil {
			t.Fatal(err)
		}
		return lines
	}
	if got := summaryNow(); !slices.Equal(got, []string{"Welcome. Nothing here yet: start wherever feels right."}) {
		t.Errorf("empty journal: %q", got)
	}
	run("write", "--at", "yesterday 21:00", "Walked by the river")
	if got := summaryNow(); !slices.Equal(got, []string{"Last entry yesterday: Walked by the river"}) {
		t.Errorf("no drinking days recorded: %q", got)
	}
	// The past 7 days are 19–25 November; the 17th is outside them.
	run("sober", "--from", "2026-11-17", "--to", "2026-11-22")
	run("drinks", "3", "--date", "2026-11-23")
	want := []string{"Last entry yesterday: Walked by the river", "Past 7 days: 4 alcohol-free days of 5 recorded."}
	if got := summaryNow(); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// The home screen can be seen over a shoulder: a private entry's words
// never show on it.
func TestHomeSummaryHidesPrivateText(t *testing.T) {
	dir := t.TempDir()
	f, _, errOut := trackFactory(t, dir, "", false, nil)
	if code := Run(context.Background(), f, []string{"write", "--private", "Told Sam about the relapse"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	f, _, _ = trackFactory(t, dir, "", false, nil)
	defer f.Close()
	c := &cobra.Command{}
	c.SetContext(context.Background())
	lines, err := homeSummary(c, f)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(lines, []string{"Last entry today: a private entry"}) {
		t.Errorf("home summary %q", lines)
	}
}

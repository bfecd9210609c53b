package ui

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"journal/journal"
	"journal/journal/stats"
)

// A long, busy range still fits in 80 columns: the chart is grouped, the
// weekly table and the sessions are cut to the latest, long lists wrap.
func TestStatsFitsEightyColumns(t *testing.T) {
	to := journal.Date{Year: 2026, Month: 11, Day: 25}
	in := stats.Input{From: to.AddDays(-3649), To: to}
	for d := in.From; !d.After(to); d = d.AddDays(1) {
		in.DrinkDays = append(in.DrinkDays, stats.DrinkDay{Day: d, Drinks: float64(d.Day % 3)})
		in.CravingDays = append(in.CravingDays, stats.CravingDay{Day: d, Count: 12, Sum: 12 * (d.Day % 11), Max: 10})
		if d.Day == 1 {
			in.Sessions = append(in.Sessions, stats.SessionDay{Number: len(in.Sessions) + 1, Day: d})
		}
	}
	for h := range in.ByHour {
		in.ByHour[h] = 1000 * h
	}
	// Triggers and strategies in wide scripts take two cells a character.
	for _, name := range []string{"a very long trigger name", "職場のストレスと長い会議", "家族との口論", "evening", "월급날 저녁"} {
		in.Triggers = append(in.Triggers, stats.TriggerCount{Trigger: name, Count: 123456})
	}
	in.Coping = []stats.CopingTotals{{Strategy: "a strategy with a name far too long to fit", Uses: 99999, Known: 5, Resisted: 2},
		{Strategy: "友達に電話して長い散歩に出かける", Uses: 99999, Known: 5, Resisted: 2}}
	in.Checkins = stats.CheckinTotals{Count: 3650, MoodN: 3650, MoodSum: 20000, SleepN: 10, SleepSum: 70}

	var out bytes.Buffer
	WriteStats(&out, stats.Compute(in), NewStyles(false))
	for _, line := range strings.Split(out.String(), "\n") {
		if n := ansi.StringWidth(line); n > 80 {
			t.Errorf("line of %d columns: %q", n, line)
		}
	}
	for _, want := range []string{"(the last 8 of 522 weeks", "(the last 6 of 120 sessions", "Intensity, 65d each", "Nov 2016"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "\x1b[") {
		t.Error("escape codes without colour")
	}
	var color bytes.Buffer
	WriteStats(&color, stats.Compute(in), NewStyles(true))
	if !strings.Contains(color.String(), "\x1b[") {
		t.Error("no colour with colour on")
	}
}

// A slip is never shown as a zero streak.
func TestStatsNoZeroStreak(t *testing.T) {
	to := journal.Date{Year: 2026, Month: 11, Day: 25}
	in := stats.Input{From: to.AddDays(-1), To: to, DrinkDays: []stats.DrinkDay{{Day: to, Drinks: 5}}}
	var out bytes.Buffer
	WriteStats(&out, stats.Compute(in), NewStyles(false))
	if strings.Contains(out.String(), "0 alcohol-free days") || strings.Contains(out.String(), "back to 0") {
		t.Errorf("zero streak shown:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "the next alcohol-free day you log starts one") {
		t.Errorf("no gentle streak line:\n%s", out.String())
	}
}

package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"journal/journal"
)

// CSV writes one row per calendar day from..to, the timeline-followback
// shape a clinic's spreadsheet takes: day, standard drinks (empty when the
// day was not recorded), heavy (yes/no), mood, sleep hours, craving count
// and strongest craving. heavy is the heavy-day threshold in drinks.
func CSV(w io.Writer, recs journal.Records, from, to journal.Date, heavy float64) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"day", "standard_drinks", "heavy", "mood", "sleep_hours", "craving_count", "strongest_craving"})
	byDay := map[journal.Date]Day{}
	for _, g := range Days(recs) {
		byDay[g.Day] = g
	}
	for d := from; !d.After(to); d = d.AddDays(1) {
		g := byDay[d]
		row := []string{d.String(), "", "", "", "", strconv.Itoa(len(g.Cravings)), ""}
		if g.Drinks != nil {
			row[1] = journal.FormatNumber(g.Drinks.StandardDrinks)
			row[2] = yesNo(g.Drinks.StandardDrinks >= heavy)
		}
		if g.Checkin != nil {
			c := g.Checkin.Checkin
			if c.Mood != nil {
				row[3] = strconv.Itoa(*c.Mood)
			}
			if c.SleepHours != nil {
				row[4] = journal.FormatNumber(*c.SleepHours)
			}
		}
		if s := g.strongest(); s != nil {
			row[6] = strconv.Itoa(*s)
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// CravingsCSV writes one row per craving, oldest first.
func CravingsCSV(w io.Writer, recs journal.Records) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"day", "time", "intensity", "triggers", "feelings", "coping", "outcome", "minutes", "where", "with", "thoughts", "note"})
	for _, e := range recs.Entries {
		if e.Kind != journal.KindCraving || e.Craving == nil {
			continue
		}
		c := e.Craving
		minutes := ""
		if c.Minutes != nil {
			minutes = strconv.Itoa(*c.Minutes)
		}
		cw.Write([]string{
			e.Day.String(), e.OccurredAt.Format("15:04"), strconv.Itoa(c.Intensity),
			cell(strings.Join(c.Triggers, "; ")), cell(strings.Join(c.Feelings, "; ")), cell(strings.Join(c.Coping, "; ")),
			string(c.Outcome), minutes, cell(c.Where), cell(c.With), cell(c.Thoughts), cell(e.Body),
		})
	}
	cw.Flush()
	return cw.Error()
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// cell keeps free text from being run as a formula when the file is opened
// in a spreadsheet: text starting with = + - @ gets a leading apostrophe.
// Control characters and direction overrides are cleaned out first
// (journal.CleanText): the file may well be printed to a terminal.
func cell(s string) string {
	s = journal.CleanText(s)
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"journal/journal"
	"journal/journal/stats"
)

// CSV writes one row per calendar day of the summary's window, the
// timeline-followback shape a clinic's spreadsheet takes (Sobell & Sobell,
// Timeline Followback): day, standard drinks (empty when the day was not
// recorded), heavy (yes/no, by the same rule as journal stats), mood,
// sleep hours, craving count and strongest craving. Every row also says
// what it was measured with, so a file read months later explains itself:
// the heavy-day level in grams and in drinks, and the standard drink size.
// The rows are written as the entries come (see Document.EachEntry).
func CSV(w io.Writer, doc Document) error {
	s := doc.Summary
	from, to := s.From, s.To
	d := s.Drinking
	heavy := stats.Heavy{DayGrams: d.HeavyDayGrams, DrinkGrams: d.StandardDrinkGrams}
	measured := []string{journal.FormatNumber(d.HeavyDayGrams), journal.FormatNumber(d.HeavyDayDrinks), journal.FormatNumber(d.StandardDrinkGrams)}
	cw := csv.NewWriter(w)
	cw.Write([]string{"day", "standard_drinks", "heavy", "mood", "sleep_hours", "craving_count", "strongest_craving",
		"heavy_day_grams", "heavy_day_drinks", "standard_drink_grams"})
	// row writes day d's row, from its records when it has any.
	row := func(d journal.Date, g Day) {
		row := append([]string{d.String(), "", "", "", "", strconv.Itoa(len(g.Cravings)), ""}, measured...)
		if g.Drinks != nil {
			row[1] = journal.FormatNumber(g.Drinks.StandardDrinks)
			row[2] = yesNo(heavy.IsHeavy(g.Drinks.StandardDrinks))
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
	// next is the first day of the window not written yet.
	next := from
	err := doc.eachRawDay(func(g Day) error {
		if g.Day.Before(from) || g.Day.After(to) {
			return nil
		}
		for ; next.Before(g.Day); next = next.AddDays(1) {
			row(next, Day{})
		}
		row(g.Day, g)
		next = g.Day.AddDays(1)
		return cw.Error()
	})
	if err != nil {
		return err
	}
	for ; !next.After(to); next = next.AddDays(1) {
		row(next, Day{})
	}
	cw.Flush()
	return cw.Error()
}

// CravingsCSV writes one row per craving, oldest first.
func CravingsCSV(w io.Writer, recs journal.Records) error {
	return CravingsCSVOf(w, Document{Records: recs})
}

// CravingsCSVOf is CravingsCSV for a document, each row written as its
// entry comes (see Document.EachEntry).
func CravingsCSVOf(w io.Writer, doc Document) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"day", "time", "intensity", "triggers", "feelings", "coping", "outcome", "minutes", "where", "with", "thoughts", "note"})
	err := doc.entries(func(e journal.Entry) error {
		if e.Kind != journal.KindCraving || e.Craving == nil {
			return nil
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
		return cw.Error()
	})
	if err != nil {
		return err
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

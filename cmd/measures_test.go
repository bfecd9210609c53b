package cmd

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"journal/journal"
	"journal/journal/export"
	page "journal/journal/report"
	"journal/journal/stats"
)

// seedMeasures writes a journal in UK units (8 g), where the default
// heavy-day level of 56 g is 7 drinks: a drink before every window, runs
// broken by drinking and by unrecorded days, heavy and light drinking
// days, and cravings, one private.
func seedMeasures(t *testing.T, dir string) {
	t.Helper()
	for _, args := range [][]string{
		{"config", "set", "standard_drink_grams", "8"},
		{"drinks", "3", "--date", "2026-10-20"},
		{"sober", "--from", "2026-10-25", "--to", "2026-11-05"},
		{"drinks", "7", "--date", "2026-11-06"}, // 56 g: heavy
		// 7 and 8 November unrecorded.
		{"sober", "--from", "2026-11-09", "--to", "2026-11-15"},
		{"drinks", "2", "--date", "2026-11-16"},
		{"drinks", "9", "--date", "2026-11-18"}, // heavy
		{"sober", "--from", "2026-11-19", "--to", "2026-11-24"},
		{"drinks", "5", "--date", "2026-11-22"}, // 40 g: heavy in US drinks, not here
		{"craving", "6", "--at", "2026-11-12 21:00", "--coping", "walk", "--outcome", "resisted"},
		{"craving", "8", "--private", "--at", "2026-11-17 21:00"},
		{"craving", "3", "--at", "2026-11-20 21:00"},
	} {
		mustShare(t, dir, args...)
	}
}

// stats, the report, the export summary (JSON, Markdown) and the CSV give
// the same value for every measure they share, over the same windows; a
// --kind filter does not change the summary.
func TestEveryOutputGivesTheSameMeasures(t *testing.T) {
	dir := t.TempDir()
	seedMeasures(t, dir)
	for _, w := range [][2]string{{"2026-11-01", "2026-11-25"}, {"2026-11-10", "2026-11-20"}, {"2026-11-19", "2026-11-25"}, {"2026-11-07", "2026-11-08"}} {
		win := []string{"--since", w[0], "--until", w[1]}
		t.Run(w[0]+".."+w[1], func(t *testing.T) {
			var st stats.Report
			if err := json.Unmarshal([]byte(mustShare(t, dir, append([]string{"stats", "--json"}, win...)...)), &st); err != nil {
				t.Fatal(err)
			}
			d := st.Drinking
			summary := func(args ...string) export.Summary {
				var doc struct{ Summary export.Summary }
				out := mustShare(t, dir, append(append([]string{"export", "--format", "json"}, win...), args...)...)
				if err := json.Unmarshal([]byte(out), &doc); err != nil {
					t.Fatal(err)
				}
				return doc.Summary
			}
			// JSON export: every drinking measure, and what it was computed with.
			shared := summary()
			if !reflect.DeepEqual(shared.Drinking, d) {
				t.Errorf("export summary drinking\n got %+v\nwant %+v", shared.Drinking, d)
			}
			if shared.From.String() != w[0] || shared.To.String() != w[1] {
				t.Errorf("export window %s..%s", shared.From, shared.To)
			}
			if k := summary("--kind", "craving"); !reflect.DeepEqual(k.Drinking, shared.Drinking) || !reflect.DeepEqual(k.Cravings, shared.Cravings) || k.Holds == "" {
				t.Errorf("--kind craving changed the summary: %+v\nwas %+v", k, shared)
			}
			// With private entries counted, the cravings are stats' own.
			all := summary("--include-private")
			if all.Cravings.Count != st.Cravings.Count || !reflect.DeepEqual(all.Cravings.MeanIntensity, st.Cravings.MeanIntensity) {
				t.Errorf("cravings: export %+v, stats %d %v", all.Cravings, st.Cravings.Count, st.Cravings.MeanIntensity)
			}

			// CSV: one row a day; the day counts and totals come out the same.
			rows, err := csv.NewReader(strings.NewReader(mustShare(t, dir, append([]string{"export", "--format", "csv"}, win...)...))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			var recorded, abstinent, drinking, heavy int
			var total float64
			for _, r := range rows[1:] {
				if r[7] != journal.FormatNumber(d.HeavyDayGrams) || r[8] != journal.FormatNumber(d.HeavyDayDrinks) || r[9] != journal.FormatNumber(d.StandardDrinkGrams) {
					t.Errorf("csv row %v does not say what it was measured with", r)
				}
				if r[1] == "" {
					continue
				}
				recorded++
				n, _ := strconv.ParseFloat(r[1], 64)
				total += n
				switch {
				case n == 0:
					abstinent++
				default:
					drinking++
				}
				if r[2] == "yes" {
					heavy++
				}
			}
			if len(rows)-1 != d.DaysInRange || recorded != d.DaysRecorded || abstinent != d.DaysAbstinent ||
				drinking != d.DrinkingDays || heavy != d.HeavyDrinkingDays || journal.Round2(total) != d.DrinksTotal {
				t.Errorf("csv: %d days, %d recorded, %d abstinent, %d drinking, %d heavy, %v drinks; stats %+v",
					len(rows)-1, recorded, abstinent, drinking, heavy, total, d)
			}

			// Markdown export and the report print the same figures.
			md := mustShare(t, dir, append([]string{"export", "--format", "md"}, win...)...)
			rep := mustShare(t, dir, append([]string{"report", "--format", "md"}, win...)...)
			pct := func(p *float64) string {
				if p == nil {
					return ""
				}
				return " (" + journal.FormatNumber(*p) + "%)"
			}
			pdaLine := fmt.Sprintf("- Alcohol-free days: %d of %d recorded days%s\n", d.DaysAbstinent, d.DaysRecorded, pct(d.PercentDaysAbstinent))
			if d.DaysRecorded == 0 {
				pdaLine = "- Alcohol-free days: 0\n"
			}
			want := []string{
				pdaLine,
				fmt.Sprintf("- Alcohol-free, of all days: %d of %d days in the period%s", d.DaysAbstinent, d.DaysInRange,
					strings.TrimSuffix(pct(d.PercentDaysAbstinentOfRange), ")")),
				fmt.Sprintf("- Heavy drinking days (56 g of alcohol or more: 7 standard drinks of 8 g): %d", d.HeavyDrinkingDays),
				fmt.Sprintf("- Standard drinks in total: %s", journal.FormatNumber(d.DrinksTotal)),
				fmt.Sprintf("- Cravings logged: %d", shared.Cravings.Count),
			}
			for _, s := range want {
				if !strings.Contains(md, s) {
					t.Errorf("markdown export lacks %q:\n%s", s, md)
				}
			}
			if d.DaysRecorded == 0 {
				return // the report says nothing was recorded
			}
			want = []string{
				fmt.Sprintf("| Alcohol-free days | %d of %d recorded", d.DaysAbstinent, d.DaysRecorded),
				fmt.Sprintf("| Alcohol-free, of all days | %d of %d days%s |", d.DaysAbstinent, d.DaysInRange, pct(d.PercentDaysAbstinentOfRange)),
				fmt.Sprintf("| Heavy days (7+ drinks) | %d of %d recorded", d.HeavyDrinkingDays, d.DaysRecorded),
				fmt.Sprintf("| Longest alcohol-free run | %s |", runWords(d.LongestStreakDays)),
				page.Measured(d),
			}
			if d.DaysRecorded >= 3 {
				want[0] += pct(d.PercentDaysAbstinent)
			}
			if shared.Cravings.Count > 0 {
				want = append(want, fmt.Sprintf("**Logged:** %s", journal.Plural(shared.Cravings.Count, "craving", "cravings")))
			}
			for _, s := range want {
				if !strings.Contains(rep, s) {
					t.Errorf("report lacks %q:\n%s", s, rep)
				}
			}
		})
	}
}

func runWords(n int) string {
	if n == 0 {
		return "–"
	}
	return journal.Plural(n, "day", "days")
}

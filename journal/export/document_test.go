package export

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"journal/journal"
)

func day(s string) journal.Date {
	d, err := journal.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func drinkDay(s string, n float64) journal.DrinkDay {
	return journal.DrinkDay{Day: day(s), UUID: "d-" + s, StandardDrinks: n}
}

func craving(s string, intensity int) journal.Entry {
	at := day(s).In(time.UTC).Add(20 * time.Hour)
	return journal.Entry{UUID: "c-" + s, Kind: journal.KindCraving, Day: day(s), OccurredAt: at,
		Craving: &journal.Craving{Intensity: intensity}}
}

func TestCompactFoldsQuietRuns(t *testing.T) {
	recs := journal.Records{DrinkDays: []journal.DrinkDay{
		drinkDay("2026-11-01", 0), drinkDay("2026-11-02", 0), drinkDay("2026-11-03", 0),
		drinkDay("2026-11-04", 2), drinkDay("2026-11-05", 0), drinkDay("2026-11-06", 0),
		drinkDay("2026-11-08", 0), drinkDay("2026-11-09", 0), drinkDay("2026-11-10", 0),
	}}
	recs.Entries = []journal.Entry{craving("2026-11-09", 3)}
	var got []string
	for _, g := range Compact(Days(recs)) {
		got = append(got, g.Day.String()+"/"+map[bool]string{true: g.Through.String(), false: "-"}[!g.Through.IsZero()])
	}
	want := "2026-11-01/2026-11-03 2026-11-04/- 2026-11-05/- 2026-11-06/- 2026-11-08/- 2026-11-09/- 2026-11-10/-"
	if strings.Join(got, " ") != want {
		t.Errorf("Compact:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestCSVSpreadsheetFormulasAreDefused(t *testing.T) {
	e := craving("2026-11-02", 5)
	e.Body = "=HYPERLINK(\"http://example.com\")"
	e.Craving.Triggers = []string{"@work"}
	var buf bytes.Buffer
	if err := CravingsCSV(&buf, journal.Records{Entries: []journal.Entry{e}}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"'=HYPERLINK(""http://example.com"")"`) || !strings.Contains(buf.String(), ",'@work,") {
		t.Errorf("CSV:\n%s", buf.String())
	}
}

func TestJSONRoundTrip(t *testing.T) {
	doc := Document{
		ExportedAt: time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC),
		Since:      day("2026-11-01"),
		Records: journal.Records{
			Entries:   []journal.Entry{craving("2026-11-02", 7)},
			DrinkDays: []journal.DrinkDay{drinkDay("2026-11-02", 1.5)},
			Calls:     []journal.Call{{UUID: "call-1", Day: day("2026-11-03"), Note: "first"}},
		},
	}
	var buf bytes.Buffer
	if err := JSON(&buf, doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "{\n  \"format\": \"journal-export\",\n  \"version\": 1,\n") {
		t.Errorf("the document does not start with its format and version:\n%s", buf.String()[:80])
	}
	got, err := ReadJSON(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got.Since != doc.Since || !got.Until.IsZero() || !got.ExportedAt.Equal(doc.ExportedAt) {
		t.Errorf("header: %+v", got)
	}
	if len(got.Records.Entries) != 1 || got.Records.Entries[0].Craving.Intensity != 7 ||
		got.Records.DrinkDays[0].StandardDrinks != 1.5 || got.Records.Calls[0].Note != "first" {
		t.Errorf("records: %+v", got.Records)
	}
}

func TestReadJSONSaysWhatAndWhere(t *testing.T) {
	head := "{\n\"format\": \"journal-export\",\n\"version\": 1,\n"
	cases := map[string]string{
		"":                                 "the file is empty",
		"{\"version\": 1}":                 `not a journal export: it has no "format"`,
		"{\"format\": \"journal-export\"}": `the export has no "version"`,
		head + "\"entries\": 3}":           `line 4: "entries" should be a list`,
		head + "\"entries\": [\n{\"uuid\": \"a\", \"kind\": \"dream\", \"day\": \"2026-11-01\", \"occurred_at\": \"2026-11-01T10:00:00Z\"}]}": `line 5: entries[0] (a): unknown kind "dream"`,
		head + "\"entries\": [],\n\"calls\": [\n{\"uuid\": \"\", \"day\": \"2026-11-01\"}]}":                                                  `line 6: calls[0]: a call needs a uuid and a day`,
		head + "\"drink_days\": [\n{\"day\": \"2026-11-01\", \"uuid\": \"x\", \"standard_drinks\": 99}]}":                                     `line 5: drink_days[0] (2026-11-01): a day's total must be from 0 to 60 standard drinks, got 99`,
		head + "\"drink_days\": [\n{\"day\": \"2026-11-01\", \"standard_drinks\": 1}]}":                                                       `line 5: drink_days[0] (2026-11-01): no uuid`,
	}
	for in, want := range cases {
		_, err := ReadJSON([]byte(in))
		if err == nil || !journal.IsInput(err) || !strings.Contains(err.Error(), want) {
			t.Errorf("ReadJSON(%q) = %v, want bad input containing %q", in, err, want)
		}
	}
}

func TestQuoteBlockKeepsTextAsText(t *testing.T) {
	got := quoteBlock("# not a heading\n- not a list\n10. not a list\nplain\n\n> not a quote")
	want := "> \\# not a heading\\\n> \\- not a list\\\n> 10\\. not a list\\\n> plain\n>\n> \\> not a quote"
	if got != want {
		t.Errorf("quoteBlock:\n%s\nwant\n%s", got, want)
	}
}

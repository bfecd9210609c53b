package journal

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fuzzLocations are the places a person may type a date in: UTC, one with
// daylight saving, and far from UTC on both sides.
func fuzzLocations(t testing.TB) []*time.Location {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	return []*time.Location{time.UTC, ny, time.FixedZone("+14", 14*3600), time.FixedZone("-11", -11*3600)}
}

// FuzzParseWhen checks the dates typed on every flag: never a panic, an
// error is one line, and what is accepted is consistent: the moment falls
// on the day, in the person's location, and giving back the printed date or
// time (as list and --json print them) names the same day and moment.
func FuzzParseWhen(f *testing.F) {
	for _, s := range []string{
		"2026-11-20", "today", "yesterday", "tomorrow", "now", "3 days ago", "1 day ago",
		"in 3 days", "last friday", "friday", "next monday", "21:30", "yesterday 21:30",
		"2026-11-20 21:30", "2026-11-20T08:15:00Z", "2026-11-20T08:15:00.5+05:30",
		"2026-11-20T21:30", "  Yesterday   21:30 ", "24:00", "99999999999999999999 days ago",
		"1899-12-31", "0000-01-01", "2026-02-30", "\x00", "last", "3 days", "",
	} {
		f.Add(s)
	}
	locs := fuzzLocations(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, loc := range locs {
			// A Wednesday evening, whole seconds.
			now := time.Date(2026, 11, 25, 20, 0, 7, 0, loc)
			w, err := ParseWhen(s, now)
			if err != nil {
				if msg := err.Error(); strings.ContainsAny(msg, "\n\r\x1b") {
					t.Fatalf("ParseWhen(%q): error is not one clean line: %q", s, msg)
				}
				if _, derr := ParseDay(s, now); derr == nil {
					t.Fatalf("ParseDay(%q) accepts what ParseWhen refuses (%v)", s, err)
				}
				continue
			}
			if w.Time.Location() != loc {
				t.Fatalf("ParseWhen(%q) in %s gave a time in %s", s, loc, w.Time.Location())
			}
			if got := DateOf(w.Time); got != w.Date {
				t.Fatalf("ParseWhen(%q) in %s: day %s but the moment %s falls on %s", s, loc, w.Date, w.Time, got)
			}
			// The day printed back reads as the same day.
			back, err := ParseWhen(w.Date.String(), now)
			if err != nil || back.Date != w.Date {
				t.Fatalf("ParseWhen(%q) gave %s; reading %q back gave %v, %v", s, w.Date, w.Date.String(), back.Date, err)
			}
			if d, err := ParseDate(w.Date.String()); err != nil || d != w.Date {
				t.Fatalf("ParseDate(%q) = %v, %v", w.Date.String(), d, err)
			}
			// The moment printed as RFC 3339 reads as the same moment. (Before
			// 1900, which the design refuses, local mean time had offsets in
			// seconds that RFC 3339 cannot write.)
			if w.HasTime && w.Date.Year >= 1900 {
				printed := w.Time.Format(time.RFC3339Nano)
				back, err := ParseWhen(printed, now)
				if err != nil || !back.Time.Equal(w.Time) || back.Date != w.Date {
					t.Fatalf("ParseWhen(%q) gave %s; reading %q back gave %v, %v", s, w.Time, printed, back.Time, err)
				}
			}
			// A day-only flag takes the same day, or refuses a clock time.
			if d, err := ParseDay(s, now); err == nil && d != w.Date {
				t.Fatalf("ParseDay(%q) = %s, ParseWhen gave %s", s, d, w.Date)
			}
		}
	})
}

// FuzzParseDrinks checks a day's total as typed: accepted values are in
// range, kept to 2 decimals, and read back the same from how they print.
func FuzzParseDrinks(f *testing.F) {
	for _, s := range []string{"0", "2", "1.5", "0,5", ".5", "60", "60.001", "-1", "1e3", "NaN", "inf", "0x10", " 3 ", "1.005", "2."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseDrinks(s)
		if err != nil {
			if !IsInput(err) {
				t.Fatalf("ParseDrinks(%q): %v is not an input error", s, err)
			}
			return
		}
		if math.IsNaN(n) || n < 0 || n > MaxDrinksPerDay {
			t.Fatalf("ParseDrinks(%q) = %v, out of range", s, n)
		}
		if Round2(n) != n {
			t.Fatalf("ParseDrinks(%q) = %v, more than 2 decimals", s, n)
		}
		if back, err := ParseDrinks(FormatNumber(n)); err != nil || back != n {
			t.Fatalf("ParseDrinks(%q) = %v printed %q, read back %v, %v", s, n, FormatNumber(n), back, err)
		}
	})
}

// FuzzParseDrinkSpec checks drinks described by volume and strength: an
// accepted spec has a sensible count, volume and strength, finite grams
// that follow the formula, and reads back the same from a plain form.
func FuzzParseDrinkSpec(f *testing.F) {
	for _, s := range []string{
		"330ml 5%", "5% 330ml", "1 pint 4.5%", "1 us pint 5%", "750ml 13.5%", "44ml 40%", "12oz 5%",
		"12 fl oz 5%", "2x330ml 5%", "2 × 330ml 5%", "3*25cl 4%", "1l 12%", "2 litres 4,5%", "4.5 % 500ml",
		"330ml @ 5%", "pint 4%", "0ml 5%", "330ml 0%", "330ml 101%", "101x330ml 5%", "330ml", "5%", "%", "",
		"99999999999999999999ml 5%", "1e3ml 5%", ".5l .5%",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDrinkSpec(s)
		if err != nil {
			if !IsInput(err) {
				t.Fatalf("ParseDrinkSpec(%q): %v is not an input error", s, err)
			}
			return
		}
		if !(d.Count > 0 && d.Count <= 100) || !(d.ML > 0) || d.ML*d.Count > 10000 || !(d.ABV > 0 && d.ABV <= 100) {
			t.Fatalf("ParseDrinkSpec(%q) = %+v, out of range", s, d)
		}
		g := d.Grams()
		if math.IsNaN(g) || math.IsInf(g, 0) || g <= 0 {
			t.Fatalf("ParseDrinkSpec(%q): grams %v", s, g)
		}
		if want := d.Count * d.ML * d.ABV / 100 * EthanolDensity; math.Abs(g-want) > 1e-9*want {
			t.Fatalf("ParseDrinkSpec(%q): grams %v, want %v", s, g, want)
		}
		if sd := d.StandardDrinks(14); math.Abs(sd-g/14) > 1e-9*sd {
			t.Fatalf("ParseDrinkSpec(%q): %v standard drinks for %v g", s, sd, g)
		}
		plain := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
		again := plain(d.Count) + "x" + plain(d.ML) + "ml " + plain(d.ABV) + "%"
		back, err := ParseDrinkSpec(again)
		if err != nil || back.Count != d.Count || back.ML != d.ML || back.ABV != d.ABV {
			t.Fatalf("ParseDrinkSpec(%q) = %+v; its plain form %q gave %+v, %v", s, d, again, back, err)
		}
	})
}

// FuzzTrackingValues checks the small values typed for check-ins and
// cravings (flags and form fields): accepted numbers are in their range and
// read back the same when printed; triggers, feelings and coping come out
// trimmed, lower-case, comma-free and without repeats, and normalising
// them again changes nothing.
func FuzzTrackingValues(f *testing.F) {
	for _, s := range []string{"7", " 10 ", "0", "11", "-1", "6.5", "7,5", "24", "1440", "1441", "used", " Resisted ", "x", "", "Stress, boredom", "a,,b, A ", "+3", "0x1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, sc := range []struct {
			name   string
			parse  func(string) (int, error)
			lo, hi int
		}{
			{"mood", ParseMood, 1, 10},
			{"checkin craving", ParseCheckinCraving, 0, MaxIntensity},
			{"intensity", ParseIntensity, 0, MaxIntensity},
			{"minutes", ParseMinutes, 0, 24 * 60},
		} {
			n, err := sc.parse(s)
			if err != nil {
				if !IsInput(err) {
					t.Fatalf("%s %q: %v is not an input error", sc.name, s, err)
				}
				continue
			}
			if n < sc.lo || n > sc.hi {
				t.Fatalf("%s %q = %d, outside %d to %d", sc.name, s, n, sc.lo, sc.hi)
			}
			if back, err := sc.parse(strconv.Itoa(n)); err != nil || back != n {
				t.Fatalf("%s %q = %d, read back %d, %v", sc.name, s, n, back, err)
			}
		}
		if h, err := ParseSleep(s); err == nil {
			if math.IsNaN(h) || h < 0 || h > 24 || Round2(h) != h {
				t.Fatalf("sleep %q = %v", s, h)
			}
			if back, err := ParseSleep(FormatNumber(h)); err != nil || back != h {
				t.Fatalf("sleep %q = %v, read back %v, %v", s, h, back, err)
			}
		} else if !IsInput(err) {
			t.Fatalf("sleep %q: %v is not an input error", s, err)
		}
		if o, err := ParseOutcome(s); err == nil {
			if back, err := ParseOutcome(string(o)); err != nil || back != o {
				t.Fatalf("outcome %q = %q, read back %q, %v", s, o, back, err)
			}
		}
		words := NormalizeWords(strings.Split(s, "\n"))
		seen := map[string]bool{}
		for _, w := range words {
			if w == "" || w != strings.TrimSpace(w) || w != strings.ToLower(w) || strings.Contains(w, ",") || seen[w] {
				t.Fatalf("NormalizeWords(%q) = %q", s, words)
			}
			seen[w] = true
		}
		if again := NormalizeWords(words); !slices.Equal(again, words) {
			t.Fatalf("NormalizeWords(%q) = %q, again %q", s, words, again)
		}
	})
}

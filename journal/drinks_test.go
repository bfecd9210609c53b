package journal

import (
	"math"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Each case is worked by hand: ml × ABV/100 × 0.789 g/ml ÷ grams.
func TestDrinkSpecStandardDrinks(t *testing.T) {
	cases := []struct {
		spec  string
		grams float64 // standard drink size
		ml    float64
		want  float64 // standard drinks
	}{
		// US, 14 g.
		{"330ml 5%", 14, 330, 13.0185 / 14},     // 330 × 0.05 × 0.789 = 13.0185 g → 0.9299
		{"750ml 13.5%", 14, 750, 79.88625 / 14}, // 79.88625 g → 5.7062
		{"44ml 40%", 14, 44, 13.8864 / 14},      // 13.8864 g → 0.9919
		{"12oz 5%", 14, 354.882, 14.00009 / 14}, // 12 × 29.5735 = 354.882 ml → 14.0001 g → 1.0000
		{"1 pint 4.5%", 14, 568, 20.16684 / 14}, // UK pint 568 ml → 20.16684 g → 1.4405
		// UK unit, 8 g.
		{"1 pint 4.5%", 8, 568, 20.16684 / 8}, // 2.5209 units
		{"175ml 12%", 8, 175, 16.569 / 8},     // 175 × 0.12 × 0.789 = 16.569 g → 2.0711
		{"25ml 40%", 8, 25, 7.89 / 8},         // a single measure: 7.89 g → 0.9863
		// Australia/NZ, 10 g.
		{"375ml 4.8%", 10, 375, 14.202 / 10}, // a stubby: 14.202 g → 1.4202
		{"150ml 13%", 10, 150, 15.3855 / 10}, // 15.3855 g → 1.5386
		// Canada, 13.45 g.
		{"341ml 5%", 13.45, 341, 13.45245 / 13.45}, // a bottle of beer: 13.45245 g → 1.0002
		{"43ml 40%", 13.45, 43, 13.5708 / 13.45},   // 13.5708 g → 1.0090
		// Other ways of writing the same.
		{"5% 330ml", 14, 330, 13.0185 / 14},
		{"330 ml 5 %", 14, 330, 13.0185 / 14},
		{"33cl 5%", 14, 330, 13.0185 / 14},
		{"0.75l 13.5%", 14, 750, 79.88625 / 14},
		{"2 pints 4.5%", 8, 1136, 2 * 20.16684 / 8},
		{"2x330ml 5%", 14, 330, 2 * 13.0185 / 14},
		{"pint 4,5%", 8, 568, 20.16684 / 8},
	}
	for _, c := range cases {
		d, err := ParseDrinkSpec(c.spec)
		if err != nil {
			t.Errorf("ParseDrinkSpec(%q): %v", c.spec, err)
			continue
		}
		if math.Abs(d.ML-c.ml) > 0.001 {
			t.Errorf("%q: ml = %v, want %v", c.spec, d.ML, c.ml)
		}
		if got := d.StandardDrinks(c.grams); math.Abs(got-c.want) > 0.0001 {
			t.Errorf("%q at %v g: %.4f standard drinks, want %.4f", c.spec, c.grams, got, c.want)
		}
	}
}

func TestDrinkSpecRefused(t *testing.T) {
	cases := map[string]string{
		"330ml":       "no strength",
		"5%":          "no volume",
		"330ml 120%":  "at most 100%",
		"330ml 0%":    "more than 0%",
		"a glass 12%": "not a volume",
		"330ml five%": "not a strength",
		"":            "no strength",
		"20l 40%":     "at most 10 litres",
		"0x330ml 5%":  "count",
	}
	for spec, want := range cases {
		_, err := ParseDrinkSpec(spec)
		if err == nil || !IsInput(err) || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseDrinkSpec(%q) = %v, want an input error with %q", spec, err, want)
		}
	}
}

func TestParseDrinks(t *testing.T) {
	for in, want := range map[string]float64{"0": 0, "2": 2, "1.5": 1.5, "0,5": 0.5, " 3 ": 3, "60": 60, "1.234": 1.23} {
		got, err := ParseDrinks(in)
		if err != nil || got != want {
			t.Errorf("ParseDrinks(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"-1", "abc", "61", "60.5", "", "1e2", "NaN", "Inf", "0x10"} {
		if _, err := ParseDrinks(in); err == nil || !IsInput(err) {
			t.Errorf("ParseDrinks(%q) accepted", in)
		}
	}
}

func TestIsBackfilled(t *testing.T) {
	day := Date{2026, 11, 24}
	at := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
	if IsBackfilled(day, at("2026-11-24T23:59:00Z")) {
		t.Error("recorded on the day itself counts as backfilled")
	}
	if !IsBackfilled(day, at("2026-11-25T00:01:00Z")) {
		t.Error("recorded the next day is not backfilled")
	}
}

func TestFormatNumber(t *testing.T) {
	for in, want := range map[float64]string{0: "0", 1: "1", 1.5: "1.5", 0.929893: "0.93", 2.005: "2.01"} {
		if got := FormatNumber(in); got != want {
			t.Errorf("FormatNumber(%v) = %q, want %q", in, got, want)
		}
	}
}

// A positive amount never rounds to an alcohol-free day.
func TestKeepDrinksTinyAmounts(t *testing.T) {
	cases := []struct{ in, want float64 }{
		{0, 0},
		{0.0001, 0.01},
		{0.004, 0.01}, // would round to 0
		{0.005, 0.01},
		{0.014, 0.01},
		{0.016, 0.02},
		{2.345, 2.35},
	}
	for _, c := range cases {
		if got := KeepDrinks(c.in); got != c.want {
			t.Errorf("KeepDrinks(%v) = %v, want %v", c.in, got, c.want)
		}
	}
	// 10ml 0.5% is 0.03945 g: 0.0028 US standard drinks, kept as 0.01.
	d, err := ParseDrinkSpec("10ml 0.5%")
	if err != nil {
		t.Fatal(err)
	}
	if got := KeepDrinks(d.StandardDrinks(14)); got != 0.01 {
		t.Errorf("10ml 0.5%% at 14 g: %v, want 0.01", got)
	}
	if got := FormatDrinks(0.01); got != "less than 0.1" {
		t.Errorf("FormatDrinks(0.01) = %q", got)
	}
	if got := FormatDrinks(0.1); got != "0.1" {
		t.Errorf("FormatDrinks(0.1) = %q", got)
	}
	if n, err := ParseDrinks("0.001"); err != nil || n != 0.01 {
		t.Errorf(`ParseDrinks("0.001") = %v, %v; want 0.01`, n, err)
	}
	for _, s := range []string{"1ml 5%", "9.9ml 40%", "0.5cl 40%"} {
		if _, err := ParseDrinkSpec(s); err == nil || !strings.Contains(err.Error(), "too small for a drink") {
			t.Errorf("ParseDrinkSpec(%q) = %v, want refused as too small", s, err)
		}
	}
}

// isDecimal accepts exactly what the pattern it replaced accepted, on
// every short text built from the characters that decide it.
func TestIsDecimalMatchesPattern(t *testing.T) {
	re := regexp.MustCompile(`^[+-]?(\d+(\.\d*)?|\.\d+)$`)
	chars := []string{"", "+", "-", ".", "0", "7", "a", " ", ","}
	var walk func(s string, n int)
	walk = func(s string, n int) {
		if got, want := isDecimal(s), re.MatchString(s); got != want {
			t.Fatalf("isDecimal(%q) = %v, the pattern says %v", s, got, want)
		}
		if n == 0 {
			return
		}
		for _, c := range chars[1:] {
			walk(s+c, n-1)
		}
	}
	walk("", 5)
}

package journal

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// MaxDrinksPerDay is the most standard drinks one day may record.
const MaxDrinksPerDay = 60

// EthanolDensity is grams of ethanol per millilitre.
const EthanolDensity = 0.789

// MinDrinks is the smallest day's total that is not 0: any positive amount
// of alcohol is at least this many standard drinks, so alcohol never
// records an alcohol-free day (journal keeps 2 decimals).
const MinDrinks = 0.01

// MinDrinkML is the smallest volume of one drink journal takes, in
// millilitres: less than a teaspoon is most likely a typo ("1ml" for "1l").
const MinDrinkML = 10

// DrinkDay is one calendar day's total in standard drinks. A day with no
// DrinkDay is unrecorded, never assumed sober.
type DrinkDay struct {
	Day             Date      `json:"day"`
	UUID            string    `json:"uuid"`
	StandardDrinks  float64   `json:"standard_drinks"`
	Note            string    `json:"note"`
	FirstRecordedAt time.Time `json:"first_recorded_at"`
	// Backfilled: first recorded after the day had ended (recalled later,
	// less reliable than same-day logging).
	Backfilled bool      `json:"backfilled"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// DrinkChange is what one write did to a day: Before is nil when the day
// had no record.
type DrinkChange struct {
	Before *float64
	After  DrinkDay
}

// IsBackfilled reports whether a record first made at recordedAt, for day,
// was made after the day had ended (in recordedAt's own location).
func IsBackfilled(day Date, recordedAt time.Time) bool {
	return DateOf(recordedAt).After(day)
}

// ParseDrinks reads a day's total as typed: a number of standard drinks
// from 0 to 60, decimals allowed (1.5).
func ParseDrinks(s string) (float64, error) {
	n, err := parseNumber(s)
	if err != nil {
		return 0, Invalid("drinks must be a number of standard drinks from 0 to %d, like 2 or 1.5, got %s", MaxDrinksPerDay, Quote(s))
	}
	if err := ValidateDrinks(n); err != nil {
		return 0, Invalid("drinks must be a number of standard drinks from 0 to %d, like 2 or 1.5, got %s", MaxDrinksPerDay, Quote(s))
	}
	return KeepDrinks(n), nil
}

// KeepDrinks rounds a day's total to the 2 decimals journal keeps, never
// down to 0: a positive amount below MinDrinks is kept as MinDrinks.
func KeepDrinks(n float64) float64 {
	if n > 0 && n < MinDrinks {
		return MinDrinks
	}
	return round2(n)
}

// ValidateDrinks checks a day's total.
func ValidateDrinks(n float64) error {
	if math.IsNaN(n) || n < 0 || n > MaxDrinksPerDay {
		return Invalid("a day's total must be from 0 to %d standard drinks, got %s", MaxDrinksPerDay, FormatNumber(n))
	}
	return nil
}

// parseNumber reads a plain decimal number ("1.5", "2", "0,5" with a comma
// as some locales write it). No exponents, infinities or hex.
func parseNumber(s string) (float64, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", ".")
	if !isDecimal(s) {
		return 0, fmt.Errorf("not a number: %s", Quote(s))
	}
	return strconv.ParseFloat(s, 64)
}

// isDecimal reports whether s is a plain decimal number: an optional sign,
// then digits with an optional point and more digits, or a point and
// digits ("2", "1.5", "2.", ".5").
func isDecimal(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	digits := func() int {
		n := 0
		for n < len(s) && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		s = s[n:]
		return n
	}
	whole := digits()
	if s == "" {
		return whole > 0
	}
	if s[0] != '.' {
		return false
	}
	s = s[1:]
	frac := digits()
	return s == "" && (whole > 0 || frac > 0)
}

// round2 rounds to 2 decimals, the precision journal keeps.
func round2(x float64) float64 { return math.Round(x*100) / 100 }

// Round2 rounds to 2 decimals.
func Round2(x float64) float64 { return round2(x) }

// FormatNumber prints x with at most 2 decimals and no trailing zeros.
func FormatNumber(x float64) string {
	return strconv.FormatFloat(round2(x), 'f', -1, 64)
}

// FormatDrinks prints a number of standard drinks: at most 2 decimals, and
// "less than 0.1" for a tiny positive amount, which would otherwise read
// as a precise 0.01 or, rounded, as none.
func FormatDrinks(n float64) string {
	if n > 0 && n < 0.1 {
		return "less than 0.1"
	}
	return FormatNumber(n)
}

// DrinksPhrase is "1 drink", "0 drinks", "2.5 drinks", "less than 0.1 drinks".
func DrinksPhrase(n float64) string {
	if round2(n) == 1 {
		return "1 drink"
	}
	return FormatDrinks(n) + " drinks"
}

// Volumes in millilitres. A pint is the UK pint (568 ml); "us pint" is 473.
const (
	mlPerUKPint = 568
	mlPerUSPint = 473.176
	mlPerFlOz   = 29.5735 // US fluid ounce
)

// DrinkSpec is one drink as a person describes it: "330ml 5%", "1 pint 4.5%".
type DrinkSpec struct {
	Text  string  // as typed
	Count float64 // "2x330ml 5%" is 2 drinks of 330 ml; default 1
	ML    float64 // volume of one, in millilitres
	ABV   float64 // alcohol by volume, percent
}

var (
	abvRe    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d+(?:[.,]\d+)?|[.,]\d+)\s*%$`) })
	volumeRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(\d+(?:[.,]\d+)?|[.,]\d+)?\s*(ml|cl|dl|l|litres?|liters?|oz|fl ?oz|ounces?|pints?|us pints?)$`)
	})
	countRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d+(?:[.,]\d+)?)\s*(?:x|×|\*)\s*`) })
)

// DrinkSpecHelp ends every drink spec error.
const DrinkSpecHelp = `describe a drink by volume and strength, like "330ml 5%", "1 pint 4.5%" (a UK pint, 568 ml), "750ml 13.5%", "44ml 40%" or "12oz 5%"`

// ParseDrinkSpec reads a drink described by volume and strength. Volumes
// take ml, cl, l, oz (US fluid ounces) or pint (UK, 568 ml; "us pint" is
// 473 ml); "2x330ml 5%" counts two.
func ParseDrinkSpec(s string) (DrinkSpec, error) {
	d := DrinkSpec{Text: s, Count: 1}
	in := strings.ToLower(strings.Join(strings.Fields(s), " "))
	if m := countRe().FindStringSubmatch(in); m != nil {
		c, _ := parseNumber(m[1])
		if c <= 0 || c > 100 {
			return d, Invalid("drink %s: the count before x must be from 1 to 100", Quote(s))
		}
		d.Count, in = c, in[len(m[0]):]
	}
	// Split into the strength (the part with %) and the volume (the rest),
	// in either order: "330ml 5%" or "5% 330ml".
	var volPart, abvPart string
	if i := strings.IndexByte(in, '%'); i >= 0 {
		start := strings.LastIndexByte(in[:i], ' ')
		// "4.5 %" with a space before the sign.
		if start >= 0 && strings.TrimSpace(in[start:i]) == "" {
			start = strings.LastIndexByte(in[:start], ' ')
		}
		abvPart = strings.TrimSpace(in[start+1 : i+1])
		volPart = strings.TrimSpace(in[:start+1] + " " + in[i+1:])
		volPart = strings.Trim(strings.TrimSpace(volPart), "@ ")
	} else {
		volPart = in
	}
	if abvPart == "" {
		return d, Invalid("drink %s has no strength: add the percent alcohol; %s", Quote(s), DrinkSpecHelp)
	}
	m := abvRe().FindStringSubmatch(abvPart)
	if m == nil {
		return d, Invalid("drink %s: %s is not a strength like 5%%; %s", Quote(s), Quote(abvPart), DrinkSpecHelp)
	}
	d.ABV, _ = parseNumber(m[1])
	if d.ABV <= 0 || d.ABV > 100 {
		return d, Invalid("drink %s: strength must be more than 0%% and at most 100%%, got %s%%", Quote(s), FormatNumber(d.ABV))
	}
	if volPart == "" {
		return d, Invalid("drink %s has no volume: add how much, like 330ml or 1 pint; %s", Quote(s), DrinkSpecHelp)
	}
	vm := volumeRe().FindStringSubmatch(volPart)
	if vm == nil {
		return d, Invalid("drink %s: %s is not a volume like 330ml, 1 pint or 12oz; %s", Quote(s), Quote(volPart), DrinkSpecHelp)
	}
	amount := 1.0
	if vm[1] != "" {
		amount, _ = parseNumber(vm[1])
	}
	switch unit := vm[2]; {
	case unit == "ml":
		d.ML = amount
	case unit == "cl":
		d.ML = amount * 10
	case unit == "dl":
		d.ML = amount * 100
	case unit == "l" || strings.HasPrefix(unit, "lit"):
		d.ML = amount * 1000
	case strings.HasPrefix(unit, "us pint"):
		d.ML = amount * mlPerUSPint
	case strings.HasPrefix(unit, "pint"):
		d.ML = amount * mlPerUKPint
	default: // oz, fl oz, ounces
		d.ML = amount * mlPerFlOz
	}
	if d.ML < MinDrinkML {
		return d, Invalid("drink %s: read %s ml, too small for a drink (most likely a typo): write the volume as 330ml, 33cl, 0.33l, 1 pint or 12oz", Quote(s), FormatNumber(d.ML))
	}
	if d.ML*d.Count > 10000 {
		return d, Invalid("drink %s: the volume must be more than 0 and at most 10 litres", Quote(s))
	}
	return d, nil
}

// Grams is the ethanol in the drink(s): ml × ABV/100 × 0.789 g/ml × count.
func (d DrinkSpec) Grams() float64 { return d.Count * d.ML * d.ABV / 100 * EthanolDensity }

// StandardDrinks is Grams divided by the size of a standard drink,
// unrounded; KeepDrinks gives what a day records.
func (d DrinkSpec) StandardDrinks(standardDrinkGrams float64) float64 {
	return d.Grams() / standardDrinkGrams
}

package journal

import (
	"slices"
	"testing"
)

func TestNormalizeWords(t *testing.T) {
	cases := []struct {
		in   []string
		want []string
	}{
		{[]string{"Stress", "stress ", " STRESS"}, []string{"stress"}},
		{[]string{"stress, boredom", "Boredom"}, []string{"stress", "boredom"}},
		{[]string{"  after   work ", "After Work"}, []string{"after work"}},
		{[]string{"", " , ,", "\t"}, []string{}},
		{nil, []string{}},
		{[]string{"Café", "CAFÉ"}, []string{"café"}},
	}
	for _, c := range cases {
		if got := NormalizeWords(c.in); !slices.Equal(got, c.want) || got == nil {
			t.Errorf("NormalizeWords(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCravingNormalizeSortsAndTrims(t *testing.T) {
	c := Craving{Intensity: 7, Triggers: []string{"Stress", "boredom", "stress "}, Feelings: []string{"Tired"}, Where: "  home "}
	c.Normalize()
	if !slices.Equal(c.Triggers, []string{"boredom", "stress"}) || !slices.Equal(c.Feelings, []string{"tired"}) || c.Coping == nil || c.Where != "home" {
		t.Fatalf("Normalize gave %+v", c)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	c.Outcome = "resisted"
	if got, want := c.Summary(), "craving 7/10 · boredom, stress · resisted"; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
}

func TestParseIntensity(t *testing.T) {
	for _, ok := range []string{"0", "7", "10", " 3 "} {
		if _, err := ParseIntensity(ok); err != nil {
			t.Errorf("ParseIntensity(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"12", "-1", "7.5", "high", "", "11"} {
		_, err := ParseIntensity(bad)
		if err == nil || !IsInput(err) {
			t.Errorf("ParseIntensity(%q) accepted", bad)
		}
	}
	if _, err := ParseIntensity("12"); err.Error() != `craving intensity must be a whole number from 0 to 10, got "12"` {
		t.Errorf("message: %v", err)
	}
}

func TestParseOutcome(t *testing.T) {
	for in, want := range map[string]Outcome{"": "", "used": OutcomeUsed, "Resisted ": OutcomeResisted} {
		if got, err := ParseOutcome(in); err != nil || got != want {
			t.Errorf("ParseOutcome(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseOutcome("maybe"); err == nil {
		t.Error("maybe accepted")
	}
}

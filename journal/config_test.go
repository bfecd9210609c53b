package journal

import (
	"slices"
	"strings"
	"testing"
)

func TestConfigDefaultsAreValid(t *testing.T) {
	c := DefaultConfig()
	if c.StandardDrinkGrams != 14 || c.HeavyDayGrams != 56 || c.HighCravingThreshold != 8 {
		t.Fatalf("defaults: %+v", c)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestConfigSet(t *testing.T) {
	c := DefaultConfig()
	set := func(key string, v ...string) error {
		k, err := LookupConfigKey(key)
		if err != nil {
			return err
		}
		return k.Set(&c, v)
	}
	for _, ok := range [][]string{
		{"standard_drink_grams", "8"}, {"standard_drink_grams", "13.45"},
		{"heavy_drinking_threshold", "5"}, {"high_craving_threshold", "7"},
		{"coping_plan", "Drink water", "Text Sam"}, {"support_contacts", "Sam 07700 900123", "Ana"},
	} {
		if err := set(ok[0], ok[1:]...); err != nil {
			t.Errorf("set %q: %v", ok, err)
		}
	}
	if c.StandardDrinkGrams != 13.45 || c.HighCravingThreshold != 7 || c.CopingPlan != "Drink water\nText Sam" ||
		!slices.Equal(c.SupportContacts, []string{"Sam 07700 900123", "Ana"}) {
		t.Fatalf("after set: %+v", c)
	}
	before := c
	for _, bad := range [][]string{
		{"standard_drink_grams", "0"}, {"standard_drink_grams", "abc"}, {"standard_drink_grams", "51"},
		{"heavy_drinking_threshold", "0"}, {"heavy_drinking_threshold", "61"},
		{"high_craving_threshold", "11"}, {"high_craving_threshold", "7.5"}, {"high_craving_threshold", "0"},
		{"standard_drink_grams", "8", "9"}, {"support_contacts", strings.Repeat("x", 201)},
	} {
		err := set(bad[0], bad[1:]...)
		if err == nil || !IsInput(err) || !strings.Contains(err.Error(), bad[0]) {
			t.Errorf("set %q = %v, want an input error naming the key", bad, err)
		}
	}
	if c.StandardDrinkGrams != before.StandardDrinkGrams || c.HighCravingThreshold != before.HighCravingThreshold {
		t.Errorf("a refused value changed the config: %+v", c)
	}
	if err := set("colour", "blue"); err == nil || !strings.Contains(err.Error(), "unknown config key") {
		t.Errorf("unknown key: %v", err)
	}
}

func TestConfigValidateNamesKey(t *testing.T) {
	c := DefaultConfig()
	c.HighCravingThreshold = 15
	err := c.Validate()
	var ve *ConfigValueError
	if err == nil || !asValueErr(err, &ve) || ve.Key != "high_craving_threshold" {
		t.Fatalf("Validate = %v", err)
	}
}

func asValueErr(err error, ve **ConfigValueError) bool {
	v, ok := err.(*ConfigValueError)
	*ve = v
	return ok
}

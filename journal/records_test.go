package journal

import (
	"strings"
	"testing"
	"time"
)

func note(uuid string, at time.Time) Entry {
	return Entry{UUID: uuid, Kind: KindNote, Day: DateOf(at), OccurredAt: at, Body: "x", CreatedAt: at, UpdatedAt: at}
}

// ValidateAt allows another device's clock and time zone a little slack,
// and no more.
func TestValidateAtFutureSlack(t *testing.T) {
	now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	tomorrow, dayAfter := DateOf(now).AddDays(1), DateOf(now).AddDays(2)
	cases := []struct {
		name string
		recs Records
		want string // "" when taken
	}{
		{"an entry 59 minutes ahead", Records{Entries: []Entry{note("a", now.Add(59*time.Minute))}}, ""},
		{"an entry 2 hours ahead", Records{Entries: []Entry{note("a", now.Add(2*time.Hour))}}, "is in the future"},
		{"a drinking day tomorrow", Records{DrinkDays: []DrinkDay{{Day: tomorrow, UUID: "d"}}}, ""},
		{"a drinking day the day after", Records{DrinkDays: []DrinkDay{{Day: dayAfter, UUID: "d"}}}, "is in the future"},
		{"a call the day after", Records{Calls: []Call{{UUID: "c", Day: dayAfter}}}, "is in the future"},
		{"a planned session", Records{Sessions: []Session{{UUID: "s", Day: DateOf(now).AddDays(30)}}}, ""},
		{"two drinking days for one day", Records{DrinkDays: []DrinkDay{{Day: tomorrow, UUID: "d"}, {Day: tomorrow, UUID: "e"}}}, "the same day as drink_days[0]"},
		{"a call and an entry with one uuid", Records{Entries: []Entry{note("same", now)}, Calls: []Call{{UUID: "same", Day: DateOf(now)}}}, "calls[0] (same): the same uuid as entries[0]"},
		{"a day before 1900", Records{DrinkDays: []DrinkDay{{Day: Date{1899, 12, 31}, UUID: "d"}}}, "before 1900"},
	}
	for _, c := range cases {
		err := c.recs.ValidateAt(now)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: refused: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want) || !IsInput(err)):
			t.Errorf("%s: got %v, want bad input saying %q", c.name, err, c.want)
		}
	}
}

func TestValidateTagRefusesControlCharacters(t *testing.T) {
	for _, tag := range []string{"bell\a", "tab\there", "nbsp\u00a0x", "a,b"} {
		if _, err := ValidateTag(tag); err == nil {
			t.Errorf("ValidateTag(%q) took it", tag)
		}
	}
	if got, err := ValidateTag("#Work-Stress"); err != nil || got != "work-stress" {
		t.Errorf("ValidateTag(#Work-Stress) = %q, %v", got, err)
	}
}

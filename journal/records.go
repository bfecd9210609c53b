package journal

import (
	"fmt"
	"strings"
	"time"
)

// Records is a journal, or a window of one, as plain values: what the JSON
// export carries, what import merges and what the demo writes. Records are
// matched across journals by uuid (drinking days by day). An entry's
// session_id names a session of the same Records by its id.
type Records struct {
	Sessions  []Session  `json:"sessions"`
	Entries   []Entry    `json:"entries"`
	DrinkDays []DrinkDay `json:"drink_days"`
	Calls     []Call     `json:"calls"`
}

// Validate checks every record before anything is written, naming the
// first bad one. The rules are the command line's: what journal would
// refuse when typed, it refuses when imported.
func (r Records) Validate() error {
	sessions := map[int64]bool{}
	seen := map[string]string{} // uuid → the record that has it
	dup := func(what, id string) error {
		if first, ok := seen[id]; ok {
			return Invalid("%s (%s): the same uuid as %s: each record needs its own", what, short(id), first)
		}
		seen[id] = what
		return nil
	}
	for i, ses := range r.Sessions {
		what := fmt.Sprintf("sessions[%d]", i)
		if strings.TrimSpace(ses.UUID) == "" || ses.Day.IsZero() {
			return Invalid("%s: a session needs a uuid and a day", what)
		}
		if err := dup(what, ses.UUID); err != nil {
			return err
		}
		if err := ses.Day.CheckYear(); err != nil {
			return Invalid("%s (%s): %v", what, short(ses.UUID), err)
		}
		if _, err := ParseSetting(ses.Setting); err != nil {
			return Invalid("%s (%s): %v", what, short(ses.UUID), err)
		}
		if _, err := ParseRoute(ses.Route); err != nil {
			return Invalid("%s (%s): %v", what, short(ses.UUID), err)
		}
		if ses.DoseMg != nil {
			if err := ValidDose(*ses.DoseMg); err != nil {
				return Invalid("%s (%s): dose_mg: %v", what, short(ses.UUID), err)
			}
		}
		sessions[ses.ID] = true
	}
	for i, e := range r.Entries {
		what := fmt.Sprintf("entries[%d]", i)
		if err := ValidateRecord(e); err != nil {
			return Invalid("%s (%s): %v", what, short(e.UUID), err)
		}
		if err := dup(what, e.UUID); err != nil {
			return err
		}
		if e.SessionID != nil && !sessions[*e.SessionID] {
			return Invalid("%s (%s): session_id %d is not among the sessions", what, short(e.UUID), *e.SessionID)
		}
	}
	days := map[Date]int{}
	for i, d := range r.DrinkDays {
		if d.Day.IsZero() {
			return Invalid("drink_days[%d]: no day", i)
		}
		if err := d.Day.CheckYear(); err != nil {
			return Invalid("drink_days[%d]: %v", i, err)
		}
		if err := ValidateDrinks(d.StandardDrinks); err != nil {
			return Invalid("drink_days[%d] (%s): %v", i, d.Day, err)
		}
		if err := d.Day.CheckYear(); err != nil {
			return Invalid("drink_days[%d] (%s): %v", i, d.Day, err)
		}
		if j, ok := days[d.Day]; ok {
			return Invalid("drink_days[%d] (%s): the same day as drink_days[%d]: a day has one total", i, d.Day, j)
		}
		days[d.Day] = i
	}
	for i, c := range r.Calls {
		what := fmt.Sprintf("calls[%d]", i)
		if c.UUID == "" || c.Day.IsZero() {
			return Invalid("%s: a call needs a uuid and a day", what)
		}
		if err := dup(what, c.UUID); err != nil {
			return err
		}
		if err := c.Day.CheckYear(); err != nil {
			return Invalid("%s (%s): %v", what, short(c.UUID), err)
		}
	}
	return nil
}

// ValidateAt is Validate, and what only the clock can tell: things that
// already happened (entries, drinking days, calls) are not in the future.
// A day record may be one day ahead, as another device in a time zone
// further east sees it; an entry's time may be an hour ahead, for a clock
// that runs fast. Planned sessions may be in the future.
func (r Records) ValidateAt(now time.Time) error {
	if err := r.Validate(); err != nil {
		return err
	}
	lastDay := DateOf(now).AddDays(1)
	for i, e := range r.Entries {
		if e.OccurredAt.After(now.Add(time.Hour)) {
			return Invalid("entries[%d] (%s): occurred_at %s is in the future: only what already happened is imported",
				i, short(e.UUID), e.OccurredAt.Format(time.RFC3339))
		}
	}
	for i, d := range r.DrinkDays {
		if d.Day.After(lastDay) {
			return Invalid("drink_days[%d] (%s): the day is in the future: only days that have begun are imported", i, d.Day)
		}
	}
	for i, c := range r.Calls {
		if c.Day.After(lastDay) {
			return Invalid("calls[%d] (%s): the day %s is in the future: only calls that happened are imported", i, short(c.UUID), c.Day)
		}
	}
	return nil
}

// ValidateRecord checks one entry as a record to import, apart from the
// session it links to and the clock (those need the whole Records, and
// ValidateAt).
func ValidateRecord(e Entry) error {
	if strings.TrimSpace(e.UUID) == "" {
		return fmt.Errorf("no uuid")
	}
	k, err := ParseKind(string(e.Kind))
	if err != nil {
		return err
	}
	if k != e.Kind {
		return fmt.Errorf("unknown kind %s: kinds are written in lower case: %s", Quote(string(e.Kind)), k)
	}
	if e.Day.IsZero() || e.OccurredAt.IsZero() {
		return fmt.Errorf("no day or occurred_at")
	}
	if err := e.Day.CheckYear(); err != nil {
		return err
	}
	if err := DateOf(e.OccurredAt.UTC()).CheckYear(); err != nil {
		return fmt.Errorf("occurred_at %v", err)
	}
	// The day is the calendar day of the time, in the offset it was written with.
	if got := DateOf(e.OccurredAt); got != e.Day {
		return fmt.Errorf("day %s does not match occurred_at %s, which is on %s", e.Day, e.OccurredAt.Format(time.RFC3339), got)
	}
	for _, t := range e.Tags {
		if _, err := ValidateTag(t); err != nil {
			return fmt.Errorf("tags: %v", err)
		}
	}
	switch e.Kind {
	case KindCraving:
		if e.Craving == nil {
			return fmt.Errorf("a craving entry without its craving")
		}
		return e.Craving.Validate()
	case KindCheckin:
		if e.Checkin == nil {
			return fmt.Errorf("a check-in entry without its check-in")
		}
		return e.Checkin.Validate()
	}
	return nil
}

// short is up to 20 characters of s, for naming a record by its uuid.
func short(s string) string {
	r := []rune(s)
	if len(r) > 20 {
		return string(r[:19]) + "…"
	}
	return s
}

package journal

import (
	"fmt"
	"strings"
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
// first bad one.
func (r Records) Validate() error {
	sessions := map[int64]bool{}
	for i, ses := range r.Sessions {
		if strings.TrimSpace(ses.UUID) == "" || ses.Day.IsZero() {
			return Invalid("sessions[%d]: a session needs a uuid and a day", i)
		}
		if err := ses.Day.CheckYear(); err != nil {
			return Invalid("sessions[%d]: %v", i, err)
		}
		if _, err := ParseSetting(ses.Setting); err != nil {
			return Invalid("sessions[%d]: %v", i, err)
		}
		if _, err := ParseRoute(ses.Route); err != nil {
			return Invalid("sessions[%d]: %v", i, err)
		}
		sessions[ses.ID] = true
	}
	for i, e := range r.Entries {
		if err := ValidateRecord(e); err != nil {
			return Invalid("entries[%d] (%s): %v", i, short(e.UUID), err)
		}
		if e.SessionID != nil && !sessions[*e.SessionID] {
			return Invalid("entries[%d] (%s): session_id %d is not among the sessions", i, short(e.UUID), *e.SessionID)
		}
	}
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
	}
	for i, c := range r.Calls {
		if c.UUID == "" || c.Day.IsZero() {
			return Invalid("calls[%d]: a call needs a uuid and a day", i)
		}
		if err := c.Day.CheckYear(); err != nil {
			return Invalid("calls[%d]: %v", i, err)
		}
	}
	return nil
}

// ValidateRecord checks one entry as a record to import, apart from the
// session it links to (that needs the whole Records).
func ValidateRecord(e Entry) error {
	if strings.TrimSpace(e.UUID) == "" {
		return fmt.Errorf("no uuid")
	}
	if _, err := ParseKind(string(e.Kind)); err != nil {
		return err
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

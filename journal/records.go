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
	var v Checker
	for i, ses := range r.Sessions {
		if err := v.Session(i, ses); err != nil {
			return err
		}
	}
	for i, e := range r.Entries {
		if err := v.Entry(i, e); err != nil {
			return err
		}
	}
	for i, d := range r.DrinkDays {
		if err := v.DrinkDay(i, d); err != nil {
			return err
		}
	}
	for i, c := range r.Calls {
		if err := v.Call(i, c); err != nil {
			return err
		}
	}
	return nil
}

// Checker is Validate one record at a time, for records read as they
// come: it remembers only what the rules across records need (each uuid
// once, a day's drinks once, the sessions entries may link to), a few
// dozen bytes a record. Records are checked in Validate's order (sessions,
// entries, drinking days, calls), i is a record's index in its list, and
// the errors are Validate's. The zero value is ready to use.
type Checker struct {
	sessions map[int64]bool
	ids      map[[16]byte]uint32 // canonical uuids → the record that has it
	other    map[string]uint32   // uuids of any other spelling
	days     map[Date]int
}

// Lists of records, in a Checker's record labels.
const (
	listSessions uint32 = iota
	listEntries
	listCalls
)

var listNames = [...]string{"sessions", "entries", "calls"}

// dup refuses a uuid already seen, naming the record that has it.
func (v *Checker) dup(list uint32, i int, id string) error {
	label := list<<30 | uint32(i)&(1<<30-1)
	if v.ids == nil {
		v.ids, v.other = map[[16]byte]uint32{}, map[string]uint32{}
	}
	var first uint32
	var seen bool
	if k, ok := uuidKey(id); ok {
		if first, seen = v.ids[k]; !seen {
			v.ids[k] = label
		}
	} else if first, seen = v.other[id]; !seen {
		v.other[id] = label
	}
	if seen {
		return Invalid("%s[%d] (%s): the same uuid as %s[%d]: each record needs its own",
			listNames[list], i, short(id), listNames[first>>30], first&(1<<30-1))
	}
	return nil
}

// uuidKey is the 16 bytes of a uuid written in lower-case hex with dashes
// (8-4-4-4-12), as journal writes them; ok is false for any other text,
// which is then kept as it is.
func uuidKey(s string) (k [16]byte, ok bool) {
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return k, false
	}
	j := 0
	for i := 0; i < 36; i += 2 {
		if s[i] == '-' {
			i--
			continue
		}
		hi, ok1 := lowerHex(s[i])
		lo, ok2 := lowerHex(s[i+1])
		if !ok1 || !ok2 {
			return k, false
		}
		k[j] = hi<<4 | lo
		j++
	}
	return k, true
}

func lowerHex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	}
	return 0, false
}

// Session checks the session at index i of its list.
func (v *Checker) Session(i int, ses Session) error {
	what := fmt.Sprintf("sessions[%d]", i)
	if strings.TrimSpace(ses.UUID) == "" || ses.Day.IsZero() {
		return Invalid("%s: a session needs a uuid and a day", what)
	}
	if err := v.dup(listSessions, i, ses.UUID); err != nil {
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
	if v.sessions == nil {
		v.sessions = map[int64]bool{}
	}
	v.sessions[ses.ID] = true
	return nil
}

// Entry checks the entry at index i of its list; the sessions it may link
// to are those checked before it.
func (v *Checker) Entry(i int, e Entry) error {
	if err := ValidateRecord(e); err != nil {
		return Invalid("entries[%d] (%s): %v", i, short(e.UUID), err)
	}
	if err := v.dup(listEntries, i, e.UUID); err != nil {
		return err
	}
	if e.SessionID != nil && !v.sessions[*e.SessionID] {
		return Invalid("entries[%d] (%s): session_id %d is not among the sessions", i, short(e.UUID), *e.SessionID)
	}
	return nil
}

// DrinkDay checks the drinking day at index i of its list.
func (v *Checker) DrinkDay(i int, d DrinkDay) error {
	if d.Day.IsZero() {
		return Invalid("drink_days[%d]: no day", i)
	}
	if err := d.Day.CheckYear(); err != nil {
		return Invalid("drink_days[%d]: %v", i, err)
	}
	if err := ValidateDrinks(d.StandardDrinks); err != nil {
		return Invalid("drink_days[%d] (%s): %v", i, d.Day, err)
	}
	if j, ok := v.days[d.Day]; ok {
		return Invalid("drink_days[%d] (%s): the same day as drink_days[%d]: a day has one total", i, d.Day, j)
	}
	if v.days == nil {
		v.days = map[Date]int{}
	}
	v.days[d.Day] = i
	return nil
}

// Call checks the call at index i of its list.
func (v *Checker) Call(i int, c Call) error {
	what := fmt.Sprintf("calls[%d]", i)
	if c.UUID == "" || c.Day.IsZero() {
		return Invalid("%s: a call needs a uuid and a day", what)
	}
	if err := v.dup(listCalls, i, c.UUID); err != nil {
		return err
	}
	if err := c.Day.CheckYear(); err != nil {
		return Invalid("%s (%s): %v", what, short(c.UUID), err)
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
	for i, e := range r.Entries {
		if err := EntryNotAhead(now, i, e); err != nil {
			return err
		}
	}
	for i, d := range r.DrinkDays {
		if err := DrinkDayNotAhead(now, i, d); err != nil {
			return err
		}
	}
	for i, c := range r.Calls {
		if err := CallNotAhead(now, i, c); err != nil {
			return err
		}
	}
	return nil
}

// EntryNotAhead is ValidateAt's clock rule for the entry at index i.
func EntryNotAhead(now time.Time, i int, e Entry) error {
	if e.OccurredAt.After(now.Add(time.Hour)) {
		return Invalid("entries[%d] (%s): occurred_at %s is in the future: only what already happened is imported",
			i, short(e.UUID), e.OccurredAt.Format(time.RFC3339))
	}
	return nil
}

// DrinkDayNotAhead is ValidateAt's clock rule for the drinking day at index i.
func DrinkDayNotAhead(now time.Time, i int, d DrinkDay) error {
	if d.Day.After(DateOf(now).AddDays(1)) {
		return Invalid("drink_days[%d] (%s): the day is in the future: only days that have begun are imported", i, d.Day)
	}
	return nil
}

// CallNotAhead is ValidateAt's clock rule for the call at index i.
func CallNotAhead(now time.Time, i int, c Call) error {
	if c.Day.After(DateOf(now).AddDays(1)) {
		return Invalid("calls[%d] (%s): the day %s is in the future: only calls that happened are imported", i, short(c.UUID), c.Day)
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

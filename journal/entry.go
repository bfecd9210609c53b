package journal

import (
	"strings"
	"time"
)

// Kind says what an entry records.
type Kind string

const (
	KindNote    Kind = "note"    // free writing
	KindGuided  Kind = "guided"  // answers to a prompt set
	KindCraving Kind = "craving" // an urge log
	KindCheckin Kind = "checkin" // the daily check-in
)

// Kinds lists every kind, in the order help text names them.
var Kinds = []Kind{KindNote, KindGuided, KindCraving, KindCheckin}

// ParseKind checks a --kind value.
func ParseKind(s string) (Kind, error) {
	k := Kind(strings.ToLower(strings.TrimSpace(s)))
	for _, known := range Kinds {
		if k == known {
			return k, nil
		}
	}
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return "", Invalid("unknown kind %s: use one of %s", Quote(s), strings.Join(names, ", "))
}

// Entry is one journal record. Craving and check-in details hang off it.
// The JSON form is what --json prints and exports carry: keep keys stable.
type Entry struct {
	ID         int64      `json:"id"`
	UUID       string     `json:"uuid"`
	Kind       Kind       `json:"kind"`
	Day        Date       `json:"day"`
	OccurredAt time.Time  `json:"occurred_at"`
	Body       string     `json:"body"`
	Tags       []string   `json:"tags"`
	Private    bool       `json:"private"`
	SessionID  *int64     `json:"session_id"`
	PromptSet  string     `json:"prompt_set"`
	Answers    []Answer   `json:"answers"`
	Craving    *Craving   `json:"craving,omitempty"` // kind craving only
	Checkin    *Checkin   `json:"checkin,omitempty"` // kind checkin only
	CreatedAt  time.Time  `json:"created_at"`
	UpdatedAt  time.Time  `json:"updated_at"`
	DeletedAt  *time.Time `json:"deleted_at"`
}

// Answer is one guided question as it was asked, and what was written.
type Answer struct {
	Key      string `json:"key"`
	Question string `json:"question"`
	Answer   string `json:"answer"`
}

// Filter narrows a list of entries. Zero values mean "no limit".
type Filter struct {
	Since, Until Date
	Kind         Kind
	Tag          string
	Limit        int
	Deleted      bool // only soft-deleted entries
}

// TagCount is a tag and how many live entries carry it.
type TagCount struct {
	Tag   string `json:"tag"`
	Count int    `json:"count"`
}

// SearchHit is an entry found by a search, with a snippet around the match.
type SearchHit struct {
	Entry   Entry
	Snippet string
}

// In is e with its times shown in loc (the zone the person is in now): the
// same moments, so what was written abroad or before a clock change reads
// in one zone beside the rest. Day, the calendar day it belongs to, is
// kept as recorded.
func (e Entry) In(loc *time.Location) Entry {
	e.OccurredAt, e.CreatedAt, e.UpdatedAt = e.OccurredAt.In(loc), e.CreatedAt.In(loc), e.UpdatedAt.In(loc)
	if e.DeletedAt != nil {
		d := e.DeletedAt.In(loc)
		e.DeletedAt = &d
	}
	return e
}

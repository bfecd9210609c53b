package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"

	"journal/journal"
)

// jrnlEntry is one entry of `jrnl --export json`. Older jrnl versions
// write a bare list of these, and no "tags" field: the tags are the
// @words of the text.
type jrnlEntry struct {
	Date    string   `json:"date"`
	Time    string   `json:"time"`
	Title   string   `json:"title"`
	Body    string   `json:"body"`
	Tags    []string `json:"tags"`
	Starred bool     `json:"starred"`
}

// jrnlDoc is the shape of `jrnl --export json` since jrnl 2.
type jrnlDoc struct {
	Entries *[]jrnlEntry `json:"entries"`
}

// IsJrnl reports whether b looks like a jrnl JSON export: an object with an
// "entries" array and no "format" key of ours, or (older jrnl) a bare
// array whose first element has a "date".
func IsJrnl(b []byte) bool {
	if t := bytes.TrimSpace(b); len(t) > 0 && t[0] == '[' {
		var probe []map[string]json.RawMessage
		if json.Unmarshal(b, &probe) != nil || len(probe) == 0 {
			return false
		}
		_, ok := probe[0]["date"]
		return ok
	}
	var probe struct {
		Format  *string         `json:"format"`
		Entries json.RawMessage `json:"entries"`
	}
	if json.Unmarshal(b, &probe) != nil {
		return false
	}
	return probe.Format == nil && strings.HasPrefix(strings.TrimSpace(string(probe.Entries)), "[")
}

// atTagRe finds jrnl's @tags: an @ at a word start (so an email address is
// not one), then letters, digits, - or _.
var atTagRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:^|[\s(])@([\p{L}_][\p{L}\p{N}_-]*)`) })

// ReadJrnl turns a jrnl JSON export into free entries dated in loc. The
// title and body become the body; jrnl's tags (the "tags" list and the
// @words of the text) become tags, as do #tags. Every entry is checked
// first: one bad date refuses the whole file, naming it.
func ReadJrnl(b []byte, loc *time.Location) ([]journal.Entry, error) {
	var list []jrnlEntry
	if t := bytes.TrimSpace(b); len(t) > 0 && t[0] == '[' {
		if err := json.Unmarshal(b, &list); err != nil {
			return nil, fmt.Errorf("not a jrnl JSON export: %v", err)
		}
	} else {
		var doc jrnlDoc
		if err := json.Unmarshal(b, &doc); err != nil {
			return nil, fmt.Errorf("not a jrnl JSON export: %v", err)
		}
		if doc.Entries == nil {
			return nil, fmt.Errorf(`not a jrnl JSON export: it has no "entries" list`)
		}
		list = *doc.Entries
	}
	var out []journal.Entry
	for i, je := range list {
		clock := je.Time
		if clock == "" {
			clock = "00:00"
		}
		wall, err := time.Parse("2006-01-02 15:04", je.Date+" "+clock)
		if err != nil {
			return nil, fmt.Errorf("entry %d: date %q and time %q are not like 2024-01-31 and 21:30", i+1, je.Date, je.Time)
		}
		if err := journal.DateOf(wall).CheckYear(); err != nil {
			return nil, fmt.Errorf("entry %d: %v", i+1, err)
		}
		// The wall time in loc, read the way --at reads it across a
		// daylight-saving change.
		at := journal.LocalTime(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), 0, loc)
		body := strings.TrimSpace(strings.TrimSpace(je.Title) + "\n\n" + strings.TrimSpace(je.Body))
		if body == "" {
			continue
		}
		tags := make([]string, 0, len(je.Tags))
		for _, t := range je.Tags {
			tags = append(tags, journal.TagOf(strings.TrimLeft(t, "@#")))
		}
		for _, m := range atTagRe().FindAllStringSubmatch(body, -1) {
			tags = append(tags, m[1])
		}
		if je.Starred {
			tags = append(tags, "starred")
		}
		out = append(out, journal.Entry{
			Kind:       journal.KindNote,
			OccurredAt: at,
			Day:        journal.DateOf(at),
			Body:       body,
			Tags:       journal.MergeTags(tags, journal.HashTags(body)),
		})
	}
	return out, nil
}

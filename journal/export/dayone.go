package export

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	// Day One names each entry's zone; the zone database is built in so
	// the day comes out right on systems without one.
	_ "time/tzdata"

	"journal/journal"
)

// dayOneDoc is the shape of a Day One JSON export (Journal.json, alone or
// inside the export's .zip). Only what a note needs is read.
type dayOneDoc struct {
	Metadata *struct {
		Version string `json:"version"`
	} `json:"metadata"`
	Entries []struct {
		UUID         string    `json:"uuid"`
		Text         string    `json:"text"`
		CreationDate time.Time `json:"creationDate"`
		ModifiedDate time.Time `json:"modifiedDate"`
		TimeZone     string    `json:"timeZone"`
		Tags         []string  `json:"tags"`
		Starred      bool      `json:"starred"`
	} `json:"entries"`
}

// IsZip reports whether b starts like a zip archive.
func IsZip(b []byte) bool { return bytes.HasPrefix(b, []byte("PK\x03\x04")) }

// DayOneJSON returns the journals (*.json files) inside a Day One export
// .zip, by name, in the archive's order. The photos beside them are left.
func DayOneJSON(b []byte) ([]string, [][]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, nil, fmt.Errorf("a damaged .zip: %v", err)
	}
	var names []string
	var files [][]byte
	for _, f := range zr.File {
		if path.Ext(f.Name) != ".json" || strings.Contains(f.Name, "/") || f.FileInfo().IsDir() {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, nil, fmt.Errorf("%s in the .zip: %v", f.Name, err)
		}
		data, err := io.ReadAll(io.LimitReader(rc, 1<<30))
		rc.Close()
		if err != nil {
			return nil, nil, fmt.Errorf("%s in the .zip: %v", f.Name, err)
		}
		names, files = append(names, f.Name), append(files, data)
	}
	if len(files) == 0 {
		return nil, nil, fmt.Errorf("the .zip holds no journal (.json file): export from Day One as JSON")
	}
	return names, files, nil
}

// IsDayOne reports whether b looks like a Day One JSON export: an object
// with "metadata" and an "entries" list whose entries have a creationDate.
func IsDayOne(b []byte) bool {
	var probe struct {
		Metadata json.RawMessage              `json:"metadata"`
		Entries  []map[string]json.RawMessage `json:"entries"`
	}
	if json.Unmarshal(b, &probe) != nil || probe.Metadata == nil {
		return false
	}
	for _, e := range probe.Entries {
		if _, ok := e["creationDate"]; !ok {
			return false
		}
	}
	return true
}

// dayOneImage is a photo, audio or video reference left in the text: the
// file itself is not imported.
var dayOneImage = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`!\[\]\(dayone-moment:/+[^)]*\)`) })

// dayOneEscape is Day One's Markdown escaping (`\.`, `\-`, `\!`): the
// entry is kept as its author typed it.
var dayOneEscape = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile("\\\\([!-/:-@\\[-`{-~])") })

// ReadDayOne turns a Day One JSON export into notes: the text as written,
// at its creation time in the entry's own time zone (else loc), with its
// tags (spaces become -) and "starred". The uuid is Day One's, so
// importing the export again, or a later one, merges by it; the copy
// modified last wins.
func ReadDayOne(b []byte, loc *time.Location) ([]journal.Entry, error) {
	var doc dayOneDoc
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("not a Day One JSON export: %v", err)
	}
	var out []journal.Entry
	for i, de := range doc.Entries {
		if de.CreationDate.IsZero() {
			return nil, fmt.Errorf("entry %d (%s): no creationDate", i+1, de.UUID)
		}
		if strings.TrimSpace(de.UUID) == "" {
			return nil, fmt.Errorf("entry %d: no uuid", i+1)
		}
		body := dayOneImage().ReplaceAllString(de.Text, "")
		body = strings.TrimSpace(dayOneEscape().ReplaceAllString(body, "$1"))
		if body == "" {
			continue // a photo alone
		}
		where := loc
		if de.TimeZone != "" {
			if z, err := time.LoadLocation(de.TimeZone); err == nil {
				where = z
			}
		}
		at := de.CreationDate.In(where).Truncate(time.Second)
		tags := []string{}
		for _, t := range de.Tags {
			t = strings.Join(strings.FieldsFunc(t, func(r rune) bool { return r == ',' || r <= ' ' || r == 0x7f }), "-")
			tags = append(tags, t)
		}
		if de.Starred {
			tags = append(tags, "starred")
		}
		updated := de.ModifiedDate
		if updated.IsZero() || updated.Before(de.CreationDate) {
			updated = de.CreationDate
		}
		out = append(out, journal.Entry{
			UUID:       dayOneUUID(de.UUID),
			Kind:       journal.KindNote,
			OccurredAt: at,
			Day:        journal.DateOf(at),
			Body:       body,
			Tags:       journal.MergeTags(tags, journal.HashTags(body)),
			CreatedAt:  de.CreationDate,
			UpdatedAt:  updated,
		})
	}
	slices.SortStableFunc(out, func(a, b journal.Entry) int { return a.OccurredAt.Compare(b.OccurredAt) })
	return out, nil
}

// dayOneUUID writes Day One's 32 hex digits in the usual uuid form.
func dayOneUUID(id string) string {
	id = strings.ToLower(strings.TrimSpace(id))
	if len(id) != 32 || strings.Trim(id, "0123456789abcdef") != "" {
		return id
	}
	return id[:8] + "-" + id[8:12] + "-" + id[12:16] + "-" + id[16:20] + "-" + id[20:]
}

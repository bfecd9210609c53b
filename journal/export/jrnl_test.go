package export

import (
	"slices"
	"strings"
	"testing"
	"time"
)

const jrnlSample = `{
  "tags": {"@walk": 1},
  "entries": [
    {"date": "2024-03-01", "time": "21:30", "title": "Evening walk.", "body": "It helped @walk", "tags": ["@walk"], "starred": true},
    {"date": "2024-03-02", "time": "", "title": "Short one.", "body": "", "tags": []},
    {"date": "2024-03-03", "time": "08:00", "title": "", "body": "", "tags": []}
  ]
}`

func TestReadJrnl(t *testing.T) {
	if !IsJrnl([]byte(jrnlSample)) {
		t.Fatal("IsJrnl = false for a jrnl export")
	}
	if IsJrnl([]byte(`{"format": "journal-export", "entries": []}`)) {
		t.Error("IsJrnl = true for our own export")
	}
	loc := time.FixedZone("CET", 3600)
	es, err := ReadJrnl([]byte(jrnlSample), loc)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 {
		t.Fatalf("got %d entries, want 2 (the empty one skipped)", len(es))
	}
	if es[0].Body != "Evening walk.\n\nIt helped @walk" || es[0].OccurredAt.Format(time.RFC3339) != "2024-03-01T21:30:00+01:00" {
		t.Errorf("first entry = %q at %s", es[0].Body, es[0].OccurredAt)
	}
	if !slices.Equal(es[0].Tags, []string{"starred", "walk"}) {
		t.Errorf("tags = %q", es[0].Tags)
	}
	if es[1].Day.String() != "2024-03-02" || es[1].Body != "Short one." {
		t.Errorf("second entry = %+v", es[1])
	}
}

func TestReadJrnlRefusesABadDate(t *testing.T) {
	bad := strings.Replace(jrnlSample, `"2024-03-02"`, `"March 2nd"`, 1)
	_, err := ReadJrnl([]byte(bad), time.UTC)
	if err == nil || !strings.Contains(err.Error(), "entry 2:") {
		t.Errorf("err = %v, want entry 2 named", err)
	}
	if _, err := ReadJrnl([]byte(`{"entries": `), time.UTC); err == nil {
		t.Error("broken JSON accepted")
	}
}

// An older jrnl writes a bare list and no "tags": the @words are the tags.
func TestReadOlderJrnl(t *testing.T) {
	old := `[
  {"date": "2016-05-01", "time": "07:15", "title": "Slept well @sleep.", "body": "Mail me@example.com about (@work) later", "starred": false}
]`
	if !IsJrnl([]byte(old)) {
		t.Fatal("IsJrnl = false for an older jrnl export")
	}
	if IsJrnl([]byte(`[1, 2]`)) || IsJrnl([]byte(`[]`)) {
		t.Error("IsJrnl = true for a list that is not jrnl's")
	}
	es, err := ReadJrnl([]byte(old), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 1 || !slices.Equal(es[0].Tags, []string{"sleep", "work"}) {
		t.Errorf("entries = %+v, want one with tags sleep and work (not example.com)", es)
	}
}

package storage

import (
	"context"
	"reflect"
	"testing"
	"time"

	"journal/journal"
)

// TestStreamRecordsKeepsCravingWords: a craving's triggers, feelings and
// coping come out of the export's read as they went in, whatever they
// hold (colons, digits, accents, spaces), in the order Records gives, and
// a craving with no lists has empty ones.
func TestStreamRecordsKeepsCravingWords(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	at := time.Date(2026, 11, 20, 21, 30, 0, 0, time.UTC)
	for i, c := range []journal.Craving{
		{Intensity: 7, Triggers: []string{"3:ab", "12:", "stress", "café au lait"}, Feelings: []string{"::", "1"},
			Coping: []string{"walk", "call 2: sam"}, Outcome: "resisted"},
		{Intensity: 2},
	} {
		e := &journal.Entry{Kind: journal.KindCraving, OccurredAt: at.Add(time.Duration(i) * time.Minute), Craving: &c}
		if err := s.AddCraving(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	want, _, err := s.Records(ctx, RecordFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []journal.Entry
	if _, err := s.StreamRecords(ctx, RecordFilter{}, func(_ journal.Records, each func(func(journal.Entry) error) error) error {
		return each(func(e journal.Entry) error { got = append(got, e); return nil })
	}); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want.Entries) {
		t.Fatalf("streamed\n%+v\nwant\n%+v", got, want.Entries)
	}
	if c := got[0].Craving; len(c.Triggers) != 4 || c.Triggers[0] != "12:" || len(c.Feelings) != 2 {
		t.Errorf("first craving's words: %q %q %q", c.Triggers, c.Feelings, c.Coping)
	}
	if c := got[1].Craving; c.Triggers == nil || len(c.Triggers)+len(c.Feelings)+len(c.Coping) != 0 {
		t.Errorf("second craving's lists: %#v %#v %#v, want empty", c.Triggers, c.Feelings, c.Coping)
	}
}

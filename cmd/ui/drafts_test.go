package ui

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Answers are written to a private file as they change; clearing every
// answer removes the draft instead of keeping an empty one to offer.
func TestKeeperFollowsTheAnswers(t *testing.T) {
	d := Drafts{Dir: filepath.Join(t.TempDir(), "j.db-drafts")}
	now := time.Date(2026, 11, 29, 19, 40, 0, 0, time.UTC)
	var a struct {
		Intensity string `json:",omitempty"`
	}
	k := &Keeper{Drafts: d, Key: "craving", Began: now, Now: func() time.Time { return now }, Answers: &a}
	k.Start()
	k.Changed()
	if _, ok, _ := d.Load("craving"); ok {
		t.Fatal("a draft was written before anything was typed")
	}
	a.Intensity = "8"
	k.Changed()
	dr, ok, err := d.Load("craving")
	if err != nil || !ok || string(dr.Data) != `{"Intensity":"8"}` || !dr.Began.Equal(now) {
		t.Fatalf("draft %+v %v %v", dr, ok, err)
	}
	fi, err := os.Stat(d.Path("craving"))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("draft file mode %v, %v; want 0600", fi.Mode(), err)
	}
	a.Intensity = ""
	k.Changed()
	if _, ok, _ := d.Load("craving"); ok {
		t.Error("clearing every answer kept an empty draft")
	}
}

// Typing fast writes the draft at most every keepEvery, never once a key:
// the first change at once, the latest soon after, and all of it on Flush.
func TestKeeperWritesAtMostEveryFewHundredMilliseconds(t *testing.T) {
	d := Drafts{Dir: filepath.Join(t.TempDir(), "j.db-drafts")}
	now := time.Date(2026, 11, 29, 19, 40, 0, 0, time.UTC)
	var a struct {
		Text string `json:",omitempty"`
	}
	k := &Keeper{Drafts: d, Key: "write", Began: now, Now: func() time.Time { return now }, Answers: &a}
	k.Start()
	held := func() string {
		dr, _, _ := d.Load("write")
		return string(dr.Data)
	}
	a.Text = "a"
	k.Changed()
	if got := held(); got != `{"Text":"a"}` {
		t.Fatalf("first change not written at once: %s", got)
	}
	a.Text = "ab"
	k.Changed()
	if got := held(); got != `{"Text":"a"}` {
		t.Errorf("a second key at once wrote the draft again: %s", got)
	}
	k.Flush()
	if got := held(); got != `{"Text":"ab"}` {
		t.Errorf("Flush did not write what waited: %s", got)
	}
	a.Text = "abc"
	k.Changed()
	deadline := time.Now().Add(2 * time.Second)
	for held() != `{"Text":"abc"}` && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := held(); got != `{"Text":"abc"}` {
		t.Errorf("the latest change was never written: %s", got)
	}
}

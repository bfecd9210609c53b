package cmd

import "testing"

// Each kind of draft names the command that picks it up.
func TestDraftCommandNamesTheCommand(t *testing.T) {
	for key, want := range map[string]string{
		"craving":            "journal craving",
		"checkin-2026-11-28": "journal checkin --date 2026-11-28",
		"guide-reflection":   "journal guide reflection",
		"measure-phq9":       "journal measure phq9",
		"edit-12":            "journal edit 12",
		"write":              "journal write",
	} {
		if _, got := draftCommand(key); got != want {
			t.Errorf("draftCommand(%q) = %q, want %q", key, got, want)
		}
	}
}

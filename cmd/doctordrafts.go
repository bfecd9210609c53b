package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"journal/cmd/ui"
	"journal/storage"
)

// draftFindings looks at the drafts folder beside the journal: each draft
// left behind is a note saying how to pick it up, and a draft or folder
// others can read is a permissions finding that --repair fixes.
func draftFindings(d ui.Drafts) []storage.Finding {
	var out []storage.Finding
	var loose []string
	if fi, err := os.Stat(d.Dir); err == nil && fi.Mode().Perm()&0o077 != 0 {
		loose = append(loose, d.Dir)
	}
	names, _ := filepath.Glob(filepath.Join(d.Dir, "*.json"))
	for _, p := range names {
		if fi, err := os.Stat(p); err == nil && fi.Mode().Perm()&0o077 != 0 {
			loose = append(loose, p)
		}
		key := strings.TrimSuffix(filepath.Base(p), ".json")
		what, again := draftCommand(key)
		dr, ok, err := d.Load(key)
		switch {
		case err != nil:
			out = append(out, storage.Finding{Kind: storage.FindingDrafts, Files: []string{p}, Count: 1,
				Problem: fmt.Sprintf("a draft of %s cannot be read", what),
				Fix:     "move it aside; " + again + " then starts fresh"})
		case ok:
			out = append(out, storage.Finding{Kind: storage.FindingDrafts, Files: []string{p}, Count: 1, Note: true,
				Problem: fmt.Sprintf("unfinished answers to %s from %s are kept as a draft", what, dr.Saved.Format("2006-01-02 15:04")),
				Fix:     again + " picks them up, or starts fresh"})
		}
	}
	if len(loose) > 0 {
		out = append(out, storage.Finding{Kind: storage.FindingPermissions, Files: loose, Count: len(loose), Repair: true,
			Problem: "other people on this computer can read your drafts",
			Fix:     "journal doctor --repair makes them private (files 0600, folders 0700)"})
	}
	return out
}

// draftCommand names what a draft key holds and the command that resumes it.
func draftCommand(key string) (what, again string) {
	switch {
	case key == cravingDraftKey:
		return "the craving form", "journal craving"
	case strings.HasPrefix(key, checkinDraftKey):
		day := strings.TrimPrefix(key, checkinDraftKey)
		return "the check-in of " + day, "journal checkin --date " + day
	case strings.HasPrefix(key, "guide-"):
		set := strings.TrimPrefix(key, "guide-")
		return "the prompt set " + set, "journal guide " + set
	case strings.HasPrefix(key, "measure-"):
		q := strings.TrimPrefix(key, "measure-")
		return "the questionnaire " + q, "journal measure " + q
	case strings.HasPrefix(key, "edit-"):
		id := strings.TrimPrefix(key, "edit-")
		return "your changes to entry " + id, "journal edit " + id
	}
	return key, "journal " + key
}

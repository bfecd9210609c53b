package cmd

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"journal/journal"
	"journal/storage"
)

type doctorOptions struct {
	repair  bool
	salvage bool
	json    bool
}

func newCmdDoctor(f *Factory) *cobra.Command {
	var o doctorOptions
	c := &cobra.Command{
		Use:   "doctor",
		Short: "Check the journal file, and repair what is safe to",
		Long: `Check the journal file: that it is whole, that records point to records that
are there, that search and the craving figures match your records, that no
one else can read it, and look for temporary copies left behind, records
dated after today and unfinished drafts. Each finding says what to do.

--repair fixes what is safe: it rebuilds the search index and the craving
figures, makes the files private and removes stale temporary copies. It never
deletes a record. A damaged file is not written to: --salvage copies what can
still be read into a new journal beside it, which journal restore can then
put in its place.

Exits 0 when all is well, 1 when something needs a look.`,
		Example: `  journal doctor
  journal doctor --repair
  journal doctor --salvage
  journal doctor --json`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error { return doctorRun(c, f, &o) },
	}
	fl := c.Flags()
	fl.BoolVar(&o.repair, "repair", false, "fix what is safe to fix (never deletes a record)")
	fl.BoolVar(&o.salvage, "salvage", false, "copy what can be read from a damaged journal into a new one beside it")
	fl.BoolVar(&o.json, "json", false, "print the findings as JSON")
	return c
}

// doctorReport is what doctor --json prints.
type doctorReport struct {
	Path       string                 `json:"path"`
	Healthy    bool                   `json:"healthy"`
	Findings   []storage.Finding      `json:"findings"`
	Salvaged   *storage.SalvageResult `json:"salvaged,omitempty"`
	SalvagedTo string                 `json:"salvaged_to,omitempty"`
}

func doctorRun(c *cobra.Command, f *Factory, o *doctorOptions) error {
	ctx := c.Context()
	// doctor reads the file itself and never opens it as the other
	// commands do: that would change a damaged file or an old schema.
	path, err := f.dbPath()
	if err != nil {
		return err
	}
	now := f.Now()
	if storage.IsEncrypted(path) {
		protectMemory()
	}
	findings, err := storage.DiagnoseWith(ctx, path, now, f.unlock(path))
	if err != nil {
		return openError(path, err)
	}
	if drafts, err := f.Drafts(); err == nil {
		findings = append(findings, draftFindings(drafts)...)
	}
	if o.repair {
		if err := storage.RepairWith(ctx, path, findings, f.unlock(path)); err != nil {
			return openError(path, err)
		}
	}
	rep := doctorReport{Path: path, Findings: findings}
	if rep.Findings == nil {
		rep.Findings = []storage.Finding{}
	}
	if o.salvage {
		if err := f.mustExist(); err != nil {
			return err
		}
		if storage.IsEncrypted(path) {
			// age checks every chunk: a damaged encrypted file has no
			// readable part to copy.
			return fmt.Errorf("%s is encrypted, and an encrypted file is read whole or not at all, so --salvage cannot copy part of it: journal restore FILE puts back a backup", path)
		}
		base := strings.TrimSuffix(path, filepath.Ext(path))
		dest := base + "-salvaged-" + now.Format("2006-01-02-150405") + ".db"
		res, err := storage.Salvage(ctx, path, dest, f.Now)
		if err != nil {
			return err
		}
		rep.Salvaged, rep.SalvagedTo = &res, dest
	}
	rep.Healthy = storage.Healthy(findings)
	if o.json {
		enc := json.NewEncoder(f.IO.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		printDoctor(f, rep)
	}
	if rep.Healthy {
		return nil
	}
	return doctorFailure(findings)
}

func printDoctor(f *Factory, rep doctorReport) {
	w := f.IO.Out
	var problems, notes []storage.Finding
	for _, fd := range rep.Findings {
		if fd.Note {
			notes = append(notes, fd)
		} else {
			problems = append(problems, fd)
		}
	}
	if len(problems) == 0 {
		fmt.Fprintf(w, "Your journal looks healthy: %s\n", rep.Path)
	} else {
		fmt.Fprintf(w, "Checked %s:\n", rep.Path)
	}
	for _, fd := range problems {
		if fd.Repaired {
			fmt.Fprintf(w, "  repaired: %s\n", fd.Problem)
			continue
		}
		fmt.Fprintf(w, "  - %s\n    what to do: %s\n", fd.Problem, fd.Fix)
		for _, p := range fd.Files {
			fmt.Fprintf(w, "    %s\n", p)
		}
	}
	if len(notes) > 0 {
		fmt.Fprintln(w, "Good to know:")
		for _, fd := range notes {
			fmt.Fprintf(w, "  - %s: %s\n", fd.Problem, fd.Fix)
		}
	}
	if s := rep.Salvaged; s != nil {
		total := 0
		for _, n := range s.Rows {
			total += n
		}
		fmt.Fprintf(w, "Salvaged %s (%s, %s, %s) into %s.\n", journal.Plural(total, "row", "rows"),
			journal.Plural(s.Rows["entries"], "entry", "entries"), journal.Plural(s.Rows["drink_days"], "drinking-diary day", "drinking-diary days"),
			journal.Plural(s.Rows["sessions"], "session", "sessions"), rep.SalvagedTo)
		if s.Orphans > 0 {
			fmt.Fprintf(w, "Left out %s whose entry could not be read.\n", journal.Plural(s.Orphans, "detail", "details"))
		}
		if len(s.Unreadable) > 0 {
			fmt.Fprintf(w, "Could not read at all: %s.\n", strings.Join(s.Unreadable, ", "))
		}
		fmt.Fprintf(w, "Look at it with journal --db %s list; to use it instead: journal restore %s\n", rep.SalvagedTo, rep.SalvagedTo)
	}
}

// doctorFailure is the one line doctor ends with when something needs a
// look; it is not bad input, so the exit code is 1.
func doctorFailure(findings []storage.Finding) error {
	open, repairable := 0, 0
	for _, fd := range findings {
		if fd.Note || fd.Repaired {
			continue
		}
		open++
		if fd.Repair {
			repairable++
		}
	}
	msg := fmt.Sprintf("doctor found %s to look at", journal.Plural(open, "thing", "things"))
	switch {
	case repairable == 0:
		msg += ": see what to do above"
	case repairable == open && open == 1:
		msg += ": journal doctor --repair fixes it"
	case repairable == open:
		msg += ": journal doctor --repair fixes them"
	default:
		msg += fmt.Sprintf(": journal doctor --repair fixes %d of them", repairable)
	}
	return errors.New(msg)
}

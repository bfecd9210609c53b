package cmd

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Day One exports a .zip: one JSON file per journal, photos beside them.
func TestImportDayOneZip(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "Export - Journal.zip")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for file, body := range map[string]string{
		"Journal.json": `{"metadata": {"version": "1.0"}, "entries": [
			{"uuid": "0F5B7C6E1D2A4B3C8D9E0A1B2C3D4E5F", "creationDate": "2026-11-02T08:30:00Z", "timeZone": "Europe/Paris",
			 "text": "Walked by the river\\.", "tags": ["Evening Walks"], "starred": false}]}`,
		"Dreams.json": `{"metadata": {"version": "1.0"}, "entries": [
			{"uuid": "1A2B3C4D5E6F70819A2B3C4D5E6F7081", "creationDate": "2026-11-03T06:00:00Z", "text": "A dream about the sea", "tags": []}]}`,
		"photos/4C2A1B9E8D7F6A5B4C3D2E1F0A9B8C7D.jpeg": "not really a photo",
	} {
		w, err := zw.Create(file)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	out := mustShare(t, dir, "import", name)
	if !strings.Contains(out, "(Day One export): 2 added, 0 updated, 0 already here.") {
		t.Errorf("import said:\n%s", out)
	}
	list := mustShare(t, dir, "list", "--json")
	for _, want := range []string{`"body": "Walked by the river."`, `"evening-walks"`, `"A dream about the sea"`} {
		if !strings.Contains(list, want) {
			t.Errorf("list lacks %s:\n%s", want, list)
		}
	}
	// The time is kept in Day One's zone (list shows it in the current one).
	if exp := mustShare(t, dir, "export", "--format", "json"); !strings.Contains(exp, `"occurred_at": "2026-11-02T09:30:00+01:00"`) {
		t.Errorf("export lacks the time in Paris:\n%s", exp)
	}
	// The same .zip again adds nothing.
	if out := mustShare(t, dir, "import", name); !strings.Contains(out, "0 added, 0 updated, 2 already here") {
		t.Errorf("second import said:\n%s", out)
	}

	// A .zip without a journal in it is refused, saying what to do.
	empty := filepath.Join(dir, "photos.zip")
	ef, _ := os.Create(empty)
	ezw := zip.NewWriter(ef)
	w, _ := ezw.Create("photos/a.jpeg")
	w.Write([]byte("x"))
	ezw.Close()
	ef.Close()
	_, errOut, code := share(t, dir, nil, "import", empty)
	if code != 2 || !strings.Contains(errOut, "the .zip holds no journal (.json file): export from Day One as JSON") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

package cmd

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// FuzzConfigFile checks config.toml as people edit it by hand: never a
// panic; a refused file is named in the message; an accepted one holds
// valid settings that survive being saved by "config set" and read back.
func FuzzConfigFile(f *testing.F) {
	for _, s := range []string{
		"", "standard_drink_grams = 8\n", "standard_drink_grams = 13.45\nheavy_drinking_threshold = 5\n",
		"high_craving_threshold = 7\ncoping_plan = \"Drink water\\nText Sam\"\nsupport_contacts = [\"Sam 07700 900123\", 'Ana \"the calm one\"']\n",
		"coping_plan = '''\nWait 20 minutes\n- walk\n'''\n", "standard_drink_grams = \"eight\"\n", "colour = \"blue\"\n",
		"[section]\nx = 1\n", "high_craving_threshold = 7.5\n", "support_contacts = \"Sam\"\n", "standard_drink_grams = 1e1\n",
		"standard_drink_grams = inf\n", "auto_backup = false\nbackups_kept = 3\nheavy_day_grams = 70\n", "AUTO_BACKUP = true\n", "heavy_drinking_threshold = 0.001\n", "coping_plan = \"tab\\there \\u001b[2J\"\n",
	} {
		f.Add([]byte(s))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		ff, _, _ := testFactory(map[string]string{"XDG_CONFIG_HOME": dir})
		path, err := ff.configFile()
		if err != nil {
			t.Fatal(err)
		}
		if err := mkdirConfig(filepath.Dir(path)); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		lc, err := ff.loadConfig()
		if err != nil {
			if !strings.Contains(err.Error(), path) {
				t.Fatalf("the error does not name the file: %v", err)
			}
			return
		}
		if err := lc.Validate(); err != nil {
			t.Fatalf("accepted settings that do not validate: %v\n%s", err, data)
		}
		if err := lc.save(); err != nil {
			t.Fatal(err)
		}
		again, err := ff.loadConfig()
		if err != nil {
			saved, _ := os.ReadFile(path)
			t.Fatalf("the saved file is refused: %v\nread:\n%s\nsaved:\n%s", err, data, saved)
		}
		if !reflect.DeepEqual(again.Config, lc.Config) || !reflect.DeepEqual(again.defined, lc.defined) {
			saved, _ := os.ReadFile(path)
			t.Fatalf("saving changed the settings:\n%+v %v\n%+v %v\nread:\n%s\nsaved:\n%s", lc.Config, lc.defined, again.Config, again.defined, data, saved)
		}
	})
}

package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"

	"journal/journal"
)

// configFile is $XDG_CONFIG_HOME/journal/config.toml.
func (f *Factory) configFile() (string, error) {
	dir, err := f.ConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "config.toml"), nil
}

// loadedConfig is the config with the keys the file sets.
type loadedConfig struct {
	journal.Config
	path    string
	defined map[string]bool
}

// Config reads config.toml; a missing file gives the defaults. Only the
// commands that need a setting call it, so a broken file stops only them.
func (f *Factory) Config() (journal.Config, error) {
	lc, err := f.loadConfig()
	return lc.Config, err
}

func (f *Factory) loadConfig() (loadedConfig, error) {
	lc := loadedConfig{Config: journal.DefaultConfig(), defined: map[string]bool{}}
	path, err := f.configFile()
	if err != nil {
		return lc, err
	}
	lc.path = path
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return lc, nil
	}
	if err != nil {
		return lc, fmt.Errorf("cannot read the config file %s: %w", path, configPathErr(err))
	}
	md, err := toml.Decode(string(data), &lc.Config)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return lc, fmt.Errorf("config file %s, line %d: %s: fix that line, or move the file away to use the defaults", path, pe.Position.Line, pe.Message)
		}
		if msg, ok := wrongKind(err); ok {
			return lc, fmt.Errorf("config file %s, %s: fix that line, or move the file away to use the defaults", path, msg)
		}
		return lc, fmt.Errorf("config file %s: %s: fix that line, or move the file away to use the defaults", path, strings.TrimPrefix(err.Error(), "toml: "))
	}
	if und := md.Undecoded(); len(und) > 0 {
		key := und[0].String()
		return lc, fmt.Errorf("config file %s%s: unknown key %s: the keys are %s", path, lineOf(data, und[0][0]), journal.Quote(key), keyNames())
	}
	// The decoder matches keys whatever their case (High_Craving_Threshold
	// sets high_craving_threshold), so record the setting by its own name:
	// a later save must keep it.
	for _, k := range md.Keys() {
		for _, ck := range journal.ConfigKeys() {
			if strings.EqualFold(ck.Name, k.String()) {
				lc.defined[ck.Name] = true
			}
		}
	}
	// MigrateHeavy takes 0 for "not set"; written in the file, 0 is a value
	// out of range, refused like any other rather than dropped unsaid.
	if lc.defined["heavy_drinking_threshold"] && lc.HeavyDrinkingThreshold == 0 && !lc.defined["heavy_day_grams"] {
		k, _ := journal.LookupConfigKey("heavy_drinking_threshold")
		tmp := lc.Config
		if err := k.Set(&tmp, []string{"0"}); err != nil {
			return lc, fmt.Errorf("config file %s%s: %v", path, lineOf(data, k.Name), err)
		}
	}
	// An older threshold in drinks keeps the grams it meant with this
	// file's drink size; the next save writes it as heavy_day_grams.
	migrated, err := lc.MigrateHeavy(lc.defined["heavy_day_grams"])
	if err != nil {
		var ve *journal.ConfigValueError
		errors.As(err, &ve)
		return lc, fmt.Errorf("config file %s%s: %v", path, lineOf(data, ve.Key), ve.Err)
	}
	if migrated {
		delete(lc.defined, "heavy_drinking_threshold")
		lc.defined["heavy_day_grams"] = true
	}
	if lc.SupportContacts == nil {
		lc.SupportContacts = []string{}
	}
	if lc.CrisisContacts == nil {
		lc.CrisisContacts = []string{}
	}
	if err := lc.Validate(); err != nil {
		var ve *journal.ConfigValueError
		if errors.As(err, &ve) {
			return lc, fmt.Errorf("config file %s%s: %v", path, lineOf(data, ve.Key), ve.Err)
		}
		return lc, fmt.Errorf("config file %s: %v", path, err)
	}
	return lc, nil
}

// wrongKind words the decoder's wrong-type error ("incompatible types: TOML
// value has type string; destination has type float") as what the key
// takes. The line is only in the error's text.
func wrongKind(err error) (string, bool) {
	m := regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): incompatible types: .*destination has type (\w+)`).FindStringSubmatch(err.Error())
	if m == nil {
		return "", false
	}
	k, kerr := journal.LookupConfigKey(m[2])
	if kerr != nil {
		return "", false
	}
	takes := k.Allowed
	if m[3] == "slice" {
		takes = fmt.Sprintf(`a list of text in quotes, like %s = ["first", "second"]`, k.Name)
	}
	return fmt.Sprintf("line %s: %s has the wrong kind of value: it takes %s", m[1], k.Name, takes), true
}

// lineOf finds the line where key is set, as ", line N", or "".
func lineOf(data []byte, key string) string {
	re := regexp.MustCompile(`^\s*(\[\s*)?"?` + regexp.QuoteMeta(key) + `"?\s*[=\]]`)
	for i, l := range bytes.Split(data, []byte("\n")) {
		if re.Match(l) {
			return fmt.Sprintf(", line %d", i+1)
		}
	}
	return ""
}

func keyNames() string {
	var names []string
	for _, k := range journal.ConfigKeys() {
		names = append(names, k.Name)
	}
	return strings.Join(names, ", ")
}

const configHeader = `# journal settings. Edit with "journal config set KEY VALUE", or by hand.
# See "journal config list" for every key and its value.
`

// updateConfig changes config.toml as one step: under the lock beside it
// (config.toml.lock) it reads the file, lets change alter it, and saves it
// whole, so commands changing settings at the same time never undo each
// other. When change or the save fails, the file is left as it was.
func (f *Factory) updateConfig(change func(*loadedConfig) error) (loadedConfig, error) {
	path, err := f.configFile()
	if err != nil {
		return loadedConfig{}, err
	}
	if err := mkdirConfig(filepath.Dir(path)); err != nil {
		return loadedConfig{}, err
	}
	unlock, err := lockFile(path + ".lock")
	if errors.Is(err, errLockBusy) {
		return loadedConfig{}, fmt.Errorf("cannot change the config file %s: %v: try again in a moment", path, err)
	}
	if err != nil {
		return loadedConfig{}, fmt.Errorf("cannot change the config file %s: %w", path, configPathErr(err))
	}
	defer unlock()
	lc, err := f.loadConfig()
	if err != nil {
		return lc, err
	}
	if err := change(&lc); err != nil {
		return lc, err
	}
	return lc, lc.save()
}

// save writes the keys the file sets (and those just set), private to the
// person (0600), through writeFileAtomic: a failed write leaves the old file
// whole. Callers hold the config lock (see updateConfig).
func (lc *loadedConfig) save() error {
	var b bytes.Buffer
	b.WriteString(configHeader)
	for _, k := range journal.ConfigKeys() {
		if !lc.defined[k.Name] || k.SavedAs != "" {
			continue
		}
		b.WriteString(tomlLine(k, lc.Config))
	}
	err := writeFileAtomic(lc.path, func(w io.Writer) error {
		_, err := w.Write(b.Bytes())
		return err
	})
	if err != nil {
		return fmt.Errorf("%v: your settings are as they were; check that the disk has room and the folder can be written, then try again", err)
	}
	return nil
}

// tomlLine renders one key as a TOML line.
func tomlLine(k journal.ConfigKey, c journal.Config) string {
	var v any
	switch k.Name {
	case "standard_drink_grams", "heavy_day_grams":
		// 14, not 14.0: TOML reads a whole number into a float setting.
		return fmt.Sprintf("%s = %s\n", k.Name, k.Get(c)[0])
	case "high_craving_threshold":
		v = c.HighCravingThreshold
	case "coping_plan":
		v = c.CopingPlan
	case "support_contacts":
		v = c.SupportContacts
	case "auto_backup":
		v = c.AutoBackup
	case "backups_kept":
		v = c.BackupsKept
	case "crisis_contacts":
		v = c.CrisisContacts
	case "measure_every_days":
		v = c.MeasureEveryDays
	default:
		v = strings.Join(k.Get(c), "\n")
	}
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(map[string]any{k.Name: v}); err != nil {
		return fmt.Sprintf("# %s: %v\n", k.Name, err)
	}
	return b.String()
}

// mkdirConfig makes dir (and missing parents) with mode 0700.
func mkdirConfig(dir string) error {
	if fi, err := os.Stat(dir); err == nil {
		if !fi.IsDir() {
			return fmt.Errorf("cannot use %s for settings: it is a file, not a folder", dir)
		}
		return nil
	}
	if err := mkdirConfig(filepath.Dir(dir)); err != nil {
		return err
	}
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("cannot create folder %s: %w", dir, configPathErr(err))
	}
	return os.Chmod(dir, 0o700)
}

func configPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

package journal

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Config is what the person can set in config.toml. The zero value is not
// useful: start from DefaultConfig.
type Config struct {
	// StandardDrinkGrams is grams of ethanol in one standard drink: US 14,
	// UK unit 8, Australia/NZ 10, Canada 13.45.
	StandardDrinkGrams float64 `toml:"standard_drink_grams" json:"standard_drink_grams"`
	// HeavyDayGrams: a day with at least this many grams of alcohol is a
	// heavy drinking day. 56 g is the NIAAA/FDA level for women (4 US
	// standard drinks), 70 g the level for men (5).
	HeavyDayGrams float64 `toml:"heavy_day_grams" json:"heavy_day_grams"`
	// HeavyDrinkingThreshold is the older setting, in drinks of the size
	// configured when it was set. It is read from old files only, and
	// turned into HeavyDayGrams by MigrateHeavy; it is never written.
	HeavyDrinkingThreshold float64 `toml:"heavy_drinking_threshold" json:"-"`
	// HighCravingThreshold: a craving this strong or stronger brings up the
	// coping plan and support contacts.
	HighCravingThreshold int `toml:"high_craving_threshold" json:"high_craving_threshold"`
	// CopingPlan is a few lines the person wrote for hard moments.
	CopingPlan string `toml:"coping_plan" json:"coping_plan"`
	// SupportContacts are people to reach, one a line, like "Sam 07700 900123".
	SupportContacts []string `toml:"support_contacts" json:"support_contacts"`
	// LockAfter is how long an encrypted journal's key stays cached after
	// its passphrase was given, as a Go duration ("15m"); "0" caches nothing.
	LockAfter string `toml:"lock_after" json:"lock_after"`
	// PassphraseCommand is run by sh to print an encrypted journal's
	// passphrase (its first line), for scripts, like "pass show journal".
	PassphraseCommand string `toml:"passphrase_command" json:"passphrase_command"`
	// AutoBackup makes a copy in the backups folder on the first use of
	// each day.
	AutoBackup bool `toml:"auto_backup" json:"auto_backup"`
	// BackupsKept is how many backups the backups folder keeps, newest
	// first.
	BackupsKept int `toml:"backups_kept" json:"backups_kept"`
	// CrisisContacts are the lines to call in a crisis, shown after a PHQ-9
	// whose item 9 is answered above 0. Empty: DefaultCrisisContacts.
	CrisisContacts []string `toml:"crisis_contacts" json:"crisis_contacts"`
	// MeasureEveryDays is how often the home screen says a questionnaire
	// is due, in days since it was last done; 0 never says so.
	MeasureEveryDays int `toml:"measure_every_days" json:"measure_every_days"`
}

// DefaultCrisisContacts are shown until crisis_contacts is set: the
// well-known free lines by country, and the local emergency number.
var DefaultCrisisContacts = []string{
	"US: call or text 988 (988 Suicide & Crisis Lifeline)",
	"UK and Ireland: call 116 123 (Samaritans)",
	"Australia: call 13 11 14 (Lifeline)",
	"Anywhere: your local emergency number",
}

// KeyCacheTime is LockAfter as a duration.
func (c Config) KeyCacheTime() time.Duration {
	d, err := parseLockAfter(c.LockAfter)
	if err != nil {
		return defaultLockAfter
	}
	return d
}

const (
	defaultLockAfter = 15 * time.Minute
	maxLockAfter     = 24 * time.Hour
	maxCommandLen    = 1000
)

func parseLockAfter(v string) (time.Duration, error) {
	v = strings.TrimSpace(v)
	if v == "0" {
		return 0, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 || d > maxLockAfter {
		return 0, errBadValue
	}
	return d, nil
}

// DefaultConfig is the config with nothing set.
func DefaultConfig() Config {
	return Config{
		StandardDrinkGrams:   14,
		HeavyDayGrams:        56,
		HighCravingThreshold: 8,
		SupportContacts:      []string{},
		LockAfter:            "15m",
		AutoBackup:           true,
		BackupsKept:          10,
		CrisisContacts:       []string{},
		MeasureEveryDays:     14,
	}
}

// ConfigKey describes one setting.
type ConfigKey struct {
	Name    string
	Help    string // one line
	Allowed string // the allowed values, as error messages name them
	List    bool   // takes several values
	// SavedAs is the key a value set here is written under, when it is
	// another one: heavy_drinking_threshold is saved as heavy_day_grams.
	SavedAs string
	get     func(*Config) []string
	set     func(*Config, []string) error
}

const (
	maxPlanLen     = 4000
	maxContacts    = 20
	maxContactLen  = 200
	minDrinkGrams  = 1
	maxDrinkGrams  = 50
	maxHeavyDrinks = MaxDrinksPerDay
	minHeavyGrams  = 1
	maxHeavyGrams  = 840 // 60 US standard drinks
	maxBackupsKept = 1000
)

// ConfigKeys lists every setting, in the order config list prints them.
func ConfigKeys() []ConfigKey {
	return []ConfigKey{
		{
			Name: "standard_drink_grams",
			Help: "grams of alcohol in one standard drink: US 14, UK unit 8, Australia/NZ 10, Canada 13.45; " +
				"changing it converts the days already recorded, so each keeps its grams of alcohol",
			Allowed: fmt.Sprintf("a number of grams from %d to %d, like 14 (US), 8 (UK), 10 (Australia/NZ) or 13.45 (Canada)", minDrinkGrams, maxDrinkGrams),
			get:     func(c *Config) []string { return []string{FormatNumber(c.StandardDrinkGrams)} },
			set: func(c *Config, v []string) error {
				n, err := parseNumber(one(v))
				if err != nil || n < minDrinkGrams || n > maxDrinkGrams {
					return errBadValue
				}
				c.StandardDrinkGrams = round2(n)
				return nil
			},
		},
		{
			Name: "heavy_day_grams",
			Help: "grams of alcohol in a day at which the day counts as a heavy drinking day: " +
				"56 (4 US standard drinks, the NIAAA/FDA level for women) or 70 (5, the level for men)",
			Allowed: fmt.Sprintf("a number of grams from %d to %d, like 56 or 70", minHeavyGrams, maxHeavyGrams),
			get:     func(c *Config) []string { return []string{FormatNumber(c.HeavyDayGrams)} },
			set: func(c *Config, v []string) error {
				n, err := parseNumber(one(v))
				if err != nil || n < minHeavyGrams || n > maxHeavyGrams {
					return errBadValue
				}
				c.HeavyDayGrams = round2(n)
				return nil
			},
		},
		{
			Name: "heavy_drinking_threshold",
			Help: "the same level in standard drinks of the size set now; " +
				"it is kept as heavy_day_grams, so changing the drink size later does not move it",
			Allowed: fmt.Sprintf("a number of standard drinks from 1 to %d, like 4 (or 5)", maxHeavyDrinks),
			SavedAs: "heavy_day_grams",
			get:     func(c *Config) []string { return []string{FormatNumber(c.HeavyDayGrams / c.StandardDrinkGrams)} },
			set: func(c *Config, v []string) error {
				n, err := parseNumber(one(v))
				if err != nil || n < 1 || n > maxHeavyDrinks {
					return errBadValue
				}
				c.HeavyDayGrams = round2(n * c.StandardDrinkGrams)
				return nil
			},
		},
		{
			Name:    "high_craving_threshold",
			Help:    "craving intensity at which journal shows your coping plan and support contacts",
			Allowed: "a whole number from 1 to 10",
			get:     func(c *Config) []string { return []string{strconv.Itoa(c.HighCravingThreshold)} },
			set: func(c *Config, v []string) error {
				n, err := strconv.Atoi(strings.TrimSpace(one(v)))
				if err != nil || n < 1 || n > 10 {
					return errBadValue
				}
				c.HighCravingThreshold = n
				return nil
			},
		},
		{
			Name:    "coping_plan",
			Help:    "a few lines you wrote for hard moments; each value is one line",
			Allowed: fmt.Sprintf("text of up to %d characters (each value given is one line)", maxPlanLen),
			List:    true,
			get: func(c *Config) []string {
				if c.CopingPlan == "" {
					return nil
				}
				return strings.Split(c.CopingPlan, "\n")
			},
			set: func(c *Config, v []string) error {
				var lines []string
				for _, l := range v {
					for _, part := range strings.Split(l, "\n") {
						if part = strings.TrimSpace(part); part != "" {
							lines = append(lines, part)
						}
					}
				}
				plan := strings.Join(lines, "\n")
				if len([]rune(plan)) > maxPlanLen {
					return errBadValue
				}
				c.CopingPlan = plan
				return nil
			},
		},
		{
			Name:    "support_contacts",
			Help:    "people you can reach on a hard day; each value is one contact, like \"Sam 07700 900123\"",
			Allowed: fmt.Sprintf("up to %d contacts of up to %d characters each", maxContacts, maxContactLen),
			List:    true,
			get:     func(c *Config) []string { return slices.Clone(c.SupportContacts) },
			set: func(c *Config, v []string) error {
				out := []string{}
				for _, l := range v {
					for _, part := range strings.Split(l, "\n") {
						if part = strings.TrimSpace(part); part != "" {
							if len([]rune(part)) > maxContactLen {
								return errBadValue
							}
							out = append(out, part)
						}
					}
				}
				if len(out) > maxContacts {
					return errBadValue
				}
				c.SupportContacts = out
				return nil
			},
		},
		{
			Name:    "lock_after",
			Help:    "how long an encrypted journal stays unlocked after you type its passphrase (journal lock locks it at once)",
			Allowed: "a time like 15m, 1h or 90s, up to 24h, or 0 to ask for the passphrase every time",
			get:     func(c *Config) []string { return []string{c.LockAfter} },
			set: func(c *Config, v []string) error {
				if _, err := parseLockAfter(one(v)); err != nil {
					return err
				}
				c.LockAfter = strings.TrimSpace(one(v))
				return nil
			},
		},
		{
			Name:    "passphrase_command",
			Help:    "a command that prints an encrypted journal's passphrase, for scripts, like \"pass show journal\"",
			Allowed: fmt.Sprintf("a command of up to %d characters on one line, or \"\" for none", maxCommandLen),
			get:     func(c *Config) []string { return []string{c.PassphraseCommand} },
			set: func(c *Config, v []string) error {
				cmd := strings.TrimSpace(one(v))
				if len(cmd) > maxCommandLen || strings.ContainsAny(cmd, "\n\x00") {
					return errBadValue
				}
				c.PassphraseCommand = cmd
				return nil
			},
		},
		{
			Name:    "auto_backup",
			Help:    "copy the journal into its backups folder on the first use of each day: true or false",
			Allowed: "true or false",
			get:     func(c *Config) []string { return []string{strconv.FormatBool(c.AutoBackup)} },
			set: func(c *Config, v []string) error {
				switch strings.ToLower(strings.TrimSpace(one(v))) {
				case "true", "yes", "on":
					c.AutoBackup = true
				case "false", "no", "off":
					c.AutoBackup = false
				default:
					return errBadValue
				}
				return nil
			},
		},
		{
			Name:    "backups_kept",
			Help:    "how many backups the backups folder keeps; older ones are removed",
			Allowed: fmt.Sprintf("a whole number from 1 to %d", maxBackupsKept),
			get:     func(c *Config) []string { return []string{strconv.Itoa(c.BackupsKept)} },
			set: func(c *Config, v []string) error {
				n, err := strconv.Atoi(strings.TrimSpace(one(v)))
				if err != nil || n < 1 || n > maxBackupsKept {
					return errBadValue
				}
				c.BackupsKept = n
				return nil
			},
		},
		{
			Name:    "crisis_contacts",
			Help:    "lines to call in a crisis, shown when PHQ-9 item 9 is above 0; until set, 988 (US), 116 123 (UK, IE), 13 11 14 (AU)",
			Allowed: fmt.Sprintf("up to %d contacts of up to %d characters each", maxContacts, maxContactLen),
			List:    true,
			get:     func(c *Config) []string { return slices.Clone(c.CrisisContacts) },
			set: func(c *Config, v []string) error {
				out, err := contactLines(v)
				c.CrisisContacts = out
				return err
			},
		},
		{
			Name:    "measure_every_days",
			Help:    "days after a questionnaire (journal measure) that the home screen says it is due again; 0 never",
			Allowed: "a whole number of days from 0 to 365, like 14",
			get:     func(c *Config) []string { return []string{strconv.Itoa(c.MeasureEveryDays)} },
			set: func(c *Config, v []string) error {
				n, err := strconv.Atoi(strings.TrimSpace(one(v)))
				if err != nil || n < 0 || n > 365 {
					return errBadValue
				}
				c.MeasureEveryDays = n
				return nil
			},
		},
	}
}

var errBadValue = fmt.Errorf("bad value")

func one(v []string) string {
	if len(v) != 1 {
		return "\x00" // not a number: refused
	}
	return v[0]
}

// LookupConfigKey finds a setting by name.
func LookupConfigKey(name string) (ConfigKey, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	var names []string
	for _, k := range ConfigKeys() {
		if k.Name == n {
			return k, nil
		}
		names = append(names, k.Name)
	}
	return ConfigKey{}, Invalid("unknown config key %s: the keys are %s", Quote(name), strings.Join(names, ", "))
}

// Get returns the values of the key in c (one for plain keys; a list key
// may have none).
func (k ConfigKey) Get(c Config) []string { return k.get(&c) }

// Set checks values and stores them in c. A bad value is refused with the
// allowed range and c is left as it was.
func (k ConfigKey) Set(c *Config, values []string) error {
	if !k.List && len(values) != 1 {
		return Invalid("%s takes one value: %s", k.Name, k.Allowed)
	}
	tmp := *c
	tmp.SupportContacts = slices.Clone(c.SupportContacts)
	if err := k.set(&tmp, values); err != nil {
		return Invalid("%s must be %s, got %s", k.Name, k.Allowed, Quote(strings.Join(values, " ")))
	}
	*c = tmp
	return nil
}

// MigrateHeavy turns an older heavy_drinking_threshold, in drinks, into
// heavy_day_grams with the drink size of the same file, so it keeps
// meaning what it meant when it was set. A file that sets both keeps
// heavy_day_grams. It reports whether anything changed.
func (c *Config) MigrateHeavy(hasGrams bool) (bool, error) {
	old := c.HeavyDrinkingThreshold
	if old == 0 {
		return false, nil
	}
	c.HeavyDrinkingThreshold = 0
	if hasGrams {
		return true, nil
	}
	if math.IsNaN(old) || old < 1 || old > maxHeavyDrinks {
		return false, &ConfigValueError{Key: "heavy_drinking_threshold", Err: Invalid(
			"heavy_drinking_threshold must be a number of standard drinks from 1 to %d, like 4 (or 5), got %s; or set heavy_day_grams instead",
			maxHeavyDrinks, FormatNumber(old))}
	}
	c.HeavyDayGrams = round2(old * c.StandardDrinkGrams)
	return true, nil
}

// Validate checks every key of c, as read from a file. The error names the
// first bad key.
func (c Config) Validate() error {
	for _, k := range ConfigKeys() {
		if k.SavedAs != "" {
			continue // checked under the key it is saved as
		}
		vals := k.Get(c)
		if k.List {
			if k.Name == "coping_plan" {
				vals = []string{c.CopingPlan}
			}
		}
		check := c
		if err := k.Set(&check, vals); err != nil {
			return &ConfigValueError{Key: k.Name, Err: err}
		}
	}
	return nil
}

// ConfigValueError is a bad value for Key found in a config file.
type ConfigValueError struct {
	Key string
	Err error
}

func (e *ConfigValueError) Error() string { return e.Err.Error() }
func (e *ConfigValueError) Unwrap() error { return e.Err }

// contactLines checks a list of contacts: one a line, none empty.
func contactLines(v []string) ([]string, error) {
	out := []string{}
	for _, l := range v {
		for _, part := range strings.Split(l, "\n") {
			if part = strings.TrimSpace(part); part != "" {
				if len([]rune(part)) > maxContactLen {
					return nil, errBadValue
				}
				out = append(out, part)
			}
		}
	}
	if len(out) > maxContacts {
		return nil, errBadValue
	}
	return out, nil
}

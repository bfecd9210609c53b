package journal

import (
	"math"
	"slices"
	"strings"
	"time"
)

// Session is one ketamine session, past or planned. Number counts the
// live sessions in date order (1, 2, 3…), so it is worked out when read.
type Session struct {
	Number    int       `json:"number"`
	ID        int64     `json:"id"`
	UUID      string    `json:"uuid"`
	Day       Date      `json:"day"`
	Setting   string    `json:"setting"`
	Route     string    `json:"route"`
	DoseMg    *float64  `json:"dose_mg"`
	Note      string    `json:"note"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Settings and Routes are the values a session may record. They describe
// what happened; journal never suggests any.
var (
	Settings = []string{"home", "clinic"}
	Routes   = []string{"oral", "sublingual", "nasal", "im", "iv"}
)

// ParseSetting checks a --setting value ("" is allowed: not recorded).
func ParseSetting(s string) (string, error) {
	return oneOf("setting", s, Settings)
}

// ParseRoute checks a --route value ("" is allowed: not recorded).
func ParseRoute(s string) (string, error) {
	return oneOf("route", s, Routes)
}

func oneOf(what, s string, allowed []string) (string, error) {
	v := strings.ToLower(strings.TrimSpace(s))
	if v == "" || slices.Contains(allowed, v) {
		return v, nil
	}
	return "", Invalid("unknown %s %s: use one of %s", what, Quote(s), strings.Join(allowed, ", "))
}

// MaxDoseMg bounds a recorded dose: far above any ketamine dose given in
// one session, so only a typing slip (or a broken file) reaches it.
const MaxDoseMg = 2000

// ValidDose checks a recorded dose in milligrams: above 0, at most
// MaxDoseMg.
func ValidDose(mg float64) error {
	if math.IsNaN(mg) || math.IsInf(mg, 0) || mg <= 0 || mg > MaxDoseMg {
		return Invalid("a dose must be a number of milligrams above 0 and at most %d, got %v", MaxDoseMg, mg)
	}
	return nil
}

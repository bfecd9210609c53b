package stats

import (
	"fmt"
	"strconv"

	"journal/journal"
)

// Report is what `journal stats` shows. Its JSON form is the `stats --json`
// document: keys are fixed by DESIGN.md ("Measures"); fields tagged "-"
// only feed the human view. Unknowns are nil and print as null.
type Report struct {
	Range    Range     `json:"range"`
	Drinking Drinking  `json:"drinking"`
	Cravings Cravings  `json:"cravings"`
	Checkins Checkins  `json:"checkins"`
	Sessions []Session `json:"sessions"`
	// Questionnaires holds each questionnaire's scores in the window, by
	// name (phq9, gad7, pcl5), and QuestionnaireTrends each one's summary;
	// both are left out when no questionnaire was ever done.
	Questionnaires      map[string][]QuestionnaireScore `json:"questionnaires,omitempty"`
	QuestionnaireTrends map[string]QuestionnaireTrend   `json:"questionnaire_trends,omitempty"`
}

// Range is the window.
type Range struct {
	From        journal.Date `json:"from"`
	To          journal.Date `json:"to"`
	DaysInRange int          `json:"days_in_range"`
}

// Drinking holds the drinking-day measures of the window (DESIGN.md,
// "Measures"). Counts are days; drinks are standard drinks of
// StandardDrinkGrams grams; percentages run from 0 to 100 with one decimal.
type Drinking struct {
	DaysInRange    int `json:"days_in_range"`
	DaysRecorded   int `json:"days_recorded"`   // days with a record, 0 drinks included
	DaysUnrecorded int `json:"days_unrecorded"` // DaysInRange − DaysRecorded
	DaysAbstinent  int `json:"days_abstinent"`  // recorded days with 0 drinks
	DrinkingDays   int `json:"drinking_days"`   // recorded days with more than 0
	// HeavyDrinkingDays are recorded days at or above HeavyDayGrams.
	HeavyDrinkingDays int `json:"heavy_drinking_days"`
	// PercentDaysAbstinent is of the recorded days (nil when none).
	PercentDaysAbstinent *float64 `json:"percent_days_abstinent"`
	// PercentDaysAbstinentOfRange is of every day of the window, as trials
	// report it: unrecorded days count as not alcohol-free.
	PercentDaysAbstinentOfRange *float64 `json:"percent_days_abstinent_of_range"`
	PercentHeavyDrinkingDays    *float64 `json:"percent_heavy_drinking_days"` // of the recorded days
	DrinksTotal                 float64  `json:"drinks_total"`
	DrinksPerDrinkingDay        *float64 `json:"drinks_per_drinking_day"`
	DrinksPerDay                *float64 `json:"drinks_per_day"` // per recorded day
	// DaysBackfilled are recorded days first recorded after they ended.
	DaysBackfilled int `json:"days_backfilled"`
	// CurrentStreakDays is the alcohol-free run ending on the last day (or
	// the day before, when the last day is not recorded yet), counted back
	// through the whole history.
	CurrentStreakDays int `json:"current_streak_days"`
	// LongestStreakDays is the longest alcohol-free run inside the window.
	LongestStreakDays int `json:"longest_streak_days"`
	// DaysSinceLastDrink counts from the last drinking day on or before the
	// last day, anywhere in the history (nil when there is none).
	DaysSinceLastDrink *int `json:"days_since_last_drink"`
	// What the figures were computed with: the heavy-day level in grams
	// and in standard drinks, and the size of a standard drink in grams.
	HeavyDayGrams      float64 `json:"heavy_day_grams"`
	HeavyDayDrinks     float64 `json:"heavy_day_drinks"`
	StandardDrinkGrams float64 `json:"standard_drink_grams"`

	// LastDay is the window's last day, for the human view.
	LastDay journal.Date `json:"-"`
	// StreakFromStart is set when the current run began before the
	// window's first day.
	StreakFromStart bool `json:"-"`
}

// Cravings holds the craving measures and patterns of the window.
type Cravings struct {
	Count         int            `json:"count"`
	MeanIntensity *float64       `json:"mean_intensity"`
	MaxIntensity  *int           `json:"max_intensity"`
	TrendPerWeek  *float64       `json:"trend_per_week"`
	Weekly        []Week         `json:"weekly"`
	ByHour        [24]int        `json:"by_hour"`
	ByWeekday     [7]int         `json:"by_weekday"` // Monday first
	TopTriggers   []TriggerCount `json:"top_triggers"`
	Coping        []Coping       `json:"coping"`

	// Daily has one item per day of the window, for the chart.
	Daily []Daily `json:"-"`
	// WeeksWithCravings is how many weeks the trend is drawn from.
	WeeksWithCravings int `json:"-"`
}

// Week is one ISO week (Monday start) that overlaps the window; only
// cravings inside the window count.
type Week struct {
	WeekStart journal.Date `json:"week_start"`
	Count     int          `json:"count"`
	Mean      *float64     `json:"mean"`
	Max       *int         `json:"max"`
}

// Daily is one day of the window: its craving count and mean intensity.
type Daily struct {
	Day   journal.Date
	Count int
	Mean  float64 // 0 when Count is 0
}

// Coping is one strategy used at least MinCopingUses times.
type Coping struct {
	Strategy string `json:"strategy"`
	Uses     int    `json:"uses"`
	// Known is how many of the uses have a logged outcome (used or
	// resisted): the base of ResistedPercent.
	Known int `json:"with_outcome"`
	// ResistedPercent is the share, 0–100 with one decimal, of the uses
	// with a known outcome that were resisted; nil when none is known.
	ResistedPercent *float64 `json:"resisted_percent"`

	// Resisted is the count behind the share, for the human view.
	Resisted int `json:"-"`
}

// ResistedWords says the share with its base, as people read it:
// "resisted 2 of 3 with an outcome (66.7%)", or "outcome not logged".
func (c Coping) ResistedWords() string {
	if c.ResistedPercent == nil {
		return "outcome not logged"
	}
	return fmt.Sprintf("resisted %d of %d with an outcome (%s%%)", c.Resisted, c.Known,
		strconv.FormatFloat(*c.ResistedPercent, 'f', -1, 64))
}

// Checkins sums up the daily check-ins of the window.
type Checkins struct {
	Count          int      `json:"count"`
	MeanMood       *float64 `json:"mean_mood"`
	MeanSleepHours *float64 `json:"mean_sleep_hours"`
}

// Session compares the days around one session in the window.
type Session struct {
	Number             int          `json:"number"`
	Day                journal.Date `json:"day"`
	Before             Period       `json:"before"`
	After              Period       `json:"after"`
	FirstHeavyDayAfter *int         `json:"first_heavy_day_after"`
}

// Period is up to CompareDays days on one side of a session, the session
// day itself excluded, stopping short of the neighbouring sessions.
type Period struct {
	Days         int      `json:"days"` // calendar days it holds
	CravingMean  *float64 `json:"craving_mean"`
	DrinkingDays int      `json:"drinking_days"`

	// For the human view: how much of the period was logged.
	Cravings     int `json:"-"`
	DaysRecorded int `json:"-"`
}

package stats

import "journal/journal"

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

// Drinking holds the drinking-day measures of the window.
type Drinking struct {
	DaysInRange              int      `json:"days_in_range"`
	DaysRecorded             int      `json:"days_recorded"`
	DaysAbstinent            int      `json:"days_abstinent"`
	DrinkingDays             int      `json:"drinking_days"`
	HeavyDrinkingDays        int      `json:"heavy_drinking_days"`
	PercentDaysAbstinent     *float64 `json:"percent_days_abstinent"`
	PercentHeavyDrinkingDays *float64 `json:"percent_heavy_drinking_days"`
	DrinksTotal              float64  `json:"drinks_total"`
	DrinksPerDrinkingDay     *float64 `json:"drinks_per_drinking_day"`
	DrinksPerDay             *float64 `json:"drinks_per_day"`
	DaysBackfilled           int      `json:"days_backfilled"`
	CurrentStreakDays        int      `json:"current_streak_days"`
	LongestStreakDays        int      `json:"longest_streak_days"`
	DaysSinceLastDrink       *int     `json:"days_since_last_drink"`

	// HeavyThreshold is the threshold used, and LastDay the window's last
	// day, for the human view.
	HeavyThreshold float64      `json:"-"`
	LastDay        journal.Date `json:"-"`
	// StreakFromStart is set when the current streak runs back to the
	// window's first day, so it may be longer than the window shows.
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
	Strategy     string   `json:"strategy"`
	Uses         int      `json:"uses"`
	ResistedRate *float64 `json:"resisted_rate"`
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

// Period is the CompareDays days on one side of a session, the session
// day itself excluded.
type Period struct {
	CravingMean  *float64 `json:"craving_mean"`
	DrinkingDays int      `json:"drinking_days"`

	// For the human view: how much of the period was logged.
	Cravings     int `json:"-"`
	DaysRecorded int `json:"-"`
}

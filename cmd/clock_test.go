package cmd

import "time"

func fixedClock() time.Time { return time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC) }

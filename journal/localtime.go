package journal

import "time"

// LocalTime is the moment a clock on the wall in loc shows y-mo-d h:mi:s.
//
// Daylight saving makes some wall times happen twice and others never:
// a time that occurs twice (the hour repeated when clocks go back) is its
// first occurrence; a time in the gap when clocks go forward moves forward
// by the gap, so 02:30 on the night New York springs forward is 03:30 EDT,
// the time the person's clock would have shown. time.Date leaves both
// cases unspecified, and in practice picks the later occurrence in some
// zones and a time an hour early in gaps.
func LocalTime(y int, mo time.Month, d, h, mi, s int, loc *time.Location) time.Time {
	wall := time.Date(y, mo, d, h, mi, s, 0, time.UTC) // the wall reading, as if it were UTC
	// The offsets in force a day either side cover any single change near
	// this wall time: try each, keep the earliest that shows this reading.
	before := offsetAt(wall.Add(-24*time.Hour), loc)
	after := offsetAt(wall.Add(24*time.Hour), loc)
	var best time.Time
	for _, off := range []int{before, after} {
		t := wall.Add(-time.Duration(off) * time.Second).In(loc)
		if sameWall(t, wall) && (best.IsZero() || t.Before(best)) {
			best = t
		}
	}
	if !best.IsZero() {
		return best
	}
	// In a gap: read the wall time with the offset from before the change,
	// which lands as far past the gap's start as the reading was.
	return wall.Add(-time.Duration(before) * time.Second).In(loc)
}

func offsetAt(t time.Time, loc *time.Location) int {
	_, off := t.In(loc).Zone()
	return off
}

func sameWall(t, wall time.Time) bool {
	y, mo, d := t.Date()
	wy, wmo, wd := wall.Date()
	return y == wy && mo == wmo && d == wd && t.Hour() == wall.Hour() && t.Minute() == wall.Minute() && t.Second() == wall.Second()
}

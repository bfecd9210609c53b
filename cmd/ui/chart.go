package ui

import (
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// sparkLevels are the eight block heights of a sparkline.
var sparkLevels = []rune("▁▂▃▄▅▆▇█")

// Sparkline draws one character per value, scaled so that top is a full
// block. A missing value (ok false) is drawn as gap, so an empty day never
// looks like a calm one.
func Sparkline(values []float64, ok []bool, top float64, gap rune) string {
	var b strings.Builder
	for i, v := range values {
		if !ok[i] {
			b.WriteRune(gap)
			continue
		}
		level := 0
		if top > 0 {
			level = int(math.Round(v / top * float64(len(sparkLevels)-1)))
		}
		level = min(max(level, 0), len(sparkLevels)-1)
		b.WriteRune(sparkLevels[level])
	}
	return b.String()
}

// Num prints x with at most two decimals and no trailing zeros: 2.5, 3, 4.67.
func Num(x float64) string {
	return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64)
}

// Num1 prints x with at most one decimal: 5.3, 6.
func Num1(x float64) string {
	return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64)
}

// padRight pads s with spaces to width terminal cells.
func padRight(s string, width int) string {
	if n := ansi.StringWidth(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

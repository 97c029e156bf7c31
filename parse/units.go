package parse

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
)

// Cell readers for the exports of other services. Their cells carry units,
// locale formats and missing-value tokens that the native sheet refuses.

// missingToken reports whether a cell means "not recorded" in some export:
// empty, "--" (Garmin), "None" (Oura 2019), "N/A", "nan".
func missingToken(s string) bool {
	switch s {
	case "", "--", "None", "N/A", "n/a", "NaN", "nan", "null", `""`:
		return true
	}
	return false
}

// decimalMark says how an export writes numbers.
type decimalMark uint8

const (
	// markPoint: "1234.5"; a comma is a thousands separator ("1,337").
	markPoint decimalMark = iota
	// markComma: "4,73"; a dot is a thousands separator ("1.234,5").
	markComma
	// markGuess: a comma followed by exactly three digits is a thousands
	// separator, by one or two a decimal comma (Garmin writes both).
	markGuess
)

// localeNumber parses a number as the export wrote it. Missing tokens give
// Missing. It never reads hex, exponents, NaN or Inf.
func localeNumber(s string, mark decimalMark) (float64, error) {
	s = strings.TrimSpace(s)
	if missingToken(s) {
		return metrics.Missing(), nil
	}
	switch mark {
	case markPoint:
		s = strings.ReplaceAll(s, ",", "")
	case markComma:
		s = strings.ReplaceAll(s, ".", "")
		s = strings.Replace(s, ",", ".", 1)
	case markGuess:
		comma, dot := strings.LastIndexByte(s, ','), strings.LastIndexByte(s, '.')
		switch {
		case comma < 0:
		case dot > comma: // 1,234.5
			s = strings.ReplaceAll(s, ",", "")
		case dot >= 0: // 1.234,5
			s = strings.Replace(strings.ReplaceAll(s, ".", ""), ",", ".", 1)
		case len(s)-comma-1 == 3: // 1,200: a thousands separator
			s = strings.ReplaceAll(s, ",", "")
		default: // 7,5: a decimal comma
			s = strings.Replace(s, ",", ".", 1)
		}
	}
	v, err := parseDecimal(s, false)
	if err != nil {
		return 0, badCell("want a number", s)
	}
	return v, nil
}

// clockDuration reads H:MM:SS, HH:MM:SS.s or MM:SS (Garmin's "Time",
// "00:09:25.5") into seconds.
func clockDuration(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if missingToken(s) {
		return metrics.Missing(), nil
	}
	if !strings.Contains(s, ":") {
		return 0, badCell("want a time as H:MM:SS", s)
	}
	v, err := parseDuration(s, false)
	if err != nil {
		return 0, badCell("want a time as H:MM:SS", s)
	}
	return v, nil
}

// hourMinutes reads Garmin's "7h 4min", "45min" or "8h" into hours.
func hourMinutes(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if missingToken(s) {
		return metrics.Missing(), nil
	}
	var h, m int
	rest := s
	if i := strings.Index(rest, "h"); i >= 0 {
		v, err := strconv.Atoi(strings.TrimSpace(rest[:i]))
		if err != nil {
			return 0, badCell("want a duration such as 7h 4min", s)
		}
		h, rest = v, strings.TrimSpace(rest[i+1:])
	}
	if rest != "" {
		rest = strings.TrimSuffix(rest, "min")
		v, err := strconv.Atoi(strings.TrimSpace(rest))
		if err != nil {
			return 0, badCell("want a duration such as 7h 4min", s)
		}
		m = v
	}
	return float64(h) + float64(m)/60, nil
}

// stamp is a wall-clock time as written in an export.
type stamp struct {
	date metrics.Date
	sec  int32
}

// dateLayouts are the date-time formats seen in real exports. No value
// reads as two different times under two of them (TestLayoutsDisjoint),
// so they may be tried in any order. Localised month names are replaced
// by English ones first (monthNames), so "jun." and "mei" work.
var dateLayouts = []string{
	"2006-01-02T15:04:05Z07:00",
	"2006-01-02T15:04:05.999999999Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"1/2/2006 15:04:05",
	"1/2/2006 15:04",
	"1/2/2006",
	"Jan 2, 2006, 3:04:05 PM",
	"2 Jan 2006, 15:04:05",
	"02.01.2006, 15:04:05",
	"2 Jan 2006 15:04:05",
}

// monthNames map localised month abbreviations to English ones, so the
// layouts above can read them; a name counts as a word of its own.
var monthNames = func() []struct{ name, word, first, english string } {
	var out []struct{ name, word, first, english string }
	for _, m := range [][2]string{
		// Dutch
		{"jan.", "Jan"}, {"feb.", "Feb"}, {"mrt.", "Mar"}, {"apr.", "Apr"}, {"mei", "May"}, {"jun.", "Jun"}, {"jul.", "Jul"},
		{"aug.", "Aug"}, {"sep.", "Sep"}, {"okt.", "Oct"}, {"nov.", "Nov"}, {"dec.", "Dec"},
		// German and French abbreviations seen in third-party tests
		{"Mär", "Mar"}, {"Mai", "May"}, {"Okt", "Oct"}, {"Dez", "Dec"},
	} {
		out = append(out, struct{ name, word, first, english string }{m[0], " " + m[0] + " ", m[0] + " ", m[1]})
	}
	return out
}()

// parseStamp reads a date or date-time in any layout above. utc says
// whether the export writes UTC (Strava, PMSys); then loc converts it to
// the athlete's calendar. Offsets written in the value are kept as wall
// clock, never converted.
func parseStamp(s string, utc bool, loc *time.Location) (stamp, error) {
	var r stampReader
	return r.read(s, utc, loc)
}

// stampReader is parseStamp for the cells of one column after another:
// an export writes every date the same way, so the layout that read the
// last cell is tried first, sparing the failed attempts (each of which
// allocates an error).
type stampReader struct{ last int }

func (r *stampReader) read(s string, utc bool, loc *time.Location) (stamp, error) {
	s = strings.TrimSpace(s)
	// The common ISO forms need no layout search; a UTC export's zone-less
	// time is dated in the athlete's zone below, like any other layout.
	if st, zoned, ok := isoStamp(s); ok && !(zoned && utc && loc != nil) {
		if utc && loc != nil {
			y, m, d := st.date.Civil()
			t := time.Date(y, m, d, 0, 0, int(st.sec), 0, time.UTC).In(loc)
			return stamp{metrics.DateOf(t.Year(), t.Month(), t.Day()), int32(t.Hour()*3600 + t.Minute()*60 + t.Second())}, nil
		}
		return st, nil
	}
	for _, m := range monthNames {
		if strings.Contains(s, m.word) || strings.HasPrefix(s, m.first) {
			s = strings.Replace(s, m.name, m.english, 1)
			break
		}
	}
	for k := range dateLayouts {
		i := (r.last + k) % len(dateLayouts)
		t, err := time.Parse(dateLayouts[i], s)
		if err != nil {
			continue
		}
		r.last = i
		if utc && loc != nil {
			t = t.In(loc) // a zone-less UTC value parses as UTC
		}
		return stamp{metrics.DateOf(t.Year(), t.Month(), t.Day()), int32(t.Hour()*3600 + t.Minute()*60 + t.Second())}, nil
	}
	return stamp{}, badCell("want a date such as 2026-03-04, 3/4/2026 or Mar 4, 2026, 7:30:00 AM", s)
}

// scaleTo10 maps x from [lo, hi] onto 1–10 (lo > hi reverses the scale).
func scaleTo10(x, lo, hi float64) float64 {
	if !metrics.Known(x) {
		return x
	}
	return Scale{Lo: lo, Hi: hi}.To10(x)
}

// inRange is a row error when x is outside [lo, hi].
func inRange(column string, x, lo, hi float64, what string) *rowError {
	if !metrics.Known(x) || x >= lo && x <= hi {
		return nil
	}
	return &rowError{column, &valueError{fmt.Sprintf("want %s from %s to %s", what, text.Num(lo), text.Num(hi)), x}}
}

// round keeps a converted value to a sensible precision.
func round(x float64, d int) float64 {
	if !metrics.Known(x) {
		return x
	}
	p := math.Pow(10, float64(d))
	return math.Round(x*p) / p
}

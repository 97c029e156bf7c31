package parse

import (
	"fmt"
	"strings"
	"unicode"
)

// nativeWorkout is one row of the native workouts sheet (the team
// spreadsheet). The csv tags are the column names; they are what gocsv
// reads, and the binder below must agree with them (a test checks).
type nativeWorkout struct {
	Date       Day      `csv:"date"`
	Start      Stamp    `csv:"start"`
	Athlete    string   `csv:"athlete"`
	Sport      string   `csv:"sport"`
	Duration   Duration `csv:"duration"`
	DistanceKm Decimal  `csv:"distance_km"`
	RPE        Decimal  `csv:"rpe"`
	AvgHR      Decimal  `csv:"avg_hr"`
	MaxHR      Decimal  `csv:"max_hr"`
	AvgPower   Decimal  `csv:"avg_power"`
	NP         Decimal  `csv:"np"`
	TSS        Decimal  `csv:"tss"`
	TRIMP      Decimal  `csv:"trimp"`
	Notes      string   `csv:"notes"`
}

// nativeCheckin is one row of the native check-ins sheet.
type nativeCheckin struct {
	Date         Day     `csv:"date"`
	Athlete      string  `csv:"athlete"`
	SleepHours   Decimal `csv:"sleep_hours"`
	SleepQuality Decimal `csv:"sleep_quality"`
	Soreness     Decimal `csv:"soreness"`
	Stress       Decimal `csv:"stress"`
	Mood         Decimal `csv:"mood"`
	Energy       Decimal `csv:"energy"`
	HRV          Decimal `csv:"hrv"`
	RestingHR    Decimal `csv:"resting_hr"`
	Notes        string  `csv:"notes"`
}

// column binds one native column name to the field it fills.
type column[R any] struct {
	name string
	set  func(r *R, cell string, decimalComma bool) error
}

var workoutColumns = []column[nativeWorkout]{
	{"date", func(r *nativeWorkout, s string, _ bool) error { return r.Date.UnmarshalCSV(s) }},
	{"start", func(r *nativeWorkout, s string, _ bool) error { return r.Start.UnmarshalCSV(s) }},
	{"athlete", func(r *nativeWorkout, s string, _ bool) error { r.Athlete = s; return nil }},
	{"sport", func(r *nativeWorkout, s string, _ bool) error { r.Sport = s; return nil }},
	{"duration", func(r *nativeWorkout, s string, dc bool) error { return r.Duration.set(s, dc) }},
	{"distance_km", func(r *nativeWorkout, s string, dc bool) error { return r.DistanceKm.set(s, dc) }},
	{"rpe", func(r *nativeWorkout, s string, dc bool) error { return r.RPE.set(s, dc) }},
	{"avg_hr", func(r *nativeWorkout, s string, dc bool) error { return r.AvgHR.set(s, dc) }},
	{"max_hr", func(r *nativeWorkout, s string, dc bool) error { return r.MaxHR.set(s, dc) }},
	{"avg_power", func(r *nativeWorkout, s string, dc bool) error { return r.AvgPower.set(s, dc) }},
	{"np", func(r *nativeWorkout, s string, dc bool) error { return r.NP.set(s, dc) }},
	{"tss", func(r *nativeWorkout, s string, dc bool) error { return r.TSS.set(s, dc) }},
	{"trimp", func(r *nativeWorkout, s string, dc bool) error { return r.TRIMP.set(s, dc) }},
	{"notes", func(r *nativeWorkout, s string, _ bool) error { r.Notes = s; return nil }},
}

var checkinColumns = []column[nativeCheckin]{
	{"date", func(r *nativeCheckin, s string, _ bool) error { return r.Date.UnmarshalCSV(s) }},
	{"athlete", func(r *nativeCheckin, s string, _ bool) error { r.Athlete = s; return nil }},
	{"sleep_hours", func(r *nativeCheckin, s string, dc bool) error { return r.SleepHours.set(s, dc) }},
	{"sleep_quality", func(r *nativeCheckin, s string, dc bool) error { return r.SleepQuality.set(s, dc) }},
	{"soreness", func(r *nativeCheckin, s string, dc bool) error { return r.Soreness.set(s, dc) }},
	{"stress", func(r *nativeCheckin, s string, dc bool) error { return r.Stress.set(s, dc) }},
	{"mood", func(r *nativeCheckin, s string, dc bool) error { return r.Mood.set(s, dc) }},
	{"energy", func(r *nativeCheckin, s string, dc bool) error { return r.Energy.set(s, dc) }},
	{"hrv", func(r *nativeCheckin, s string, dc bool) error { return r.HRV.set(s, dc) }},
	{"resting_hr", func(r *nativeCheckin, s string, dc bool) error { return r.RestingHR.set(s, dc) }},
	{"notes", func(r *nativeCheckin, s string, _ bool) error { r.Notes = s; return nil }},
}

// binding maps the columns of one file's header onto a row type.
type binding[R any] struct {
	cols    []*column[R] // by header position; nil for ignored columns
	names   []string     // header cells as written
	has     map[string]bool
	ignored []string
}

// bind matches a header case-insensitively (spaces, dashes and brackets
// count as underscores). A known column named twice is a file-level error.
func bind[R any](file string, header []string, known []column[R]) (*binding[R], error) {
	b := &binding[R]{cols: make([]*column[R], len(header)), names: header, has: map[string]bool{}}
	at := map[string]int{}
	for i, h := range header {
		key := HeaderKey(h)
		for j := range known {
			if known[j].name != key {
				continue
			}
			if first, dup := at[key]; dup {
				return nil, fileError(file, 1, "column %q appears twice (columns %d and %d); keep one", key, first+1, i+1)
			}
			at[key] = i
			b.cols[i] = &known[j]
			b.has[key] = true
		}
		if b.cols[i] == nil && strings.TrimSpace(h) != "" {
			b.ignored = append(b.ignored, h)
		}
	}
	return b, nil
}

// fill sets the row's fields from one record. On a bad cell it returns the
// column as written in the header and the error.
func (b *binding[R]) fill(r *R, rec []string, decimalComma bool) (string, error) {
	if err := cellCount(len(rec), len(b.cols)); err != nil {
		return "", err
	}
	for i, cell := range rec {
		c := b.cols[i]
		if c == nil {
			continue
		}
		if err := c.set(r, cell, decimalComma); err != nil {
			return b.names[i], err
		}
	}
	return "", nil
}

// cellCount checks that a row has as many cells as the header: a cell
// short or a cell over means the columns no longer line up.
func cellCount(cells, header int) error {
	switch {
	case cells > header:
		return fmt.Errorf("the row has %d cells but the header has %d", cells, header)
	case cells < header:
		return fmt.Errorf("the row has %d cells but the header has %d: a cell is missing, so the columns no longer line up (write an empty cell as ,,)", cells, header)
	}
	return nil
}

// HeaderKey is the matching form of a header cell: HTML tags removed,
// lower case, and every run of characters other than letters and digits
// turned into one underscore ("Avg HR" → "avg_hr", "Distance (km)" →
// "distance_km").
func HeaderKey(h string) string {
	h = stripTags(h)
	var b strings.Builder
	under := false
	for _, r := range strings.ToLower(h) {
		if r == '\ufeff' || r == '\u200b' {
			continue
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if under && b.Len() > 0 {
				b.WriteByte('_')
			}
			under = false
			b.WriteRune(r)
			continue
		}
		under = true
	}
	return b.String()
}

// stripTags removes HTML tags, as in Strava's "translation missing" header
// cells.
func stripTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

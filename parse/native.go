package parse

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// nativeWorkout is one row of the native workouts sheet (the team
// spreadsheet). The csv tags are the column names (in HeaderKey form):
// gocsv binds each record to the struct by them.
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

// binding maps the columns of one file's header onto a row struct's csv
// tags.
type binding struct {
	layout
	names   []string // header cells as written
	has     map[string]bool
	ignored []string
}

// bind matches a header case-insensitively (spaces, dashes and brackets
// count as underscores) to the csv tags of row. A known column named twice
// is a file-level error.
func bind(file string, header []string, row any, comma rune) (*binding, error) {
	known, numeric := tagsOf(row)
	b := &binding{names: header, has: map[string]bool{}}
	b.tags, b.numeric, b.decimalComma = make([]string, len(header)), make([]bool, len(header)), comma == ';'
	at := map[string]int{}
	for i, h := range header {
		key := HeaderKey(h)
		if !slices.Contains(known, key) {
			if strings.TrimSpace(h) != "" {
				b.ignored = append(b.ignored, h)
			}
			continue
		}
		if first, dup := at[key]; dup {
			return nil, fileError(file, 1, "column %q appears twice (columns %d and %d); keep one", key, first+1, i+1)
		}
		at[key] = i
		b.tags[i], b.numeric[i], b.has[key] = key, numeric[key], true
	}
	return b, nil
}

// column returns the header position of a tag, or -1.
func (b *binding) column(tag string) int {
	return slices.Index(b.tags, tag)
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

// UnmarshalCSVWithFields implements gocsv.TypeUnmarshalCSVWithFields:
// gocsv hands the row each cell under its column's tag, and the row hands
// it to the field's cell type. gocsv's field-by-field reflection boxes
// every cell (an allocation each): it made a 500-athlete, 5-year team run
// 26 % slower than workin's former hand binder, the row hook 5 % (see the
// README's performance section). TestRowHooksMatchTags checks that every
// tag reaches its field as gocsv's tag binding would.
func (r *nativeWorkout) UnmarshalCSVWithFields(key, value string) error {
	switch key {
	case "date":
		return r.Date.UnmarshalCSV(value)
	case "start":
		return r.Start.UnmarshalCSV(value)
	case "athlete":
		r.Athlete = value
	case "sport":
		r.Sport = value
	case "duration":
		return r.Duration.UnmarshalCSV(value)
	case "distance_km":
		return r.DistanceKm.UnmarshalCSV(value)
	case "rpe":
		return r.RPE.UnmarshalCSV(value)
	case "avg_hr":
		return r.AvgHR.UnmarshalCSV(value)
	case "max_hr":
		return r.MaxHR.UnmarshalCSV(value)
	case "avg_power":
		return r.AvgPower.UnmarshalCSV(value)
	case "np":
		return r.NP.UnmarshalCSV(value)
	case "tss":
		return r.TSS.UnmarshalCSV(value)
	case "trimp":
		return r.TRIMP.UnmarshalCSV(value)
	case "notes":
		r.Notes = value
	}
	return nil
}

// UnmarshalCSVWithFields implements gocsv.TypeUnmarshalCSVWithFields (see
// nativeWorkout's).
func (r *nativeCheckin) UnmarshalCSVWithFields(key, value string) error {
	switch key {
	case "date":
		return r.Date.UnmarshalCSV(value)
	case "athlete":
		r.Athlete = value
	case "sleep_hours":
		return r.SleepHours.UnmarshalCSV(value)
	case "sleep_quality":
		return r.SleepQuality.UnmarshalCSV(value)
	case "soreness":
		return r.Soreness.UnmarshalCSV(value)
	case "stress":
		return r.Stress.UnmarshalCSV(value)
	case "mood":
		return r.Mood.UnmarshalCSV(value)
	case "energy":
		return r.Energy.UnmarshalCSV(value)
	case "hrv":
		return r.HRV.UnmarshalCSV(value)
	case "resting_hr":
		return r.RestingHR.UnmarshalCSV(value)
	case "notes":
		r.Notes = value
	}
	return nil
}

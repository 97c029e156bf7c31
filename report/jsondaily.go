package report

import (
	"strconv"

	"github.com/workin/workin/metrics"
)

// dayField is one value of a day in the JSON summary's daily series: its
// key and how it is written. dayFields is the one list of them, in key
// order; schema 3 writes it as columns (one array per key), schema 2 as
// one object per day.
type dayField struct {
	key    string
	append func(b []byte, d *metrics.Day, swc float64) []byte
}

func dayNum(v func(d *metrics.Day) float64) func([]byte, *metrics.Day, float64) []byte {
	return func(b []byte, d *metrics.Day, _ float64) []byte { return appendNum(b, v(d), 4) }
}

func dayBool(v func(d *metrics.Day) bool) func([]byte, *metrics.Day, float64) []byte {
	return func(b []byte, d *metrics.Day, _ float64) []byte { return strconv.AppendBool(b, v(d)) }
}

var dayFields = [...]dayField{
	{"date", func(b []byte, d *metrics.Day, _ float64) []byte {
		b = append(b, '"')
		return append(d.Date.Append(b), '"')
	}},
	{"load", dayNum(func(d *metrics.Day) float64 { return d.Load })},
	{"ctl", dayNum(func(d *metrics.Day) float64 { return d.CTL })},
	{"atl", dayNum(func(d *metrics.Day) float64 { return d.ATL })},
	{"tsb", dayNum(func(d *metrics.Day) float64 { return d.TSB })},
	{"acwr", dayNum(func(d *metrics.Day) float64 { return d.ACWR })},
	{"monotony", dayNum(func(d *metrics.Day) float64 { return d.Monotony })},
	{"strain", dayNum(func(d *metrics.Day) float64 { return d.Strain })},
	{"readiness", dayNum(func(d *metrics.Day) float64 { return d.Readiness })},
	{"acute", dayNum(func(d *metrics.Day) float64 { return d.Acute })},
	{"chronic", dayNum(func(d *metrics.Day) float64 { return d.Chronic })},
	{"sessions", func(b []byte, d *metrics.Day, _ float64) []byte { return strconv.AppendInt(b, int64(d.Sessions), 10) }},
	{"rest", dayBool(func(d *metrics.Day) bool { return d.Rest })},
	{"rest_open", dayBool(func(d *metrics.Day) bool { return d.RestOpen })},
	{"checkin", dayBool(func(d *metrics.Day) bool { return d.Checkins > 0 })},
	{"hrv", dayNum(func(d *metrics.Day) float64 { return d.HRV })},
	{"hrv_ln_7d", dayNum(func(d *metrics.Day) float64 { return d.HRV7 })},
	{"hrv_ln_low", func(b []byte, d *metrics.Day, swc float64) []byte {
		lo, _ := metrics.HRVRange(d.HRVRef, swc)
		return appendNum(b, lo, 4)
	}},
	{"hrv_ln_high", func(b []byte, d *metrics.Day, swc float64) []byte {
		_, hi := metrics.HRVRange(d.HRVRef, swc)
		return appendNum(b, hi, 4)
	}},
	{"resting_hr", dayNum(func(d *metrics.Day) float64 { return d.RestingHR })},
	{"rhr_baseline", dayNum(func(d *metrics.Day) float64 { return d.RHRRef.Mean })},
	{"rhr_limit", dayNum(func(d *metrics.Day) float64 { return d.RHRLimit })},
	{"sleep_hours", dayNum(func(d *metrics.Day) float64 { return d.SleepHours })},
	{"sleep_quality", dayNum(func(d *metrics.Day) float64 { return d.SleepQuality })},
	{"soreness", dayNum(func(d *metrics.Day) float64 { return d.Soreness })},
	{"stress", dayNum(func(d *metrics.Day) float64 { return d.Stress })},
	{"mood", dayNum(func(d *metrics.Day) float64 { return d.Mood })},
	{"energy", dayNum(func(d *metrics.Day) float64 { return d.Energy })},
	{"action", func(b []byte, d *metrics.Day, _ float64) []byte {
		b = append(b, '"')
		return append(append(b, d.Action.String()...), '"')
	}},
	{"work_in", func(b []byte, d *metrics.Day, _ float64) []byte {
		if d.WorkInKind == metrics.NoWorkIn {
			return append(b, "null"...)
		}
		return appendString(b, d.WorkInKind.String())
	}},
}

// dayKeys are dayFields' keys written as JSON object keys (`"load":`).
var dayKeys = func() (keys [len(dayFields)]string) {
	for i, f := range dayFields {
		keys[i] = string(appendString(nil, f.key)) + ":"
	}
	return keys
}()

// dailyColumns writes the daily series as one object of columns: every
// key of dayFields with an array of one value per day, aligned with the
// "date" array. Each column is a line of its own.
func dailyColumns(w *jw, days []metrics.Day, swc float64) {
	w.sep()
	b := append(w.b, '{')
	for k := range dayFields {
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, '\n')
		b = append(b, dayKeys[k]...)
		b = append(b, '[')
		put := dayFields[k].append
		for i := range days {
			if i > 0 {
				b = append(b, ',')
			}
			b = put(b, &days[i], swc)
		}
		b = append(b, ']')
	}
	w.b = append(b, '}')
}

// dailyRows writes the daily series of schema 2: one object per day.
func dailyRows(w *jw, days []metrics.Day, swc float64) {
	w.sep()
	b := append(w.b, '[')
	for i := range days {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '\n', '{')
		for k := range dayFields {
			if k > 0 {
				b = append(b, ',')
			}
			b = append(b, dayKeys[k]...)
			b = dayFields[k].append(b, &days[i], swc)
		}
		b = append(b, '}')
	}
	w.b = append(b, ']')
}

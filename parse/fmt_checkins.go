package parse

import (
	"strings"

	"github.com/workin/workin/metrics"
)

// The check-in exports. Scales are mapped onto workin's 1–10, higher =
// more of the thing named, as documented per format in the README.

// The check-in ranks (metrics.Origin): when two sources give the same day,
// a device's reading wins for what it measures (WHOOP, Oura, Garmin, then
// intervals.icu, which syncs them), the athlete's own sheet for how they
// feel (the native sheet, then the team apps, then device scores).
const (
	rankOther        = 1
	rankSyncedDevice = 2
	rankDevice       = 3
	rankDeviceScore  = 1
	rankTeamApp      = 2
	rankOwnSheet     = 3
)

// allMissing reports whether every value is Missing.
func allMissing(xs ...float64) bool {
	for _, x := range xs {
		if metrics.Known(x) {
			return false
		}
	}
	return true
}

// intervalsWellnessSpec reads intervals.icu's wellness.csv (also the JSON
// API flattened to CSV, with id for the date). Its 1–4 scales run from good
// to bad for sleep quality, mood and motivation, and from low to high for
// soreness and stress.
var intervalsWellnessSpec = &spec{
	name: "intervals-wellness", label: "intervals.icu wellness.csv", kind: KindCheckins, mark: markPoint, measure: rankSyncedDevice, rate: rankTeamApp,
	cols: []col{
		{"date", []string{"date", "id"}, false},
		{"rhr", []string{"restinghr"}, false},
		{"hrv", []string{"hrv"}, false},
		{"sleep", []string{"sleepsecs"}, false},
		{"quality", []string{"sleepquality"}, false},
		{"soreness", []string{"soreness"}, false},
		{"stress", []string{"stress"}, false},
		{"mood", []string{"mood"}, false},
		{"motivation", []string{"motivation"}, false},
		{"comments", []string{"comments"}, false},
	},
	need: []string{"date", "rhr", "sleep"},
	checkin: func(r *vrow) (metrics.Checkin, string, *rowError) {
		c := metrics.NewCheckin()
		v, e := r.nums("rhr", "hrv", "sleep", "quality", "soreness", "stress", "mood", "motivation")
		if e != nil {
			return c, "", e
		}
		for i, f := range []string{"quality", "soreness", "stress", "mood", "motivation"} {
			if e := inRange(f, v[3+i], 1, 4, "a value on intervals.icu's 1–4 scale"); e != nil {
				return c, "", e
			}
		}
		c.RestingHR, c.HRV = positive(v[0]), positive(v[1])
		if s := positive(v[2]); metrics.Known(s) {
			c.SleepHours = round(s/3600, 2)
		}
		c.SleepQuality, c.Mood, c.Energy = scaleTo10(v[3], 4, 1), scaleTo10(v[6], 4, 1), scaleTo10(v[7], 4, 1)
		c.Soreness, c.Stress = scaleTo10(v[4], 1, 4), scaleTo10(v[5], 1, 4)
		c.Notes = r.str("comments")
		if allMissing(c.RestingHR, c.HRV, c.SleepHours, c.SleepQuality, c.Soreness, c.Stress, c.Mood, c.Energy) {
			return c, "days without wellness inputs", nil
		}
		st, e := r.when("date")
		if e != nil {
			return c, "", e
		}
		c.Date = st.date
		return c, "", nil
	},
}

// whoopCyclesSpec reads WHOOP's physiological_cycles.csv (English or
// Spanish): a cycle's recovery belongs to the morning of its Wake onset.
// Sleep performance (%) stands in for sleep quality.
var whoopCyclesSpec = &spec{
	name: "whoop-cycles", label: "WHOOP physiological_cycles.csv", kind: KindCheckins, mark: markPoint, measure: rankDevice, rate: rankDeviceScore,
	cols: []col{
		{"wake", []string{"wake_onset", "inicio_de_la_vigilia"}, false},
		{"rhr", []string{"resting_heart_rate_bpm", "frecuencia_cardíaca_en_reposo_lpm"}, false},
		{"hrv", []string{"heart_rate_variability_ms", "variabilidad_de_la_frecuencia_cardíaca_ms"}, false},
		{"asleep", []string{"asleep_duration_min", "duración_del_sueño_min"}, false},
		{"performance", []string{"sleep_performance", "calificación_del_sueño"}, false},
	},
	need:    []string{"wake", "rhr", "hrv"},
	checkin: whoopSleep,
}

// whoopSleepsSpec reads WHOOP's sleeps.csv; naps are left out so they never
// replace the main night.
var whoopSleepsSpec = &spec{
	name: "whoop-sleeps", label: "WHOOP sleeps.csv", kind: KindCheckins, mark: markPoint, measure: rankDevice, rate: rankDeviceScore,
	cols: []col{
		{"wake", []string{"wake_onset", "inicio_de_la_vigilia"}, false},
		{"asleep", []string{"asleep_duration_min", "duración_del_sueño_min"}, false},
		{"performance", []string{"sleep_performance", "calificación_del_sueño"}, false},
		{"nap", []string{"nap", "siesta"}, false},
	},
	need:    []string{"wake", "asleep", "nap"},
	checkin: whoopSleep,
}

func whoopSleep(r *vrow) (metrics.Checkin, string, *rowError) {
	c := metrics.NewCheckin()
	if strings.EqualFold(r.str("nap"), "true") {
		return c, "naps (the main night counts)", nil
	}
	if r.str("wake") == "" {
		return c, "cycles without a recorded sleep", nil
	}
	v, e := r.nums("rhr", "hrv", "asleep", "performance")
	if e != nil {
		return c, "", e
	}
	if e := inRange("performance", v[3], 0, 100, "a sleep performance %"); e != nil {
		return c, "", e
	}
	c.RestingHR, c.HRV = positive(v[0]), positive(v[1])
	if m := positive(v[2]); metrics.Known(m) {
		c.SleepHours = round(m/60, 2)
	}
	c.SleepQuality = round(scaleTo10(v[3], 0, 100), 2)
	if allMissing(c.RestingHR, c.HRV, c.SleepHours, c.SleepQuality) {
		return c, "cycles without recovery or sleep values", nil
	}
	st, e := r.when("wake")
	if e != nil {
		return c, "", e
	}
	c.Date = st.date
	return c, "", nil
}

// whoopJournalSpec recognises WHOOP's journal_entries.csv. Its answers are
// personal (alcohol, sickness, intimacy) and map to no check-in item, so
// workin reads none of them and says so.
var whoopJournalSpec = &spec{
	name: "whoop-journal", label: "WHOOP journal_entries.csv", kind: KindCheckins, mark: markPoint,
	cols: []col{
		{"question", []string{"question_text", "texto_de_la_pregunta"}, false},
		{"answer", []string{"answered_yes", "respondió_sí"}, false},
	},
	need: []string{"question", "answer"},
	checkin: func(r *vrow) (metrics.Checkin, string, *rowError) {
		return metrics.NewCheckin(), "journal answers (private, and no check-in item matches them: not read)", nil
	},
}

// ouraSpec reads Oura's web "trends" export (2019 and 2020 layouts): sleep
// columns describe the night ending on the row's date. Lowest Resting Heart
// Rate is Oura's headline resting HR; Sleep Score stands in for quality.
var ouraSpec = &spec{
	name: "oura", label: "Oura trends CSV", kind: KindCheckins, mark: markPoint, measure: rankDevice, rate: rankDeviceScore,
	cols: []col{
		{"date", []string{"date"}, false},
		{"sleep", []string{"total_sleep_duration", "total_sleep_time"}, false},
		{"score", []string{"sleep_score"}, false},
		{"hrv", []string{"average_hrv"}, false},
		{"rhr", []string{"lowest_resting_heart_rate"}, false},
		{"readiness", []string{"readiness_score"}, false},
	},
	need: []string{"date", "hrv", "readiness"},
	checkin: func(r *vrow) (metrics.Checkin, string, *rowError) {
		c := metrics.NewCheckin()
		v, e := r.nums("sleep", "score", "hrv", "rhr")
		if e != nil {
			return c, "", e
		}
		if e := inRange("score", v[1], 0, 100, "a sleep score"); e != nil {
			return c, "", e
		}
		if s := positive(v[0]); metrics.Known(s) {
			c.SleepHours = round(s/3600, 2)
		}
		c.SleepQuality = round(scaleTo10(positive(v[1]), 0, 100), 2)
		c.HRV, c.RestingHR = positive(v[2]), positive(v[3])
		if allMissing(c.SleepHours, c.SleepQuality, c.HRV, c.RestingHR) {
			return c, "days without a ring night", nil
		}
		st, e := r.when("date")
		if e != nil {
			return c, "", e
		}
		c.Date = st.date
		return c, "", nil
	},
}

// garminSleepSpec reads Garmin Connect's daily sleep report (one row per
// morning): "7h 4min" durations, a 0–100 score, resting HR. Rows of "--"
// and of zeros are nights without data.
var garminSleepSpec = &spec{
	name: "garmin-sleep", label: "Garmin Connect daily sleep report", kind: KindCheckins, mark: markGuess, measure: rankDevice, rate: rankDeviceScore,
	cols: []col{
		{"date", []string{"date", "sleep_score_4_weeks"}, false},
		{"score", []string{"score"}, false},
		{"rhr", []string{"resting_heart_rate"}, false},
		{"duration", []string{"duration"}, false},
		{"quality", []string{"quality"}, false},
	},
	need: []string{"date", "score", "duration"},
	checkin: func(r *vrow) (metrics.Checkin, string, *rowError) {
		c := metrics.NewCheckin()
		v, e := r.nums("score", "rhr")
		if e != nil {
			return c, "", e
		}
		h, err := hourMinutes(r.str("duration"))
		if err != nil {
			return c, "", &rowError{"duration", err}
		}
		if e := inRange("score", v[0], 0, 100, "a sleep score"); e != nil {
			return c, "", e
		}
		c.SleepHours, c.RestingHR = positive(round(h, 2)), positive(v[1])
		c.SleepQuality = round(scaleTo10(positive(v[0]), 0, 100), 2)
		if allMissing(c.SleepHours, c.SleepQuality, c.RestingHR) {
			return c, "nights without data (rows of -- or zeros)", nil
		}
		st, e := r.when("date")
		if e != nil {
			return c, "", e
		}
		c.Date = st.date
		return c, "", nil
	},
}

// pmsysWellnessSpec reads the PMSys team app's wellness.csv: 1–5 items on
// which low numbers are worse (so soreness and stress are flipped), a 0–10
// readiness that stands in for energy, whole hours of sleep, UTC times.
var pmsysWellnessSpec = &spec{
	name: "pmsys-wellness", label: "PMSys wellness.csv", kind: KindCheckins, mark: markPoint, utc: true, measure: rankOther, rate: rankTeamApp,
	cols: []col{
		{"time", []string{"effective_time_frame"}, false},
		{"mood", []string{"mood"}, false},
		{"readiness", []string{"readiness"}, false},
		{"sleep", []string{"sleep_duration_h"}, false},
		{"quality", []string{"sleep_quality"}, false},
		{"soreness", []string{"soreness"}, false},
		{"stress", []string{"stress"}, false},
	},
	need: []string{"time", "readiness", "soreness"},
	checkin: func(r *vrow) (metrics.Checkin, string, *rowError) {
		c := metrics.NewCheckin()
		v, e := r.nums("mood", "readiness", "sleep", "quality", "soreness", "stress")
		if e != nil {
			return c, "", e
		}
		for i, f := range []string{"mood", "", "", "quality", "soreness", "stress"} {
			if f == "" {
				continue
			}
			if e := inRange(f, v[i], 1, 5, "a value on PMSys's 1–5 scale"); e != nil {
				return c, "", e
			}
		}
		if e := inRange("readiness", v[1], 0, 10, "a readiness from 0 to 10"); e != nil {
			return c, "", e
		}
		c.Mood, c.SleepQuality = scaleTo10(v[0], 1, 5), scaleTo10(v[3], 1, 5)
		c.Soreness, c.Stress = scaleTo10(v[4], 5, 1), scaleTo10(v[5], 5, 1)
		c.Energy = scaleTo10(v[1], 0, 10)
		if s := positive(v[2]); metrics.Known(s) {
			if s > 24 {
				return c, "", &rowError{"sleep", &valueError{"want hours of sleep from 0 to 24", s}}
			}
			c.SleepHours = s
		}
		st, e := r.when("time")
		if e != nil {
			return c, "", e
		}
		c.Date = st.date
		return c, "", nil
	},
}

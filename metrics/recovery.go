package metrics

// Recovery holds one day's check-in values (merged when a day has several
// check-ins) and what is derived from them.
type Recovery struct {
	Checkins     int // check-in rows merged into this day
	SleepHours   float64
	SleepQuality float64
	Soreness     float64
	Stress       float64
	Mood         float64
	Energy       float64
	HRV          float64 // rMSSD, ms
	RestingHR    float64
	Readiness    float64 // 0–100; Missing until computed
}

var emptyRecovery = Recovery{
	SleepHours: Missing, SleepQuality: Missing, Soreness: Missing, Stress: Missing,
	Mood: Missing, Energy: Missing, HRV: Missing, RestingHR: Missing, Readiness: Missing,
}

// RecoveryResult summarises the recovery side of an analysis.
type RecoveryResult struct {
	Checkins int // check-in rows used
	Days     int // days with at least one check-in
}

// recovery merges check-ins into the days, field by field: when a day has
// several check-ins, a later non-empty value wins (check-ins are sorted by
// date, file and line).
func (a *Analysis) recovery(cs []Checkin) {
	for i := range cs {
		c := &cs[i]
		d := &a.Days[c.Date-a.Start]
		if d.Checkins == 0 {
			a.RecoveryRes.Days++
		}
		d.Checkins++
		a.RecoveryRes.Checkins++
		mergeValue(&d.SleepHours, c.SleepHours)
		mergeValue(&d.SleepQuality, c.SleepQuality)
		mergeValue(&d.Soreness, c.Soreness)
		mergeValue(&d.Stress, c.Stress)
		mergeValue(&d.Mood, c.Mood)
		mergeValue(&d.Energy, c.Energy)
		mergeValue(&d.HRV, c.HRV)
		mergeValue(&d.RestingHR, c.RestingHR)
	}
}

func mergeValue(dst *float64, v float64) {
	if Known(v) {
		*dst = v
	}
}

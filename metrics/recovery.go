package metrics

import "math"

// Recovery holds one day's check-in values (merged when a day has several
// check-ins) and what is derived from them: HRV and resting-HR baselines
// and the readiness score with its parts.
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

	LnHRV  float64  // ln rMSSD
	HRV7   float64  // 7-day mean of ln rMSSD (at least 4 values)
	HRVRef Baseline // ln rMSSD over the baseline window before the day
	RHRRef Baseline // resting HR over the baseline window before the day
	// RHRLimit is the elevated-resting-HR line: mean + max(rhr_delta_bpm, SD).
	RHRLimit float64

	Readiness float64 // 0–100; Missing without a check-in or usable part
	Parts     [NumParts]Part
}

// Baseline is the mean and sample SD of a measure over the days before a
// day (d−N…d−1). It is Ready when it has at least MinBaseline values; until
// then Mean and SD are Missing and N says how far it has come.
type Baseline struct {
	N        int
	Mean, SD float64
}

// Ready reports whether the baseline has enough values.
func (b Baseline) Ready() bool { return b.N >= MinBaseline }

// MinBaseline is how many values a baseline needs before workin uses it.
const MinBaseline = 14

// The readiness parts, in the order of Recovery.Parts.
const (
	PartHRV = iota
	PartRHR
	PartSleep
	PartWellness
	NumParts
)

// PartNames name the readiness parts.
var PartNames = [NumParts]string{"HRV", "resting HR", "sleep", "wellness"}

// Part is one readiness component on a day: its sub-score S (0–100, 75 =
// the athlete's usual), its weight after sharing out the weight of missing
// parts, and the points it moved readiness from 75 (weight × (S − 75)).
type Part struct {
	Score  float64 // Missing when the part is not available that day
	Weight float64
	Points float64
}

var emptyRecovery = func() Recovery {
	r := Recovery{SleepHours: Missing(), SleepQuality: Missing(), Soreness: Missing(), Stress: Missing(),
		Mood: Missing(), Energy: Missing(), HRV: Missing(), RestingHR: Missing(), LnHRV: Missing(), HRV7: Missing(),
		RHRLimit: Missing(), Readiness: Missing(),
		HRVRef: Baseline{Mean: Missing(), SD: Missing()}, RHRRef: Baseline{Mean: Missing(), SD: Missing()}}
	for i := range r.Parts {
		r.Parts[i] = Part{Score: Missing(), Points: Missing()}
	}
	return r
}()

// RecoveryResult summarises the recovery side of an analysis.
type RecoveryResult struct {
	Checkins   int // check-in rows used
	Days       int // days with at least one check-in
	MergedDays int // days with several check-ins, merged field by field
}

// recovery merges check-ins into the days, item by item: a device's
// reading wins for what it measures (HRV, resting HR, sleep time), the
// athlete's own sheet for how they feel; among equal sources a later row
// wins (check-ins are sorted by date, file and line). Then it computes
// baselines and readiness.
func (a *Analysis) recovery(cs []Checkin) {
	ranks := make([][8]int8, len(a.Days))
	for i := range cs {
		c := &cs[i]
		di := int(c.Date - a.Start)
		d := &a.Days[di]
		switch d.Checkins {
		case 0:
			a.RecoveryRes.Days++
		case 1:
			a.RecoveryRes.MergedDays++
		}
		d.Checkins++
		a.RecoveryRes.Checkins++
		obj, subj := c.Origin.ranks()
		rk := &ranks[di]
		mergeRanked(&d.SleepHours, &rk[0], c.SleepHours, obj)
		mergeRanked(&d.SleepQuality, &rk[1], c.SleepQuality, subj)
		mergeRanked(&d.Soreness, &rk[2], c.Soreness, subj)
		mergeRanked(&d.Stress, &rk[3], c.Stress, subj)
		mergeRanked(&d.Mood, &rk[4], c.Mood, subj)
		mergeRanked(&d.Energy, &rk[5], c.Energy, subj)
		mergeRanked(&d.HRV, &rk[6], c.HRV, obj)
		mergeRanked(&d.RestingHR, &rk[7], c.RestingHR, obj)
	}
	lnHRV := make([]float64, len(a.Days))
	rhr := make([]float64, len(a.Days))
	for i := range a.Days {
		d := &a.Days[i]
		if Known(d.HRV) && d.HRV > 0 {
			d.LnHRV = math.Log(d.HRV)
		}
		lnHRV[i], rhr[i] = d.LnHRV, d.RestingHR
	}
	p := a.Params
	lnSeries, rhrSeries := newSeries(lnHRV), newSeries(rhr)
	for i := range a.Days {
		d := &a.Days[i]
		d.HRV7 = lnSeries.mean(i-6, i+1, 4)
		d.HRVRef = lnSeries.baseline(i, p.HRVBaselineDays, hrvSDFloor)
		d.RHRRef = rhrSeries.baseline(i, p.HRVBaselineDays, rhrSDFloor)
		if d.RHRRef.Ready() {
			d.RHRLimit = d.RHRRef.Mean + math.Max(p.RHRDeltaBPM, d.RHRRef.SD)
		}
		d.Parts, d.Readiness = readiness(&d.Recovery, p.Weights)
	}
}

// mergeRanked takes v when it is recorded and its source ranks at least
// as high as the one that set dst (so among equals a later row wins).
func mergeRanked(dst *float64, rank *int8, v float64, r int8) {
	if Known(v) && r >= *rank {
		*dst, *rank = v, r
	}
}

// The SD floors: ln rMSSD varies by at least 0.05 (about 5 %), resting HR
// by at least 1 bpm, so a very steady baseline does not make every small
// change look large.
const (
	hrvSDFloor = 0.05
	rhrSDFloor = 1
)

// series is a daily series's known values in day order, with how many
// come before each day, so that the known values of any run of days are
// one contiguous slice: windows are summed without testing every day.
type series struct {
	vals   []float64
	before []int32 // before[i]: known values among days 0…i−1 (len n+1)
}

func newSeries(xs []float64) series {
	s := series{before: make([]int32, len(xs)+1)}
	for i, x := range xs {
		if Known(x) {
			s.vals = append(s.vals, x)
		}
		s.before[i+1] = int32(len(s.vals))
	}
	return s
}

// window returns the known values of days from…to−1, clipped to the
// series.
func (s series) window(from, to int) []float64 {
	from, to = max(from, 0), min(to, len(s.before)-1)
	if from >= to {
		return nil
	}
	return s.vals[s.before[from]:s.before[to]]
}

// mean is the mean of the known values of days from…to−1, or Missing with
// fewer than min of them.
func (s series) mean(from, to, min int) float64 {
	vs := s.window(from, to)
	if len(vs) < min {
		return Missing()
	}
	return mean(vs)
}

// baseline is the mean and sample SD (floored) of the known values in the
// days window days before day i.
func (s series) baseline(i, days int, floor float64) Baseline {
	vs := s.window(i-days, i)
	n := len(vs)
	b := Baseline{N: n, Mean: Missing(), SD: Missing()}
	if n < MinBaseline {
		return b
	}
	m := mean(vs)
	var ss float64
	for _, v := range vs {
		ss += (v - m) * (v - m)
	}
	b.Mean, b.SD = m, math.Max(math.Sqrt(ss/float64(n-1)), floor)
	return b
}

// HRVRange returns the normal range of ln rMSSD around a baseline: mean ±
// swc × SD (the smallest worthwhile change).
func HRVRange(b Baseline, swc float64) (lo, hi float64) {
	if !b.Ready() {
		return Missing(), Missing()
	}
	return b.Mean - swc*b.SD, b.Mean + swc*b.SD
}

// Readiness sub-scores (science reference §7.2), each clamped to 0–100.

// HRVScore is 75 + 25 z, z = (ln rMSSD − mean) / SD.
func HRVScore(ln float64, b Baseline) float64 {
	return clamp100(75 + 25*(ln-b.Mean)/b.SD)
}

// RHRScore is 75 − 25 z, z = (RHR − mean) / SD.
func RHRScore(rhr float64, b Baseline) float64 {
	return clamp100(75 - 25*(rhr-b.Mean)/b.SD)
}

// SleepScore is the mean of 25 × (hours − 4) and 100 × (quality − 1) / 9,
// over the parts recorded; Missing when neither is.
func SleepScore(hours, quality float64) float64 {
	var sum, n float64
	if Known(hours) {
		sum, n = sum+25*(hours-4), n+1
	}
	if Known(quality) {
		sum, n = sum+100*(quality-1)/9, n+1
	}
	if n == 0 {
		return Missing()
	}
	return clamp100(sum / n)
}

// WellnessScore is 100 × the mean of (10 − soreness)/9, (10 − stress)/9,
// (mood − 1)/9 and (energy − 1)/9 over the items recorded.
func WellnessScore(soreness, stress, mood, energy float64) float64 {
	var sum, n float64
	for _, x := range [...]float64{10 - soreness, 10 - stress, mood - 1, energy - 1} {
		if Known(x) {
			sum, n = sum+x/9, n+1
		}
	}
	if n == 0 {
		return Missing()
	}
	return clamp100(100 * sum / n)
}

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return Missing()
	}
	var s float64
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

func clamp100(x float64) float64 {
	if !Known(x) {
		return x
	}
	return math.Max(0, math.Min(100, x))
}

// readiness combines the day's available parts with their weights
// renormalised over what is available. It is Missing without a check-in.
func readiness(r *Recovery, w Weights) ([NumParts]Part, float64) {
	var parts [NumParts]Part
	scores := [NumParts]float64{Missing(), Missing(), Missing(), Missing()}
	if r.Checkins > 0 {
		if Known(r.LnHRV) && r.HRVRef.Ready() {
			scores[PartHRV] = HRVScore(r.LnHRV, r.HRVRef)
		}
		if Known(r.RestingHR) && r.RHRRef.Ready() {
			scores[PartRHR] = RHRScore(r.RestingHR, r.RHRRef)
		}
		scores[PartSleep] = SleepScore(r.SleepHours, r.SleepQuality)
		scores[PartWellness] = WellnessScore(r.Soreness, r.Stress, r.Mood, r.Energy)
	}
	weights := [NumParts]float64{w.HRV, w.RHR, w.Sleep, w.Wellness}
	var total float64
	for i, s := range scores {
		if Known(s) {
			total += weights[i]
		}
	}
	rd := Missing()
	if total > 0 {
		rd = 75
	}
	for i, s := range scores {
		parts[i] = Part{Score: s, Points: Missing()}
		if Known(s) && total > 0 {
			parts[i].Weight = weights[i] / total
			parts[i].Points = parts[i].Weight * (s - 75)
			rd += parts[i].Points
		}
	}
	return parts, rd
}

package metrics

import (
	"fmt"
	"slices"
)

// Estimate is a profile value the profile did not give, taken from the
// athlete's own data. A value the profile gives always wins; a value an
// export states as the athlete's setting (intervals.icu writes the FTP,
// LTHR, resting and maximum HR it used on every activity) comes next; a
// value estimated from the readings comes last.
type Estimate struct {
	Key   string  // the profile key: max_hr, resting_hr, lthr or ftp
	Value float64 // bpm or W
	// Stated is true when an export states the value as the athlete's
	// setting, false when workin estimated it from the readings.
	Stated bool
	Source string // the export that states it ("intervals.icu activities.csv")
	How    string // how it was found, in words
	N      int    // how many values it rests on
	Date   Date   // the latest of them
}

// The estimate methods: how many readings each needs, and how far back
// resting HR looks.
const (
	estimateMinMaxHR   = 5  // sessions with a maximum HR
	estimateMinResting = 5  // mornings with a resting HR
	estimateRestDays   = 90 // resting HR: the mornings of the last 90 days
	estimateMaxHRGap   = 20 // max HR must be at least this far above resting
	estimateStated     = 5  // stated settings: the median of the latest five
)

// estimateProfile fills the physiological values p lacks from the
// workouts and check-ins (both dated up to asOf and sorted by date) and
// returns the profile used for the analysis with what was filled in.
//
//   - max_hr: stated by the export, else the highest session maximum HR of
//     at least five sessions that record one;
//   - resting_hr: stated by the export, else the median morning resting HR
//     of the last 90 days (at least five mornings);
//   - lthr and ftp: only where an export states them.
//
// An estimate that contradicts the others (max HR not at least 20 bpm above
// resting HR, LTHR outside them) is left out.
func estimateProfile(p Profile, ws []Workout, cs []Checkin, asOf Date) (Profile, []Estimate) {
	var out []Estimate
	stated := func(key string, get func(*Settings) float64) (Estimate, bool) {
		var vals []float64
		last := -1
		for i := len(ws) - 1; i >= 0 && len(vals) < estimateStated; i-- {
			if v := get(&ws[i].Stated); Known(v) && v > 0 {
				vals = append(vals, v)
				if last < 0 {
					last = i
				}
			}
		}
		if last < 0 {
			return Estimate{}, false
		}
		src := "an export"
		if o := ws[last].Origin; o != nil && o.Label != "" {
			src = o.Label
		}
		how := fmt.Sprintf("the setting on the latest session (%s)", ws[last].Date)
		if len(vals) > 1 {
			how = fmt.Sprintf("the median of the setting on the latest %d sessions, the last on %s", len(vals), ws[last].Date)
		}
		return Estimate{Key: key, Value: median(vals), Stated: true, Source: src, N: len(vals), Date: ws[last].Date, How: how}, true
	}
	if !Known(p.RestingHR) {
		if e, ok := stated("resting_hr", func(s *Settings) float64 { return s.RestingHR }); ok {
			out = append(out, e)
		} else if e, ok := restingEstimate(cs, asOf); ok {
			out = append(out, e)
		}
	}
	if !Known(p.MaxHR) {
		if e, ok := stated("max_hr", func(s *Settings) float64 { return s.MaxHR }); ok {
			out = append(out, e)
		} else if e, ok := maxHREstimate(ws); ok {
			out = append(out, e)
		}
	}
	if !Known(p.LTHR) {
		if e, ok := stated("lthr", func(s *Settings) float64 { return s.LTHR }); ok {
			out = append(out, e)
		}
	}
	if !Known(p.FTP) {
		if e, ok := stated("ftp", func(s *Settings) float64 { return s.FTP }); ok {
			out = append(out, e)
		}
	}
	q := p
	for _, e := range out {
		switch e.Key {
		case "resting_hr":
			q.RestingHR = e.Value
		case "max_hr":
			q.MaxHR = e.Value
		case "lthr":
			q.LTHR = e.Value
		case "ftp":
			q.FTP = e.Value
		}
	}
	// Drop estimates that contradict the profile or each other; a profile
	// value is never dropped.
	keep := out[:0]
	for _, e := range out {
		switch e.Key {
		case "resting_hr", "max_hr":
			if Known(q.MaxHR) && Known(q.RestingHR) && q.MaxHR < q.RestingHR+estimateMaxHRGap {
				if e.Key == "resting_hr" {
					q.RestingHR = p.RestingHR
				} else {
					q.MaxHR = p.MaxHR
				}
				continue
			}
		case "lthr":
			if Known(q.MaxHR) && Known(q.RestingHR) && (q.LTHR <= q.RestingHR || q.LTHR > q.MaxHR) {
				q.LTHR = p.LTHR
				continue
			}
		}
		keep = append(keep, e)
	}
	if len(keep) == 0 {
		return p, nil
	}
	return q, keep
}

// restingEstimate is the median morning resting HR of the last
// estimateRestDays days up to asOf, or of every morning when those days
// hold too few.
func restingEstimate(cs []Checkin, asOf Date) (Estimate, bool) {
	var recent, all []float64
	first, last := NoDate, NoDate
	for i := range cs {
		c := &cs[i]
		if !Known(c.RestingHR) {
			continue
		}
		all = append(all, c.RestingHR)
		if first == NoDate {
			first = c.Date
		}
		last = c.Date
		if c.Date > asOf-estimateRestDays {
			recent = append(recent, c.RestingHR)
		}
	}
	if len(recent) >= estimateMinResting {
		return Estimate{Key: "resting_hr", Value: median(recent), N: len(recent), Date: last,
			How: fmt.Sprintf("the median of %d morning resting-HR readings in the %d days up to %s", len(recent), estimateRestDays, asOf)}, true
	}
	if len(all) < estimateMinResting {
		return Estimate{}, false
	}
	return Estimate{Key: "resting_hr", Value: median(all), N: len(all), Date: last,
		How: fmt.Sprintf("the median of %d morning resting-HR readings from %s to %s, %d days before %s: none are more recent", len(all), first, last, int(asOf-last), asOf)}, true
}

// maxHREstimate is the highest session maximum HR.
func maxHREstimate(ws []Workout) (Estimate, bool) {
	best, n := -1, 0
	for i := range ws {
		if Known(ws[i].MaxHR) {
			n++
			if best < 0 || ws[i].MaxHR > ws[best].MaxHR {
				best = i
			}
		}
	}
	if n < estimateMinMaxHR {
		return Estimate{}, false
	}
	w := &ws[best]
	return Estimate{Key: "max_hr", Value: w.MaxHR, N: n, Date: w.Date,
		How: fmt.Sprintf("the highest heart rate of %d sessions that record one (%s on %s); a true maximum is often higher, which makes heart-rate loads read high", n, w.Sport, w.Date)}, true
}

// median is the middle value (the mean of the two middle ones for an even
// count); it sorts a copy.
func median(xs []float64) float64 {
	v := slices.Clone(xs)
	slices.Sort(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}

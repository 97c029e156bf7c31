package metrics

import (
	"fmt"
	"math"
)

// Rule indexes follow RuleNames.
const (
	iHRVLow = iota
	iRHRHigh
	iSoreness
	iEffortDrift
	iReadinessLow
	iNoRestDay
	iHardPoorReadiness
	iHardDaysClose
	iLoadSpike
	iMonotonyHigh
	iNoDeload
	NumRules
)

// RuleState is one rule on one day: whether its condition holds, the
// measured value and the threshold it was compared with.
type RuleState struct {
	Holds            bool
	Value, Threshold float64
}

// Flag is a rule firing: a maximal run of days on which it held, dated on
// its last day.
type Flag struct {
	Rule      string
	From, To  Date
	Severity  string // "alert" or "warn"
	Value     float64
	Threshold float64
	Detail    string
}

// Severities of a flag.
const (
	Warn  = "warn"
	Alert = "alert"
)

// eventRule reports whether a rule is about one day's event; such rules stay
// active one more day.
func eventRule(i int) bool { return i == iHardDaysClose || i == iHardPoorReadiness }

// bodyRule reports whether a rule reads the body's own signals.
func bodyRule(i int) bool { return i <= iEffortDrift }

// rules evaluates every rule on every day, then collects flags.
func (a *Analysis) rules() {
	p := a.Params
	drift := effortDrift(a.Sessions, a.Start, len(a.Days))
	lighterRun := weeksWithoutLighter(a.Weeks, a.Start, len(a.Days))
	var off [NumRules]bool
	for k, name := range RuleNames {
		off[k] = p.Off[name]
	}
	noRest, soreRun, hardPrev, hrvRun, rhrRun := 0, 0, 0, 0, 0
	for i := range a.Days {
		d := &a.Days[i]
		r := &d.Rules
		// no-rest-day: consecutive non-rest days ending today.
		if d.Rest {
			noRest = 0
		} else {
			noRest++
		}
		r[iNoRestDay] = RuleState{noRest >= p.NoRestDays, float64(noRest), float64(p.NoRestDays)}
		// soreness-persistent: soreness at or above the minimum on each of the last days.
		if Known(d.Soreness) && d.Soreness >= p.SorenessMin {
			soreRun++
		} else {
			soreRun = 0
		}
		r[iSoreness] = RuleState{soreRun >= p.SorenessDays, float64(soreRun), float64(p.SorenessDays)}
		// hard-days-close: hard sessions today and yesterday, or two today.
		r[iHardDaysClose] = RuleState{d.HardCount > 0 && hardPrev > 0 || d.HardCount >= 2, float64(d.HardCount + hardPrev), 2}
		hardPrev = d.HardCount
		// load-spike.
		r[iLoadSpike] = RuleState{Known(d.ACWR) && d.ACWR > p.SpikeACWR && d.Chronic >= p.SpikeMinChronic, d.ACWR, p.SpikeACWR}
		r[iMonotonyHigh] = RuleState{Known(d.Monotony) && d.Monotony > p.MonotonyMax, d.Monotony, p.MonotonyMax}
		r[iEffortDrift] = RuleState{Known(drift[i]) && drift[i] >= p.EffortDriftRPE, drift[i], p.EffortDriftRPE}
		// hrv-low, rhr-high: the sign on each of the last bodyRunDays mornings.
		lo, _ := HRVRange(d.HRVRef, p.HRVSWCSD)
		hrvRun = runOf(hrvRun, a.hrvBelow(i))
		r[iHRVLow] = RuleState{hrvRun >= bodyRunDays, d.HRV7, lo}
		rhrRun = runOf(rhrRun, a.rhrAbove(i))
		r[iRHRHigh] = RuleState{rhrRun >= bodyRunDays, d.RestingHR, d.RHRLimit}
		r[iReadinessLow] = RuleState{Known(d.Readiness) && d.Readiness < p.ReadinessLow, d.Readiness, p.ReadinessLow}
		r[iHardPoorReadiness] = RuleState{d.HardCount > 0 && r[iReadinessLow].Holds, d.Readiness, p.ReadinessLow}
		r[iNoDeload] = RuleState{lighterRun[i] >= p.DeloadWeeks, float64(lighterRun[i]), float64(p.DeloadWeeks)}
		for k := range r {
			if off[k] {
				r[k].Holds = false
			}
		}
	}
	a.Flags = a.collectFlags()
}

// bodyRunDays is how many mornings in a row HRV must be low, or resting
// HR high, for its rule to hold.
const bodyRunDays = 3

// runOf extends a run of days on which a sign showed, or ends it.
func runOf(run int, sign bool) int {
	if sign {
		return run + 1
	}
	return 0
}

func (a *Analysis) hrvBelow(i int) bool {
	d := &a.Days[i]
	lo, _ := HRVRange(d.HRVRef, a.Params.HRVSWCSD)
	return Known(d.HRV7) && Known(lo) && d.HRV7 < lo
}

func (a *Analysis) rhrAbove(i int) bool {
	d := &a.Days[i]
	return Known(d.RestingHR) && Known(d.RHRLimit) && d.RestingHR >= d.RHRLimit
}

// weeksWithoutLighter gives, for every day, how many complete weeks in a
// row without a lighter one have ended on or before it.
func weeksWithoutLighter(ws []Week, start Date, n int) []int {
	out := make([]int, n)
	run := 0
	wi := 0
	for i := 0; i < n; i++ {
		day := start + Date(i)
		for wi < len(ws) && ws[wi].Start+6 <= day {
			if ws[wi].Complete {
				if ws[wi].Lighter {
					run = 0
				} else {
					run++
				}
			}
			wi++
		}
		out[i] = run
	}
	return out
}

// effortDrift computes, for every day d, the mean RPE residual of the
// recent sessions (d−13…d, at least 4) against a least-squares line of RPE
// on load per hour fitted to the baseline sessions (d−41…d−14, at least 5).
// Eligible sessions are not work-ins and have an RPE, a duration and a
// measured load above zero.
func effortDrift(ss []Session, start Date, n int) []float64 {
	// The eligible sessions in date order, as parallel columns, so that
	// each day's baseline and recent sessions are two adjacent runs.
	var days []int
	var xs, ys []float64
	for i := range ss {
		s := &ss[i]
		if s.WorkIn || !Known(s.RPE) || !Known(s.Duration) || s.Duration <= 0 || !s.Source.Objective() || s.LP <= 0 {
			continue
		}
		days = append(days, int(s.Date-start))
		xs, ys = append(xs, s.LP/(s.Duration/3600)), append(ys, s.RPE)
	}
	out := make([]float64, n)
	lo, mid, hi := 0, 0, 0 // baseline xs[lo:mid], recent xs[mid:hi]
	for d := 0; d < n; d++ {
		out[d] = Missing
		for lo < len(days) && days[lo] < d-41 {
			lo++
		}
		for hi < len(days) && days[hi] <= d {
			hi++
		}
		mid = max(mid, lo)
		for mid < hi && days[mid] <= d-14 {
			mid++
		}
		if mid-lo < 5 || hi-mid < 4 {
			continue
		}
		a, b := LeastSquares(xs[lo:mid], ys[lo:mid])
		var sum float64
		for k := mid; k < hi; k++ {
			sum += ys[k] - (a + b*xs[k])
		}
		out[d] = sum / float64(hi-mid)
	}
	return out
}

// LeastSquares fits y = a + b x; b is 0 when every x is the same (within
// rounding: equal loads per hour computed different ways can differ in the
// last bits, which must not tilt the line).
func LeastSquares(x, y []float64) (a, b float64) {
	mx, my := mean(x), mean(y)
	var sxy, sxx float64
	for i := range x {
		sxy += (x[i] - mx) * (y[i] - my)
		sxx += (x[i] - mx) * (x[i] - mx)
	}
	if sxx > 1e-9*float64(len(x))*(1+mx*mx) {
		b = sxy / sxx
	}
	return my - b*mx, b
}

// collectFlags turns runs of holding days into flags.
func (a *Analysis) collectFlags() []Flag {
	var flags []Flag
	for k := 0; k < NumRules; k++ {
		for i := 0; i < len(a.Days); i++ {
			if !a.Days[i].Rules[k].Holds {
				continue
			}
			j := i
			alert := false
			for ; j < len(a.Days) && a.Days[j].Rules[k].Holds; j++ {
				alert = alert || a.alert(k, j)
			}
			last := a.Days[j-1].Rules[k]
			f := Flag{Rule: RuleNames[k], From: a.Days[i].Date, To: a.Days[j-1].Date, Severity: Warn,
				Value: last.Value, Threshold: last.Threshold}
			if alert {
				f.Severity = Alert
			}
			f.Detail = a.detail(k, i, j-1)
			flags = append(flags, f)
			i = j
		}
	}
	return flags
}

// alert reports whether rule k on day i is at alert level: no rest for
// no_rest_alert_days, a ratio above 2.0, HRV low with resting HR high, or
// readiness under readiness_rest.
func (a *Analysis) alert(k, i int) bool {
	d := &a.Days[i]
	r := d.Rules[k]
	switch k {
	case iNoRestDay:
		return r.Value >= float64(a.Params.NoRestAlertDays)
	case iLoadSpike:
		return r.Value > 2
	case iHRVLow, iRHRHigh:
		return d.Rules[iHRVLow].Holds && d.Rules[iRHRHigh].Holds
	case iReadinessLow, iHardPoorReadiness:
		return Known(d.Readiness) && d.Readiness < a.Params.ReadinessRest
	}
	return false
}

// detail describes a rule's run from day i to day j in a coach's words.
func (a *Analysis) detail(k, i, j int) string {
	from, to := a.Days[i].Date, a.Days[j].Date
	r := a.Days[j].Rules[k]
	days := j - i + 1
	p := a.Params
	switch k {
	case iNoRestDay:
		return fmt.Sprintf("%.0f days without a rest day since %s", r.Value, a.Days[j].Date.AddDays(1-int(r.Value)))
	case iSoreness:
		return fmt.Sprintf("soreness %s or more for %.0f mornings in a row since %s (today %s)", num(p.SorenessMin), r.Value,
			a.Days[j].Date.AddDays(1-int(r.Value)), num(a.Days[j].Soreness))
	case iHardDaysClose:
		first := from.AddDays(-1) // the run's first day pairs with the hard day before it
		if i == 0 || a.Days[i-1].HardCount == 0 {
			first = from // or it began with two hard sessions on one day
		}
		return fmt.Sprintf("hard sessions less than 48 h apart on %s", span(first, to))
	case iLoadSpike:
		v, t := apart(r.Value, r.Threshold, 2)
		return fmt.Sprintf("acute:chronic %s, above %s, with a usual load of %.0f LP/day (%s)", v, t, a.Days[j].Chronic, span(from, to))
	case iMonotonyHigh:
		v, t := apart(r.Value, r.Threshold, 1)
		return fmt.Sprintf("monotony %s, above %s: days too alike (%s)", v, t, span(from, to))
	case iEffortDrift:
		return fmt.Sprintf("sessions rated %.1f RPE harder than usual for the same load over the last two weeks (%s)", r.Value, span(from, to))
	case iHRVLow:
		lo, hi := HRVRange(a.Days[j].HRVRef, p.HRVSWCSD)
		return fmt.Sprintf("HRV 7-day mean %.0f ms, below your normal %.0f–%.0f ms for %d days since %s", math.Exp(r.Value), math.Exp(lo), math.Exp(hi), days+bodyRunDays-1, from.AddDays(1-bodyRunDays))
	case iRHRHigh:
		return fmt.Sprintf("resting HR %.0f bpm, at or above your limit of %.0f for %d mornings since %s", r.Value, r.Threshold, days+bodyRunDays-1, from.AddDays(1-bodyRunDays))
	case iReadinessLow:
		return fmt.Sprintf("readiness %.0f, under %.0f (%s)", r.Value, r.Threshold, span(from, to))
	case iHardPoorReadiness:
		return fmt.Sprintf("a hard session on a day of readiness %.0f, under %.0f (%s)", r.Value, r.Threshold, span(from, to))
	case iNoDeload:
		return fmt.Sprintf("%.0f complete weeks without a lighter week (limit %.0f)", r.Value, r.Threshold)
	}
	return ""
}

// apart formats a value and its threshold with d decimals, or more when
// they would otherwise print the same (1.503 above 1.5 is not "1.50 above
// 1.50").
func apart(v, t float64, d int) (string, string) {
	for ; d < 4; d++ {
		a, b := fmt.Sprintf("%.*f", d, v), fmt.Sprintf("%.*f", d, t)
		if a != b {
			return a, b
		}
	}
	return fmt.Sprintf("%.*f", d, v), fmt.Sprintf("%.*f", d, t)
}

func span(from, to Date) string {
	if from == to {
		return from.String()
	}
	return from.String() + " to " + to.String()
}

func num(v float64) string { return fmt.Sprintf("%g", v) }

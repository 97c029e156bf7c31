package metrics

import (
	"fmt"
	"math"

	"github.com/workin/workin/internal/text"
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
	Holds bool
	// Unknown is set when the rule does not hold on what is known but
	// could hold on what is not: sessions of unknown load in its window.
	// It is "could not be checked", never a pass.
	Unknown bool
	// Carried is set on the as-of day, which is not over, when the rule
	// held on the last complete day and nothing known today clears it:
	// Value and Threshold are that day's (Day.Date − 1).
	Carried          bool
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

// loadRules are the rules that read training load.
var loadRules = [...]int{iNoRestDay, iHardDaysClose, iLoadSpike, iMonotonyHigh, iNoDeload}

// bodyRule reports whether a rule reads the body's own signals.
func bodyRule(i int) bool { return i <= iEffortDrift }

// rules evaluates every rule on every day, then collects flags.
func (a *Analysis) rules() {
	p := a.Params
	drift := effortDrift(a.Sessions, a.Start, len(a.Days))
	lighterRun, lighterOpen := weeksWithoutLighter(a.Weeks, a.Start, len(a.Days))
	var off [NumRules]bool
	for k, name := range RuleNames {
		off[k] = p.Off[name]
	}
	// no-rest-day counts two streaks: noRest of days known to be training
	// days, noRestUp also counting the days of unknown load (which the
	// rule could not tell apart from rest days).
	noRest, noRestUp, soreRun, hrvRun, rhrRun := 0, 0, 0, 0, 0
	hardPrev, maybePrev := 0, 0
	unknownWeek := 0 // sessions of unknown load in the last acute days
	acute := max(p.ACWRAcuteDays, 7)
	for i := range a.Days {
		d := &a.Days[i]
		r := &d.Rules
		unknownWeek += d.Unknown
		if i >= acute {
			unknownWeek -= a.Days[i-acute].Unknown
		}
		// no-rest-day: consecutive training days ending today. An open
		// day in progress neither resets nor extends the streak.
		switch {
		case d.Rest:
			noRest, noRestUp = 0, 0
		case d.RestOpen && d.InProgress:
		case d.RestOpen:
			noRest, noRestUp = 0, noRestUp+1
		default:
			noRest, noRestUp = noRest+1, noRestUp+1
		}
		r[iNoRestDay] = RuleState{Holds: noRest >= p.NoRestDays, Value: float64(noRest), Threshold: float64(p.NoRestDays)}
		if !r[iNoRestDay].Holds && noRestUp >= p.NoRestDays {
			r[iNoRestDay] = RuleState{Unknown: true, Value: float64(noRestUp), Threshold: float64(p.NoRestDays)}
		}
		// soreness-persistent: soreness at or above the minimum on each of the last days.
		if Known(d.Soreness) && d.Soreness >= p.SorenessMin {
			soreRun++
		} else {
			soreRun = 0
		}
		r[iSoreness] = RuleState{Holds: soreRun >= p.SorenessDays, Value: float64(soreRun), Threshold: float64(p.SorenessDays)}
		// hard-days-close: hard sessions today and yesterday, or two today.
		close2 := func(today, prev int) bool { return today > 0 && prev > 0 || today >= 2 }
		r[iHardDaysClose] = RuleState{Holds: close2(d.HardCount, hardPrev), Value: float64(d.HardCount + hardPrev), Threshold: 2}
		r[iHardDaysClose].Unknown = !r[iHardDaysClose].Holds && close2(d.HardCount+d.MaybeHard, hardPrev+maybePrev)
		hardPrev, maybePrev = d.HardCount, d.MaybeHard
		// load-spike and monotony-high: sessions of unknown load in the
		// acute window leave them unchecked unless they hold anyway.
		r[iLoadSpike] = RuleState{Holds: Known(d.ACWR) && d.ACWR > p.SpikeACWR && d.Chronic >= p.SpikeMinChronic, Value: d.ACWR, Threshold: p.SpikeACWR}
		r[iLoadSpike].Unknown = !r[iLoadSpike].Holds && unknownWeek > 0
		r[iMonotonyHigh] = RuleState{Holds: Known(d.Monotony) && d.Monotony > p.MonotonyMax, Value: d.Monotony, Threshold: p.MonotonyMax}
		r[iMonotonyHigh].Unknown = !r[iMonotonyHigh].Holds && unknownWeek > 0
		r[iEffortDrift] = RuleState{Holds: Known(drift[i]) && drift[i] >= p.EffortDriftRPE, Value: drift[i], Threshold: p.EffortDriftRPE}
		// hrv-low, rhr-high: the sign on each of the last bodyRunDays mornings.
		lo, _ := HRVRange(d.HRVRef, p.HRVSWCSD)
		hrvRun = runOf(hrvRun, a.hrvBelow(i))
		r[iHRVLow] = RuleState{Holds: hrvRun >= bodyRunDays, Value: d.HRV7, Threshold: lo}
		rhrRun = runOf(rhrRun, a.rhrAbove(i))
		r[iRHRHigh] = RuleState{Holds: rhrRun >= bodyRunDays, Value: d.RestingHR, Threshold: d.RHRLimit}
		r[iReadinessLow] = RuleState{Holds: Known(d.Readiness) && d.Readiness < p.ReadinessLow, Value: d.Readiness, Threshold: p.ReadinessLow}
		r[iHardPoorReadiness] = RuleState{Holds: d.HardCount > 0 && r[iReadinessLow].Holds, Value: d.Readiness, Threshold: p.ReadinessLow}
		r[iNoDeload] = RuleState{Holds: lighterRun[i] >= p.DeloadWeeks, Value: float64(lighterRun[i]), Threshold: float64(p.DeloadWeeks)}
		r[iNoDeload].Unknown = !r[iNoDeload].Holds && lighterRun[i]+lighterOpen[i] >= p.DeloadWeeks
		if len(a.Sessions) == 0 { // check-ins only: nothing says what the load was
			for _, k := range loadRules {
				r[k] = RuleState{Unknown: true, Value: Missing(), Threshold: r[k].Threshold}
			}
		}
		if d.InProgress && i > 0 {
			a.carry(i)
		}
		for k := range r {
			if off[k] {
				r[k] = RuleState{Value: r[k].Value, Threshold: r[k].Threshold}
			}
		}
	}
	a.Flags = a.collectFlags()
}

// carry keeps, on the as-of day i (not over), the rules that held on the
// last complete day and that nothing known today clears: load cannot fall
// by training more, a streak cannot end before the day does, and a body
// sign stays until a morning reading says otherwise. Event rules
// (hard-days-close, hard-on-poor-readiness) stay active a day anyway.
func (a *Analysis) carry(i int) {
	d, y := &a.Days[i], &a.Days[i-1]
	clearedToday := [NumRules]bool{
		iHRVLow:       Known(d.HRV),
		iRHRHigh:      Known(d.RestingHR),
		iSoreness:     Known(d.Soreness),
		iReadinessLow: Known(d.Readiness),
		// no-rest-day is carried by its streak; event rules by active.
		iNoRestDay: true, iHardDaysClose: true, iHardPoorReadiness: true,
	}
	for k := range d.Rules {
		if d.Rules[k].Holds || !y.Rules[k].Holds || clearedToday[k] {
			continue
		}
		d.Rules[k] = y.Rules[k]
		d.Rules[k].Carried = true
	}
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
// row without a lighter one have ended on or before it, and how many
// lighter weeks of unknown load (LighterOpen) directly before that run
// could extend it.
func weeksWithoutLighter(ws []Week, start Date, n int) (run, open []int) {
	run, open = make([]int, n), make([]int, n)
	r, o := 0, 0
	wi := 0
	for i := 0; i < n; i++ {
		day := start + Date(i)
		for wi < len(ws) && ws[wi].Start+6 <= day {
			if w := ws[wi]; w.Complete {
				switch {
				case w.LighterOpen:
					o, r = o+r+1, 0
				case w.Lighter:
					r, o = 0, 0
				default:
					r++
				}
			}
			wi++
		}
		run[i], open[i] = r, o
	}
	return run, open
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
		out[d] = Missing()
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
			f.Detail, _ = a.detail(k, i, j-1)
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

// detail describes a rule's run from day i to day j in a coach's words,
// and returns the first day of what it describes (the first day without
// rest, the first sore morning, the first morning of low HRV, else the
// first day the rule held): the text and the date always agree.
func (a *Analysis) detail(k, i, j int) (string, Date) {
	from, to := a.Days[i].Date, a.Days[j].Date
	r := a.Days[j].Rules[k]
	if r.Carried { // the as-of day carries the last complete day's state
		to = a.Days[j].Date - 1
	}
	days := int(to-from) + 1
	p := a.Params
	today := ""
	if a.Days[j].InProgress {
		today = "; today is not over"
	}
	switch k {
	case iNoRestDay:
		last := a.Days[j].Date
		if d := &a.Days[j]; d.InProgress && d.RestOpen {
			last-- // the streak so far ends yesterday; today does not end it
		}
		since := last.AddDays(1 - int(r.Value))
		return fmt.Sprintf("%.0f days without a rest day since %s%s", r.Value, since, today), since
	case iSoreness:
		since := to.AddDays(1 - int(r.Value))
		return fmt.Sprintf("soreness %s/10 or more for %.0f mornings in a row since %s (latest %s/10)", text.Num(p.SorenessMin), r.Value,
			since, text.Num(a.dayOf(to).Soreness)), since
	case iHardDaysClose:
		first := from.AddDays(-1) // the run's first day pairs with the hard day before it
		if i == 0 || a.Days[i-1].HardCount == 0 {
			first = from // or it began with two hard sessions on one day
		}
		return fmt.Sprintf("hard sessions less than 48 h apart on %s", Span(first, to, " to ")), first
	case iLoadSpike:
		v, t := text.Apart(r.Value, r.Threshold, 2)
		return fmt.Sprintf("acute:chronic %s, above %s, with a usual load of %.0f LP/day (%s%s)", v, t, a.dayOf(to).Chronic, Span(from, to, " to "), today), from
	case iMonotonyHigh:
		v, t := text.Apart(r.Value, r.Threshold, 1)
		return fmt.Sprintf("monotony %s, above %s: days too alike (%s%s)", v, t, Span(from, to, " to "), today), from
	case iEffortDrift:
		return fmt.Sprintf("sessions rated %.1f RPE harder than usual for the same load over the last two weeks (%s)", r.Value, Span(from, to, " to ")), from
	case iHRVLow:
		lo, hi := HRVRange(a.dayOf(to).HRVRef, p.HRVSWCSD)
		v, l, h := text.ApartRange(math.Exp(r.Value), math.Exp(lo), math.Exp(hi))
		since := from.AddDays(1 - bodyRunDays)
		return fmt.Sprintf("HRV 7-day mean %s ms, below your normal %s–%s ms for %d days since %s", v, l, h, days+bodyRunDays-1, since), since
	case iRHRHigh:
		since := from.AddDays(1 - bodyRunDays)
		v, t := text.Apart(r.Value, r.Threshold, 0)
		return fmt.Sprintf("resting HR %s bpm, at or above your limit of %s bpm for %d mornings since %s", v, t, days+bodyRunDays-1, since), since
	case iReadinessLow:
		return fmt.Sprintf("readiness %.0f/100, under %.0f (%s)", r.Value, r.Threshold, Span(from, to, " to ")), from
	case iHardPoorReadiness:
		return fmt.Sprintf("a hard session on a day of readiness %.0f/100, under %.0f (%s)", r.Value, r.Threshold, Span(from, to, " to ")), from
	case iNoDeload:
		return fmt.Sprintf("%.0f complete weeks without a lighter week (limit %.0f weeks)", r.Value, r.Threshold), from
	}
	return "", from
}

// dayOf returns the series day of date d.
func (a *Analysis) dayOf(d Date) *Day { return &a.Days[d-a.Start] }

package metrics

import (
	"fmt"
	"math"

	"github.com/workin/workin/internal/text"
)

// hrv-low: the 7-day mean of ln rMSSD below the normal range (baseline −
// hrv_swc_sd × SD) on bodyRunDays mornings running (science reference §8,
// §9). With rhr-high it is an alert and means rest.
var hrvLow = Rule{
	Name: RuleHRVLow, Unit: "ln(ms)", Charts: []string{"hrv"}, basis: basisText("Plews et al. 2013; Kiviniemi et al. 2007"),
	body: true, urgent: true, advice: WorkIn,
	eval: func(a *Analysis) func(int) RuleState {
		run := 0
		return func(i int) RuleState {
			d := &a.Days[i]
			lo, _ := HRVRange(d.HRVRef, a.Params.HRVSWCSD)
			run = runOf(run, a.hrvBelow(i))
			return RuleState{Holds: run >= bodyRunDays, Value: d.HRV7, Threshold: lo}
		}
	},
	cleared: func(d *Day) bool { return Known(d.HRV) },
	alert:   bodyPairAlert,
	rest: func(a *Analysis, i int, act [NumRules]bool) string {
		if act[iHRVLow] && act[iRHRHigh] {
			return "HRV low and resting HR high together"
		}
		return ""
	},
	workIn: func(*Day) WorkInKind { return Breathwork },
	detail: func(a *Analysis, i, j int) (string, Date) {
		from, to, _ := a.runSpan(iHRVLow, i, j)
		r := a.Days[j].Rules[iHRVLow]
		lo, hi := HRVRange(a.dayOf(to).HRVRef, a.Params.HRVSWCSD)
		v, l, h := text.ApartRange(math.Exp(r.Value), math.Exp(lo), math.Exp(hi))
		since := from.AddDays(1 - bodyRunDays)
		return fmt.Sprintf("HRV 7-day mean %s ms, below your normal %s–%s ms for %d days since %s", v, l, h, int(to-from)+bodyRunDays, since), since
	},
	phrase: func(RuleState) string { return "HRV below your normal range" },
	holds: func(p Params) string {
		return fmt.Sprintf("7-day mean ln rMSSD below baseline − %s SD on 3 days running", text.Fixed(p.HRVSWCSD, 1))
	},
	clears: func(p Params, d *Day) string {
		if lo, _ := HRVRange(d.HRVRef, p.HRVSWCSD); Known(lo) {
			return fmt.Sprintf("HRV 7-day mean back to %s ms or more", text.Fixed(math.Exp(lo), 1))
		}
		return "HRV 7-day mean back in your normal range"
	},
	measure: func(e Evidence) string {
		v, lo, _ := text.ApartRange(math.Exp(e.Value), math.Exp(e.Threshold), math.Exp(e.Threshold))
		return fmt.Sprintf("%s < %s ms", v, lo)
	},
}

// rhr-high: resting HR at or above the elevated line (baseline +
// max(rhr_delta_bpm, SD)) on bodyRunDays mornings running.
var rhrHigh = Rule{
	Name: RuleRHRHigh, Unit: "bpm", Charts: []string{"rhr"}, basis: basisText("Dressendorfer et al. 1985"),
	body: true, urgent: true, advice: WorkIn,
	eval: func(a *Analysis) func(int) RuleState {
		run := 0
		return func(i int) RuleState {
			d := &a.Days[i]
			run = runOf(run, a.rhrAbove(i))
			return RuleState{Holds: run >= bodyRunDays, Value: d.RestingHR, Threshold: d.RHRLimit}
		}
	},
	cleared: func(d *Day) bool { return Known(d.RestingHR) },
	alert:   bodyPairAlert,
	workIn:  func(*Day) WorkInKind { return Breathwork },
	detail: func(a *Analysis, i, j int) (string, Date) {
		from, to, _ := a.runSpan(iRHRHigh, i, j)
		r := a.Days[j].Rules[iRHRHigh]
		since := from.AddDays(1 - bodyRunDays)
		v, t := text.Apart(r.Value, r.Threshold, 0)
		return fmt.Sprintf("resting HR %s bpm, at or above your limit of %s bpm for %d mornings since %s", v, t, int(to-from)+bodyRunDays, since), since
	},
	phrase: func(RuleState) string { return "resting HR above your usual" },
	holds: func(p Params) string {
		return fmt.Sprintf("resting HR ≥ baseline + max(%s bpm, SD) on 3 days running", text.Fixed(p.RHRDeltaBPM, 0))
	},
	clears: func(p Params, d *Day) string {
		return fmt.Sprintf("resting HR under %s bpm", text.Fixed(d.RHRLimit, 0))
	},
	measure: func(e Evidence) string {
		v, t := text.Apart(e.Value, e.Threshold, 0)
		return fmt.Sprintf("%s ≥ %s bpm", v, t)
	},
}

// bodyRunDays is how many mornings in a row HRV must be low, or resting
// HR high, for its rule to hold.
const bodyRunDays = 3

// bodyPairAlert: hrv-low and rhr-high are alerts when they hold together.
func bodyPairAlert(a *Analysis, i int) bool {
	r := &a.Days[i].Rules
	return r[iHRVLow].Holds && r[iRHRHigh].Holds
}

// hrvBelow reports whether day i's 7-day HRV mean is below the normal range.
func (a *Analysis) hrvBelow(i int) bool {
	d := &a.Days[i]
	lo, _ := HRVRange(d.HRVRef, a.Params.HRVSWCSD)
	return Known(d.HRV7) && Known(lo) && d.HRV7 < lo
}

// rhrAbove reports whether day i's resting HR is at or above the elevated
// line.
func (a *Analysis) rhrAbove(i int) bool {
	d := &a.Days[i]
	return Known(d.RestingHR) && Known(d.RHRLimit) && d.RestingHR >= d.RHRLimit
}

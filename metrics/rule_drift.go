package metrics

import (
	"fmt"

	"github.com/workin/workin/internal/text"
)

// effort-drift: sessions of the last two weeks rated at least
// effort_drift_rpe harder than usual for the same load per hour (the mean
// residual of a least-squares line of RPE on load per hour fitted to the
// weeks before).
var effortDriftRule = Rule{
	Name: RuleEffortDrift, Unit: "RPE", basis: basisText("Halson 2014"),
	body: true, urgent: true, advice: WorkIn,
	eval: func(a *Analysis) func(int) RuleState {
		drift := effortDrift(a.Sessions, a.Start, len(a.Days))
		return func(i int) RuleState {
			t := a.Params.EffortDriftRPE
			return RuleState{Holds: Known(drift[i]) && drift[i] >= t, Value: drift[i], Threshold: t}
		}
	},
	detail: func(a *Analysis, i, j int) (string, Date) {
		from, to, _ := a.runSpan(iEffortDrift, i, j)
		r := a.Days[j].Rules[iEffortDrift]
		return fmt.Sprintf("sessions rated %.1f RPE harder than usual for the same load over the last two weeks (%s)", r.Value, Span(from, to, " to ")), from
	},
	phrase: func(RuleState) string { return "sessions feeling harder than usual for their load" },
	holds: func(p Params) string {
		return fmt.Sprintf("RPE at least %s above the usual for the same load per hour over 2 weeks", text.Fixed(p.EffortDriftRPE, 1))
	},
	clears: func(Params, *Day) string { return "sessions feeling as hard as usual for their load" },
	measure: func(e Evidence) string {
		return fmt.Sprintf("+%s ≥ %s RPE", text.Fixed(e.Value, 1), text.Fixed(e.Threshold, 1))
	},
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

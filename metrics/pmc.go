package metrics

import "math"

// EWMAConstant returns the smoothing constant of an N-day average:
// 1 − e^(−1/N) for the exponential form (GoldenCheetah, intervals.icu) or
// 1/N for the linear form (TrainingPeaks).
func EWMAConstant(days int, decay string) float64 {
	if decay == DecayLinear {
		return 1 / float64(days)
	}
	return 1 - math.Exp(-1/float64(days))
}

// PMC computes fitness (CTL), fatigue (ATL) and form (TSB) over a daily load
// series, seeded on the day before the first. With tsb "yesterday" (the
// default) TSB(d) = CTL(d−1) − ATL(d−1), form going into the day; with
// "today" it is CTL(d) − ATL(d).
func PMC(loads []float64, p Params) (ctl, atl, tsb []float64) {
	n := len(loads)
	ctl, atl, tsb = make([]float64, n), make([]float64, n), make([]float64, n)
	kc := EWMAConstant(p.CTLDays, p.PMCDecay)
	ka := EWMAConstant(p.ATLDays, p.PMCDecay)
	c, a := p.CTLSeed, p.ATLSeed
	for i, l := range loads {
		if p.TSB != TSBToday {
			tsb[i] = c - a
		}
		c += kc * (l - c)
		a += ka * (l - a)
		ctl[i], atl[i] = c, a
		if p.TSB == TSBToday {
			tsb[i] = c - a
		}
	}
	return ctl, atl, tsb
}

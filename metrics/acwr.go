package metrics

// ACWR holds the acute:chronic workload ratio of every day with the two
// averages it divides, so the ratio can be checked. Values are Missing
// before the chronic window is full (the first chronic−1 days) and whenever
// the chronic average is zero.
type ACWR struct {
	Acute, Chronic, Ratio []float64
}

// ComputeACWR computes the ratio by the method in p: "ewma" (Williams et al.
// 2017; λ = 2/(N+1), both averages seeded with the first day's load),
// "rolling-coupled" (7-day mean over the 28-day mean that includes it) or
// "rolling-uncoupled" (7-day mean over the mean of the 21 days before).
func ComputeACWR(loads []float64, p Params) ACWR {
	n := len(loads)
	r := ACWR{Acute: make([]float64, n), Chronic: make([]float64, n), Ratio: make([]float64, n)}
	switch p.ACWRMethod {
	case ACWRCoupled, ACWRUncoupled:
		rollingACWR(loads, p, r)
	default:
		ewmaACWR(loads, p, r)
	}
	for i := range r.Ratio {
		if i < p.ACWRChronicDays-1 || !(r.Chronic[i] > 0) {
			r.Ratio[i] = Missing()
		} else {
			r.Ratio[i] = r.Acute[i] / r.Chronic[i]
		}
	}
	return r
}

func ewmaACWR(loads []float64, p Params, r ACWR) {
	if len(loads) == 0 {
		return
	}
	la := 2 / float64(p.ACWRAcuteDays+1)
	lc := 2 / float64(p.ACWRChronicDays+1)
	a, c := loads[0], loads[0]
	for i, l := range loads {
		if i > 0 {
			a = la*l + (1-la)*a
			c = lc*l + (1-lc)*c
		}
		r.Acute[i], r.Chronic[i] = a, c
	}
}

// rollingACWR fills rolling means; windows that reach before the first day
// are Missing.
func rollingACWR(loads []float64, p Params, r ACWR) {
	na, nc := p.ACWRAcuteDays, p.ACWRChronicDays
	prefix := make([]float64, len(loads)+1)
	for i, l := range loads {
		prefix[i+1] = prefix[i] + l
	}
	sum := func(from, to int) float64 { return prefix[to+1] - prefix[from] } // inclusive
	for i := range loads {
		r.Acute[i], r.Chronic[i] = Missing(), Missing()
		if i >= na-1 {
			r.Acute[i] = sum(i-na+1, i) / float64(na)
		}
		if i < nc-1 {
			continue
		}
		if p.ACWRMethod == ACWRUncoupled {
			r.Chronic[i] = sum(i-nc+1, i-na) / float64(nc-na)
		} else {
			r.Chronic[i] = sum(i-nc+1, i) / float64(nc)
		}
	}
}

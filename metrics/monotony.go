package metrics

import "math"

// MonotonyCap bounds monotony: a week of identical non-zero days has SD 0
// and would otherwise be infinite.
const MonotonyCap = 10

// Monotony computes Foster's monotony (7-day mean / SD) and strain (7-day
// sum × monotony) for every day over the 7 days ending on it. Both are
// Missing for the first six days; a week of zeros has monotony Missing and
// strain 0; SD 0 with load is capped at 10. sd selects the population (n)
// or sample (n−1) standard deviation.
func Monotony(loads []float64, sd string) (monotony, strain []float64) {
	const w = 7
	n := len(loads)
	monotony, strain = make([]float64, n), make([]float64, n)
	for i := range loads {
		if i < w-1 {
			monotony[i], strain[i] = Missing(), Missing()
			continue
		}
		win := loads[i-w+1 : i+1]
		m, s := weekMonotony(win, sd)
		monotony[i], strain[i] = m, s
	}
	return monotony, strain
}

func weekMonotony(win []float64, sd string) (monotony, strain float64) {
	var sum float64
	for _, l := range win {
		sum += l
	}
	if sum == 0 {
		return Missing(), 0
	}
	mean := sum / float64(len(win))
	var ss float64
	for _, l := range win {
		ss += (l - mean) * (l - mean)
	}
	div := float64(len(win))
	if sd == SDSample {
		div--
	}
	s := math.Sqrt(ss / div)
	m := MonotonyCap * 1.0
	if s > 0 {
		m = math.Min(mean/s, MonotonyCap)
	}
	return m, sum * m
}

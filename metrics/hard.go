package metrics

import (
	"math"
	"slices"
)

// hardWindowDays is how far back the 90th-percentile test of a hard session
// looks; hardWindowMin is how many earlier sessions it needs.
const (
	hardWindowDays = 90
	hardWindowMin  = 10
)

// HardIntensity is the load per hour at which an objectively measured
// session counts as hard: 100 × IF² (72.25 LP/h at IF 0.85).
func HardIntensity(hardIF float64) float64 { return 100 * hardIF * hardIF }

// Percentile90 returns the nearest-rank 90th percentile (the ⌈0.9n⌉-th
// smallest value) of sorted values.
func Percentile90(sorted []float64) float64 {
	n := len(sorted)
	if n == 0 {
		return Missing()
	}
	r := int(math.Ceil(0.9 * float64(n)))
	return sorted[r-1]
}

// markHard flags hard sessions: RPE ≥ hard_rpe; or an objective load of at
// least 100 × hard_if² per hour; or a load above the 90th percentile of the
// athlete's non-work-in session loads of the 90 days before, given at least
// ten of them. Work-ins are never hard. Sessions must be sorted by date.
func markHard(ss []Session, p Params) {
	perHour := HardIntensity(p.HardIF)
	var win []float64 // sorted loads of the window
	add, rem := 0, 0
	for i := range ss {
		s := &ss[i]
		for ; add < len(ss) && ss[add].Date < s.Date; add++ {
			if countsForP90(&ss[add]) {
				win = insertSorted(win, ss[add].LP)
			}
		}
		for ; rem < add && ss[rem].Date < s.Date-hardWindowDays; rem++ {
			if countsForP90(&ss[rem]) {
				win = removeSorted(win, ss[rem].LP)
			}
		}
		if s.WorkIn {
			continue
		}
		switch {
		case Known(s.RPE) && s.RPE >= p.HardRPE:
			s.Hard, s.HardWhy = true, "rpe"
		case s.Source.Objective() && Known(s.Duration) && s.Duration > 0 && s.LP/(s.Duration/3600) >= perHour-1e-9:
			s.Hard, s.HardWhy = true, "intensity"
		case s.Source != SrcNone && len(win) >= hardWindowMin && s.LP > Percentile90(win):
			s.Hard, s.HardWhy = true, "p90"
		}
	}
}

func countsForP90(s *Session) bool { return !s.WorkIn && s.Source != SrcNone }

func insertSorted(xs []float64, v float64) []float64 {
	i, _ := slices.BinarySearch(xs, v)
	return slices.Insert(xs, i, v)
}

func removeSorted(xs []float64, v float64) []float64 {
	i, ok := slices.BinarySearch(xs, v)
	if !ok {
		return xs
	}
	return slices.Delete(xs, i, i+1)
}

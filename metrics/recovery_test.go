package metrics

import (
	"math"
	"testing"
)

func TestReadinessVectors(t *testing.T) {
	// science reference §7.2, first row: no HRV or RHR.
	r := emptyRecovery
	r.Checkins = 1
	r.SleepHours, r.SleepQuality, r.Soreness, r.Stress, r.Mood, r.Energy = 7, 7, 4, 3, 7, 6
	parts, got := readiness(&r, DefaultParams().Weights)
	checkNear(t, "readiness without HRV/RHR", got, 68.75, 0.005)
	checkNear(t, "sleep weight shared", parts[PartSleep].Weight, 0.5, 1e-12)
	if Known(parts[PartHRV].Score) || parts[PartHRV].Weight != 0 {
		t.Errorf("missing HRV part = %+v", parts[PartHRV])
	}
	// Second row: HRV z −1, RHR z 2.5.
	r = emptyRecovery
	r.Checkins = 1
	r.LnHRV = math.Log(54.29)
	r.HRVRef = Baseline{N: 20, Mean: math.Log(60), SD: 0.10}
	r.RestingHR, r.RHRRef = 55, Baseline{N: 20, Mean: 50, SD: 2}
	r.SleepHours, r.SleepQuality, r.Soreness, r.Stress, r.Mood, r.Energy = 6, 5, 6, 6, 5, 4
	parts, got = readiness(&r, DefaultParams().Weights)
	checkNear(t, "readiness with all parts", got, 41.60, 0.01)
	checkNear(t, "HRV sub-score", parts[PartHRV].Score, 50, 0.01)
	checkNear(t, "RHR sub-score", parts[PartRHR].Score, 12.5, 1e-9)
	var sum float64
	for _, p := range parts {
		sum += p.Points
	}
	checkNear(t, "points sum to readiness − 75", sum, got-75, 1e-9)
	// No check-in: no readiness, whatever the baselines.
	r.Checkins = 0
	if _, got := readiness(&r, DefaultParams().Weights); Known(got) {
		t.Errorf("readiness without a check-in = %v", got)
	}
}

func TestSubScoresClamp(t *testing.T) {
	checkNear(t, "sleep 3 h", SleepScore(3, Missing()), 0, 0)
	checkNear(t, "sleep 9 h", SleepScore(9, Missing()), 100, 0)
	checkNear(t, "sleep quality only", SleepScore(Missing(), 10), 100, 0)
	checkNear(t, "no sleep data", SleepScore(Missing(), Missing()), Missing(), 0)
	checkNear(t, "HRV far above", HRVScore(5, Baseline{N: 20, Mean: 4, SD: 0.1}), 100, 0)
	checkNear(t, "best wellness", WellnessScore(1, 1, 10, 10), 100, 1e-9)
}

func TestBaselineVectors(t *testing.T) {
	// §8 HRV: 14 ln values → μ 4.0957, SD 0.0457 floored to 0.05 → range 4.0707–4.1207.
	ln := []float64{4.10, 4.05, 4.15, 4.08, 4.12, 4.02, 4.18, 4.06, 4.11, 4.09, 4.14, 4.04, 4.13, 4.07, Missing()}
	b := newSeries(ln).baseline(14, 60, hrvSDFloor)
	checkNear(t, "HRV mean", b.Mean, 4.0957, 0.0001)
	checkNear(t, "HRV SD (floored)", b.SD, 0.05, 1e-12)
	lo, hi := HRVRange(b, 0.5)
	checkNear(t, "range lo", lo, 4.0707, 0.0001)
	checkNear(t, "range hi", hi, 4.1207, 0.0001)
	if !(3.9943 < lo) {
		t.Error("a 7-day mean of 3.9943 should be below the range")
	}
	// §8 RHR: μ 49.71, σ 1.14 → limit 54.71.
	rhr := []float64{48, 50, 49, 51, 50, 49, 48, 50, 52, 49, 50, 51, 49, 50, Missing()}
	b = newSeries(rhr).baseline(14, 60, rhrSDFloor)
	checkNear(t, "RHR mean", b.Mean, 49.71, 0.01)
	checkNear(t, "RHR SD", b.SD, 1.14, 0.01)
	checkNear(t, "RHR limit", b.Mean+math.Max(5, b.SD), 54.71, 0.01)
	// Thirteen values are not a baseline.
	if b := newSeries(rhr).baseline(13, 60, rhrSDFloor); b.Ready() || b.N != 13 || Known(b.Mean) {
		t.Errorf("13 values: %+v", b)
	}
	// The window looks back N days only.
	if b := newSeries(rhr).baseline(14, 5, rhrSDFloor); b.N != 5 {
		t.Errorf("5-day window counted %d", b.N)
	}
	checkNear(t, "7-day mean needs 4 values", newSeries([]float64{1, Missing(), Missing(), Missing(), 2, 3, Missing()}).mean(0, 7, 4), Missing(), 0)
	checkNear(t, "7-day mean", newSeries([]float64{1, Missing(), 5, Missing(), 2, 3, Missing()}).mean(0, 7, 4), 2.75, 1e-12)
}

func TestLeastSquares(t *testing.T) {
	// §9 effort-drift example.
	a, b := LeastSquares([]float64{40, 50, 60, 45, 55, 65}, []float64{3, 4, 5, 3, 4, 5})
	checkNear(t, "a", a, -0.8, 0.001)
	checkNear(t, "b", b, 0.0914, 0.0001)
	var sum float64
	for _, p := range [][2]float64{{40, 4}, {50, 5}, {60, 6}, {55, 6}} {
		sum += p[1] - (a + b*p[0])
	}
	checkNear(t, "drift", sum/4, 1.36, 0.005)
	a, b = LeastSquares([]float64{50, 50, 50}, []float64{3, 4, 5})
	if b != 0 || a != 4 {
		t.Errorf("equal x: a %v b %v, want 4 and 0", a, b)
	}
}

// TestSeriesMatchesNaive: windows over the packed known values give
// bit-identical results to testing every day of the window.
func TestSeriesMatchesNaive(t *testing.T) {
	xs := make([]float64, 400)
	for i := range xs {
		xs[i] = math.Log(30 + float64((i*37)%61))
		if i%5 == 2 || (i > 100 && i < 130) {
			xs[i] = Missing()
		}
	}
	s := newSeries(xs)
	for i := range xs {
		var sum float64
		n := 0
		for j := max(i-60, 0); j < i; j++ {
			if Known(xs[j]) {
				sum, n = sum+xs[j], n+1
			}
		}
		b := s.baseline(i, 60, hrvSDFloor)
		if b.N != n {
			t.Fatalf("day %d: %d values, want %d", i, b.N, n)
		}
		if n >= MinBaseline {
			mean := sum / float64(n)
			var ss float64
			for j := max(i-60, 0); j < i; j++ {
				if Known(xs[j]) {
					ss += (xs[j] - mean) * (xs[j] - mean)
				}
			}
			if b.Mean != mean || b.SD != math.Max(math.Sqrt(ss/float64(n-1)), hrvSDFloor) {
				t.Fatalf("day %d: %+v, want mean %v", i, b, mean)
			}
		}
	}
}

package metrics

import (
	"math"
	"testing"
)

// Regression tests for problems found in review.

func TestLeastSquaresEqualLoadsWithRoundingNoise(t *testing.T) {
	x := make([]float64, 5)
	for i := range x {
		x[i] = 20.0 / (85.0 / 60) // the same load per hour, computed two ways
		if i%2 == 1 {
			x[i] = math.Nextafter(x[i], 100)
		}
	}
	_, b := LeastSquares(x, []float64{3, 4, 5, 3, 4})
	if b != 0 {
		t.Errorf("slope %v for equal loads per hour, want 0", b)
	}
}

func TestHardAtExactlyIF085(t *testing.T) {
	p := Profile{ID: "x", FTP: 300, MaxHR: Missing(), RestingHR: Missing(), LTHR: Missing(), ThresholdPace: Missing()}
	w := NewWorkout()
	w.Date, w.Sport, w.Duration, w.NP = MustDate("2026-01-05"), "ride", 3600, 255
	a := Analyze(Input{Profile: p, Params: DefaultParams(), AsOf: w.Date, Workouts: []Workout{w}})
	if !a.Sessions[0].Hard {
		t.Errorf("IF 0.85 for an hour (%.10f LP) is not hard", a.Sessions[0].LP)
	}
}

func TestDedupeKeepsTheGivenLoad(t *testing.T) {
	g, s := &Origin{File: "g.csv", Format: "garmin", TSSLabel: "Garmin"}, &Origin{File: "s.csv", Format: "strava"}
	a := NewWorkout()
	a.Date, a.Sport, a.StartSec, a.Duration, a.TSS, a.Origin = MustDate("2026-01-05"), "ride", 3600, 3600, 95, g
	b := NewWorkout()
	b.Date, b.Sport, b.StartSec, b.Duration, b.Origin = MustDate("2026-01-05"), "Ride", 3660, 3600, s
	b.AvgHR, b.NP, b.AvgPower, b.RPE, b.DistanceKm = 140, 220, 200, 6, 35
	kept, _ := Dedupe([]Workout{b, a})
	if len(kept) != 1 || kept[0].TSS != 95 || kept[0].RPE != 6 || kept[0].Origin != g {
		t.Errorf("kept %+v", kept[0])
	}
}

func TestSleepScoreClampsTheMean(t *testing.T) {
	checkNear(t, "10 h, quality 1", SleepScore(10, 1), 75, 1e-9)
	checkNear(t, "3 h, quality 10", SleepScore(3, 10), 37.5, 1e-9)
}

func TestCalibrationCountsRPEZero(t *testing.T) {
	p := Profile{FTP: 250, MaxHR: Missing(), RestingHR: Missing(), LTHR: Missing(), ThresholdPace: Missing()}
	var ws []Workout
	for i := 0; i < 10; i++ {
		w := NewWorkout()
		w.Duration, w.RPE, w.TSS = 3600, 5, 70
		if i == 0 {
			w.RPE = 0
		}
		ws = append(ws, w)
	}
	c := Calibrate(ws, p)
	if !c.Calibrated || c.Pairs != 10 || math.Abs(c.K-700.0/2700) > 1e-12 {
		t.Errorf("calibration %+v, want 10 pairs and k = 700/2700", c)
	}
}

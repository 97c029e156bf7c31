package metrics

import (
	"cmp"
	"slices"
	"testing"
)

func TestDedupe(t *testing.T) {
	garmin := &Origin{File: "Activities.csv", Format: "garmin"}
	strava := &Origin{File: "activities.csv", Format: "strava", TSSLabel: "Strava Training Load"}
	tp := &Origin{File: "workouts.csv", Format: "trainingpeaks"}
	mk := func(o *Origin, sport string, start int32, min float64, f func(*Workout)) Workout {
		w := NewWorkout()
		w.Date, w.Sport, w.StartSec, w.Duration, w.Origin = MustDate("2026-03-04"), sport, start, min*60, o
		if f != nil {
			f(&w)
		}
		return w
	}
	tests := []struct {
		name  string
		ws    []Workout
		kept  int
		merge int
	}{
		{"same run from Garmin and Strava", []Workout{
			mk(garmin, "Running", 7*3600, 45, func(w *Workout) { w.AvgHR = 150 }),
			mk(strava, "Run", 7*3600+120, 44, func(w *Workout) { w.AvgHR, w.RPE, w.DistanceKm = 149, 6, 9.1 }),
		}, 1, 1},
		{"starts 20 minutes apart are two sessions", []Workout{
			mk(garmin, "Running", 7*3600, 45, nil), mk(strava, "Run", 7*3600+1200, 45, nil),
		}, 2, 0},
		{"different sports never merge", []Workout{
			mk(garmin, "Cycling", 7*3600, 60, nil), mk(strava, "Run", 7*3600, 60, nil),
		}, 2, 0},
		{"durations 30 % apart are two sessions", []Workout{
			mk(garmin, "Ride", 7*3600, 100, nil), mk(strava, "Ride", 7*3600, 70, nil),
		}, 2, 0},
		{"a day-only export matches on the day", []Workout{
			mk(tp, "Bike", -1, 90, func(w *Workout) { w.TSS = 80 }), mk(strava, "Ride", 6*3600, 88, nil),
		}, 1, 1},
		{"two rows of one file never merge", []Workout{
			mk(strava, "Run", 7*3600, 45, nil), mk(strava, "Run", 7*3600, 45, nil),
		}, 2, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			kept, merges := Dedupe(tc.ws)
			if len(kept) != tc.kept || len(merges) != tc.merge {
				t.Fatalf("kept %d, merges %d; want %d and %d", len(kept), len(merges), tc.kept, tc.merge)
			}
		})
	}
	// The richer record stays and takes what only the other knew.
	kept, merges := Dedupe([]Workout{
		mk(garmin, "Running", 7*3600, 45, func(w *Workout) { w.AvgHR, w.MaxHR, w.DistanceKm = 150, 170, 9.2 }),
		mk(strava, "Run", 7*3600+60, 45, func(w *Workout) { w.RPE = 6 }),
	})
	if merges[0].Kept.Format != "garmin" || kept[0].RPE != 6 || kept[0].AvgHR != 150 {
		t.Errorf("kept %+v after %+v", kept[0], merges[0])
	}
	// The TrainingPeaks record with a given TSS is the richer one.
	kept, _ = Dedupe([]Workout{mk(tp, "Bike", -1, 90, func(w *Workout) { w.TSS = 80 }), mk(strava, "Ride", 6*3600, 88, func(w *Workout) { w.AvgHR = 140 })})
	if kept[0].TSS != 80 || kept[0].AvgHR != 140 {
		t.Errorf("kept %+v", kept[0])
	}
}

// TestMergedSourcesGiveTheSameLoad: the same sessions from two services
// give the same daily and weekly load as either alone.
func TestMergedSourcesGiveTheSameLoad(t *testing.T) {
	a1, a2 := &Origin{File: "a.csv", Format: "garmin"}, &Origin{File: "b.csv", Format: "strava"}
	var one, both []Workout
	for i := 0; i < 28; i++ {
		w := NewWorkout()
		w.Date, w.Sport, w.StartSec, w.Duration, w.AvgHR, w.Origin = MustDate("2026-03-02")+Date(i), "run", 25200, 3000, 145, a1
		one = append(one, w)
		both = append(both, w)
		v := w
		v.Origin, v.StartSec, v.Duration, v.Sport = a2, 25260, 2950, "Run"
		both = append(both, v)
	}
	p := Profile{ID: "x", MaxHR: 190, RestingHR: 50, LTHR: Missing(), FTP: Missing(), ThresholdPace: Missing()}
	x := Analyze(Input{Profile: p, Params: DefaultParams(), AsOf: MustDate("2026-03-29"), Workouts: one})
	y := Analyze(Input{Profile: p, Params: DefaultParams(), AsOf: MustDate("2026-03-29"), Workouts: both})
	if len(y.Merges) != 28 {
		t.Fatalf("merges = %d, want 28", len(y.Merges))
	}
	for i := range x.Weeks {
		if x.Weeks[i].Load != y.Weeks[i].Load {
			t.Errorf("week %d: %v alone, %v merged", i, x.Weeks[i].Load, y.Weeks[i].Load)
		}
	}
}

func TestCheckinPrecedence(t *testing.T) {
	// Ranks as parse gives them: a device for what it measures, the own sheet for ratings.
	whoop := &Origin{File: "cycles.csv", Format: "whoop-cycles", MeasureRank: 3, RateRank: 1}
	sheet := &Origin{File: "team.csv", Format: "native", MeasureRank: 1, RateRank: 3}
	dev := NewCheckin()
	dev.Date, dev.HRV, dev.SleepQuality, dev.Origin, dev.Line = MustDate("2026-03-04"), 70, 9, whoop, 2
	own := NewCheckin()
	own.Date, own.HRV, own.SleepQuality, own.Soreness, own.Origin, own.Line = MustDate("2026-03-04"), 55, 4, 6, sheet, 9
	for _, order := range [][]Checkin{{dev, own}, {own, dev}} {
		a := Analyze(Input{Profile: NewProfile("x"), Params: DefaultParams(), AsOf: MustDate("2026-03-04"), Checkins: order})
		d := a.Days[0]
		if d.HRV != 70 || d.SleepQuality != 4 || d.Soreness != 6 {
			t.Errorf("merged HRV %v (want the device's 70), sleep quality %v (want the athlete's 4), soreness %v", d.HRV, d.SleepQuality, d.Soreness)
		}
	}
}

// naiveDedupe is the definition Dedupe must agree with: every pair of one
// day's rows, in row order.
func naiveDedupe(ws []Workout) ([]Workout, []Merge) {
	var merges []Merge
	drop := make([]bool, len(ws))
	for i := 0; i < len(ws); {
		j := i
		for j < len(ws) && ws[j].Date == ws[i].Date {
			j++
		}
		for a := i; a < j; a++ {
			for b := a + 1; b < j; b++ {
				if drop[a] || drop[b] || !sameSession(&ws[a], &ws[b]) {
					continue
				}
				keep, lose := a, b
				if richness(&ws[b]) > richness(&ws[a]) {
					keep, lose = b, a
				}
				fill(&ws[keep], &ws[lose])
				drop[lose] = true
				merges = append(merges, Merge{Date: ws[a].Date, Kept: ref(&ws[keep]), Dropped: ref(&ws[lose])})
			}
		}
		i = j
	}
	var kept []Workout
	for i := range ws {
		if !drop[i] {
			kept = append(kept, ws[i])
		}
	}
	return kept, merges
}

// TestDedupeIndexMatchesPairs compares the indexed matching with every
// pair, on random days of three exports with clustered starts and
// durations (so that many candidates fall in each window).
func TestDedupeIndexMatchesPairs(t *testing.T) {
	origins := []*Origin{{File: "a.csv", Format: "garmin"}, {File: "b.csv", Format: "strava"}, {File: "c.csv", Format: "trainingpeaks"}}
	sports := []string{"Run", "Running", "Ride", "Cycling", "Swim", "Yoga"}
	seed := uint64(1)
	rnd := func(n int) int {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int(seed>>33) % n
	}
	merged := 0
	for trial := 0; trial < 300; trial++ {
		var ws []Workout
		for k := 0; k < 2+rnd(40); k++ {
			w := NewWorkout()
			w.Date = MustDate("2026-03-01") + Date(rnd(3))
			w.Origin = origins[rnd(3)]
			w.Sport = sports[rnd(len(sports))]
			w.StartSec = int32(6*3600 + 300*rnd(12))
			if w.Origin.Format == "trainingpeaks" || rnd(5) == 0 {
				w.StartSec = -1
			}
			w.Duration = float64(1800 + 120*rnd(30))
			if rnd(10) == 0 {
				w.Duration = Missing()
			}
			if rnd(3) == 0 {
				w.AvgHR = float64(120 + rnd(40))
			}
			if rnd(4) == 0 {
				w.TSS = float64(rnd(100))
			}
			w.Line = int32(k + 2)
			ws = append(ws, w)
		}
		slices.SortStableFunc(ws, func(x, y Workout) int {
			return cmp.Or(cmp.Compare(x.Date, y.Date), cmp.Compare(x.StartSec, y.StartSec), cmp.Compare(x.Origin.File, y.Origin.File), cmp.Compare(x.Line, y.Line))
		})
		want := slices.Clone(ws)
		wk, wm := naiveDedupe(want)
		slices.SortFunc(wm, func(x, y Merge) int {
			return cmp.Or(cmp.Compare(x.Date, y.Date), cmp.Compare(x.Kept.File, y.Kept.File), cmp.Compare(x.Kept.Line, y.Kept.Line))
		})
		gk, gm := Dedupe(slices.Clone(ws))
		merged += len(gm)
		if len(gk) != len(wk) || len(gm) != len(wm) {
			t.Fatalf("trial %d: kept %d merges %d; pairwise gives %d and %d", trial, len(gk), len(gm), len(wk), len(wm))
		}
		for i := range gm {
			if gm[i] != wm[i] {
				t.Fatalf("trial %d: merge %d = %+v, pairwise %+v", trial, i, gm[i], wm[i])
			}
		}
		for i := range gk {
			if gk[i].Line != wk[i].Line || gk[i].Origin != wk[i].Origin || !sameNumbers(gk[i], wk[i]) {
				t.Fatalf("trial %d: kept row %d differs", trial, i)
			}
		}
	}
	if merged < 100 {
		t.Errorf("only %d merges in 300 trials: the test does not exercise matching", merged)
	}
}

func sameNumbers(a, b Workout) bool {
	eq := func(x, y float64) bool { return x == y || !Known(x) && !Known(y) }
	return eq(a.RPE, b.RPE) && eq(a.AvgHR, b.AvgHR) && eq(a.TSS, b.TSS) && eq(a.Duration, b.Duration)
}

// BenchmarkDedupeOneDay is the hostile case that was quadratic: 50,000
// rows on one date, from one file and from two.
func BenchmarkDedupeOneDay(b *testing.B) {
	one, two := &Origin{File: "a.csv"}, &Origin{File: "b.csv"}
	build := func(origins ...*Origin) []Workout {
		ws := make([]Workout, 50000)
		for i := range ws {
			w := NewWorkout()
			w.Date, w.Sport, w.Duration, w.StartSec = MustDate("2026-03-01"), "run", float64(600+i%3000), int32(i%86400)
			w.Origin = origins[i%len(origins)]
			ws[i] = w
		}
		slices.SortStableFunc(ws, func(x, y Workout) int { return cmp.Compare(x.StartSec, y.StartSec) })
		return ws
	}
	for _, bc := range []struct {
		name string
		ws   []Workout
	}{{"one-file", build(one)}, {"two-files", build(one, two)}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Dedupe(slices.Clone(bc.ws))
			}
		})
	}
}

package metrics

import "testing"

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
	p := Profile{ID: "x", MaxHR: 190, RestingHR: 50, LTHR: Missing, FTP: Missing, ThresholdPace: Missing}
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
	whoop, sheet := &Origin{File: "cycles.csv", Format: "whoop-cycles"}, &Origin{File: "team.csv", Format: "native"}
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

package metrics

import "testing"

func TestSRPE(t *testing.T) {
	// science reference §2.1
	tests := []struct {
		rpe, min, au, lp float64
	}{
		{6, 45, 270, 64.29},
		{3, 80, 240, 57.14},
		{0, 30, 0, 0},
	}
	for _, tc := range tests {
		checkNear(t, "sRPE", SRPE(tc.rpe, tc.min), tc.au, 1e-9)
		checkNear(t, "LP", SRPE(tc.rpe, tc.min)*K0, tc.lp, 0.005)
	}
}

func TestTRIMP(t *testing.T) {
	// §2.2
	checkNear(t, "male 30 min @130", TRIMP(30, 130, 60, 200, SexMale), 25.07, 0.005)
	checkNear(t, "female 45 min @150", TRIMP(45, 150, 55, 190, SexFemale), 88.20, 0.005)
	checkNear(t, "unknown sex uses male constants", TRIMP(30, 130, 60, 200, SexUnknown), 25.07, 0.005)
	// HRr is clamped to [0, 1].
	checkNear(t, "below rest", TRIMP(30, 50, 60, 200, SexMale), 0, 1e-12)
	checkNear(t, "above max", TRIMP(30, 220, 60, 200, SexMale), TRIMP(30, 200, 60, 200, SexMale), 1e-12)
}

func TestHRSS(t *testing.T) {
	// §2.4: male, rest 60, max 200, LTHR 180
	hour := HRSSHour(180, 60, 200, SexMale)
	checkNear(t, "T1h", hour, 170.651, 0.001)
	checkNear(t, "TRIMP 45 min @150", TRIMP(45, 150, 60, 200, SexMale), 63.614, 0.001)
	checkNear(t, "45 min @150", 100*TRIMP(45, 150, 60, 200, SexMale)/hour, 37.28, 0.005)
	checkNear(t, "90 min @140", 100*TRIMP(90, 140, 60, 200, SexMale)/hour, 57.78, 0.005)
	checkNear(t, "trimp column 120", 100*120/hour, 70.32, 0.005)
	checkNear(t, "default LTHR", DefaultLTHR(60, 200), 179, 1e-9)
}

func TestPowerAndPace(t *testing.T) {
	// §2.5 and §2.6
	checkNear(t, "2 h NP 240 FTP 300", PowerTSS(7200, 240, 300), 128, 1e-9)
	checkNear(t, "45 min NP 300 FTP 300", PowerTSS(2700, 300, 300), 75, 1e-9)
	checkNear(t, "1.5 h avg 200 FTP 250", PowerTSS(5400, 200, 250), 96, 1e-9)
	checkNear(t, "12 km in 1:06:00, threshold 5:00", PaceTSS(3960, 12, 300), 90.91, 0.005)
}

func TestSessionLoadPrecedence(t *testing.T) {
	full := Profile{ID: "a", Sex: SexMale, MaxHR: 200, RestingHR: 60, LTHR: 180, FTP: 300, ThresholdPace: 300}
	none := NewProfile("b")
	w := func(f func(*Workout)) Workout {
		x := NewWorkout()
		x.Sport = "run"
		f(&x)
		return x
	}
	everything := func(x *Workout) {
		x.Duration, x.TSS, x.NP, x.TRIMP, x.AvgHR, x.DistanceKm, x.RPE = 2700, 80, 300, 120, 150, 9, 6
	}
	tests := []struct {
		name    string
		w       Workout
		p       Profile
		want    Source
		lp      float64
		missing Needs
	}{
		{"given wins", w(everything), full, SrcGiven, 80, 0},
		{"power next", w(func(x *Workout) { everything(x); x.TSS = Missing() }), full, SrcPower, 75, 0},
		{"avg power stands in for NP", w(func(x *Workout) { x.Duration, x.AvgPower = 5400, 200 }),
			Profile{FTP: 250, MaxHR: Missing(), RestingHR: Missing(), LTHR: Missing(), ThresholdPace: Missing()}, SrcPower, 96, 0},
		{"trimp column next", w(func(x *Workout) { everything(x); x.TSS, x.NP = Missing(), Missing() }), full, SrcTRIMP, 70.32, 0},
		{"hr next", w(func(x *Workout) { everything(x); x.TSS, x.NP, x.TRIMP = Missing(), Missing(), Missing() }), full, SrcHR, 37.28, 0},
		{"pace next", w(func(x *Workout) { x.Duration, x.DistanceKm, x.RPE = 3960, 12, 5 }), full, SrcPace, 90.91, 0},
		{"pace only for runs", w(func(x *Workout) { x.Sport, x.Duration, x.DistanceKm, x.RPE = "ride", 3960, 12, 6 }), full, SrcSRPE, 6 * 66 * K0, 0},
		{"given needs no profile", w(everything), none, SrcGiven, 80, 0},
		{"srpe when profile lacks values", w(func(x *Workout) { everything(x); x.TSS = Missing() }), none, SrcSRPE, 64.29,
			NeedFTP | NeedHRZones | NeedThresholdPace},
		{"nothing to go on", w(func(x *Workout) { x.Sport = "swim" }), full, SrcNone, 0, 0},
		{"rpe without duration", w(func(x *Workout) { x.RPE = 5 }), full, SrcNone, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := SessionLoad(tc.w, tc.p, K0)
			if got.Source != tc.want {
				t.Fatalf("source = %s, want %s", got.Source, tc.want)
			}
			checkNear(t, "LP", got.LP, tc.lp, 0.005)
			if got.Missed != tc.missing {
				t.Errorf("missed = %b, want %b", got.Missed, tc.missing)
			}
		})
	}
}

func TestCalibrate(t *testing.T) {
	p := Profile{FTP: 300, MaxHR: Missing(), RestingHR: Missing(), LTHR: Missing(), ThresholdPace: Missing()}
	var ws []Workout
	// 10 pairs: given TSS 135 for 60 min at RPE 10 → 600 AU each; Σ 1350... scaled so that
	// Σ load 1350 over Σ AU 6000 as in §2.7.
	for i := 0; i < 10; i++ {
		w := NewWorkout()
		w.Duration, w.RPE, w.TSS = 60*60, 10, 135
		ws = append(ws, w)
	}
	c := Calibrate(ws, p)
	if !c.Calibrated || c.Pairs != 10 {
		t.Fatalf("calibration = %+v, want calibrated from 10 pairs", c)
	}
	checkNear(t, "k", c.K, 0.225, 1e-9)
	one := NewWorkout()
	one.Duration, one.RPE = 50*60, 6
	checkNear(t, "50 min RPE 6", SessionLoad(one, p, c.K).LP, 67.50, 1e-9)

	c = Calibrate(ws[:9], p)
	if c.Calibrated || c.K != K0 || c.Pairs != 9 {
		t.Errorf("nine pairs: %+v, want fallback k0", c)
	}
	// Sessions without an objective load or with a zero load do not pair.
	zero := NewWorkout()
	zero.Duration, zero.RPE, zero.TSS = 3600, 5, 0
	if c := Calibrate(append(ws[:9:9], zero), p); c.Pairs != 9 {
		t.Errorf("a zero load paired: %+v", c)
	}
}

func TestIsWorkIn(t *testing.T) {
	for _, s := range []string{"Yoga", "breathwork", "Box breathing", "Meditation", "mobility", "Stretching", "foam rolling", "Flow"} {
		if !IsWorkIn(s) {
			t.Errorf("IsWorkIn(%q) = false", s)
		}
	}
	for _, s := range []string{"run", "Ride", "strength", "walk", "swim"} {
		if IsWorkIn(s) {
			t.Errorf("IsWorkIn(%q) = true", s)
		}
	}
	if !IsRun("Trail Run") || !IsRun("running") || IsRun("ride") {
		t.Error("IsRun misclassifies")
	}
}

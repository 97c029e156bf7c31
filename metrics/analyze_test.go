package metrics

import (
	"testing"
	"time"
)

func session(date, sport string, minutes, rpe float64) Workout {
	w := NewWorkout()
	w.Date, w.Sport = MustDate(date), sport
	if minutes > 0 {
		w.Duration = minutes * 60
	}
	w.RPE = rpe
	return w
}

func TestRestDays(t *testing.T) {
	// science reference §3, with k₀ (no calibration pairs).
	tests := []struct {
		name string
		ws   []Workout
		rest bool
		load float64
	}{
		{"none", nil, true, 0},
		{"yoga 45 min RPE 2 is a work-in", []Workout{session("2026-01-05", "yoga", 45, 2)}, true, 21.43},
		{"walk 40 min RPE 2", []Workout{session("2026-01-05", "walk", 40, 2)}, true, 19.05},
		{"two short sessions", []Workout{session("2026-01-05", "run", 15, 3), session("2026-01-05", "run", 10, 3)}, true, 17.86},
		{"swim of unknown load", []Workout{session("2026-01-05", "swim", 0, Missing())}, false, 0},
		{"bike 30 min RPE 3", []Workout{session("2026-01-05", "bike", 30, 3)}, false, 21.43},
		{"yoga of unknown load keeps rest", []Workout{session("2026-01-05", "yoga", 0, Missing())}, true, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// The day is checked once it is over: the as-of day is in
			// progress and never a rest day (TestAsOfInProgress).
			in := Input{Profile: NewProfile("a"), Params: DefaultParams(), AsOf: MustDate("2026-01-06"),
				Workouts: append(tc.ws, session("2026-01-01", "run", 60, 5))}
			a := Analyze(in)
			d := a.Days[len(a.Days)-2]
			if d.Rest != tc.rest {
				t.Errorf("rest = %v, want %v", d.Rest, tc.rest)
			}
			checkNear(t, "load", d.Load, tc.load, 0.005)
		})
	}
}

func TestAnalyzeSeries(t *testing.T) {
	ws := []Workout{
		session("2026-01-07", "run", 45, 6),      // Wed
		session("2026-01-05", "Run", 60, 3),      // Mon, first day
		session("2026-01-12", "ride", 60, 5),     // next Mon
		session("2026-01-20", "run", 30, 4),      // after as-of: ignored
		session("2026-01-10", "mobility", 30, 1), // work-in on Sat
	}
	a := Analyze(Input{Profile: NewProfile("a"), Params: DefaultParams(), AsOf: MustDate("2026-01-13"), Workouts: ws})
	if a.Start != MustDate("2026-01-05") || len(a.Days) != 9 {
		t.Fatalf("series %s + %d days, want 2026-01-05 + 9", a.Start, len(a.Days))
	}
	if a.AfterAsOf != 1 || len(a.Sessions) != 4 {
		t.Errorf("after as-of %d, sessions %d; want 1 and 4", a.AfterAsOf, len(a.Sessions))
	}
	if len(a.Weeks) != 2 {
		t.Fatalf("weeks = %d, want 2", len(a.Weeks))
	}
	w := a.Weeks[0]
	if w.Start != MustDate("2026-01-05") || w.Days != 7 || w.Sessions != 3 || w.RestDays != 5 || !w.Complete {
		t.Errorf("week 1 = %+v", w)
	}
	checkNear(t, "week 1 load", w.Load, (180+270+30)*K0, 1e-9)
	// 2026-01-13, the as-of day, is in progress: not a rest day yet.
	if w2 := a.Weeks[1]; w2.Days != 2 || w2.Complete || w2.RestDays != 0 {
		t.Errorf("week 2 = %+v, want 2 days, incomplete, no rest day", w2)
	}
	if d := a.Days[len(a.Days)-1]; !d.InProgress || d.Rest || !d.RestOpen {
		t.Errorf("as-of day = %+v, want in progress, open, not rest", d)
	}
	if a.Sports[0] != "run" {
		t.Errorf("sports = %v, want run first (largest load, case folded)", a.Sports)
	}
	// Sunday weeks split the same days differently.
	p := DefaultParams()
	p.WeekStart = time.Sunday
	a = Analyze(Input{Profile: NewProfile("a"), Params: p, AsOf: MustDate("2026-01-13"), Workouts: ws})
	if len(a.Weeks) != 2 || a.Weeks[0].Start != MustDate("2026-01-04") || a.Weeks[0].Days != 6 {
		t.Errorf("Sunday weeks: %+v", a.Weeks)
	}
}

func TestAnalyzeNoData(t *testing.T) {
	a := Analyze(Input{Profile: NewProfile("a"), Params: DefaultParams(), AsOf: MustDate("2026-01-13")})
	if len(a.Days) != 0 || len(a.Weeks) != 0 || len(a.Sessions) != 0 {
		t.Errorf("no data gave %d days", len(a.Days))
	}
}

func TestLighterWeeks(t *testing.T) {
	// §9: weekly loads 300 320 340 250 330 350 360 370 380 390: week 4 is lighter.
	loads := []float64{300, 320, 340, 250, 330, 350, 360, 370, 380, 390}
	ws := make([]Week, len(loads))
	for i, l := range loads {
		ws[i] = Week{Days: 7, Load: l, Limit: Missing()}
	}
	markLighter(ws, 0.8, MustDate("2200-01-01"))
	for i, w := range ws {
		if w.Lighter != (i == 3) {
			t.Errorf("week %d lighter = %v (limit %.1f)", i+1, w.Lighter, w.Limit)
		}
	}
	checkNear(t, "week 4 limit", ws[3].Limit, 256, 1e-9)
	checkNear(t, "first week has no limit", ws[0].Limit, Missing(), 0)
	// The first complete week is never lighter, even after a partial week.
	ws = []Week{{Days: 3, Load: 900, Limit: Missing()}, {Days: 7, Load: 10, Limit: Missing()}}
	markLighter(ws, 0.8, MustDate("2200-01-01"))
	if ws[1].Lighter || ws[0].Complete {
		t.Errorf("partial + first complete week: %+v", ws)
	}
}

func TestHardSessions(t *testing.T) {
	// §9: prior loads 30 … 120 → P90 = 90; a 95-LP session is hard, a 90 is not.
	prior := []float64{30, 45, 50, 55, 60, 60, 65, 70, 80, 90, 120}
	var ws []Workout
	day := MustDate("2026-03-01")
	for i, l := range prior {
		w := NewWorkout()
		w.Date, w.Sport, w.TSS = day+Date(i), "ride", l
		ws = append(ws, w)
	}
	add := func(date Date, tss, rpe, minutes float64, sport string) {
		w := NewWorkout()
		w.Date, w.Sport, w.TSS, w.RPE = date, sport, tss, rpe
		if minutes > 0 {
			w.Duration = minutes * 60
		}
		ws = append(ws, w)
	}
	d := day + 20
	add(d, 95, Missing(), 0, "ride")     // above P90
	add(d+1, 90, Missing(), 0, "ride")   // equal: not hard
	add(d+2, 40, 7, 0, "ride")           // RPE 7
	add(d+3, 73, Missing(), 60, "ride")  // 73 LP/h ≥ 72.25
	add(d+4, 500, 9, 60, "yoga")         // work-ins never
	add(d+200, 95, Missing(), 0, "ride") // window emptied: not hard
	a := Analyze(Input{Profile: NewProfile("a"), Params: DefaultParams(), AsOf: d + 200, Workouts: ws})
	// The 11th prior session (120) is itself above the P90 (80) of the ten before it.
	want := map[Date]string{day + 10: "p90", d: "p90", d + 2: "rpe", d + 3: "intensity"}
	for _, s := range a.Sessions {
		if why := want[s.Date]; s.Hard != (why != "") || s.HardWhy != why {
			t.Errorf("%s %s %.0f LP: hard %v (%q), want %q", s.Date, s.Sport, s.LP, s.Hard, s.HardWhy, why)
		}
	}
}

func TestCheckinsMergeFieldByField(t *testing.T) {
	c1 := NewCheckin()
	c1.Date, c1.Soreness, c1.HRV, c1.Line = MustDate("2026-01-05"), 4, 60, 2
	c2 := NewCheckin()
	c2.Date, c2.Soreness, c2.Line = MustDate("2026-01-05"), 7, 3
	a := Analyze(Input{Profile: NewProfile("a"), Params: DefaultParams(), AsOf: MustDate("2026-01-05"), Checkins: []Checkin{c2, c1}})
	d := a.Days[0]
	if d.Soreness != 7 || d.HRV != 60 || d.Checkins != 2 {
		t.Errorf("merged day = soreness %v hrv %v checkins %d; want 7, 60, 2", d.Soreness, d.HRV, d.Checkins)
	}
}

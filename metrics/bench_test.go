package metrics

import (
	"testing"
)

// benchInput builds one athlete's year or five years of mixed sessions
// and daily check-ins without parsing.
func benchInput(days int) Input {
	p := Profile{ID: "a", Name: "A", Sex: SexFemale, MaxHR: 190, RestingHR: 50, LTHR: Missing(), FTP: 250, ThresholdPace: 270}
	start := MustDate("2022-01-03")
	var ws []Workout
	var cs []Checkin
	for d := 0; d < days; d++ {
		if d%7 == 0 {
			continue
		}
		w := NewWorkout()
		w.Date, w.Duration, w.RPE = start+Date(d), float64(30+d%60)*60, float64(2+d%7)
		switch d % 4 {
		case 0:
			w.Sport, w.AvgHR = "run", float64(130+d%40)
		case 1:
			w.Sport, w.NP = "ride", float64(150+d%100)
		case 2:
			w.Sport = "strength"
		default:
			w.Sport, w.TSS = "swim", float64(40+d%50)
		}
		ws = append(ws, w)
		c := NewCheckin()
		c.Date, c.SleepHours, c.Soreness, c.HRV, c.RestingHR = start+Date(d), 7, float64(2+d%6), float64(50+d%20), float64(48+d%6)
		cs = append(cs, c)
	}
	return Input{Profile: p, Params: DefaultParams(), AsOf: start + Date(days-1), Workouts: ws, Checkins: cs}
}

func BenchmarkAnalyze(b *testing.B) {
	for _, bc := range []struct {
		name string
		days int
	}{{"1y", 365}, {"5y", 5 * 365}} {
		in := benchInput(bc.days)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Analyze(in)
			}
		})
	}
}

// BenchmarkAnalyzeTeam is a club's two seasons: 100 athletes × 2 years.
func BenchmarkAnalyzeTeam(b *testing.B) {
	in := benchInput(2 * 365)
	b.ReportAllocs()
	for b.Loop() {
		for range 100 {
			Analyze(in)
		}
	}
}

// TestDecideExplainAgrees: deciding a day without its reason (the history)
// gives the action deciding it with the reason gives.
func TestDecideExplainAgrees(t *testing.T) {
	a := Analyze(benchInput(2 * 365))
	seen := map[Action]int{}
	for i := range a.Days {
		quick, _, _ := a.decide(i, false)
		full, because, _ := a.decide(i, true)
		if quick != full || because == "" {
			t.Fatalf("day %d: %v without the reason, %v %q with it", i, quick, full, because)
		}
		seen[full]++
	}
	if len(seen) < 3 {
		t.Errorf("the input decides too few kinds of day to test: %v", seen)
	}
}

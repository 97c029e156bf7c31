package metrics_test

import (
	"fmt"

	"github.com/workin/workin/metrics"
)

// A runner with a heart-rate profile logs two sessions; Analyze gives each
// its load and source, and every day its fitness, fatigue and form. The
// as-of day is not over: it is never a rest day yet.
func ExampleAnalyze() {
	profile := metrics.NewProfile("ana")
	profile.Sex, profile.MaxHR, profile.RestingHR, profile.LTHR = metrics.SexMale, 200, 60, 180

	easy := metrics.NewWorkout()
	easy.Date, easy.Sport, easy.Duration, easy.AvgHR = metrics.MustDate("2026-03-02"), "run", 45*60, 150

	strength := metrics.NewWorkout()
	strength.Date, strength.Sport, strength.Duration, strength.RPE = metrics.MustDate("2026-03-03"), "strength", 45*60, 6

	a := metrics.Analyze(metrics.Input{
		Profile:  profile,
		Params:   metrics.DefaultParams(),
		AsOf:     metrics.MustDate("2026-03-04"),
		Workouts: []metrics.Workout{easy, strength},
	})
	for _, s := range a.Sessions {
		fmt.Printf("%s %-8s %5.2f LP from %s\n", s.Date, s.Sport, s.LP, s.Source)
	}
	for _, d := range a.Days {
		fmt.Printf("%s load %5.2f fitness %.2f fatigue %.2f form %+.2f rest %v in progress %v\n", d.Date, d.Load, d.CTL, d.ATL, d.TSB, d.Rest, d.InProgress)
	}
	// Output:
	// 2026-03-02 run      37.28 LP from hr
	// 2026-03-03 strength 64.29 LP from srpe
	// 2026-03-02 load 37.28 fitness 0.88 fatigue 4.96 form +0.00 rest false in progress false
	// 2026-03-03 load 64.29 fitness 2.37 fatigue 12.86 form -4.09 rest false in progress false
	// 2026-03-04 load  0.00 fitness 2.31 fatigue 11.15 form -10.49 rest false in progress true
}

package metrics

import (
	"math"
	"testing"
)

// plan builds an athlete's days for rule tests: day 0 is 2026-01-05 (a
// Monday).
type plan struct {
	p  Params
	ws []Workout
	cs []Checkin
	ps []Workout // planned sessions
	n  int
}

var day0 = MustDate("2026-01-05")

func newPlan(n int) *plan { return &plan{p: DefaultParams(), n: n} }

// load adds a session with a given load (TSS) on day i.
func (pl *plan) load(i int, lp float64) *Workout {
	w := NewWorkout()
	w.Date, w.Sport, w.TSS = day0+Date(i), "ride", lp
	pl.ws = append(pl.ws, w)
	return &pl.ws[len(pl.ws)-1]
}

// rpe adds a session rated rpe for an hour on day i.
func (pl *plan) rpe(i int, rpe float64) {
	w := NewWorkout()
	w.Date, w.Sport, w.Duration, w.RPE = day0+Date(i), "run", 3600, rpe
	pl.ws = append(pl.ws, w)
}

// checkin adds a check-in on day i set by f.
func (pl *plan) checkin(i int, f func(*Checkin)) {
	c := NewCheckin()
	c.Date = day0 + Date(i)
	f(&c)
	pl.cs = append(pl.cs, c)
}

func (pl *plan) run() *Analysis {
	anchor := NewCheckin() // an empty check-in starts the series on day 0
	anchor.Date = day0
	pl.cs = append([]Checkin{anchor}, pl.cs...)
	defer func() { pl.cs = pl.cs[1:] }()
	return Analyze(Input{Profile: NewProfile("t"), Params: pl.p, AsOf: day0 + Date(pl.n-1), Workouts: pl.ws, Checkins: pl.cs, Planned: pl.ps})
}

// holds reports whether rule holds on day i.
func holds(a *Analysis, rule string, i int) bool {
	for k, n := range RuleNames() {
		if n == rule {
			return a.Days[i].Rules[k].Holds
		}
	}
	panic("no rule " + rule)
}

func flagOf(a *Analysis, rule string) Flag {
	for _, f := range a.Flags {
		if f.Rule == rule {
			return f
		}
	}
	return Flag{}
}

func hasFlag(a *Analysis, rule string) bool { return flagOf(a, rule).Rule != "" }

func TestNoRestDay(t *testing.T) {
	build := func(days int, mod func(*plan)) *Analysis {
		pl := newPlan(days)
		for i := 0; i < days; i++ {
			pl.load(i, 40)
		}
		if mod != nil {
			mod(pl)
		}
		return pl.run()
	}
	a := build(7, nil)
	if holds(a, RuleNoRestDay, 5) || !holds(a, RuleNoRestDay, 6) {
		t.Error("no-rest-day should hold on the 7th training day, not the 6th")
	}
	if v := a.Days[6].Rules[iNoRestDay].Value; v != 7 {
		t.Errorf("value %v, want 7", v)
	}
	if a := build(7, func(pl *plan) { pl.p.NoRestDays = 8 }); holds(a, RuleNoRestDay, 6) {
		t.Error("override no_rest_days 8 ignored")
	}
	if a := build(7, func(pl *plan) { pl.p.Off = map[string]bool{RuleNoRestDay: true} }); holds(a, RuleNoRestDay, 6) || hasFlag(a, RuleNoRestDay) {
		t.Error("switched-off rule still holds")
	}
	// A day under rest_load_max in the middle resets the count.
	a = build(10, func(pl *plan) { pl.ws[4].TSS = 19.9 })
	if holds(a, RuleNoRestDay, 9) {
		t.Error("the rest day on day 5 did not reset the streak")
	}
	// Alert from no_rest_alert_days.
	a = build(14, nil)
	if f := flagOf(a, RuleNoRestDay); f.Severity != Alert || f.From != day0+6 || f.To != day0+13 {
		t.Errorf("flag = %+v", f)
	}
	if a := build(13, nil); flagOf(a, RuleNoRestDay).Severity != Warn {
		t.Error("13 days is a warning, not an alert")
	}
}

func TestHardDaysClose(t *testing.T) {
	for _, tc := range []struct {
		name string
		rpes [][]float64 // per day
		want bool
	}{
		{"hard on consecutive days", [][]float64{{7}, {7}}, true},
		{"just below hard", [][]float64{{7}, {6.9}}, false},
		{"two hard the same day", [][]float64{nil, {7, 8}}, true},
		{"a day between", [][]float64{{7}, nil}, false},
	} {
		pl := newPlan(2)
		for i, rs := range tc.rpes {
			for _, r := range rs {
				pl.rpe(i, r)
			}
		}
		if got := holds(pl.run(), RuleHardDaysClose, 1); got != tc.want {
			t.Errorf("%s: holds %v, want %v", tc.name, got, tc.want)
		}
	}
	pl := newPlan(2)
	pl.p.HardRPE = 8
	pl.rpe(0, 7)
	pl.rpe(1, 7)
	if holds(pl.run(), RuleHardDaysClose, 1) {
		t.Error("override hard_rpe 8 ignored")
	}
	// It stays active the day after.
	pl = newPlan(3)
	pl.rpe(0, 7)
	pl.rpe(1, 7)
	a := pl.run()
	if holds(a, RuleHardDaysClose, 2) || !a.active(2)[iHardDaysClose] {
		t.Error("hard-days-close should be active, not holding, the next day")
	}
}

func TestLoadSpike(t *testing.T) {
	build := func(base, spike float64, mod func(*Params)) *Analysis {
		pl := newPlan(29)
		for i := 0; i < 28; i++ {
			pl.load(i, base)
		}
		pl.load(28, spike)
		if mod != nil {
			mod(&pl.p)
		}
		return pl.run()
	}
	a := build(50, 250, nil) // E7 100, E28 63.79 → 1.5676
	if !holds(a, RuleLoadSpike, 28) {
		t.Fatalf("ACWR %.4f should spike", a.Days[28].ACWR)
	}
	ratio := a.Days[28].ACWR
	if a := build(50, 250, func(p *Params) { p.SpikeACWR = ratio }); holds(a, RuleLoadSpike, 28) {
		t.Error("a ratio equal to spike_acwr must not hold (the rule is >)")
	}
	if a := build(50, 250, func(p *Params) { p.SpikeACWR = ratio - 1e-9 }); !holds(a, RuleLoadSpike, 28) {
		t.Error("just above the threshold must hold")
	}
	if a := build(5, 25, nil); holds(a, RuleLoadSpike, 28) {
		t.Error("a spike over a chronic load under 10 LP/day must not hold")
	}
	if a := build(50, 600, nil); flagOf(a, RuleLoadSpike).Severity != Alert {
		t.Errorf("a ratio above 2 (%.2f) is an alert", a.Days[28].ACWR)
	}
}

func TestMonotonyHigh(t *testing.T) {
	pl := newPlan(7)
	for i := 0; i < 7; i++ {
		pl.load(i, 45)
	}
	if !holds(pl.run(), RuleMonotonyHigh, 6) {
		t.Error("seven identical days should be monotonous")
	}
	pl.p.MonotonyMax = 10
	if holds(pl.run(), RuleMonotonyHigh, 6) {
		t.Error("monotony equal to monotony_max must not hold")
	}
}

func TestSorenessPersistent(t *testing.T) {
	build := func(sore []float64, mod func(*Params)) *Analysis {
		pl := newPlan(len(sore))
		for i, s := range sore {
			if Known(s) {
				pl.checkin(i, func(c *Checkin) { c.Soreness = s })
			}
		}
		if mod != nil {
			mod(&pl.p)
		}
		return pl.run()
	}
	if a := build([]float64{6, 6, 7, 6, 6}, nil); !holds(a, RuleSorenessPersistent, 4) || holds(a, RuleSorenessPersistent, 3) {
		t.Error("soreness ≥ 6 on five mornings should hold on the fifth only")
	}
	if a := build([]float64{6, 6, 5.9, 6, 6}, nil); holds(a, RuleSorenessPersistent, 4) {
		t.Error("one morning at 5.9 breaks the run")
	}
	if a := build([]float64{6, 6, Missing(), 6, 6}, nil); holds(a, RuleSorenessPersistent, 4) {
		t.Error("a missed check-in must not count as sore")
	}
	if a := build([]float64{6, 6, 6}, func(p *Params) { p.SorenessDays = 3 }); !holds(a, RuleSorenessPersistent, 2) {
		t.Error("override soreness_days 3 ignored")
	}
}

func TestEffortDrift(t *testing.T) {
	// §9's example: baseline sessions 14–41 days before, recent ones in the last 13.
	build := func(threshold float64) *Analysis {
		pl := newPlan(42)
		pl.p.EffortDriftRPE = threshold
		for i, x := range [][2]float64{{40, 3}, {50, 4}, {60, 5}, {45, 3}, {55, 4}, {65, 5}} {
			pl.load(i*4, x[0]).RPE = x[1]
			pl.ws[len(pl.ws)-1].Duration = 3600
		}
		for i, x := range [][2]float64{{40, 4}, {50, 5}, {60, 6}, {55, 6}} {
			w := pl.load(30+i*3, x[0])
			w.RPE, w.Duration = x[1], 3600
		}
		return pl.run()
	}
	a := build(1.0)
	drift := a.Days[41].Rules[iEffortDrift].Value
	checkNear(t, "drift", drift, 1.36, 0.005)
	if !holds(a, RuleEffortDrift, 41) {
		t.Error("drift 1.36 ≥ 1.0 should hold")
	}
	if !holds(build(drift), RuleEffortDrift, 41) {
		t.Error("drift equal to the threshold should hold (the rule is ≥)")
	}
	if holds(build(drift+1e-9), RuleEffortDrift, 41) {
		t.Error("drift just under the threshold must not hold")
	}
	// Without RPE there is nothing to drift.
	pl := newPlan(42)
	for i := 0; i < 42; i++ {
		pl.load(i, 50).Duration = 3600
	}
	if a := pl.run(); Known(a.Days[41].Rules[iEffortDrift].Value) {
		t.Error("effort drift computed without RPE")
	}
}

// hrvPlan has a steady baseline of HRV 60 ms (with a little noise), then
// mornings at low ms.
func hrvPlan(low float64, lowDays int) *plan {
	pl := newPlan(30 + lowDays)
	for i := 0; i < 30+lowDays; i++ {
		v := 60 + float64(i%3) - 1
		if i >= 30 {
			v = low
		}
		pl.checkin(i, func(c *Checkin) { c.HRV = v })
	}
	return pl
}

func TestHRVLow(t *testing.T) {
	a := hrvPlan(40, 6).run()
	first := -1
	for i := range a.Days {
		if a.hrvBelow(i) && first < 0 {
			first = i
		}
	}
	if first < 0 {
		t.Fatal("the 7-day mean never fell below the range")
	}
	if holds(a, RuleHRVLow, first+1) || !holds(a, RuleHRVLow, first+2) {
		t.Errorf("hrv-low should hold on the third day below the range (first below: day %d)", first)
	}
	// At exactly the lower bound the mean is not below it.
	d := &a.Days[first]
	lo, _ := HRVRange(d.HRVRef, a.Params.HRVSWCSD)
	d.HRV7 = lo
	if a.hrvBelow(first) {
		t.Error("a 7-day mean equal to the lower bound counted as below")
	}
	// Without a baseline (never 14 mornings before a day), nothing holds.
	pl := newPlan(14)
	for i := 0; i < 14; i++ {
		v := 60.0
		if i >= 9 {
			v = 30
		}
		pl.checkin(i, func(c *Checkin) { c.HRV = v })
	}
	if a := pl.run(); hasFlag(a, RuleHRVLow) {
		t.Errorf("hrv-low without a baseline: %+v", a.Flags)
	}
	pl = hrvPlan(40, 6)
	pl.p.Off = map[string]bool{RuleHRVLow: true}
	if a := pl.run(); hasFlag(a, RuleHRVLow) {
		t.Error("switched-off hrv-low fired")
	}
}

func TestRHRHigh(t *testing.T) {
	build := func(high float64) *Analysis {
		pl := newPlan(23)
		for i := 0; i < 23; i++ {
			v := 50.0
			if i >= 20 {
				v = high
			}
			pl.checkin(i, func(c *Checkin) { c.RestingHR = v })
		}
		return pl.run()
	}
	// Baseline 50 bpm with SD 0 floored to 1: the limit is 50 + max(5, 1) = 55.
	a := build(55)
	checkNear(t, "limit", a.Days[20].RHRLimit, 55, 1e-9)
	if !a.rhrAbove(20) {
		t.Error("a resting HR equal to the limit is elevated (the rule is ≥)")
	}
	if build(54.9).rhrAbove(20) {
		t.Error("just under the limit is not elevated")
	}
	// The elevated mornings enter the baseline, so the limit climbs a little.
	a = build(56)
	if !holds(a, RuleRHRHigh, 22) || holds(a, RuleRHRHigh, 21) {
		t.Error("rhr-high should hold on the third elevated morning")
	}
}

func TestReadinessRules(t *testing.T) {
	// Readiness from mood alone: 100 × (mood − 1) / 9.
	build := func(mood float64, hard bool, low float64) *Analysis {
		pl := newPlan(1)
		pl.p.ReadinessLow = low
		pl.checkin(0, func(c *Checkin) { c.Mood = mood })
		if hard {
			pl.rpe(0, 8)
		}
		return pl.run()
	}
	r := build(4.6, false, 40).Days[0].Readiness
	if holds(build(4.6, false, r), RuleReadinessLow, 0) {
		t.Error("readiness equal to readiness_low must not hold (the rule is <)")
	}
	if !holds(build(4.6, false, r+1e-9), RuleReadinessLow, 0) {
		t.Error("readiness just under readiness_low must hold")
	}
	if !holds(build(3, true, 40), RuleHardOnPoorReadiness, 0) {
		t.Error("a hard session at readiness 22 should fire hard-on-poor-readiness")
	}
	if holds(build(3, false, 40), RuleHardOnPoorReadiness, 0) || holds(build(8, true, 40), RuleHardOnPoorReadiness, 0) {
		t.Error("hard-on-poor-readiness needs both the hard session and the low readiness")
	}
	// No check-in: no readiness rule.
	pl := newPlan(1)
	pl.rpe(0, 9)
	if a := pl.run(); holds(a, RuleReadinessLow, 0) || holds(a, RuleHardOnPoorReadiness, 0) {
		t.Error("readiness rules fired without a check-in")
	}
}

func TestNoDeloadWeek(t *testing.T) {
	build := func(weeks int, deloadWeeks int) *Analysis {
		pl := newPlan(7 * weeks)
		pl.p.DeloadWeeks = deloadWeeks
		for i := 0; i < 7*weeks; i++ {
			pl.load(i, 40+float64(i/7))
		}
		return pl.run()
	}
	a := build(7, 6)
	if !holds(a, RuleNoDeloadWeek, 6*7-1) || holds(a, RuleNoDeloadWeek, 6*7-2) {
		t.Error("no-deload-week should hold from the last day of the sixth complete week")
	}
	if a := build(7, 7); holds(a, RuleNoDeloadWeek, 6*7-1) {
		t.Error("override deload_weeks 7 ignored")
	}
	// A lighter week resets the count.
	pl := newPlan(7 * 8)
	for i := 0; i < 7*8; i++ {
		l := 50.0
		if i/7 == 3 {
			l = 20
		}
		pl.load(i, l)
	}
	if holds(pl.run(), RuleNoDeloadWeek, 7*8-1) {
		t.Error("a lighter week in week 4 should reset the run (4 weeks since)")
	}
}

// TestDecisionTable checks every row of the recommendation table on
// hand-set rule states.
func TestDecisionTable(t *testing.T) {
	type on = []int
	tests := []struct {
		name      string
		rules     on
		readiness float64
		noRest    float64
		stress    float64
		soreness  float64
		want      Action
		kind      WorkInKind
	}{
		{"nothing active", nil, 80, 0, Missing(), Missing(), Go, NoWorkIn},
		{"hrv-low and rhr-high", on{iHRVLow, iRHRHigh}, 60, 0, Missing(), Missing(), Rest, NoWorkIn},
		{"readiness under 25", nil, 24.9, 0, Missing(), Missing(), Rest, NoWorkIn},
		{"readiness at 25 is not rest", on{iReadinessLow}, 25, 0, Missing(), Missing(), WorkIn, Flow},
		{"three rules with a body rule", on{iEffortDrift, iLoadSpike, iMonotonyHigh}, 70, 0, Missing(), Missing(), Rest, NoWorkIn},
		{"three rules without a body rule", on{iLoadSpike, iMonotonyHigh, iNoDeload}, 70, 0, Missing(), Missing(), Easy, NoWorkIn},
		{"fourteen days without rest", on{iNoRestDay}, 70, 14, Missing(), Missing(), Rest, NoWorkIn},
		{"thirteen days without rest", on{iNoRestDay}, 70, 13, Missing(), Missing(), WorkIn, Flow},
		{"hrv-low alone", on{iHRVLow}, 70, 0, Missing(), Missing(), WorkIn, Breathwork},
		{"rhr-high alone", on{iRHRHigh}, 70, 0, Missing(), Missing(), WorkIn, Breathwork},
		{"soreness, very sore", on{iSoreness}, 70, 0, Missing(), 8, WorkIn, Stretching},
		{"soreness", on{iSoreness}, 70, 0, Missing(), 7, WorkIn, Mobility},
		{"soreness with stress 7", on{iSoreness}, 70, 0, 7, 9, WorkIn, Breathwork},
		{"effort drift", on{iEffortDrift}, 70, 0, Missing(), Missing(), WorkIn, Flow},
		{"hard on poor readiness", on{iHardPoorReadiness, iReadinessLow}, 35, 0, Missing(), Missing(), WorkIn, Flow},
		{"load spike", on{iLoadSpike}, 70, 0, Missing(), Missing(), Easy, NoWorkIn},
		{"monotony", on{iMonotonyHigh}, 70, 0, Missing(), Missing(), Easy, NoWorkIn},
		{"hard days close", on{iHardDaysClose}, 70, 0, Missing(), Missing(), Easy, NoWorkIn},
		{"no deload", on{iNoDeload}, 70, 0, Missing(), Missing(), Easy, NoWorkIn},
		{"no check-in, nothing active", nil, Missing(), 0, Missing(), Missing(), Go, NoWorkIn},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &Analysis{Params: DefaultParams(), Start: day0, Days: []Day{{Date: day0, Recovery: emptyRecovery}}}
			d := &a.Days[0]
			d.Readiness, d.Stress, d.Soreness = tc.readiness, tc.stress, tc.soreness
			for _, k := range tc.rules {
				d.Rules[k].Holds = true
			}
			d.Rules[iNoRestDay].Value = tc.noRest
			rec := a.RecommendationOn(0)
			if rec.Action != tc.want || rec.WorkIn != tc.kind {
				t.Errorf("got %s %q (%s), want %s %q", rec.Action, rec.WorkIn, rec.Because, tc.want, tc.kind)
			}
			if rec.Action == Go && len(rec.Evidence) != 0 {
				t.Error("go carries evidence")
			}
			if rec.Action != Go && len(rec.Evidence) < len(tc.rules) {
				t.Errorf("evidence %d items for %d rules", len(rec.Evidence), len(tc.rules))
			}
		})
	}
}

// TestScenarioOverreaching: two weeks of rising soreness, poor sleep and
// falling HRV after a load spike end in rest.
func TestScenarioOverreaching(t *testing.T) {
	pl := newPlan(70)
	for i := 0; i < 70; i++ {
		l := 50.0
		if i >= 50 && i < 56 {
			l = 160 // the spike: a six-day camp
		}
		if i%7 != 0 || i >= 50 {
			pl.load(i, l)
		}
		hrv, rhr, sleep, sore := 62+float64(i%3), 48+float64(i%2), 7.5, 3.0
		if i >= 56 {
			k := float64(i - 55)
			hrv, rhr, sleep, sore = 62-1.6*k, 49+0.5*k, 7-0.15*k, math.Min(3+0.4*k, 9)
		}
		pl.checkin(i, func(c *Checkin) { c.HRV, c.RestingHR, c.SleepHours, c.Soreness = hrv, rhr, sleep, sore })
	}
	a := pl.run()
	if a.Recommendation.Action != Rest {
		t.Fatalf("recommendation %s (%s), want rest; evidence %+v", a.Recommendation.Action, a.Recommendation.Because, a.Recommendation.Evidence)
	}
	rules := map[string]bool{}
	for _, e := range a.Recommendation.Evidence {
		rules[e.Rule] = true
	}
	for _, r := range []string{RuleHRVLow, RuleSorenessPersistent} {
		if !rules[r] {
			t.Errorf("evidence lacks %s: %+v", r, a.Recommendation.Evidence)
		}
	}
}

// TestScenarioOneBadNight: steady training with one bad night gives easy
// or a work-in, never rest.
func TestScenarioOneBadNight(t *testing.T) {
	pl := newPlan(63)
	for i := 0; i < 63; i++ {
		if i%7 != 0 {
			pl.load(i, 45+float64(i%3)*10)
		}
		hrv, rhr, sleep, q := 60+float64(i%4), 48+float64(i%3), 7.5, 7.0
		if i == 62 {
			sleep, q = 3.5, 2 // the bad night
		}
		pl.checkin(i, func(c *Checkin) { c.HRV, c.RestingHR, c.SleepHours, c.SleepQuality = hrv, rhr, sleep, q })
	}
	a := pl.run()
	if act := a.Recommendation.Action; act == Rest {
		t.Errorf("one bad night gave rest (%s)", a.Recommendation.Because)
	}
}

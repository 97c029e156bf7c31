package metrics

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// clone returns a copy of pl that can be extended without changing pl.
func (pl *plan) clone() *plan {
	q := *pl
	q.ws = append([]Workout(nil), pl.ws...)
	q.cs = append([]Checkin(nil), pl.cs...)
	q.ps = append([]Workout(nil), pl.ps...)
	return &q
}

// loads adds one session per non-zero load, from day `from` on.
func (pl *plan) loads(from int, ls ...float64) *plan {
	for i, l := range ls {
		if l != 0 {
			pl.load(from+i, l)
		}
	}
	return pl
}

// planLoads adds one planned session (a given load) per non-zero load,
// from day `from` on: a zero is a planned rest day.
func (pl *plan) planLoads(from int, ls ...float64) *plan {
	for i, l := range ls {
		if l != 0 {
			w := NewWorkout()
			w.Date, w.Sport, w.TSS = day0+Date(from+i), "ride", l
			pl.ps = append(pl.ps, w)
		}
	}
	return pl
}

// done returns pl with its planned sessions done: real sessions, and the
// as-of day the day after the last planned day, so that day is over.
func (pl *plan) done() *plan {
	q := pl.clone()
	last := day0 + Date(pl.n-1)
	for _, w := range q.ps {
		w.Planned = false
		q.ws = append(q.ws, w)
		last = max(last, w.Date)
	}
	q.ps = nil
	q.n = int(last-day0) + 2
	return q
}

// holdsNextDay reports whether rule holds on the day after pl's as-of day
// when that day gets one session of load lp (a given load, so the load is
// exact). The analysis runs to the day after it, so the day checked is
// over.
func holdsNextDay(t *testing.T, pl *plan, lp float64, rule string) bool {
	t.Helper()
	q := pl.clone()
	next := pl.n
	q.load(next, lp)
	q.n = next + 2
	a := q.run()
	d := a.Days[next]
	if d.Date != day0+Date(next) || d.InProgress || d.Load != lp {
		t.Fatalf("checked day %s (in progress %v, load %v), want %s, over, load %v", d.Date, d.InProgress, d.Load, day0+Date(next), lp)
	}
	return d.Rules[ruleIndex(rule)].Holds
}

// every Params convention that changes the load metrics.
func conventions() []Params {
	var ps []Params
	for _, decay := range []string{DecayExp, DecayLinear} {
		for _, tsb := range []string{TSBYesterday, TSBToday} {
			for _, m := range []string{ACWREWMA, ACWRCoupled, ACWRUncoupled} {
				for _, sd := range []string{SDPopulation, SDSample} {
					p := DefaultParams()
					p.PMCDecay, p.TSB, p.ACWRMethod, p.MonotonySD = decay, tsb, m, sd
					ps = append(ps, p)
				}
			}
		}
	}
	return ps
}

func convName(p Params) string {
	return fmt.Sprintf("%s/%s/%s/%s", p.PMCDecay, p.TSB, p.ACWRMethod, p.MonotonySD)
}

// varied is n days of random loads, about one day in five without
// training.
func varied(n int, seed uint64) []float64 {
	r := rand.New(rand.NewPCG(seed, 7))
	ls := make([]float64, n)
	for i := range ls {
		if r.IntN(5) > 0 {
			ls[i] = math.Round(r.Float64()*1500) / 10
		}
	}
	return ls
}

// weeks is n Monday-to-Sunday weeks of load l a day, Wednesdays off.
func weeks(n int, l float64) []float64 {
	ls := constant(7*n, l)
	for i := 2; i < len(ls); i += 7 {
		ls[i] = 0
	}
	return ls
}

// same reports whether two numbers are equal to the last bit, or both
// Missing.
func same(x, y float64) bool { return x == y || !Known(x) && !Known(y) }

// TestProjectionMatchesAnalyze: the projected days are, to the last bit,
// the days Analyze gives once the planned sessions are done, for every
// convention: loads, rest days, CTL, ATL, TSB, the acute:chronic averages
// and ratio, monotony, strain, every load rule and the advice. Each
// history ends on a training day, which is then the same whether in
// progress (the projection) or over (the check); TestProjectionToday is
// about the day in progress.
func TestProjectionMatchesAnalyze(t *testing.T) {
	ending := func(ls []float64) []float64 { ls[len(ls)-1] = 60; return ls }
	histories := []struct {
		name             string
		history, planned []float64
	}{
		// The plan crosses the day the chronic window fills (day 28).
		{"10 days, then 30 planned", ending(varied(10, 1)), varied(30, 2)},
		// The plan crosses the 7th day, when monotony starts.
		{"3 days, then 10 planned", []float64{40, 0, 60}, []float64{50, 50, 0, 70, 30, 90, 10, 0, 120, 45}},
		// A planned week off: all-zero monotony windows, then training.
		{"60 days, a planned week off", ending(varied(60, 3)), append(constant(8, 0), 60, 80, 40, 100, 20)},
		// Eight weeks and a heavy plan: weeks, spikes and streaks go on.
		{"56 days, a heavy fortnight", ending(varied(56, 4)), constant(14, 160)},
		{"one day, one planned", []float64{80}, []float64{70}},
		// Eight weeks of 300 LP (a rest day on Wednesdays), then a week as
		// usual, a lighter one and one more: the lighter week, wholly
		// planned, ends the run of weeks without one.
		{"8 weeks, a planned lighter week", weeks(8, 50), append(append(weeks(1, 50), weeks(1, 10)...), weeks(1, 50)...)},
	}
	lighterRuns, holding := 0, map[string]int{}
	defer func() { // the histories must exercise every load rule
		for _, r := range registry {
			if r.load && holding[r.Name] == 0 {
				t.Errorf("%s never holds on a projected day (as-of week lighter in %d runs)", r.Name, lighterRuns)
			}
		}
	}()
	for _, h := range histories {
		for _, p := range conventions() {
			t.Run(h.name+"/"+convName(p), func(t *testing.T) {
				pl := newPlan(len(h.history)).loads(0, h.history...).planLoads(len(h.history), h.planned...)
				pl.p = p
				pl.p.DeloadWeeks = 3 // a run of weeks that the plans reach
				pr := pl.run().Projection
				last := len(h.planned) - 1
				for h.planned[last] == 0 {
					last--
				}
				if pr == nil || len(pr.Days) != last+1 || pr.From != day0+Date(len(h.history)) {
					t.Fatalf("projection %+v, want %d days from %s", pr, last+1, day0+Date(len(h.history)))
				}
				real := pl.done().run()
				lighter := false // the as-of day's week, lighter once over: no-deload-week may differ (TestProjectionToday)
				for _, w := range real.Weeks {
					if w.Start <= day0+Date(len(h.history)-1) && day0+Date(len(h.history)-1) <= w.Start+6 {
						lighter = w.Lighter
					}
				}
				if lighter {
					lighterRuns++
				}
				for j := range pr.Days {
					g, w := &pr.Days[j], &real.Days[len(h.history)+j]
					if g.Date != w.Date || !g.Planned || w.Planned || g.InProgress || w.InProgress {
						t.Fatalf("day %d: %s planned %v, want %s, over", j, g.Date, g.Planned, w.Date)
					}
					for _, f := range []struct {
						name      string
						got, want float64
					}{
						{"Load", g.Load, w.Load}, {"TrainLoad", g.TrainLoad, w.TrainLoad},
						{"CTL", g.CTL, w.CTL}, {"ATL", g.ATL, w.ATL}, {"TSB", g.TSB, w.TSB},
						{"Acute", g.Acute, w.Acute}, {"Chronic", g.Chronic, w.Chronic}, {"ACWR", g.ACWR, w.ACWR},
						{"Monotony", g.Monotony, w.Monotony}, {"Strain", g.Strain, w.Strain},
					} {
						if !same(f.got, f.want) {
							t.Errorf("%s %s = %v, want %v to the last bit", w.Date, f.name, f.got, f.want)
						}
					}
					if g.Rest != w.Rest || g.RestOpen != w.RestOpen || g.HardCount != w.HardCount || g.Sessions != w.Sessions {
						t.Errorf("%s rest %v/%v hard %d sessions %d, want %v/%v %d %d", w.Date, g.Rest, g.RestOpen, g.HardCount, g.Sessions, w.Rest, w.RestOpen, w.HardCount, w.Sessions)
					}
					for k, r := range registry {
						gs, ws := g.Rules[k], w.Rules[k]
						if gs.Holds {
							holding[r.Name]++
						}
						switch {
						case !r.load: // not projected: nothing held on the as-of day to carry
							if gs.Holds || gs.Unknown || gs.Carried || Known(gs.Value) {
								t.Errorf("%s %s is not projected, got %+v", w.Date, r.Name, gs)
							}
						case k == iNoDeload && lighter:
						case gs.Holds != ws.Holds || gs.Unknown != ws.Unknown || !same(gs.Value, ws.Value) || !same(gs.Threshold, ws.Threshold):
							t.Errorf("%s %s = %+v, want %+v", w.Date, r.Name, gs, ws)
						}
					}
					if g.Action != w.Action && !lighter {
						t.Errorf("%s advice %s, want %s", w.Date, g.Action, w.Action)
					}
				}
			})
		}
	}
}

// TestProjectionLeavesHistoryAlone: with a plan, the analysed days, weeks,
// flags and advice are what they are without it.
func TestProjectionLeavesHistoryAlone(t *testing.T) {
	in := benchInput(2 * 365)
	want := Analyze(in)
	in.Planned = weekOfPlans(in.AsOf)
	got := Analyze(in)
	if got.Projection == nil || len(got.Projection.Days) != 7 {
		t.Fatalf("projection %+v, want 7 days", got.Projection)
	}
	for _, c := range []struct {
		name      string
		got, want any
	}{
		{"days", got.Days, want.Days}, {"weeks", got.Weeks, want.Weeks}, {"sessions", got.Sessions, want.Sessions},
		{"recommendation", got.Recommendation, want.Recommendation}, {"sports", got.Sports, want.Sports},
		{"sources", got.BySource, want.BySource}, {"calibration", got.Calibration, want.Calibration},
	} {
		if g, w := fmt.Sprint(c.got), fmt.Sprint(c.want); g != w {
			t.Errorf("%s differ with a plan", c.name)
		}
	}
	if len(got.Flags) != len(want.Flags) {
		t.Fatalf("%d flags with a plan, %d without", len(got.Flags), len(want.Flags))
	}
	for i, f := range got.Flags {
		w := want.Flags[i]
		if f.Rule != w.Rule || f.From != w.From || f.To != w.To || !same(f.Value, w.Value) || f.Detail() != w.Detail() {
			t.Errorf("flag %d: %+v %q, want %+v %q", i, f, f.Detail(), w, w.Detail())
		}
	}
}

// weekOfPlans is a week of planned sessions after asOf: a ride with power,
// a run with heart rate, sessions rated by RPE, a given load, a rest day.
func weekOfPlans(asOf Date) []Workout {
	var ps []Workout
	for d := 1; d <= 7; d++ {
		if d == 4 {
			continue // a planned rest day
		}
		w := NewWorkout()
		w.Date, w.Duration, w.Planned = asOf+Date(d), float64(40+10*d)*60, true
		switch d % 3 {
		case 0:
			w.Sport, w.NP = "ride", 200
		case 1:
			w.Sport, w.AvgHR = "run", 150
		default:
			w.Sport, w.RPE = "strength", 6
		}
		ps = append(ps, w)
	}
	return ps
}

// TestProjectionVector: a 7-day plan after one day of nothing (CTL = ATL =
// 0, E7 = E28 = 0), computed by hand. k42 = 1 − e^(−1/42) = 0.0235283,
// k7 = 1 − e^(−1/7) = 0.1331221 (linear: 1/42 = 0.0238095, 1/7 = 0.1428571);
// CTL(d) = CTL(d−1) + k42 (L(d) − CTL(d−1)), ATL likewise with k7.
// Exponential, plan 100 0 50 80 0 120 60 (the first three rows are science
// reference §4's table):
//
//	d1 CTL = 0 + 0.0235283 × 100               = 2.35283  ATL = 13.31221
//	d2 CTL = 2.35283 − 0.0235283 × 2.35283     = 2.29747  ATL = 13.31221 × 0.8668779 = 11.54006
//	d3 CTL = 2.29747 + 0.0235283 × 47.70253    = 3.41983  ATL = 11.54006 + 0.1331221 × 38.45994 = 16.65993
//	d4 CTL = 3.41983 + 0.0235283 × 76.58017    = 5.22164  ATL = 16.65993 + 0.1331221 × 63.34007 = 25.09189
//	d5 CTL = 5.22164 × 0.9764717               = 5.09878  ATL = 25.09189 × 0.8668779 = 21.75161
//	d6 CTL = 5.09878 + 0.0235283 × 114.90122   = 7.80221  ATL = 21.75161 + 0.1331221 × 98.24839 = 34.83064
//	d7 CTL = 7.80221 + 0.0235283 × 52.19779    = 9.03034  ATL = 34.83064 + 0.1331221 × 25.16936 = 38.18124
//
// TSB (yesterday) = the day before's CTL − ATL: 0, −10.95938, −9.24259,
// −13.24010, −19.87026, −16.65283, −27.02843.
//
// Ramp: CTL(d) − CTL(d−7); d7's week ago is the as-of day (CTL 0), d6's
// the day before the series (the seed, 0): 7.80221 and 9.03034, the
// latter above the guide of 8 a week; d1–d5 have no CTL a week before.
//
// Monotony (population SD) on d6 is over the as-of day and d1–d6:
// 0 100 0 50 80 0 120, sum 350, mean 50, squared deviations 2500 2500 2500 0
// 900 2500 4900 = 15800, SD √(15800/7) = 47.50940, monotony 1.05242,
// strain 350 × 1.05242 = 368.348; on d7 over d1–d7: 100 0 50 80 0 120 60,
// sum 410, mean 58.57143, squared deviations 1716.327 3430.612 73.469
// 459.184 3430.612 3773.469 2.041 = 12885.714, SD √(12885.714/7) =
// 42.90474, monotony 1.36515, strain 410 × 1.36515 = 559.712. Days 1–5 have
// fewer than 7 series days: Missing. ACWR is Missing all week (series days
// 2–8 of the 28 the chronic window needs). d2 and d5 are planned rest
// days (0 LP < 20).
func TestProjectionVector(t *testing.T) {
	plan7 := []float64{100, 0, 50, 80, 0, 120, 60}
	tests := []struct {
		name          string
		set           func(*Params)
		ctl, atl, tsb []float64
	}{
		{"exponential, tsb yesterday", func(*Params) {},
			[]float64{2.35283, 2.29747, 3.41983, 5.22164, 5.09878, 7.80221, 9.03034},
			[]float64{13.31221, 11.54006, 16.65993, 25.09189, 21.75161, 34.83064, 38.18124},
			[]float64{0, -10.95938, -9.24259, -13.24010, -19.87026, -16.65283, -27.02843}},
		// Linear (1/N): d1 CTL = 100/42 = 2.38095, ATL = 100/7 = 14.28571;
		// d2 CTL = 2.38095 × 41/42 = 2.32426, ATL = 14.28571 × 6/7 = 12.24490;
		// d3 CTL = 2.32426 + (50 − 2.32426)/42 = 3.45940, ATL = 12.24490 +
		// (50 − 12.24490)/7 = 17.63848; d4 3.45940 + 76.54060/42 = 5.28180,
		// 17.63848 + 62.36152/7 = 26.54727; d5 × 41/42 = 5.15604, × 6/7 =
		// 22.75481; d6 5.15604 + 114.84396/42 = 7.89042, 22.75481 +
		// 97.24519/7 = 36.64698; d7 7.89042 + 52.10958/42 = 9.13112,
		// 36.64698 + 23.35302/7 = 39.98312. TSB today = CTL − ATL.
		{"linear, tsb today", func(p *Params) { p.PMCDecay, p.TSB = DecayLinear, TSBToday },
			[]float64{2.38095, 2.32426, 3.45940, 5.28180, 5.15604, 7.89042, 9.13112},
			[]float64{14.28571, 12.24490, 17.63848, 26.54727, 22.75481, 36.64698, 39.98312},
			[]float64{-11.90476, -9.92063, -14.17908, -21.26548, -17.59877, -28.75656, -30.85200}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pl := newPlan(1).planLoads(1, plan7...) // day0 only, no session: CTL = ATL = 0
			tc.set(&pl.p)
			a := pl.run()
			if d := a.Days[0]; d.CTL != 0 || d.ATL != 0 || d.Load != 0 || !d.InProgress {
				t.Fatalf("history day %+v, want all zero, in progress", d)
			}
			pr := a.Projection
			if pr == nil || pr.From != day0+1 || pr.To != day0+7 || len(pr.Days) != 7 || len(pr.Sessions) != 5 {
				t.Fatalf("projection %+v, want 7 days from %s, 5 sessions", pr, day0+1)
			}
			for j, d := range pr.Days {
				name := fmt.Sprintf("d%d ", j+1)
				if d.Date != day0+Date(j+1) || d.Load != plan7[j] || d.TrainLoad != plan7[j] || !d.Planned {
					t.Errorf("%sdate %s load %v/%v planned %v", name, d.Date, d.Load, d.TrainLoad, d.Planned)
				}
				checkNear(t, name+"CTL", d.CTL, tc.ctl[j], 1e-4)
				checkNear(t, name+"ATL", d.ATL, tc.atl[j], 1e-4)
				checkNear(t, name+"TSB", d.TSB, tc.tsb[j], 1e-4)
				checkNear(t, name+"ACWR", d.ACWR, Missing(), 0)
				if want := plan7[j] < 20; d.Rest != want {
					t.Errorf("%srest %v, want %v", name, d.Rest, want)
				}
				if j < 5 {
					checkNear(t, name+"monotony", d.Monotony, Missing(), 0)
					checkNear(t, name+"strain", d.Strain, Missing(), 0)
					checkNear(t, name+"ramp", pr.Ramp[j], Missing(), 0)
				}
			}
			checkNear(t, "d6 monotony", pr.Days[5].Monotony, 1.05242, 1e-4)
			checkNear(t, "d6 strain", pr.Days[5].Strain, 368.348, 1e-3)
			checkNear(t, "d7 monotony", pr.Days[6].Monotony, 1.36515, 1e-4)
			checkNear(t, "d7 strain", pr.Days[6].Strain, 559.712, 1e-3)
			checkNear(t, "d6 ramp", pr.Ramp[5], tc.ctl[5], 1e-4)
			checkNear(t, "d7 ramp", pr.Ramp[6], tc.ctl[6], 1e-4)
			checkNear(t, "largest ramp", pr.RampMax, tc.ctl[6], 1e-4)
			if pr.RampMaxDate != day0+7 || pr.StartCTL != 0 {
				t.Errorf("largest ramp on %s, start CTL %v; want %s, 0", pr.RampMaxDate, pr.StartCTL, day0+7)
			}
			if len(pr.Warnings) != 0 {
				t.Errorf("warnings %+v, want none", pr.Warnings)
			}
		})
	}
}

// TestProjectionWarnings: a plan that trips load rules gets a warning per
// run, dated on the first projected day it holds, with the value and
// threshold Analyze gives that day once done; a plan that does not, none.
func TestProjectionWarnings(t *testing.T) {
	week := []float64{40, 70, 50, 0, 60, 80, 30} // monotony 1.89, a rest day a week
	history := func() *plan {
		// 40 days of that week; the as-of day (39) trains, the day before
		// was a rest day: a streak of 1.
		pl := newPlan(40)
		for i := range 40 {
			if l := week[i%7]; l != 0 {
				pl.load(i, l)
			}
		}
		pl.p.DeloadWeeks = 12 // steady weeks: no-deload-week is another story
		return pl
	}
	fine := history().planLoads(40, 80, 30, 40, 70, 50, 0, 60) // the same week on
	if pr := fine.run().Projection; pr == nil || len(pr.Warnings) != 0 {
		t.Fatalf("the fine plan: %+v, want a projection without warnings", pr.Warnings)
	}
	heavy := history().planLoads(40, 150, 150, 150, 150, 150, 150, 150)
	a := heavy.run()
	real := heavy.done().run()
	pr := a.Projection
	byRule := map[string]Warning{}
	for _, w := range pr.Warnings {
		if _, dup := byRule[w.Rule]; dup {
			t.Errorf("two warnings for %s: %+v", w.Rule, pr.Warnings)
		}
		byRule[w.Rule] = w
		if !w.Projected || w.Detail == "" || w.Measure() == "" || w.Date < pr.From || w.To > pr.To || w.Date > w.To {
			t.Errorf("warning %+v: want projected, described, within the plan", w)
		}
		r, _ := RuleByName(w.Rule)
		if !r.Projected() {
			t.Errorf("warning for %s, a rule that is not projected", w.Rule)
		}
		k := ruleIndex(w.Rule)
		first := real.Days[w.Date-day0].Rules[k]
		if !first.Holds || !same(first.Value, w.Value) || first.Threshold != w.Threshold || real.Days[w.Date-day0-1].Rules[k].Holds && !w.Ongoing {
			t.Errorf("%s on %s: %v vs %v; Analyze, once done: %+v", w.Rule, w.Date, w.Value, w.Threshold, first)
		}
	}
	// Seven days of 150: the streak of 1 reaches 7 on the sixth planned
	// day (day 45) and 8 on the last; acute:chronic passes 1.5 within the
	// week.
	nr, ok := byRule[RuleNoRestDay]
	if !ok || nr.Date != day0+45 || nr.Value != 7 || nr.Threshold != 7 || nr.To != day0+46 || nr.Peak != 8 || nr.PeakDate != day0+46 || nr.Ongoing || !strings.Contains(nr.Measure(), "7 ≥ 7") {
		t.Errorf("no-rest-day warning %+v (%s), want from %s at 7 ≥ 7 to %s, peak 8", nr, nr.Measure(), day0+45, day0+46)
	}
	ls, ok := byRule[RuleLoadSpike]
	if !ok || !(ls.Value > 1.5) || ls.Threshold != 1.5 || !(ls.Peak >= ls.Value) || ls.Unit() != "ratio" {
		t.Errorf("load-spike warning %+v, want one above 1.5", ls)
	}
	// The advice on a projected day comes from its load rules.
	if d := pr.Days[len(pr.Days)-1]; d.Action < Easy {
		t.Errorf("advice after the heavy week %s, want easy or more", d.Action)
	}
	if rec := pr.RecommendationOn(len(pr.Days) - 1); rec.Action != pr.Days[len(pr.Days)-1].Action || len(rec.Evidence) == 0 {
		t.Errorf("recommendation on the last planned day %+v", rec)
	}
}

// TestProjectionToday: the as-of day is in progress in the projection as
// everywhere: at rest level so far, it neither ends nor extends the
// streak, and tomorrow's planned training continues it.
func TestProjectionToday(t *testing.T) {
	pl := newPlan(11).loads(0, constant(10, 50)...) // 10 training days, today nothing yet
	pl.planLoads(11, 50, 50)
	a := pl.run()
	if d := a.Days[10]; !d.InProgress || d.Rest || !d.RestOpen || d.Rules[iNoRestDay].Value != 10 {
		t.Fatalf("the as-of day %+v, want in progress, open, the streak 10", d.Rules[iNoRestDay])
	}
	pr := a.Projection
	if v := pr.Days[0].Rules[iNoRestDay].Value; v != 11 {
		t.Errorf("streak tomorrow %v, want 11: today neither ends nor extends it", v)
	}
	if h := a.Headroom.NoRest; h.Streak != 10 || !h.Reaches || h.From != 20 {
		t.Errorf("no-rest-day headroom %+v, want a streak of 10 reaching the limit from 20 LP", h)
	}
	// The warning goes on from the as-of day; its words count the days
	// known to be training days and start on the first, today aside.
	i := slices.IndexFunc(pr.Warnings, func(w Warning) bool { return w.Rule == RuleNoRestDay })
	if i < 0 || !pr.Warnings[i].Ongoing || pr.Warnings[i].Peak != 12 || pr.Warnings[i].Detail != "12 days without a rest day since "+day0.String() {
		t.Errorf("warnings %+v, want no-rest-day going on to 12 days since %s", pr.Warnings, day0)
	}
	// Trained today: the streak is 11, tomorrow 12.
	pl.load(10, 60)
	if v := pl.run().Projection.Days[0].Rules[iNoRestDay].Value; v != 12 {
		t.Errorf("streak tomorrow after training today %v, want 12", v)
	}
}

// TestPlannedSessions: planned sessions get their load by the precedence of
// done ones, with the athlete's calibration; those dated on or before the
// as-of day are planned, not done; those far ahead are left out; a
// workout marked planned among the done ones is planned.
func TestPlannedSessions(t *testing.T) {
	pl := newPlan(30)
	for i := range 12 { // 12 sessions with RPE and a given load: k = 60/(6×60) LP per RPE·minute
		w := pl.load(6+2*i, 60)
		w.Duration, w.RPE = 3600, 6
	}
	pl.p.SRPEK = Missing()
	p := NewProfile("t")
	p.MaxHR, p.RestingHR, p.ThresholdPace = 190, 50, 300
	add := func(day int, f func(*Workout)) {
		w := NewWorkout()
		w.Date, w.Sport = day0+Date(day), "ride"
		f(&w)
		pl.ps = append(pl.ps, w)
	}
	add(30, func(w *Workout) { w.TSS = 80 })
	add(31, func(w *Workout) { w.Duration, w.RPE = 3000, 5 })
	add(32, func(w *Workout) { w.Duration, w.AvgHR = 3600, 150 })
	add(33, func(w *Workout) { w.Sport, w.Duration, w.DistanceKm = "run", 3600, 12 })
	add(34, func(w *Workout) { w.Sport = "swim" })             // nothing to compute from
	add(28, func(w *Workout) { w.TSS = 50 })                   // before as-of: planned, not done
	add(29, func(w *Workout) { w.TSS = 50 })                   // the as-of day: planned, not done
	add(29+PlanHorizonDays+1, func(w *Workout) { w.TSS = 50 }) // beyond the horizon
	marked := NewWorkout()                                     // a planned row among the done ones
	marked.Date, marked.Sport, marked.TSS, marked.Planned = day0+35, "row", 40, true
	pl.ws = append(pl.ws, marked)
	anchor := NewCheckin()
	anchor.Date = day0
	a := Analyze(Input{Profile: p, Params: pl.p, AsOf: day0 + 29, Workouts: pl.ws, Checkins: []Checkin{anchor}, Planned: pl.ps})
	if !a.Calibration.Calibrated {
		t.Fatalf("calibration %+v, want calibrated", a.Calibration)
	}
	k := a.Calibration.K
	checkNear(t, "k", k, 60.0/360, 1e-12)
	pr := a.Projection
	if pr == nil || len(pr.Sessions) != 6 || pr.To != day0+35 || pr.UnknownLoad != 1 {
		t.Fatalf("projection %+v, want 6 sessions to %s, one of unknown load", pr, day0+35)
	}
	wantSrc := []Source{SrcGiven, SrcSRPE, SrcHR, SrcPace, SrcNone, SrcGiven}
	for i, s := range pr.Sessions {
		if s.Source != wantSrc[i] || !s.Planned {
			t.Errorf("planned session %d (%s): source %s planned %v, want %s, planned", i, s.Date, s.Source, s.Planned, wantSrc[i])
		}
	}
	checkNear(t, "sRPE with the calibrated k", pr.Sessions[1].LP, 5*50*k, 1e-9)
	checkNear(t, "pace", pr.Sessions[3].LP, PaceTSS(3600, 12, 300), 1e-9)
	checkNear(t, "heart rate", pr.Sessions[2].LP, SessionLoad(pl.ps[2], a.Profile, k).LP, 1e-9)
	if len(a.NotDone) != 2 || a.NotDone[0].Date != day0+28 || a.NotDone[1].Date != day0+29 || a.NotDone[0].Done != 1 || a.NotDone[1].Done != 0 {
		t.Errorf("not done %+v, want days 28 (a session done that day) and 29", a.NotDone)
	}
	if a.PlannedBeyond != 1 {
		t.Errorf("beyond the horizon %d, want 1", a.PlannedBeyond)
	}
	for _, s := range a.Sessions {
		if s.Planned || s.Date > a.AsOf {
			t.Errorf("a planned session among the done ones: %+v", s.Workout)
		}
	}
	if got := a.Days[28].Load; got != 60 {
		t.Errorf("day 28's load %v, want 60: a planned session is not load", got)
	}
	// The swim of unknown load leaves the load ratios unchecked, not clear.
	if st := pr.Days[34-29].Rules[iLoadSpike]; st.Holds || !st.Unknown {
		t.Errorf("load-spike after a planned session of unknown load = %+v, want unknown", st)
	}
}

// TestPlannedTwice: one session in two plan files is projected once.
func TestPlannedTwice(t *testing.T) {
	pl := newPlan(10).loads(0, constant(10, 50)...)
	for _, f := range []string{"a.csv", "b.csv"} {
		w := NewWorkout()
		w.Date, w.Sport, w.TSS, w.Duration, w.Origin = day0+11, "ride", 70, 3600, &Origin{File: f}
		pl.ps = append(pl.ps, w)
	}
	pr := pl.run().Projection
	if len(pr.Sessions) != 1 || len(pr.Merges) != 1 || pr.Days[1].Load != 70 {
		t.Errorf("sessions %d, merges %d, load %v; want 1, 1, 70", len(pr.Sessions), len(pr.Merges), pr.Days[1].Load)
	}
}

// headroomCase is one rule's limit on a built history, checked with
// Analyze: a session of exactly From the next day makes the rule hold, one
// of From − 1 LP and one of Max (the float64 just below) do not.
type headroomCase struct {
	name  string
	build func() *plan
	rule  string
	limit func(*Headroom) *Limit
	want  float64 // From, computed by hand (±1e-6)
	check func(*testing.T, *Headroom, *Analysis)
}

func spikeOf(h *Headroom) *Limit    { return &h.LoadSpike.Limit }
func monotonyOf(h *Headroom) *Limit { return &h.Monotony }
func restOf(h *Headroom) *Limit     { return &h.NoRest.Limit }
func hardOf(h *Headroom) *Limit     { return &h.HardClose.Limit }
func deloadOf(h *Headroom) *Limit   { return &h.NoDeload.Limit }

// steady is n days of load l ending on the as-of day.
func steady(n int, l float64, set func(*Params)) func() *plan {
	return func() *plan {
		pl := newPlan(n).loads(0, constant(n, l)...)
		if set != nil {
			set(&pl.p)
		}
		return pl
	}
}

// ratioAt checks that tomorrow's ACWR at the limit is spike_acwr.
func ratioAt(t *testing.T, h *Headroom, a *Analysis) {
	t.Helper()
	d := a.continuation().at(h.LoadSpike.From)
	checkNear(t, "ACWR at the limit", d.ACWR, a.Params.SpikeACWR, 1e-9)
	checkNear(t, "RatioLoad", h.LoadSpike.RatioLoad, h.LoadSpike.From, 1e-9)
}

// floorAt checks that the chronic floor, not the ratio, sets the limit.
func floorAt(t *testing.T, h *Headroom, a *Analysis) {
	t.Helper()
	s := h.LoadSpike
	if !(s.FloorLoad > s.RatioLoad) {
		t.Errorf("floor load %v, ratio load %v: want the floor above", s.FloorLoad, s.RatioLoad)
	}
	d := a.continuation().at(s.Max)
	if !(d.ACWR > a.Params.SpikeACWR) || !(d.Chronic < a.Params.SpikeMinChronic) {
		t.Errorf("just under the limit ACWR %v chronic %v: want above %v with chronic under %v", d.ACWR, d.Chronic, a.Params.SpikeACWR, a.Params.SpikeMinChronic)
	}
}

// monotonyAt checks that monotony tomorrow at the limit is monotony_max.
func monotonyAt(t *testing.T, h *Headroom, a *Analysis) {
	t.Helper()
	checkNear(t, "monotony at the limit", a.continuation().at(h.Monotony.From).Monotony, a.Params.MonotonyMax, 1e-9)
}

func TestHeadroomAtLimit(t *testing.T) {
	six := []float64{30, 80, 40, 90, 20, 70} // mean 55
	monoPlan := func(sd string) func() *plan {
		return func() *plan {
			pl := newPlan(10).loads(0, append([]float64{60, 0, 45, 50}, six...)...)
			pl.p.MonotonySD = sd
			return pl
		}
	}
	hardPlan := func() *plan {
		// Science reference §9's prior loads (P90 = 90 of 11), then today a
		// session rated 8 (hard) of 21.43 LP, the 12th and smallest load
		// but one, so the 11th of 12 is still 90.
		prior := []float64{30, 45, 50, 55, 60, 60, 65, 70, 80, 90, 120}
		pl := newPlan(12).loads(0, prior...)
		w := NewWorkout()
		w.Date, w.Sport, w.Duration, w.RPE = day0+11, "run", 675, 8
		pl.ws = append(pl.ws, w)
		return pl
	}
	deloadPlan := func() *plan {
		// Weeks of 7 × 50 from Monday day 0 (none lighter: each equals the
		// three before), then a lighter start, 40 × 5 and 20 on Saturday
		// (day 40, the as-of day): 220 LP so far, limit 0.8 × 350 = 280.
		// Tomorrow, Sunday, ends the week: above 60 LP it is not lighter,
		// the sixth complete week in a row without a lighter one.
		pl := newPlan(41).loads(0, constant(35, 50)...).loads(35, 40, 40, 40, 40, 40, 20)
		return pl
	}
	tests := []headroomCase{
		// E7 = E28 = 50: acute' = 37.5 + L/4, chronic' = 50·27/29 + 2L/29;
		// acute' = 1.5 chronic' ⇔ L = 50 (1.5·27/29 − 3/4)/(1/4 − 1.5·2/29)
		// = 50 × 18.75/4.25 = 220.588235; it holds above.
		{"load-spike ewma", steady(40, 50, nil), RuleLoadSpike, spikeOf, 50 * 18.75 / 4.25, ratioAt},
		// acute' = (300 + L)/7, chronic' = (1350 + L)/28:
		// (300 + L)/7 = 1.5 (1350 + L)/28 ⇔ 4 (300 + L) = 2025 + 1.5 L ⇔ L = 330.
		{"load-spike rolling coupled", steady(40, 50, func(p *Params) { p.ACWRMethod = ACWRCoupled }), RuleLoadSpike, spikeOf, 330, ratioAt},
		// chronic' = 50 whatever L: (300 + L)/7 = 75 ⇔ L = 225.
		{"load-spike rolling uncoupled", steady(40, 50, func(p *Params) { p.ACWRMethod = ACWRUncoupled }), RuleLoadSpike, spikeOf, 225, ratioAt},
		// 40 days of 3 LP... but the as-of day must train: 39 days of 3 and
		// a spike rule with rest_load_max 2 so 3 LP days train. The ratio
		// passes 1.5 from L = 3 (1.5·27/29 − 3/4)/(4.25/29) = 13.24, but
		// E28' = 3·27/29 + 2L/29 reaches 10 LP only from L = (290 − 81)/2 =
		// 104.5 (the floor is ≥: it holds at 104.5).
		{"load-spike ewma, chronic floor", steady(40, 3, func(p *Params) { p.RestLoadMax = 2 }), RuleLoadSpike, spikeOf, 104.5, floorAt},
		// Coupled: (81 + L)/28 ≥ 10 from L = 199.
		{"load-spike coupled, chronic floor", steady(40, 3, func(p *Params) { p.ACWRMethod, p.RestLoadMax = ACWRCoupled, 2 }), RuleLoadSpike, spikeOf, 199, floorAt},
		// Six days 30 80 40 90 20 70 (S = 330, Q = 4150): monotony passes 2
		// for L between the roots of 7 (330 + L)² − 49·4·4150 − 42·4 (L − 55)²
		// = −161 L² + 23100 L − 559300 = 0, L = (23100 ∓ √(23100² −
		// 4·161·559300))/322 = 30.84196 and 112.63629.
		{"monotony-high population", monoPlan(SDPopulation), RuleMonotonyHigh, monotonyOf, (23100 - math.Sqrt(23100*23100-4*161*559300)) / 322, monotonyAt},
		// Sample SD: 6 (330 + L)² − 49·4·4150 − 168 (L − 55)² =
		// −162 L² + 22440 L − 668200 = 0, L = (11220 ∓ √(11220² −
		// 81·4·334100))/162 = (11220 ∓ 4200)/162 = 43.33333 and 95.18519.
		{"monotony-high sample", monoPlan(SDSample), RuleMonotonyHigh, monotonyOf, (11220.0 - 4200) / 162, monotonyAt},
		// Six training days to today: a 7th tomorrow holds from 20 LP
		// (rest_load_max: a day under it is a rest day).
		{"no-rest-day", steady(6, 40, nil), RuleNoRestDay, restOf, 20, nil},
		{"no-rest-day, rest_load_max 30, no_rest_days 4", steady(3, 40, func(p *Params) { p.RestLoadMax, p.NoRestDays = 30, 4 }),
			RuleNoRestDay, restOf, 30, nil},
		// A hard session today: tomorrow's is hard above P90 = 90.
		{"hard-days-close", hardPlan, RuleHardDaysClose, hardOf, 90, func(t *testing.T, h *Headroom, _ *Analysis) {
			hc := h.HardClose
			if !hc.TodayHard || hc.P90 != 90 || hc.RPE != 7 || hc.Max != 90 {
				t.Errorf("hard limit %+v, want today hard, P90 90 = Max, RPE 7", hc)
			}
			checkNear(t, "per hour", hc.PerHour, 72.25, 1e-9)
			if hc.MinutesRPE7 != 0 || !(hc.MinutesRPE5 > 0) {
				t.Errorf("minutes at RPE 5 %v and 7 %v: want some at 5, none at 7 (hard by its rating)", hc.MinutesRPE5, hc.MinutesRPE7)
			}
		}},
		// 220 LP so far, limit 280: above 60 LP the week is not lighter.
		{"no-deload-week", deloadPlan, RuleNoDeloadWeek, deloadOf, 60, func(t *testing.T, h *Headroom, _ *Analysis) {
			d := h.NoDeload
			if !d.EndsWeek || d.Run != 5 || d.WeekLoad != 220 || d.WeekLimit != 280 || d.Weeks != 6 {
				t.Errorf("deload limit %+v, want the week ending tomorrow, a run of 5, 220 of 280 LP", d)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pl := tc.build()
			a := pl.run()
			h := a.Headroom
			l := tc.limit(h)
			if h.Date != a.AsOf+1 || l.Rule != tc.rule {
				t.Errorf("date %s rule %s, want %s %s", h.Date, l.Rule, a.AsOf+1, tc.rule)
			}
			checkNear(t, "From", l.From, tc.want, 1e-6)
			if l.Max != math.Nextafter(l.From, negInf) {
				t.Errorf("Max %v, want the float64 below From %v", l.Max, l.From)
			}
			if len(l.Holds) == 0 || math.Abs(l.Holds[0].Lo-l.From) > 1e-6 {
				t.Errorf("holds %+v: want a range starting at the limit %v", l.Holds, l.From)
			}
			if !holdsNextDay(t, pl, l.From, tc.rule) {
				t.Errorf("%s does not hold tomorrow at %v (%s)", tc.rule, l.From, l.Why)
			}
			if holdsNextDay(t, pl, l.From-1, tc.rule) {
				t.Errorf("%s holds tomorrow 1 LP below the limit, at %v (%s)", tc.rule, l.From-1, l.Why)
			}
			if holdsNextDay(t, pl, l.Max, tc.rule) {
				t.Errorf("%s holds tomorrow at Max %v (%s)", tc.rule, l.Max, l.Why)
			}
			if tc.check != nil {
				tc.check(t, h, a)
			}
			if tc.rule != RuleHardDaysClose {
				checkNear(t, "minutes at RPE 5", l.MinutesRPE5, l.Max/(5*a.Calibration.K), 1e-9)
				checkNear(t, "minutes at RPE 7", l.MinutesRPE7, l.Max/(7*a.Calibration.K), 1e-9)
			}
			if l.Why == "" {
				t.Error("no reason given")
			}
			if tl := h.Tightest(); tl == nil || tl.From > l.From {
				t.Errorf("tightest limit %+v, want one at most %v", tl, l.From)
			}
		})
	}
}

// TestHeadroomMonotonyEnds: monotony can hold at 0 LP (six alike days and
// a rest day are too alike) and stop holding above a load; and a varied
// week holds only between two loads. Both ends are checked with Analyze:
// the upper end itself does not hold (strict >), 1 LP under it does.
func TestHeadroomMonotonyEnds(t *testing.T) {
	tests := []struct {
		name   string
		build  func() *plan
		atZero bool
		hi     float64
	}{
		// 50 × 6: 7 (300 + L)² − 4·42 (L − 50)² = 0 ⇔ −161 L² + 21000 L + 210000 = 0,
		// upper root (21000 + √(21000² + 4·161·210000))/322 = 139.76783.
		{"six alike days", steady(6, 50, nil), true, (21000 + math.Sqrt(21000*21000+4*161*210000)) / 322},
		{"a varied week", func() *plan { return newPlan(6).loads(0, 30, 80, 40, 90, 20, 70) }, false,
			(23100 + math.Sqrt(23100*23100-4*161*559300)) / 322},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pl := tc.build()
			m := pl.run().Headroom.Monotony
			if len(m.Holds) != 1 {
				t.Fatalf("holds %+v, want one range", m.Holds)
			}
			r := m.Holds[0]
			checkNear(t, "upper end", r.Hi, tc.hi, 1e-6)
			if r.HiIn || math.IsInf(r.Hi, 1) {
				t.Errorf("range %+v: want a finite upper end not in it", r)
			}
			if tc.atZero {
				if m.From != 0 || Known(m.Max) || !r.Contains(0) || !holdsNextDay(t, pl, 0, RuleMonotonyHigh) {
					t.Errorf("From %v Max %v, range %+v: want 0 and Missing, holding at 0 LP", m.From, m.Max, r)
				}
				checkNear(t, "minutes", m.MinutesRPE5, Missing(), 0)
			}
			if holdsNextDay(t, pl, r.Hi*(1+1e-12), RuleMonotonyHigh) {
				t.Errorf("monotony-high holds at the upper end %v", r.Hi)
			}
			if !holdsNextDay(t, pl, r.Hi-1, RuleMonotonyHigh) {
				t.Errorf("monotony-high does not hold 1 LP under the upper end %v", r.Hi)
			}
		})
	}
}

// TestHeadroomNoLimit: no load tomorrow makes the rule hold; a huge one
// does not either.
func TestHeadroomNoLimit(t *testing.T) {
	few := func() *plan { // a hard session today, but only 5 sessions before
		pl := newPlan(6).loads(0, 50, 60, 70, 80, 90)
		pl.rpe(5, 8)
		return pl
	}
	off := func(rule string) func(*Params) {
		return func(p *Params) { p.Off = map[string]bool{rule: true} }
	}
	tests := []struct {
		name  string
		build func() *plan
		rule  string
		limit func(*Headroom) *Limit
	}{
		// Tomorrow is day 21 of the series: no ACWR before day 28.
		{"load-spike, chronic window not full", steady(20, 50, nil), RuleLoadSpike, spikeOf},
		// λa = 0.25 ≤ 4 × 2/29 = 0.276: the ratio tends to λa/λc = 3.625 < 4.
		{"load-spike, ratio cannot reach spike_acwr", steady(40, 50, func(p *Params) { p.SpikeACWR = 4 }), RuleLoadSpike, spikeOf},
		// Uncoupled chronic (the 21 days before the acute week) is 3 < 10.
		{"load-spike, uncoupled chronic under the floor", steady(40, 3, func(p *Params) { p.ACWRMethod, p.RestLoadMax = ACWRUncoupled, 2 }), RuleLoadSpike, spikeOf},
		{"load-spike off", steady(40, 50, off(RuleLoadSpike)), RuleLoadSpike, spikeOf},
		{"monotony-high, 5 days", steady(5, 50, nil), RuleMonotonyHigh, monotonyOf},
		{"monotony-high, limit at the cap", steady(10, 50, func(p *Params) { p.MonotonyMax = 10 }), RuleMonotonyHigh, monotonyOf},
		{"monotony-high off", steady(6, 50, off(RuleMonotonyHigh)), RuleMonotonyHigh, monotonyOf},
		{"no-rest-day, short streak", steady(5, 40, nil), RuleNoRestDay, restOf},
		{"no-rest-day, a rest day yesterday", func() *plan { return newPlan(10).loads(0, 40, 40, 40, 40, 40, 40, 40, 40, 10, 40) }, RuleNoRestDay, restOf},
		{"hard-days-close, nothing hard today", steady(20, 50, nil), RuleHardDaysClose, hardOf},
		{"hard-days-close, too few sessions for P90", few, RuleHardDaysClose, hardOf},
		// Weeks of 350 to Tuesday (day 36): tomorrow does not end a week.
		{"no-deload-week, mid-week", steady(37, 50, nil), RuleNoDeloadWeek, deloadOf},
		{"no-deload-week off", steady(41, 50, off(RuleNoDeloadWeek)), RuleNoDeloadWeek, deloadOf},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pl := tc.build()
			l := tc.limit(pl.run().Headroom)
			if !math.IsInf(l.From, 1) || !math.IsInf(l.Max, 1) || len(l.Holds) != 0 || !math.IsInf(l.MinutesRPE5, 1) {
				t.Errorf("limit %+v, want none", l)
			}
			if l.Why == "" {
				t.Error("no reason given")
			}
			for _, lp := range []float64{0, 19, 50, 500, 1e4} {
				if holdsNextDay(t, pl, lp, tc.rule) {
					t.Errorf("%s holds tomorrow at %v LP", tc.rule, lp)
				}
			}
		})
	}
	// Fewer than 10 sessions: no load limit, but the other limits stand.
	h := few().run().Headroom.HardClose
	if !h.TodayHard || Known(h.P90) {
		t.Errorf("hard limit %+v: want today hard, no P90", h)
	}
}

// TestHeadroomHoldsAtRest: after a heavy week the ratio is above 1.5 even
// with nothing tomorrow; six complete weeks without a lighter one hold
// whatever tomorrow brings.
func TestHeadroomHoldsAtRest(t *testing.T) {
	pl := newPlan(40).loads(0, append(constant(33, 10), constant(7, 100)...)...)
	s := pl.run().Headroom.LoadSpike
	if s.From != 0 || Known(s.Max) || len(s.Holds) != 1 || !s.Holds[0].Contains(0) || !math.IsInf(s.Holds[0].Hi, 1) {
		t.Errorf("spike limit %+v: want holding from 0 LP up", s)
	}
	if !holdsNextDay(t, pl, 0, RuleLoadSpike) {
		t.Error("load-spike does not hold tomorrow at 0 LP")
	}
	weeks := steady(45, 50, nil)() // six complete weeks of 350 by day 41
	d := weeks.run().Headroom.NoDeload
	if d.From != 0 || d.Run != 6 {
		t.Errorf("deload limit %+v: want holding at 0 after a run of 6", d)
	}
	if !holdsNextDay(t, weeks, 0, RuleNoDeloadWeek) {
		t.Error("no-deload-week does not hold tomorrow at 0 LP")
	}
}

// TestHeadroomSets: the ranges each limit reports are exactly the loads at
// which the rule, computed as Analyze computes it (nextCalc, proven equal
// in TestContinuation), holds tomorrow, on random histories under every
// convention and several thresholds, including monotony limits under 1/√6
// (the quadratic opens upwards: every week with load is above them). From
// holds and Max does not.
func TestHeadroomSets(t *testing.T) {
	r := rand.New(rand.NewPCG(42, 1))
	for trial := range 40 {
		n := 6 + r.IntN(60)
		ls := make([]float64, n)
		for i := range ls {
			switch r.IntN(4) {
			case 0: // rest
			case 1:
				ls[i] = 50 // alike days
			default:
				ls[i] = math.Round(r.Float64() * 2000 / 10)
			}
		}
		for _, p := range conventions() {
			if p.PMCDecay != DecayExp || p.TSB != TSBYesterday {
				continue // no bearing on the rules
			}
			p.SpikeACWR = []float64{1.5, 1.2, 4, 0.8}[trial%4]
			p.MonotonyMax = []float64{2, 1.5, 0.3, 0.35, 3}[trial%5]
			p.SpikeMinChronic = []float64{10, 0, 40}[trial%3]
			pl := newPlan(n).loads(0, ls...)
			pl.p = p
			a := pl.run()
			h := a.Headroom
			c := a.continuation()
			limits := []struct {
				name string
				l    Limit
			}{{"load-spike", h.LoadSpike.Limit}, {"monotony-high", h.Monotony}}
			holds := func(x float64) [2]bool {
				d := c.at(x)
				return [2]bool{Known(d.ACWR) && d.ACWR > p.SpikeACWR && d.Chronic >= p.SpikeMinChronic,
					Known(d.Monotony) && d.Monotony > p.MonotonyMax}
			}
			for x := 0.0; x <= 600; x += 0.5 {
				got := holds(x)
				for k, cl := range limits {
					in, nearEnd := false, false
					for _, rg := range cl.l.Holds {
						in = in || rg.Contains(x)
						nearEnd = nearEnd || math.Abs(x-rg.Lo) < 1e-6 || math.Abs(x-rg.Hi) < 1e-6
					}
					if !nearEnd && got[k] != in {
						t.Fatalf("trial %d %s %s at %v LP: rule holds %v, ranges %+v say %v (From %v; %s)",
							trial, convName(p), cl.name, x, got[k], cl.l.Holds, in, cl.l.From, cl.l.Why)
					}
					if got[k] && x < cl.l.From {
						t.Fatalf("trial %d %s %s holds at %v < From %v", trial, convName(p), cl.name, x, cl.l.From)
					}
				}
			}
			for k, cl := range limits {
				if f := cl.l.From; !math.IsInf(f, 1) && !holds(f)[k] {
					t.Fatalf("trial %d %s %s does not hold at From %v", trial, convName(p), cl.name, f)
				}
				if m := cl.l.Max; Known(m) && !math.IsInf(m, 1) && holds(m)[k] {
					t.Fatalf("trial %d %s %s holds at Max %v", trial, convName(p), cl.name, m)
				}
			}
		}
	}
}

// TestContinuation: tomorrow's load metrics at a load, continued from the
// analysed days, are the ones Analyze gives once tomorrow is done, to the
// last bit, for every convention.
func TestContinuation(t *testing.T) {
	for seed := range uint64(6) {
		ls := varied(5+int(seed)*9, seed)
		for _, p := range conventions() {
			pl := newPlan(len(ls)).loads(0, ls...)
			pl.p = p
			c := pl.run().continuation()
			for _, x := range []float64{0, 33.3, 120, 1e-300} {
				got := c.at(x)
				q := pl.clone()
				if x != 0 {
					q.load(len(ls), x)
				}
				q.n = len(ls) + 2
				w := q.run().Days[len(ls)]
				for _, f := range [][2]float64{{got.CTL, w.CTL}, {got.ATL, w.ATL}, {got.TSB, w.TSB}, {got.Acute, w.Acute},
					{got.Chronic, w.Chronic}, {got.ACWR, w.ACWR}, {got.Monotony, w.Monotony}, {got.Strain, w.Strain}} {
					if !same(f[0], f[1]) {
						t.Fatalf("%d days %s at %v: %+v, want %+v", len(ls), convName(p), x, got, w)
					}
				}
			}
		}
	}
}

// TestRestTomorrow: tomorrow as a rest day, as a usual training day (no
// plan) and as planned, each as Analyze gives it once tomorrow is over:
// load, form, ratios, load rules and the advice.
func TestRestTomorrow(t *testing.T) {
	check := func(t *testing.T, name string, o Outcome, pl *plan, lp float64) {
		t.Helper()
		q := pl.clone()
		if lp != 0 {
			q.load(pl.n, lp)
		}
		q.n = pl.n + 2
		a := q.run()
		d := a.Days[pl.n]
		act, _, on := a.decide(pl.n, false)
		var rules []string
		for _, k := range evidenceOrder(on) {
			rules = append(rules, registry[k].Name)
		}
		if o.Load != d.Load || o.Rest != d.Rest || !same(o.CTL, d.CTL) || !same(o.ATL, d.ATL) || !same(o.Form, d.CTL-d.ATL) ||
			!same(o.ACWR, d.ACWR) || !same(o.Monotony, d.Monotony) || o.Action != act || fmt.Sprint(o.Rules) != fmt.Sprint(rules) {
			t.Errorf("%s: %+v\nwant load %v rest %v CTL %v ATL %v ACWR %v monotony %v, %s %v", name, o, d.Load, d.Rest, d.CTL, d.ATL, d.ACWR, d.Monotony, act, rules)
		}
		if o.Because == "" {
			t.Errorf("%s: no reason", name)
		}
	}
	// 13 training days to today: trained tomorrow, 14 days without rest
	// call for rest; a rest day tomorrow ends the streak (but six alike
	// days and a rest day are monotonous: easy).
	pl := steady(13, 50, nil)()
	rt := pl.run().Headroom.Rest
	if rt.Date != day0+13 || rt.OtherIs != "usual" || rt.Other.Load != 50 {
		t.Fatalf("comparison %+v, want tomorrow against a usual day of 50 LP", rt)
	}
	check(t, "rest", rt.Rest, pl, 0)
	check(t, "usual", rt.Other, pl, 50)
	if rt.Other.Action != Rest || rt.Rest.Action != Easy || !rt.Rest.Rest || rt.Rest.Form <= rt.Other.Form {
		t.Errorf("advice after rest %s (form %.1f), after a usual day %s (form %.1f): want easy and fresher, rest",
			rt.Rest.Action, rt.Rest.Form, rt.Other.Action, rt.Other.Form)
	}
	// With a plan: the other is tomorrow as planned.
	pl.planLoads(13, 120, 80)
	a := pl.run()
	rt = a.Headroom.Rest
	if rt.OtherIs != "planned" || rt.Other.Load != 120 || rt.Other.Action != a.Projection.Days[0].Action {
		t.Errorf("with a plan: %+v, want tomorrow as planned (120 LP)", rt)
	}
	check(t, "planned", rt.Other, pl, 120)
	check(t, "rest, with a plan", rt.Rest, &plan{p: pl.p, ws: pl.ws, n: pl.n}, 0)
	// The plan's own first day is left as it was.
	if a.Projection.Days[0].Load != 120 {
		t.Errorf("the projection's first day has load %v after the comparison, want 120", a.Projection.Days[0].Load)
	}
	// Nothing trained in the last four weeks: no usual day to compare.
	rt = newPlan(40).loads(0, 50).run().Headroom.Rest
	if rt.OtherIs != "" || rt.Other.Action != Go || rt.Other.Because != "" {
		t.Errorf("comparison %+v, want rest only", rt)
	}
}

func TestRPEMinutes(t *testing.T) {
	// With k₀ = 100/420, 100 LP is an hour at RPE 7 (420 AU) and 84 min at RPE 5.
	checkNear(t, "RPE 7", RPEMinutes(100, 7, K0), 60, 1e-9)
	checkNear(t, "RPE 5", RPEMinutes(100, 5, K0), 84, 1e-9)
	// §2.7's calibrated k = 0.225: 67.5 LP is 50 min at RPE 6.
	checkNear(t, "calibrated", RPEMinutes(67.5, 6, 0.225), 50, 1e-9)
}

func TestRange(t *testing.T) {
	r := Range{Lo: 10, Hi: 20, LoIn: true}
	for _, c := range []struct {
		l    float64
		want bool
	}{{9.99, false}, {10, true}, {15, true}, {20, false}, {20.01, false}} {
		if got := r.Contains(c.l); got != c.want {
			t.Errorf("%+v contains %v: %v, want %v", r, c.l, got, c.want)
		}
	}
	if got := r.and(Range{Lo: 10, Hi: 30}); got.LoIn || got.Hi != 20 || got.HiIn {
		t.Errorf("and = %+v, want (10, 20)", got)
	}
	if !r.and(Range{Lo: 20, Hi: 30, LoIn: true}).empty() || r.and(nonNeg).empty() {
		t.Error("empty ranges misjudged")
	}
	if !(Range{Lo: 5, Hi: inf, LoIn: true}).Contains(1e300) {
		t.Error("unbounded range does not contain a large load")
	}
}

func TestFirstHolding(t *testing.T) {
	for _, b := range []float64{1e-9, 0.3, 20, 220.58823529411765, 1e12} {
		for _, off := range []int{-40, -3, 0, 1, 5, 300} {
			edge := b
			for range max(off, -off) {
				if off < 0 {
					edge = math.Nextafter(edge, 0)
				} else {
					edge = math.Nextafter(edge, inf)
				}
			}
			got := firstHolding(b, func(x float64) bool { return x >= edge })
			if got != edge {
				t.Errorf("root %v, edge %d ulps away: got %v, want %v", b, off, got, edge)
			}
		}
	}
}

func TestProjectedRules(t *testing.T) {
	pr, not := ProjectedRules()
	if len(pr)+len(not) != NumRules || len(pr) != 5 {
		t.Errorf("projected %v, not %v: want the five load rules", pr, not)
	}
	for _, n := range not {
		if r, _ := RuleByName(n); r.Projected() || r.load {
			t.Errorf("%s is a load rule", n)
		}
	}
	// Every projected rule has its headroom, in report order.
	var limits []string
	for _, l := range steady(40, 50, nil)().run().Headroom.Limits() {
		limits = append(limits, l.Rule)
	}
	if fmt.Sprint(limits) != fmt.Sprint(pr) {
		t.Errorf("headroom limits %v, want one for each projected rule %v", limits, pr)
	}
}

// BenchmarkPlan is one athlete's five years, analysed without a plan and
// with a week of planned sessions.
func BenchmarkPlan(b *testing.B) {
	in := benchInput(5 * 365)
	for _, bc := range []struct {
		name string
		plan []Workout
	}{{"none", nil}, {"week", weekOfPlans(in.AsOf)}} {
		in.Planned = bc.plan
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Analyze(in)
			}
		})
	}
}

// BenchmarkPlanTeam is 500 athletes × 5 years, without plans and with a
// week of planned sessions each: the projection's cost at the largest
// size the README measures.
func BenchmarkPlanTeam(b *testing.B) {
	in := benchInput(5 * 365)
	for _, bc := range []struct {
		name string
		plan []Workout
	}{{"none", nil}, {"week", weekOfPlans(in.AsOf)}} {
		in.Planned = bc.plan
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for range 500 {
					Analyze(in)
				}
			}
		})
	}
}

// TestProjectionCarriesBodySigns: the body's signs and readiness are not
// projected, but one that holds on the as-of day stays over the planned
// days, carried, as over the day in progress: no morning reading has
// cleared it. The advice after tomorrow, rest or planned, keeps it.
func TestProjectionCarriesBodySigns(t *testing.T) {
	pl := hrvPlan(40, 6).loads(0, weeks(6, 50)[:36]...) // HRV low for six mornings, training as usual
	pl.planLoads(36, 50, 0, 50)
	a := pl.run()
	asOf := a.Days[len(a.Days)-1].Rules[iHRVLow]
	if !asOf.Holds {
		t.Fatalf("hrv-low on the as-of day %+v, want holding", asOf)
	}
	for _, d := range a.Projection.Days {
		st := d.Rules[iHRVLow]
		if !st.Holds || !st.Carried || st.Value != asOf.Value || d.Action < WorkIn {
			t.Errorf("%s hrv-low %+v, advice %s; want carried from the as-of day, work-in or more", d.Date, st, d.Action)
		}
		if sr := d.Rules[iSoreness]; sr.Holds || Known(sr.Value) {
			t.Errorf("%s soreness-persistent %+v: nothing to carry", d.Date, sr)
		}
	}
	for _, w := range a.Projection.Warnings {
		if w.Rule == RuleHRVLow {
			t.Errorf("a projected warning for a sign that is not projected: %+v", w)
		}
	}
	rt := a.Headroom.Rest
	for _, o := range []Outcome{rt.Rest, rt.Other} {
		if o.Action < WorkIn || !slices.Contains(o.Carried, RuleHRVLow) || slices.Contains(o.Carried, RuleMonotonyHigh) {
			t.Errorf("%+v: want the carried hrv-low behind a work-in", o)
		}
	}
}

// weeksSansSport is ws without their load by sport.
func weeksSansSport(ws []Week) []Week {
	out := slices.Clone(ws)
	for i := range out {
		out[i].BySport = nil
	}
	return out
}

// TestWarmStart: the load rules evaluated on a day from the last day their
// evaluators can start on (Rule.warm) give the states of a run from the
// first day, on random histories (rest days, unknown loads, hard
// sessions, lighter weeks) under every convention; and the weeks with
// tomorrow added are the weeks built from the days.
func TestWarmStart(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 9))
	warmed := 0
	for trial := range 30 {
		n := 20 + r.IntN(90)
		pl := newPlan(n)
		for i := range n {
			switch r.IntN(6) {
			case 0: // rest
			case 1:
				pl.rpe(i, float64(5+r.IntN(5))) // rated only: hard from 7
			case 2:
				w := NewWorkout() // unknown load
				w.Date, w.Sport = day0+Date(i), "swim"
				pl.ws = append(pl.ws, w)
			default:
				pl.load(i, math.Round(r.Float64()*1800)/10)
			}
		}
		for _, p := range conventions() {
			pl.p = p
			pl.p.DeloadWeeks = 1 + trial%4
			pl.p.NoRestDays = 3 + trial%5
			a := pl.run()
			all := a.series[:len(a.Days)+1]
			x := *a
			x.Days = all
			all[len(a.Days)] = Day{Date: a.AsOf + 1, Load: 40, TrainLoad: 40, Sessions: 1, Recovery: emptyRecovery, Planned: true}
			a.continuation().fill(&all[len(a.Days)])
			x.Weeks = a.buildWeeks(all, nil)
			if got := a.weeksWith(&all[len(a.Days)]); fmt.Sprint(weeksSansSport(got)) != fmt.Sprint(x.Weeks) {
				t.Fatalf("trial %d: weeks with tomorrow\n%v\nwant, built from the days,\n%v", trial, got, x.Weeks)
			}
			from := x.warmFrom(len(a.Days))
			if from > 0 {
				warmed++
			}
			x.loadRulesFrom(from, len(a.Days))
			got := all[len(a.Days)].Rules
			x.loadRulesFrom(0, len(a.Days))
			if want := all[len(a.Days)].Rules; fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("trial %d %s, from day %d: %v, from day 0: %v", trial, convName(p), from, got, want)
			}
		}
	}
	if warmed == 0 {
		t.Error("no history let the evaluators start after day 0")
	}
}

// TestNoWorkouts: check-ins only: no headroom (nothing says what the
// load was), and a plan's load rules could not be checked.
func TestNoWorkouts(t *testing.T) {
	pl := newPlan(30)
	pl.checkin(29, func(c *Checkin) { c.Soreness = 3 })
	pl.planLoads(30, 80, 80)
	a := pl.run()
	if a.Headroom != nil {
		t.Errorf("headroom %+v without workouts", a.Headroom)
	}
	for _, d := range a.Projection.Days {
		if st := d.Rules[iLoadSpike]; st.Holds || !st.Unknown {
			t.Errorf("%s load-spike %+v, want unknown", d.Date, st)
		}
	}
	if a := newPlan(1).run(); a.Headroom != nil || a.Projection != nil {
		t.Errorf("no data: headroom %v, projection %v", a.Headroom, a.Projection)
	}
}

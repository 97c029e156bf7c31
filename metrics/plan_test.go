package metrics

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// clone returns a copy of pl that can be extended without changing pl.
func (pl *plan) clone() *plan {
	q := *pl
	q.ws = append([]Workout(nil), pl.ws...)
	q.cs = append([]Checkin(nil), pl.cs...)
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

// holdsNextDay reports whether rule holds on the day after pl's as-of day
// when that day gets one session of load lp (a TSS, so the load is exact).
// The analysis runs to the day after it (a day without sessions), so the
// day checked is a finished day: on the as-of day itself, which is in
// progress, rules that held the day before are carried over (carry).
func holdsNextDay(t *testing.T, pl *plan, lp float64, rule string) bool {
	t.Helper()
	q := pl.clone()
	next := pl.n
	q.load(next, lp)
	q.n = next + 2
	a := q.run()
	d := a.Days[next]
	if d.Date != day0+Date(next) || d.InProgress || d.Load != lp {
		t.Fatalf("checked day %s (in progress %v, load %v), want %s, finished, load %v", d.Date, d.InProgress, d.Load, day0+Date(next), lp)
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

// TestProjectMatchesAnalyze: projecting planned loads gives the numbers
// Analyze gives once those loads are real sessions, for every convention.
func TestProjectMatchesAnalyze(t *testing.T) {
	varied := func(n int, seed uint64) []float64 {
		r := rand.New(rand.NewPCG(seed, 7))
		ls := make([]float64, n)
		for i := range ls {
			if r.IntN(5) > 0 { // about one day in five without training
				ls[i] = math.Round(r.Float64()*1500) / 10
			}
		}
		return ls
	}
	histories := []struct {
		name             string
		history, planned []float64
	}{
		// The plan crosses the day the chronic window fills (day 28).
		{"10 days, then 30 planned", varied(10, 1), varied(30, 2)},
		// The plan crosses the 7th day, when monotony starts.
		{"3 days, then 10 planned", []float64{40, 0, 60}, []float64{50, 50, 0, 70, 30, 90, 10, 0, 120, 45}},
		// A planned week off: all-zero monotony windows, then training.
		{"60 days, a planned week off", varied(60, 3), append(constant(8, 0), 60, 80, 40, 100, 20)},
		// Nothing so far: chronic 0, ACWR Missing until load arrives.
		{"35 days of nothing", constant(35, 0), []float64{0, 0, 0, 100, 50, 0, 80, 20, 0, 0}},
		{"one day, one planned", []float64{80}, []float64{70}},
	}
	for _, h := range histories {
		for _, p := range conventions() {
			t.Run(h.name+"/"+convName(p), func(t *testing.T) {
				pl := newPlan(len(h.history)).loads(0, h.history...)
				pl.p = p
				got := Project(pl.run(), h.planned)
				if len(got) != len(h.planned) {
					t.Fatalf("%d projected days, want %d", len(got), len(h.planned))
				}
				actual := pl.clone().loads(len(h.history), h.planned...)
				actual.n = len(h.history) + len(h.planned)
				a := actual.run()
				for j := range got {
					g, w := got[j], a.Days[len(h.history)+j]
					if g.Date != w.Date {
						t.Fatalf("day %d: date %s, want %s", j, g.Date, w.Date)
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
						if !near(f.got, f.want, 1e-9) {
							t.Errorf("%s %s = %v, want %v", w.Date, f.name, f.got, f.want)
						} else if f.got != f.want && Known(f.want) {
							t.Errorf("%s %s = %v, want %v to the last bit", w.Date, f.name, f.got, f.want)
						}
					}
					// The last day of the real series is in progress, never a rest day.
					if j < len(got)-1 && g.Rest != w.Rest {
						t.Errorf("%s rest %v, want %v", w.Date, g.Rest, w.Rest)
					}
				}
			})
		}
	}
}

// TestProjectVector: a 7-day plan after one day of nothing (CTL = ATL = 0,
// E7 = E28 = 0), computed by hand. k42 = 1 − e^(−1/42) = 0.0235283,
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
// Monotony (population SD) on d6 is over the as-of day and d1–d6:
// 0 100 0 50 80 0 120, sum 350, mean 50, squared deviations 2500 2500 2500 0
// 900 2500 4900 = 15800, SD √(15800/7) = 47.50940, monotony 1.05242,
// strain 350 × 1.05242 = 368.348; on d7 over d1–d7: 100 0 50 80 0 120 60,
// sum 410, mean 58.57143, squared deviations 1716.327 3430.612 73.469
// 459.184 3430.612 3773.469 2.041 = 12885.714, SD √(12885.714/7) =
// 42.90474, monotony 1.36515, strain 410 × 1.36515 = 559.712. Days 1–5 have
// fewer than 7 series days: Missing. ACWR is Missing all week (series days
// 2–8 of the 28 the chronic window needs).
func TestProjectVector(t *testing.T) {
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
			pl := newPlan(1) // day0 only, no session: CTL = ATL = 0
			tc.set(&pl.p)
			a := pl.run()
			if d := a.Days[0]; d.CTL != 0 || d.ATL != 0 || d.Load != 0 {
				t.Fatalf("history day %+v, want all zero", d)
			}
			got := Project(a, plan7)
			for j, d := range got {
				name := fmt.Sprintf("d%d ", j+1)
				if d.Date != day0+Date(j+1) || d.Load != plan7[j] || d.TrainLoad != plan7[j] {
					t.Errorf("%sdate %s load %v/%v", name, d.Date, d.Load, d.TrainLoad)
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
				}
			}
			checkNear(t, "d6 monotony", got[5].Monotony, 1.05242, 1e-4)
			checkNear(t, "d6 strain", got[5].Strain, 368.348, 1e-3)
			checkNear(t, "d7 monotony", got[6].Monotony, 1.36515, 1e-4)
			checkNear(t, "d7 strain", got[6].Strain, 559.712, 1e-3)
		})
	}
}

// TestProjectNoHistory: an analysis without data projects a series that
// starts the day after the as-of day, from the seeds.
func TestProjectNoHistory(t *testing.T) {
	p := DefaultParams()
	p.CTLSeed, p.ATLSeed = 40, 50
	a := Analyze(Input{Profile: NewProfile("t"), Params: p, AsOf: day0})
	got := Project(a, []float64{70, 0})
	if got[0].Date != day0+1 || got[1].Date != day0+2 {
		t.Fatalf("dates %s %s, want %s %s", got[0].Date, got[1].Date, day0+1, day0+2)
	}
	checkNear(t, "TSB day 1", got[0].TSB, -10, 1e-12)
	checkNear(t, "CTL day 1", got[0].CTL, 40+EWMAConstant(42, DecayExp)*30, 1e-12)
	checkNear(t, "E7 day 1 (seeded with its load)", got[0].Acute, 70, 0)
	checkNear(t, "E7 day 2", got[1].Acute, 0.75*70, 1e-12)
	if len(Project(a, nil)) != 0 {
		t.Error("an empty plan projected days")
	}
}

// headroomCase is one rule's limit on a built history: a session of
// exactly Max the next day leaves the rule not holding; one of Max+1 LP
// makes it hold (checked with Analyze on a series that includes that
// session).
type headroomCase struct {
	name  string
	build func() *plan
	rule  string
	limit func(Headroom) Limit
	want  float64 // the limit computed by hand (±1e-6)
	check func(*testing.T, Headroom, *Analysis)
}

func spikeOf(h Headroom) Limit    { return h.LoadSpike.Limit }
func monotonyOf(h Headroom) Limit { return h.Monotony }
func restOf(h Headroom) Limit     { return h.NoRest.Limit }
func hardOf(h Headroom) Limit     { return h.HardClose.Limit }

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
func ratioAt(t *testing.T, h Headroom, a *Analysis) {
	t.Helper()
	d := Project(a, []float64{h.LoadSpike.Max})[0]
	checkNear(t, "ACWR at the limit", d.ACWR, a.Params.SpikeACWR, 1e-9)
	checkNear(t, "RatioLoad", h.LoadSpike.RatioLoad, h.LoadSpike.Max, 1e-9)
}

// floorAt checks that the chronic floor, not the ratio, sets the limit.
func floorAt(t *testing.T, h Headroom, a *Analysis) {
	t.Helper()
	s := h.LoadSpike
	if !(s.FloorLoad > s.RatioLoad) {
		t.Errorf("floor load %v, ratio load %v: want the floor above", s.FloorLoad, s.RatioLoad)
	}
	d := Project(a, []float64{s.Max})[0]
	if !(d.ACWR > a.Params.SpikeACWR) || !(d.Chronic < a.Params.SpikeMinChronic) {
		t.Errorf("at the limit ACWR %v chronic %v: want above %v with chronic under %v", d.ACWR, d.Chronic, a.Params.SpikeACWR, a.Params.SpikeMinChronic)
	}
}

// monotonyAt checks that monotony tomorrow at the limit is monotony_max.
func monotonyAt(t *testing.T, h Headroom, a *Analysis) {
	t.Helper()
	checkNear(t, "monotony at the limit", Project(a, []float64{h.Monotony.Max})[0].Monotony, a.Params.MonotonyMax, 1e-9)
}

func TestNextDayHeadroomAtLimit(t *testing.T) {
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
		// short session rated 8: hard, 19.05 LP, the 12th and smallest load,
		// so the 11th of 12 is still 90.
		prior := []float64{30, 45, 50, 55, 60, 60, 65, 70, 80, 90, 120}
		pl := newPlan(12).loads(0, prior...)
		w := NewWorkout()
		w.Date, w.Sport, w.Duration, w.RPE = day0+11, "run", 600, 8
		pl.ws = append(pl.ws, w)
		return pl
	}
	tests := []headroomCase{
		// E7 = E28 = 50: L* = 50 (1.5 × 27/29 − 3/4)/(1/4 − 1.5 × 2/29)
		// = 50 × 18.75/4.25 = 220.588235.
		{"load-spike ewma", steady(40, 50, nil), RuleLoadSpike, spikeOf, 50 * 18.75 / 4.25, ratioAt},
		// acute' = (300 + L)/7, chronic' = (1350 + L)/28:
		// (300 + L)/7 = 1.5 (1350 + L)/28 ⇔ 4 (300 + L) = 2025 + 1.5 L ⇔ L = 330.
		{"load-spike rolling coupled", steady(40, 50, func(p *Params) { p.ACWRMethod = ACWRCoupled }), RuleLoadSpike, spikeOf, 330, ratioAt},
		// chronic' = 50 whatever L: (300 + L)/7 = 75 ⇔ L = 225.
		{"load-spike rolling uncoupled", steady(40, 50, func(p *Params) { p.ACWRMethod = ACWRUncoupled }), RuleLoadSpike, spikeOf, 225, ratioAt},
		// 40 days of 3 LP: the ratio passes 1.5 from L = 3 (1.5 × 27/29 −
		// 3/4)/(4.25/29) = 13.24, but E28' = 3 × 27/29 + 2L/29 reaches 10 LP
		// only from L = (290 − 81)/2 = 104.5: at 104.5 − ε the rule does
		// not hold, at 105.5 it does.
		{"load-spike ewma, chronic floor", steady(40, 3, nil), RuleLoadSpike, spikeOf, 104.5, floorAt},
		// Coupled: (81 + L)/28 ≥ 10 from L = 199.
		{"load-spike coupled, chronic floor", steady(40, 3, func(p *Params) { p.ACWRMethod = ACWRCoupled }), RuleLoadSpike, spikeOf, 199, floorAt},
		// Nothing for 40 days and no floor: at 0 LP chronic is 0 (no ratio);
		// any load is a spike (E7/E28 = 0.25/0.069 = 3.6).
		{"load-spike ewma after nothing, no floor", steady(40, 0, func(p *Params) { p.SpikeMinChronic = 0 }), RuleLoadSpike, spikeOf, 0, nil},
		// Six days 30 80 40 90 20 70 (S = 330, Q = 4150): monotony passes 2
		// for L between the roots of 7 (330 + L)² − 49·4·4150 − 42·4 (L − 55)²
		// = −161 L² + 23100 L − 559300 = 0, L = (23100 ∓ √(23100² −
		// 4·161·559300))/322 = 30.84196 and 112.63629.
		{"monotony-high population", monoPlan(SDPopulation), RuleMonotonyHigh, monotonyOf, (23100 - math.Sqrt(23100*23100-4*161*559300)) / 322, monotonyAt},
		// Sample SD: 6 (330 + L)² − 49·4·4150 − 168 (L − 55)² =
		// −162 L² + 22440 L − 668200 = 0, L = (11220 ∓ √(11220² −
		// 81·4·334100))/162 = (11220 ∓ 4200)/162 = 43.33333 and 95.18519.
		{"monotony-high sample", monoPlan(SDSample), RuleMonotonyHigh, monotonyOf, (11220.0 - 4200) / 162, monotonyAt},
		// Six training days to today: a 7th tomorrow holds from 20 LP; the
		// largest load under 20 is the largest float64 below it.
		{"no-rest-day", steady(6, 40, nil), RuleNoRestDay, restOf, math.Nextafter(20, 0), nil},
		{"no-rest-day, rest_load_max 30, no_rest_days 4", steady(3, 40, func(p *Params) { p.RestLoadMax, p.NoRestDays = 30, 4 }),
			RuleNoRestDay, restOf, math.Nextafter(30, 0), nil},
		// A hard session today: tomorrow's is hard above P90 = 90.
		{"hard-days-close", hardPlan, RuleHardDaysClose, hardOf, 90, func(t *testing.T, h Headroom, _ *Analysis) {
			if !h.HardClose.TodayHard || h.HardClose.P90 != 90 || h.HardClose.RPE != 7 {
				t.Errorf("hard limit %+v, want today hard, P90 90, RPE 7", h.HardClose)
			}
			checkNear(t, "per hour", h.HardClose.PerHour, 72.25, 1e-9)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pl := tc.build()
			a := pl.run()
			h := NextDayHeadroom(a)
			l := tc.limit(h)
			if h.Date != a.AsOf+1 {
				t.Errorf("date %s, want %s", h.Date, a.AsOf+1)
			}
			checkNear(t, "Max", l.Max, tc.want, 1e-6)
			if len(l.Holds) == 0 || !(l.Holds[0].Lo <= l.Max+1e-6) {
				t.Errorf("holds %+v: want a range starting at the limit %v", l.Holds, l.Max)
			}
			if holdsNextDay(t, pl, l.Max, tc.rule) {
				t.Errorf("%s holds tomorrow at the limit %v (%s)", tc.rule, l.Max, l.Why)
			}
			if !holdsNextDay(t, pl, l.Max+1, tc.rule) {
				t.Errorf("%s does not hold tomorrow 1 LP above the limit, at %v (%s)", tc.rule, l.Max+1, l.Why)
			}
			if tc.check != nil {
				tc.check(t, h, a)
			}
			checkNear(t, "minutes at RPE 5", l.MinutesRPE5, l.Max/(5*a.Calibration.K), 1e-9)
			checkNear(t, "minutes at RPE 7", l.MinutesRPE7, l.Max/(7*a.Calibration.K), 1e-9)
			if l.Why == "" {
				t.Error("no reason given")
			}
		})
	}
}

// TestNextDayHeadroomMonotonyEnds: monotony can hold at 0 LP (six alike
// days and a rest day are too alike) and stop holding above a load; and a
// varied week holds only between two loads. Both ends are checked with
// Analyze: the upper end itself does not hold (strict >), 1 LP under it
// does.
func TestNextDayHeadroomMonotonyEnds(t *testing.T) {
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
			m := NextDayHeadroom(pl.run()).Monotony
			if len(m.Holds) != 1 {
				t.Fatalf("holds %+v, want one range", m.Holds)
			}
			r := m.Holds[0]
			checkNear(t, "upper end", r.Hi, tc.hi, 1e-6)
			if r.HiIn || math.IsInf(r.Hi, 1) {
				t.Errorf("range %+v: want a finite upper end not in it", r)
			}
			if tc.atZero {
				if Known(m.Max) || !r.Contains(0) || !holdsNextDay(t, pl, 0, RuleMonotonyHigh) {
					t.Errorf("Max %v, range %+v: want Missing(), holding at 0 LP", m.Max, r)
				}
				checkNear(t, "minutes", m.MinutesRPE5, Missing(), 0)
			}
			// The end is solved in closed form; a load a hair above it
			// (rounding) must not hold, 1 LP under it must.
			if holdsNextDay(t, pl, r.Hi*(1+1e-12), RuleMonotonyHigh) {
				t.Errorf("monotony-high holds at the upper end %v", r.Hi)
			}
			if !holdsNextDay(t, pl, r.Hi-1, RuleMonotonyHigh) {
				t.Errorf("monotony-high does not hold 1 LP under the upper end %v", r.Hi)
			}
		})
	}
}

// TestNextDayHeadroomNoLimit: no load tomorrow makes the rule hold; a huge
// one does not either.
func TestNextDayHeadroomNoLimit(t *testing.T) {
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
		limit func(Headroom) Limit
	}{
		// Tomorrow is day 21 of the series: no ACWR before day 28.
		{"load-spike, chronic window not full", steady(20, 50, nil), RuleLoadSpike, spikeOf},
		// λa = 0.25 ≤ 4 × 2/29 = 0.276: the ratio tends to λa/λc = 3.625 < 4.
		{"load-spike, ratio cannot reach spike_acwr", steady(40, 50, func(p *Params) { p.SpikeACWR = 4 }), RuleLoadSpike, spikeOf},
		// Uncoupled chronic (the 21 days before the acute week) is 3 < 10.
		{"load-spike, uncoupled chronic under the floor", steady(40, 3, func(p *Params) { p.ACWRMethod = ACWRUncoupled }), RuleLoadSpike, spikeOf},
		{"load-spike off", steady(40, 50, off(RuleLoadSpike)), RuleLoadSpike, spikeOf},
		// Uncoupled chronic of nothing is 0 whatever tomorrow brings: no ratio.
		{"load-spike, uncoupled chronic 0", steady(40, 0, func(p *Params) { p.ACWRMethod, p.SpikeMinChronic = ACWRUncoupled, 0 }), RuleLoadSpike, spikeOf},
		{"monotony-high, 5 days", steady(5, 50, nil), RuleMonotonyHigh, monotonyOf},
		{"monotony-high, limit at the cap", steady(10, 50, func(p *Params) { p.MonotonyMax = 10 }), RuleMonotonyHigh, monotonyOf},
		{"monotony-high off", steady(6, 50, off(RuleMonotonyHigh)), RuleMonotonyHigh, monotonyOf},
		{"no-rest-day, short streak", steady(5, 40, nil), RuleNoRestDay, restOf},
		{"no-rest-day, rest today", func() *plan { return newPlan(10).loads(0, 40, 40, 40, 40, 40, 40, 40, 40, 40, 10) }, RuleNoRestDay, restOf},
		{"hard-days-close, nothing hard today", steady(20, 50, nil), RuleHardDaysClose, hardOf},
		{"hard-days-close, too few sessions for P90", few, RuleHardDaysClose, hardOf},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pl := tc.build()
			l := tc.limit(NextDayHeadroom(pl.run()))
			if !math.IsInf(l.Max, 1) || len(l.Holds) != 0 || !math.IsInf(l.MinutesRPE7, 1) {
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
	h := NextDayHeadroom(few().run()).HardClose
	if !h.TodayHard || Known(h.P90) {
		t.Errorf("hard limit %+v: want today hard, no P90", h)
	}
}

// TestNextDayHeadroomSpikeAtRest: after a heavy week the ratio is above
// 1.5 even with nothing tomorrow.
func TestNextDayHeadroomSpikeAtRest(t *testing.T) {
	pl := newPlan(40).loads(0, append(constant(33, 10), constant(7, 100)...)...)
	s := NextDayHeadroom(pl.run()).LoadSpike
	if Known(s.Max) || len(s.Holds) != 1 || !s.Holds[0].Contains(0) || !math.IsInf(s.Holds[0].Hi, 1) {
		t.Errorf("spike limit %+v: want holding from 0 LP up", s)
	}
	if !holdsNextDay(t, pl, 0, RuleLoadSpike) {
		t.Error("load-spike does not hold tomorrow at 0 LP")
	}
}

// TestNextDayHeadroomSets: the ranges each limit reports are exactly the
// loads for which the rule, as Analyze computes it (Project, proven equal
// above), holds tomorrow, on random histories under every convention and
// several thresholds, including monotony limits under 1/√6 (the quadratic
// opens upwards: every week with load is above them).
func TestNextDayHeadroomSets(t *testing.T) {
	r := rand.New(rand.NewPCG(42, 1))
	for trial := 0; trial < 40; trial++ {
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
			h := NextDayHeadroom(a)
			limits := []struct {
				name string
				l    Limit
			}{{"load-spike", h.LoadSpike.Limit}, {"monotony-high", h.Monotony}}
			// The rules as Analyze computes them on tomorrow at load x.
			holds := func(x float64) [2]bool {
				d := Project(a, []float64{x})[0]
				return [2]bool{Known(d.ACWR) && d.ACWR > p.SpikeACWR && d.Chronic >= p.SpikeMinChronic,
					Known(d.Monotony) && d.Monotony > p.MonotonyMax}
			}
			for x := 0.0; x <= 600; x += 0.5 {
				got := holds(x)
				for k, c := range limits {
					in, nearEnd := false, false
					for _, rg := range c.l.Holds {
						in = in || rg.Contains(x)
						nearEnd = nearEnd || math.Abs(x-rg.Lo) < 1e-6 || math.Abs(x-rg.Hi) < 1e-6
					}
					if !nearEnd && got[k] != in {
						t.Fatalf("trial %d %s %s at %v LP: rule holds %v, ranges %+v say %v (Max %v; %s)",
							trial, convName(p), c.name, x, got[k], c.l.Holds, in, c.l.Max, c.l.Why)
					}
					if got[k] && Known(c.l.Max) && x <= c.l.Max {
						t.Fatalf("trial %d %s %s holds at %v ≤ Max %v", trial, convName(p), c.name, x, c.l.Max)
					}
				}
			}
			for k, c := range limits {
				if m := c.l.Max; Known(m) && !math.IsInf(m, 1) && holds(m)[k] {
					t.Fatalf("trial %d %s %s holds at Max %v", trial, convName(p), c.name, m)
				}
			}
		}
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

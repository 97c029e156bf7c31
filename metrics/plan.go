package metrics

import (
	"fmt"
	"math"
	"slices"
)

// This file is the arithmetic of planning ahead: the load metrics of
// planned days (Project) and how much load the day after the as-of day can
// take before each load rule holds (NextDayHeadroom). Both continue the
// analysed series with the same Params and formulas as Analyze; the as-of
// day, which Analyze keeps "in progress", is taken as finished with the
// load it has so far.

// Project returns one Day for each planned daily load (LP) after the as-of
// day: planned[0] is AsOf+1, planned[1] AsOf+2, and so on. Every planned
// load must be a known value ≥ 0; a planned day is one training session of
// that load (not a work-in), so TrainLoad = Load.
//
// Each projected day gets Date, Load, TrainLoad, CTL, ATL, TSB, Acute,
// Chronic, ACWR, Monotony, Strain and Rest, computed by carrying the
// analysed series forward with a.Params:
//
//   - CTL/ATL (science reference §4): X(d) = X(d−1) + k (L(d) − X(d−1)),
//     k = 1 − e^(−1/N) (pmc_decay exp) or 1/N (linear), continued from the
//     as-of day's CTL and ATL (from ctl_seed/atl_seed when the analysis has
//     no days). TSB(d) = CTL(d−1) − ATL(d−1) (tsb yesterday) or
//     CTL(d) − ATL(d) (tsb today).
//   - ACWR (§5): EWMA E(d) = λ L(d) + (1 − λ) E(d−1), λ = 2/(N+1),
//     continued from the as-of day's Acute and Chronic (seeded with the
//     first day's load when there is no history); or rolling means over
//     the windows ending on d, which may reach back into the analysed
//     days (coupled: acute days over chronic days including them;
//     uncoupled: over the chronic−acute days before). ACWR is Missing
//     while d is among the first acwr_chronic_days−1 days of the series
//     and whenever the chronic average is 0.
//   - Monotony and strain (§6) over the 7 days d−6…d, analysed days
//     included: mean/SD (monotony_sd population or sample), capped at 10,
//     SD 0 with load → 10; all seven zero → monotony Missing and strain 0;
//     Missing before the series has 7 days.
//   - Rest (§3): Load < rest_load_max.
//
// The results equal, to the last bit, what Analyze gives when the planned
// loads are real sessions (rolling sums use the series' running prefix sums,
// as Analyze does). Rules, hard sessions, session counts and recovery are
// not projected: Rules are zero and Recovery is all Missing.
func Project(a *Analysis, planned []float64) []Day {
	p := a.Params
	n := len(a.Days)
	loads := make([]float64, n, n+len(planned))
	for i := range a.Days {
		loads[i] = a.Days[i].Load
	}
	loads = append(loads, planned...)

	kc, ka := EWMAConstant(p.CTLDays, p.PMCDecay), EWMAConstant(p.ATLDays, p.PMCDecay)
	la, lc := 2/float64(p.ACWRAcuteDays+1), 2/float64(p.ACWRChronicDays+1)
	ctl, atl := p.CTLSeed, p.ATLSeed
	var ea, ec float64 // EWMA acute and chronic of the day before
	if n > 0 {
		last := &a.Days[n-1]
		ctl, atl, ea, ec = last.CTL, last.ATL, last.Acute, last.Chronic
	}
	rolling := p.ACWRMethod == ACWRCoupled || p.ACWRMethod == ACWRUncoupled
	var prefix []float64 // prefix[i] = loads[0] + … + loads[i−1], summed in order
	if rolling {
		prefix = make([]float64, len(loads)+1)
		for i, l := range loads {
			prefix[i+1] = prefix[i] + l
		}
	}
	sum := func(from, to int) float64 { return prefix[to+1] - prefix[from] } // inclusive
	na, nc := p.ACWRAcuteDays, p.ACWRChronicDays

	out := make([]Day, len(planned))
	for j, l := range planned {
		i := n + j // index in the series
		d := &out[j]
		*d = Day{Date: a.AsOf + 1 + Date(j), Load: l, TrainLoad: l, Rest: l < p.RestLoadMax, Recovery: emptyRecovery}
		// §4
		if p.TSB != TSBToday {
			d.TSB = ctl - atl
		}
		ctl += kc * (l - ctl)
		atl += ka * (l - atl)
		d.CTL, d.ATL = ctl, atl
		if p.TSB == TSBToday {
			d.TSB = ctl - atl
		}
		// §5
		if rolling {
			d.Acute, d.Chronic = Missing(), Missing()
			if i >= na-1 {
				d.Acute = sum(i-na+1, i) / float64(na)
			}
			if i >= nc-1 {
				if p.ACWRMethod == ACWRUncoupled {
					d.Chronic = sum(i-nc+1, i-na) / float64(nc-na)
				} else {
					d.Chronic = sum(i-nc+1, i) / float64(nc)
				}
			}
		} else {
			if i == 0 {
				ea, ec = l, l
			} else {
				ea = la*l + (1-la)*ea
				ec = lc*l + (1-lc)*ec
			}
			d.Acute, d.Chronic = ea, ec
		}
		d.ACWR = Missing()
		if i >= nc-1 && d.Chronic > 0 {
			d.ACWR = d.Acute / d.Chronic
		}
		// §6
		d.Monotony, d.Strain = Missing(), Missing()
		if i >= 6 {
			d.Monotony, d.Strain = weekMonotony(loads[i-6:i+1], p.MonotonySD)
		}
	}
	return out
}

// Range is a set of daily loads (LP): the loads from Lo to Hi, each end
// included when LoIn or HiIn is set. Hi is +Inf when the set has no upper
// bound. Ranges in a Limit never reach below 0.
type Range struct {
	Lo, Hi     float64
	LoIn, HiIn bool
}

// Contains reports whether load l is in r.
func (r Range) Contains(l float64) bool {
	return (l > r.Lo || r.LoIn && l == r.Lo) && (l < r.Hi || r.HiIn && l == r.Hi)
}

func (r Range) empty() bool { return r.Lo > r.Hi || r.Lo == r.Hi && !(r.LoIn && r.HiIn) }

// and returns the loads in both r and s.
func (r Range) and(s Range) Range {
	if s.Lo > r.Lo || s.Lo == r.Lo && !s.LoIn {
		r.Lo, r.LoIn = s.Lo, s.LoIn
	}
	if s.Hi < r.Hi || s.Hi == r.Hi && !s.HiIn {
		r.Hi, r.HiIn = s.Hi, s.HiIn
	}
	return r
}

var (
	inf     = math.Inf(1)
	negInf  = math.Inf(-1)
	anyLoad = Range{Lo: negInf, Hi: inf}
	noLoad  = Range{Lo: inf, Hi: negInf}
	nonNeg  = Range{Lo: 0, Hi: inf, LoIn: true}
)

// maxNudge bounds how often finish lowers a limit for rounding.
const maxNudge = 64

// linearSet returns the loads L with b L + c > 0 (strict) or ≥ 0.
func linearSet(b, c float64, strict bool) Range {
	switch {
	case b > 0:
		return Range{Lo: -c / b, Hi: inf, LoIn: !strict}
	case b < 0:
		return Range{Lo: negInf, Hi: -c / b, HiIn: !strict}
	case c > 0 || c == 0 && !strict:
		return anyLoad
	}
	return noLoad
}

// Limit is how much load the day after the as-of day can take before one
// rule holds on it, for a day of one training session of that load.
type Limit struct {
	// Max is the largest load (LP, a float64) such that no load from 0 to
	// Max makes the rule hold: a session of exactly Max does not, and any
	// load a little above does. It is solved in closed form from the rule's
	// threshold, then checked against the rule computed as Analyze computes
	// it and lowered by a few units in the last place where rounding at
	// the boundary would make exactly Max hold. +Inf when no load makes the
	// rule hold; Missing when the rule holds already at 0 LP.
	Max float64
	// Holds lists the loads ≥ 0 that make the rule hold, ascending and
	// disjoint; empty when none does. The first range starts at Max unless
	// Max is Missing (then it contains 0).
	Holds []Range
	// MinutesRPE5 and MinutesRPE7 are Max as session minutes rated RPE 5
	// and RPE 7 with the athlete's calibration (RPEMinutes); +Inf or
	// Missing with Max. By default a session rated 7 is hard (hard_rpe 7).
	MinutesRPE5, MinutesRPE7 float64
	// Why says in words where Max comes from, or why there is none.
	Why string
}

// SpikeLimit is the load-spike headroom.
type SpikeLimit struct {
	Limit
	// RatioLoad is the load at which ACWR tomorrow equals spike_acwr, by
	// the ratio alone; Missing when no load ≥ 0 gives that ratio, when
	// there is no ACWR tomorrow and when the rule is off.
	RatioLoad float64
	// FloorLoad is the smallest load at which the chronic average tomorrow
	// reaches spike_min_chronic: 0 when any load does, +Inf when none does
	// (rolling-uncoupled: tomorrow is outside its chronic window); Missing
	// when there is no ACWR tomorrow and when the rule is off. When it is
	// above RatioLoad the floor, not the ratio, sets Max.
	FloorLoad float64
}

// RestLimit is the no-rest-day headroom.
type RestLimit struct {
	Limit
	// Streak counts the training days in a row ending on the as-of day,
	// which is taken as finished with its load so far: an as-of day under
	// rest_load_max ends the streak here, where Analyze, for which the day
	// is still open, neither ends nor extends it.
	Streak int
	// RestLoadMax is the rest-day ceiling: tomorrow is a rest day, and
	// ends the streak, when its training load is below it.
	RestLoadMax float64
	// Reaches is set when a training day tomorrow (load ≥ RestLoadMax)
	// makes the streak Streak+1 reach no_rest_days, so that the rule
	// holds; Alert when it reaches no_rest_alert_days.
	Reaches, Alert bool
}

// HardLimit is the hard-days-close headroom: the largest session tomorrow
// that is not hard.
type HardLimit struct {
	Limit
	// TodayHard is set when the as-of day has a hard session so far: a
	// hard session tomorrow would pair with it.
	TodayHard bool
	// P90 is the 90th percentile (nearest rank) of the non-work-in session
	// loads of known source in the 90 days before tomorrow: a session
	// above it is hard. Missing with fewer than ten such sessions (load
	// alone then never makes a session hard).
	P90 float64
	// PerHour is the measured load per hour from which a session with an
	// objective load and a duration is hard: 100 × hard_if².
	PerHour float64
	// RPE is the rating from which a session is hard: hard_rpe.
	RPE float64
}

// Headroom is, for the day after the as-of day ("tomorrow"), how much load
// it can take before each load rule holds on it (science reference §9).
// Tomorrow is one training session (not a work-in) of known load; the
// as-of day is taken as finished with its load so far.
type Headroom struct {
	Date Date    // tomorrow, AsOf+1
	K    float64 // calibration: LP per RPE·minute
	// UnknownLoad counts the sessions of unknown load in the acute window
	// ending tomorrow: with any, load-spike and monotony-high may hold on
	// load not known, and Analyze reports them Unknown rather than clear.
	UnknownLoad int
	LoadSpike   SpikeLimit
	Monotony    Limit
	NoRest      RestLimit
	HardClose   HardLimit
}

// RPEMinutes returns the minutes of a session rated rpe that give load LP
// with calibration k (science reference §2.1, §2.7): load / (rpe × k).
func RPEMinutes(load, rpe, k float64) float64 { return load / (rpe * k) }

// NextDayHeadroom solves, for the day after the as-of day, the largest load
// that leaves each load rule not holding on that day (science reference
// §9; the comparisons are the rules' own, strict or not):
//
// load-spike (§5, §9) holds when ACWR > spike_acwr (s) and the chronic average ≥
// spike_min_chronic (m). Tomorrow's averages are affine in its load L:
// acute' = a₀ + a₁L, chronic' = c₀ + c₁L, with, for EWMA (§5),
// a₀ = (1−λa)A, a₁ = λa, c₀ = (1−λc)C, c₁ = λc (A, C today's averages);
// rolling coupled a₀ = (sum of the last acute−1 days)/acute, a₁ = 1/acute,
// c₀ = (sum of the last chronic−1 days)/chronic, c₁ = 1/chronic; rolling
// uncoupled the same acute, chronic' = (sum of the chronic−acute days
// before tomorrow's acute window)/(chronic−acute), c₁ = 0. ACWR ≤ s is
// (a₁ − s c₁) L ≤ s c₀ − a₀: when a₁ > s c₁ the ratio limit is
// L* = (s c₀ − a₀)/(a₁ − s c₁); when a₁ ≤ s c₁ (EWMA with λa ≤ s λc)
// more load never raises the ratio to s, so the ratio sets no limit. The
// floor holds from L = (m − c₀)/c₁. Before the chronic window is full
// tomorrow (the series' first chronic−1 days) there is no ACWR, so no
// limit.
//
// monotony-high (§6) holds when monotony > monotony_max (M) over the six
// days ending today and L. With S and Q the sum and the sum of squared
// deviations of the six days, x̄ = S/6, the week's squared deviations are
// Q + (6/7)(L − x̄)², and mean/SD > M (mean > 0) is the quadratic
// f(L) = n_sd (S+L)² − 49M²Q − 42M²(L − x̄)² > 0, n_sd = 7 (population
// SD) or 6 (sample). For M above √(n_sd/42) (1/√6 population, 1/√7
// sample: all usual limits) f opens downwards: the rule holds between its
// roots, around the other days' mean (days too alike), so it may hold at 0
// (six alike days and a rest day, monotony 2.45) and stop holding for
// large L. Under √(n_sd/42) it holds for every week with load, as the
// monotony of non-negative loads is never below it. The cap of 10 changes
// nothing below M = 10 and makes the rule impossible from it. Before the
// series has 7 days there is no monotony.
//
// Near a boundary, a ratio computed in floating point can land on either
// side of the threshold; Max is therefore checked against the rule as
// Analyze computes it and lowered by units in the last place when needed.
// The ends of Holds are the closed-form roots, not so adjusted.
//
// no-rest-day (§3, §9) holds when the streak of training days reaches
// no_rest_days; tomorrow ends it when its training load is below
// rest_load_max, so Max is the largest float64 under rest_load_max when
// the streak would reach the limit.
//
// hard-days-close (§9) holds tomorrow when its session is hard and today has a
// hard session (two hard sessions tomorrow would also make it hold; the
// plan has one). A session is hard when rated ≥ hard_rpe, or measured at
// ≥ 100 × hard_if² LP/h, or above the 90th percentile of the 90 days
// before with at least ten sessions: Max is that percentile, for a session
// rated and measured under the other two limits.
//
// Rules switched off in Params.Off have no limit. Minutes at RPE 5 and 7
// use a.Calibration.K.
func NextDayHeadroom(a *Analysis) Headroom {
	p := a.Params
	h := Headroom{Date: a.AsOf + 1, K: a.Calibration.K}
	n := len(a.Days)
	acute := max(p.ACWRAcuteDays, 7)
	for i := max(0, n-acute+1); i < n; i++ {
		h.UnknownLoad += a.Days[i].Unknown
	}
	h.LoadSpike = spikeLimit(a)
	h.Monotony = monotonyLimit(a)
	h.NoRest = restLimit(a)
	h.HardClose = hardLimit(a)
	for _, l := range []*Limit{&h.LoadSpike.Limit, &h.Monotony, &h.NoRest.Limit, &h.HardClose.Limit} {
		l.MinutesRPE5, l.MinutesRPE7 = RPEMinutes(l.Max, 5, h.K), RPEMinutes(l.Max, 7, h.K) // Missing() stays Missing(), +Inf +Inf
	}
	return h
}

// finish sets Holds from the loads that make the rule hold (in any order,
// any sign) and Max from the first of them, lowered while the rule computed
// as Analyze does (holds) says a session of Max holds.
func (l *Limit) finish(set []Range, holds func(float64) bool) {
	l.Holds = nil
	for _, r := range set {
		if r = r.and(nonNeg); !r.empty() {
			l.Holds = append(l.Holds, r)
		}
	}
	slices.SortFunc(l.Holds, func(x, y Range) int { return cmpFloat(x.Lo, y.Lo) })
	switch {
	case len(l.Holds) == 0:
		l.Max = inf
		return
	case l.Holds[0].Contains(0):
		l.Max = Missing()
		return
	}
	m := l.Holds[0].Lo
	step := 0.0
	for i := 0; i < maxNudge && holds(m); i++ {
		if m <= 0 {
			l.Max = Missing()
			return
		}
		if step == 0 {
			step = m - math.Nextafter(m, negInf)
		}
		m = math.Max(0, m-step)
		step *= 2
	}
	l.Max = m
}

func cmpFloat(x, y float64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// off reports whether the rule named is switched off, and then sets no limit.
func (l *Limit) off(p Params, name string) bool {
	if !p.Off[name] {
		return false
	}
	l.Max, l.Holds, l.Why = inf, nil, name+" is switched off"
	return true
}

// tomorrow returns the projected day after the as-of day at load x.
func tomorrow(a *Analysis, x float64) Day { return Project(a, []float64{x})[0] }

func spikeLimit(a *Analysis) SpikeLimit {
	p := a.Params
	s, m := p.SpikeACWR, p.SpikeMinChronic
	out := SpikeLimit{RatioLoad: Missing(), FloorLoad: Missing()}
	if out.off(p, RuleLoadSpike) {
		return out
	}
	t := len(a.Days) // tomorrow's index in the series
	na, nc := p.ACWRAcuteDays, p.ACWRChronicDays
	if t < nc-1 {
		out.Max, out.Why = inf, fmt.Sprintf("no acute:chronic ratio tomorrow: it is day %d of the series and the chronic window needs %d", t+1, nc)
		return out
	}
	loads := make([]float64, t)
	for i := range a.Days {
		loads[i] = a.Days[i].Load
	}
	sum := func(from, to int) float64 { // inclusive, days before tomorrow
		var x float64
		for _, l := range loads[from : to+1] {
			x += l
		}
		return x
	}
	var a0, a1, c0, c1 float64
	switch p.ACWRMethod {
	case ACWRCoupled, ACWRUncoupled:
		a0, a1 = sum(t-na+1, t-1)/float64(na), 1/float64(na)
		if p.ACWRMethod == ACWRUncoupled {
			c0, c1 = sum(t-nc+1, t-na)/float64(nc-na), 0
		} else {
			c0, c1 = sum(t-nc+1, t-1)/float64(nc), 1/float64(nc)
		}
	default:
		la, lc := 2/float64(na+1), 2/float64(nc+1)
		d := &a.Days[t-1]
		a0, a1, c0, c1 = (1-la)*d.Acute, la, (1-lc)*d.Chronic, lc
	}
	// acute' − s·chronic' > 0 ⇔ (a₁ − s c₁) L + (a₀ − s c₀) > 0.
	ratio := linearSet(a1-s*c1, a0-s*c0, true)
	floor := linearSet(c1, c0-m, false) // chronic' ≥ m
	positive := linearSet(c1, c0, true) // chronic' > 0: ACWR defined
	if b := a1 - s*c1; b != 0 {
		if x := -(a0 - s*c0) / b; x >= 0 {
			out.RatioLoad = x
		}
	}
	if f := floor.and(nonNeg); f.empty() {
		out.FloorLoad = inf
	} else {
		out.FloorLoad = f.Lo
	}
	out.finish([]Range{ratio.and(floor).and(positive)}, func(x float64) bool {
		d := tomorrow(a, x)
		return Known(d.ACWR) && d.ACWR > s && d.Chronic >= m
	})
	switch {
	case !Known(out.Max):
		d := tomorrow(a, 0)
		out.Why = fmt.Sprintf("acute:chronic %.2f tomorrow even at 0 LP, above %g", d.ACWR, s)
	case math.IsInf(out.Max, 1) && positive.and(nonNeg).empty():
		out.Why = "the chronic average tomorrow is 0 at any load: no acute:chronic ratio"
	case math.IsInf(out.Max, 1) && out.FloorLoad == inf:
		out.Why = fmt.Sprintf("the chronic average tomorrow stays under %g LP/day at any load", m)
	case math.IsInf(out.Max, 1) && a1 <= s*c1:
		out.Why = fmt.Sprintf("more load does not raise acute:chronic to %g: the acute weight %.4f is at most %g × the chronic weight %.4f", s, a1, s, c1)
	case math.IsInf(out.Max, 1):
		out.Why = fmt.Sprintf("acute:chronic passes %g only at loads where the chronic average stays under %g LP/day", s, m)
	case out.Holds[0].LoIn && out.Holds[0].Lo == out.FloorLoad:
		from := "at any load"
		if Known(out.RatioLoad) {
			from = "from " + up1(out.RatioLoad) + " LP"
		}
		out.Why = fmt.Sprintf("acute:chronic tomorrow passes %g %s, but the chronic average reaches %g LP/day only from %s LP", s, from, m, up1(out.FloorLoad))
	default:
		out.Why = fmt.Sprintf("above %s LP acute:chronic tomorrow passes %g", down1(out.Max), s)
	}
	return out
}

func monotonyLimit(a *Analysis) Limit {
	p := a.Params
	var out Limit
	if out.off(p, RuleMonotonyHigh) {
		return out
	}
	t := len(a.Days)
	if t < 6 {
		out.Max, out.Why = inf, fmt.Sprintf("no monotony tomorrow: it needs 7 days and tomorrow is day %d of the series", t+1)
		return out
	}
	M := p.MonotonyMax
	win := make([]float64, 7)
	for i := range 6 {
		win[i] = a.Days[t-6+i].Load
	}
	holds := func(x float64) bool {
		win[6] = x
		mono, _ := weekMonotony(win, p.MonotonySD)
		return Known(mono) && mono > M
	}
	if M >= MonotonyCap {
		out.Max, out.Why = inf, fmt.Sprintf("monotony is capped at %d, never above %g", MonotonyCap, M)
		return out
	}
	var S, Q float64
	for _, x := range win[:6] {
		S += x
	}
	xbar := S / 6
	for _, x := range win[:6] {
		Q += (x - xbar) * (x - xbar)
	}
	nsd := 7.0
	if p.MonotonySD == SDSample {
		nsd = 6
	}
	// f(L) = nsd (S+L)² − 49M²Q − 42M²(L − x̄)² = qa L² + qb L + qc > 0.
	M2 := M * M
	qa := nsd - 42*M2
	qb := 2*nsd*S + 84*M2*xbar
	qc := nsd*S*S - 42*M2*xbar*xbar - 49*M2*Q
	var set []Range
	if qa == 0 {
		set = []Range{linearSet(qb, qc, true)}
	} else {
		r1, r2, ok := quadRoots(qa, qb, qc)
		switch {
		case qa < 0 && ok && r1 < r2:
			set = []Range{{Lo: r1, Hi: r2}}
		case qa < 0: // f ≤ 0 everywhere
		case !ok:
			set = []Range{anyLoad}
		default:
			set = []Range{{Lo: negInf, Hi: r1}, {Lo: r2, Hi: inf}}
		}
	}
	mean := Range{Lo: -S, Hi: inf} // S + L > 0: a week of zeros has no monotony
	for i := range set {
		set[i] = set[i].and(mean)
	}
	out.finish(set, holds)
	switch {
	case len(out.Holds) == 0:
		out.Why = fmt.Sprintf("monotony tomorrow stays at or under %g at any load", M)
	case !Known(out.Max):
		out.Why = fmt.Sprintf("monotony tomorrow is above %g even at 0 LP: the last six days are too alike", M)
		if hi := out.Holds[0].Hi; !math.IsInf(hi, 1) {
			out.Why += "; from " + up1(hi) + " LP it is not"
		}
	default:
		out.Why = fmt.Sprintf("above %s LP monotony tomorrow passes %g: the days become too alike", down1(out.Max), M)
		if hi := out.Holds[0].Hi; !math.IsInf(hi, 1) {
			out.Why += " (up to " + down1(hi) + " LP)"
		}
	}
	return out
}

// down1 and up1 format a load with one decimal, rounded towards the side
// that keeps a sentence true: "up to 30.8" for 30.84…, "from 139.8" for
// 139.76… (a value within rounding of a tenth is that tenth).
func down1(x float64) string { return fmt.Sprintf("%.1f", math.Floor(x*10+1e-9)/10) }
func up1(x float64) string   { return fmt.Sprintf("%.1f", math.Ceil(x*10-1e-9)/10) }

// quadRoots returns the real roots r1 ≤ r2 of a x² + b x + c (a ≠ 0), in
// the form that avoids cancellation.
func quadRoots(a, b, c float64) (r1, r2 float64, ok bool) {
	disc := b*b - 4*a*c
	if disc < 0 {
		return 0, 0, false
	}
	q := -0.5 * (b + math.Copysign(math.Sqrt(disc), b))
	if q == 0 { // b = 0 and c = 0
		return 0, 0, true
	}
	r1, r2 = q/a, c/q
	if r1 > r2 {
		r1, r2 = r2, r1
	}
	return r1, r2, true
}

func restLimit(a *Analysis) RestLimit {
	p := a.Params
	out := RestLimit{RestLoadMax: p.RestLoadMax}
	// The streak as rules counts it, with the as-of day finished: a
	// finished day under rest_load_max ends it, whether a rest day or one
	// with sessions of unknown load (RestOpen).
	for i := range a.Days {
		if a.Days[i].TrainLoad < p.RestLoadMax {
			out.Streak = 0
		} else {
			out.Streak++
		}
	}
	out.Reaches = out.Streak+1 >= p.NoRestDays
	out.Alert = out.Streak+1 >= p.NoRestAlertDays
	if out.off(p, RuleNoRestDay) {
		return out
	}
	var set []Range
	if out.Reaches {
		set = []Range{linearSet(1, -p.RestLoadMax, false)} // L ≥ rest_load_max
	}
	out.finish(set, func(x float64) bool { return !(x < p.RestLoadMax) && out.Reaches })
	switch {
	case !Known(out.Max):
		out.Why = fmt.Sprintf("rest_load_max is %g: no load is a rest day, and %d training days in a row reach %d", p.RestLoadMax, out.Streak+1, p.NoRestDays)
	case out.Reaches:
		out.Why = fmt.Sprintf("%d training days in a row: a day of %g LP or more tomorrow makes %d (limit %d); under %g LP is a rest day", out.Streak, p.RestLoadMax, out.Streak+1, p.NoRestDays, p.RestLoadMax)
	default:
		out.Why = fmt.Sprintf("%d training days in a row: even a training day tomorrow makes %d, under %d", out.Streak, out.Streak+1, p.NoRestDays)
	}
	return out
}

func hardLimit(a *Analysis) HardLimit {
	p := a.Params
	out := HardLimit{P90: Missing(), PerHour: HardIntensity(p.HardIF), RPE: p.HardRPE}
	n := len(a.Days)
	out.TodayHard = n > 0 && a.Days[n-1].HardCount > 0
	next := a.AsOf + 1
	var win []float64
	for i := range a.Sessions {
		s := &a.Sessions[i]
		if countsForP90(s) && s.Date < next && s.Date >= next-hardWindowDays {
			win = append(win, s.LP)
		}
	}
	if len(win) >= hardWindowMin {
		slices.Sort(win)
		out.P90 = Percentile90(win)
	}
	if out.off(p, RuleHardDaysClose) {
		return out
	}
	var set []Range
	if out.TodayHard && Known(out.P90) {
		set = []Range{linearSet(1, -out.P90, true)} // L > P90
	}
	out.finish(set, func(x float64) bool { return out.TodayHard && Known(out.P90) && x > out.P90 })
	others := fmt.Sprintf("rated under %g and, if measured, under %.2f LP/h", p.HardRPE, out.PerHour)
	switch {
	case !out.TodayHard:
		out.Why = "no hard session today: one session tomorrow cannot make two hard days in a row"
	case !Known(out.P90):
		out.Why = fmt.Sprintf("a hard session today; with fewer than %d sessions in the 90 days before, load alone does not make tomorrow's session hard: keep it %s", hardWindowMin, others)
	default:
		out.Why = fmt.Sprintf("a hard session today: tomorrow's session is not hard up to %s LP (the 90th percentile of the last 90 days), %s", down1(out.P90), others)
	}
	return out
}

package metrics

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/workin/workin/internal/text"
)

// Planning ahead: the load metrics and load rules of planned days
// (Projection), how much load the day after the as-of day can take before
// each load rule holds (Headroom), and tomorrow as a rest day against
// tomorrow as planned (RestTomorrow). docs/plan.md explains the method.
//
// The as-of day keeps the meaning it has everywhere else: it is not over.
// Its sessions so far count in load, it is never a completed rest day, and
// while its load is at rest level it neither ends nor extends a streak of
// days without rest; a week that ends with it is lighter only once it is
// over. Projected days are whole planned days: a day of the plan with no
// session is a planned rest day.

// PlanHorizonDays bounds the projection: planned sessions dated more than
// this many days (26 weeks) after the as-of day are left out and counted
// (Analysis.PlannedBeyond), so a mistyped year cannot stretch a plan over
// decades.
const PlanHorizonDays = 182

// RampGuideLow and RampGuideHigh are a commonly cited guide for the ramp
// rate (the CTL change over a week): about 5 to 8 a week. It is a rule of
// thumb from endurance coaching, never a safe limit.
const (
	RampGuideLow  = 5.0
	RampGuideHigh = 8.0
)

// NotDone is a planned session dated on or before the as-of day: planned,
// not done. It is never load.
type NotDone struct {
	Workout
	// Done counts the sessions (work-ins aside) recorded on its day: an
	// export keeps a planned workout and the one done instead as two rows.
	Done int
}

// Projection is the analysed series carried over the planned days: the
// same formulas and rules run forward on planned sessions (science
// reference §3–§9).
type Projection struct {
	// From and To are the first and last projected day: the day after the
	// as-of day and the last day with a planned session.
	From, To Date
	// Days has one Day a day From…To, each Planned: load, rest, CTL, ATL,
	// TSB, the acute:chronic averages and ratio, monotony, strain, the
	// load rules evaluated on it (Rules), and Action, the advice for the
	// session after it. The other rules read check-ins, which a planned
	// day has none of: they are not projected. One that held on the as-of
	// day stays, Carried, as over the day in progress, for nothing has
	// cleared it; the others hold a state that does not hold, with a
	// Missing value and threshold.
	Days []Day
	// Sessions are the planned sessions projected, in date order, each
	// with its load and source by the precedence of a done session, and
	// Planned set.
	Sessions []Session
	// Merges are planned sessions given twice (two plan files), kept once.
	Merges []Merge
	// UnknownLoad counts the planned sessions (work-ins aside) whose load
	// cannot be computed: the load rules may then be Unknown.
	UnknownLoad int
	// StartCTL is the CTL of the as-of day.
	StartCTL float64
	// Ramp is, for each projected day, CTL(d) − CTL(d−7): the ramp rate
	// (Missing before the series has a CTL a week earlier). RampMax is the
	// largest, on RampMaxDate (Missing and NoDate when there is none).
	Ramp        []float64
	RampMax     float64
	RampMaxDate Date
	// Warnings are the load rules holding on projected days, one for each
	// run of days, in date order.
	Warnings []Warning

	ext *Analysis // the analysis over the whole series
}

// ProjectedRules lists the rules evaluated on projected days (the load
// rules) and the others, in report order.
func ProjectedRules() (projected, not []string) {
	for _, r := range registry {
		if r.load {
			projected = append(projected, r.Name)
		} else {
			not = append(not, r.Name)
		}
	}
	return projected, not
}

// Warning is a load rule holding on projected days: one run of days, dated
// on the first projected day it holds. Every warning rests on planned
// sessions.
type Warning struct {
	Rule string
	// Date is the first projected day the rule holds; To the last of the
	// run.
	Date, To Date
	// Value and Threshold are the rule's on Date.
	Value, Threshold float64
	// Peak is the largest value of the run, on PeakDate.
	Peak     float64
	PeakDate Date
	Severity string
	// Ongoing is set when the run holds already on the as-of day: the
	// plan does not end it.
	Ongoing bool
	// Detail describes the run in a coach's words.
	Detail string
	// Projected is always set: the warning rests on planned sessions.
	Projected bool
}

// Measure shows the warning's value against its threshold ("1.62 > 1.50").
func (w Warning) Measure() string {
	return Evidence{Rule: w.Rule, Value: w.Value, Threshold: w.Threshold}.Measure()
}

// Unit is the unit of the warning's value.
func (w Warning) Unit() string { return Evidence{Rule: w.Rule}.Unit() }

// RecommendationOn gives the advice for the session after projected day i
// (0 is From), with its evidence, from the load rules.
func (p *Projection) RecommendationOn(i int) Recommendation {
	return p.ext.RecommendationOn(len(p.ext.Days) - len(p.Days) + i)
}

// splitPlanned separates the planned workouts given among the done ones;
// every planned workout is marked Planned.
func splitPlanned(ws, planned []Workout) (done, plan []Workout) {
	n := 0
	for i := range ws {
		if ws[i].Planned {
			n++
		}
	}
	plan = make([]Workout, 0, len(planned)+n)
	plan = append(plan, planned...)
	done = ws
	if n > 0 {
		done = make([]Workout, 0, len(ws)-n)
		for _, w := range ws {
			if w.Planned {
				plan = append(plan, w)
			} else {
				done = append(done, w)
			}
		}
	}
	for i := range plan {
		plan[i].Planned = true
	}
	return done, plan
}

// splitPlan keeps the planned sessions to project (after AsOf, within the
// horizon, in date order, a session given twice kept once) and lists or
// counts the others. done are the done workouts up to AsOf, by date.
func (a *Analysis) splitPlan(planned, done []Workout) ([]Workout, []Merge) {
	var ps []Workout
	for _, w := range planned {
		switch {
		case w.Date <= a.AsOf:
			a.NotDone = append(a.NotDone, NotDone{Workout: w, Done: doneOn(done, w.Date)})
		case int(w.Date-a.AsOf) > PlanHorizonDays:
			a.PlannedBeyond++
		default:
			ps = append(ps, w)
		}
	}
	slices.SortStableFunc(a.NotDone, func(x, y NotDone) int { return byStart(x.Workout, y.Workout) })
	slices.SortStableFunc(ps, byStart)
	return Dedupe(ps)
}

// doneOn counts the sessions of ws (sorted by date) on day d, work-ins
// aside.
func doneOn(ws []Workout, d Date) int {
	i, _ := slices.BinarySearchFunc(ws, d, func(w Workout, d Date) int { return cmp.Compare(w.Date, d) })
	n := 0
	for ; i < len(ws) && ws[i].Date == d; i++ {
		if !IsWorkIn(ws[i].Sport) {
			n++
		}
	}
	return n
}

// extended is the analysis over the whole series, projected days
// included: what the load rules run on. Weeks are rebuilt over it (a
// projected week can be complete).
func (a *Analysis) extended() *Analysis {
	x := *a
	n := len(a.Days) + len(a.Projection.Days)
	x.Days = a.series[:n:n]
	x.Sessions = a.allSessions
	x.Weeks = a.buildWeeks(x.Days, nil)
	x.Projection, x.Headroom = nil, nil
	return &x
}

// project completes the projection: the advice on each projected day,
// the ramp rate and the warnings.
func (a *Analysis) project() {
	p := a.Projection
	if p == nil || p.ext == nil {
		return
	}
	x, n := p.ext, len(a.Days)
	for i := n; i < len(x.Days); i++ {
		act, _, on := x.decide(i, false)
		x.Days[i].Action = act
		if act == WorkIn {
			x.Days[i].WorkInKind = x.workInKind(i, on)
		}
	}
	for i := range p.Sessions {
		if s := &p.Sessions[i]; s.Source == SrcNone && !s.WorkIn {
			p.UnknownLoad++
		}
	}
	p.StartCTL = a.Days[n-1].CTL
	p.Ramp = make([]float64, len(p.Days))
	p.RampMax, p.RampMaxDate = Missing(), NoDate
	for j := range p.Days {
		i := n + j
		week := Missing() // CTL a week before
		switch {
		case i >= 7:
			week = x.Days[i-7].CTL
		case i == 6:
			week = a.Params.CTLSeed // the day before the series
		}
		p.Ramp[j] = x.Days[i].CTL - week
		if r := p.Ramp[j]; Known(r) && (!Known(p.RampMax) || r > p.RampMax) {
			p.RampMax, p.RampMaxDate = r, x.Days[i].Date
		}
	}
	p.Warnings = x.warnings(n)
}

// warnings collects the runs of load rules holding on days from..end.
func (a *Analysis) warnings(from int) []Warning {
	var out []Warning
	for k, r := range registry {
		if !r.load {
			continue
		}
		for i := from; i < len(a.Days); i++ {
			if !a.Days[i].Rules[k].Holds {
				continue
			}
			j := i
			for j+1 < len(a.Days) && a.Days[j+1].Rules[k].Holds {
				j++
			}
			first := i
			for first > 0 && a.Days[first-1].Rules[k].Holds {
				first--
			}
			st := a.Days[i].Rules[k]
			w := Warning{Rule: r.Name, Date: a.Days[i].Date, To: a.Days[j].Date, Value: st.Value, Threshold: st.Threshold,
				Peak: st.Value, PeakDate: a.Days[i].Date, Severity: Warn, Ongoing: first < from, Projected: true}
			for q := i; q <= j; q++ {
				if v := a.Days[q].Rules[k].Value; v > w.Peak {
					w.Peak, w.PeakDate = v, a.Days[q].Date
				}
				if r.alert != nil && r.alert(a, q) {
					w.Severity = Alert
				}
			}
			w.Detail, _ = a.detail(k, first, j)
			out = append(out, w)
			i = j
		}
	}
	slices.SortStableFunc(out, func(x, y Warning) int { return cmp.Compare(x.Date, y.Date) })
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

// Headroom is, for the day after the as-of day ("tomorrow"), how much load
// it can take before each load rule holds on it (science reference §9),
// solved in closed form from each rule's threshold; and tomorrow as a rest
// day against tomorrow as planned. Tomorrow is taken as one training
// session (not a work-in) of known load, rated under hard_rpe and not
// measured at hard intensity; the as-of day is in progress, with its load
// so far.
type Headroom struct {
	Date Date    // tomorrow, AsOf+1
	K    float64 // the calibration: LP per RPE·minute
	// UnknownLoad counts the sessions of unknown load in the acute window
	// before tomorrow: with any, load-spike and monotony-high may hold on
	// load not known, and are Unknown rather than clear at lower loads.
	UnknownLoad int
	NoRest      RestLimit
	HardClose   HardLimit
	LoadSpike   SpikeLimit
	Monotony    Limit
	NoDeload    DeloadLimit
	Rest        RestTomorrow
}

// Limits lists the limits in report order (no-rest-day, hard-days-close,
// load-spike, monotony-high, no-deload-week).
func (h *Headroom) Limits() []*Limit {
	return []*Limit{&h.NoRest.Limit, &h.HardClose.Limit, &h.LoadSpike.Limit, &h.Monotony, &h.NoDeload.Limit}
}

// Tightest is the limit tomorrow's load meets first: a rule that holds
// already at 0 LP, else the smallest From (the first in report order among
// equals); nil when no load makes any rule hold.
func (h *Headroom) Tightest() *Limit {
	var best *Limit
	for _, l := range h.Limits() {
		if math.IsInf(l.From, 1) {
			continue
		}
		if best == nil || l.From < best.From {
			best = l
		}
	}
	return best
}

// Limit is how much load tomorrow can take before one rule holds on it.
type Limit struct {
	Rule string
	// From is the smallest load (LP) at which the rule holds tomorrow: the
	// closed-form root of the rule's threshold, as the float64 at which
	// the rule computed in floating point first holds (they differ by a
	// few units in the last place at most). 0 when the rule holds with
	// nothing tomorrow; +Inf when no load makes it hold.
	From float64
	// Max is the largest load at which the rule does not hold: the
	// float64 just below From. Missing when From is 0; +Inf with From.
	Max float64
	// Holds lists every load ≥ 0 at which the rule holds, ascending and
	// disjoint: the closed-form sets, not adjusted for rounding. Empty
	// when none does. Monotony can hold between two loads only.
	Holds []Range
	// MinutesRPE5 and MinutesRPE7 are Max as session minutes rated RPE 5
	// and RPE 7 with the athlete's calibration (RPEMinutes): +Inf or
	// Missing with Max; 0 when a session so rated makes the rule hold at
	// any length (hard-days-close at hard_rpe 7).
	MinutesRPE5, MinutesRPE7 float64
	// Why says in words where the limit comes from, or why there is none.
	Why string
}

// SpikeLimit is the load-spike headroom.
type SpikeLimit struct {
	Limit
	// RatioLoad is the load at which tomorrow's acute:chronic ratio equals
	// spike_acwr, by the ratio alone; Missing when no load ≥ 0 gives that
	// ratio, when there is no ratio tomorrow and when the rule is off.
	RatioLoad float64
	// FloorLoad is the smallest load at which tomorrow's chronic average
	// reaches spike_min_chronic: 0 when any load does, +Inf when none does
	// (rolling-uncoupled: tomorrow is outside its chronic window); Missing
	// when there is no ratio tomorrow and when the rule is off. When it is
	// above RatioLoad the floor, not the ratio, sets From.
	FloorLoad float64
}

// RestLimit is the no-rest-day headroom.
type RestLimit struct {
	Limit
	// Streak counts the days in a row known to be training days up to the
	// as-of day (which counts once its load is above rest level; until
	// then it neither ends nor extends the streak); UpTo also counts the
	// days of unknown load.
	Streak, UpTo int
	// RestLoadMax is the rest-day ceiling: tomorrow is a rest day, and
	// ends the streak, when its training load is under it.
	RestLoadMax float64
	// Reaches is set when a training day tomorrow makes the streak reach
	// no_rest_days, so that the rule holds; Alert when it reaches
	// no_rest_alert_days (then the advice is rest).
	Reaches, Alert bool
}

// HardLimit is the hard-days-close headroom: with a hard session today, the
// largest session tomorrow that is not hard.
type HardLimit struct {
	Limit
	// TodayHard is set when the as-of day has a hard session so far: a
	// hard session tomorrow would pair with it. TodayMaybe is set when it
	// has a session of unknown load and no RPE, which may have been hard.
	TodayHard, TodayMaybe bool
	// P90 is the 90th percentile (nearest rank) of the non-work-in session
	// loads of known source in the 90 days before tomorrow: a session above
	// it is hard, whatever today was (and then a hard session the day after
	// tomorrow would make hard sessions close). Missing with fewer than ten
	// such sessions: load alone then never makes a session hard.
	P90 float64
	// PerHour is the measured load per hour from which a session with an
	// objective load and a duration is hard: 100 × hard_if².
	PerHour float64
	// RPE is the rating from which a session is hard: hard_rpe.
	RPE float64
}

// DeloadLimit is the no-deload-week headroom: tomorrow's load can only
// matter when tomorrow ends a week, which is then lighter or not.
type DeloadLimit struct {
	Limit
	// Run counts the complete weeks in a row without a lighter one, as of
	// the as-of day; Weeks is deload_weeks.
	Run, Weeks int
	// EndsWeek is set when tomorrow is the last day of a week that lies
	// wholly in the series: the week is then complete and lighter, or not.
	EndsWeek bool
	// WeekLoad is the load so far of tomorrow's week; WeekLimit its
	// lighter-week limit, deload_ratio × the mean of up to three complete
	// weeks before it (Missing without one: the week cannot be lighter).
	// The week holds the as-of day, which is in progress: lighter, it
	// stays incomplete and the run unchanged; above the limit, the run
	// grows by one.
	WeekLoad, WeekLimit float64
}

// RPEMinutes returns the minutes of a session rated rpe that give load LP
// with calibration k (science reference §2.1, §2.7): load / (rpe × k).
func RPEMinutes(load, rpe, k float64) float64 { return load / (rpe * k) }

// nextDay computes the headroom for tomorrow and the rest-tomorrow
// comparison.
func (a *Analysis) nextDay() {
	n := len(a.Days)
	if n == 0 || len(a.Sessions) == 0 { // without workouts nothing says what the load was
		return
	}
	c := a.continuation()
	h := &Headroom{Date: a.AsOf + 1, K: a.Calibration.K}
	for i := max(0, n-acuteWindow(a.Params)+1); i < n; i++ {
		h.UnknownLoad += a.Days[i].Unknown
	}
	h.NoRest = a.restLimit()
	h.HardClose = a.hardLimit()
	h.LoadSpike = a.spikeLimit(c)
	h.Monotony = a.monotonyLimit()
	h.NoDeload = a.deloadLimit()
	for _, l := range h.Limits() {
		l.MinutesRPE5, l.MinutesRPE7 = RPEMinutes(l.Max, 5, h.K), RPEMinutes(l.Max, 7, h.K) // Missing stays Missing, +Inf +Inf
	}
	if hc := &h.HardClose; hc.TodayHard {
		if 5 >= hc.RPE {
			hc.MinutesRPE5 = 0
		}
		if 7 >= hc.RPE {
			hc.MinutesRPE7 = 0
		}
	}
	h.Rest = a.restTomorrow(c, h.HardClose.P90)
	a.Headroom = h
}

// maxNudge bounds the search for the float64 at which a rule computed in
// floating point first holds, near its closed-form root.
const maxNudge = 64

// finish sets Holds from the loads that make the rule hold (closed-form
// sets, in any order, any sign), From from the first of them, reconciled
// with the rule as computed (holds), and Max.
func (l *Limit) finish(set []Range, holds func(float64) bool) {
	l.Holds = nil
	for _, r := range set {
		if r = r.and(nonNeg); !r.empty() {
			l.Holds = append(l.Holds, r)
		}
	}
	slices.SortFunc(l.Holds, func(x, y Range) int { return cmp.Compare(x.Lo, y.Lo) })
	switch {
	case len(l.Holds) == 0:
		l.From, l.Max = inf, inf
		return
	case l.Holds[0].Contains(0) || holds(0):
		l.From, l.Max = 0, Missing()
		return
	}
	l.From = firstHolding(l.Holds[0].Lo, holds)
	l.Max = math.Nextafter(l.From, negInf)
}

// firstHolding returns the smallest float64 x > 0 near the root b at which
// holds(x), holds being false just below and true just above the
// boundary: b itself or a few units in the last place from it. b is
// returned when no such x lies within 2⁶⁴ units either side (no rounding
// can be that far).
func firstHolding(b float64, holds func(float64) bool) float64 {
	u := math.Float64bits(math.Max(b, 0))
	lo, hi := u, u // !holds(lo) and holds(hi) once found
	foundLo, foundHi := false, false
	if holds(math.Float64frombits(u)) {
		foundHi = true
		for d := uint64(1); d != 0 && !foundLo; d <<= 1 {
			if d >= u {
				return math.Float64frombits(hi) // holds down to (almost) 0
			}
			if c := u - d; holds(math.Float64frombits(c)) {
				hi = c
			} else {
				lo, foundLo = c, true
			}
		}
	} else {
		foundLo = true
		for d, k := uint64(1), 0; k < maxNudge && !foundHi; d, k = d<<1, k+1 {
			if c := u + d; holds(math.Float64frombits(c)) {
				hi, foundHi = c, true
			} else {
				lo = c
			}
		}
	}
	if !foundLo || !foundHi {
		return b
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if holds(math.Float64frombits(mid)) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return math.Float64frombits(hi)
}

// off reports whether the rule named is switched off, and then sets no
// limit.
func (l *Limit) off(p Params, name string) bool {
	l.Rule = name
	if !p.Off[name] {
		return false
	}
	l.From, l.Max, l.Holds, l.Why = inf, inf, nil, name+" is switched off"
	return true
}

// nextCalc continues the analysed series by one day (tomorrow) at a given
// load: CTL, ATL, TSB, the acute:chronic averages and ratio, monotony and
// strain, computed in the same order of operations as over the whole
// series, so the values are the ones Analyze gives to the last bit.
type nextCalc struct {
	p        Params
	n        int       // tomorrow's index in the series
	prev     *Day      // the as-of day
	prefix   []float64 // running sums of the loads (rolling ACWR)
	last6    [7]float64
	kc, ka   float64
	la, lc   float64
	rolling  bool
	monotony bool
}

func (a *Analysis) continuation() *nextCalc {
	p := a.Params
	n := len(a.Days)
	c := &nextCalc{p: p, n: n, prev: &a.Days[n-1],
		kc: EWMAConstant(p.CTLDays, p.PMCDecay), ka: EWMAConstant(p.ATLDays, p.PMCDecay),
		la: 2 / float64(p.ACWRAcuteDays+1), lc: 2 / float64(p.ACWRChronicDays+1),
		rolling: p.ACWRMethod == ACWRCoupled || p.ACWRMethod == ACWRUncoupled, monotony: n >= 6}
	if c.rolling {
		c.prefix = make([]float64, n+2)
		for i := range a.Days {
			c.prefix[i+1] = c.prefix[i] + a.Days[i].Load
		}
	}
	if c.monotony {
		for i := range 6 {
			c.last6[i] = a.Days[n-6+i].Load
		}
	}
	return c
}

// fill sets d's load metrics from d.Load, d being tomorrow.
func (c *nextCalc) fill(d *Day) {
	p, l, y := c.p, d.Load, c.prev
	ctl, atl := y.CTL, y.ATL
	if p.TSB != TSBToday {
		d.TSB = ctl - atl
	}
	ctl += c.kc * (l - ctl)
	atl += c.ka * (l - atl)
	d.CTL, d.ATL = ctl, atl
	if p.TSB == TSBToday {
		d.TSB = ctl - atl
	}
	n, na, nc := c.n, p.ACWRAcuteDays, p.ACWRChronicDays
	if c.rolling {
		c.prefix[n+1] = c.prefix[n] + l
		sum := func(from, to int) float64 { return c.prefix[to+1] - c.prefix[from] }
		d.Acute, d.Chronic = Missing(), Missing()
		if n >= na-1 {
			d.Acute = sum(n-na+1, n) / float64(na)
		}
		if n >= nc-1 {
			if p.ACWRMethod == ACWRUncoupled {
				d.Chronic = sum(n-nc+1, n-na) / float64(nc-na)
			} else {
				d.Chronic = sum(n-nc+1, n) / float64(nc)
			}
		}
	} else {
		d.Acute = c.la*l + (1-c.la)*y.Acute
		d.Chronic = c.lc*l + (1-c.lc)*y.Chronic
	}
	d.ACWR = Missing()
	if n >= nc-1 && d.Chronic > 0 {
		d.ACWR = d.Acute / d.Chronic
	}
	d.Monotony, d.Strain = Missing(), Missing()
	if c.monotony {
		c.last6[6] = l
		d.Monotony, d.Strain = weekMonotony(c.last6[:], p.MonotonySD)
	}
}

// at returns tomorrow's load metrics at load x.
func (c *nextCalc) at(x float64) Day {
	d := Day{Load: x, TrainLoad: x}
	c.fill(&d)
	return d
}

// spikeLimit solves load-spike (§5, §9): it holds when ACWR > spike_acwr
// (s) and the chronic average ≥ spike_min_chronic (m). Tomorrow's averages
// are affine in its load L: acute' = a₀ + a₁L, chronic' = c₀ + c₁L, with,
// for EWMA, a₀ = (1−λa)A, a₁ = λa, c₀ = (1−λc)C, c₁ = λc (A, C today's
// averages); rolling coupled a₀ = (sum of the last acute−1 days)/acute,
// a₁ = 1/acute, c₀ = (sum of the last chronic−1 days)/chronic,
// c₁ = 1/chronic; rolling uncoupled the same acute, chronic' = (sum of the
// chronic−acute days before tomorrow's acute window)/(chronic−acute),
// c₁ = 0. ACWR > s is (a₁ − s c₁) L > s c₀ − a₀: when a₁ > s c₁ it holds
// above L* = (s c₀ − a₀)/(a₁ − s c₁); when a₁ ≤ s c₁ (EWMA with
// λa ≤ s λc) more load never raises the ratio to s. The floor holds from
// L = (m − c₀)/c₁. Before the chronic window is full tomorrow (the
// series' first chronic−1 days) there is no ratio, so no limit.
func (a *Analysis) spikeLimit(c *nextCalc) SpikeLimit {
	p := a.Params
	s, m := p.SpikeACWR, p.SpikeMinChronic
	out := SpikeLimit{RatioLoad: Missing(), FloorLoad: Missing()}
	if out.off(p, RuleLoadSpike) {
		return out
	}
	t := len(a.Days) // tomorrow's index in the series
	na, nc := p.ACWRAcuteDays, p.ACWRChronicDays
	if t < nc-1 {
		out.From, out.Max = inf, inf
		out.Why = fmt.Sprintf("no acute:chronic ratio tomorrow: it is day %d of the series and the chronic window needs %d", t+1, nc)
		return out
	}
	sum := func(from, to int) float64 { // inclusive, days before tomorrow
		var x float64
		for i := from; i <= to; i++ {
			x += a.Days[i].Load
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
	positive := linearSet(c1, c0, true) // chronic' > 0: a ratio at all
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
		d := c.at(x)
		return Known(d.ACWR) && d.ACWR > s && d.Chronic >= m
	})
	switch {
	case out.From == 0:
		out.Why = fmt.Sprintf("acute:chronic %s tomorrow even at 0 LP, above %s", text.Fixed(c.at(0).ACWR, 2), text.Num(s))
	case math.IsInf(out.From, 1) && positive.and(nonNeg).empty():
		out.Why = "the chronic average tomorrow is 0 at any load: no acute:chronic ratio"
	case math.IsInf(out.From, 1) && out.FloorLoad == inf:
		out.Why = fmt.Sprintf("the chronic average tomorrow stays under %s LP/day at any load", text.Num(m))
	case math.IsInf(out.From, 1) && a1 <= s*c1:
		out.Why = fmt.Sprintf("more load does not raise acute:chronic to %s: the acute weight %s is at most %s × the chronic weight %s",
			text.Num(s), text.Fixed(a1, 4), text.Num(s), text.Fixed(c1, 4))
	case math.IsInf(out.From, 1):
		out.Why = fmt.Sprintf("acute:chronic passes %s only at loads where the chronic average stays under %s LP/day", text.Num(s), text.Num(m))
	case out.Holds[0].LoIn && out.Holds[0].Lo == out.FloorLoad:
		from := "at any load"
		if Known(out.RatioLoad) {
			from = "from " + up1(out.RatioLoad) + " LP"
		}
		out.Why = fmt.Sprintf("acute:chronic tomorrow passes %s %s, but the chronic average reaches %s LP/day only from %s LP",
			text.Num(s), from, text.Num(m), up1(out.FloorLoad))
	default:
		out.Why = fmt.Sprintf("above %s LP acute:chronic tomorrow passes %s", down1(out.Max), text.Num(s))
	}
	return out
}

// monotonyLimit solves monotony-high (§6): it holds when monotony >
// monotony_max (M) over the six days ending today and L. With S and Q the
// sum and the sum of squared deviations of the six days, x̄ = S/6, the
// week's squared deviations are Q + (6/7)(L − x̄)², and mean/SD > M
// (mean > 0) is the quadratic f(L) = n_sd (S+L)² − 49M²Q − 42M²(L − x̄)²
// > 0, n_sd = 7 (population SD) or 6 (sample). For M above √(n_sd/42)
// (1/√6 population, 1/√7 sample: all usual limits) f opens downwards: the
// rule holds between its roots, around the other days' mean (days too
// alike), so it may hold at 0 (six alike days and a rest day, monotony
// 2.45) and stop holding for large L. Under √(n_sd/42) it holds for every
// week with load, as the monotony of non-negative loads is never below
// it. The cap of 10 changes nothing below M = 10 and makes the rule
// impossible from it. Before the series has 7 days there is no monotony.
func (a *Analysis) monotonyLimit() Limit {
	p := a.Params
	var out Limit
	if out.off(p, RuleMonotonyHigh) {
		return out
	}
	t := len(a.Days)
	if t < 6 {
		out.From, out.Max = inf, inf
		out.Why = fmt.Sprintf("no monotony tomorrow: it needs 7 days and tomorrow is day %d of the series", t+1)
		return out
	}
	M := p.MonotonyMax
	var win [7]float64
	for i := range 6 {
		win[i] = a.Days[t-6+i].Load
	}
	holds := func(x float64) bool {
		win[6] = x
		mono, _ := weekMonotony(win[:], p.MonotonySD)
		return Known(mono) && mono > M
	}
	if M >= MonotonyCap {
		out.From, out.Max = inf, inf
		out.Why = fmt.Sprintf("monotony is capped at %d, never above %s", MonotonyCap, text.Num(M))
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
		out.Why = fmt.Sprintf("monotony tomorrow stays at or under %s at any load", text.Num(M))
	case out.From == 0:
		out.Why = fmt.Sprintf("monotony tomorrow is above %s even at 0 LP: the last six days are too alike", text.Num(M))
		if hi := out.Holds[0].Hi; !math.IsInf(hi, 1) {
			out.Why += "; from " + up1(hi) + " LP it is not"
		}
	default:
		out.Why = fmt.Sprintf("above %s LP monotony tomorrow passes %s: the days become too alike", down1(out.Max), text.Num(M))
		if hi := out.Holds[0].Hi; !math.IsInf(hi, 1) {
			out.Why += " (up to " + down1(hi) + " LP)"
		}
	}
	return out
}

// down1 and up1 format a load with one decimal, rounded towards the side
// that keeps a sentence true: "up to 30.8" for 30.84…, "from 139.8" for
// 139.76… (a value within rounding of a tenth is that tenth).
func down1(x float64) string { return text.Fixed(math.Floor(x*10+1e-9)/10, 1) }
func up1(x float64) string   { return text.Fixed(math.Ceil(x*10-1e-9)/10, 1) }

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

// restLimit solves no-rest-day (§3, §9): it holds when the days in a row
// known to be training days reach no_rest_days. Tomorrow, a whole day of
// one session of known load, is a training day when its load is at least
// rest_load_max (else a rest day that ends the streak): the limit is
// rest_load_max when the streak so far plus tomorrow reaches the limit.
func (a *Analysis) restLimit() RestLimit {
	p := a.Params
	run := a.restRunAt(len(a.Days) - 1)
	out := RestLimit{Streak: run.known, UpTo: run.upTo, RestLoadMax: p.RestLoadMax}
	out.Reaches = run.known+1 >= p.NoRestDays
	out.Alert = run.known+1 >= p.NoRestAlertDays
	if out.off(p, RuleNoRestDay) {
		return out
	}
	var set []Range
	if out.Reaches {
		set = []Range{linearSet(1, -p.RestLoadMax, false)} // L ≥ rest_load_max
	}
	out.finish(set, func(x float64) bool { return out.Reaches && !(x < p.RestLoadMax) })
	days := text.Plural(run.known, "training day", "training days") + " in a row"
	switch {
	case out.From == 0:
		out.Why = fmt.Sprintf("rest_load_max is %s: no load is a rest day, and %d training days in a row reach %d", text.Num(p.RestLoadMax), run.known+1, p.NoRestDays)
	case out.Reaches:
		out.Why = fmt.Sprintf("%s: a day of %s LP or more tomorrow makes %d (limit %d); under %s LP is a rest day",
			days, text.Num(p.RestLoadMax), run.known+1, p.NoRestDays, text.Num(p.RestLoadMax))
	default:
		out.Why = fmt.Sprintf("%s: even a training day tomorrow makes %d, under %d", days, run.known+1, p.NoRestDays)
	}
	if !out.Reaches && run.upTo+1 >= p.NoRestDays {
		out.Why += fmt.Sprintf("; with the days of unknown load it could be %d, so the rule may not be checkable", run.upTo+1)
	}
	return out
}

// hardLimit solves hard-days-close (§9): it holds tomorrow when its
// session is hard and today has a hard session (two hard sessions
// tomorrow would also make it hold; the headroom is for one). A session is
// hard when rated ≥ hard_rpe, or measured at ≥ 100 × hard_if² LP/h, or
// above the 90th percentile of the 90 days before with at least ten
// sessions: the limit is that percentile, for a session rated and
// measured under the other two.
func (a *Analysis) hardLimit() HardLimit {
	p := a.Params
	out := HardLimit{P90: Missing(), PerHour: HardIntensity(p.HardIF), RPE: p.HardRPE}
	n := len(a.Days)
	out.TodayHard = a.Days[n-1].HardCount > 0
	out.TodayMaybe = a.Days[n-1].MaybeHard > 0
	out.P90 = a.p90Before(a.AsOf + 1)
	if out.off(p, RuleHardDaysClose) {
		return out
	}
	var set []Range
	if out.TodayHard && Known(out.P90) {
		set = []Range{linearSet(1, -out.P90, true)} // L > P90
	}
	out.finish(set, func(x float64) bool { return out.TodayHard && Known(out.P90) && x > out.P90 })
	others := fmt.Sprintf("rated under %s and, if measured, under %s LP/h", text.Num(p.HardRPE), text.Fixed(out.PerHour, 2))
	switch {
	case !out.TodayHard && Known(out.P90):
		out.Why = fmt.Sprintf("no hard session today: one session tomorrow cannot make two hard days in a row; above %s LP (or rated %s or more) it would be hard, and another hard session the day after would",
			down1(out.P90), text.Num(p.HardRPE))
	case !out.TodayHard:
		out.Why = "no hard session today: one session tomorrow cannot make two hard days in a row"
	case !Known(out.P90):
		out.Why = fmt.Sprintf("a hard session today; with fewer than %d sessions in the 90 days before, load alone does not make tomorrow's session hard: keep it %s", hardWindowMin, others)
	default:
		out.Why = fmt.Sprintf("a hard session today: tomorrow's session is not hard up to %s LP (the 90th percentile of the last 90 days), %s", down1(out.P90), others)
	}
	if out.TodayMaybe && !out.TodayHard {
		out.Why += "; today has a session of unknown load and no RPE, which may have been hard"
	}
	return out
}

// p90Before is the 90th percentile of the session loads that make a
// session on day d hard (markHard): known, not work-ins, in the 90 days
// before d; Missing with fewer than ten.
func (a *Analysis) p90Before(d Date) float64 {
	var win []float64
	for i := len(a.Sessions) - 1; i >= 0 && a.Sessions[i].Date >= d-hardWindowDays; i-- {
		if s := &a.Sessions[i]; countsForP90(s) && s.Date < d {
			win = append(win, s.LP)
		}
	}
	if len(win) < hardWindowMin {
		return Missing()
	}
	slices.Sort(win)
	return Percentile90(win)
}

// deloadLimit solves no-deload-week (§9): it holds when deload_weeks
// complete weeks in a row have none lighter. Tomorrow changes the run only
// when it ends a week that lies in the series: the week is then complete
// with load W + L (W its load so far) and lighter when W + L ≤ its limit;
// as it holds the as-of day, in progress, a lighter week stays incomplete
// (the run unchanged) and one above its limit adds one to the run. The
// limit is therefore L > limit − W when the run plus that week reaches
// deload_weeks.
func (a *Analysis) deloadLimit() DeloadLimit {
	p := a.Params
	var wr weekRun
	run, _ := wr.at(a.Weeks, a.AsOf)
	out := DeloadLimit{Run: run, Weeks: p.DeloadWeeks, WeekLoad: Missing(), WeekLimit: Missing()}
	tomorrow := a.AsOf + 1
	w := &a.Weeks[len(a.Weeks)-1] // the week of the as-of day
	if w.Start+6 == tomorrow && w.Start >= a.Start {
		out.EndsWeek, out.WeekLoad = true, w.Load
		var prev []float64
		for i := len(a.Weeks) - 2; i >= 0 && len(prev) < 3; i-- {
			if a.Weeks[i].Complete {
				prev = append(prev, a.Weeks[i].Load)
			}
		}
		if len(prev) > 0 {
			var sum float64
			for i := len(prev) - 1; i >= 0; i-- { // in week order, as markLighter sums
				sum += prev[i]
			}
			out.WeekLimit = p.DeloadRatio * sum / float64(len(prev))
		}
	}
	if out.off(p, RuleNoDeloadWeek) {
		return out
	}
	grows := func(x float64) bool { return out.EndsWeek && !(out.WeekLoad+x <= out.WeekLimit) }
	var set []Range
	switch {
	case out.Run >= p.DeloadWeeks:
		set = []Range{anyLoad}
	case out.EndsWeek && out.Run+1 >= p.DeloadWeeks && Known(out.WeekLimit):
		set = []Range{{Lo: out.WeekLimit - out.WeekLoad, Hi: inf}} // W + L > limit
	case out.EndsWeek && out.Run+1 >= p.DeloadWeeks:
		set = []Range{anyLoad}
	}
	out.finish(set, func(x float64) bool {
		r := out.Run
		if grows(x) {
			r++
		}
		return r >= p.DeloadWeeks
	})
	weeks := text.Plural(out.Run, "complete week", "complete weeks") + " without a lighter one"
	switch {
	case out.Run >= p.DeloadWeeks:
		out.Why = fmt.Sprintf("%s already (limit %d): only a lighter week ends it", weeks, p.DeloadWeeks)
	case !out.EndsWeek:
		out.Why = fmt.Sprintf("%s; tomorrow does not end a week, so its load cannot change the run", weeks)
	case math.IsInf(out.From, 1):
		out.Why = fmt.Sprintf("%s; tomorrow ends the week, and even a week above its limit makes %d, under %d", weeks, out.Run+1, p.DeloadWeeks)
	case !Known(out.WeekLimit):
		out.Why = fmt.Sprintf("%s; tomorrow ends a week that cannot be lighter (no complete week before it), making %d", weeks, out.Run+1)
	default:
		out.Why = fmt.Sprintf("%s; tomorrow ends the week (%s LP so far): above %s LP the week is not lighter (limit %s LP) and makes %d",
			weeks, text.Fixed(out.WeekLoad, 0), down1(out.Max), text.Fixed(out.WeekLimit, 0), out.Run+1)
	}
	return out
}

// RestTomorrow is tomorrow as a rest day against tomorrow as planned, or,
// without a plan, a usual training day.
type RestTomorrow struct {
	Date Date
	Rest Outcome // tomorrow without a session
	// Other is tomorrow as planned (OtherIs "planned": the plan's sessions
	// that day; none: a planned rest day), or one session of the mean load
	// of the training days of the last chronic window (OtherIs "usual");
	// OtherIs is "" when there is neither: Other is then empty.
	Other   Outcome
	OtherIs string
}

// Outcome is tomorrow as it would end, and what follows from it.
type Outcome struct {
	Load     float64 // LP
	Sessions int
	Rest     bool // a rest day
	CTL, ATL float64
	// Form is CTL − ATL at the end of tomorrow: form going into the day
	// after (science reference §4, "form tomorrow").
	Form           float64
	ACWR, Monotony float64
	// Action is the advice for the session after tomorrow: from its load
	// rules, today's event rules (active the day after) and the signs of
	// the body and readiness that held today, carried (no morning reading
	// has cleared them).
	Action  Action
	WorkIn  WorkInKind
	Because string
	// Rules are the rules active tomorrow (Carried those of them carried
	// from today: not projected); Unchecked those that could not be
	// checked.
	Rules, Carried, Unchecked []string
}

// restTomorrow compares tomorrow as a rest day with tomorrow as planned,
// or as a usual training day (of the mean load of the training days of
// the last chronic window, hard when above p90).
func (a *Analysis) restTomorrow(c *nextCalc, p90 float64) RestTomorrow {
	rt := RestTomorrow{Date: a.AsOf + 1, Rest: a.tomorrowAs(nil, c)}
	if p := a.Projection; p != nil && p.ext != nil {
		rt.Other, rt.OtherIs = outcomeOf(p.ext, len(a.Days)), "planned"
		return rt
	}
	n := len(a.Days)
	var sum float64
	k := 0
	for i := max(0, n-a.Params.ACWRChronicDays); i < n-1; i++ {
		if d := &a.Days[i]; !d.Rest && !d.RestOpen {
			sum += d.Load
			k++
		}
	}
	if k == 0 {
		return rt
	}
	w := NewWorkout()
	w.Date, w.Sport, w.TSS = a.AsOf+1, "usual day", sum/float64(k)
	s := Session{Workout: w, Load: Load{LP: w.TSS, Source: SrcGiven}, SportKey: "usual day"}
	s.Planned = true
	if Known(p90) && s.LP > p90 {
		s.Hard, s.HardWhy = true, "p90"
	}
	rt.Other, rt.OtherIs = a.tomorrowAs([]Session{s}, c), "usual"
	return rt
}

// tomorrowAs is tomorrow with sessions ss (none: a rest day), a whole day:
// its load metrics, its load rules evaluated by the registry after the
// analysed days, and the advice that follows. It uses the spare day of
// the series, and puts back what was there.
func (a *Analysis) tomorrowAs(ss []Session, c *nextCalc) Outcome {
	n := len(a.Days)
	all := a.series[:n+1]
	saved := all[n]
	defer func() { all[n] = saved }()
	d := Day{Date: a.AsOf + 1, Recovery: emptyRecovery, Planned: true}
	for i := range ss {
		d.add(&ss[i])
	}
	d.restStatus(a.Params.RestLoadMax)
	c.fill(&d)
	all[n] = d
	x := *a
	x.Days = all
	x.Weeks = a.weeksWith(&d)
	x.Projection, x.Headroom = nil, nil
	x.loadRulesOn(n)
	return outcomeOf(&x, n)
}

// weeksWith is the analysed weeks with tomorrow, d, added: what buildWeeks
// makes over the days and d (without load by sport), from a copy of the
// weeks rather than from the days.
func (a *Analysis) weeksWith(d *Day) []Week {
	ws := make([]Week, len(a.Weeks), len(a.Weeks)+1)
	copy(ws, a.Weeks)
	w := &ws[len(ws)-1]
	if d.Date > w.Start+6 {
		ws = append(ws, Week{Start: w.Start + 7, Limit: Missing()})
		w = &ws[len(ws)-1]
	}
	w.Days++
	w.Load += d.Load
	w.Sessions += d.Sessions
	w.Unknown += d.Unknown
	if d.Rest {
		w.RestDays++
	}
	markLighter(ws, a.Params.DeloadRatio, a.AsOf)
	return ws
}

// loadRulesOn evaluates the load rules on day i (the others: not
// projected), as rules does: their evaluators run from warmFrom(i) to i.
func (a *Analysis) loadRulesOn(i int) { a.loadRulesFrom(a.warmFrom(i), i) }

// warmFrom is the last day before i on which every load rule's evaluator
// can start (Rule.warm) and still give day i's state; 0 at worst.
func (a *Analysis) warmFrom(i int) int {
	warm := func(s int) bool {
		for _, r := range registry {
			if r.load && (r.warm == nil || !r.warm(a, s)) {
				return false
			}
		}
		return true
	}
	s := i - 1
	for s > 0 && !warm(s) {
		s--
	}
	return s
}

// loadRulesFrom runs the load rules' evaluators from day from to day i
// and sets day i's rules.
func (a *Analysis) loadRulesFrom(from, i int) {
	d := &a.Days[i]
	var evals [NumRules]func(int) RuleState
	for k, r := range registry {
		d.Rules[k] = unprojected(k, &a.Days[i-1])
		if r.load {
			evals[k] = r.eval(a)
		}
	}
	for j := from; j <= i; j++ {
		for k, r := range registry {
			if r.load {
				if st := evals[k](j); j == i {
					d.Rules[k] = st
				}
			}
		}
	}
	for k, r := range registry {
		switch {
		case r.load && len(a.Sessions) == 0:
			d.Rules[k] = RuleState{Unknown: true, Value: Missing(), Threshold: d.Rules[k].Threshold}
		case a.Params.Off[r.Name]:
			d.Rules[k] = RuleState{Value: d.Rules[k].Value, Threshold: d.Rules[k].Threshold}
		}
	}
}

// outcomeOf describes day i of a and the advice after it.
func outcomeOf(a *Analysis, i int) Outcome {
	d := &a.Days[i]
	act, because, on := a.decide(i, true)
	o := Outcome{Load: d.Load, Sessions: d.Sessions, Rest: d.Rest, CTL: d.CTL, ATL: d.ATL, Form: d.CTL - d.ATL,
		ACWR: d.ACWR, Monotony: d.Monotony, Action: act, Because: because}
	if act == WorkIn {
		o.WorkIn = a.workInKind(i, on)
	}
	for _, k := range evidenceOrder(on) {
		o.Rules = append(o.Rules, registry[k].Name)
		if d.Rules[k].Carried {
			o.Carried = append(o.Carried, registry[k].Name)
		}
	}
	for k, r := range registry {
		if d.Rules[k].Unknown {
			o.Unchecked = append(o.Unchecked, r.Name)
		}
	}
	return o
}

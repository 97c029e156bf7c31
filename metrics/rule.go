package metrics

import (
	"math"
	"strconv"

	"github.com/workin/workin/internal/text"
)

// The rule registry. Each rule is one warning workin checks every day, and
// everything about it lives in its definition (rule_*.go): its name, how
// it is evaluated day by day, when it is an alert, what advice it calls
// for, the words of its evidence, what clears it, how its measure is shown,
// the unit of its value, the charts that shade its runs and the line of the
// Methods table. The rule names list, the rules a profile may switch off,
// the JSON schema's enum, the chart spans and the Methods table are all
// derived from it or checked against it by a test; docs/rules.md says how
// to add one.

// The rules in report order: their index is their place in Day.Rules. A
// new rule needs a constant here and an entry in registry.
const (
	iHRVLow = iota
	iRHRHigh
	iSoreness
	iEffortDrift
	iReadinessLow
	iNoRestDay
	iHardPoorReadiness
	iHardDaysClose
	iLoadSpike
	iMonotonyHigh
	iNoDeload
	NumRules
)

// registry holds every rule by index. It is filled by init: the rules'
// functions read it (an event rule's state from the day before, the rule
// that a rest pairs with), which a variable's initialiser may not.
var registry [NumRules]*Rule

func init() {
	registry = [NumRules]*Rule{
		iHRVLow:            &hrvLow,
		iRHRHigh:           &rhrHigh,
		iSoreness:          &sorenessPersistent,
		iEffortDrift:       &effortDriftRule,
		iReadinessLow:      &readinessLow,
		iNoRestDay:         &noRestDay,
		iHardPoorReadiness: &hardOnPoorReadiness,
		iHardDaysClose:     &hardDaysClose,
		iLoadSpike:         &loadSpike,
		iMonotonyHigh:      &monotonyHigh,
		iNoDeload:          &noDeloadWeek,
	}
}

// Rule is the definition of one rule. Its exported fields describe it;
// its methods give the words the report shows.
type Rule struct {
	Name string // as in the report, the JSON and a profile's `off:`
	// Unit is the unit of the rule's value and threshold in the evidence
	// ("days", "bpm", "ln(ms)").
	Unit string
	// Charts are the kinds of chart that shade the days the rule held.
	Charts []string

	// basis says where the threshold comes from, for Methods.
	basis  func(p Params) string
	body   bool   // the body's own signs: work-in, and rest with two other rules
	load   bool   // reads training load: not checked without any workout
	event  bool   // about one day's event: active the day after too
	urgent bool   // can call for rest: listed first in the evidence
	advice Action // the advice it calls for on its own: WorkIn or Easy
	rank   int    // among the work-in rules that are not body rules, which names the reason first

	// eval returns the rule's evaluator for one athlete: called for every
	// day in order, with the rules before it in registry already set for
	// that day.
	eval func(a *Analysis) func(i int) RuleState
	// warm reports whether the evaluator, started on day s instead of the
	// first, gives the states of a whole run from day s+1 on: its running
	// state keeps nothing from before s (a rest day ends a streak). It
	// lets tomorrow's alternatives be evaluated from the last such day; nil
	// means from the first day. Load rules only.
	warm func(a *Analysis, s int) bool
	// cleared reports whether today's own data clears the rule on the
	// unfinished as-of day (a morning reading back to normal); a rule
	// without it is carried from the last complete day until the day is
	// over. nil with noCarry: the rule carries itself (a streak) or is an
	// event rule.
	cleared func(d *Day) bool
	noCarry bool
	// alert reports whether the rule is at alert level on day i.
	alert func(a *Analysis, i int) bool
	// rest is a reason for rest of the rule's own on day i ("" when none),
	// given the rules active that day (by value: it does not escape).
	rest func(a *Analysis, i int, act [NumRules]bool) string
	// workIn is the kind of work-in the rule asks for on day d (NoWorkIn:
	// no preference).
	workIn func(d *Day) WorkInKind
	// detail describes a run of the rule from day i to day j in a coach's
	// words, and the first day of what it describes.
	detail func(a *Analysis, i, j int) (string, Date)
	// phrase names the rule in a reason ("acute:chronic 1.62, above 1.5").
	phrase func(st RuleState) string
	// unchecked says why the rule could not be checked on day i.
	unchecked func(a *Analysis, i int) string
	// holds is the Methods table's "holds when", with the thresholds in use.
	holds func(p Params) string
	// clears says what would end the rule, for the advice card.
	clears func(p Params, d *Day) string
	// measure shows an evidence item's value against its threshold.
	measure func(e Evidence) string
}

// Rules returns the definitions of every rule, in report order.
func Rules() []Rule {
	out := make([]Rule, NumRules)
	for k, r := range registry {
		out[k] = *r
	}
	return out
}

// RuleNames lists every rule name in report order.
func RuleNames() []string {
	out := make([]string, NumRules)
	for k, r := range registry {
		out[k] = r.Name
	}
	return out
}

// IsRule reports whether name is a rule name.
func IsRule(name string) bool { return ruleIndex(name) >= 0 }

// RuleByName returns the definition of the rule named name.
func RuleByName(name string) (Rule, bool) {
	if k := ruleIndex(name); k >= 0 {
		return *registry[k], true
	}
	return Rule{}, false
}

func ruleIndex(name string) int {
	for k, r := range registry {
		if r.Name == name {
			return k
		}
	}
	return -1
}

// Holds is the Methods table's "holds when" for the rule, with the
// thresholds in p.
func (r Rule) Holds(p Params) string { return r.holds(p) }

// Basis says where the rule's threshold comes from, for Methods.
func (r Rule) Basis(p Params) string { return r.basis(p) }

// anyDay is warm for an evaluator whose state is at most the day before's.
func anyDay(*Analysis, int) bool { return true }

// basisText is a basis that does not depend on the thresholds.
func basisText(s string) func(Params) string { return func(Params) string { return s } }

// Clears says what would end the rule, given the thresholds in p and the
// day d it is active on.
func (r Rule) Clears(p Params, d *Day) string { return r.clears(p, d) }

// Measure shows an evidence item of the rule: its value against its
// threshold, with the unit ("15 ≥ 7 days", "63.6 < 63.9 ms").
func (r Rule) Measure(e Evidence) string { return r.measure(e) }

// Event reports whether the rule is about one day's event, active the day
// after too.
func (r Rule) Event() bool { return r.event }

// Projected reports whether the rule is evaluated on projected days: the
// rules that read training load. The others read check-ins (readiness,
// the body's signs), which a planned day does not have.
func (r Rule) Projected() bool { return r.load }

// RuleState is one rule on one day: whether its condition holds, the
// measured value and the threshold it was compared with.
type RuleState struct {
	Holds bool
	// Unknown is set when the rule does not hold on what is known but
	// could hold on what is not: sessions of unknown load in its window.
	// It is "could not be checked", never a pass.
	Unknown bool
	// Carried is set on the as-of day, which is not over, when the rule
	// held on the last complete day and nothing known today clears it:
	// Value and Threshold are that day's (Day.Date − 1).
	Carried          bool
	Value, Threshold float64
}

// Flag is a rule firing: a maximal run of days on which it held, dated on
// its last day.
type Flag struct {
	Rule      string
	From, To  Date
	Severity  string // "alert" or "warn"
	Value     float64
	Threshold float64
	// the run it describes, for Detail
	a       *Analysis
	k, i, j int32
}

// Detail describes the flag's run in a coach's words. It is written when
// asked: a long history has thousands of flags and a report shows few.
func (f Flag) Detail() string {
	if f.a == nil {
		return ""
	}
	d, _ := f.a.detail(int(f.k), int(f.i), int(f.j))
	return d
}

// Severities of a flag.
const (
	Warn  = "warn"
	Alert = "alert"
)

// rules evaluates every rule on every day, then collects flags. With a
// projection, the load rules go on over the projected days (the same
// evaluators, so a streak or a run of weeks carries on into the plan);
// the other rules read check-ins, which planned days do not have, and are
// not projected.
func (a *Analysis) rules() {
	days, x := a.Days, a
	if p := a.Projection; p != nil {
		days, x = a.series[:len(a.Days)+len(p.Days)], a.extended()
		p.ext = x
	}
	var evals [NumRules]func(int) RuleState
	var off [NumRules]bool
	for k, r := range registry {
		if r.load {
			evals[k] = r.eval(x)
		} else {
			evals[k] = r.eval(a)
		}
		off[k] = a.Params.Off[r.Name]
	}
	noLoad := len(a.Sessions) == 0 // check-ins only: nothing says what the load was
	for i := range days {
		d := &days[i]
		for k, r := range registry {
			if d.Planned && !r.load {
				d.Rules[k] = unprojected(k, &days[len(a.Days)-1])
				continue
			}
			d.Rules[k] = evals[k](i)
		}
		if noLoad {
			for k, r := range registry {
				if r.load {
					d.Rules[k] = RuleState{Unknown: true, Value: Missing(), Threshold: d.Rules[k].Threshold}
				}
			}
		}
		if d.InProgress && i > 0 {
			a.carry(i)
		}
		for k := range d.Rules {
			if off[k] {
				d.Rules[k] = RuleState{Value: d.Rules[k].Value, Threshold: d.Rules[k].Threshold}
			}
		}
	}
	a.Flags = a.collectFlags()
}

// notProjected is the state of a rule that is not evaluated on a projected
// day: it reads check-ins, and a planned day has none.
var notProjected = RuleState{Value: math.NaN(), Threshold: math.NaN()}

// unprojected is rule k (not a load rule) on a projected day: not
// evaluated, for a planned day has no check-in; what held on the as-of
// day stays, carried, as over the as-of day itself, since no morning
// reading has cleared it (an event rule is active the day after anyway).
func unprojected(k int, asOf *Day) RuleState {
	if st := asOf.Rules[k]; st.Holds && !registry[k].noCarry {
		st.Carried = true
		return st
	}
	return notProjected
}

// carry keeps, on the as-of day i (not over), the rules that held on the
// last complete day and that nothing known today clears: load cannot fall
// by training more, a streak cannot end before the day does, and a body
// sign stays until a morning reading says otherwise. Event rules
// (hard-days-close, hard-on-poor-readiness) stay active a day anyway.
func (a *Analysis) carry(i int) {
	d, y := &a.Days[i], &a.Days[i-1]
	for k, r := range registry {
		if r.noCarry || d.Rules[k].Holds || !y.Rules[k].Holds || r.cleared != nil && r.cleared(d) {
			continue
		}
		d.Rules[k] = y.Rules[k]
		d.Rules[k].Carried = true
	}
}

// collectFlags turns runs of holding days into flags.
func (a *Analysis) collectFlags() []Flag {
	var flags []Flag
	for k, r := range registry {
		for i := 0; i < len(a.Days); i++ {
			if !a.Days[i].Rules[k].Holds {
				continue
			}
			j := i
			alert := false
			for ; j < len(a.Days) && a.Days[j].Rules[k].Holds; j++ {
				alert = alert || r.alert != nil && r.alert(a, j)
			}
			last := a.Days[j-1].Rules[k]
			f := Flag{Rule: r.Name, From: a.Days[i].Date, To: a.Days[j-1].Date, Severity: Warn,
				Value: last.Value, Threshold: last.Threshold, a: a, k: int32(k), i: int32(i), j: int32(j - 1)}
			if alert {
				f.Severity = Alert
			}
			flags = append(flags, f)
			i = j
		}
	}
	return flags
}

// detail describes rule k's run from day i to day j, and the first day of
// what it describes: the text and the date always agree.
func (a *Analysis) detail(k, i, j int) (string, Date) { return registry[k].detail(a, i, j) }

// runSpan is the run of rule k from day i to day j as dates, the last
// complete day standing for an as-of day that carries it, and "; today is
// not over" when the run reaches the unfinished day.
func (a *Analysis) runSpan(k, i, j int) (from, to Date, today string) {
	from, to = a.Days[i].Date, a.Days[j].Date
	if a.Days[j].Rules[k].Carried {
		to = a.Days[j].Date - 1
	}
	if a.Days[j].InProgress {
		today = "; today is not over"
	}
	return from, to, today
}

// dayOf returns the series day of date d.
func (a *Analysis) dayOf(d Date) *Day { return &a.Days[d-a.Start] }

// runOf extends a run of days on which a sign showed, or ends it.
func runOf(run int, sign bool) int {
	if sign {
		return run + 1
	}
	return 0
}

// unknownIn counts the sessions of unknown load in the days window
// ending on day i.
func (a *Analysis) unknownIn(i, days int) int {
	n := 0
	for j := max(0, i-days+1); j <= i; j++ {
		n += a.Days[j].Unknown
	}
	return n
}

// acuteWindow is the window in which a session of unknown load leaves the
// load ratios unchecked.
func acuteWindow(p Params) int { return max(p.ACWRAcuteDays, 7) }

// unknownLoadWhy is the common reason a load rule could not be checked.
func (a *Analysis) unknownLoadWhy(i int) string {
	w := acuteWindow(a.Params)
	return text.Plural(a.unknownIn(i, w), "session", "sessions") + " of unknown load in the last " + strconv.Itoa(w) + " days"
}

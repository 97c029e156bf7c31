package metrics

import (
	"fmt"
	"slices"

	"github.com/workin/workin/internal/text"
)

// Action is what the next session should be, in order of severity.
type Action uint8

// The actions, least severe first. Unknown is no advice: nothing known
// holds, but some rules could not be checked (sessions of unknown load),
// so the data cannot say "go".
const (
	Go Action = iota
	Unknown
	Easy
	WorkIn
	Rest
	NumActions
)

var actionNames = [NumActions]string{"go", "unknown", "easy", "work-in", "rest"}

func (a Action) String() string { return actionNames[a] }

// ParseAction reads an action name.
func ParseAction(s string) (Action, bool) {
	for i, n := range actionNames {
		if n == s {
			return Action(i), true
		}
	}
	return 0, false
}

// WorkInKind is the kind of work-in, chosen from the signals (science
// reference §10).
type WorkInKind uint8

// The kinds of work-in; NoWorkIn when the advice is not a work-in.
const (
	NoWorkIn WorkInKind = iota
	Breathwork
	Stretching
	Mobility
	Flow
)

var workInNames = [...]string{"", "breathwork", "stretching", "mobility", "flow"}

// String returns the kind's name ("breathwork"), or "" for NoWorkIn.
func (k WorkInKind) String() string {
	if int(k) < len(workInNames) {
		return workInNames[k]
	}
	return ""
}

// Evidence is one reason behind a recommendation: a rule active on the day
// (or readiness itself), its value and threshold, and when it began.
type Evidence struct {
	Rule string // a rule name, or "readiness"
	// Date is the day Value was measured: the recommendation's day, or
	// the day before for an event rule active from yesterday and for a
	// rule carried over the as-of day (Carried).
	Date Date
	// Since is the first day of what Detail describes: the first day
	// without rest, the first sore morning, the first morning of low HRV,
	// or the first day the rule held.
	Since     Date
	Value     float64 // measured
	Threshold float64 // compared with
	Severity  string
	Detail    string
	Carried   bool // held on the last complete day; today is not over
	// Notes are the check-in notes dated Since…Date (the latest few): they
	// may explain the rule ("travel", "sick").
	Notes []DayNote
}

// Unchecked is a rule that could not be checked on the day, and why.
type Unchecked struct {
	Rule   string
	Reason string
}

// Recommendation is the advice for the session after a day, from data up
// to and including it.
type Recommendation struct {
	Date      Date
	Action    Action
	WorkIn    WorkInKind // the kind of work-in when Action is WorkIn
	Because   string     // which row of the decision table matched, in words
	Evidence  []Evidence
	Readiness float64
	// LoadOnly is set when the day had no check-in: the advice rests on
	// training load alone.
	LoadOnly bool
	// InProgress is set when the day is not over (the as-of day): the
	// advice is for the next session given everything known so far.
	InProgress bool
	// Unchecked lists the rules that could not be checked: the advice
	// rests on the others.
	Unchecked []Unchecked
	// Sessions counts the non-work-in sessions of the last chronic window
	// (28 days by default); UnknownLoad how many of them have no load.
	Sessions, UnknownLoad int
}

// maxEvidenceNotes bounds the notes shown with one piece of evidence.
const maxEvidenceNotes = 3

// active returns the rules active on day i: holding that day, or an event
// rule (hard-days-close, hard-on-poor-readiness) that held the day before.
func (a *Analysis) active(i int) [NumRules]bool {
	var act [NumRules]bool
	for k, r := range registry {
		act[k] = a.Days[i].Rules[k].Holds || r.event && i > 0 && a.Days[i-1].Rules[k].Holds
	}
	return act
}

// stateOf returns the state of rule k behind day i's advice: the day's, or
// the day before's for an event rule active from yesterday.
func (a *Analysis) stateOf(k, i int) (RuleState, int) {
	if !a.Days[i].Rules[k].Holds && registry[k].event && i > 0 && a.Days[i-1].Rules[k].Holds {
		return a.Days[i-1].Rules[k], i - 1
	}
	return a.Days[i].Rules[k], i
}

// decide applies the decision table to day i; the first matching row wins.
//
//	rest     a rule's own reason for rest (hrv-low with rhr-high; no rest for
//	         no_rest_alert_days); or readiness < readiness_rest; or three or
//	         more active rules including a body rule
//	work-in  a body rule (hrv-low, rhr-high, soreness-persistent,
//	         effort-drift); or another work-in rule (no-rest-day,
//	         hard-on-poor-readiness, readiness-low, in that order)
//	easy     an easy rule (hard-days-close, load-spike, monotony-high,
//	         no-deload-week)
//	unknown  nothing active, but a rule could not be checked
//	go       nothing active, every rule checked
//
// The reason names the rules that matched.
func (a *Analysis) decide(i int, explain bool) (Action, string, [NumRules]bool) {
	d := &a.Days[i]
	p := a.Params
	act := a.active(i)
	n := 0
	var body, easy, names []int
	workIn := -1
	for k, on := range act {
		if !on {
			continue
		}
		n++
		names = append(names, k)
		r := registry[k]
		switch {
		case r.body:
			body = append(body, k)
		case r.advice == Easy:
			easy = append(easy, k)
		case r.advice == WorkIn && (workIn < 0 || r.rank < registry[workIn].rank):
			workIn = k
		}
	}
	rest := func(exclude int) string {
		for _, k := range names {
			if r := registry[k]; r.rest != nil && k != exclude {
				if why := r.rest(a, i, act); why != "" {
					return why
				}
			}
		}
		return ""
	}
	if why := rest(iNoRestDay); why != "" { // a pair of body signs first
		return Rest, why, act
	}
	if r := d.Readiness; Known(r) && r < p.ReadinessRest {
		if !explain {
			return Rest, "", act
		}
		return Rest, fmt.Sprintf("readiness %.0f/100, under %.0f", r, p.ReadinessRest), act
	}
	if n >= 3 && len(body) > 0 {
		if !explain {
			return Rest, "", act
		}
		ws := make([]string, len(names))
		for j, k := range names {
			ws[j] = registry[k].Name
		}
		return Rest, fmt.Sprintf("%d warning signs at once, including the body's own (%s)", n, text.JoinAnd(ws)), act
	}
	if why := rest(-1); why != "" {
		return Rest, why, act
	}
	switch {
	case !explain && len(body)+len(easy) > 0 || !explain && workIn >= 0:
		if len(body) > 0 || workIn >= 0 {
			return WorkIn, "", act
		}
		return Easy, "", act
	case len(body) > 0:
		return WorkIn, "the body shows fatigue: " + a.phrases(body, i), act
	case workIn >= 0:
		return WorkIn, a.phrases([]int{workIn}, i), act
	case len(easy) > 0:
		return Easy, a.phrases(easy, i), act
	}
	var unknown []string
	for k, r := range registry {
		if d.Rules[k].Unknown {
			if !explain {
				return Unknown, "", act
			}
			unknown = append(unknown, r.Name)
		}
	}
	if len(unknown) > 0 {
		return Unknown, "no warning sign in what is known, but " + text.JoinAnd(unknown) + " could not be checked", act
	}
	return Go, "no warning sign", act
}

// phrases names rules in a coach's words with their values on day i.
func (a *Analysis) phrases(ks []int, i int) string {
	out := make([]string, len(ks))
	for j, k := range ks {
		st, _ := a.stateOf(k, i)
		out[j] = registry[k].phrase(st)
	}
	return text.JoinAnd(out)
}

// workInKind picks the work-in from the signals: a rule's own kind
// (breathwork for HRV and resting HR, stretching or mobility for
// persistent soreness), breathwork for stress of 7 or more, else an easy
// flow while the load settles. Breathwork comes first.
func (a *Analysis) workInKind(i int, act [NumRules]bool) WorkInKind {
	d := &a.Days[i]
	kind := NoWorkIn
	for k, on := range act {
		if r := registry[k]; on && r.workIn != nil {
			if w := r.workIn(d); w == Breathwork || kind == NoWorkIn {
				kind = w
			}
		}
	}
	if kind == Breathwork || Known(d.Stress) && d.Stress >= 7 {
		return Breathwork
	}
	if kind != NoWorkIn {
		return kind
	}
	return Flow
}

// recommend decides every day (the history) and builds the as-of
// recommendation with its evidence.
func (a *Analysis) recommend() {
	for i := range a.Days {
		act, _, on := a.decide(i, false)
		a.Days[i].Action = act
		if act == WorkIn {
			a.Days[i].WorkInKind = a.workInKind(i, on)
		}
	}
	a.Recommendation = a.RecommendationOn(len(a.Days) - 1)
}

// RecommendationOn builds the full recommendation for day i.
func (a *Analysis) RecommendationOn(i int) Recommendation {
	d := &a.Days[i]
	act, because, on := a.decide(i, true)
	rec := Recommendation{Date: d.Date, Action: act, Because: because, Readiness: d.Readiness,
		LoadOnly: d.Checkins == 0, InProgress: d.InProgress}
	if act == WorkIn {
		rec.WorkIn = a.workInKind(i, on)
	}
	for _, k := range evidenceOrder(on) {
		st, j := a.stateOf(k, i)
		from := j
		for from > 0 && a.Days[from-1].Rules[k].Holds {
			from--
		}
		sev := Warn
		if r := registry[k]; r.alert != nil && r.alert(a, j) {
			sev = Alert
		}
		words, since := a.detail(k, from, j)
		rec.Evidence = append(rec.Evidence, Evidence{Rule: registry[k].Name, Date: a.valueDate(k, j), Since: since,
			Value: st.Value, Threshold: st.Threshold, Severity: sev, Detail: words, Carried: st.Carried,
			Notes: a.lastNotes(since, d.Date)})
	}
	p := a.Params
	if Known(d.Readiness) && d.Readiness < p.ReadinessRest { // decide made it rest
		rec.Evidence = append(rec.Evidence, Evidence{Rule: "readiness", Date: d.Date, Since: d.Date, Value: d.Readiness,
			Threshold: p.ReadinessRest, Severity: Alert, Detail: fmt.Sprintf("readiness %.0f/100, under %.0f", d.Readiness, p.ReadinessRest),
			Notes: a.lastNotes(d.Date, d.Date)})
	}
	for k, r := range registry {
		if d.Rules[k].Unknown {
			rec.Unchecked = append(rec.Unchecked, Unchecked{Rule: r.Name, Reason: a.uncheckedWhy(k, i)})
		}
	}
	from := d.Date.AddDays(1 - p.ACWRChronicDays)
	for s := len(a.Sessions) - 1; s >= 0 && a.Sessions[s].Date >= from; s-- {
		if ss := &a.Sessions[s]; !ss.WorkIn && ss.Date <= d.Date {
			rec.Sessions++
			if ss.Source == SrcNone {
				rec.UnknownLoad++
			}
		}
	}
	return rec
}

// valueDate is the day rule k's value on day j was measured: the last
// complete day for a rule carried over the as-of day.
func (a *Analysis) valueDate(k, j int) Date {
	if a.Days[j].Rules[k].Carried {
		return a.Days[j].Date - 1
	}
	return a.Days[j].Date
}

// lastNotes returns the latest check-in notes dated from…to.
func (a *Analysis) lastNotes(from, to Date) []DayNote {
	ns := a.NotesIn(from, to)
	if len(ns) > maxEvidenceNotes {
		ns = ns[len(ns)-maxEvidenceNotes:]
	}
	return slices.Clone(ns)
}

// uncheckedWhy says why rule k could not be checked on day i.
func (a *Analysis) uncheckedWhy(k, i int) string {
	if len(a.Sessions) == 0 {
		return "no workouts in the data"
	}
	return registry[k].unchecked(a, i)
}

// evidenceOrder lists the active rules, the ones that can call for rest
// first, then the others, each in report order.
func evidenceOrder(on [NumRules]bool) []int {
	var first, rest []int
	for k, a := range on {
		if !a {
			continue
		}
		if registry[k].urgent {
			first = append(first, k)
		} else {
			rest = append(rest, k)
		}
	}
	return append(first, rest...)
}

// Measure shows the evidence's value against its threshold, with the unit
// ("15 ≥ 7 days"); readiness deciding rest on its own reads "22/100 < 25".
func (e Evidence) Measure() string {
	if r, ok := RuleByName(e.Rule); ok {
		return r.measure(e)
	}
	return readinessMeasure(e)
}

// Unit is the unit of the evidence's value and threshold.
func (e Evidence) Unit() string {
	if r, ok := RuleByName(e.Rule); ok {
		return r.Unit
	}
	return readinessLow.Unit
}

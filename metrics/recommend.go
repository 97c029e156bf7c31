package metrics

import "fmt"

// Action is what the next session should be, in order of severity.
type Action uint8

// The actions, least severe first.
const (
	Go Action = iota
	Easy
	WorkIn
	Rest
)

var actionNames = [...]string{"go", "easy", "work-in", "rest"}

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
	Rule      string  // a rule name, or "readiness"
	Date      Date    // the day the evidence is about
	Since     Date    // the first day of the rule's current run
	Value     float64 // measured
	Threshold float64 // compared with
	Severity  string
	Detail    string
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
}

// active returns the rules active on day i: holding that day, or an event
// rule (hard-days-close, hard-on-poor-readiness) that held the day before.
func (a *Analysis) active(i int) [NumRules]bool {
	var act [NumRules]bool
	for k := 0; k < NumRules; k++ {
		act[k] = a.Days[i].Rules[k].Holds || eventRule(k) && i > 0 && a.Days[i-1].Rules[k].Holds
	}
	return act
}

// decide applies the decision table to day i; the first matching row wins.
//
//	rest     hrv-low and rhr-high; or readiness < readiness_rest; or three or
//	         more active rules including a body rule; or no rest for
//	         no_rest_alert_days
//	work-in  a body rule (hrv-low, rhr-high, soreness-persistent,
//	         effort-drift); or no-rest-day; or hard-on-poor-readiness; or
//	         readiness-low
//	easy     load-spike, monotony-high, hard-days-close or no-deload-week
//	go       nothing active
func (a *Analysis) decide(i int) (Action, string, [NumRules]bool) {
	d := &a.Days[i]
	p := a.Params
	act := a.active(i)
	n, body := 0, false
	for k, on := range act {
		if on {
			n++
			body = body || bodyRule(k)
		}
	}
	r := d.Readiness
	switch {
	case act[iHRVLow] && act[iRHRHigh]:
		return Rest, "HRV low and resting HR high together", act
	case Known(r) && r < p.ReadinessRest:
		return Rest, fmt.Sprintf("readiness %.0f, under %.0f", r, p.ReadinessRest), act
	case n >= 3 && body:
		return Rest, fmt.Sprintf("%d warning signs at once, including the body's own", n), act
	case act[iNoRestDay] && d.Rules[iNoRestDay].Value >= float64(p.NoRestAlertDays):
		return Rest, fmt.Sprintf("%.0f days without rest", d.Rules[iNoRestDay].Value), act
	case body:
		return WorkIn, "the body shows fatigue", act
	case act[iNoRestDay]:
		return WorkIn, "too long without a rest day", act
	case act[iHardPoorReadiness]:
		return WorkIn, "hard training on a poor-readiness day", act
	case act[iReadinessLow]:
		return WorkIn, fmt.Sprintf("readiness %.0f, under %.0f", r, p.ReadinessLow), act
	case act[iLoadSpike] || act[iMonotonyHigh] || act[iHardDaysClose] || act[iNoDeload]:
		return Easy, "load is climbing faster than recovery", act
	}
	return Go, "no warning sign", act
}

// workInKind picks the work-in from the signals: nervous-system and stress
// signs call for breathwork, persistent soreness for stretching (very sore)
// or mobility, accumulated load for an easy flow.
func (a *Analysis) workInKind(i int, act [NumRules]bool) WorkInKind {
	d := &a.Days[i]
	switch {
	case act[iHRVLow] || act[iRHRHigh] || Known(d.Stress) && d.Stress >= 7:
		return Breathwork
	case act[iSoreness] && Known(d.Soreness) && d.Soreness >= 8:
		return Stretching
	case act[iSoreness]:
		return Mobility
	}
	return Flow
}

// recommend decides every day (the history) and builds the as-of
// recommendation with its evidence.
func (a *Analysis) recommend() {
	for i := range a.Days {
		act, _, on := a.decide(i)
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
	act, because, on := a.decide(i)
	rec := Recommendation{Date: d.Date, Action: act, Because: because, Readiness: d.Readiness, LoadOnly: d.Checkins == 0}
	if act == WorkIn {
		rec.WorkIn = a.workInKind(i, on)
	}
	for _, k := range evidenceOrder(on) {
		j := i
		if !d.Rules[k].Holds { // an event rule active from yesterday
			j = i - 1
		}
		from := j
		for from > 0 && a.Days[from-1].Rules[k].Holds {
			from--
		}
		st := a.Days[j].Rules[k]
		sev := Warn
		if a.alert(k, j) {
			sev = Alert
		}
		rec.Evidence = append(rec.Evidence, Evidence{Rule: RuleNames[k], Date: a.Days[j].Date, Since: a.Days[from].Date,
			Value: st.Value, Threshold: st.Threshold, Severity: sev, Detail: a.detail(k, from, j)})
	}
	p := a.Params
	if Known(d.Readiness) && d.Readiness < p.ReadinessRest { // decide made it rest
		rec.Evidence = append(rec.Evidence, Evidence{Rule: "readiness", Date: d.Date, Since: d.Date, Value: d.Readiness,
			Threshold: p.ReadinessRest, Severity: Alert, Detail: fmt.Sprintf("readiness %.0f, under %.0f", d.Readiness, p.ReadinessRest)})
	}
	return rec
}

// evidenceOrder lists the active rules, the ones that can trigger rest
// first, then the rest in RuleNames order.
func evidenceOrder(on [NumRules]bool) []int {
	var first, rest []int
	for k, a := range on {
		if !a {
			continue
		}
		if bodyRule(k) || k == iNoRestDay || k == iReadinessLow {
			first = append(first, k)
		} else {
			rest = append(rest, k)
		}
	}
	return append(first, rest...)
}

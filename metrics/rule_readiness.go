package metrics

import (
	"fmt"

	"github.com/workin/workin/internal/text"
)

// readiness-low: readiness under readiness_low (an alert under
// readiness_rest, where readiness alone means rest).
var readinessLow = Rule{
	Name: RuleReadinessLow, Unit: "readiness (0-100)", Charts: []string{"readiness"}, basis: func(p Params) string {
		return "below " + text.Fixed(p.ReadinessRest, 0) + " it is an alert and means rest"
	},
	urgent: true, advice: WorkIn, rank: 3,
	eval: func(a *Analysis) func(int) RuleState {
		return func(i int) RuleState {
			d, t := &a.Days[i], a.Params.ReadinessLow
			return RuleState{Holds: Known(d.Readiness) && d.Readiness < t, Value: d.Readiness, Threshold: t}
		}
	},
	cleared: func(d *Day) bool { return Known(d.Readiness) },
	alert:   readinessAlert,
	detail: func(a *Analysis, i, j int) (string, Date) {
		from, to, _ := a.runSpan(iReadinessLow, i, j)
		r := a.Days[j].Rules[iReadinessLow]
		return fmt.Sprintf("readiness %.0f/100, under %.0f (%s)", r.Value, r.Threshold, Span(from, to, " to ")), from
	},
	phrase: func(st RuleState) string {
		return fmt.Sprintf("readiness %.0f/100, under %.0f", st.Value, st.Threshold)
	},
	holds:   func(p Params) string { return "readiness < " + text.Fixed(p.ReadinessLow, 0) },
	clears:  readinessClears,
	measure: readinessMeasure,
}

// hard-on-poor-readiness: a hard session on a day of readiness under
// readiness_low; an event, active the day after too.
var hardOnPoorReadiness = Rule{
	Name: RuleHardOnPoorReadiness, Unit: "readiness (0-100)", Charts: []string{"daily", "readiness"}, basis: basisText("active the day after too"),
	event: true, noCarry: true, advice: WorkIn, rank: 2,
	eval: func(a *Analysis) func(int) RuleState {
		return func(i int) RuleState {
			d := &a.Days[i]
			return RuleState{Holds: d.HardCount > 0 && d.Rules[iReadinessLow].Holds, Value: d.Readiness, Threshold: a.Params.ReadinessLow}
		}
	},
	alert: readinessAlert,
	detail: func(a *Analysis, i, j int) (string, Date) {
		from, to, _ := a.runSpan(iHardPoorReadiness, i, j)
		r := a.Days[j].Rules[iHardPoorReadiness]
		return fmt.Sprintf("a hard session on a day of readiness %.0f/100, under %.0f (%s)", r.Value, r.Threshold, Span(from, to, " to ")), from
	},
	phrase: func(st RuleState) string {
		return fmt.Sprintf("a hard session on a day of readiness under %.0f", st.Threshold)
	},
	holds: func(p Params) string {
		return "a hard session on a day of readiness < " + text.Fixed(p.ReadinessLow, 0)
	},
	clears:  readinessClears,
	measure: readinessMeasure,
}

// readinessAlert: readiness under readiness_rest.
func readinessAlert(a *Analysis, i int) bool {
	d := &a.Days[i]
	return Known(d.Readiness) && d.Readiness < a.Params.ReadinessRest
}

func readinessClears(p Params, _ *Day) string {
	return fmt.Sprintf("readiness back to %s or more", text.Fixed(p.ReadinessLow, 0))
}

func readinessMeasure(e Evidence) string {
	v, t := text.Apart(e.Value, e.Threshold, 0)
	return fmt.Sprintf("%s/100 < %s", v, t)
}

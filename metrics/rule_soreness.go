package metrics

import (
	"fmt"

	"github.com/workin/workin/internal/text"
)

// soreness-persistent: soreness at or above soreness_min on soreness_days
// mornings running: ordinary muscle soreness clears within 5–7 days.
var sorenessPersistent = Rule{
	Name: RuleSorenessPersistent, Unit: "mornings", Charts: []string{"wellness"}, basis: basisText("DOMS clears in 5–7 days (Cheung et al. 2003)"),
	body: true, urgent: true, advice: WorkIn,
	eval: func(a *Analysis) func(int) RuleState {
		run := 0
		return func(i int) RuleState {
			d, p := &a.Days[i], a.Params
			run = runOf(run, Known(d.Soreness) && d.Soreness >= p.SorenessMin)
			return RuleState{Holds: run >= p.SorenessDays, Value: float64(run), Threshold: float64(p.SorenessDays)}
		}
	},
	cleared: func(d *Day) bool { return Known(d.Soreness) },
	workIn: func(d *Day) WorkInKind {
		if Known(d.Soreness) && d.Soreness >= 8 {
			return Stretching
		}
		return Mobility
	},
	detail: func(a *Analysis, i, j int) (string, Date) {
		_, to, _ := a.runSpan(iSoreness, i, j)
		r := a.Days[j].Rules[iSoreness]
		since := to.AddDays(1 - int(r.Value))
		return fmt.Sprintf("soreness %s/10 or more for %.0f mornings in a row since %s (latest %s/10)", text.Num(a.Params.SorenessMin), r.Value,
			since, text.Num(a.dayOf(to).Soreness)), since
	},
	phrase: func(st RuleState) string { return fmt.Sprintf("soreness for %.0f mornings running", st.Value) },
	holds: func(p Params) string {
		return fmt.Sprintf("soreness ≥ %s on %d mornings running", text.Fixed(p.SorenessMin, 0), p.SorenessDays)
	},
	clears: func(p Params, _ *Day) string {
		return fmt.Sprintf("a morning with soreness under %s", text.Fixed(p.SorenessMin, 0))
	},
	measure: func(e Evidence) string {
		return fmt.Sprintf("%s ≥ %s mornings", text.Fixed(e.Value, 0), text.Fixed(e.Threshold, 0))
	},
}

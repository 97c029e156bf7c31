package report

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
)

// The words of planning ahead (docs/plan.md): the plan check, tomorrow's
// headroom and the rest-tomorrow comparison, built once here and laid out
// by the page (athlete.html, the roster) and the Markdown summary. Every
// value that rests on planned sessions says "planned"; unknown planned
// load is said, never passed over as fine. The texts hold no user text
// (sports and notes stay in the tables), but the renderers escape them all
// the same.

// planView is the plan check: the projection of the planned days.
type planView struct {
	// Head is the one-line check: "Next 7 days as planned: 2 warnings —
	// load-spike Thu 3 Dec 1.62 > 1.50; no-rest-day Sun 6 Dec 8 ≥ 7 days".
	Head string
	// Lead is Head without the list of warnings, for a page that lists
	// them under it.
	Lead string
	// Class is "warn" with a projected warning, "unknown" when planned
	// load is unknown, else "ok".
	Class    string
	Warnings []planWarning
	// Notes: the planned load, form on the last planned day, the ramp
	// rate, unknown load, and the rules that are not projected.
	Notes []string
}

// planWarning is one projected warning.
type planWarning struct {
	Rule, Day, Measure, Unit, Detail, Severity string
}

// buildPlan returns the plan check, nil without planned sessions after the
// as-of day.
func buildPlan(a *metrics.Analysis) *planView {
	p := a.Projection
	if p == nil || len(p.Days) == 0 {
		return nil
	}
	v := &planView{Class: "ok"}
	days := len(p.Days)
	var heads []string
	for _, w := range p.Warnings {
		day := shortDate(w.Date)
		if w.To > w.Date {
			day += " – " + shortDate(w.To)
		}
		pw := planWarning{Rule: w.Rule, Day: day, Measure: w.Measure(), Unit: w.Unit(), Detail: w.Detail, Severity: w.Severity}
		if w.Ongoing {
			pw.Detail += "; it holds already today and the plan does not end it"
		}
		v.Warnings = append(v.Warnings, pw)
		heads = append(heads, w.Rule+" "+shortDate(w.Date)+" "+w.Measure())
	}
	v.Head = "Next " + text.Plural(days, "day", "days") + " as planned: "
	switch {
	case len(heads) > 0:
		v.Class = "warn"
		v.Head += text.Plural(len(heads), "projected warning", "projected warnings")
		v.Lead = v.Head + ":"
		v.Head += " — " + strings.Join(heads, "; ")
	case p.UnknownLoad > 0:
		v.Class = "unknown"
		v.Head += "no load warning from the load that is known, but " + text.Plural(p.UnknownLoad, "planned session has", "planned sessions have") + " no load workin can compute"
	default:
		v.Head += "no load rule holds on the planned days"
	}
	v.Head += "."
	if v.Lead == "" {
		v.Lead = v.Head
	}
	var load float64
	for i := range p.Days {
		load += p.Days[i].Load
	}
	last := &p.Days[days-1]
	v.Notes = append(v.Notes, fmt.Sprintf("%s planned, %s LP planned, %s to %s. Form after the last planned day (%s), planned: %s (fitness %s, fatigue %s; today %s).",
		text.Plural(len(p.Sessions), "session", "sessions"), lp(load), shortDate(p.From), shortDate(p.To), shortDate(last.Date),
		text.Signed(last.CTL-last.ATL, 0), lp(last.CTL), lp(last.ATL), text.Signed(today(a).CTL-today(a).ATL, 0)))
	v.Notes = append(v.Notes, rampNote(p))
	if p.UnknownLoad > 0 {
		v.Notes = append(v.Notes, fmt.Sprintf("%s of unknown load (no TSS, power, heart rate, pace or RPE with a duration): counted as 0 LP, so the planned load, form and the load rules above may be understated; add a duration and an RPE to the plan sheet.",
			text.Plural(p.UnknownLoad, "planned session is", "planned sessions are")))
	}
	_, not := metrics.ProjectedRules()
	v.Notes = append(v.Notes, "Not projected: "+strings.Join(not, ", ")+" read the morning check-ins, and tomorrow's check-in is unknown; one that holds today stays in the advice on the planned days until a check-in clears it.")
	return v
}

// rampNote says the largest planned ramp rate against the commonly cited
// guide, never as a safe limit.
func rampNote(p *metrics.Projection) string {
	guide := fmt.Sprintf("a commonly cited guide of about %s–%s per week (a rule of thumb, not a safe limit)", text.Fixed(metrics.RampGuideLow, 0), text.Fixed(metrics.RampGuideHigh, 0))
	if !metrics.Known(p.RampMax) {
		return "Ramp rate (the change in fitness over a week): not known yet, it needs a week of fitness before the plan; " + guide + "."
	}
	where := "within"
	switch {
	case p.RampMax > metrics.RampGuideHigh:
		where = "above"
	case p.RampMax < metrics.RampGuideLow:
		where = "under"
	}
	return fmt.Sprintf("Ramp rate (the change in fitness over a week), planned: at most %s a week (%s), %s %s.",
		text.Signed(p.RampMax, 1), shortDate(p.RampMaxDate), where, guide)
}

// headroomView is tomorrow's headroom and the rest-tomorrow comparison.
type headroomView struct {
	Date string // "Tue 1 Dec"
	// Line is the tightest limit in words, for the plan card and the
	// Markdown; Cell the roster's.
	Line string
	Cell headroomCell
	Rows []headroomRow
	// Unknown says that load of unknown sessions makes the limits
	// uncertain.
	Unknown string
	Rest    []restRow
	// RestHead names the two columns of the comparison.
	RestHead [2]string
	RestNote string
}

// headroomCell is tomorrow's tightest limit in the roster: Load ("19 LP",
// or "none" when Holds: the rule holds whatever the load), Rule
// ("no-rest-day") and Sort, the load as the column sorts it.
type headroomCell struct {
	Load, Rule, Sort string
	Holds            bool
}

// headroomRow is one load rule's limit for tomorrow.
type headroomRow struct {
	Rule, Max, RPE5, RPE7, Why string
	Tightest, Holds, None      bool
}

// restRow is one line of the rest-tomorrow comparison.
type restRow struct {
	Label  string
	Values [2]string
}

// buildHeadroom returns tomorrow's headroom, nil without one (no workouts).
func buildHeadroom(a *metrics.Analysis) *headroomView {
	h := a.Headroom
	if h == nil {
		return nil
	}
	v := &headroomView{Date: shortDate(h.Date)}
	tight := h.Tightest()
	for _, l := range h.Limits() {
		row := headroomRow{Rule: l.Rule, Why: text.Sentence(l.Why), Tightest: l == tight, Max: dash, RPE5: dash, RPE7: dash}
		switch {
		case math.IsInf(l.From, 1):
			row.None, row.Max = true, "no limit"
		case l.From <= 0:
			row.Holds, row.Max = true, "holds at any load"
		default:
			row.Max = maxLP(l.Max)
			row.RPE5, row.RPE7 = rpeTime(l.MinutesRPE5), rpeTime(l.MinutesRPE7)
		}
		v.Rows = append(v.Rows, row)
	}
	// The tightest first, then the others in report order, those without a
	// limit last.
	slices.SortStableFunc(v.Rows, func(x, y headroomRow) int {
		rank := func(r headroomRow) int {
			switch {
			case r.Tightest:
				return 0
			case r.None:
				return 2
			}
			return 1
		}
		return rank(x) - rank(y)
	})
	switch {
	case tight == nil:
		v.Line = "Tomorrow (" + v.Date + "): no load makes a load rule hold."
		v.Cell = headroomCell{Load: "no limit", Sort: "999999"}
	case tight.From <= 0:
		v.Line = fmt.Sprintf("Tomorrow (%s): %s holds whatever the load: %s.", v.Date, tight.Rule, strings.TrimSuffix(tight.Why, "."))
		v.Cell = headroomCell{Load: "none", Rule: tight.Rule, Holds: true, Sort: "0"}
	default:
		v.Line = fmt.Sprintf("Tomorrow (%s): up to %s LP before %s", v.Date, maxLP(tight.Max), tight.Rule)
		if m5, m7 := rpeTime(tight.MinutesRPE5), rpeTime(tight.MinutesRPE7); m5 != dash {
			v.Line += fmt.Sprintf(" (about %s at RPE 5, %s at RPE 7)", m5, m7)
		}
		v.Line += "."
		v.Cell = headroomCell{Load: maxLP(tight.Max) + " LP", Rule: tight.Rule, Sort: fmt.Sprint(int(math.Floor(tight.Max)))}
	}
	if h.UnknownLoad > 0 {
		v.Unknown = fmt.Sprintf("%s of unknown load in the last days: load-spike and monotony-high may hold tomorrow on load that is not known, so their limits may be lower.",
			text.Plural(h.UnknownLoad, "session", "sessions"))
		v.Line += " " + text.Plural(h.UnknownLoad, "session", "sessions") + " of unknown load: the limits may be lower."
		v.Cell.Load += " ?"
	}
	rt := h.Rest
	if rt.OtherIs == "" {
		v.RestNote = "No planned session tomorrow and no usual training day to compare a rest day with."
		return v
	}
	other := "A usual day (" + lp(rt.Other.Load) + " LP)"
	switch {
	case rt.OtherIs == "planned" && rt.Other.Rest:
		other = "As planned (a planned rest day)"
	case rt.OtherIs == "planned":
		other = "As planned (" + lp(rt.Other.Load) + " LP planned)"
	}
	v.RestHead = [2]string{"Rest tomorrow", other}
	outs := [2]metrics.Outcome{rt.Rest, rt.Other}
	row := func(label string, f func(o *metrics.Outcome) string) {
		r := restRow{Label: label}
		for i := range outs {
			r.Values[i] = f(&outs[i])
		}
		v.Rest = append(v.Rest, r)
	}
	row("Advice for the day after", func(o *metrics.Outcome) string {
		look := actionLooks[o.Action]
		s := look.shape + " " + look.word
		if o.WorkIn != metrics.NoWorkIn {
			s += " · " + o.WorkIn.String()
		}
		return s + ": " + o.Because
	})
	row("Form going into the day after", func(o *metrics.Outcome) string { return text.Signed(o.Form, 0) })
	row("Fitness · fatigue", func(o *metrics.Outcome) string { return lp(o.CTL) + " · " + lp(o.ATL) })
	row("Acute:chronic", func(o *metrics.Outcome) string { return ratio(o.ACWR) })
	row("Rules holding", func(o *metrics.Outcome) string {
		if len(o.Rules) == 0 {
			return "none"
		}
		var rs []string
		for _, r := range o.Rules {
			if slices.Contains(o.Carried, r) {
				r += " (carried)"
			}
			rs = append(rs, r)
		}
		return strings.Join(rs, ", ")
	})
	switch rt.OtherIs {
	case "planned":
		v.RestNote = "The planned column rests on the planned sessions of tomorrow."
	default:
		v.RestNote = "No session is planned tomorrow: a usual day is one session of the mean load of the training days of the last 28 days."
	}
	if len(rt.Rest.Carried)+len(rt.Other.Carried) > 0 {
		v.RestNote += " Carried: a sign of the body or readiness that held today stays until a check-in clears it."
	}
	return v
}

// maxLP is the largest whole load under a limit: the load that keeps the
// rule from holding.
func maxLP(x float64) string {
	if !metrics.Known(x) || math.IsInf(x, 0) {
		return dash
	}
	return text.Fixed(math.Max(0, math.Floor(x)), 0)
}

// rpeTime is a session length in minutes as "1:05 h" or "40 min", floored
// so that it stays under the limit; "—" for none.
func rpeTime(min float64) string {
	if !metrics.Known(min) || math.IsInf(min, 0) || min <= 0 {
		return dash
	}
	return hm(math.Floor(min) * 60)
}

// planQuality is the athlete's plan in the data-quality section: remarks
// on the plan sheets, planned sessions not done, sessions dated too far
// ahead, and planned sessions given twice.
func planQuality(a *Athlete) []string {
	out := append([]string(nil), a.Quality.PlanNotes...)
	for _, n := range a.NotDone {
		s := fmt.Sprintf("Planned, not done: %s %s (%s line %d), dated on or before %s, so never load", n.Date, n.Sport, originName(n.Workout), n.Line, a.AsOf)
		if n.Done > 0 {
			s += fmt.Sprintf("; %s recorded that day", text.Plural(n.Done, "session was", "sessions were"))
		}
		out = append(out, s+".")
	}
	if a.PlannedBeyond > 0 {
		out = append(out, fmt.Sprintf("%s dated more than %d weeks after %s left out of the projection.",
			text.Plural(a.PlannedBeyond, "planned session", "planned sessions"), metrics.PlanHorizonDays/7, a.AsOf))
	}
	if p := a.Projection; p != nil {
		for _, m := range p.Merges {
			out = append(out, fmt.Sprintf("Planned twice: %s %s line %d kept; %s line %d is the same planned session, left out.",
				m.Date, m.Kept.File, m.Kept.Line, m.Dropped.File, m.Dropped.Line))
		}
	}
	return out
}

// originName is the file a workout came from, "" when unknown.
func originName(w metrics.Workout) string {
	if w.Origin == nil {
		return "?"
	}
	return w.Origin.File
}

package metrics

import (
	"fmt"

	"github.com/workin/workin/internal/text"
)

// The rules that read training load. A session of unknown load in a
// rule's window leaves it "could not be checked" unless it holds anyway.

// no-rest-day: no_rest_days or more training days in a row (an alert, and
// rest, from no_rest_alert_days). A day of unknown load is never a rest
// day, but it is not known to be a training day either: the rule then
// could not be checked. The unfinished as-of day neither ends the run nor,
// while it has rest-level load, extends it.
var noRestDay = Rule{
	Name: RuleNoRestDay, Unit: "days", Charts: []string{"daily", "pmc"},
	basis: func(p Params) string { return fmt.Sprintf("alert from %d (Meeusen et al. 2013)", p.NoRestAlertDays) },
	load:  true, urgent: true, advice: WorkIn, rank: 1, noCarry: true,
	eval: func(a *Analysis) func(int) RuleState {
		var run restRun
		return func(i int) RuleState {
			run.step(&a.Days[i])
			return run.state(a.Params.NoRestDays)
		}
	},
	warm: func(a *Analysis, s int) bool { return a.Days[s].Rest },
	alert: func(a *Analysis, i int) bool {
		return a.Days[i].Rules[iNoRestDay].Value >= float64(a.Params.NoRestAlertDays)
	},
	rest: func(a *Analysis, i int, act [NumRules]bool) string {
		if st, _ := a.stateOf(iNoRestDay, i); act[iNoRestDay] && st.Value >= float64(a.Params.NoRestAlertDays) {
			return fmt.Sprintf("%.0f days without a rest day", st.Value)
		}
		return ""
	},
	detail: func(a *Analysis, i, j int) (string, Date) {
		_, _, today := a.runSpan(iNoRestDay, i, j)
		r := a.Days[j].Rules[iNoRestDay]
		last := a.Days[j].Date
		if d := &a.Days[j]; d.InProgress && d.RestOpen {
			last-- // the run so far ends yesterday; today does not end it
		}
		since := last.AddDays(1 - int(r.Value))
		for k := j - 1; k >= 0 && a.Days[k].Date >= since; k-- {
			if d := &a.Days[k]; d.InProgress && d.RestOpen {
				since-- // a projected run past the as-of day, at rest level so far: in the run, not counted
			}
		}
		return fmt.Sprintf("%.0f days without a rest day since %s%s", r.Value, since, today), since
	},
	phrase: func(st RuleState) string { return fmt.Sprintf("%.0f days without a rest day", st.Value) },
	unchecked: func(a *Analysis, i int) string {
		return fmt.Sprintf("%.0f days in a row with sessions, but the load of some is unknown: they may have been rest days (under %s LP)",
			a.Days[i].Rules[iNoRestDay].Value, text.Num(a.Params.RestLoadMax))
	},
	holds: func(p Params) string { return fmt.Sprintf("≥ %d days without rest", p.NoRestDays) },
	clears: func(p Params, _ *Day) string {
		return fmt.Sprintf("a rest day (training load under %s LP)", text.Fixed(p.RestLoadMax, 0))
	},
	measure: func(e Evidence) string {
		return fmt.Sprintf("%s ≥ %s days", text.Fixed(e.Value, 0), text.Fixed(e.Threshold, 0))
	},
}

// restRun is the no-rest-day streak as the rule counts it: known counts
// the days in a row known to be training days, upTo also the days of
// unknown load (never rest days, not known to be training days).
type restRun struct{ known, upTo int }

// step extends the run with day d, or ends it.
func (r *restRun) step(d *Day) {
	switch {
	case d.Rest:
		r.known, r.upTo = 0, 0
	case d.RestOpen && d.InProgress:
	case d.RestOpen:
		r.known, r.upTo = 0, r.upTo+1
	default:
		r.known, r.upTo = r.known+1, r.upTo+1
	}
}

// state is the rule's state with the run so far and limit n.
func (r restRun) state(n int) RuleState {
	st := RuleState{Holds: r.known >= n, Value: float64(r.known), Threshold: float64(n)}
	if !st.Holds && r.upTo >= n {
		st = RuleState{Unknown: true, Value: float64(r.upTo), Threshold: float64(n)}
	}
	return st
}

// restRunAt is the run after day i, stepped from the last rest day.
func (a *Analysis) restRunAt(i int) restRun {
	j := i
	for j > 0 && !a.Days[j].Rest {
		j--
	}
	var r restRun
	for ; j <= i; j++ {
		r.step(&a.Days[j])
	}
	return r
}

// hard-days-close: hard sessions on consecutive days, or two on one day
// (vagal recovery after hard work takes up to about 48 h); an event,
// active the day after too.
var hardDaysClose = Rule{
	Name: RuleHardDaysClose, Unit: "hard sessions", Charts: []string{"daily"},
	basis: basisText("vagal recovery takes up to 48 h (Stanley et al. 2013); active the day after too"),
	load:  true, event: true, noCarry: true, advice: Easy,
	eval: func(a *Analysis) func(int) RuleState {
		hardPrev, maybePrev := 0, 0
		close2 := func(today, prev int) bool { return today > 0 && prev > 0 || today >= 2 }
		return func(i int) RuleState {
			d := &a.Days[i]
			st := RuleState{Holds: close2(d.HardCount, hardPrev), Value: float64(d.HardCount + hardPrev), Threshold: 2}
			st.Unknown = !st.Holds && close2(d.HardCount+d.MaybeHard, hardPrev+maybePrev)
			hardPrev, maybePrev = d.HardCount, d.MaybeHard
			return st
		}
	},
	warm: anyDay,
	detail: func(a *Analysis, i, j int) (string, Date) {
		from, to, _ := a.runSpan(iHardDaysClose, i, j)
		first := from.AddDays(-1) // the run's first day pairs with the hard day before it
		if i == 0 || a.Days[i-1].HardCount == 0 {
			first = from // or it began with two hard sessions on one day
		}
		return fmt.Sprintf("hard sessions less than 48 h apart on %s", Span(first, to, " to ")), first
	},
	phrase: func(RuleState) string { return "hard sessions less than 48 h apart" },
	unchecked: func(*Analysis, int) string {
		return "sessions of unknown load and no RPE on consecutive days: they may have been hard"
	},
	holds:   func(Params) string { return "hard sessions on consecutive days, or two in one day" },
	clears:  func(Params, *Day) string { return "a day without a hard session" },
	measure: func(Evidence) string { return "2 hard < 48 h" },
}

// load-spike: the acute:chronic ratio above spike_acwr with a usual load
// of at least spike_min_chronic LP/day (an alert above 2.0).
var loadSpike = Rule{
	Name: RuleLoadSpike, Unit: "ratio", Charts: []string{"daily", "pmc", "acwr"},
	basis: func(p Params) string {
		return fmt.Sprintf("and chronic ≥ %s LP/day; alert above 2.0 (Gabbett 2016)", text.Fixed(p.SpikeMinChronic, 0))
	},
	load: true, advice: Easy,
	eval: func(a *Analysis) func(int) RuleState {
		return func(i int) RuleState {
			d, p := &a.Days[i], a.Params
			st := RuleState{Holds: Known(d.ACWR) && d.ACWR > p.SpikeACWR && d.Chronic >= p.SpikeMinChronic, Value: d.ACWR, Threshold: p.SpikeACWR}
			st.Unknown = !st.Holds && a.unknownIn(i, acuteWindow(p)) > 0
			return st
		}
	},
	warm:  anyDay,
	alert: func(a *Analysis, i int) bool { return a.Days[i].Rules[iLoadSpike].Value > 2 },
	detail: func(a *Analysis, i, j int) (string, Date) {
		from, to, today := a.runSpan(iLoadSpike, i, j)
		r := a.Days[j].Rules[iLoadSpike]
		v, t := text.Apart(r.Value, r.Threshold, 2)
		return fmt.Sprintf("acute:chronic %s, above %s, with a usual load of %.0f LP/day (%s%s)", v, t, a.dayOf(to).Chronic, Span(from, to, " to "), today), from
	},
	phrase: func(st RuleState) string {
		v, t := text.Apart(st.Value, st.Threshold, 2)
		return fmt.Sprintf("acute:chronic %s, above %s", v, t)
	},
	unchecked: func(a *Analysis, i int) string { return a.unknownLoadWhy(i) },
	holds:     func(p Params) string { return "ACWR > " + text.Fixed(p.SpikeACWR, 2) },
	clears: func(p Params, _ *Day) string {
		return fmt.Sprintf("acute:chronic back to %s or less", text.Fixed(p.SpikeACWR, 1))
	},
	measure: func(e Evidence) string { v, t := text.Apart(e.Value, e.Threshold, 2); return v + " > " + t },
}

// monotony-high: Foster's monotony over the last 7 days above monotony_max.
var monotonyHigh = Rule{
	Name: RuleMonotonyHigh, Unit: "ratio", Charts: []string{"pmc", "mono"}, basis: basisText("Foster 1998"),
	load: true, advice: Easy,
	eval: func(a *Analysis) func(int) RuleState {
		return func(i int) RuleState {
			d, p := &a.Days[i], a.Params
			st := RuleState{Holds: Known(d.Monotony) && d.Monotony > p.MonotonyMax, Value: d.Monotony, Threshold: p.MonotonyMax}
			st.Unknown = !st.Holds && a.unknownIn(i, acuteWindow(p)) > 0
			return st
		}
	},
	warm: anyDay,
	detail: func(a *Analysis, i, j int) (string, Date) {
		from, to, today := a.runSpan(iMonotonyHigh, i, j)
		r := a.Days[j].Rules[iMonotonyHigh]
		v, t := text.Apart(r.Value, r.Threshold, 1)
		return fmt.Sprintf("monotony %s, above %s: days too alike (%s%s)", v, t, Span(from, to, " to "), today), from
	},
	phrase: func(st RuleState) string {
		v, t := text.Apart(st.Value, st.Threshold, 1)
		return fmt.Sprintf("monotony %s, above %s: days too alike", v, t)
	},
	unchecked: func(a *Analysis, i int) string { return a.unknownLoadWhy(i) },
	holds:     func(p Params) string { return "monotony > " + text.Fixed(p.MonotonyMax, 1) },
	clears:    func(Params, *Day) string { return "a clearly easier (or harder) day to break the sameness" },
	measure:   func(e Evidence) string { v, t := text.Apart(e.Value, e.Threshold, 1); return v + " > " + t },
}

// no-deload-week: no lighter week among the last deload_weeks complete
// weeks (a lighter week: at most deload_ratio × the three before).
var noDeloadWeek = Rule{
	Name: RuleNoDeloadWeek, Unit: "weeks", Charts: []string{"daily", "pmc"},
	basis: func(p Params) string {
		return fmt.Sprintf("lighter = ≤ %s × the 3 weeks before (Bell et al. 2023)", text.Fixed(p.DeloadRatio, 2))
	},
	load: true, advice: Easy,
	eval: func(a *Analysis) func(int) RuleState {
		var wr weekRun
		return func(i int) RuleState {
			run, open := wr.at(a.Weeks, a.Start+Date(i))
			n := a.Params.DeloadWeeks
			st := RuleState{Holds: run >= n, Value: float64(run), Threshold: float64(n)}
			st.Unknown = !st.Holds && run+open >= n
			return st
		}
	},
	warm: anyDay, // its run is counted over the weeks, from the first, whatever day it starts on
	detail: func(a *Analysis, i, j int) (string, Date) {
		r := a.Days[j].Rules[iNoDeload]
		return fmt.Sprintf("%.0f complete weeks without a lighter week (limit %.0f weeks)", r.Value, r.Threshold), a.Days[i].Date
	},
	phrase: func(st RuleState) string { return fmt.Sprintf("%.0f complete weeks without a lighter week", st.Value) },
	unchecked: func(*Analysis, int) string {
		return "recent lighter weeks have sessions of unknown load: they may not have been lighter"
	},
	holds: func(p Params) string { return fmt.Sprintf("no lighter week in %d complete weeks", p.DeloadWeeks) },
	clears: func(p Params, _ *Day) string {
		return fmt.Sprintf("a lighter week (at most %s %% of the three before)", text.Fixed(100*p.DeloadRatio, 0))
	},
	measure: func(e Evidence) string {
		return fmt.Sprintf("%s ≥ %s weeks", text.Fixed(e.Value, 0), text.Fixed(e.Threshold, 0))
	},
}

// weekRun counts, as of a day, the complete weeks in a row without a
// lighter one that have ended on or before it (run), and the lighter weeks
// of unknown load (LighterOpen) directly before that run that could
// extend it (open). It walks the weeks once, for days in increasing order.
type weekRun struct{ wi, run, open int }

func (w *weekRun) at(ws []Week, day Date) (run, open int) {
	for ; w.wi < len(ws) && ws[w.wi].Start+6 <= day; w.wi++ {
		if wk := &ws[w.wi]; wk.Complete {
			switch {
			case wk.LighterOpen:
				w.open, w.run = w.open+w.run+1, 0
			case wk.Lighter:
				w.run, w.open = 0, 0
			default:
				w.run++
			}
		}
	}
	return w.run, w.open
}

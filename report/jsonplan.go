package report

import (
	"fmt"

	"github.com/workin/workin/metrics"
	"github.com/workin/workin/model"
)

// The JSON summary's planning ahead (schema 3 only; docs/json.md,
// docs/plan.md): the projection over the planned days, tomorrow's
// headroom with the rest-tomorrow comparison, and the plans' share of the
// files table and of data quality. Schema 2 writes none of it.

// allFiles is the files table of schema 3: the data files, then the plan
// sheets (kind "plan"), so that a planned session names its sheet by index
// as a done one names its file.
func (r *Report) allFiles() []model.File {
	if len(r.PlanFiles) == 0 {
		return r.Files
	}
	return append(append(make([]model.File, 0, len(r.Files)+len(r.PlanFiles)), r.Files...), r.PlanFiles...)
}

// rampGuide is how the JSON names the ramp rate's guide: a rule of thumb.
const rampGuide = "a commonly cited guide of about 5–8 CTL per week: a rule of thumb, not a limit"

// projectionJSON writes the projection: null without planned sessions
// after the as-of day. Its daily series has daily's columns, in daily's
// order; every value in it rests on planned sessions (planned: true).
func projectionJSON(w *jw, a *Athlete, files *fileIndex) {
	p := a.Projection
	if p == nil {
		w.raw("null")
		return
	}
	w.obj()
	w.kv("planned", func() { w.bool(true) })
	w.kv("from", func() { w.date(p.From) })
	w.kv("to", func() { w.date(p.To) })
	w.kv("start_ctl", func() { w.round(p.StartCTL, 4) })
	w.key("daily")
	dailyColumns(w, p.Days, a.Params.HRVSWCSD)
	w.key("ramp")
	w.arr()
	for _, r := range p.Ramp {
		w.round(r, 4)
	}
	w.endArr()
	w.kv("ramp_max", func() { w.round(p.RampMax, 4) })
	w.kv("ramp_max_date", func() { dateOrNull(w, p.RampMaxDate, p.RampMaxDate != metrics.NoDate) })
	w.key("ramp_guide")
	w.obj()
	w.kv("low", func() { w.round(metrics.RampGuideLow, 4) })
	w.kv("high", func() { w.round(metrics.RampGuideHigh, 4) })
	w.kv("unit", func() { w.str("CTL/week") })
	w.kv("note", func() { w.str(rampGuide) })
	w.endObj()
	w.key("sessions")
	plannedSessionsJSON(w, p.Sessions, files)
	w.kv("unknown_load", func() { w.int(p.UnknownLoad) })
	projected, not := metrics.ProjectedRules()
	w.kv("rules_projected", func() { strList(w, projected) })
	w.kv("rules_not_projected", func() { strList(w, not) })
	w.key("warnings")
	w.arr()
	for _, x := range p.Warnings {
		w.obj()
		w.kv("rule", func() { w.str(x.Rule) })
		w.kv("date", func() { w.date(x.Date) })
		w.kv("to", func() { w.date(x.To) })
		w.kv("value", func() { w.round(x.Value, 4) })
		w.kv("threshold", func() { w.round(x.Threshold, 4) })
		w.kv("unit", func() { w.str(x.Unit()) })
		w.kv("measure", func() { w.str(x.Measure()) })
		w.kv("peak", func() { w.round(x.Peak, 4) })
		w.kv("peak_date", func() { w.date(x.PeakDate) })
		w.kv("severity", func() { w.str(x.Severity) })
		w.kv("ongoing", func() { w.bool(x.Ongoing) })
		w.kv("projected", func() { w.bool(x.Projected) })
		w.kv("detail", func() { w.str(x.Detail) })
		w.endObj()
	}
	w.endArr()
	w.key("merged")
	mergesJSON(w, p.Merges)
	w.endObj()
}

// plannedSessionsJSON writes planned sessions as sessionsJSON writes done
// ones, each with planned: true and its notes.
func plannedSessionsJSON(w *jw, ss []metrics.Session, files *fileIndex) {
	w.arr()
	for i := range ss {
		s := &ss[i]
		w.nl()
		w.obj()
		w.kv("date", func() { w.date(s.Date) })
		w.kv("sport", func() { w.str(s.Sport) })
		w.kv("duration_min", func() { w.round(s.Duration/60, 4) })
		w.kv("load", func() { w.round(s.LP, 4) })
		w.kv("source", func() { w.str(s.Source.String()) })
		w.kv("hard", func() { w.bool(s.Hard) })
		w.kv("work_in", func() { w.bool(s.WorkIn) })
		w.kv("rpe", func() { w.num(s.RPE) })
		w.kv("file", func() { fileOrNull(w, files, s.Origin) })
		w.kv("line", func() { w.int(int(s.Line)) })
		w.kv("planned", func() { w.bool(true) })
		w.kv("notes", func() { w.str(s.Notes) })
		w.endObj()
	}
	w.endArr()
}

func fileOrNull(w *jw, files *fileIndex, o *metrics.Origin) {
	if i := files.of(o); i >= 0 {
		w.int(i)
		return
	}
	w.raw("null")
}

func mergesJSON(w *jw, ms []metrics.Merge) {
	w.arr()
	for _, m := range ms {
		w.obj()
		w.kv("date", func() { w.date(m.Date) })
		w.kv("kept", func() { w.str(fmt.Sprintf("%s:%d", m.Kept.File, m.Kept.Line)) })
		w.kv("dropped", func() { w.str(fmt.Sprintf("%s:%d", m.Dropped.File, m.Dropped.Line)) })
		w.endObj()
	}
	w.endArr()
}

// headroomJSON writes tomorrow's headroom: null without workouts.
func headroomJSON(w *jw, a *Athlete) {
	h := a.Headroom
	if h == nil {
		w.raw("null")
		return
	}
	w.obj()
	w.kv("date", func() { w.date(h.Date) })
	w.kv("k", func() { w.num(h.K) })
	w.kv("unknown_load", func() { w.int(h.UnknownLoad) })
	w.kv("tightest", func() {
		if t := h.Tightest(); t != nil {
			w.str(t.Rule)
		} else {
			w.raw("null")
		}
	})
	w.key("limits")
	w.obj()
	nr, hc, ls, nd := &h.NoRest, &h.HardClose, &h.LoadSpike, &h.NoDeload
	limitJSON(w, &nr.Limit, func() {
		w.kv("streak", func() { w.int(nr.Streak) })
		w.kv("up_to", func() { w.int(nr.UpTo) })
		w.kv("rest_load_max", func() { w.round(nr.RestLoadMax, 4) })
		w.kv("reaches", func() { w.bool(nr.Reaches) })
		w.kv("alert", func() { w.bool(nr.Alert) })
	})
	limitJSON(w, &hc.Limit, func() {
		w.kv("today_hard", func() { w.bool(hc.TodayHard) })
		w.kv("today_maybe", func() { w.bool(hc.TodayMaybe) })
		w.kv("p90", func() { w.round(hc.P90, 4) })
		w.kv("hard_per_hour", func() { w.round(hc.PerHour, 4) })
		w.kv("hard_rpe", func() { w.num(hc.RPE) })
	})
	limitJSON(w, &ls.Limit, func() {
		w.kv("ratio_load", func() { w.round(ls.RatioLoad, 4) })
		w.kv("floor_load", func() { w.num(ls.FloorLoad) })
	})
	limitJSON(w, &h.Monotony, nil)
	limitJSON(w, &nd.Limit, func() {
		w.kv("run", func() { w.int(nd.Run) })
		w.kv("weeks", func() { w.int(nd.Weeks) })
		w.kv("ends_week", func() { w.bool(nd.EndsWeek) })
		w.kv("week_load", func() { w.round(nd.WeekLoad, 4) })
		w.kv("week_limit", func() { w.round(nd.WeekLimit, 4) })
	})
	w.endObj()
	w.key("rest_tomorrow")
	rt := &h.Rest
	w.obj()
	w.kv("date", func() { w.date(rt.Date) })
	w.key("rest")
	outcomeJSON(w, &rt.Rest)
	w.kv("other_is", func() { w.strOrNull(rt.OtherIs) })
	w.key("other")
	if rt.OtherIs == "" {
		w.raw("null")
	} else {
		outcomeJSON(w, &rt.Other)
	}
	w.endObj()
	w.endObj()
}

// limitJSON writes one rule's limit under its rule's name, with the
// rule's own values (more) after the common ones. From and Max are at
// full precision: Max is the float64 just below From, which 4 decimals
// would round to From. From is null when no load makes the rule hold
// (Holds is empty), 0 when it holds at any load; Max is null in both
// cases.
func limitJSON(w *jw, l *metrics.Limit, more func()) {
	w.key(l.Rule)
	w.obj()
	w.kv("from", func() { w.num(l.From) }) // +Inf: null
	w.kv("max", func() { w.num(l.Max) })
	w.key("holds")
	w.arr()
	for _, r := range l.Holds {
		w.obj()
		w.kv("lo", func() { w.round(r.Lo, 4) })
		w.kv("hi", func() { w.round(r.Hi, 4) }) // +Inf: null, no upper bound
		w.kv("lo_in", func() { w.bool(r.LoIn) })
		w.kv("hi_in", func() { w.bool(r.HiIn) })
		w.endObj()
	}
	w.endArr()
	w.kv("minutes_rpe5", func() { w.round(l.MinutesRPE5, 4) }) // +Inf or Missing: null
	w.kv("minutes_rpe7", func() { w.round(l.MinutesRPE7, 4) })
	w.kv("why", func() { w.str(l.Why) })
	if more != nil {
		more()
	}
	w.endObj()
}

func outcomeJSON(w *jw, o *metrics.Outcome) {
	w.obj()
	w.kv("load", func() { w.round(o.Load, 4) })
	w.kv("sessions", func() { w.int(o.Sessions) })
	w.kv("rest", func() { w.bool(o.Rest) })
	w.kv("ctl", func() { w.round(o.CTL, 4) })
	w.kv("atl", func() { w.round(o.ATL, 4) })
	w.kv("form", func() { w.round(o.Form, 4) })
	w.kv("acwr", func() { w.round(o.ACWR, 4) })
	w.kv("monotony", func() { w.round(o.Monotony, 4) })
	w.kv("action", func() { w.str(o.Action.String()) })
	w.kv("work_in", func() {
		if o.WorkIn == metrics.NoWorkIn {
			w.raw("null")
		} else {
			w.str(o.WorkIn.String())
		}
	})
	w.kv("because", func() { w.str(o.Because) })
	w.kv("rules", func() { strList(w, o.Rules) })
	w.kv("carried", func() { strList(w, o.Carried) })
	w.kv("unchecked", func() { strList(w, o.Unchecked) })
	w.endObj()
}

// planQualityJSON writes the plans' share of data quality: the planned
// sessions not done, those beyond the horizon, the plan rows skipped with
// --lenient and the remarks on the athlete's plan sheets.
func planQualityJSON(w *jw, a *Athlete, files *fileIndex) {
	w.key("not_done")
	w.arr()
	for i := range a.NotDone {
		nd := &a.NotDone[i]
		w.obj()
		w.kv("date", func() { w.date(nd.Date) })
		w.kv("sport", func() { w.str(nd.Sport) })
		w.kv("duration_min", func() { w.round(nd.Duration/60, 4) })
		w.kv("rpe", func() { w.num(nd.RPE) })
		w.kv("file", func() { fileOrNull(w, files, nd.Origin) })
		w.kv("line", func() { w.int(int(nd.Line)) })
		w.kv("done", func() { w.int(nd.Done) })
		w.kv("notes", func() { w.str(nd.Notes) })
		w.endObj()
	}
	w.endArr()
	w.kv("planned_beyond", func() { w.int(a.PlannedBeyond) })
	w.key("plan_skipped")
	skipsJSON(w, a.Quality.PlanSkipped)
	w.kv("plan_notes", func() { strList(w, a.Quality.PlanNotes) })
}

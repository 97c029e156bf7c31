package report

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
	"github.com/workin/workin/model"
)

// The HTML templates receive these view types, with every value already
// formatted; templates only lay them out.

type pageView struct {
	Title    string
	AsOf     string
	Subtitle string
	Team     bool // show the coach's overview
	One      bool // one athlete: its name is the page's title
	Back     string
	BackName string
	Overview overviewView
	Sections []template.HTML // one rendered section per athlete
	Files    []fileView
	Orphans  skipList
	// PlanFiles are the plan sheets, PlanOrphans their rows of no athlete.
	PlanFiles   []fileView
	PlanOrphans skipList
	Methods     methodsView
	Skeletons   template.JS
	Dict        template.JS // the packed bodies' dictionary, when there are any
	ECharts     template.JS
	Script      template.JS
	CSS         template.CSS
}

type stat struct {
	Label, Value, Unit, Note string
	Off                      string // Methods: the rule is switched off, for whom
}

type chartView struct {
	Kind, Title, Read, Aria string
	Tall, Wide, NoZoom      bool
	// NoScript tells a reader without scripts where the chart's numbers
	// are; Shaded names the rules whose spans the chart shades.
	NoScript, Shaded string
	Table            *tableView
}

type athleteView struct {
	Index  int
	Anchor string
	Name   string
	Period string
	Open   bool
	// Lazy: the body is packed (a big team) and built when opened; Body
	// is the rendered body or the packed one; Chip is the advice shown on
	// a folded athlete's line.
	Lazy       bool
	Body       template.HTML
	Packed     template.JS
	Chip       string
	Caveat     string // the verdict's caveat, in a packed body
	Empty      string // why there is nothing to show
	Stats      []stat
	Verdict    verdictView
	Ready      readinessView
	Recovery   []chartView
	NoCheckins string
	Charts     []chartView
	History    []chartView
	Advice     []historyView
	Flags      []flagView
	Sessions   []sessionView // the last four weeks, shown open
	Earlier    []sessionView // the rest of the window, folded
	Older      int           // sessions before the window, not shown
	Weeks      []weekView
	Quality    qualityView
	Overrides  []metrics.Override
	Data       template.JS
	// Plan is the plan check (nil without planned sessions), Headroom
	// tomorrow's headroom and the rest-tomorrow comparison (planview.go).
	Plan     *planView
	Headroom *headroomView
	// PlannedSessions are the projected sessions, in date order.
	PlannedSessions []sessionView
}

type sessionView struct {
	date                                                                 metrics.Date
	Date, Sport, Duration, Load, Source, SourceClass, Detail, RPE, Notes string
	Hard                                                                 bool
	HardWhy                                                              string
}

type weekView struct {
	Start, Load, RPE, Sessions, Rest, Note string
	Lighter                                bool
}

type qualityView struct {
	RowsRead, Workouts, Checkins int
	Skipped                      skipList
	// Plan: the plan's rows skipped (--lenient), and the notes on the
	// plan (remarks, planned and not done, dated too far ahead, given
	// twice).
	PlanSkipped skipList
	Plan        []string
	Merges      []string
	Sources     []sourceView
	K           string
	Notes       []string
}

type sourceView struct {
	Name, Sessions, LP, Share string
}

type skipView struct {
	File, Line, Column, Reason string
}

type fileView struct {
	Name, Format, Rows, Used, Skipped, Merged, Span, Ignored string
	Notes                                                    []string
}

type methodsView struct {
	Decay, TSB, ACWR, Monotony, Week, Rest, K, Hard string
	Readiness, Baseline                             string
	Thresholds                                      []stat
}

// Anchor returns a safe HTML id for an athlete index.
func anchor(i int) string { return fmt.Sprintf("athlete-%d", i+1) }

func buildPage(r *Report, parts []*Part, pages []string) pageView {
	v := pageView{Title: r.Title, AsOf: r.AsOf.Long(), Team: r.Team || len(parts) > 1}
	v.One = !v.Team && len(parts) == 1
	n := len(parts)
	v.Subtitle = fmt.Sprintf("as of %s · %s", r.AsOf.Long(), text.Plural(n, "athlete", "athletes"))
	if pages == nil {
		for _, p := range parts {
			v.Sections = append(v.Sections, p.HTML)
		}
	}
	merged := map[string]int{}
	for _, p := range parts {
		for f, n := range p.Summary.Merged {
			merged[f] += n
		}
	}
	for _, f := range r.Files {
		fv := buildFile(f)
		fv.Merged = fmt.Sprint(merged[f.Name])
		v.Files = append(v.Files, fv)
	}
	v.Orphans = skipViews(r.Skipped)
	for _, f := range r.PlanFiles {
		v.PlanFiles = append(v.PlanFiles, buildFile(f))
	}
	v.PlanOrphans = skipViews(r.PlanSkipped)
	href := func(i int) string { return "#" + anchor(i) }
	if pages != nil {
		v.Team = true
		href = func(i int) string { return pages[i] }
	}
	v.Overview = buildOverview(r, parts, href)
	v.Overview.Split = pages != nil
	for _, p := range parts {
		v.Overview.Packed = v.Overview.Packed || p.Lazy
	}
	if v.Overview.Charts {
		v.Overview.TeamData = template.JS(teamData(r, parts))
	}
	v.Methods = buildMethods(methodsParams(parts))
	if n > 0 {
		markOff(&v.Methods, parts)
	}
	return v
}

// methodsParams are the settings Methods describes: the first athlete's
// (each athlete's own changes are listed in its data-quality section).
func methodsParams(parts []*Part) metrics.Params {
	if len(parts) > 0 {
		return parts[0].Summary.Params
	}
	return metrics.DefaultParams()
}

// markOff says in the Methods table which rules a profile or team file
// switched off, and for whom.
func markOff(m *methodsView, parts []*Part) {
	for i := range m.Thresholds {
		rule := m.Thresholds[i].Label
		var who []string
		for _, p := range parts {
			if p.Summary.Params.Off[rule] {
				who = append(who, p.Summary.Name)
			}
		}
		switch {
		case len(who) == 0:
		case len(who) == len(parts):
			m.Thresholds[i].Off = "switched off (rules: off): not checked"
		default:
			m.Thresholds[i].Off = "switched off for " + text.List(who, 5) + ": not checked for them"
		}
	}
}

func buildFile(f model.File) fileView {
	span := dash
	if f.Used > 0 {
		span = f.First.String() + " – " + f.Last.String()
	}
	return fileView{Name: f.Name, Format: f.Format, Rows: fmt.Sprint(f.Rows), Used: fmt.Sprint(f.Used),
		Skipped: fmt.Sprint(f.Skipped), Span: span, Ignored: strings.Join(f.Ignored, ", "), Notes: f.Notes}
}

// skipList is a table of skipped rows, at most htmlMaxSkips of them; More
// counts the rest (the JSON lists them all).
type skipList struct {
	Rows  []skipView
	Total int
	More  int
}

// htmlMaxSkips bounds a table of skipped rows in the page.
const htmlMaxSkips = 200

func skipViews(ss []model.Skip) skipList {
	l := skipList{Total: len(ss), More: max(0, len(ss)-htmlMaxSkips)}
	for _, s := range ss[:min(len(ss), htmlMaxSkips)] {
		l.Rows = append(l.Rows, skipView{File: s.File, Line: fmt.Sprint(s.Line), Column: s.Column, Reason: s.Reason})
	}
	return l
}

func buildAthlete(r *Report, i int, a *Athlete, open, lazy bool) athleteView {
	v := athleteView{Index: i, Anchor: anchor(i), Name: a.Profile.Name, Open: open, Lazy: lazy,
		Overrides: a.Params.Overrides}
	v.Quality = buildQuality(a)
	if len(a.Days) == 0 {
		v.Empty = "No workouts or check-ins on or before " + r.AsOf.String() + "."
		v.Lazy = false
		return v
	}
	v.Period = period(a.Start, a.AsOf)
	win := detailWindow(a.Analysis, r.Options.DetailWeeks)
	v.Stats = headline(a.Analysis)
	v.Verdict, v.Ready = buildVerdict(a.Analysis), buildReadiness(a.Analysis)
	v.Plan, v.Headroom = buildPlan(a.Analysis), buildHeadroom(a.Analysis)
	if p := a.Projection; p != nil {
		for i := range p.Sessions {
			v.PlannedSessions = append(v.PlannedSessions, sessionRow(a.Analysis, &p.Sessions[i]))
		}
	}
	v.Chip = v.Verdict.Action
	if v.Verdict.Kind != "" {
		v.Chip += " · " + v.Verdict.Kind
	}
	// The first screen shows at most four evidence lines; the rest are
	// one tap away.
	if ev := v.Verdict.Evidence; len(ev) > maxEvidenceShown {
		v.Verdict.Evidence, v.Verdict.More = ev[:maxEvidenceShown:maxEvidenceShown], ev[maxEvidenceShown:]
	}
	v.Verdict.Plan, v.Verdict.PlanWhy = splitPlan(v.Verdict.Plan)
	// A caution's first clause stays on the first screen; the whole of it
	// (what would give the load, what could not be checked) follows.
	for k, c := range v.Verdict.Cautions {
		if head, _, ok := strings.Cut(c, ": "); ok {
			v.Verdict.Cautions[k] = head + " (more below)."
			v.Verdict.CautionsMore = append(v.Verdict.CautionsMore, c)
		}
	}
	if lazy {
		// A big team's athlete: the roster has the sparkline, and the
		// caveat goes with the rest of the body.
		v.Caveat, v.Verdict.Caveat = v.Verdict.Caveat, ""
	} else {
		v.Ready.Spark = sparkline(a.Analysis, 28)
	}
	adviceDays, weekRowsMax := 28, 0
	if !open {
		adviceDays, weekRowsMax = 14, 12 // folded athletes of a big team
	}
	v.Advice = historyRows(a.Analysis, adviceDays)
	v.Flags = flagRows(a.Analysis, a.Days[win.from].Date)
	sw := win
	if !open && sw.to-sw.from >= 28 {
		sw.from = sw.to - 27 // folded athletes of a big team: the last four weeks
	}
	all, older := sessionRows(a.Analysis, sw)
	v.Older = older
	recent := a.AsOf - 27
	for _, s := range all {
		if s.date >= recent {
			v.Sessions = append(v.Sessions, s)
		} else {
			v.Earlier = append(v.Earlier, s)
		}
	}
	v.Weeks = weekRows(a.Analysis, win)
	if weekRowsMax > 0 && len(v.Weeks) > weekRowsMax {
		v.Weeks = v.Weeks[:weekRowsMax]
	}
	data, cols := chartData(a, win)
	v.Data = template.JS(data)
	c := cardContext{days: a.Days[win.from : win.to+1], weeks: v.Weeks, advice: v.Advice, flags: a.Flags}
	if !lazy {
		c.cols = cols // tables in the page; a packed body's are built when opened
	}
	if a.RecoveryRes.Checkins > 0 {
		v.Recovery = chartViews(a.Analysis, "recovery", c)
	} else {
		v.NoCheckins = "No check-ins for " + a.Profile.Name + ", so no readiness, HRV, resting HR or sleep, and nothing from the body in the advice above. Add a check-ins file (sleep, soreness, stress, mood, energy, HRV, resting HR) to see the recovery side."
	}
	v.Charts = chartViews(a.Analysis, "load", c)
	v.History = chartViews(a.Analysis, "history", c)
	return v
}

// maxEvidenceShown is how many evidence lines the first screen shows.
const maxEvidenceShown = 4

// splitPlan parts a plan into what to do and, when its last sentence gives
// a reference, that sentence: the first screen shows the plan, the
// reference follows below the readiness.
func splitPlan(plan string) (do, why string) {
	for i := strings.LastIndex(plan, ". "); i > 0; i = strings.LastIndex(plan[:i], ". ") {
		if strings.HasSuffix(plan[:i], " al") { // "et al. 2022" ends no sentence
			continue
		}
		if strings.Contains(plan[i:], " et al. ") {
			return plan[:i+1], plan[i+2:]
		}
		break
	}
	return plan, ""
}

// today returns the as-of day.
func today(a *metrics.Analysis) *metrics.Day { return &a.Days[len(a.Days)-1] }

func headline(a *metrics.Analysis) []stat {
	d := today(a)
	wk := a.Weeks[len(a.Weeks)-1]
	stats := []stat{
		{Label: "This week", Value: lp(wk.Load), Unit: "LP",
			Note: fmt.Sprintf("%s, %s since %s; today not over", text.Plural(wk.Sessions, "session", "sessions"), text.Plural(wk.RestDays, "rest day", "rest days"), dayLabel(a.AsOf, wk.Start))},
		{Label: "Fitness · fatigue", Value: lp(d.CTL) + " · " + lp(d.ATL), Unit: "LP/day", Note: "42-day and 7-day load averages"},
		{Label: "Form", Value: text.Signed(d.CTL-d.ATL, 0), Unit: "", Note: "going into tomorrow with today's sessions so far; going into today " + text.Signed(d.TSB, 0)},
		acwrStat(a),
		monoStat(a),
		restStat(a),
	}
	if n := trainingDays(a); n < a.Params.CTLDays {
		stats[1].Note = fmt.Sprintf("building: %s of workouts of the %d fitness needs", text.Plural(n, "day", "days"), a.Params.CTLDays)
	}
	if u := a.Recommendation.UnknownLoad; u > 0 {
		stats[1].Note += fmt.Sprintf("; %s of the last %d days of unknown load count as 0", text.Plural(u, "session", "sessions"), a.Params.ACWRChronicDays)
	}
	return stats
}

// trainingDays is how many days of workouts the series has: from the
// first session to the as-of day (check-ins before it add no load).
func trainingDays(a *metrics.Analysis) int {
	if len(a.Sessions) == 0 {
		return 0
	}
	return int(a.AsOf-a.Sessions[0].Date) + 1
}

func monoStat(a *metrics.Analysis) stat {
	d, when := ratioDay(a)
	note := "strain " + lp(d.Strain) + " over 7 days"
	if when != "" {
		note += ", " + when
	}
	return stat{Label: "Monotony", Value: text.Fixed(d.Monotony, 1), Note: note}
}

func acwrStat(a *metrics.Analysis) stat {
	d, when := ratioDay(a)
	if !metrics.Known(d.ACWR) {
		if len(a.Days) >= a.Params.ACWRChronicDays {
			if a.BySource[metrics.SrcNone].Sessions > 0 {
				return stat{Label: "Acute:chronic", Value: dash, Note: "unknown: the sessions of the last weeks have no load"}
			}
			return stat{Label: "Acute:chronic", Value: dash, Note: "no load in the last weeks"}
		}
		return stat{Label: "Acute:chronic", Value: dash, Note: fmt.Sprintf("needs %d days of data (%d so far)", a.Params.ACWRChronicDays, len(a.Days))}
	}
	note := fmt.Sprintf("last week %s vs usual %s LP/day", lp(d.Acute), lp(d.Chronic))
	if when != "" {
		note += ", " + when
	}
	return stat{Label: "Acute:chronic", Value: ratio(d.ACWR), Note: note}
}

// restStat is the last completed rest day: today is not over, so it is
// never today.
func restStat(a *metrics.Analysis) stat {
	for i := len(a.Days) - 1; i >= 0; i-- {
		if a.Days[i].Rest {
			since := int(a.AsOf - a.Days[i].Date)
			return stat{Label: "Last rest day", Value: dayLabel(a.AsOf, a.Days[i].Date), Note: text.Plural(since, "day", "days") + " ago"}
		}
	}
	return stat{Label: "Last rest day", Value: dash, Note: fmt.Sprintf("none in %s", text.Plural(len(a.Days)-1, "complete day", "complete days"))}
}

// sessionRows lists the sessions of the detail window, newest first.
func sessionRows(a *metrics.Analysis, win window) ([]sessionView, int) {
	older := firstSession(a.Sessions, a.Days[win.from].Date)
	var rows []sessionView
	for i := len(a.Sessions) - 1; i >= older; i-- {
		rows = append(rows, sessionRow(a, &a.Sessions[i]))
	}
	return rows, older
}

// sessionRow is one session of a sessions table.
func sessionRow(a *metrics.Analysis, s *metrics.Session) sessionView {
	rpe := dash
	if metrics.Known(s.RPE) {
		rpe = text.Fixed(s.RPE, 1)
		rpe = strings.TrimSuffix(rpe, ".0")
	}
	return sessionView{date: s.Date, Date: s.Date.String(), Sport: s.Sport, Duration: hm(s.Duration),
		Load: lp(s.LP), Source: sourceLabel(s.Source), SourceClass: s.Source.String(), Detail: sourceDetail(a, s),
		RPE: rpe, Notes: s.Notes, Hard: s.Hard, HardWhy: hardWhy(s.HardWhy)}
}

func hardWhy(why string) string {
	switch why {
	case "rpe":
		return "hard: RPE at or above the hard_rpe threshold"
	case "intensity":
		return "hard: load per hour at or above threshold × hard_if²"
	case "p90":
		return "hard: above the 90th percentile of the previous 90 days"
	}
	return ""
}

func weekRows(a *metrics.Analysis, win window) []weekView {
	var rows []weekView
	rpe := map[metrics.Date]float64{}
	if win.weekFrom < len(a.Weeks) {
		ws := a.Params.WeekStart
		for i := firstSession(a.Sessions, a.Weeks[win.weekFrom].Start); i < len(a.Sessions); i++ {
			if s := &a.Sessions[i]; s.Source == metrics.SrcSRPE {
				rpe[s.Date.WeekStart(ws)] += s.LP
			}
		}
	}
	for i := len(a.Weeks) - 1; i >= win.weekFrom; i-- {
		w := a.Weeks[i]
		v := weekView{Start: w.Start.String(), Load: lp(w.Load), RPE: dash, Sessions: fmt.Sprint(w.Sessions), Rest: fmt.Sprint(w.RestDays),
			Lighter: w.Lighter}
		if x := rpe[w.Start]; x > 0 {
			v.RPE = lp(x)
		}
		switch {
		case !w.Complete && w.Start+metrics.Date(w.Days-1) == a.AsOf:
			v.Note = fmt.Sprintf("in progress: %s of 7 so far, today not over", text.Plural(w.Days, "day", "days"))
		case !w.Complete:
			v.Note = fmt.Sprintf("%s of 7 in the data", text.Plural(w.Days, "day", "days"))
		case w.Lighter:
			v.Note = "lighter week (limit " + lp(w.Limit) + ")"
		}
		rows = append(rows, v)
	}
	return rows
}

func buildQuality(a *Athlete) qualityView {
	q := qualityView{RowsRead: a.Quality.RowsRead, Workouts: a.Quality.WorkoutRows, Checkins: a.Quality.CheckinRows,
		Skipped: skipViews(a.Quality.Skipped), PlanSkipped: skipViews(a.Quality.PlanSkipped), Plan: planQuality(a)}
	var total float64
	for _, s := range a.BySource {
		total += s.LP
	}
	for _, src := range metrics.Sources() {
		s := a.BySource[src]
		if s.Sessions == 0 {
			continue
		}
		share := dash
		if total > 0 {
			share = text.Fixed(100*s.LP/total, 0) + " %"
		}
		q.Sources = append(q.Sources, sourceView{Name: sourceLabel(src), Sessions: fmt.Sprint(s.Sessions), LP: lp(s.LP), Share: share})
	}
	c := a.Calibration
	switch {
	case c.Fixed:
		q.K = fmt.Sprintf("k = %s LP per RPE·min, set in the profile (srpe_k)", text.Fixed(c.K, 4))
	case c.Calibrated:
		q.K = fmt.Sprintf("k = %s LP per RPE·min, calibrated from %s with both RPE and a measured load", text.Fixed(c.K, 4), text.Plural(c.Pairs, "session", "sessions"))
	default:
		q.K = fmt.Sprintf("k = %s LP per RPE·min (the fallback 100/420: an hour at RPE 7 is an hour at threshold); %s paired sessions of the 10 needed to calibrate", text.Fixed(c.K, 4), fmt.Sprint(c.Pairs))
	}
	if n := unknownLoadNote(a.Analysis); n != "" {
		q.Notes = append(q.Notes, n)
	}
	q.Notes = append(q.Notes, profileNotes(a)...)
	if rr := a.RecoveryRes; rr.Checkins > 0 && len(a.Days) > 0 {
		note := fmt.Sprintf("Check-ins on %d of %d days.", rr.Days, len(a.Days))
		if rr.MergedDays > 0 {
			note += fmt.Sprintf(" %s had several check-ins, merged item by item: a device's reading wins for what it measures (HRV, resting HR, sleep time), the athlete's own sheet for how they feel; between equal sources the later row wins.", text.Plural(rr.MergedDays, "day", "days"))
		}
		q.Notes = append(q.Notes, note)
	}
	if a.AfterAsOf > 0 {
		q.Notes = append(q.Notes, fmt.Sprintf("%s dated after %s left out.", text.Plural(a.AfterAsOf, "row", "rows"), a.AsOf))
	}
	if a.Quality.OtherAthlete > 0 {
		q.Notes = append(q.Notes, fmt.Sprintf("%s of other athletes in the files of this profile left out.", text.Plural(a.Quality.OtherAthlete, "row", "rows")))
	}
	q.Notes = append(q.Notes, a.Quality.Notes...)
	for _, m := range a.Merges {
		q.Merges = append(q.Merges, fmt.Sprintf("%s: %s line %d (%s) kept; %s line %d (%s) is the same session, left out",
			m.Date, m.Kept.File, m.Kept.Line, m.Kept.Format, m.Dropped.File, m.Dropped.Line, m.Dropped.Format))
	}
	return q
}

func buildMethods(p metrics.Params) methodsView {
	m := methodsView{}
	kc, ka := metrics.EWMAConstant(p.CTLDays, p.PMCDecay), metrics.EWMAConstant(p.ATLDays, p.PMCDecay)
	if p.PMCDecay == metrics.DecayLinear {
		m.Decay = fmt.Sprintf("linear form k = 1/N (TrainingPeaks): k(%d) = %s, k(%d) = %s", p.CTLDays, text.Fixed(kc, 6), p.ATLDays, text.Fixed(ka, 6))
	} else {
		m.Decay = fmt.Sprintf("exponential form k = 1 − e^(−1/N) (GoldenCheetah, intervals.icu): k(%d) = %s, k(%d) = %s", p.CTLDays, text.Fixed(kc, 6), p.ATLDays, text.Fixed(ka, 6))
	}
	m.Decay += fmt.Sprintf("; seeded with fitness %s and fatigue %s on the day before the first", text.Fixed(p.CTLSeed, 0), text.Fixed(p.ATLSeed, 0))
	if p.TSB == metrics.TSBToday {
		m.TSB = "form(d) = fitness(d) − fatigue(d), same day (intervals.icu)"
	} else {
		m.TSB = "form(d) = fitness(d−1) − fatigue(d−1): form going into the day (TrainingPeaks); the headline also shows form going into tomorrow"
	}
	switch p.ACWRMethod {
	case metrics.ACWRCoupled:
		m.ACWR = fmt.Sprintf("rolling coupled: %d-day mean ÷ %d-day mean including it (Hulin et al. 2014)", p.ACWRAcuteDays, p.ACWRChronicDays)
	case metrics.ACWRUncoupled:
		m.ACWR = fmt.Sprintf("rolling uncoupled: %d-day mean ÷ mean of the %d days before it (Windt & Gabbett 2019)", p.ACWRAcuteDays, p.ACWRChronicDays-p.ACWRAcuteDays)
	default:
		m.ACWR = fmt.Sprintf("EWMA (Williams et al. 2017): λ = 2/(N+1), λ%d = %s, λ%d = %s, both seeded with the first day's load; empty for the first %d days and when the chronic average is 0",
			p.ACWRAcuteDays, text.Fixed(2/float64(p.ACWRAcuteDays+1), 4), p.ACWRChronicDays, text.Fixed(2/float64(p.ACWRChronicDays+1), 4), p.ACWRChronicDays-1)
	}
	sd := "population SD (÷ n)"
	if p.MonotonySD == metrics.SDSample {
		sd = "sample SD (÷ n−1)"
	}
	m.Monotony = "rolling 7 days, mean ÷ " + sd + ", capped at 10; strain = 7-day load × monotony (Foster 1998)"
	m.Week = fmt.Sprintf("calendar weeks starting %s (ISO 8601 when Monday)", p.WeekStart)
	m.Rest = fmt.Sprintf("a completed day whose training load (work-ins excluded) is under %s LP and with no session of unknown load", text.Fixed(p.RestLoadMax, 0))
	m.K = "k = Σ measured load ÷ Σ RPE×minutes over sessions with both (at least 10), else 100/420 = 0.2381"
	m.Hard = fmt.Sprintf("RPE ≥ %s; or measured load of at least %s LP per hour (IF %s); or above the 90th percentile of the previous 90 days' sessions (with at least 10)",
		text.Fixed(p.HardRPE, 1), text.Fixed(metrics.HardIntensity(p.HardIF), 2), text.Fixed(p.HardIF, 2))
	for _, r := range metrics.Rules() {
		m.Thresholds = append(m.Thresholds, stat{Label: r.Name, Value: r.Holds(p), Note: r.Basis(p)})
	}
	w := p.Weights
	m.Readiness = fmt.Sprintf("0–100, the weighted mean of four parts (HRV %s, resting HR %s, sleep %s, wellness %s; the weights of missing parts are shared by the others)",
		text.Fixed(w.HRV, 2), text.Fixed(w.RHR, 2), text.Fixed(w.Sleep, 2), text.Fixed(w.Wellness, 2))
	m.Baseline = fmt.Sprintf("mean and sample SD over the %d days before each day, from %d values on; until then “baseline forming”", p.HRVBaselineDays, metrics.MinBaseline)
	return m
}

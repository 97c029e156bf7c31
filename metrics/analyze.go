package metrics

import (
	"cmp"
	"slices"
	"strings"
)

// Input is everything known about one athlete. AsOf is "today": rows dated
// after it are outside the analysis.
type Input struct {
	Profile  Profile
	Params   Params
	AsOf     Date
	Workouts []Workout
	Checkins []Checkin
	// Planned are the athlete's planned sessions (plan sheets, an export's
	// planned workouts). Those dated after AsOf, up to PlanHorizonDays, are
	// projected (Analysis.Projection); those dated on or before it are
	// planned, not done, and never load (Analysis.NotDone). A workout in
	// Workouts with Planned set is a planned session too.
	Planned []Workout
}

// Session is a workout with its computed load.
type Session struct {
	Workout
	Load
	SportKey string // lower-cased sport used for grouping
	WorkIn   bool
	Hard     bool
	HardWhy  string // "rpe", "intensity" or "p90" when Hard
}

// Day is one calendar day of the series, from the first day with data to
// AsOf. Ratios that cannot be computed yet are Missing.
type Day struct {
	Date      Date
	Load      float64 // all sessions, work-ins included
	TrainLoad float64 // sessions that are not work-ins
	Sessions  int
	Unknown   int // non-work-in sessions of unknown load
	// MaybeHard counts sessions that might be hard but cannot be told:
	// unknown load and no RPE.
	MaybeHard int
	// InProgress marks the as-of day: it is not over, so it is never a
	// completed rest day; its sessions so far count in load.
	InProgress bool
	// Rest is a completed rest day: training load under rest_load_max and
	// no session of unknown load.
	Rest bool
	// RestOpen is a day whose rest status cannot be told yet: in progress
	// with rest-level load so far, or a rest-level day with sessions of
	// unknown load (never a rest day, but not known to be a training day).
	RestOpen  bool
	Hard      bool // at least one hard session
	HardCount int  // hard sessions
	WorkIn    bool // at least one work-in session
	// Planned marks a projected day (after the as-of day): every value of
	// it rests on planned sessions (Projection).
	Planned  bool
	CTL      float64
	ATL      float64
	TSB      float64
	Acute    float64 // acute average of the ACWR (E7 by default)
	Chronic  float64 // chronic average of the ACWR (E28 by default)
	ACWR     float64
	Monotony float64
	Strain   float64
	Recovery
	Rules [NumRules]RuleState // every rule on this day, in RuleNames order
	// Action is what was recommended for the session after this day, from
	// the data up to it: the history a coach can hold against what was done.
	Action     Action
	WorkInKind WorkInKind // the work-in kind when Action is WorkIn
}

// Week aggregates the days of one calendar week that lie in the series.
type Week struct {
	Start    Date
	Days     int // days of this week inside the series
	Load     float64
	Sessions int
	RestDays int
	BySport  []float64 // aligned with Analysis.Sports
	Unknown  int       // non-work-in sessions of unknown load
	// Complete is set when all seven days are inside the series and over.
	// A week that ends on the as-of day counts as complete only once its
	// load is already above the lighter-week limit: more training today
	// cannot make it lighter.
	Complete bool
	// Limit is DeloadRatio × the mean of up to three complete weeks before
	// this one; a complete week at or under it is Lighter.
	Limit   float64
	Lighter bool
	// LighterOpen marks a lighter week with sessions of unknown load: it
	// may not have been lighter at all.
	LighterOpen bool
}

// Analysis is the complete result for one athlete.
type Analysis struct {
	Profile     Profile
	Params      Params
	AsOf        Date
	Start       Date // first day of the series; meaningful when len(Days) > 0
	Sessions    []Session
	Days        []Day
	Weeks       []Week
	Sports      []string // sport keys, largest total load first
	Calibration Calibration
	// Estimates lists the profile values taken from the data because the
	// profile did not give them; Profile holds them.
	Estimates []Estimate
	// Notes are the check-ins' free-text notes, in date order.
	Notes []DayNote
	// Needed counts the sessions whose load would have come from a better
	// source had the profile given the value (indexed by bit of Needs).
	Needed      [4]int
	BySource    [7]SourceTotal
	AfterAsOf   int // rows dated after AsOf, left out
	RecoveryRes RecoveryResult
	Flags       []Flag
	Merges      []Merge // sessions exported twice, kept once
	// Recommendation is the advice for the session after AsOf.
	Recommendation Recommendation
	// Projection carries the load metrics and load rules over the planned
	// days after AsOf; nil without planned sessions after it.
	Projection *Projection
	// NotDone lists the planned sessions dated on or before AsOf, in date
	// order: planned, not done. They are not load.
	NotDone []NotDone
	// PlannedBeyond counts the planned sessions dated more than
	// PlanHorizonDays after AsOf, left out of the projection.
	PlannedBeyond int
	// Headroom is how much load the day after AsOf can take before each
	// load rule holds, and the rest-tomorrow comparison; nil without
	// workouts (nothing says what the load was).
	Headroom *Headroom

	// series is the days from Start to the last projected day, with room
	// for one more (tomorrow's alternatives): Days and Projection.Days are
	// its parts.
	series []Day
	// allSessions is Sessions followed by the planned sessions projected.
	allSessions []Session
}

// DayNote is a check-in's note on the day it belongs to ("sick: sore
// throat", "travel").
type DayNote struct {
	Date Date
	Text string
}

// SourceTotal is how much of the load came from one source.
type SourceTotal struct {
	Sessions int
	LP       float64
}

// Analyze runs the whole computation for one athlete.
func Analyze(in Input) *Analysis {
	a := &Analysis{Profile: in.Profile, Params: in.Params, AsOf: in.AsOf}
	done, planned := splitPlanned(in.Workouts, in.Planned)
	ws := keepUntil(done, in.AsOf, &a.AfterAsOf, func(w *Workout) Date { return w.Date }, byStart)
	ws, a.Merges = Dedupe(ws)
	cs := keepUntil(in.Checkins, in.AsOf, &a.AfterAsOf, func(c *Checkin) Date { return c.Date }, func(x, y Checkin) int {
		return cmp.Or(cmp.Compare(x.Date, y.Date), cmp.Compare(x.Origin.FileName(), y.Origin.FileName()), cmp.Compare(x.Line, y.Line))
	})
	a.Start = firstDate(ws, cs, in.AsOf)
	ps, merges := a.splitPlan(planned, ws)
	if len(ws) == 0 && len(cs) == 0 {
		return a
	}
	a.Profile, a.Estimates = estimateProfile(a.Profile, ws, cs, in.AsOf)
	a.notes(cs)
	a.sessions(ws, ps)
	if a.Projection != nil {
		a.Projection.Merges = merges
	}
	a.days()
	a.weeks()
	a.recovery(cs)
	a.rules()
	a.recommend()
	a.project()
	a.nextDay()
	return a
}

// byStart orders workouts by date, start, file and line: the input order.
func byStart(x, y Workout) int {
	return cmp.Or(cmp.Compare(x.Date, y.Date), cmp.Compare(x.StartSec, y.StartSec),
		cmp.Compare(x.Origin.FileName(), y.Origin.FileName()), cmp.Compare(x.Line, y.Line))
}

// keepUntil returns the rows dated up to asOf, counting the others in
// after, sorted by date and then by cmp (file and line: the input order).
func keepUntil[T any](in []T, asOf Date, after *int, date func(*T) Date, cmp func(x, y T) int) []T {
	out := make([]T, 0, len(in))
	for i := range in {
		if date(&in[i]) > asOf {
			*after++
			continue
		}
		out = append(out, in[i])
	}
	slices.SortStableFunc(out, cmp)
	return out
}

// notes keeps the check-ins' notes.
func (a *Analysis) notes(cs []Checkin) {
	for i := range cs {
		if t := cs[i].Notes; t != "" {
			a.Notes = append(a.Notes, DayNote{cs[i].Date, t})
		}
	}
}

// NotesIn returns the check-in notes dated from…to, inclusive.
func (a *Analysis) NotesIn(from, to Date) []DayNote {
	i, _ := slices.BinarySearchFunc(a.Notes, from, func(n DayNote, d Date) int { return cmp.Compare(n.Date, d) })
	j := i
	for j < len(a.Notes) && a.Notes[j].Date <= to {
		j++
	}
	return a.Notes[i:j]
}

func firstDate(ws []Workout, cs []Checkin, asOf Date) Date {
	first := asOf
	if len(ws) > 0 && ws[0].Date < first {
		first = ws[0].Date
	}
	if len(cs) > 0 && cs[0].Date < first {
		first = cs[0].Date
	}
	return first
}

// sessions computes each session's load and the athlete's calibration,
// then the load of the planned sessions ps (after AsOf) with the same
// profile and calibration. Hard sessions are marked over both, in date
// order: a planned session is compared with the 90 days before it, done
// and planned, as it will be once done.
func (a *Analysis) sessions(ws, ps []Workout) {
	lc := newLoadContext(a.Profile)
	if Known(a.Params.SRPEK) {
		a.Calibration = Calibration{K: a.Params.SRPEK, Fixed: true}
	} else {
		a.Calibration = lc.calibrate(ws)
	}
	all := make([]Session, len(ws)+len(ps))
	total := map[string]float64{}
	for i := range all {
		s := &all[i]
		if i < len(ws) {
			s.Workout = ws[i]
		} else {
			s.Workout = ps[i-len(ws)]
			s.Planned = true
		}
		s.Load = lc.load(&s.Workout, a.Calibration.K)
		s.SportKey = sportKey(s.Sport)
		s.WorkIn = IsWorkIn(s.SportKey)
		if s.Planned {
			continue
		}
		total[s.SportKey] += s.LP
		a.BySource[s.Source].Sessions++
		a.BySource[s.Source].LP += s.LP
		for b := 0; b < len(a.Needed); b++ {
			if s.Missed&(1<<b) != 0 {
				a.Needed[b]++
			}
		}
	}
	a.Sports = make([]string, 0, len(total))
	for k := range total {
		a.Sports = append(a.Sports, k)
	}
	slices.SortFunc(a.Sports, func(x, y string) int {
		return cmp.Or(cmp.Compare(total[y], total[x]), cmp.Compare(x, y))
	})
	markHard(all, a.Params)
	a.Sessions = all[:len(ws):len(ws)]
	a.allSessions = all
	if len(ps) > 0 {
		a.Projection = &Projection{Sessions: all[len(ws):]}
	}
}

// sportKey is the grouping key of a sport label: trimmed and lower-cased.
func sportKey(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "other"
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

// days builds the daily series and its load metrics: the analysed days
// from Start to AsOf and, with planned sessions, the projected days after
// it to the last planned one. One pass computes both, so a projected day's
// numbers are the ones the analysis will give once its sessions are done.
// The as-of day is in progress in both: its sessions so far count in load,
// and it is never a completed rest day.
func (a *Analysis) days() {
	n := int(a.AsOf-a.Start) + 1
	m := 0
	if p := a.Projection; p != nil {
		m = int(p.Sessions[len(p.Sessions)-1].Date - a.AsOf)
	}
	all := make([]Day, n+m, n+max(m, 1))
	for i := range all {
		all[i] = Day{Date: a.Start + Date(i), Recovery: emptyRecovery, Planned: i >= n}
	}
	for i := range a.allSessions {
		s := &a.allSessions[i]
		all[s.Date-a.Start].add(s)
	}
	all[n-1].InProgress = true
	loads := make([]float64, n+m)
	for i := range all {
		all[i].restStatus(a.Params.RestLoadMax)
		loads[i] = all[i].Load
	}
	ctl, atl, tsb := PMC(loads, a.Params)
	acwr := ComputeACWR(loads, a.Params)
	mono, strain := Monotony(loads, a.Params.MonotonySD)
	for i := range all {
		d := &all[i]
		d.CTL, d.ATL, d.TSB = ctl[i], atl[i], tsb[i]
		d.Acute, d.Chronic, d.ACWR = acwr.Acute[i], acwr.Chronic[i], acwr.Ratio[i]
		d.Monotony, d.Strain = mono[i], strain[i]
	}
	a.series = all
	a.Days = all[:n:n]
	if m > 0 {
		p := a.Projection
		p.From, p.To, p.Days = a.AsOf+1, a.AsOf+Date(m), all[n:n+m:n+m]
	}
}

// add counts session s in its day.
func (d *Day) add(s *Session) {
	d.Load += s.LP
	d.Sessions++
	if s.WorkIn {
		d.WorkIn = true
		return
	}
	d.TrainLoad += s.LP
	if s.Source == SrcNone {
		d.Unknown++
		if !s.Hard && !Known(s.RPE) {
			d.MaybeHard++
		}
	}
	if s.Hard {
		d.Hard = true
		d.HardCount++
	}
}

// restStatus decides whether the day is a completed rest day, or one
// whose rest status cannot be told yet (RestOpen).
func (d *Day) restStatus(restLoadMax float64) {
	restLevel := d.TrainLoad < restLoadMax
	d.Rest = restLevel && d.Unknown == 0 && !d.InProgress
	d.RestOpen = restLevel && !d.Rest
}

// weeks aggregates the analysed days into calendar weeks and marks
// lighter weeks.
func (a *Analysis) weeks() {
	if len(a.Days) == 0 {
		return
	}
	a.Weeks = a.buildWeeks(a.Days, a.Sessions)
}

// buildWeeks aggregates days (from Start) into calendar weeks, with the
// load by sport of sessions (nil: no load by sport), and marks lighter
// weeks; the week of the as-of day is in progress.
func (a *Analysis) buildWeeks(days []Day, sessions []Session) []Week {
	var sport map[string]int
	if sessions != nil {
		sport = make(map[string]int, len(a.Sports))
		for i, s := range a.Sports {
			sport[s] = i
		}
	}
	first := a.Start.WeekStart(a.Params.WeekStart)
	nw := int(days[len(days)-1].Date-first)/7 + 1
	ws := make([]Week, nw)
	for i := range ws {
		ws[i] = Week{Start: first + Date(7*i), Limit: Missing()}
		if sessions != nil {
			ws[i].BySport = make([]float64, len(a.Sports))
		}
	}
	for i := range days {
		d := &days[i]
		w := &ws[int(d.Date-first)/7]
		w.Days++
		w.Load += d.Load
		w.Sessions += d.Sessions
		w.Unknown += d.Unknown
		if d.Rest {
			w.RestDays++
		}
	}
	for i := range sessions {
		s := &sessions[i]
		ws[int(s.Date-first)/7].BySport[sport[s.SportKey]] += s.LP
	}
	markLighter(ws, a.Params.DeloadRatio, a.AsOf)
	return ws
}

// markLighter marks complete weeks whose load is at most ratio × the mean of
// the up to three complete weeks before them. The week of asOf (in
// progress; complete when it ends on asOf, or when projected days fill
// it) is complete only when its load is already above its limit.
func markLighter(ws []Week, ratio float64, asOf Date) {
	var prev []float64
	for i := range ws {
		w := &ws[i]
		w.Complete = w.Days == 7
		if !w.Complete {
			continue
		}
		if len(prev) > 0 {
			var sum float64
			for _, l := range prev {
				sum += l
			}
			w.Limit = ratio * sum / float64(len(prev))
			w.Lighter = w.Load <= w.Limit
			w.LighterOpen = w.Lighter && w.Unknown > 0
		}
		if w.Start <= asOf && asOf <= w.Start+6 && w.Lighter {
			// The week ends today, which is not over: lighter so far, but
			// more training today could still make it not lighter.
			w.Complete, w.Lighter, w.LighterOpen = false, false, false
			continue
		}
		prev = append(prev, w.Load)
		if len(prev) > 3 {
			prev = prev[1:]
		}
	}
}

package report

import (
	"cmp"
	"fmt"
	"html/template"
	"math"
	"slices"
	"strings"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
)

// verdictView is the first card of an athlete: what to do next and why.
type verdictView struct {
	Action, Shape, Class, Kind string
	Plan, Because              string
	// PlanWhy is the reference of the plan, shown below the first screen
	// (the HTML only; Plan holds all of it elsewhere).
	PlanWhy string
	// Cautions say what the advice cannot see (load unknown for most
	// sessions): shown right under the plan.
	Cautions []string
	Evidence []evidenceView
	More     []evidenceView // evidence past the first screen (the HTML only)
	// CautionsMore are the cautions in full, below the first screen, when
	// the card shows only their first clause (the HTML only).
	CautionsMore []string
	// EvidenceNotes are the check-in notes that fall in the evidence's
	// windows, once each: they may explain it ("travel", "sick").
	EvidenceNotes string
	Unchecked     []uncheckedView
	Clears        []string
	RestsOn       string // what the advice rests on, in words
	Notes         []string
	Caveat        string // what the data cannot know; the HTML only
}

type evidenceView struct {
	Rule, Text, Measure, Severity string
}

type uncheckedView struct {
	Rule, Reason string
}

type readinessView struct {
	Value, Note string
	Basis       string // which parts it rests on, when not all four
	Known       bool   // today has a readiness score
	Parts       []partView
	Spark       template.HTML
	Missing     string
}

type partView struct {
	Name, Score, Points, Weight, Note string
	Width                             int // bar width in percent
	Missing                           bool
}

type historyView struct {
	Date, Action, Class, Shape, Kind, Rules, Next, Notes string
}

type flagView struct {
	Rule, Span, Severity, Detail string
}

// actionLooks gives each action its word, shape and colour class: colour
// never alone (report design §1).
var actionLooks = [metrics.NumActions]struct{ word, shape, class string }{
	metrics.Go:      {"GO", "●", "go"},
	metrics.Unknown: {"UNKNOWN", "?", "unknown"},
	metrics.Easy:    {"EASY", "◐", "easy"},
	metrics.WorkIn:  {"WORK-IN", "◌", "workin"},
	metrics.Rest:    {"REST", "■", "rest"},
}

// plans say what each recommendation means in practice.
var plans = map[string]string{
	"rest":                      "No training today. A walk is fine; sleep and eat well.",
	"easy":                      "Keep it easy: up to 60 minutes at RPE 4 or less, no intervals.",
	"go":                        "Train as planned.",
	"unknown":                   "No advice from the data: nothing that is known warns, but some rules could not be checked. Train by feel, keep hard sessions for when the data is complete, and fill in what is missing (below).",
	metrics.Breathwork.String(): "25 minutes: 5 lying still, 15 of slow breathing (about 6 breaths a minute, longer out than in), 5 of easy walking. Slow breathing raises the vagal activity that HRV measures (Laborde et al. 2022).",
	metrics.Mobility.String():   "20–30 minutes of easy joint circles and controlled range through hips, spine and shoulders: movement without new eccentric load while the soreness settles.",
	metrics.Stretching.String(): "20–30 minutes of guided, gentle holds of 30–60 seconds, never into pain. It is for comfort: stretching does not make soreness go away faster (Herbert et al. 2011).",
	metrics.Flow.String():       "20–30 minutes of easy movement, a walk, an easy spin or gentle yoga at RPE 3 or less: keep the habit while the load settles.",
}

func buildVerdict(a *metrics.Analysis) verdictView {
	r := a.Recommendation
	look := actionLooks[r.Action]
	v := verdictView{Action: look.word, Shape: look.shape, Class: look.class, Kind: r.WorkIn.String(), Because: r.Because}
	if r.Action == metrics.Unknown {
		v.Because = text.Sentence(r.Because)
	}
	v.Plan = plans[r.Action.String()]
	if r.Action == metrics.WorkIn {
		v.Plan = plans[r.WorkIn.String()]
	}
	if c := recentUnknownNote(a); c != "" {
		v.Cautions = append(v.Cautions, c)
	}
	d := today(a)
	seen := map[string]bool{}
	var notes []metrics.DayNote
	noted := map[metrics.DayNote]bool{}
	for _, e := range r.Evidence {
		v.Evidence = append(v.Evidence, evidenceView{Rule: e.Rule, Text: e.Detail, Measure: e.Measure(), Severity: e.Severity})
		if c := clearsWith(e.Rule, a.Params, d); c != "" && !seen[c] {
			v.Clears = append(v.Clears, c)
			seen[c] = true
		}
		for _, n := range e.Notes {
			if !noted[n] {
				noted[n] = true
				notes = append(notes, n)
			}
		}
	}
	slices.SortStableFunc(notes, func(x, y metrics.DayNote) int { return cmp.Compare(x.Date, y.Date) })
	v.EvidenceNotes = notesText(notes, a.AsOf)
	for _, u := range r.Unchecked {
		v.Unchecked = append(v.Unchecked, uncheckedView{Rule: u.Rule, Reason: u.Reason})
	}
	v.RestsOn = restsOn(a)
	v.Caveat = "You know things the data does not: illness, travel, life stress. If this feels wrong, the inputs it used are below."
	return v
}

// clearsWith says what would end a rule; readiness deciding rest on its
// own clears as readiness-low does.
func clearsWith(rule string, p metrics.Params, d *metrics.Day) string {
	r, ok := metrics.RuleByName(rule)
	if !ok {
		r, _ = metrics.RuleByName(metrics.RuleReadinessLow)
	}
	return r.Clears(p, d)
}

// notesText quotes check-in notes with their days: “sick: cold” (Mon 2 Mar).
func notesText(ns []metrics.DayNote, asOf metrics.Date) string {
	var out []string
	for _, n := range ns {
		out = append(out, fmt.Sprintf("“%s” (%s)", clipNote(n.Text), dayLabel(asOf, n.Date)))
	}
	return strings.Join(out, "; ")
}

// clipNote shortens a note quoted beside a number, on one line.
func clipNote(s string) string { return text.Clip(strings.Join(strings.Fields(s), " "), 120) }

func buildReadiness(a *metrics.Analysis) readinessView {
	d := today(a)
	v := readinessView{Value: dash}
	if metrics.Known(d.Readiness) {
		v.Value, v.Known = text.Fixed(d.Readiness, 0), true
		v.Note = "75 is your usual day; 50 is clearly worse (one SD, for HRV and resting HR)"
		var have, lack []string
		for i := 0; i < metrics.NumParts; i++ {
			if metrics.Known(d.Parts[i].Score) {
				have = append(have, metrics.PartNames[i])
			} else {
				lack = append(lack, metrics.PartNames[i])
			}
		}
		switch {
		case len(have) == 1:
			v.Basis = "from " + have[0] + " alone: no other part has data today"
		case len(lack) > 0:
			v.Basis = "from " + text.JoinAnd(have) + " (no " + text.JoinOr(lack) + " today)"
		}
	} else if d.Checkins == 0 {
		v.Missing = "No check-in today, so no readiness."
	} else {
		v.Missing = "Today's check-in has nothing readiness can use yet."
	}
	for i := 0; i < metrics.NumParts; i++ {
		p := d.Parts[i]
		pv := partView{Name: metrics.PartNames[i]}
		if !metrics.Known(p.Score) {
			pv.Missing = true
			pv.Note = partMissing(i, d)
		} else {
			pv.Score, pv.Points = text.Fixed(p.Score, 0), text.Signed(p.Points, 0)
			pv.Weight = text.Fixed(100*p.Weight, 0) + " %"
			pv.Width = int(math.Round(p.Score))
		}
		v.Parts = append(v.Parts, pv)
	}
	return v
}

// partMissing says why a readiness part is missing today.
func partMissing(i int, d *metrics.Day) string {
	if d.Checkins == 0 {
		return "no check-in today"
	}
	base := func(b metrics.Baseline) string {
		return fmt.Sprintf("baseline forming (%d of %d days)", b.N, metrics.MinBaseline)
	}
	switch i {
	case metrics.PartHRV:
		if !metrics.Known(d.HRV) {
			return "none today; weight shared by the others"
		}
		return base(d.HRVRef)
	case metrics.PartRHR:
		if !metrics.Known(d.RestingHR) {
			return "none today; weight shared by the others"
		}
		return base(d.RHRRef)
	case metrics.PartSleep:
		return "no sleep recorded today"
	}
	return "no soreness, stress, mood or energy today"
}

// sparkline draws readiness over the last n days as an inline SVG: numbers
// only, no user text, so it is safe as template.HTML.
func sparkline(a *metrics.Analysis, n int) template.HTML {
	days := a.Days[max(0, len(a.Days)-n):]
	vals := make([]float64, len(days))
	for i := range days {
		vals[i] = days[i].Readiness
	}
	const w, h = 140.0, 28.0
	path := sparkPath(vals, w, h, n)
	if path == "" {
		return ""
	}
	usual := h - 2 - (h-4)*0.75
	return template.HTML(fmt.Sprintf(`<svg class="spark" viewBox="0 0 %.0f %.0f" width="%.0f" height="%.0f" role="img" aria-label="readiness, last %d days"><line x1="0" x2="%.0f" y1="%.1f" y2="%.1f" class="usual"/><path d="%s"/></svg>`,
		w, h, w, h, n, w, usual, usual, path))
}

// historyRows lists the last days' advice next to what was done the day
// after, so a coach can see whether warnings were followed.
func historyRows(a *metrics.Analysis, days int) []historyView {
	var rows []historyView
	for i := len(a.Days) - 1; i >= max(0, len(a.Days)-days); i-- {
		d := &a.Days[i]
		look := actionLooks[d.Action]
		var rules []string
		for k, name := range metrics.RuleNames() {
			if d.Rules[k].Holds {
				rules = append(rules, name)
			}
		}
		next := "— (today is not over)"
		if i+1 < len(a.Days) {
			n := &a.Days[i+1]
			switch {
			case n.InProgress && n.Sessions == 0:
				next = "today: nothing yet"
			case n.InProgress:
				next = fmt.Sprintf("today so far: %s, %s LP", text.Plural(n.Sessions, "session", "sessions"), lp(n.Load))
			case n.Sessions == 0:
				next = "nothing (rest)"
			case n.Rest:
				next = fmt.Sprintf("%s, rest-day load (%s LP)", text.Plural(n.Sessions, "session", "sessions"), lp(n.Load))
			default:
				next = fmt.Sprintf("%s, %s LP", text.Plural(n.Sessions, "session", "sessions"), lp(n.Load))
				if n.Hard {
					next += ", hard"
				}
			}
		}
		var notes []string
		for _, n := range a.NotesIn(d.Date, d.Date) {
			notes = append(notes, clipNote(n.Text))
		}
		rows = append(rows, historyView{Date: d.Date.String(), Action: d.Action.String(), Class: look.class,
			Shape: look.shape, Kind: d.WorkInKind.String(), Rules: strings.Join(rules, ", "), Next: next,
			Notes: strings.Join(notes, " · ")})
	}
	return rows
}

func flagRows(a *metrics.Analysis, from metrics.Date) []flagView {
	rows := make([]flagView, 0, len(a.Flags))
	for i := len(a.Flags) - 1; i >= 0; i-- {
		f := a.Flags[i]
		if f.To < from {
			continue
		}
		rows = append(rows, flagView{Rule: f.Rule, Span: metrics.Span(f.From, f.To, " – "), Severity: f.Severity, Detail: f.Detail()})
	}
	// Newest first across rules.
	slices.SortStableFunc(rows, func(x, y flagView) int { return cmp.Compare(y.Span, x.Span) })
	return rows
}

package metrics

import (
	"strings"
	"testing"

	"github.com/workin/workin/internal/text"
)

// The as-of day is in progress (science reference, "today"): it is never a
// completed rest day, streaks count up to it without it ending them, and a
// rule that held on the last complete day stays until today's own data
// clears it.
func TestAsOfInProgress(t *testing.T) {
	// Fifteen training days, then a morning with no session yet.
	pl := newPlan(16)
	for i := 0; i < 15; i++ {
		pl.load(i, 60)
	}
	a := pl.run()
	d := a.Days[15]
	if !d.InProgress || d.Rest || !d.RestOpen {
		t.Fatalf("as-of day: in progress %v, rest %v, open %v; want in progress, not rest, open", d.InProgress, d.Rest, d.RestOpen)
	}
	for i := 0; i < 15; i++ {
		if a.Days[i].InProgress {
			t.Errorf("day %d is marked in progress", i)
		}
	}
	// The streak is 15, carried through today without being ended.
	st := d.Rules[iNoRestDay]
	if !st.Holds || st.Value != 15 {
		t.Errorf("no-rest-day on the as-of morning = %+v, want holding at 15", st)
	}
	if a.Recommendation.Action != Rest {
		t.Errorf("advice %s (%s), want rest: 15 days without rest", a.Recommendation.Action, a.Recommendation.Because)
	}
	ev := a.Recommendation.Evidence[0]
	if ev.Rule != RuleNoRestDay || ev.Since != day0 || !strings.Contains(ev.Detail, "since "+day0.String()) {
		t.Errorf("evidence %+v: its since and its text must name the first day without rest, %s", ev, day0)
	}
	// The same data a day earlier (as-of = day 14, trained) gives the same
	// advice: the morning after never says less.
	pl.n = 15
	if prev := pl.run(); prev.Recommendation.Action > a.Recommendation.Action {
		t.Errorf("as-of day 14: %s; as-of day 15 morning: %s", prev.Recommendation.Action, a.Recommendation.Action)
	}
	// Training today extends the streak to 16.
	pl.n = 16
	pl.load(15, 60)
	if v := pl.run().Days[15].Rules[iNoRestDay].Value; v != 16 {
		t.Errorf("with today's session the streak is %v, want 16", v)
	}
}

// TestCarriedRules: a load ratio that held yesterday holds this morning,
// before today's training could lower or raise it; a body sign clears only
// with a morning reading.
func TestCarriedRules(t *testing.T) {
	base := func() *plan {
		pl := newPlan(40)
		for i := 0; i < 39; i++ {
			l := 30.0
			if i >= 33 {
				l = 150 // a spike in the last week
			}
			if i%7 == 6 && i < 33 {
				l = 0
			}
			pl.load(i, l)
		}
		return pl
	}
	a := base().run()
	y, d := a.Days[38], a.Days[39]
	if !y.Rules[iLoadSpike].Holds {
		t.Fatalf("the spike does not hold on the last complete day: %+v", y.Rules[iLoadSpike])
	}
	st := d.Rules[iLoadSpike]
	if !st.Holds || !st.Carried || st.Value != y.Rules[iLoadSpike].Value {
		t.Errorf("load-spike this morning = %+v, want carried from yesterday (%v)", st, y.Rules[iLoadSpike].Value)
	}
	var ev Evidence
	for _, e := range a.Recommendation.Evidence {
		if e.Rule == RuleLoadSpike {
			ev = e
		}
	}
	if !ev.Carried || ev.Date != y.Date {
		t.Errorf("evidence %+v: want carried, dated %s (the day its value was measured)", ev, y.Date)
	}

	// Soreness: carried without a reading this morning, cleared by one.
	pl := newPlan(8)
	for i := 0; i < 7; i++ {
		pl.checkin(i, func(c *Checkin) { c.Soreness = 8 })
	}
	if st := pl.run().Days[7].Rules[iSoreness]; !st.Holds || !st.Carried {
		t.Errorf("soreness without this morning's reading = %+v, want carried", st)
	}
	pl.checkin(7, func(c *Checkin) { c.Soreness = 3 })
	if st := pl.run().Days[7].Rules[iSoreness]; st.Holds {
		t.Errorf("soreness 3 this morning = %+v, want cleared", st)
	}
}

// TestInProgressWeek: a week that ends on the as-of day is complete only
// once more training today could not make it lighter.
func TestInProgressWeek(t *testing.T) {
	ws := []Week{
		{Start: day0, Days: 7, Load: 300, Limit: Missing()},
		{Start: day0 + 7, Days: 7, Load: 100, Limit: Missing()},
	}
	markLighter(ws, 0.8, day0+13)
	if ws[1].Complete || ws[1].Lighter {
		t.Errorf("a week lighter so far that ends today = %+v, want not complete, not lighter", ws[1])
	}
	ws[1] = Week{Start: day0 + 7, Days: 7, Load: 400, Limit: Missing()} // already above the limit
	markLighter(ws, 0.8, day0+13)
	if !ws[1].Complete || ws[1].Lighter {
		t.Errorf("a week above its limit that ends today = %+v, want complete, not lighter", ws[1])
	}
}

// TestUnknownIsNeverGo: sessions of unknown load leave load rules
// unchecked, and an athlete with nothing known to warn about gets
// "unknown", never "go".
func TestUnknownIsNeverGo(t *testing.T) {
	pl := newPlan(30)
	for i := 0; i < 30; i++ {
		w := NewWorkout()
		w.Date, w.Sport = day0+Date(i), "ride" // no duration, no RPE: unknown load
		pl.ws = append(pl.ws, w)
	}
	a := pl.run()
	r := a.Recommendation
	if r.Action != Unknown {
		t.Fatalf("all loads unknown: advice %s (%s), want unknown", r.Action, r.Because)
	}
	if len(r.Unchecked) == 0 || r.UnknownLoad != r.Sessions || r.Sessions == 0 {
		t.Errorf("unchecked %v, unknown %d of %d: want the load rules listed and every session unknown", r.Unchecked, r.UnknownLoad, r.Sessions)
	}
	// Days of unknown load are never rest days, but they do not make a
	// no-rest-day streak either: it could not be checked.
	st := a.Days[28].Rules[iNoRestDay]
	if st.Holds || !st.Unknown {
		t.Errorf("no-rest-day over unknown days = %+v, want unchecked, not holding", st)
	}
	for i := 0; i < 29; i++ {
		if a.Days[i].Rest {
			t.Fatalf("day %d of unknown load is a rest day", i)
		}
	}
	// Known loads: the same athlete is a calm go.
	pl = newPlan(30)
	for i := 0; i < 30; i += 2 {
		pl.load(i, 40)
	}
	if r := pl.run().Recommendation; r.Action != Go || len(r.Unchecked) != 0 {
		t.Errorf("known loads: %s with unchecked %v, want go", r.Action, r.Unchecked)
	}
	// Check-ins only: no workouts at all is not a go either.
	pl = newPlan(10)
	for i := 0; i < 10; i++ {
		pl.checkin(i, func(c *Checkin) { c.SleepHours = 8 })
	}
	if r := pl.run().Recommendation; r.Action != Unknown {
		t.Errorf("check-ins only: %s, want unknown", r.Action)
	}
	// A rule that holds on known load holds whatever the unknown adds.
	pl = newPlan(20)
	for i := 0; i < 20; i++ {
		pl.load(i, 60)
	}
	w := NewWorkout()
	w.Date, w.Sport = day0+19, "swim"
	pl.ws = append(pl.ws, w)
	if r := pl.run().Recommendation; r.Action < WorkIn {
		t.Errorf("19 known training days plus an unknown swim: %s, want at least work-in", r.Action)
	}
}

func TestEstimates(t *testing.T) {
	var ws []Workout
	for i, hr := range []float64{150, 171, 188, 165, 182, 179} {
		w := NewWorkout()
		w.Date, w.Sport, w.Duration, w.AvgHR, w.MaxHR = day0+Date(i), "run", 3600, hr-20, hr
		ws = append(ws, w)
	}
	var cs []Checkin
	for i, r := range []float64{52, 48, 50, 61, 49, 51, 50} {
		c := NewCheckin()
		c.Date, c.RestingHR = day0+Date(i), r
		cs = append(cs, c)
	}
	p, es := estimateProfile(NewProfile("a"), ws, cs, day0+7)
	if p.MaxHR != 188 || p.RestingHR != 50 {
		t.Errorf("max %v, resting %v; want 188 (highest of 6 sessions) and 50 (median of 7 mornings)", p.MaxHR, p.RestingHR)
	}
	if len(es) != 2 || es[0].Stated || es[0].N != 7 || es[1].N != 6 {
		t.Errorf("estimates %+v", es)
	}
	// A profile value always wins.
	given := NewProfile("a")
	given.MaxHR = 195
	if p, es := estimateProfile(given, ws, cs, day0+7); p.MaxHR != 195 || len(es) != 1 || es[0].Key != "resting_hr" {
		t.Errorf("profile max_hr 195: got %v with %+v", p.MaxHR, es)
	}
	// Too few readings: no estimate.
	if p, es := estimateProfile(NewProfile("a"), ws[:4], cs[:4], day0+7); Known(p.MaxHR) || Known(p.RestingHR) || len(es) != 0 {
		t.Errorf("4 sessions and 4 mornings gave %+v", es)
	}
	// An export's stated setting wins over an estimate: the median of the
	// latest five.
	for i, ftp := range []float64{250, 260, 275, 275, 275, 270} {
		ws[i].Stated.FTP = ftp
	}
	if p, es := estimateProfile(NewProfile("a"), ws, cs, day0+7); p.FTP != 275 || !es[len(es)-1].Stated {
		t.Errorf("stated FTP: got %v with %+v, want 275 (median of the latest five)", p.FTP, es)
	}
	// Contradictory values are left out: max HR must be 20 bpm above rest.
	low := NewProfile("a")
	low.RestingHR = 175
	if p, _ := estimateProfile(low, ws, cs, day0+7); Known(p.MaxHR) {
		t.Errorf("max HR %v estimated below resting HR 175 + 20", p.MaxHR)
	}
	// Analyze uses them: heart-rate load with no profile at all.
	a := Analyze(Input{Profile: NewProfile("a"), Params: DefaultParams(), AsOf: day0 + 7, Workouts: ws, Checkins: cs})
	if a.Sessions[0].Source != SrcHR || len(a.Estimates) == 0 {
		t.Errorf("no profile: first session from %s, estimates %v; want heart rate from the estimates", a.Sessions[0].Source, a.Estimates)
	}
}

// TestWordsAgreeWithNumbers: comparisons are printed with the precision
// that makes them visible, and every dated piece of evidence agrees with
// its own text.
func TestWordsAgreeWithNumbers(t *testing.T) {
	v, lo, hi := text.ApartRange(63.64, 63.91, 68.2)
	if v == lo || v == hi || v != "63.6" || lo != "63.9" {
		t.Errorf("HRV 63.64 below 63.91: printed %s below %s–%s", v, lo, hi)
	}
	if v, lo, _ := text.ApartRange(58.2, 64.1, 70); v != "58" || lo != "64" {
		t.Errorf("clearly below: %s < %s, want whole ms", v, lo)
	}
	// hrv-low: its since is the first low morning, as its text says.
	pl := newPlan(40)
	for i := 0; i < 40; i++ {
		hrv := 60.0 + float64(i%3)
		if i >= 33 {
			hrv = 40
		}
		pl.checkin(i, func(c *Checkin) { c.HRV = hrv })
	}
	a := pl.run()
	for _, e := range a.Recommendation.Evidence {
		if e.Since == e.Date && e.Rule == "readiness" {
			continue // about today only
		}
		if !strings.Contains(e.Detail, "since "+e.Since.String()) && !strings.Contains(e.Detail, e.Since.String()) {
			t.Errorf("%s: since %s but the text says %q", e.Rule, e.Since, e.Detail)
		}
	}
	// An easy day resting on no-deload-week alone names it.
	pl = newPlan(8 * 7)
	for i := 0; i < 8*7; i++ {
		if i%7 != 6 {
			pl.load(i, 50)
		}
	}
	r := pl.run().Recommendation
	if r.Action != Easy || !strings.Contains(r.Because, "without a lighter week") {
		t.Errorf("no lighter week: %s because %q", r.Action, r.Because)
	}
}

func TestCheckinNotes(t *testing.T) {
	pl := newPlan(10)
	for i := 0; i < 10; i++ {
		pl.checkin(i, func(c *Checkin) {
			c.Soreness = 8
			if i == 6 {
				c.Notes = "sick: cold and sore throat"
			}
		})
	}
	a := pl.run()
	if len(a.Notes) != 1 || a.Notes[0].Date != day0+6 {
		t.Fatalf("notes %+v, want the one on day 6", a.Notes)
	}
	var ev Evidence
	for _, e := range a.Recommendation.Evidence {
		if e.Rule == RuleSorenessPersistent {
			ev = e
		}
	}
	if len(ev.Notes) != 1 || ev.Notes[0].Text != "sick: cold and sore throat" {
		t.Errorf("soreness evidence notes = %+v, want the note that falls in its window", ev.Notes)
	}
}

// TestRuleRegistryComplete: every rule has every part the report needs,
// and names are unique.
func TestRuleRegistryComplete(t *testing.T) {
	seen := map[string]bool{}
	p := DefaultParams()
	d := &Day{Recovery: emptyRecovery}
	for k, r := range Rules() {
		if r.Name == "" || seen[r.Name] {
			t.Fatalf("rule %d: name %q empty or repeated", k, r.Name)
		}
		seen[r.Name] = true
		if r.eval == nil || r.detail == nil || r.phrase == nil || r.holds == nil || r.basis == nil || r.clears == nil || r.measure == nil || r.Unit == "" {
			t.Errorf("%s lacks a part of its definition", r.Name)
		}
		if r.load && r.unchecked == nil {
			t.Errorf("%s reads load but cannot say why it could not be checked", r.Name)
		}
		if r.advice != WorkIn && r.advice != Easy {
			t.Errorf("%s calls for %s on its own", r.Name, r.advice)
		}
		if r.Holds(p) == "" || r.Clears(p, d) == "" || r.Measure(Evidence{Rule: r.Name, Value: 1, Threshold: 2}) == "" {
			t.Errorf("%s has empty words", r.Name)
		}
		if got, ok := RuleByName(r.Name); !ok || got.Name != r.Name || !IsRule(r.Name) {
			t.Errorf("%s is not found by name", r.Name)
		}
	}
	if len(seen) != NumRules || len(RuleNames()) != NumRules {
		t.Errorf("%d rules named, NumRules %d", len(seen), NumRules)
	}
}

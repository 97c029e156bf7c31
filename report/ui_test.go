package report

import (
	"math"
	"strings"
	"testing"

	"github.com/workin/workin/metrics"
)

// TestTableCells: each format of a chart's table, on values as written.
func TestTableCells(t *testing.T) {
	miss := metrics.Missing()
	cols := dayColumns{
		"hrvln": {math.Log(54), miss}, "hlo": {math.Log(57), miss}, "hw": {math.Log(63) - math.Log(57), miss},
		"f": {dayRest | dayWorkIn, dayHard | dayUnknown}, "tsb": {-36, -0.2}, "acwr": {1.234, miss},
		"s0": {10, 20}, "q0": {miss, 35}, "s1": {5, miss}, "q1": {7, 8},
	}
	for _, c := range []struct {
		col  tableCol
		i    int
		want string
	}{
		{tableCol{Col: "hrvln", Fmt: "ms"}, 0, "54"}, {tableCol{Col: "hrvln", Fmt: "ms"}, 1, ""},
		{tableCol{Col: "hlo", Fmt: "band"}, 0, "57–63"}, {tableCol{Col: "hlo", Fmt: "band"}, 1, ""},
		{tableCol{Col: "f", Fmt: "day"}, 0, "rest + work-in"}, {tableCol{Col: "f", Fmt: "day"}, 1, "load unknown"},
		{tableCol{Col: "f", Fmt: "hard"}, 0, ""}, {tableCol{Col: "f", Fmt: "hard"}, 1, "▲"},
		{tableCol{Col: "q", Fmt: "rpe"}, 0, "7"}, {tableCol{Col: "q", Fmt: "rpe"}, 1, "43"},
		{tableCol{Col: "tsb", Fmt: "0"}, 0, "−36"}, {tableCol{Col: "tsb", Fmt: "0"}, 1, "0"},
		{tableCol{Col: "acwr", Fmt: "2"}, 0, "1.23"}, {tableCol{Col: "acwr", Fmt: "2"}, 1, ""},
		{tableCol{Col: "absent", Fmt: "1"}, 0, ""},
	} {
		if got := cols.cell(c.col, c.i); got != c.want {
			t.Errorf("%s %s day %d = %q, want %q", c.col.Fmt, c.col.Col, c.i, got, c.want)
		}
	}
	if w := dayWord(dayInProgress | dayRest); w != "today, not over" {
		t.Errorf("the day in progress reads %q", w)
	}
}

// TestDayTables: a day chart's table in the page holds the last 12 weeks,
// newest first, without empty days, and says so; a packed body's is left
// to the browser.
func TestDayTables(t *testing.T) {
	a := sampleAthlete(t)
	win := detailWindow(a.Analysis, 0)
	_, cols := chartData(a, win)
	days := a.Days[win.from : win.to+1]
	for i := range chartSpecs {
		s := &chartSpecs[i]
		if s.table == nil {
			continue
		}
		tv := dayTable(s, cols, days)
		if !tv.Static || len(tv.Rows) == 0 || len(tv.Rows) > staticTableDays || len(tv.Head) != len(s.table)+1 {
			t.Fatalf("%s: %d rows, head %v", s.kind, len(tv.Rows), tv.Head)
		}
		if tv.Rows[0][0] != days[len(days)-1].Date.String() && s.kind != "hrv" && s.kind != "rhr" {
			t.Errorf("%s: first row %v, want today first", s.kind, tv.Rows[0])
		}
		if !strings.Contains(tv.Caption, "the last 12 weeks") || tv.Span != "the last 12 weeks" {
			t.Errorf("%s: caption %q", s.kind, tv.Caption)
		}
		for _, row := range tv.Rows {
			if len(row) != len(tv.Head) {
				t.Fatalf("%s: row %v", s.kind, row)
			}
		}
		if lazy := dayTable(s, nil, days); lazy.Static || lazy.Rows != nil {
			t.Errorf("%s: a packed body's table has rows", s.kind)
		}
	}
}

// TestSportGroups: sports keep their own stack and a colour of their
// family, a second sport of one family another colour, work-ins one stack,
// and rare sports "other".
func TestSportGroups(t *testing.T) {
	start := metrics.MustDate("2026-01-05")
	var ws []metrics.Workout
	add := func(day int, sport string, min float64, rpe float64) {
		w := metrics.NewWorkout()
		w.Date, w.Sport, w.Duration, w.RPE = start+metrics.Date(day), sport, min*60, rpe
		ws = append(ws, w)
	}
	for d := 0; d < 28; d++ {
		add(d, "ride", 90, 5)
		if d%2 == 0 {
			add(d, "virtualride", 60, 5)
			add(d, "run", 40, 6)
		}
		if d%7 == 0 {
			add(d, "yoga", 30, 2)
			add(d, "mobility", 20, 1)
		}
	}
	add(3, "walk", 20, 2)
	add(4, "pilates", 20, 2)
	p := metrics.NewProfile("g")
	an := metrics.Analyze(metrics.Input{Profile: p, Params: metrics.DefaultParams(), AsOf: start + 27, Workouts: ws})
	groups, of := sportGroups(an, start)
	names := map[string]sportGroup{}
	for _, g := range groups {
		names[g.name] = g
	}
	if names["ride"].colour != "$c-sport-ride" || names["run"].colour != "$c-sport-run" {
		t.Errorf("families: %+v", groups)
	}
	if vr := names["virtualride"]; vr.colour == "$c-sport-ride" || vr.colour == "" {
		t.Errorf("a virtual ride shares the ride's colour: %+v", vr)
	}
	if of["walk"] != of["pilates"] || !strings.HasPrefix(groups[of["walk"]].name, "other: ") || groups[of["walk"]].colour != "$c-sport-other" {
		t.Errorf("rare sports: %+v", groups)
	}
	if of["yoga"] != of["mobility"] || groups[of["yoga"]].colour != "$c-sport-workin" || groups[len(groups)-1].name != groups[of["yoga"]].name {
		t.Errorf("work-ins: %+v", groups)
	}
	for _, g := range groups {
		if !g.rpe {
			t.Errorf("%s: all its load is from RPE, not marked", g.name)
		}
	}
	seen := map[string]bool{}
	for _, g := range groups {
		if seen[g.colour] {
			t.Errorf("two stacks share %s", g.colour)
		}
		seen[g.colour] = true
	}
}

// TestFirstScreen: at most four evidence lines before "and N more"; a
// plan's reference goes below the first screen; the caveat of a packed
// athlete moves into its body.
func TestFirstScreen(t *testing.T) {
	a := sampleAthlete(t)
	r := &Report{Title: "S", AsOf: a.AsOf}
	a.Recommendation.Evidence = append(a.Recommendation.Evidence, a.Recommendation.Evidence...)
	a.Recommendation.Evidence = append(a.Recommendation.Evidence, a.Recommendation.Evidence...)
	n := len(a.Recommendation.Evidence)
	v := buildAthlete(r, 0, a, true, false)
	if n <= maxEvidenceShown || len(v.Verdict.Evidence) != maxEvidenceShown || len(v.Verdict.More) != n-maxEvidenceShown {
		t.Errorf("%d evidence lines: %d shown, %d more", n, len(v.Verdict.Evidence), len(v.Verdict.More))
	}
	do, why := splitPlan(plans["breathwork"])
	if !strings.HasPrefix(do, "25 minutes") || !strings.HasSuffix(do, ".") || !strings.Contains(why, "Laborde et al. 2022") || do+" "+why != plans["breathwork"] {
		t.Errorf("breathwork plan split into %q and %q", do, why)
	}
	if do, why := splitPlan(plans["rest"]); do != plans["rest"] || why != "" {
		t.Errorf("rest plan split into %q and %q", do, why)
	}
	lazy := buildAthlete(r, 0, a, false, true)
	if lazy.Verdict.Caveat != "" || lazy.Caveat == "" || lazy.Ready.Spark != "" {
		t.Errorf("a packed athlete's head keeps its caveat or sparkline")
	}
}

// TestRosterWords: a stale check-in shows a hollow shape and says what it
// means; everyone who is not "go", or lacks a check-in, needs action.
func TestRosterWords(t *testing.T) {
	asOf := metrics.MustDate("2026-03-01")
	mk := func(act metrics.Action, last metrics.Date) *Part {
		return &Part{Summary: Summary{HasData: true, Readiness: 60, LastCheckin: last, Form: 3, ACWR: 1.1, Last7: 300, LastRest: asOf - 3,
			Recommendation: metrics.Recommendation{Action: act}}}
	}
	r := &Report{AsOf: asOf}
	ov := buildOverview(r, []*Part{mk(metrics.Go, asOf), mk(metrics.Go, asOf-3), mk(metrics.Easy, asOf)}, func(i int) string { return "p" + string(rune('0'+i)) })
	if ov.Needs != 2 || ov.NoCheck != 1 {
		t.Errorf("needs %d, no check-in %d", ov.Needs, ov.NoCheck)
	}
	for _, row := range ov.Rows {
		switch {
		case row.Stale && (row.ChipShape != "○" || row.CheckWhy == "" || !row.Needs || row.CheckSort != "3"):
			t.Errorf("stale row %+v", row)
		case !row.Stale && row.Action == "go" && row.Needs:
			t.Errorf("a go with a check-in needs action: %+v", row)
		}
		if row.Href == "" || row.ReadySort == "" || row.RestSort != "3" {
			t.Errorf("row %+v", row)
		}
	}
	if len(ov.Filters) == 0 || ov.Filters[len(ov.Filters)-1] != "action" {
		t.Errorf("filters %v", ov.Filters)
	}
}

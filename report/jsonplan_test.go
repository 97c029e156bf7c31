package report

import (
	"bytes"
	"math"
	"reflect"
	"testing"

	"github.com/workin/workin/metrics"
	"github.com/workin/workin/model"
)

// planReport is docs/plan.md's worked projection: one day of nothing
// (Mon 5 Jan 2026, the as-of day), then the plan 100 0 50 80 0 120 60 as
// given loads from a plan sheet with hostile text, a day of the plan
// without a session being a planned rest day. done adds a session of
// 0 LP on the as-of day: the series is the same, and with a workout there
// is a headroom.
func planReport(done bool) *Report {
	day0 := metrics.MustDate("2026-01-05")
	files := []model.File{{Name: "w.csv", Kind: "workouts"}}
	plans := []model.File{{Name: "plan<&>.csv", Kind: "plan"}}
	origin := &metrics.Origin{File: plans[0].Name}
	var ps []metrics.Workout
	for i, lp := range []float64{100, 0, 50, 80, 0, 120, 60} {
		if lp == 0 {
			continue
		}
		w := metrics.NewWorkout()
		w.Date, w.Sport, w.TSS, w.Origin, w.Line = day0+metrics.Date(i+1), "Ride</script>", lp, origin, int32(i+2)
		w.Notes = "tempo </script>\u2028& \x1b[31m"
		ps = append(ps, w)
	}
	anchor := metrics.NewCheckin() // starts the series on day 0
	anchor.Date = day0
	in := metrics.Input{Profile: metrics.NewProfile("ana"), Params: metrics.DefaultParams(), AsOf: day0,
		Checkins: []metrics.Checkin{anchor}, Planned: ps}
	if done {
		w := metrics.NewWorkout()
		w.Date, w.Sport, w.TSS, w.Origin, w.Line = day0, "run", 0, &metrics.Origin{File: files[0].Name}, 2
		in.Workouts = []metrics.Workout{w}
	}
	a := metrics.Analyze(in)
	return &Report{Title: "T", AsOf: day0, Athletes: []*Athlete{{Analysis: a}}, Files: files, PlanFiles: plans}
}

// TestJSONProjection pins the worked projection in the JSON: CTL and TSB
// of docs/plan.md's table, the ramp rate, the planned sessions naming the
// plan sheet, and each projected column equal to the analysis' value
// rounded as daily's are.
func TestJSONProjection(t *testing.T) {
	for _, tc := range []struct {
		name     string
		done     bool
		headroom bool
	}{
		{"no workouts: no headroom", false, false},
		{"a session of 0 LP today", true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := planReport(tc.done)
			raw, doc := summaryOf(t, r, SchemaVersion)
			a := athletesOf(doc)[0]
			p, ok := a["projection"].(map[string]any)
			if !ok {
				t.Fatalf("projection %v", a["projection"])
			}
			for k, want := range map[string]any{"planned": true, "from": "2026-01-06", "to": "2026-01-12", "start_ctl": 0.0,
				"ramp_max": 9.0303, "ramp_max_date": "2026-01-12", "unknown_load": 0.0} {
				if p[k] != want {
					t.Errorf("projection.%s = %v, want %v", k, p[k], want)
				}
			}
			daily := p["daily"].(map[string]any)
			for _, c := range []struct {
				key  string
				want []any
			}{
				{"date", []any{"2026-01-06", "2026-01-07", "2026-01-08", "2026-01-09", "2026-01-10", "2026-01-11", "2026-01-12"}},
				{"load", []any{100.0, 0.0, 50.0, 80.0, 0.0, 120.0, 60.0}},
				{"ctl", []any{2.3528, 2.2975, 3.4198, 5.2216, 5.0988, 7.8022, 9.0303}},
				{"atl", []any{13.3122, 11.5401, 16.6599, 25.0919, 21.7516, 34.8306, 38.1812}},
				{"tsb", []any{0.0, -10.9594, -9.2426, -13.2401, -19.8703, -16.6528, -27.0284}},
				{"acwr", []any{nil, nil, nil, nil, nil, nil, nil}},
				{"rest", []any{false, true, false, false, true, false, false}},
				{"readiness", []any{nil, nil, nil, nil, nil, nil, nil}},
				{"checkin", []any{false, false, false, false, false, false, false}},
			} {
				if got := daily[c.key]; !reflect.DeepEqual(got, c.want) {
					t.Errorf("projection.daily.%s = %v, want %v", c.key, got, c.want)
				}
			}
			if ramp := p["ramp"]; !reflect.DeepEqual(ramp, []any{nil, nil, nil, nil, nil, 7.8022, 9.0303}) {
				t.Errorf("ramp %v", ramp)
			}
			// Every column is the analysis' value, rounded as daily's is.
			days := r.Athletes[0].Projection.Days
			for key, v := range map[string]func(d *metrics.Day) float64{
				"ctl": func(d *metrics.Day) float64 { return d.CTL }, "atl": func(d *metrics.Day) float64 { return d.ATL },
				"tsb": func(d *metrics.Day) float64 { return d.TSB }, "acute": func(d *metrics.Day) float64 { return d.Acute },
				"chronic": func(d *metrics.Day) float64 { return d.Chronic }, "monotony": func(d *metrics.Day) float64 { return d.Monotony },
				"strain": func(d *metrics.Day) float64 { return d.Strain },
			} {
				col := daily[key].([]any)
				for i := range days {
					want := v(&days[i])
					got, _ := col[i].(float64)
					if metrics.Known(want) != (col[i] != nil) || metrics.Known(want) && math.Abs(got-want) > 0.5e-4 {
						t.Errorf("projection.daily.%s[%d] = %v, the analysis has %v", key, i, col[i], want)
					}
				}
			}
			// The planned sessions name the plan sheet, after the data files.
			ss := p["sessions"].([]any)
			if len(ss) != 5 {
				t.Fatalf("%d planned sessions, want 5", len(ss))
			}
			files := doc["files"].([]any)
			for _, s := range ss {
				s := s.(map[string]any)
				f := files[int(s["file"].(float64))].(map[string]any)
				if s["planned"] != true || s["source"] != "given" || f["name"] != "plan<&>.csv" || f["kind"] != "plan" ||
					s["notes"] != "tempo </script>\u2028& \x1b[31m" {
					t.Errorf("planned session %v (file %v)", s, f)
				}
			}
			if h := a["headroom"]; (h != nil) != tc.headroom {
				t.Errorf("headroom %v, want one: %v", h, tc.headroom)
			}
			if tc.headroom {
				rt := a["headroom"].(map[string]any)["rest_tomorrow"].(map[string]any)
				other := rt["other"].(map[string]any)
				if rt["other_is"] != "planned" || other["load"] != 100.0 || other["ctl"] != 2.3528 || other["atl"] != 13.3122 ||
					other["form"] != -10.9594 || rt["rest"].(map[string]any)["load"] != 0.0 {
					t.Errorf("rest tomorrow %v, want the plan's day 1 against rest", rt)
				}
			}
			// The plan's hostile text is escaped for HTML, control bytes too.
			if i := bytes.IndexAny(raw, "<>&\u2028\x1b"); i >= 0 {
				t.Errorf("raw %q in the JSON: %s", raw[i], raw[max(0, i-40):min(len(raw), i+40)])
			}
		})
	}
}

// TestJSONPlansNotInV2: schema 2 has no plans: the report with its plan
// writes, byte for byte, what it writes without.
func TestJSONPlansNotInV2(t *testing.T) {
	with := planReport(true)
	without := planReport(true)
	without.PlanFiles = nil
	without.Athletes[0].Projection = nil
	withRaw, _ := summaryOf(t, with, PreviousSchema)
	withoutRaw, _ := summaryOf(t, without, PreviousSchema)
	if !bytes.Equal(withRaw, withoutRaw) {
		t.Error("schema 2 changes with a plan")
	}
	for _, key := range []string{`"projection"`, `"headroom"`, `"not_done"`, `"plan"`} {
		if bytes.Contains(withRaw, []byte(key)) {
			t.Errorf("schema 2 holds %s", key)
		}
	}
	// Schema 3 does show it: the test above can tell.
	v3, _ := summaryOf(t, with, SchemaVersion)
	if !bytes.Contains(v3, []byte(`"projection":{"planned":true`)) {
		t.Error("schema 3 has no projection")
	}
}

// TestJSONHeadroomLimits: each load rule's limit is written under its
// name, in the limits' order, From and Max at full precision (Max the
// float64 below From) and null where there is no load.
func TestJSONHeadroomLimits(t *testing.T) {
	r := sampleReport(t)
	_, doc := summaryOf(t, r, SchemaVersion)
	h := athletesOf(doc)[0]["headroom"].(map[string]any)
	limits := h["limits"].(map[string]any)
	hr := r.Athletes[0].Headroom
	if len(limits) != len(hr.Limits()) {
		t.Errorf("%d limits, want %d", len(limits), len(hr.Limits()))
	}
	finite := 0
	for _, l := range hr.Limits() {
		if l.From > 0 && !math.IsInf(l.From, 1) {
			finite++
		}
		got, ok := limits[l.Rule].(map[string]any)
		if !ok {
			t.Errorf("no limit for %s", l.Rule)
			continue
		}
		for key, want := range map[string]float64{"from": l.From, "max": l.Max} {
			switch v := got[key]; {
			case !metrics.Known(want) || math.IsInf(want, 1):
				if v != nil {
					t.Errorf("%s.%s = %v, want null for %v", l.Rule, key, v, want)
				}
			case v != want:
				t.Errorf("%s.%s = %v, want %v exactly", l.Rule, key, v, want)
			}
		}
		if got["why"] != l.Why || len(got["holds"].([]any)) != len(l.Holds) {
			t.Errorf("%s: %v", l.Rule, got)
		}
	}
	if finite == 0 {
		t.Error("no limit above 0 LP: the test needs one")
	}
	if want := hr.Tightest(); want == nil || h["tightest"] != want.Rule {
		t.Errorf("tightest %v, want %v", h["tightest"], want)
	}
	if h["date"] != (r.AsOf+1).String() || h["k"] != hr.K {
		t.Errorf("headroom date %v, k %v", h["date"], h["k"])
	}
}

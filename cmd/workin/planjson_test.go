package main

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/workin/workin/metrics"
	"github.com/workin/workin/report"
	"github.com/workin/workin/samples"
	"github.com/workin/workin/team"
)

// demoJSON writes the demo's JSON summary from fsys in schema version v.
func demoJSON(t *testing.T, fsys team.Files, v int, plans ...string) []byte {
	t.Helper()
	dir := t.TempDir()
	f := &reportFlags{config: "team.yaml", out: filepath.Join(dir, "r.html"), json: filepath.Join(dir, "r.json"),
		detail: -1, schema: v, plans: plans}
	if err := runReport(f, fsys, io.Discard); err != nil && !strings.HasPrefix(err.Error(), "--fail-on") {
		t.Fatal(err)
	}
	b, err := os.ReadFile(f.json)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// columnLine finds the columns of a daily series: each on a line of its
// own.
var columnLine = regexp.MustCompile(`(?m)^"([a-z0-9_]+)":\[`)

// TestDemoPlansJSON: the demo's JSON has Ana's and Ben's projection and
// no projection for Cai, everyone's headroom, Ben's projected warnings,
// projected days equal to the analysis' and the plan sheet in the files
// table; the plan: key and --plan write the same bytes; schema 2 is the
// same with or without the plan.
func TestDemoPlansJSON(t *testing.T) {
	without := demoWithoutPlan(t)
	raw := demoJSON(t, team.FS(samples.FS), report.SchemaVersion)
	if flag := demoJSON(t, team.FS(without), report.SchemaVersion, "plan.csv"); !bytes.Equal(raw, flag) {
		t.Error("the JSON of the plan: key differs from that of --plan")
	}
	if demoJSON(t, team.FS(without), report.SchemaVersion) == nil || bytes.Equal(raw, demoJSON(t, team.FS(without), report.SchemaVersion)) {
		t.Error("the JSON without a plan is the JSON with one")
	}
	if v2, v2without := demoJSON(t, team.FS(samples.FS), report.PreviousSchema), demoJSON(t, team.FS(without), report.PreviousSchema); !bytes.Equal(v2, v2without) {
		t.Error("schema 2 changes with the plan")
	}

	var doc struct {
		Files []struct {
			Name, Kind string
			Rows       int
		}
		Athletes []struct {
			ID         string
			Daily      map[string][]any
			Projection *struct {
				Planned           bool
				From, To          string
				StartCTL          float64 `json:"start_ctl"`
				Daily             map[string][]any
				Ramp              []*float64
				RampMax           *float64 `json:"ramp_max"`
				RampMaxDate       *string  `json:"ramp_max_date"`
				Sessions          []map[string]any
				RulesProjected    []string `json:"rules_projected"`
				RulesNotProjected []string `json:"rules_not_projected"`
				Warnings          []map[string]any
			}
			Headroom *struct {
				Date, Tightest string
				Limits         map[string]map[string]any
				RestTomorrow   struct {
					OtherIs string `json:"other_is"`
					Rest    map[string]any
					Other   map[string]any
				} `json:"rest_tomorrow"`
			}
		}
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	if n := len(doc.Files); n != 3 || doc.Files[2].Name != "plan.csv" || doc.Files[2].Kind != "plan" || doc.Files[2].Rows != 13 {
		t.Errorf("files %+v, want the plan sheet third, kind plan, 13 rows", doc.Files)
	}
	analyses := demoAnalyses(t)
	projections := 0
	for _, a := range doc.Athletes {
		p, h := a.Projection, a.Headroom
		if h == nil || h.Date != "2026-12-01" || h.Tightest == "" || len(h.Limits) != 5 || h.RestTomorrow.Rest["rest"] != true {
			t.Errorf("%s: headroom %+v, want tomorrow's", a.ID, h)
		}
		if a.ID == "cai" {
			if p != nil || h == nil || h.RestTomorrow.OtherIs != "usual" {
				t.Errorf("cai: projection %+v, headroom %+v; want none, and rest against a usual day", p, h)
			}
			continue
		}
		if p == nil {
			t.Fatalf("%s has no projection", a.ID)
		}
		projections++
		if !p.Planned || p.From != "2026-12-01" || h.RestTomorrow.OtherIs != "planned" || h.RestTomorrow.Other["load"] != p.Daily["load"][0] {
			t.Errorf("%s: projection from %s (planned %v), rest tomorrow against %q %v", a.ID, p.From, p.Planned, h.RestTomorrow.OtherIs, h.RestTomorrow.Other["load"])
		}
		projected, not := metrics.ProjectedRules()
		if !reflect.DeepEqual(p.RulesProjected, projected) || !reflect.DeepEqual(p.RulesNotProjected, not) || len(not) == 0 {
			t.Errorf("%s: rules projected %v, not %v", a.ID, p.RulesProjected, p.RulesNotProjected)
		}
		for _, s := range p.Sessions {
			if s["planned"] != true || doc.Files[int(s["file"].(float64))].Kind != "plan" || s["notes"] == "" {
				t.Errorf("%s: planned session %v", a.ID, s)
			}
		}
		// Each projected day is the analysis' day, rounded as daily's are.
		days := analyses[a.ID].Projection.Days
		if len(p.Daily["date"]) != len(days) || len(p.Daily) != len(a.Daily) {
			t.Fatalf("%s: %d projected days in %d columns, the analysis has %d days; daily has %d columns", a.ID, len(p.Daily["date"]), len(p.Daily), len(days), len(a.Daily))
		}
		for key, v := range map[string]func(d *metrics.Day) float64{
			"load": func(d *metrics.Day) float64 { return d.Load }, "ctl": func(d *metrics.Day) float64 { return d.CTL },
			"atl": func(d *metrics.Day) float64 { return d.ATL }, "tsb": func(d *metrics.Day) float64 { return d.TSB },
			"acwr": func(d *metrics.Day) float64 { return d.ACWR }, "monotony": func(d *metrics.Day) float64 { return d.Monotony },
		} {
			for i := range days {
				want, got := v(&days[i]), p.Daily[key][i]
				g, _ := got.(float64)
				if metrics.Known(want) != (got != nil) || metrics.Known(want) && math.Abs(g-want) > 0.5e-4 {
					t.Errorf("%s: projection.daily.%s[%d] = %v, the analysis has %v", a.ID, key, i, got, want)
				}
			}
		}
		if a.ID == "ana" && (len(p.Sessions) != 6 || len(p.Warnings) != 0) {
			t.Errorf("ana: %d planned sessions, warnings %v; want 6 and none", len(p.Sessions), p.Warnings)
		}
		if a.ID != "ben" {
			continue
		}
		// Pinned: Ben's week (threshold, endurance, VO2, tempo, group
		// ride, long ride, endurance) by power.
		if p.StartCTL != 131.1449 || p.Daily["ctl"][0] != 130.3641 || p.Daily["ctl"][6] != 132.7812 || p.Sessions[0]["load"] != 97.9592 ||
			p.RampMax == nil || *p.RampMax != 1.6363 || *p.RampMaxDate != "2026-12-07" || p.Ramp[6] == nil || *p.Ramp[6] != 1.6363 {
			t.Errorf("ben: start CTL %v, CTL %v, first session %v LP, ramp max %v on %v", p.StartCTL, p.Daily["ctl"], p.Sessions[0]["load"], p.RampMax, p.RampMaxDate)
		}
		var rules []string
		for _, w := range p.Warnings {
			rules = append(rules, w["rule"].(string))
			if w["projected"] != true {
				t.Errorf("ben: warning %v not projected", w)
			}
			if w["rule"] == metrics.RuleNoRestDay && (w["date"] != "2026-12-01" || w["value"] != 7.0 || w["ongoing"] != false || w["measure"] != "7 ≥ 7 days") {
				t.Errorf("ben's no-rest-day %v, want from Tuesday 1 December at 7 days", w)
			}
		}
		if !reflect.DeepEqual(rules, []string{metrics.RuleNoRestDay, metrics.RuleHardDaysClose, metrics.RuleNoDeloadWeek, metrics.RuleMonotonyHigh}) {
			t.Errorf("ben's projected warnings %v", rules)
		}
		// Six training days so far: 20 LP (rest_load_max) tomorrow makes seven.
		nr := h.Limits[metrics.RuleNoRestDay]
		if h.Tightest != metrics.RuleNoRestDay || nr["from"] != 20.0 || nr["max"] != math.Nextafter(20, 0) || nr["streak"] != 6.0 {
			t.Errorf("ben's headroom: tightest %s, no-rest-day %v", h.Tightest, nr)
		}
	}
	if projections != 2 {
		t.Errorf("%d projections, want Ana's and Ben's", projections)
	}
	// The projection's columns are daily's, in daily's order.
	var cols []string
	for _, m := range columnLine.FindAllSubmatch(raw, -1) {
		cols = append(cols, string(m[1]))
	}
	n := len(doc.Athletes[0].Daily)
	if len(cols) != n*(len(doc.Athletes)+projections) {
		t.Fatalf("%d column lines, want %d", len(cols), n*(len(doc.Athletes)+projections))
	}
	for i := n; i < len(cols); i += n {
		if !reflect.DeepEqual(cols[i:i+n], cols[:n]) {
			t.Errorf("columns %v, want daily's %v", cols[i:i+n], cols[:n])
		}
	}
}

// demoAnalyses analyses the demo's athletes, by id.
func demoAnalyses(t *testing.T) map[string]*metrics.Analysis {
	t.Helper()
	tm, err := team.Load(team.Config{Config: "team.yaml"}, team.FS(samples.FS))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]*metrics.Analysis{}
	err = team.Run(tm, 0, func(_ int, a *report.Athlete) (*metrics.Analysis, error) { return a.Analysis, nil },
		func(_ int, a *metrics.Analysis) error { got[a.Profile.ID] = a; return nil })
	if err != nil {
		t.Fatal(err)
	}
	return got
}

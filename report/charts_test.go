package report

import (
	"encoding/json"
	"io/fs"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/workin/workin/metrics"
	"github.com/workin/workin/templates"
)

// sampleAthlete is eighteen weeks of a runner with heart rate, RPE, a
// weekly yoga flow and daily check-ins, a spike and sore mornings at the
// end: every chart has something to draw.
func sampleAthlete(t testing.TB) *Athlete {
	t.Helper()
	p := metrics.NewProfile("sam")
	p.Name, p.MaxHR, p.RestingHR = "Sam", 190, 50
	start := metrics.MustDate("2026-01-05")
	const days = 124 // as of a Saturday: the week is in progress
	var ws []metrics.Workout
	var cs []metrics.Checkin
	for i := 0; i < days; i++ {
		d := start + metrics.Date(i)
		if i%7 != 0 {
			w := metrics.NewWorkout()
			w.Date, w.Sport, w.Duration, w.AvgHR, w.RPE = d, "run", float64(40+i%30)*60, float64(135+i%20), float64(3+i%5)
			if i > days-10 {
				w.Duration *= 2.5
			}
			ws = append(ws, w)
		}
		if i%7 == 5 {
			y := metrics.NewWorkout()
			y.Date, y.Sport, y.Duration, y.RPE = d, "yoga", 1800, 2
			ws = append(ws, y)
		}
		c := metrics.NewCheckin()
		c.Date, c.SleepHours, c.SleepQuality, c.Soreness, c.Stress, c.Mood, c.Energy = d, 7+float64(i%3)/2, 7, 3, 4, 7, 6
		c.HRV, c.RestingHR = 60+float64(i%7), 50+float64(i%3)
		if i > days-8 {
			c.Soreness, c.HRV, c.RestingHR = 8, 40, 58
		}
		if i == days-3 {
			c.Notes = "sore throat"
		}
		cs = append(cs, c)
	}
	// A planned week after the as-of day, with a planned rest day: the
	// charts' dashed "plan" series.
	var plan []metrics.Workout
	for i := 1; i <= 7; i++ {
		if i == 4 {
			continue
		}
		w := metrics.NewWorkout()
		w.Date, w.Sport, w.Duration, w.RPE, w.Planned = start+days-1+metrics.Date(i), "run", 3600, 5, true
		plan = append(plan, w)
	}
	a := metrics.Analyze(metrics.Input{Profile: p, Params: metrics.DefaultParams(), AsOf: start + days - 1, Workouts: ws, Checkins: cs, Planned: plan})
	return &Athlete{Analysis: a, HasProfile: true, Given: []string{"max_hr", "resting_hr"}}
}

// chartDataset is an athlete's chart data as report.js reads it.
type chartDataset struct {
	Start string           `json:"start"`
	N     int              `json:"n"`
	Vars  map[string]any   `json:"vars"`
	DS    []map[string]any `json:"ds"`
	Plan  map[string]any   `json:"plan"`
	Spans struct {
		R, A, B, S []int
	} `json:"spans"`
}

// TestChartColumnsInDatasets fails when a chart's options encode a column
// its dataset does not have, when a spec's columns are not in the data, or
// when a placeholder has no value.
func TestChartColumnsInDatasets(t *testing.T) {
	a := sampleAthlete(t)
	var data chartDataset
	raw, _ := chartData(a, detailWindow(a.Analysis, 0))
	if err := json.Unmarshal(raw, &data); err != nil {
		t.Fatal(err)
	}
	if data.Plan == nil {
		t.Fatal("the sample athlete's plan is not in its chart data")
	}
	for len(data.DS) <= dsPlan {
		data.DS = append(data.DS, map[string]any{})
	}
	data.DS[dsPlan] = data.Plan
	// report.js derives these from the written columns (derive).
	for ds, cols := range derivedColumns {
		for len(data.DS) <= ds {
			data.DS = append(data.DS, map[string]any{})
		}
		for _, c := range cols {
			if _, dup := data.DS[ds][c]; dup {
				t.Errorf("dataset %d column %q is written and also derived", ds, c)
			}
			data.DS[ds][c] = []any{}
		}
	}
	tokens := colourTokens(t)
	raw, err := chartSkeletons()
	if err != nil {
		t.Fatal(err)
	}
	var sk struct {
		Opts map[string]json.RawMessage `json:"opts"`
		Meta map[string]chartMeta       `json:"meta"`
	}
	if err := json.Unmarshal(raw, &sk); err != nil {
		t.Fatal(err)
	}
	if len(sk.Opts) != len(chartSpecs) {
		t.Errorf("%d skeletons for %d specs", len(sk.Opts), len(chartSpecs))
	}
	has := func(ds int, col string) bool {
		if ds >= len(data.DS) {
			return false
		}
		_, ok := data.DS[ds][col]
		if !ok && strings.HasPrefix(col, "s") || !ok && strings.HasPrefix(col, "w") {
			_, ok = data.DS[ds][col] // sport prototypes: s0, w0 exist when the athlete has a sport
		}
		return ok
	}
	for _, spec := range chartSpecs {
		for ds, cols := range spec.columns {
			for _, c := range cols {
				if !has(ds, c) {
					t.Errorf("chart %s: column %q is not in dataset %d", spec.kind, c, ds)
				}
			}
		}
		var opt struct {
			Series []struct {
				ID           string         `json:"id"`
				DatasetIndex int            `json:"datasetIndex"`
				Encode       map[string]any `json:"encode"`
			} `json:"series"`
		}
		if err := json.Unmarshal(sk.Opts[spec.kind], &opt); err != nil {
			t.Fatal(err)
		}
		if len(opt.Series) == 0 {
			t.Errorf("chart %s has no series in its options", spec.kind)
		}
		for _, s := range opt.Series {
			for _, v := range s.Encode {
				names := []string{}
				switch x := v.(type) {
				case string:
					names = append(names, x)
				case []any:
					for _, e := range x {
						names = append(names, e.(string))
					}
				}
				for _, n := range names {
					if !has(s.DatasetIndex, n) {
						t.Errorf("chart %s series %s encodes %q, missing from dataset %d", spec.kind, s.ID, n, s.DatasetIndex)
					}
					if !slices.Contains(spec.columns[s.DatasetIndex], n) {
						t.Errorf("chart %s series %s encodes %q, not in the spec's columns", spec.kind, s.ID, n)
					}
				}
			}
		}
		browser := map[string]bool{"dates": true, "cell": true} // report.js adds these
		for _, ph := range placeholders(sk.Opts[spec.kind]) {
			for _, name := range strings.FieldsFunc(ph, func(r rune) bool { return r == '$' || r == ' ' }) {
				if _, ok := data.Vars[name]; !ok && !browser[name] && !tokens[name] && strings.HasPrefix(ph, "$") {
					t.Errorf("chart %s: placeholder %q has no value in the athlete's vars and is no colour of report.css", spec.kind, ph)
				}
			}
		}
	}
	// The spans a chart shades come from the rule registry.
	for _, r := range metrics.Rules() {
		for _, c := range r.Charts {
			if !slices.Contains(sk.Meta[c].Spans, r.Name) {
				t.Errorf("rule %s marks chart %s, whose meta does not list it", r.Name, c)
			}
		}
	}
}

// TestChartDataValues pins the columns the browser derives others from:
// the day flags (the training calendar, the ▲ of hard days), the advice of
// each day (the timeline), the check-in items (the strip) and the spans.
func TestChartDataValues(t *testing.T) {
	a := sampleAthlete(t)
	var data chartDataset
	raw, cols := chartData(a, detailWindow(a.Analysis, 0))
	if err := json.Unmarshal(raw, &data); err != nil {
		t.Fatal(err)
	}
	f, act := data.DS[dsDays]["f"].([]any), data.DS[dsDays]["act"].([]any)
	for i, d := range a.Days {
		want := 0
		if d.Rest {
			want |= dayRest
		}
		if d.WorkIn {
			want |= dayWorkIn
		}
		if d.Hard {
			want |= dayHard
		}
		if d.InProgress {
			want |= dayInProgress
		}
		if d.Unknown > 0 {
			want |= dayUnknown
		}
		if int(f[i].(float64)) != want || int(act[i].(float64)) != int(d.Action) {
			t.Fatalf("day %d: flags %v, action %v; want %d, %d", i, f[i], act[i], want, d.Action)
		}
		if sq := cols["sq"][i]; metrics.Known(d.SleepQuality) && sq != math.Round(d.SleepQuality*10)/10 {
			t.Fatalf("day %d: sleep quality %v, want %v", i, sq, d.SleepQuality)
		}
	}
	if !slices.Contains(f, any(float64(dayRest))) || !slices.ContainsFunc(f, func(x any) bool { return int(x.(float64))&dayHard != 0 }) {
		t.Error("the sample has no rest day or no hard day: the test checks nothing")
	}
	rows := data.Vars["rows"].([]any)
	if rows[0] != "advice" || len(rows) < 2 {
		t.Errorf("timeline rows %v", rows)
	}
	// Every span names a row of the timeline and lies in the window.
	sp := data.Spans
	if len(sp.R) == 0 || len(sp.R) != len(sp.A) || len(sp.A) != len(sp.B) || len(sp.B) != len(sp.S) {
		t.Fatalf("spans %+v", sp)
	}
	for j := range sp.R {
		if sp.R[j] < 1 || sp.R[j] >= len(rows) || sp.A[j] < 0 || sp.A[j] > sp.B[j] || sp.B[j] >= data.N {
			t.Errorf("span %d: row %d, days %d–%d of %d", j, sp.R[j], sp.A[j], sp.B[j], data.N)
		}
	}
}

// colourTokens are the chart colours report.css defines (--c-name) in
// both palettes and report.js reads (THEME_KEYS).
func colourTokens(t *testing.T) map[string]bool {
	t.Helper()
	light, dark := paletteOf(t, "light"), paletteOf(t, "dark")
	js, err := fs.ReadFile(templates.FS, "report.js")
	if err != nil {
		t.Fatal(err)
	}
	keys := regexp.MustCompile(`(?s)var THEME_KEYS = \[(.*?)\];`).FindSubmatch(js)
	if keys == nil {
		t.Fatal("report.js has no THEME_KEYS")
	}
	out := map[string]bool{}
	for _, m := range regexp.MustCompile(`"([^"]+)"`).FindAllSubmatch(keys[1], -1) {
		k := string(m[1])
		if light[k] == "" || dark[k] == "" {
			t.Errorf("report.js reads --c-%s, which report.css does not define in both palettes", k)
		}
		out["c-"+k] = true
	}
	for k := range light {
		if !out["c-"+k] {
			t.Errorf("report.css defines --c-%s, which report.js does not read", k)
		}
	}
	return out
}

// TestColourTokensOnlyAsColours: a colour token stands only where a colour
// goes, and a colour key holds a colour token or a literal, never an
// athlete's value ("$rest" is a threshold; "$c-rest" the rest colour).
func TestColourTokensOnlyAsColours(t *testing.T) {
	raw, err := chartSkeletons()
	if err != nil {
		t.Fatal(err)
	}
	var v any
	json.Unmarshal(raw, &v)
	n := 0
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				walk(k, e)
			}
		case []any:
			for _, e := range x {
				walk(key, e)
			}
		case string:
			colourKey := strings.HasSuffix(strings.ToLower(key), "color")
			token := strings.HasPrefix(x, "$c-")
			if token {
				n++
			}
			if token != colourKey && (token || strings.HasPrefix(x, "$")) {
				t.Errorf("%s: %q", key, x)
			}
		}
	}
	walk("", v)
	if n < 20 {
		t.Errorf("only %d colour tokens in the skeletons", n)
	}
}

package report

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/workin/workin/metrics"
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
	a := metrics.Analyze(metrics.Input{Profile: p, Params: metrics.DefaultParams(), AsOf: start + days - 1, Workouts: ws, Checkins: cs})
	return &Athlete{Analysis: a, HasProfile: true, Given: []string{"max_hr", "resting_hr"}}
}

// chartDataset is an athlete's chart data as report.js reads it.
type chartDataset struct {
	Start string           `json:"start"`
	N     int              `json:"n"`
	Vars  map[string]any   `json:"vars"`
	DS    []map[string]any `json:"ds"`
	Spans []struct {
		Rule string `json:"rule"`
	} `json:"spans"`
}

// TestChartColumnsInDatasets fails when a chart's options encode a column
// its dataset does not have, when a spec's columns are not in the data, or
// when a placeholder has no value.
func TestChartColumnsInDatasets(t *testing.T) {
	a := sampleAthlete(t)
	var data chartDataset
	if err := json.Unmarshal(chartData(a, detailWindow(a.Analysis, 0)), &data); err != nil {
		t.Fatal(err)
	}
	data.DS[dsDays]["date"] = []any{} // report.js builds it from start and n
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
				if _, ok := data.Vars[name]; !ok && !browser[name] && strings.HasPrefix(ph, "$") {
					t.Errorf("chart %s: placeholder %q has no value in the athlete's vars", spec.kind, ph)
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

// TestChartDataValues pins a few derived columns: the training calendar's
// codes and the check-in strip's darkness.
func TestChartDataValues(t *testing.T) {
	a := sampleAthlete(t)
	var data chartDataset
	if err := json.Unmarshal(chartData(a, detailWindow(a.Analysis, 0)), &data); err != nil {
		t.Fatal(err)
	}
	cal := data.DS[dsDays]["cal"].([]any)
	for i, d := range a.Days {
		want := math.Round(d.Load)
		switch {
		case d.Rest && d.WorkIn:
			want = -1
		case d.Rest:
			want = -2
		}
		if cal[i].(float64) != want {
			t.Fatalf("day %d cal %v, want %v", i, cal[i], want)
		}
	}
	strip := data.DS[dsCheckins]
	ys, vs, raw := strip["y"].([]any), strip["v"].([]any), strip["raw"].([]any)
	for k := range ys {
		dark, r := vs[k].(float64), raw[k].(float64)
		switch ys[k].(float64) {
		case 1, 2: // soreness, stress: as rated
			if dark != r-1 {
				t.Fatalf("strip item %v: darkness %v for %v", ys[k], dark, r)
			}
		default: // sleep quality, mood, energy: flipped
			if dark != 10-r {
				t.Fatalf("strip item %v: darkness %v for %v", ys[k], dark, r)
			}
		}
	}
	rows := data.Vars["rows"].([]any)
	if rows[0] != "advice" || len(rows) < 2 {
		t.Errorf("timeline rows %v", rows)
	}
}

package report

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"testing"

	"github.com/workin/workin/metrics"
	"github.com/workin/workin/model"
)

// summaryOf writes r's JSON summary in schema version v and decodes it.
func summaryOf(t *testing.T, r *Report, v int) (raw []byte, doc map[string]any) {
	t.Helper()
	r.Options.JSONSchema = v
	defer func() { r.Options.JSONSchema = 0 }()
	var b bytes.Buffer
	if err := WriteJSON(&b, r); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("schema %d: %v", v, err)
	}
	return b.Bytes(), doc
}

func athletesOf(doc map[string]any) []map[string]any {
	var out []map[string]any
	for _, a := range doc["athletes"].([]any) {
		out = append(out, a.(map[string]any))
	}
	return out
}

// threeDays is an athlete with given loads of 100, 0 and 50 LP on Mon 5 to
// Wed 7 Jan 2026 (the science reference's §4), the first session from the
// second of two workouts files, the last from no file at all.
func threeDays(files []model.File) *Report {
	var ws []metrics.Workout
	for _, s := range []struct {
		day    string
		sport  string
		tss    float64
		origin *metrics.Origin
		line   int32
	}{
		{"2026-01-05", "Ride</script>", 100, &metrics.Origin{File: files[2].Name}, 7},
		{"2026-01-07", "run", 50, nil, 0},
	} {
		w := metrics.NewWorkout()
		w.Date, w.Sport, w.Duration, w.TSS, w.Origin, w.Line = metrics.MustDate(s.day), s.sport, 3600, s.tss, s.origin, s.line
		ws = append(ws, w)
	}
	p := metrics.NewProfile("ana")
	p.Name = "Ana </script>\u2028&"
	asOf := metrics.MustDate("2026-01-07")
	a := metrics.Analyze(metrics.Input{Profile: p, Params: metrics.DefaultParams(), AsOf: asOf, Workouts: ws})
	return &Report{Title: "T", AsOf: asOf, Athletes: []*Athlete{{Analysis: a}}, Files: files}
}

// TestJSONv3Values checks schema 3 by hand on three days: the columns
// align with the dates, sessions' file indexes resolve, and history sums
// the whole series.
func TestJSONv3Values(t *testing.T) {
	files := []model.File{
		{Name: "wellness.csv", Kind: "check-ins"},
		{Name: "garmin.csv", Kind: "workouts"},
		{Name: "strava&<b>.csv", Kind: "workouts"},
	}
	raw, doc := summaryOf(t, threeDays(files), SchemaVersion)
	a := athletesOf(doc)[0]
	daily := a["daily"].(map[string]any)
	if len(daily) != len(dayFields) {
		t.Errorf("%d daily columns, want %d", len(daily), len(dayFields))
	}
	for _, f := range dayFields {
		if col, ok := daily[f.key].([]any); !ok || len(col) != 3 {
			t.Errorf("column %s: %v, want 3 values", f.key, daily[f.key])
		}
	}
	for _, tc := range []struct {
		key  string
		want []any
	}{
		{"date", []any{"2026-01-05", "2026-01-06", "2026-01-07"}},
		{"load", []any{100.0, 0.0, 50.0}},
		{"sessions", []any{1.0, 0.0, 1.0}},
		{"rest", []any{false, true, false}}, // the as-of day is not over
		{"ctl", []any{2.3528, 2.2975, 3.4198}},
		{"tsb", []any{0.0, -10.9594, -9.2426}},
		{"acwr", []any{nil, nil, nil}}, // before the 28th day
		{"checkin", []any{false, false, false}},
		{"work_in", []any{nil, nil, nil}},
	} {
		if got := daily[tc.key]; !reflect.DeepEqual(got, tc.want) {
			t.Errorf("daily.%s = %v, want %v", tc.key, got, tc.want)
		}
	}
	if a["daily_from"] != "2026-01-05" {
		t.Errorf("daily_from %v", a["daily_from"])
	}
	var got []any
	for _, s := range a["sessions"].([]any) {
		got = append(got, s.(map[string]any)["file"])
	}
	if want := []any{2.0, nil}; !reflect.DeepEqual(got, want) {
		t.Errorf("sessions' files %v, want %v (strava&<b>.csv, then none)", got, want)
	}
	if name := doc["files"].([]any)[2].(map[string]any)["name"]; name != "strava&<b>.csv" {
		t.Errorf("files[2] is %v", name)
	}
	want := map[string]any{"days": 3.0, "weeks": 1.0, "complete_weeks": 0.0, "lighter_weeks": 0.0, "load": 150.0,
		"sessions": 2.0, "rest_days": 1.0, "by_sport": map[string]any{"ride</script>": 100.0, "run": 50.0}, "flags": map[string]any{}}
	if h := a["history"]; !reflect.DeepEqual(h, want) {
		t.Errorf("history %v\nwant %v", h, want)
	}
	// Every string is escaped for HTML: names, sports, files.
	if i := bytes.IndexAny(raw, "<>&\u2028"); i >= 0 {
		t.Errorf("raw %q in the JSON: %s", raw[i], raw[max(0, i-40):min(len(raw), i+40)])
	}
	// The files table comes before the athletes.
	if bytes.Index(raw, []byte(`"files":`)) > bytes.Index(raw, []byte(`"athletes":`)) {
		t.Error("files after athletes")
	}
	again, _ := summaryOf(t, threeDays(files), SchemaVersion)
	if !bytes.Equal(raw, again) {
		t.Error("two summaries of the same input differ")
	}
}

// TestJSONv3AgreesWithV2 writes one report in both shapes, whole and with
// a two-week detail window, and checks that schema 3 says what schema 2
// said: the columns are the rows, sessions name the same files, weekly
// rows and flags are v2's inside the window, and history is v2's totals.
func TestJSONv3AgreesWithV2(t *testing.T) {
	for _, weeks := range []int{0, 2} {
		r := sampleReport(t)
		for i := range r.Athletes[0].Sessions {
			r.Athletes[0].Sessions[i].Origin = &metrics.Origin{File: r.Files[0].Name}
		}
		r.Options.DetailWeeks = weeks
		_, d2 := summaryOf(t, r, PreviousSchema)
		_, d3 := summaryOf(t, r, SchemaVersion)
		if d2["schema_version"] != 2.0 || d3["schema_version"] != 3.0 {
			t.Fatalf("versions %v and %v", d2["schema_version"], d3["schema_version"])
		}
		for _, k := range []string{"title", "as_of", "files", "unattributed_skipped"} {
			if !reflect.DeepEqual(d2[k], d3[k]) {
				t.Errorf("weeks %d: %s differs", weeks, k)
			}
		}
		a2, a3 := athletesOf(d2)[0], athletesOf(d3)[0]
		from := a3["daily_from"].(string)
		// Columns → rows.
		cols := a3["daily"].(map[string]any)
		var rows []any
		for i := range cols["date"].([]any) {
			row := map[string]any{}
			for k, col := range cols {
				row[k] = col.([]any)[i]
			}
			rows = append(rows, row)
		}
		if !reflect.DeepEqual(rows, a2["daily"]) {
			t.Errorf("weeks %d: the columns are not schema 2's rows", weeks)
		}
		// Sessions: the index names schema 2's file.
		s2, s3 := a2["sessions"].([]any), a3["sessions"].([]any)
		if len(s2) != len(s3) || len(s3) == 0 {
			t.Fatalf("weeks %d: %d and %d sessions", weeks, len(s2), len(s3))
		}
		for i := range s3 {
			x2, x3 := s2[i].(map[string]any), s3[i].(map[string]any)
			if name := d3["files"].([]any)[int(x3["file"].(float64))].(map[string]any)["name"]; name != x2["file"] {
				t.Errorf("session %d: file %v names %v, want %v", i, x3["file"], name, x2["file"])
			}
			for k := range x2 {
				if k != "file" && !reflect.DeepEqual(x2[k], x3[k]) {
					t.Errorf("session %d: %s %v, want %v", i, k, x3[k], x2[k])
				}
			}
		}
		// Weekly rows and flags: schema 2's inside the window.
		w2, f2 := a2["weekly"].([]any), a2["flags"].([]any)
		var inWeeks, inFlags []any
		for _, w := range w2 {
			if metrics.MustDate(w.(map[string]any)["week_start"].(string))+6 >= metrics.MustDate(from) {
				inWeeks = append(inWeeks, w)
			}
		}
		for _, f := range f2 {
			if f.(map[string]any)["date"].(string) >= from {
				inFlags = append(inFlags, f)
			}
		}
		if weeks > 0 && (len(inWeeks) == len(w2) || len(inFlags) == len(f2) || len(inFlags) == 0) {
			t.Fatalf("the window drops %d of %d weeks and %d of %d flags: the test needs some of each on both sides",
				len(w2)-len(inWeeks), len(w2), len(f2)-len(inFlags), len(f2))
		}
		if !reflect.DeepEqual(inWeeks, a3["weekly"]) || !reflect.DeepEqual(nonNil(inFlags), a3["flags"]) {
			t.Errorf("weeks %d: weekly rows or flags are not schema 2's in the window", weeks)
		}
		checkHistory(t, a3["history"].(map[string]any), w2, f2)
		// Everything else is as it was, but for the plans' share of data
		// quality, which schema 2 does not have.
		dq := a3["data_quality"].(map[string]any)
		for _, k := range planQualityKeys {
			if _, ok := dq[k]; !ok {
				t.Errorf("weeks %d: schema 3's data_quality has no %s", weeks, k)
			}
			delete(dq, k)
		}
		for k, v := range a2 {
			if k != "daily" && k != "sessions" && k != "weekly" && k != "flags" && !reflect.DeepEqual(v, a3[k]) {
				t.Errorf("weeks %d: %s differs", weeks, k)
			}
		}
	}
}

// planQualityKeys are the keys of data_quality that schema 3 adds for
// plans.
var planQualityKeys = []string{"not_done", "planned_beyond", "plan_skipped", "plan_notes"}

func nonNil(xs []any) []any {
	if xs == nil {
		return []any{}
	}
	return xs
}

// checkHistory compares schema 3's history with the totals of schema 2's
// weekly rows and flags.
func checkHistory(t *testing.T, h map[string]any, weeks, flags []any) {
	t.Helper()
	sum := map[string]float64{}
	bySport := map[string]float64{}
	for _, w := range weeks {
		w := w.(map[string]any)
		for _, k := range []string{"load", "sessions", "rest_days", "days"} {
			sum[k] += w[k].(float64)
		}
		if w["complete"].(bool) {
			sum["complete_weeks"]++
		}
		if w["lighter"].(bool) {
			sum["lighter_weeks"]++
		}
		for s, lp := range w["by_sport"].(map[string]any) {
			bySport[s] += lp.(float64)
		}
	}
	sum["weeks"] = float64(len(weeks))
	for k, v := range sum {
		if got, ok := h[k].(float64); !ok || math.Abs(got-v) > 1e-3 {
			t.Errorf("history.%s = %v, schema 2's weeks sum to %v", k, h[k], v)
		}
	}
	hs := h["by_sport"].(map[string]any)
	if len(hs) != len(bySport) {
		t.Errorf("history.by_sport %v, weeks %v", hs, bySport)
	}
	for s, v := range bySport {
		if got, _ := hs[s].(float64); math.Abs(got-v) > 1e-3 {
			t.Errorf("history.by_sport.%s = %v, weeks sum to %v", s, hs[s], v)
		}
	}
	type tally struct {
		Runs, Alerts, Days float64
		First, Last        string
	}
	want := map[string]*tally{}
	for _, f := range flags {
		f := f.(map[string]any)
		rule, from, to := f["rule"].(string), f["from"].(string), f["date"].(string)
		c := want[rule]
		if c == nil {
			c = &tally{First: from, Last: to}
			want[rule] = c
		}
		c.Runs++
		if f["severity"] == "alert" {
			c.Alerts++
		}
		c.Days += float64(metrics.MustDate(to)-metrics.MustDate(from)) + 1
		c.First, c.Last = min(c.First, from), max(c.Last, to)
	}
	hf := h["flags"].(map[string]any)
	if len(hf) != len(want) {
		t.Errorf("history.flags has %d rules, schema 2's flags %d", len(hf), len(want))
	}
	for rule, c := range want {
		got, _ := hf[rule].(map[string]any)
		if got["runs"] != c.Runs || got["alerts"] != c.Alerts || got["days"] != c.Days || got["first"] != c.First || got["last"] != c.Last {
			t.Errorf("history.flags.%s = %v, schema 2's flags give %+v", rule, got, *c)
		}
	}
}

package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// These tests run workin as a new user would: on the real exports in
// ../shared/exports (read in place, never copied), with no profile or a
// minimal one. They skip where that folder is absent, so a bare clone's
// go test ./... passes.

func exports(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "exports")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("real exports not found at %s (they live beside the project, not in it): %v", dir, err)
	}
	return dir
}

// summaryDoc is the part of the JSON summary these tests read.
type summaryDoc struct {
	AsOf     string `json:"as_of"`
	Athletes []struct {
		ID             string `json:"id"`
		Name           string `json:"name"`
		Recommendation *struct {
			Action     string `json:"action"`
			Because    string `json:"because"`
			InProgress bool   `json:"in_progress"`
			RestsOn    string `json:"rests_on"`
			Evidence   []struct {
				Rule   string `json:"rule"`
				Date   string `json:"date"`
				Since  string `json:"since"`
				Detail string `json:"detail"`
				Unit   string `json:"unit"`
				Notes  []struct{ Date, Text string }
			} `json:"evidence"`
			Unchecked []struct{ Rule, Reason string } `json:"unchecked"`
		} `json:"recommendation"`
		Daily struct { // columns, one value per day
			Date      []string   `json:"date"`
			Rest      []bool     `json:"rest"`
			Checkin   []bool     `json:"checkin"`
			HRV       []*float64 `json:"hrv"`
			RestingHR []*float64 `json:"resting_hr"`
			Sleep     []*float64 `json:"sleep_hours"`
		} `json:"daily"`
		Sessions []struct {
			Source string  `json:"source"`
			Load   float64 `json:"load"`
		} `json:"sessions"`
		Notes       []struct{ Date, Text string } `json:"checkin_notes"`
		DataQuality struct {
			Estimates []struct {
				Key    string  `json:"key"`
				Value  float64 `json:"value"`
				Source string  `json:"source"`
			} `json:"profile_estimates"`
			UnknownLoad int      `json:"unknown_load_sessions"`
			Notes       []string `json:"notes"`
			Merged      []any    `json:"merged"`
		} `json:"data_quality"`
	} `json:"athletes"`
	Files []struct {
		Name  string   `json:"name"`
		Notes []string `json:"notes"`
	} `json:"files"`
}

// reportJSON runs workin report with args and reads its JSON summary; it
// also returns the HTML and Markdown and the command's error.
func reportJSON(t *testing.T, args ...string) (doc summaryDoc, html, md string, err error) {
	t.Helper()
	dir := t.TempDir()
	all := append([]string{"report", "-o", filepath.Join(dir, "r.html"), "--md", filepath.Join(dir, "r.md"), "--json", filepath.Join(dir, "r.json")}, args...)
	stderr, err := runCLI(t, all...)
	var alert *alertError
	if err != nil && !errors.As(err, &alert) {
		t.Fatalf("workin %s: %v\n%s", strings.Join(args, " "), err, stderr)
	}
	b, rerr := os.ReadFile(filepath.Join(dir, "r.json"))
	if rerr != nil {
		t.Fatal(rerr)
	}
	if jerr := json.Unmarshal(b, &doc); jerr != nil {
		t.Fatal(jerr)
	}
	h, _ := os.ReadFile(filepath.Join(dir, "r.html"))
	m, _ := os.ReadFile(filepath.Join(dir, "r.md"))
	return doc, string(h), string(m), err
}

func writeFile(t *testing.T, path, text string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Case 1: a morning report is not a rest day. The intervals.icu export's
// last date is a morning with a check-in and no session yet; the advice
// must be what the day before gives, or stricter, and --fail-on must see it.
func TestMorningIsNotARestDay(t *testing.T) {
	ex := exports(t)
	abs := func(p string) string { a, _ := filepath.Abs(filepath.Join(ex, p)); return a }
	profile := writeFile(t, filepath.Join(t.TempDir(), "me.yaml"), "max_hr: 185\nresting_hr: 48\nftp: 250\nworkouts: ["+abs("intervals/activities.csv")+"]\ncheckins: ["+abs("intervals/wellness.csv")+"]\n")
	today, _, md, err := reportJSON(t, profile, "--fail-on", "easy")
	if today.AsOf != "2026-03-05" {
		t.Fatalf("as of %s, want 2026-03-05 (the last date in the data)", today.AsOf)
	}
	var alert *alertError
	if !errors.As(err, &alert) {
		t.Errorf("--fail-on easy on the morning of 2026-03-05: %v, want exit 3", err)
	}
	yesterday, _, _, _ := reportJSON(t, profile, "--as-of", "2026-03-04")
	rank := map[string]int{"go": 0, "unknown": 1, "easy": 2, "work-in": 3, "rest": 4}
	got, before := today.Athletes[0].Recommendation, yesterday.Athletes[0].Recommendation
	if rank[got.Action] < rank[before.Action] {
		t.Errorf("2026-03-05 morning: %s (%s); 2026-03-04: %s (%s): the morning must not say less", got.Action, got.Because, before.Action, before.Because)
	}
	if !got.InProgress || !strings.Contains(got.RestsOn, "not over") {
		t.Errorf("the advice does not say that today is not over: %q", got.RestsOn)
	}
	if rest := today.Athletes[0].Daily.Rest; rest[len(rest)-1] {
		t.Error("the as-of day is a rest day")
	}
	if strings.Contains(md, "last rest day **Thu 5 Mar**") || strings.Contains(md, "No warning sign") {
		t.Errorf("the summary calls today a rest day or finds no warning:\n%s", md)
	}
}

// Case 1, demo: every athlete's last rest day is a real one, never today.
func TestDemoLastRestDays(t *testing.T) {
	dir := t.TempDir()
	if _, err := runCLI(t, "demo", "-o", filepath.Join(dir, "d.html"), "--json", filepath.Join(dir, "d.json")); err != nil {
		t.Fatal(err)
	}
	var doc summaryDoc
	b, _ := os.ReadFile(filepath.Join(dir, "d.json"))
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	for _, a := range doc.Athletes {
		last := ""
		for i, rest := range a.Daily.Rest {
			if rest {
				last = a.Daily.Date[i]
			}
		}
		if last == "" || last == doc.AsOf {
			t.Errorf("%s: last rest day %q (as of %s)", a.ID, last, doc.AsOf)
		}
	}
}

// Case 2: one person's files are one athlete, with load, HRV, resting HR
// and sleep together.
func TestOnePersonIsOneAthlete(t *testing.T) {
	ex := exports(t)
	for _, tc := range []struct {
		name  string
		files []string // --workouts first, then --checkins
		hrv   bool
	}{
		{"whoop", []string{"whoop/workouts.csv", "whoop/physiological_cycles.csv", "whoop/sleeps.csv"}, true},
		{"intervals", []string{"intervals/activities.csv", "intervals/wellness.csv"}, true},
		{"garmin", []string{"garmin/Activities_en_2026_running.csv", "garmin/Sleep_daily_en-US.csv"}, false},
		{"pmsys", []string{"pmsys/srpe.csv", "pmsys/wellness.csv"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"--workouts", filepath.Join(ex, tc.files[0])}
			for _, f := range tc.files[1:] {
				args = append(args, "--checkins", filepath.Join(ex, f))
			}
			doc, html, _, _ := reportJSON(t, args...)
			if len(doc.Athletes) != 1 {
				t.Fatalf("%d athletes, want 1", len(doc.Athletes))
			}
			a := doc.Athletes[0]
			for _, f := range tc.files {
				base := strings.TrimSuffix(filepath.Base(f), ".csv")
				if a.ID == base || a.Name == base {
					t.Errorf("the athlete is named after a file: %s", a.Name)
				}
			}
			if len(a.Sessions) == 0 {
				t.Error("no sessions")
			}
			var hrv, rhr, sleep bool
			d := a.Daily
			for i := range d.Date {
				hrv = hrv || d.HRV[i] != nil
				rhr = rhr || d.RestingHR[i] != nil
				sleep = sleep || d.Sleep[i] != nil
			}
			if tc.hrv && (!hrv || !rhr) || !sleep {
				t.Errorf("check-ins together: hrv %v, resting HR %v, sleep %v", hrv, rhr, sleep)
			}
			if strings.Contains(html, "add a check-ins file") {
				t.Error("the report asks for a check-ins file although one was given")
			}
		})
	}
}

// Case 3: heart-rate load from estimated profile values, and unknown load
// said in plain words, never a calm go.
func TestUnknownLoadIsNeverGo(t *testing.T) {
	ex := exports(t)
	doc, _, _, _ := reportJSON(t, "--workouts", filepath.Join(ex, "whoop/workouts.csv"), "--checkins", filepath.Join(ex, "whoop/physiological_cycles.csv"))
	a := doc.Athletes[0]
	hr := 0
	for _, s := range a.Sessions {
		if s.Source == "hr" {
			hr++
		}
	}
	if hr != len(a.Sessions) || len(a.Sessions) != 124 {
		t.Errorf("WHOOP with no profile: %d of %d sessions from heart rate, want all 124", hr, len(a.Sessions))
	}
	keys := map[string]string{}
	for _, e := range a.DataQuality.Estimates {
		keys[e.Key] = e.Source
	}
	if keys["max_hr"] != "estimated" || keys["resting_hr"] != "estimated" {
		t.Errorf("estimates %v, want max_hr and resting_hr estimated from the data", a.DataQuality.Estimates)
	}

	for _, f := range []string{"strava/activities_2018_legacy_10col.csv", "strava/activities_nl_72col_decimal_comma.csv"} {
		doc, html, md, _ := reportJSON(t, "--workouts", filepath.Join(ex, f))
		a := doc.Athletes[0]
		r := a.Recommendation
		if r.Action == "go" {
			t.Errorf("%s: go with %d sessions of unknown load", f, a.DataQuality.UnknownLoad)
		}
		if a.DataQuality.UnknownLoad != len(a.Sessions) {
			t.Errorf("%s: %d unknown of %d", f, a.DataQuality.UnknownLoad, len(a.Sessions))
		}
		want := "Load unknown for"
		if !strings.Contains(html, want) || !strings.Contains(md, want) {
			t.Errorf("%s: the headline does not say %q", f, want)
		}
		if strings.Contains(html, "No warning sign in the data") {
			t.Errorf("%s: a calm 'no warning sign' over unknown load", f)
		}
	}
}

// Case 4: a file named twice is read once.
func TestFileReadOnce(t *testing.T) {
	dir := t.TempDir()
	w := writeFile(t, filepath.Join(dir, "w.csv"), "date,sport,duration,rpe\n2026-01-05,run,45,5\n2026-01-06,run,45,5\n2026-01-07,ride,60,6\n")
	profile := writeFile(t, filepath.Join(dir, "me.yaml"), "workouts: [w.csv]\n")
	if err := os.Symlink(w, filepath.Join(dir, "link.csv")); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--workouts", w},
		{profile, "--workouts", w},
		{"--workouts", w, "--checkins", w},
		{"--workouts", w, "--workouts", filepath.Join(dir, ".", "w.csv"), "--workouts", filepath.Join(dir, "link.csv")},
	} {
		doc, _, _, _ := reportJSON(t, args...)
		a := doc.Athletes[0]
		if len(a.Sessions) != 3 || len(a.DataQuality.Merged) != 0 {
			t.Errorf("%v: %d sessions, %d merged; want 3 sessions, none merged", args, len(a.Sessions), len(a.DataQuality.Merged))
		}
		if len(args) > 2 {
			if len(doc.Files) != 1 || len(doc.Files[0].Notes) == 0 || !strings.Contains(doc.Files[0].Notes[0], "read once") {
				t.Errorf("%v: files %+v, want one file saying it was read once", args, doc.Files)
			}
		}
	}
	team := writeFile(t, filepath.Join(dir, "team.yaml"), "team: T\nworkouts: [w2.csv, ./w2.csv]\nathletes:\n  - id: ana\n")
	writeFile(t, filepath.Join(dir, "w2.csv"), "date,athlete,sport,duration,rpe\n2026-01-05,ana,run,45,5\n2026-01-06,ana,run,45,5\n")
	doc, _, _, _ := reportJSON(t, team)
	if a := doc.Athletes[0]; len(a.Sessions) != 2 || len(a.DataQuality.Merged) != 0 {
		t.Errorf("team [w2.csv, ./w2.csv]: %d sessions, %d merged; want 2, none", len(a.Sessions), len(a.DataQuality.Merged))
	}
}

// Case 6: check-in notes appear on their day and beside the rule they may
// explain, in all three outputs; --redact removes them.
func TestCheckinNotesShown(t *testing.T) {
	dir := t.TempDir()
	var w, c strings.Builder
	w.WriteString("date,sport,duration,rpe\n")
	c.WriteString("date,soreness,notes\n")
	for d := 1; d <= 9; d++ {
		day := "2026-03-0" + string(rune('0'+d))
		w.WriteString(day + ",run,40,5\n")
		note := ""
		if d == 7 {
			note = "sick: cold and sore throat"
		}
		c.WriteString(day + ",8," + note + "\n")
	}
	args := []string{"--workouts", writeFile(t, filepath.Join(dir, "w.csv"), w.String()), "--checkins", writeFile(t, filepath.Join(dir, "c.csv"), c.String())}
	doc, html, md, _ := reportJSON(t, args...)
	const note = "sick: cold and sore throat"
	a := doc.Athletes[0]
	if len(a.Notes) != 1 || a.Notes[0].Text != note {
		t.Errorf("JSON checkin_notes = %+v", a.Notes)
	}
	inEvidence := false
	for _, e := range a.Recommendation.Evidence {
		for _, n := range e.Notes {
			inEvidence = inEvidence || n.Text == note
		}
	}
	if !inEvidence {
		t.Errorf("the note is in no evidence: %+v", a.Recommendation.Evidence)
	}
	if !strings.Contains(html, note) || !strings.Contains(md, "sick: cold and sore throat") {
		t.Error("the note is missing from the HTML or the Markdown")
	}
	doc, html, md, _ = reportJSON(t, append(args, "--redact")...)
	if strings.Contains(html, "sore throat") || strings.Contains(md, "sore throat") || len(doc.Athletes[0].Notes) != 0 {
		t.Error("--redact left the note in an output")
	}
}

// Case 5: Methods says which rules a profile switched off.
func TestMethodsMarksRulesOff(t *testing.T) {
	dir := t.TempDir()
	w := writeFile(t, filepath.Join(dir, "w.csv"), "date,sport,duration,rpe\n2026-01-05,run,45,5\n2026-01-06,run,45,5\n")
	profile := writeFile(t, filepath.Join(dir, "me.yaml"), "name: Me\nrules:\n  off: [effort-drift]\n")
	_, html, _, _ := reportJSON(t, profile, "--workouts", w)
	methods := html[strings.Index(html, `id="methods"`):]
	row := methods[strings.Index(methods, "<code>effort-drift</code>"):]
	row = row[:strings.Index(row, "</tr>")]
	if !strings.Contains(row, "switched off") {
		t.Errorf("the Methods row of a switched-off rule: %s", row)
	}
}

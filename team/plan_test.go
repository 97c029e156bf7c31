package team

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/workin/workin/metrics"
	"github.com/workin/workin/report"
)

// analyses runs the team and returns the analyses by athlete id.
func analyses(t *testing.T, tm *Team) map[string]*metrics.Analysis {
	t.Helper()
	out := map[string]*metrics.Analysis{}
	err := Run(tm, 0, func(_ int, a *report.Athlete) (*metrics.Analysis, error) { return a.Analysis, nil },
		func(_ int, a *metrics.Analysis) error { out[a.Profile.ID] = a; return nil })
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// plannedDates lists the dates of an analysis' projected sessions.
func plannedDates(a *metrics.Analysis) string {
	if a.Projection == nil {
		return ""
	}
	var ds []string
	for _, s := range a.Projection.Sessions {
		ds = append(ds, s.Date.String())
	}
	return strings.Join(ds, " ")
}

const (
	planTeam = "team: T\nworkouts: [w.csv]\nplan: [plan.csv]\nathletes:\n  - profile: ana.yaml\n  - id: ben\n    name: Ben\n"
	planAna  = "id: ana\nname: Ana\nplan: [ana-plan.csv]\n"
	// A team's shared plan names its athletes; Ana's own has no athlete
	// column. The row dated on the as-of day (2025-03-05) is planned, not
	// done.
	teamPlan = "date,athlete,sport,duration,rpe,notes\n2025-03-07,Ben,ride,90,6,long ride\n2025-03-05,Ana,run,40,4,\n"
	anaPlan  = "date,sport,duration,tss\n2025-03-06,run,50,55\n"
)

func planFiles() map[string]string {
	return map[string]string{"team.yaml": planTeam, "ana.yaml": planAna, "w.csv": sheet, "plan.csv": teamPlan, "ana-plan.csv": anaPlan}
}

// TestPlans: plan sheets of a team, of a profile and of --plan reach their
// athletes' analyses as planned sessions; the as-of day, the report's
// files and the athletes' row counts are those of the data alone.
func TestPlans(t *testing.T) {
	without := planFiles()
	without["team.yaml"] = strings.Replace(planTeam, "plan: [plan.csv]\n", "", 1)
	without["ana.yaml"] = "id: ana\nname: Ana\n"
	base, err := loadFiles(t, Config{Config: "team.yaml"}, without)
	if err != nil {
		t.Fatal(err)
	}
	tm, err := loadFiles(t, Config{Config: "team.yaml"}, planFiles())
	if err != nil {
		t.Fatal(err)
	}
	if tm.Report().AsOf != base.Report().AsOf || fmt.Sprint(tm.Report().Files) != fmt.Sprint(base.Report().Files) {
		t.Errorf("as-of %s, files %v; without plans %s, %v", tm.Report().AsOf, tm.Report().Files, base.Report().AsOf, base.Report().Files)
	}
	for i, e := range tm.r.athletes {
		if fmt.Sprint(e.quality) != fmt.Sprint(base.r.athletes[i].quality) {
			t.Errorf("%s: quality %+v, without plans %+v", e.cfg.Profile.ID, e.quality, base.r.athletes[i].quality)
		}
	}
	if pf := tm.PlanFiles(); len(pf) != 2 || pf[0].Name != "ana-plan.csv" || pf[0].Kind != "plan" || pf[1].Rows != 2 {
		t.Errorf("plan files %+v", pf)
	}
	got := analyses(t, tm)
	if d := plannedDates(got["ana"]); d != "2025-03-06" {
		t.Errorf("ana's planned sessions %q, want 2025-03-06", d)
	}
	if d := plannedDates(got["ben"]); d != "2025-03-07" {
		t.Errorf("ben's planned sessions %q, want 2025-03-07", d)
	}
	if nd := got["ana"].NotDone; len(nd) != 1 || nd[0].Date != metrics.MustDate("2025-03-05") || !nd[0].Planned || nd[0].Done != 1 {
		t.Errorf("ana's not done %+v, want the run planned on 2025-03-05, a session done that day", nd)
	}
	if s := got["ben"].Projection.Sessions[0]; s.Source != metrics.SrcSRPE || s.Notes != "long ride" || s.Origin.File != "plan.csv" || s.Line != 2 {
		t.Errorf("ben's planned ride %+v, want its load from RPE, its note and position", s)
	}
	// --plan for a profile: the profile's athlete's.
	tm, err = loadFiles(t, Config{Config: "ana.yaml", Profile: true, Workouts: []string{"a.csv"}, Plans: []string{"ana-plan.csv"}},
		map[string]string{"ana.yaml": "id: ana\nname: Ana\n", "a.csv": "date,sport,duration,rpe\n2025-03-03,run,45,5\n", "ana-plan.csv": anaPlan})
	if err != nil {
		t.Fatal(err)
	}
	if d := plannedDates(analyses(t, tm)["ana"]); d != "2025-03-06" {
		t.Errorf("--plan for a profile: %q", d)
	}
	// No profile: one athlete's plan without an athlete column is theirs.
	tm, err = loadFiles(t, Config{Workouts: []string{"a.csv"}, Plans: []string{"p.csv"}},
		map[string]string{"a.csv": "date,sport,duration,rpe\n2025-03-03,run,45,5\n", "p.csv": anaPlan})
	if err != nil {
		t.Fatal(err)
	}
	if d := plannedDates(analyses(t, tm)["athlete"]); d != "2025-03-06" {
		t.Errorf("--plan without a profile: %q", d)
	}
}

// TestPlanProblems: a plan is read as strictly as any sheet, positions
// and --lenient included, and never adds an athlete.
func TestPlanProblems(t *testing.T) {
	tests := []struct {
		name    string
		cfg     Config
		edit    map[string]string
		wantErr string // substring; usage errors are marked "usage: "
	}{
		{"a bad cell", Config{Config: "team.yaml"}, map[string]string{"plan.csv": "date,athlete,sport,duration,rpe\n2025-03-07,Ben,ride,90,11\n"},
			`plan.csv:2: column "rpe"`},
		{"an athlete the team does not list", Config{Config: "team.yaml"}, map[string]string{"plan.csv": "date,athlete,sport,duration\n2025-03-07,Cai,ride,90\n"},
			`plan.csv:2: column "athlete": athlete "Cai" has a plan but is not in the team or the data`},
		{"no athlete column with two athletes", Config{Workouts: []string{"w.csv"}, Plans: []string{"p.csv"}}, map[string]string{"p.csv": anaPlan},
			"p.csv:1: the plan has no athlete column, and there are 2 athletes"},
		{"an athlete the data does not name", Config{Workouts: []string{"w.csv"}, Plans: []string{"p.csv"}}, map[string]string{"p.csv": "date,athlete,sport\n2025-03-07,Cai,ride\n"},
			`athlete "Cai" has a plan but is not in the team or the data`},
		{"a plan that is also a data file", Config{Config: "team.yaml", Plans: []string{"./w.csv"}}, nil, "usage: ./w.csv is given both as a plan and as a data file"},
		{"a plan that is an export", Config{Config: "team.yaml"}, map[string]string{"plan.csv": "\"Title\",\"WorkoutType\",\"PlannedDuration\",\"WorkoutDay\",\"TimeTotalInHours\"\n\"Z2\",\"Run\",\"1\",\"2025-03-07\",\"\"\n"},
			"plan.csv:1: a plan is a native workouts sheet (date, athlete, sport, duration, rpe, tss…), and this is TrainingPeaks workouts.csv"},
		{"a check-ins sheet as a plan", Config{Config: "team.yaml"}, map[string]string{"plan.csv": "date,athlete,sleep_hours\n2025-03-07,Ben,7\n"},
			"and this is native check-ins"},
		{"a missing plan", Config{Config: "team.yaml", Plans: []string{"nope.csv"}}, nil, "nope.csv: cannot read the plan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := planFiles()
			for k, v := range tt.edit {
				files[k] = v
			}
			_, err := loadFiles(t, tt.cfg, files)
			msg := fmt.Sprint(err)
			var ue *UsageError
			if errors.As(err, &ue) {
				msg = "usage: " + msg
			}
			if !strings.Contains(msg, tt.wantErr) {
				t.Fatalf("error %q, want it to contain %q", msg, tt.wantErr)
			}
		})
	}
	// --lenient: the bad rows are skipped and kept for the report, the
	// good ones planned.
	files := planFiles()
	files["plan.csv"] = "date,athlete,sport,duration,rpe\n2025-03-07,Ben,ride,90,11\n2025-03-08,Ben,ride,60,5\n2025-03-07,Cai,ride,90,5\n"
	tm, err := loadFiles(t, Config{Config: "team.yaml", Lenient: true}, files)
	if err != nil {
		t.Fatal(err)
	}
	if q := tm.PlanQuality(1); len(q.Skipped) != 1 || q.Skipped[0].Line != 2 || q.Skipped[0].Column != "rpe" {
		t.Errorf("ben's plan quality %+v, want line 2 skipped", q)
	}
	if o := tm.r.planOrphans; len(o) != 1 || o[0].Line != 4 {
		t.Errorf("plan rows of no athlete %+v, want line 4", o)
	}
	if d := plannedDates(analyses(t, tm)["ben"]); d != "2025-03-08" {
		t.Errorf("ben's planned sessions %q", d)
	}
}

// TestExportPlans: an export's planned workouts without actuals
// (TrainingPeaks) are planned sessions of the athlete the file belongs
// to; they do not move the as-of day.
func TestExportPlans(t *testing.T) {
	tp := "\"Title\",\"WorkoutType\",\"PlannedDuration\",\"WorkoutDay\",\"TimeTotalInHours\",\"HeartRateAverage\",\"TSS\"\n" +
		"\"Z2\",\"Run\",\"1\",\"2025-03-03\",\"1.1\",\"140\",\"62\"\n" +
		"\"Tempo\",\"Run\",\"1.25\",\"2025-03-09\",\"\",\"\",\"\"\n"
	tm, err := loadFiles(t, Config{Workouts: []string{"tp.csv"}}, map[string]string{"tp.csv": tp})
	if err != nil {
		t.Fatal(err)
	}
	if tm.Report().AsOf != metrics.MustDate("2025-03-03") {
		t.Errorf("as-of %s, want the last done session's day", tm.Report().AsOf)
	}
	a := analyses(t, tm)["athlete"]
	if d := plannedDates(a); d != "2025-03-09" {
		t.Errorf("planned %q, want the planned run", d)
	}
	if s := a.Projection.Sessions[0]; s.Duration != 4500 || s.Source != metrics.SrcNone || !s.Planned {
		t.Errorf("planned run %+v: 75 minutes, no load to compute from (no profile), planned", s)
	}
}

// TestPlanRedacted: with --redact a plan sheet is named by its role and
// its notes are left out.
func TestPlanRedacted(t *testing.T) {
	tm, err := loadFiles(t, Config{Config: "team.yaml", Redact: true}, planFiles())
	if err != nil {
		t.Fatal(err)
	}
	if pf := tm.PlanFiles(); pf[0].Name != "plan file 1" || pf[1].Name != "plan file 2" {
		t.Errorf("plan files %+v, want named by role", pf)
	}
	for _, a := range analyses(t, tm) {
		for _, s := range a.Projection.Sessions {
			if s.Notes != "" || strings.Contains(s.Origin.File, "plan.csv") {
				t.Errorf("redacted planned session %+v", s.Workout)
			}
		}
	}
}

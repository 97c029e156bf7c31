package parse

import (
	"fmt"
	"strings"
	"testing"

	"github.com/workin/workin/metrics"
)

func memLoader(files map[string]string) Loader {
	return func(p string) ([]byte, error) {
		if s, ok := files[p]; ok {
			return []byte(s), nil
		}
		return nil, fmt.Errorf("no such file")
	}
}

func TestProfile(t *testing.T) {
	src := `# Ana's profile
name: Ana Ruiz
sex: female
max_hr: 192
resting_hr: 48
lthr: 174
ftp: 240
threshold_pace: "4:40"
timezone: Europe/Madrid
workouts: [ana-workouts.csv]
checkins:
  - data/ana-checkins.csv
rules:
  no_rest_days: 8
  pmc_decay: linear
  week_start: sunday
  off: [effort-drift]
  readiness_weights: {hrv: 0.5}
plan: [plans/next-week.csv]
`
	c, err := ReadConfig([]byte(src), "team/ana.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Team != "" || len(c.Athletes) != 1 {
		t.Fatalf("config = %+v", c)
	}
	a := c.Athletes[0]
	p := a.Profile
	if p.ID != "ana" || p.Name != "Ana Ruiz" || p.Sex != metrics.SexFemale || p.MaxHR != 192 || p.RestingHR != 48 ||
		p.LTHR != 174 || p.FTP != 240 || p.ThresholdPace != 280 || a.Timezone != "Europe/Madrid" {
		t.Errorf("profile = %+v", p)
	}
	if a.Workouts[0] != "team/ana-workouts.csv" || a.Checkins[0] != "team/data/ana-checkins.csv" {
		t.Errorf("paths = %v %v", a.Workouts, a.Checkins)
	}
	if len(a.Plan) != 1 || a.Plan[0] != "team/plans/next-week.csv" {
		t.Errorf("plan paths = %v, want them resolved as workouts: are", a.Plan)
	}
	pr := a.Params
	if pr.NoRestDays != 8 || pr.PMCDecay != "linear" || pr.WeekStart.String() != "Sunday" || !pr.Off["effort-drift"] ||
		pr.Weights.HRV != 0.5 || pr.Weights.Sleep != 0.25 || len(pr.Overrides) != 5 {
		t.Errorf("params = %+v", pr)
	}
	if o := pr.Overrides[0]; o.Key != "no_rest_days" || o.Value != "8" || o.Where != "team/ana.yaml:14" {
		t.Errorf("override = %+v", o)
	}
	if strings.Join(a.Given, ",") != "sex,max_hr,resting_hr,lthr,ftp,threshold_pace" {
		t.Errorf("given = %v", a.Given)
	}
}

func TestProfileErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"max below rest", "name: A\nsex: male\nftp: 250\n\n\n\nmax_hr: 45\nresting_hr: 50\n",
			"p.yaml:7:9: max_hr (45) must be above resting_hr (50)"},
		{"fractional heart rate", "max_hr: 190.5\n", "p.yaml:1:9: max_hr must be a whole number of bpm, got 190.5"},
		{"negative FTP", "ftp: -250\n", "p.yaml:1:6: ftp must be between 1 and 2000 W, got -250"},
		{"unknown key", "name: A\nmaxhr: 190\n", `p.yaml:2: unknown key "maxhr" (keys are listed in the README under Profile and team files)`},
		{"unknown rules key", "rules:\n  no_rest: 8\n", `p.yaml:2: unknown key "no_rest" (keys are listed in the README under Profile and team files)`},
		{"unknown rule name", "rules:\n  off: [effort-drift, sleepy]\n",
			`p.yaml:2:23: unknown rule "sleepy" in off; rules are ` + strings.Join(metrics.RuleNames(), ", ")},
		{"empty file", "", "p.yaml: the file is empty; want a profile (id, name, max_hr, …) or a team (team, athletes)"},
		{"comments only", "# nothing\n", "p.yaml: the file is empty; want a profile (id, name, max_hr, …) or a team (team, athletes)"},
		{"second document", "name: A\n---\nname: B\n", "p.yaml:2: a second YAML document (after ---); keep one profile or team per file"},
		{"not a number", "max_hr: high\n", `p.yaml:1:9: want a number, got "high"`},
		{"tab indent", "name: A\n\tmax_hr: 1\n", "p.yaml:2: found a tab character that violates indentation"},
		{"bad sex", "sex: x\n", `p.yaml:1:6: sex must be male or female (it selects the TRIMP constants), got "x"`},
		{"bad pace", "threshold_pace: 285\n", `p.yaml:1:17: threshold_pace must be minutes:seconds per km between 2:00 and 15:00, such as "4:45", got "285"`},
		{"bad zone", "timezone: Mars/Olympus\n", `p.yaml:1:11: timezone must be an IANA zone name such as Europe/Madrid, got "Mars/Olympus"`},
		{"fractional rule days", "rules: {ctl_days: 42.5}\n", "p.yaml:1:19: ctl_days must be a whole number, got 42.5"},
		{"bad choice", "rules: {acwr_method: magic}\n", `p.yaml:1:22: acwr_method must be one of ewma, rolling-coupled, rolling-uncoupled, got "magic"`},
		{"acute above chronic", "rules: {acwr_acute_days: 30}\n", "p.yaml: rules: acwr_acute_days (30) must be below acwr_chronic_days (28)"},
		{"list for a name", "name: [a, b]\n", "p.yaml:1:7: want a single value, not a list or a map"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadConfig([]byte(tc.src), "p.yaml", nil)
			if err == nil || err.Error() != tc.want {
				t.Errorf("error:\n got %v\nwant %s", err, tc.want)
			}
		})
	}
}

func TestTeam(t *testing.T) {
	files := map[string]string{
		"t/ana.yaml": "name: Ana\nmax_hr: 190\nresting_hr: 50\nrules: {no_rest_days: 9}\nworkouts: [ana.csv]\nplan: [ana-plan.csv]\n",
	}
	src := `team: Harbour Tri
workouts: [shared/workouts.csv]
plan: [shared/plan.csv]
rules: {no_rest_days: 6, hard_rpe: 8}
athletes:
  - profile: ana.yaml
  - id: ben
    name: Ben O.
    ftp: 280
`
	c, err := ReadConfig([]byte(src), "t/team.yaml", memLoader(files))
	if err != nil {
		t.Fatal(err)
	}
	if c.Team != "Harbour Tri" || len(c.Athletes) != 2 || c.Workouts[0] != "t/shared/workouts.csv" {
		t.Fatalf("config = %+v", c)
	}
	ana, ben := c.Athletes[0], c.Athletes[1]
	if ana.Profile.ID != "ana" || ana.Params.NoRestDays != 9 || ana.Params.HardRPE != 8 || ana.Workouts[0] != "t/ana.csv" {
		t.Errorf("ana = %+v", ana)
	}
	if len(c.Plan) != 1 || c.Plan[0] != "t/shared/plan.csv" || len(ana.Plan) != 1 || ana.Plan[0] != "t/ana-plan.csv" {
		t.Errorf("plans: team %v, ana %v", c.Plan, ana.Plan)
	}
	if ben.Profile.ID != "ben" || ben.Params.NoRestDays != 6 || ben.Profile.FTP != 280 {
		t.Errorf("ben = %+v", ben)
	}
	for _, tc := range []struct{ src, want string }{
		{"team: T\nathletes:\n  - id: a\n  - id: b\n  - id: a\n", `t/team.yaml:5: athlete id "a" appears twice (lines 3 and 5; ids are matched without regard to case); ids must be unique`},
		{"team: T\n", "t/team.yaml: the team lists no athletes; add `athletes:` with `- profile: ana.yaml` or inline profiles"},
		{"athletes:\n  - profile: nope.yaml\n", "t/team.yaml:2:14: cannot read profile t/nope.yaml: no such file"},
		{"athletes:\n  - name: X\n", "t/team.yaml:2: an inline athlete needs an id"},
		{"athletes:\n  - id: x\n    bogus: 1\n", `t/team.yaml:3: unknown key "bogus" (keys are listed in the README under Profile and team files)`},
		{"athletes:\n  - profile: ana.yaml\n    ftp: 250\n", "t/team.yaml:2: an athlete entry with `profile:` takes its values from that file; move the other keys there"},
		{"athletes:\n  - profile: ana.yaml\n    plan: [p.csv]\n", "t/team.yaml:2: an athlete entry with `profile:` takes its values from that file; move the other keys there"},
	} {
		_, err := ReadConfig([]byte(tc.src), "t/team.yaml", memLoader(files))
		if err == nil || err.Error() != tc.want {
			t.Errorf("%q:\n got %v\nwant %s", tc.src, err, tc.want)
		}
	}
}

func TestScales(t *testing.T) {
	c, err := ReadConfig([]byte("name: H\nscales:\n  soreness: [1, 7]\n  sleep_quality: [7, 1]\n  mood: [5, 1]\n"), "h.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	sc := c.Athletes[0].Scales
	// science reference §7.1: Hooper DOMS 5 → 7.0; sleep quality 2 (1 = very good) → 8.5;
	// McLean-style item 2 on a 5 = best scale → 7.75.
	for _, tc := range []struct {
		key  string
		x, w float64
	}{{"soreness", 5, 7}, {"sleep_quality", 2, 8.5}, {"mood", 2, 7.75}} {
		if got := sc[tc.key].To10(tc.x); got != tc.w {
			t.Errorf("%s %v → %v, want %v", tc.key, tc.x, got, tc.w)
		}
	}
	src := "date,soreness,sleep_quality,stress\n2026-01-05,5,2,7\n"
	f, err := ReadCheckins(strings.NewReader(src), "h.csv", Options{Athlete: "h", Scales: func(string) Scales { return sc }})
	if err != nil {
		t.Fatal(err)
	}
	if k := f.Checkins.At(0); k.Soreness != 7 || k.SleepQuality != 8.5 || k.Stress != 7 {
		t.Errorf("scaled check-in = %+v", k)
	}
	_, err = ReadCheckins(strings.NewReader("date,soreness\n2026-01-05,8\n"), "h.csv", Options{Athlete: "h", Scales: func(string) Scales { return sc }})
	want := `h.csv:2: column "soreness": want a value on the athlete's declared scale 1–7 (scales: in the profile), got "8"`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
	for _, bad := range []string{"scales: {soreness: [1]}\n", "scales: {soreness: [3, 3]}\n", "scales: {fatigue: [1, 5]}\n"} {
		if _, err := ReadConfig([]byte(bad), "h.yaml", nil); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

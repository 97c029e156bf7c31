package team

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/workin/workin/report"
)

// loadFiles runs Load on in-memory files.
func loadFiles(t *testing.T, c Config, files map[string]string) (*Team, error) {
	t.Helper()
	m := fstest.MapFS{}
	for name, data := range files {
		m[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return Load(c, FS(m))
}

// names runs the team and lists its athletes' names in output order.
func names(t *testing.T, tm *Team, workers int) []string {
	t.Helper()
	var out []string
	err := Run(tm, workers, func(_ int, a *report.Athlete) (string, error) { return a.Analysis.Profile.Name, nil },
		func(_ int, name string) error { out = append(out, name); return nil })
	if err != nil {
		t.Fatal(err)
	}
	return out
}

const sheet = "date,athlete,sport,duration,rpe\n2025-03-03,Ana,run,45,5\n2025-03-04,Ben,ride,60,6\n2025-03-05,Ana,run,30,3\n"

func TestLoad(t *testing.T) {
	tests := []struct {
		name    string
		cfg     Config
		files   map[string]string
		want    []string // athletes in order
		wantErr string   // substring; usage errors are marked "usage: "
	}{
		{"athletes from the athlete column, in order of first row",
			Config{Workouts: []string{"w.csv"}}, map[string]string{"w.csv": sheet}, []string{"Ana", "Ben"}, ""},
		{"one person's files without names are one athlete",
			Config{Workouts: []string{"a.csv"}, Checkins: []string{"c.csv"}},
			map[string]string{"a.csv": "date,sport,duration,rpe\n2025-03-03,run,45,5\n", "c.csv": "date,sleep_hours\n2025-03-03,7\n"},
			[]string{"Athlete"}, ""},
		{"a file named twice is read once",
			Config{Workouts: []string{"w.csv", "./w.csv"}}, map[string]string{"w.csv": sheet}, []string{"Ana", "Ben"}, ""},
		{"a team file names its athletes",
			Config{Config: "team.yaml"}, map[string]string{"team.yaml": "team: T\nworkouts: [w.csv]\nathletes:\n  - id: ben\n    name: Ben\n  - id: ana\n    name: Ana\n", "w.csv": sheet},
			[]string{"Ben", "Ana"}, ""},
		{"as-of before the data is a usage error",
			Config{Workouts: []string{"w.csv"}, AsOf: 1, AsOfSet: true}, map[string]string{"w.csv": sheet}, nil, "usage: --as-of"},
		{"no rows",
			Config{Workouts: []string{"w.csv"}}, map[string]string{"w.csv": "date,sport\n"}, nil, "hold no rows"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tm, err := loadFiles(t, tt.cfg, tt.files)
			if tt.wantErr != "" {
				msg := fmt.Sprint(err)
				var ue *UsageError
				if errors.As(err, &ue) {
					msg = "usage: " + msg
				}
				if !strings.Contains(msg, tt.wantErr) {
					t.Fatalf("error %q, want it to contain %q", msg, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := names(t, tm, 0); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("athletes %q, want %q", got, tt.want)
			}
		})
	}
}

// TestOutputIsNotAnInput: an output path that leads to an input (as
// written, through another spelling or a hard link) is a usage error.
func TestOutputIsNotAnInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "w.csv")
	if err := os.WriteFile(in, []byte(sheet), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "hard.csv")
	if err := os.Link(in, link); err != nil {
		t.Skip(err)
	}
	for _, out := range []string{in, filepath.Join(dir, ".", "w.csv"), link} {
		_, err := Load(Config{Workouts: []string{in}, Outputs: []string{out}}, OS())
		var ue *UsageError
		if !errors.As(err, &ue) {
			t.Errorf("output %s: error %v, want a usage error", out, err)
		}
	}
}

// TestRunOrderIndependentOfWorkers: the athletes come out in the same
// order whatever the number of workers.
func TestRunOrderIndependentOfWorkers(t *testing.T) {
	var b strings.Builder
	b.WriteString("date,athlete,sport,duration,rpe\n")
	for i := range 40 {
		fmt.Fprintf(&b, "2025-03-%02d,p%02d,run,45,5\n", i%28+1, 39-i)
	}
	var first []string
	for _, workers := range []int{1, 2, 7, 64} {
		tm, err := loadFiles(t, Config{Workouts: []string{"w.csv"}}, map[string]string{"w.csv": b.String()})
		if err != nil {
			t.Fatal(err)
		}
		got := names(t, tm, workers)
		if len(got) != 40 {
			t.Fatalf("%d athletes, want 40", len(got))
		}
		if first == nil {
			first = got
		} else if fmt.Sprint(got) != fmt.Sprint(first) {
			t.Errorf("workers=%d: order %v, want %v", workers, got, first)
		}
	}
}

// TestRedact: names become neutral labels and notes go.
func TestRedact(t *testing.T) {
	tm, err := loadFiles(t, Config{Workouts: []string{"w.csv"}, Redact: true},
		map[string]string{"w.csv": "date,athlete,sport,duration,rpe,notes\n2025-03-03,Ana López,run,45,5,knee hurts\n"})
	if err != nil {
		t.Fatal(err)
	}
	a, err := tm.Athlete(0)
	if err != nil {
		t.Fatal(err)
	}
	if n := a.Analysis.Profile.Name; strings.Contains(n, "Ana") || n == "" {
		t.Errorf("redacted name %q", n)
	}
	for _, f := range tm.Report().Files {
		if strings.Contains(f.Name, "w.csv") {
			t.Errorf("redacted file name %q", f.Name)
		}
	}
}

// TestPickAthletes: --athlete (Config.Athletes) keeps the athletes it
// names, in report order, matched by id as rows are; an unknown id is a
// usage error that names it (escaped) and lists a few ids, before any
// data file is read.
func TestPickAthletes(t *testing.T) {
	teamFile := "team: T\nworkouts: [w.csv]\nathletes:\n  - id: ben\n    name: Ben\n  - id: ana\n    name: Ana\n"
	files := map[string]string{"team.yaml": teamFile, "w.csv": sheet}
	var big strings.Builder
	big.WriteString("date,athlete,sport,duration,rpe\n")
	for i := range 11 {
		fmt.Fprintf(&big, "2025-03-03,p%02d,run,45,5\n", i)
	}
	bigFiles := map[string]string{"w.csv": big.String()}
	tests := []struct {
		name    string
		cfg     Config
		files   map[string]string
		want    []string // athletes in order
		rows    []int    // their workout rows
		weeks   int      // the detail window decided for the athletes picked
		wantErr []string // substrings of the usage error
	}{
		{"one athlete of a team", Config{Config: "team.yaml", Athletes: []string{"ana"}}, files,
			[]string{"Ana"}, []int{2}, 0, nil},
		{"any case, report order, each once", Config{Config: "team.yaml", Athletes: []string{"ANA", "ben", "Ana"}}, files,
			[]string{"Ben", "Ana"}, []int{1, 2}, 0, nil},
		{"athletes found in the data", Config{Workouts: []string{"w.csv"}, Athletes: []string{"BEN"}}, map[string]string{"w.csv": sheet},
			[]string{"Ben"}, []int{1}, 0, nil},
		{"ids, never names", Config{Config: "team.yaml", Athletes: []string{"Ana Ruiz"}},
			map[string]string{"team.yaml": "team: T\nathletes:\n  - id: a1\n    name: Ana Ruiz\n"},
			nil, nil, 0, []string{`--athlete "Ana Ruiz": no athlete has that id; the ids are a1`}},
		{"unknown id", Config{Config: "team.yaml", Athletes: []string{"ana", "zed"}}, files,
			nil, nil, 0, []string{`"zed"`, "the ids are ben, ana"}},
		{"unknown id before the data is read", Config{Config: "team.yaml", Athletes: []string{"zed"}},
			map[string]string{"team.yaml": teamFile}, nil, nil, 0, []string{`"zed"`}},
		{"unknown id, escaped and clipped", Config{Config: "team.yaml", Athletes: []string{"\x1b[2J" + strings.Repeat("z", 100)}}, files,
			nil, nil, 0, []string{`"\x1b[2Jzzz`, `z…"`}},
		{"a few ids listed", Config{Workouts: []string{"w.csv"}, Athletes: []string{"p99"}}, bigFiles,
			nil, nil, 0, []string{"the ids are p00, p01, p02, p03, p04 and 6 more"}},
		{"the window follows the athletes picked", Config{Workouts: []string{"w.csv"}, DetailWeeks: -1, Athletes: []string{"p03"}}, bigFiles,
			[]string{"p03"}, []int{1}, 0, nil},
		{"a big team keeps its window", Config{Workouts: []string{"w.csv"}, DetailWeeks: -1}, bigFiles,
			[]string{"p00", "p01", "p02", "p03", "p04", "p05", "p06", "p07", "p08", "p09", "p10"}, nil, 26, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tm, err := loadFiles(t, tt.cfg, tt.files)
			if tt.wantErr != nil {
				var ue *UsageError
				if !errors.As(err, &ue) {
					t.Fatalf("error %v, want a usage error", err)
				}
				for _, w := range tt.wantErr {
					if !strings.Contains(ue.Msg, w) {
						t.Errorf("error %q, want it to contain %q", ue.Msg, w)
					}
				}
				if strings.ContainsRune(ue.Msg, '\x1b') {
					t.Errorf("error %q holds a raw escape", ue.Msg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := names(t, tm, 0); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("athletes %q, want %q", got, tt.want)
			}
			for i, n := range tt.rows {
				a, err := tm.Athlete(i)
				if err != nil {
					t.Fatal(err)
				}
				if got := a.Quality.WorkoutRows; got != n {
					t.Errorf("athlete %d: %d workout rows, want %d", i, got, n)
				}
			}
			if got := tm.Report().Options.DetailWeeks; got != tt.weeks {
				t.Errorf("detail window %d weeks, want %d", got, tt.weeks)
			}
		})
	}
}

// TestPickKeepsTeamLabels: with --redact, an athlete picked keeps the
// label it has in the whole team's report.
func TestPickKeepsTeamLabels(t *testing.T) {
	tm, err := loadFiles(t, Config{Workouts: []string{"w.csv"}, Redact: true, Athletes: []string{"Ben"}}, map[string]string{"w.csv": sheet})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(t, tm, 0); fmt.Sprint(got) != "[athlete 2]" {
		t.Errorf("redacted and picked: %q, want [athlete 2] as in the whole team", got)
	}
}

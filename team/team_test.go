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

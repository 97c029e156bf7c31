package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestCIExample runs the README's example workflow (docs/ci/weekly-report.yml)
// step by step on the sample team: the report step exits 3 because an
// athlete needs rest, the summary lands in $GITHUB_STEP_SUMMARY, and the
// last step fails the job. "Install workin" uses the binary built here.
func TestCIExample(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	src, err := os.ReadFile("../../docs/ci/weekly-report.yml")
	if err != nil {
		t.Fatal(err)
	}
	readme, _ := os.ReadFile("../../README.md")
	if !bytes.Contains(readme, src) {
		t.Error("README.md does not show docs/ci/weekly-report.yml as it is")
	}
	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				Name, Run, ID, If string
				ContinueOnError   bool `yaml:"continue-on-error"`
			}
		}
	}
	if err := yaml.Unmarshal(src, &wf); err != nil {
		t.Fatal(err)
	}
	work, bin := t.TempDir(), t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "workin"), ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, name := range []string{"ana.yaml", "ben.yaml", "workouts.csv", "checkins.csv", "plan.csv"} {
		b, _ := os.ReadFile(filepath.Join("../../samples", name))
		os.WriteFile(filepath.Join(work, name), b, 0o644)
	}
	team, _ := os.ReadFile("../../samples/team.yaml")
	os.WriteFile(filepath.Join(work, "team.yaml"), team, 0o644)
	summary := filepath.Join(work, "step-summary.md")
	outcome := map[string]string{}
	failed := false
	for _, st := range wf.Jobs["report"].Steps {
		if st.Run == "" || st.Name == "Install workin" {
			continue
		}
		if st.If != "" {
			id := strings.TrimSuffix(strings.TrimPrefix(st.If, "steps."), ".outcome == 'failure'")
			if outcome[id] != "failure" {
				continue
			}
		}
		cmd := exec.Command("bash", "-eo", "pipefail", "-c", st.Run)
		cmd.Dir = work
		cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "GITHUB_STEP_SUMMARY="+summary)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		switch {
		case err == nil:
			outcome[st.ID] = "success"
		case errors.As(err, &exit) && st.ContinueOnError:
			outcome[st.ID] = "failure"
			if exit.ExitCode() != 3 || !strings.Contains(stderr.String(), "Ben Okafor") {
				t.Errorf("%s: exit %d, stderr %q; want 3 naming Ben Okafor", st.Name, exit.ExitCode(), stderr.String())
			}
		default:
			failed = true
			if st.Run != "exit 1" {
				t.Errorf("%s: %v\n%s", st.Name, err, stderr.String())
			}
		}
	}
	if !failed {
		t.Error("the job did not fail although an athlete needs rest")
	}
	b, err := os.ReadFile(summary)
	if err != nil || !bytes.Contains(b, []byte("| Advice | Athlete |")) {
		t.Errorf("job summary: %v\n%s", err, b)
	}
	for _, f := range []string{"team.html", "summary.json"} {
		if _, err := os.Stat(filepath.Join(work, f)); err != nil {
			t.Errorf("artifact %s: %v", f, err)
		}
	}
}

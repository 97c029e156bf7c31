package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/workin/workin/internal/synth"
	"github.com/workin/workin/metrics"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// runCLI runs workin in process and returns its stderr and error.
func runCLI(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(args, &stdout, &stderr)
	if stdout.Len() > 0 && args[0] == "report" {
		t.Errorf("report wrote to stdout: %q", stdout.String())
	}
	return stderr.String(), err
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		os.WriteFile(path+".got", got, 0o644)
		t.Errorf("%s differs from the golden file; see %s.got (go test ./cmd/workin -update accepts it)\n%s", path, path, changedRegion(want, got))
	}
}

// changedRegion shows the whole region where two texts differ: the lines
// from the first that differs to the last that differs, counted from the
// end, as "- want" and "+ got" (clipped to 40 lines each).
func changedRegion(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	top := 0
	for top < len(la) && top < len(lb) && la[top] == lb[top] {
		top++
	}
	ea, eb := len(la), len(lb)
	for ea > top && eb > top && la[ea-1] == lb[eb-1] {
		ea, eb = ea-1, eb-1
	}
	var out strings.Builder
	fmt.Fprintf(&out, "lines %d–%d of the golden file differ (%d–%d now):\n", top+1, ea, top+1, eb)
	for _, side := range []struct {
		mark  string
		lines []string
	}{{"- ", la[top:ea]}, {"+ ", lb[top:eb]}} {
		for k, l := range side.lines {
			if k == 40 {
				fmt.Fprintf(&out, "%s… %d more lines\n", side.mark, len(side.lines)-40)
				break
			}
			out.WriteString(side.mark + clipLine(l) + "\n")
		}
	}
	return out.String()
}

func clipLine(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}

// reportOnce renders the basic test team into dir.
func reportOnce(t *testing.T, dir string, extra ...string) (html, md, js []byte) {
	t.Helper()
	out := filepath.Join(dir, "r.html")
	args := append([]string{"report", "testdata/basic/team.yaml", "-o", out,
		"--md", filepath.Join(dir, "r.md"), "--json", filepath.Join(dir, "r.json")}, extra...)
	if stderr, err := runCLI(t, args...); err != nil {
		t.Fatalf("report: %v\n%s", err, stderr)
	}
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	return read("r.html"), read("r.md"), read("r.json")
}

// stableRegion is the HTML between the first athlete's headline and its
// data block: the part of the page a golden file can pin.
var stableRegion = regexp.MustCompile(`(?s)<section class="athlete" id="athlete-1".*?<script type="application/json" id="data-0">`)

func TestGolden(t *testing.T) {
	html, md, js := reportOnce(t, t.TempDir())
	golden(t, "basic.md", md)
	golden(t, "basic.json", js)
	golden(t, "basic.html.region", stableRegion.Find(html))
	// --json-schema 2 writes what schema 2 always wrote, and nothing else
	// changes with it.
	html2, md2, js2 := reportOnce(t, t.TempDir(), "--json-schema", "2")
	golden(t, "basic.v2.json", js2)
	if !bytes.Equal(html2, html) || !bytes.Equal(md2, md) {
		t.Error("--json-schema 2 changes the HTML or the Markdown")
	}
}

func TestDeterministic(t *testing.T) {
	h1, m1, j1 := reportOnce(t, t.TempDir())
	h2, m2, j2 := reportOnce(t, t.TempDir())
	if !bytes.Equal(h1, h2) || !bytes.Equal(m1, m2) || !bytes.Equal(j1, j2) {
		t.Fatal("two runs with the same inputs gave different outputs")
	}
}

// TestEscaping feeds names, sports and notes holding </script> and an
// <img onerror> through all three outputs.
func TestEscaping(t *testing.T) {
	html, md, js := reportOnce(t, t.TempDir())
	page := string(html)
	if strings.Contains(page, "<img") || strings.Contains(page, "onerror=alert") && !strings.Contains(page, "onerror=alert(1)&gt;") {
		t.Error("HTML contains an unescaped <img> from user input")
	}
	// Only our own script elements may open and close: the scripts-on
	// mark, the skeletons, ECharts, the glue, the team data and one data
	// block per athlete.
	lower := strings.ToLower(page)
	if open, closed, want := strings.Count(lower, "<script"), strings.Count(lower, "</script"), 4+1+2; open != want || closed != want {
		t.Errorf("HTML has %d <script and %d </script, want %d: user text made a script element", open, closed, want)
	}
	if !strings.Contains(page, "Bo &lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;") {
		t.Error("the athlete name is not shown escaped")
	}
	if !strings.Contains(page, `\u003c/script\u003eride`) {
		t.Error("the sport label is not escaped inside the chart data")
	}
	if strings.Contains(string(md), "<img") || strings.Contains(string(md), "</script>") {
		t.Error("Markdown contains raw HTML from user input")
	}
	if !strings.Contains(string(md), "Bo &lt;/script&gt;&lt;img src=x onerror=alert\\(1\\)&gt;") {
		t.Errorf("Markdown does not escape the name:\n%s", md)
	}
	if strings.Contains(string(js), "</script") {
		t.Error("JSON holds a raw </script")
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("date,rpe\n2026-01-05,5\n2026-01-06,11\n"), 0o644)
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no command", nil, 2, ""},
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"unknown flag", []string{"report", "--bogus", "x.yaml"}, 2, "flag provided but not defined: -bogus"},
		{"help flag", []string{"report", "-h"}, 0, ""},
		{"nothing to read", []string{"report"}, 2, "nothing to read"},
		{"bad as-of", []string{"report", "--workouts", bad, "--as-of", "2026-02-30"}, 2, `--as-of: "2026-02-30" is not a real day`},
		{"bad fail-on", []string{"report", "--workouts", bad, "--fail-on", "panic"}, 2, `--fail-on must be rest, work-in, easy or unknown, got "panic"`},
		{"two configs", []string{"report", "a.yaml", "b.yaml"}, 2, "give one team or profile file, got 2"},
		{"json-schema without json", []string{"report", "--workouts", bad, "--json-schema", "2"}, 2, "--json-schema 2 is the shape of the JSON summary: give --json FILE too"},
		{"one file for two outputs", []string{"report", "--workouts", bad, "-o", "x.out", "--json", "./x.out"}, 2, "two outputs would be written to ./x.out"},
		{"bad cell", []string{"report", "--workouts", bad, "-o", filepath.Join(dir, "x.html")}, 1,
			bad + `:3: column "rpe": want an RPE from 0 to 10 (CR-10 scale), got "11"`},
		{"missing file", []string{"report", "--workouts", filepath.Join(dir, "nope.csv")}, 1, "cannot read the file"},
		{"lenient skips the row", []string{"report", "--workouts", bad, "--lenient", "-o", filepath.Join(dir, "x.html")}, 0, ""},
		{"help", []string{"help"}, 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(tc.args, &stdout, &stderr)
			code := codeOf(err)
			if code != tc.code {
				t.Fatalf("exit %d (%v), want %d", code, err, tc.code)
			}
			if tc.msg != "" && (err == nil || !strings.Contains(err.Error(), tc.msg)) {
				t.Errorf("error %q does not contain %q", err, tc.msg)
			}
		})
	}
}

// codeOf mirrors exitCode without printing.
func codeOf(err error) int {
	var a *alertError
	var u *usageError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.As(err, &a):
		return 3
	case errors.As(err, &u):
		return 2
	}
	return 1
}

func TestNoPartialOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "r.html")
	// The JSON goes to a directory that does not exist: nothing may be written.
	_, err := runCLI(t, "report", "testdata/basic/team.yaml", "-o", out, "--json", filepath.Join(dir, "missing", "r.json"))
	if err == nil {
		t.Fatal("no error for an unwritable output")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
	// A bad input leaves an existing report untouched.
	os.WriteFile(out, []byte("old"), 0o644)
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("date,rpe\n2026-01-05,x\n"), 0o644)
	if _, err := runCLI(t, "report", "--workouts", bad, "-o", out); err == nil {
		t.Fatal("no error for a bad file")
	}
	if b, _ := os.ReadFile(out); string(b) != "old" {
		t.Error("a failed run changed the existing report")
	}
}

func TestDemo(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "demo.html")
	if _, err := runCLI(t, "demo", "-o", out); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(out)
	for _, want := range []string{"Harbour Endurance Club", "Ana Ruiz", "Ben Okafor", "Cai Lindqvist", `data-kind="pmc"`, "Methods",
		`class="verdict v-rest"`, `class="verdict v-workin"`, `class="verdict v-go"`, `data-kind="hrv"`, `data-kind="calendar"`} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("demo report lacks %q", want)
		}
	}
	if regexp.MustCompile(`(?i)<script[^>]+src=|<link[^>]+href=|url\(\s*['"]?https?:`).Match(b) {
		t.Error("demo report loads something from outside the file")
	}
}

// TestJSONMatchesScienceVectors runs the CLI on sheets built from the
// science reference's worked examples and reads the numbers back from the
// JSON summary.
func TestJSONMatchesScienceVectors(t *testing.T) {
	dir := t.TempDir()
	// §4: loads 100, 0, 50 (given TSS).
	pmc := "date,tss\n2026-01-05,100\n2026-01-07,50\n"
	// §5: 50 LP every day for 28 days, then 150 on day 29.
	var acwr strings.Builder
	acwr.WriteString("date,tss\n")
	for i := 0; i < 29; i++ {
		l := "50"
		if i == 28 {
			l = "150"
		}
		fmt.Fprintf(&acwr, "%s,%s\n", metrics.MustDate("2026-03-02").AddDays(i), l)
	}
	// §6: 40 60 0 50 80 30 0.
	mono := "date,tss\n2026-05-04,40\n2026-05-05,60\n2026-05-07,50\n2026-05-08,80\n2026-05-09,30\n2026-05-10,0\n"
	type want struct {
		date, key string
		value     float64
	}
	for _, tc := range []struct {
		name, csv string
		want      []want
	}{
		{"pmc", pmc, []want{{"2026-01-05", "ctl", 2.3528}, {"2026-01-05", "atl", 13.3122}, {"2026-01-05", "tsb", 0},
			{"2026-01-06", "ctl", 2.2975}, {"2026-01-06", "atl", 11.5401}, {"2026-01-06", "tsb", -10.9594},
			{"2026-01-07", "ctl", 3.4198}, {"2026-01-07", "atl", 16.6599}, {"2026-01-07", "tsb", -9.2426}}},
		{"acwr", acwr.String(), []want{{"2026-03-29", "acwr", 1}, {"2026-03-30", "acwr", 1.3182},
			{"2026-03-30", "acute", 75}, {"2026-03-30", "chronic", 56.8966}}},
		{"monotony", mono, []want{{"2026-05-10", "monotony", 1.3444}, {"2026-05-10", "strain", 349.55}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := filepath.Join(dir, tc.name+".csv")
			os.WriteFile(in, []byte(tc.csv), 0o644)
			js := filepath.Join(dir, tc.name+".json")
			if _, err := runCLI(t, "report", "--workouts", in, "-o", filepath.Join(dir, tc.name+".html"), "--json", js); err != nil {
				t.Fatal(err)
			}
			var doc struct {
				Athletes []struct {
					Daily map[string][]any `json:"daily"` // columns
				} `json:"athletes"`
			}
			b, _ := os.ReadFile(js)
			if err := json.Unmarshal(b, &doc); err != nil {
				t.Fatal(err)
			}
			daily := doc.Athletes[0].Daily
			for _, w := range tc.want {
				i := slices.Index(daily["date"], any(w.date))
				if i < 0 || i >= len(daily[w.key]) {
					t.Errorf("%s %s: no such day or column", w.date, w.key)
					continue
				}
				got, ok := daily[w.key][i].(float64)
				if !ok || math.Abs(got-w.value) > 0.01 {
					t.Errorf("%s %s = %v, want %v", w.date, w.key, daily[w.key][i], w.value)
				}
			}
		})
	}
}

func TestFailOn(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		action string
		names  []string
		absent []string
	}{
		{"rest", []string{"Ben Okafor (ben): rest —"}, []string{"Cai", "Ana"}},
		{"work-in", []string{"Ben Okafor", "Cai Lindqvist (cai): work-in (stretching)"}, []string{"Ana"}},
		{"easy", []string{"Ben Okafor", "Cai Lindqvist"}, []string{"Ana"}},
	} {
		t.Run(tc.action, func(t *testing.T) {
			_, err := runCLI(t, "demo", "-o", filepath.Join(dir, "d.html"), "--fail-on", tc.action)
			if codeOf(err) != 3 {
				t.Fatalf("exit %d (%v), want 3", codeOf(err), err)
			}
			for _, n := range tc.names {
				if !strings.Contains(err.Error(), n) {
					t.Errorf("alert %q does not name %q", err, n)
				}
			}
			for _, n := range tc.absent {
				if strings.Contains(err.Error(), n) {
					t.Errorf("alert %q names %q", err, n)
				}
			}
			if _, statErr := os.Stat(filepath.Join(dir, "d.html")); statErr != nil {
				t.Error("an alert must still write the report")
			}
		})
	}
}

// TestDemoStories keeps the samples telling their stories: every rule
// fires somewhere in the team, and the three athletes end on go, rest and
// a work-in.
func TestDemoStories(t *testing.T) {
	dir := t.TempDir()
	js := filepath.Join(dir, "d.json")
	if _, err := runCLI(t, "demo", "-o", filepath.Join(dir, "d.html"), "--json", js); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Athletes []struct {
			ID             string
			Recommendation struct{ Action string }
			Flags          []struct{ Rule string }
		}
	}
	b, _ := os.ReadFile(js)
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	fired := map[string]bool{}
	actions := map[string]string{}
	for _, a := range doc.Athletes {
		actions[a.ID] = a.Recommendation.Action
		for _, f := range a.Flags {
			fired[f.Rule] = true
		}
	}
	for _, r := range metrics.RuleNames() {
		if !fired[r] {
			t.Errorf("rule %s never fires in the demo", r)
		}
	}
	if want := map[string]string{"ana": "go", "ben": "rest", "cai": "work-in"}; fmt.Sprint(actions) != fmt.Sprint(want) {
		t.Errorf("as-of actions %v, want %v", actions, want)
	}
}

// TestStravaPlusGarmin: the same month exported by Strava (UTC times) and
// Garmin (local times) gives the same weekly load as either alone.
func TestStravaPlusGarmin(t *testing.T) {
	dir := t.TempDir()
	weekly := func(files ...string) ([]float64, int) {
		t.Helper()
		args := []string{"report", "--profile", "testdata/merge/ana.yaml", "-o", filepath.Join(dir, "r.html"), "--json", filepath.Join(dir, "r.json")}
		for _, f := range files {
			args = append(args, "--workouts", "testdata/merge/"+f)
		}
		if _, err := runCLI(t, args...); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Athletes []struct {
				Weekly      []struct{ Load float64 }
				DataQuality struct {
					Merged []any `json:"merged"`
				} `json:"data_quality"`
			}
		}
		b, _ := os.ReadFile(filepath.Join(dir, "r.json"))
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		var loads []float64
		for _, w := range doc.Athletes[0].Weekly {
			loads = append(loads, w.Load)
		}
		return loads, len(doc.Athletes[0].DataQuality.Merged)
	}
	strava, _ := weekly("strava.csv")
	garmin, _ := weekly("garmin.csv")
	both, merged := weekly("strava.csv", "garmin.csv")
	if merged != 18 {
		t.Errorf("%d sessions merged, want 18", merged)
	}
	if fmt.Sprint(strava) != fmt.Sprint(garmin) || fmt.Sprint(both) != fmt.Sprint(strava) || len(strava) != 3 {
		t.Errorf("weekly loads: Strava %v, Garmin %v, both %v", strava, garmin, both)
	}
}

func TestInspect(t *testing.T) {
	var out, errOut bytes.Buffer
	err := run([]string{"inspect", "../../parse/testdata/exports/garmin_running.csv", "testdata/basic/checkins.csv"}, &out, &errOut)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"format:  Garmin Connect Activities.csv (workouts)", "Avg HR → avg_hr", "dates:   2026-03-02 to 2026-03-04",
		"rows:    2 read, 2 used", "format:  native check-ins (check-ins)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("inspect output lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("date,rpe\n2026-01-05,11\n2026-01-06,5\n"), 0o644)
	if err := run([]string{"inspect", bad}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `problem: line 2: column "rpe": want an RPE from 0 to 10 (CR-10 scale), got "11"`) {
		t.Errorf("inspect does not show the problem:\n%s", out.String())
	}
	if err := run([]string{"inspect", filepath.Join(t.TempDir(), "none.csv")}, &out, &errOut); codeOf(err) != 1 {
		t.Errorf("a missing file: exit %d", codeOf(err))
	}
}

// TestRealExportsEndToEnd reports on every real export beside the project
// for one athlete (skipped when the folder is absent).
func TestRealExportsEndToEnd(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/exports/*/*.csv")
	if len(files) == 0 {
		t.Skip("no real exports")
	}
	dir := t.TempDir()
	args := []string{"report", "--profile", "testdata/merge/ana.yaml", "-o", filepath.Join(dir, "r.html"), "--json", filepath.Join(dir, "r.json")}
	for _, f := range files {
		if strings.Contains(f, "weekly") {
			continue
		}
		args = append(args, "--workouts", f)
	}
	if _, err := runCLI(t, args...); err != nil {
		t.Fatal(err)
	}
}

// TestMarkdownBudget: a 50-athlete team's Markdown stays under 60 KB, with
// every athlete in the table and a note for the details left out.
func TestMarkdownBudget(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string][]byte{
		"team.yaml": synth.Team(50), "workouts.csv": synth.Workouts(50, 365), "checkins.csv": synth.Checkins(50, 365),
	} {
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	md := filepath.Join(dir, "s.md")
	if _, err := runCLI(t, "report", filepath.Join(dir, "team.yaml"), "-o", filepath.Join(dir, "r.html"), "--md", md); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(md)
	if len(b) >= 60000 {
		t.Errorf("Markdown is %d bytes, want under 60000", len(b))
	}
	for i := 0; i < 50; i++ {
		if !bytes.Contains(b, []byte(fmt.Sprintf("| Athlete %d |", i))) {
			t.Fatalf("athlete %d missing from the table", i)
		}
	}
	if !bytes.Contains(b, []byte("more athletes are not detailed here")) {
		t.Error("no note about the details left out")
	}
}

func TestRedact(t *testing.T) {
	html, md, js := reportOnce(t, t.TempDir(), "--redact")
	for name, out := range map[string][]byte{"HTML": html, "Markdown": md, "JSON": js} {
		s := string(out)
		for _, secret := range []string{"onerror=alert", "Bo &lt;", `"Bo `, "| Bo ", ">Ana<", `"name":"Ana"`} {
			if strings.Contains(s, secret) {
				t.Errorf("%s with --redact still holds %q", name, secret)
			}
		}
	}
	// "bo" is made from Bo's name: a neutral label replaces it.
	if !strings.Contains(string(js), `"id":"athlete 2","name":"athlete 2"`) {
		t.Error("the JSON does not name the athlete by a neutral label")
	}
	for _, leak := range []string{"workouts.csv", "checkins.csv", "team.yaml"} {
		for name, out := range map[string][]byte{"HTML": html, "Markdown": md, "JSON": js} {
			if bytes.Contains(out, []byte(leak)) {
				t.Errorf("%s with --redact names the file %s", name, leak)
			}
		}
	}
}

// TestHelperProcess is not a test: TestTimeZones runs the test binary
// again with it, to run workin in another process under another TZ.
func TestHelperProcess(t *testing.T) {
	args := os.Getenv("WORKIN_HELPER_ARGS")
	if args == "" {
		t.Skip("helper for TestTimeZones")
	}
	var o, e bytes.Buffer
	if err := run(strings.Split(args, "\x1f"), &o, &e); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

// TestTimeZones renders the demo under two time zones and locales and
// compares the bytes.
func TestTimeZones(t *testing.T) {
	dir := t.TempDir()
	var outs [][]byte
	for i, env := range [][]string{{"TZ=America/Los_Angeles", "LANG=en_US.UTF-8"}, {"TZ=Asia/Tokyo", "LANG=de_DE.UTF-8"}} {
		prefix := filepath.Join(dir, fmt.Sprint(i))
		args := strings.Join([]string{"demo", "-o", prefix + ".html", "--md", prefix + ".md", "--json", prefix + ".json"}, "\x1f")
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
		cmd.Env = append(os.Environ(), append(env, "WORKIN_HELPER_ARGS="+args)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", env, err, out)
		}
		var all []byte
		for _, ext := range []string{".html", ".md", ".json"} {
			b, err := os.ReadFile(prefix + ext)
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, b...)
		}
		outs = append(outs, all)
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("outputs differ between time zones")
	}
}

// TestUnknownAthlete: a row naming an athlete the team file does not list
// stops a strict run and is listed by a lenient one.
func TestUnknownAthlete(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "team.yaml"), []byte("team: T\nworkouts: [w.csv]\nathletes:\n  - id: ana\n  - id: ben\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "w.csv"), []byte("date,athlete,rpe,duration\n2026-01-05,ana,5,45\n2026-01-05,zoe,5,45\n"+
		"2026-01-06,max,5,45\n2026-01-06,zoe,5,45\n2026-01-07,ben,5,45\n"), 0o644)
	team := filepath.Join(dir, "team.yaml")
	_, err := runCLI(t, "report", team, "-o", filepath.Join(dir, "r.html"))
	want := filepath.Join(dir, "w.csv") + `:3: column "athlete": athlete "zoe" is not in the team (athletes: ana, ben)`
	if err == nil || err.Error() != want {
		t.Errorf("strict: %v, want %s", err, want)
	}
	js := filepath.Join(dir, "r.json")
	if _, err := runCLI(t, "report", team, "-o", filepath.Join(dir, "r.html"), "--json", js, "--lenient"); err != nil {
		t.Fatal(err)
	}
	// Every row of an unlisted athlete, in file order.
	skipped, lines := unattributed(t, js)
	if fmt.Sprint(lines) != "[3 4 5]" || !strings.Contains(skipped[0].Reason, `athlete "zoe" is not in the team`) ||
		!strings.Contains(skipped[1].Reason, `athlete "max"`) {
		t.Errorf("lenient JSON lists %+v, want the rows on lines 3, 4 and 5", skipped)
	}
}

func TestProgressOnlyOnTerminals(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, 500, false)
	p.step(10)
	p.done()
	if buf.Len() != 0 {
		t.Errorf("progress written to a non-terminal: %q", buf.String())
	}
	p = &progress{w: &buf, total: 30, on: true}
	p.step(10)
	p.step(11)
	p.done()
	if got := buf.String(); got != "\rworkin: 10/30 athletes analysed\n" {
		t.Errorf("progress = %q", got)
	}
}

func TestRedactWithoutProfile(t *testing.T) {
	dir := t.TempDir()
	w := filepath.Join(dir, "Ana García.csv") // a file named after a person
	os.WriteFile(w, []byte("date,athlete,rpe,duration,notes\n2026-01-05,Ana García,5,45,private\n2026-01-05,Bob Smith,4,30,\n2026-01-06,Ann Gray,4,30,\n"), 0o644)
	html, js := filepath.Join(dir, "r.html"), filepath.Join(dir, "r.json")
	if _, err := runCLI(t, "report", "--workouts", w, "-o", html, "--json", js, "--redact"); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{html, js} {
		b, _ := os.ReadFile(f)
		for _, secret := range []string{"García", "Garc\\u00eda", "Smith", "Gray", "private", "A.G.", "B.S."} {
			if bytes.Contains(b, []byte(secret)) {
				t.Errorf("%s holds %q", filepath.Base(f), secret)
			}
		}
		for _, label := range []string{"athlete 1", "athlete 2", "athlete 3", "workouts file 1"} {
			if !bytes.Contains(b, []byte(label)) {
				t.Errorf("%s lacks the label %q", filepath.Base(f), label)
			}
		}
	}
}

// TestRedactKeepsSkipReasons: --redact hides the names of athletes a team
// does not list, but a row skipped for another reason keeps its reason,
// and all such rows are listed in file order.
func TestRedactKeepsSkipReasons(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "team.yaml"), []byte("team: T\nworkouts: [w.csv]\nathletes:\n  - id: ana\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "w.csv"), []byte("date,athlete,rpe,duration\n2026-01-05,ana,5,45\n"+
		"2026-01-05,zoe,5,45\n2026-01-06,,5,45\n2026-01-07,zoe,4,30\n"), 0o644)
	js := filepath.Join(dir, "r.json")
	if _, err := runCLI(t, "report", filepath.Join(dir, "team.yaml"), "-o", filepath.Join(dir, "r.html"), "--json", js, "--lenient", "--redact"); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(js)
	if bytes.Contains(b, []byte("zoe")) {
		t.Error("the JSON names the unlisted athlete")
	}
	skipped, lines := unattributed(t, js)
	if fmt.Sprint(lines) != "[3 4 5]" || !strings.Contains(skipped[0].Reason, "name redacted") ||
		!strings.Contains(skipped[1].Reason, "athlete is empty") {
		t.Errorf("skipped rows %+v, want lines 3, 4, 5 with the empty athlete's own reason", skipped)
	}
}

type skippedRow struct {
	Line   int
	Reason string
}

// unattributed reads the rows a JSON summary lists as belonging to no
// athlete, and their lines.
func unattributed(t *testing.T, path string) ([]skippedRow, []int) {
	t.Helper()
	b, _ := os.ReadFile(path)
	var got struct {
		Skipped []skippedRow `json:"unattributed_skipped"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, sk := range got.Skipped {
		lines = append(lines, sk.Line)
	}
	return got.Skipped, lines
}

// TestAthleteFlag: --athlete reports only the athletes it names, in all
// three outputs and for --fail-on; an unknown id is a usage error whose
// every stderr line is workin's own.
func TestAthleteFlag(t *testing.T) {
	team := "../../samples/team.yaml"
	names := map[string]string{"ana": "Ana Ruiz", "ben": "Ben Okafor", "cai": "Cai Lindqvist"}
	tests := []struct {
		name   string
		args   []string
		code   int
		ids    []string // the JSON's athletes, in order
		stderr []string // lines of stderr, in order (code 2)
	}{
		{"one athlete", []string{"--athlete", "ben"}, 0, []string{"ben"}, nil},
		{"any case, report order", []string{"--athlete", "CAI", "--athlete", "ana"}, 0, []string{"ana", "cai"}, nil},
		{"--fail-on sees only those", []string{"--athlete", "ana", "--fail-on", "rest"}, 0, []string{"ana"}, nil},
		{"--fail-on still fires for them", []string{"--athlete", "ben", "--fail-on", "rest"}, 3, []string{"ben"}, nil},
		{"unknown id", []string{"--athlete", "ana", "--athlete", "zed"}, 2, nil,
			[]string{`workin: --athlete "zed": no athlete has that id; the ids are ana, ben, cai`, "Run 'workin help' for usage."}},
		{"an id that forges a workflow command", []string{"--athlete", "x\n::error::boom"}, 2, nil,
			[]string{`workin: --athlete "x\n::error::boom": no athlete has that id; the ids are ana, ben, cai`, "Run 'workin help' for usage."}},
		{"json-schema out of range", []string{"--json-schema", "4"}, 2, nil,
			[]string{"workin: --json-schema must be 3 or 2, got 4", "Run 'workin help' for usage."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out := func(n string) string { return filepath.Join(dir, n) }
			args := append([]string{"report", team, "-o", out("r.html"), "--md", out("r.md"), "--json", out("r.json")}, tc.args...)
			_, stderr, code := run2(t, "", args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tc.code, stderr)
			}
			if tc.code == 2 {
				if got := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n"); fmt.Sprint(got) != fmt.Sprint(tc.stderr) {
					t.Errorf("stderr %q, want %q", got, tc.stderr)
				}
				if _, err := os.Stat(out("r.html")); err == nil {
					t.Error("a usage error wrote the report")
				}
				return
			}
			var doc struct{ Athletes []struct{ ID string } }
			b, _ := os.ReadFile(out("r.json"))
			if err := json.Unmarshal(b, &doc); err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, a := range doc.Athletes {
				ids = append(ids, a.ID)
			}
			if fmt.Sprint(ids) != fmt.Sprint(tc.ids) {
				t.Errorf("JSON athletes %v, want %v", ids, tc.ids)
			}
			html, _ := os.ReadFile(out("r.html"))
			md, _ := os.ReadFile(out("r.md"))
			for id, name := range names {
				want := slices.Contains(tc.ids, id)
				for what, text := range map[string][]byte{"HTML": html, "Markdown": md, "JSON": b} {
					if got := bytes.Contains(text, []byte(name)); got != want {
						t.Errorf("%s names %s: %v, want %v", what, name, got, want)
					}
				}
			}
		})
	}
}

package main

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/workin/workin/metrics"
	"github.com/workin/workin/report"
	"github.com/workin/workin/samples"
	"github.com/workin/workin/team"
)

// TestDemoPlans keeps the samples' planned week telling its story: Ana's
// plan is fine, Ben's trips load warnings (no rest day, hard sessions on
// consecutive days), Cai has none and still gets tomorrow's headroom.
func TestDemoPlans(t *testing.T) {
	got := demoAnalyses(t)
	ana, ben, cai := got["ana"], got["ben"], got["cai"]
	if p := ana.Projection; p == nil || len(p.Sessions) != 6 || len(p.Warnings) != 0 {
		t.Errorf("ana's plan: %+v, want six sessions and no warning", p)
	}
	p := ben.Projection
	if p == nil || len(p.Sessions) != 7 {
		t.Fatalf("ben's plan: %+v, want seven sessions", p)
	}
	var rules []string
	for _, w := range p.Warnings {
		rules = append(rules, w.Rule)
		if w.Rule == metrics.RuleNoRestDay && (w.Date != metrics.MustDate("2026-12-01") || w.Value != 7 || w.Ongoing) {
			t.Errorf("ben's no-rest-day warning %+v, want it from Tuesday 1 December at 7 days", w)
		}
	}
	for _, want := range []string{metrics.RuleNoRestDay, metrics.RuleHardDaysClose} {
		if !slices.Contains(rules, want) {
			t.Errorf("ben's plan warns of %v, want %s among them", rules, want)
		}
	}
	if cai.Projection != nil || cai.Headroom == nil || cai.Headroom.Rest.OtherIs != "usual" {
		t.Errorf("cai: projection %v, headroom %+v; want none, and a usual day to compare rest with", cai.Projection, cai.Headroom)
	}
	for id, a := range got {
		if a.Headroom == nil || a.Headroom.Date != metrics.MustDate("2026-12-01") || a.Headroom.Tightest() == nil {
			t.Errorf("%s: headroom %+v, want tomorrow's", id, a.Headroom)
		}
	}
}

// demoWithoutPlan is the demo's files without the team's plan: key.
func demoWithoutPlan(t *testing.T) fstest.MapFS {
	t.Helper()
	without := fstest.MapFS{}
	err := fs.WalkDir(samples.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(samples.FS, path)
		if path == "team.yaml" {
			b = bytes.Replace(b, []byte("plan: [plan.csv]\n"), nil, 1)
		}
		without[path] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if b := without["team.yaml"].Data; bytes.Contains(b, []byte("plan:")) {
		t.Fatalf("the team file still names a plan:\n%s", b)
	}
	return without
}

// renderDemo renders the demo's three outputs from fsys, with the temporary
// folder's name taken out.
func renderDemo(t *testing.T, fsys team.Files, plans ...string) [3][]byte {
	t.Helper()
	dir := t.TempDir()
	f := &reportFlags{config: "team.yaml", out: filepath.Join(dir, "r.html"), md: filepath.Join(dir, "r.md"), json: filepath.Join(dir, "r.json"),
		detail: -1, schema: report.SchemaVersion, plans: plans}
	if err := runReport(f, fsys, io.Discard); err != nil && !strings.HasPrefix(err.Error(), "--fail-on") {
		t.Fatal(err)
	}
	var out [3][]byte
	for i, p := range []string{f.out, f.md, f.json} {
		out[i], _ = os.ReadFile(p)
		out[i] = bytes.ReplaceAll(out[i], []byte(dir), nil)
	}
	return out
}

// TestPlansInOutputs: the demo's plan (its plan: key, or --plan) shows in
// the HTML and the Markdown: Ben's plan check with its projected warnings,
// Ana's plan that trips none, the dashed projection's data, and the
// headroom of everyone, Cai (who has no plan) included; the two ways of
// giving the plan give the same report, and a report without a plan has
// no plan check but still the headroom.
func TestPlansInOutputs(t *testing.T) {
	without := demoWithoutPlan(t)
	none := renderDemo(t, team.FS(without))
	key := renderDemo(t, team.FS(samples.FS))
	flag := renderDemo(t, team.FS(without), "plan.csv")
	for i, kind := range []string{"HTML", "Markdown"} {
		if !bytes.Equal(key[i], flag[i]) {
			t.Errorf("the %s of the plan: key differs from that of --plan", kind)
		}
	}
	html, md := string(key[0]), string(key[1])
	for _, c := range []struct {
		name, out, want string
		n               int // occurrences wanted; 0: at least one
	}{
		{"Ben's plan check", html, "Next 7 days as planned: 4 projected warnings", 1},
		{"Ben's plan check", md, "**Plan check:** Next 7 days as planned: 4 projected warnings — no-rest-day Tue 1 Dec 7 ≥ 7 days;", 1},
		{"Ben's no-rest-day, projected", html, `<code>no-rest-day</code> <span class="measure">7 ≥ 7 days</span> <span class="tag">projected</span>`, 1},
		{"Ana's plan passes", html, "Next 6 days as planned: no load rule holds on the planned days.", 1},
		{"Ana's plan passes", md, "Next 6 days as planned: no load rule holds on the planned days.", 1},
		{"the ramp guide", md, "a commonly cited guide of about 5–8 per week", 2},
		{"rules not projected", html, "Not projected: hrv-low, rhr-high, soreness-persistent, effort-drift, readiness-low, hard-on-poor-readiness", 2},
		{"Cai has no plan", html, "No planned sessions after today", 1},
		{"headroom for everyone", html, `<h4>Tomorrow, Tue 1 Dec: how much load before a warning</h4>`, 3},
		{"headroom for everyone", md, "**Headroom:** Tomorrow \\(Tue 1 Dec\\)", 3},
		{"Ben's tightest limit", md, "up to 19 LP before no-rest-day", 1},
		{"rest tomorrow against the plan", html, "As planned (98 LP planned)", 1},
		{"rest tomorrow against a usual day", html, "A usual day (139 LP)", 1},
		{"the roster's headroom", html, `<td class="r-head"`, 3},
		{"the projection's data", html, `"plan":{`, 2},
		{"plan files in data quality", html, "<caption>Plan sheets</caption>", 1},
	} {
		got := strings.Count(c.out, c.want)
		if c.n == 0 && got == 0 || c.n > 0 && got != c.n {
			t.Errorf("%s: %q appears %d times, want %d", c.name, c.want, got, c.n)
		}
	}
	nohtml, nomd := string(none[0]), string(none[1])
	for _, c := range []struct{ out, absent string }{
		{nohtml, "as planned:"}, {nomd, "Plan check"}, {nohtml, `"plan":{`}, {nohtml, "Plan sheets"}, {nohtml, `<span class="tag">projected</span>`},
	} {
		if strings.Contains(c.out, c.absent) {
			t.Errorf("the report without a plan shows %q", c.absent)
		}
	}
	if n := strings.Count(nohtml, "how much load before a warning"); n != 3 {
		t.Errorf("the report without a plan has %d headroom tables, want 3", n)
	}
}

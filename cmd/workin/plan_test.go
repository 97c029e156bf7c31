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
	tm, err := team.Load(team.Config{Config: "team.yaml"}, team.FS(samples.FS))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]*metrics.Analysis{}
	err = team.Run(tm, 0, func(_ int, a *report.Athlete) (*metrics.Analysis, error) { return a.Analysis, nil },
		func(_ int, a *metrics.Analysis) error { got[a.Profile.ID] = a; return nil })
	if err != nil {
		t.Fatal(err)
	}
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

// TestPlansLeaveOutputsAlone: the outputs do not show plans yet, so the
// demo with its plan, and a report given --plan, are byte for byte the
// reports without.
func TestPlansLeaveOutputsAlone(t *testing.T) {
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
	render := func(fsys team.Files, plans ...string) [3][]byte {
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
	want := render(team.FS(without))
	for _, c := range []struct {
		name string
		got  [3][]byte
	}{
		{"the demo's plan: key", render(team.FS(samples.FS))},
		{"--plan", render(team.FS(without), "plan.csv")},
	} {
		for i, kind := range []string{"HTML", "Markdown", "JSON"} {
			if !bytes.Equal(c.got[i], want[i]) || len(want[i]) == 0 {
				t.Errorf("%s: the %s differs from the report without a plan", c.name, kind)
			}
		}
	}
}

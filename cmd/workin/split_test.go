package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// splitTeam writes a team whose ids are hostile file names: a path that
// climbs out, a Windows device name, two ids that fold to one name, the
// overview's own name, and a script.
func splitTeam(t *testing.T, dir string) {
	t.Helper()
	writeFile(t, filepath.Join(dir, "team.yaml"), `team: Split Squad
workouts: [w.csv]
checkins: [c.csv]
athletes:
  - {id: "../../evil", name: Eve Vil}
  - {id: CON, name: Connie Device}
  - {id: ana.ruiz, name: Ana Dot}
  - {id: "ana ruiz", name: Ana Space}
  - {id: index, name: Indy Index}
  - {id: "<script>", name: "Sc </script><b>ript"}
`)
	var w, c strings.Builder
	w.WriteString("date,athlete,sport,duration,rpe\n")
	c.WriteString("date,athlete,soreness,sleep_hours,hrv,resting_hr\n")
	for _, who := range []string{"Eve Vil", "Connie Device", "Ana Dot", "Ana Space", "Indy Index", "Sc </script><b>ript"} {
		q := `"` + strings.ReplaceAll(who, `"`, `""`) + `"`
		for d := 1; d <= 28; d++ {
			day := "2026-02-" + twoDigits(d)
			if d%7 != 0 {
				w.WriteString(day + "," + q + ",run,45,5\n")
			}
			c.WriteString(day + "," + q + ",3,7.5,60,50\n")
		}
	}
	writeFile(t, filepath.Join(dir, "w.csv"), w.String())
	writeFile(t, filepath.Join(dir, "c.csv"), c.String())
}

func twoDigits(d int) string { return string(rune('0'+d/10)) + string(rune('0'+d%10)) }

func TestSplit(t *testing.T) {
	dir := t.TempDir()
	splitTeam(t, dir)
	if _, stderr, code := run2(t, dir, "report", "team.yaml", "-o", "one.html", "--md", "one.md", "--json", "one.json"); code != 0 {
		t.Fatalf("one page: exit %d: %s", code, stderr)
	}
	if _, stderr, code := run2(t, dir, "report", "team.yaml", "--split", "pages", "--md", "split.md", "--json", "split.json"); code != 0 {
		t.Fatalf("--split: exit %d: %s", code, stderr)
	}
	// Markdown and JSON are the same with and without --split.
	for _, ext := range []string{"md", "json"} {
		a, _ := os.ReadFile(filepath.Join(dir, "one."+ext))
		b, _ := os.ReadFile(filepath.Join(dir, "split."+ext))
		if !bytes.Equal(a, b) || len(a) == 0 {
			t.Errorf("the %s summary changes with --split", ext)
		}
	}
	// Nothing was written outside the folder, and the folder holds the
	// overview and one plain-named page per athlete.
	top, _ := os.ReadDir(dir)
	var names []string
	for _, e := range top {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	if want := []string{"c.csv", "one.html", "one.json", "one.md", "pages", "split.json", "split.md", "team.yaml", "w.csv"}; !slices.Equal(names, want) {
		t.Errorf("the run's folder holds %v, want %v", names, want)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "pages"))
	var pages []string
	for _, e := range entries {
		pages = append(pages, e.Name())
	}
	want := []string{"ana-ruiz-2.html", "ana-ruiz.html", "athlete-con.html", "athlete-index.html", "evil.html", "index.html", "script.html"}
	if !slices.Equal(pages, want) {
		t.Fatalf("pages %v, want %v", pages, want)
	}
	overview, _ := os.ReadFile(filepath.Join(dir, "pages", "index.html"))
	for _, p := range want[:len(want)-2] {
		if !bytes.Contains(overview, []byte(`href="`+p+`"`)) {
			t.Errorf("the overview does not link to %s", p)
		}
	}
	if bytes.Contains(overview, []byte(`id="athlete-1"`)) {
		t.Error("the overview holds the athletes' sections too")
	}
	// Each page is one athlete's whole report and names no other athlete.
	everyone := []string{"Eve Vil", "Connie Device", "Ana Dot", "Ana Space", "Indy Index", "Sc &lt;/script&gt;&lt;b&gt;ript"}
	pageOf := map[string]string{"evil.html": "Eve Vil", "athlete-con.html": "Connie Device", "ana-ruiz.html": "Ana Dot",
		"ana-ruiz-2.html": "Ana Space", "athlete-index.html": "Indy Index", "script.html": "Sc &lt;/script&gt;&lt;b&gt;ript"}
	for page, who := range pageOf {
		b, _ := os.ReadFile(filepath.Join(dir, "pages", page))
		s := string(b)
		if !strings.Contains(s, "<h1>"+who+"</h1>") || !strings.Contains(s, `class="verdict`) || !strings.Contains(s, `href="index.html"`) {
			t.Errorf("%s is not %s's page", page, who)
		}
		if !strings.Contains(s, "<caption>Readiness and its parts by day") || strings.Contains(s, `class="wk-z"`) {
			t.Errorf("%s does not hold its tables as HTML", page)
		}
		for _, other := range everyone {
			if other != who && strings.Contains(s, other) {
				t.Errorf("%s names %s", page, other)
			}
		}
		if n := strings.Count(strings.ToLower(s), "<script"); n != 5 {
			t.Errorf("%s has %d script elements, want 5", page, n)
		}
	}
}

// TestSplitFailsWhole: a failed run writes no page and makes no folder; an
// existing folder keeps what it had; -o and --split together are refused.
func TestSplitFailsWhole(t *testing.T) {
	dir := t.TempDir()
	splitTeam(t, dir)
	os.WriteFile(filepath.Join(dir, "w.csv"), []byte("date,athlete,sport,duration,rpe\n2026-02-01,Eve Vil,run,45,11\n"), 0o644)
	if _, _, code := run2(t, dir, "report", "team.yaml", "--split", "new"); code != 1 {
		t.Fatalf("a bad row: exit %d, want 1", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "new")); !os.IsNotExist(err) {
		t.Error("a failed run left its --split folder")
	}
	old := filepath.Join(dir, "old")
	os.Mkdir(old, 0o755)
	os.WriteFile(filepath.Join(old, "index.html"), []byte("old"), 0o644)
	if _, _, code := run2(t, dir, "report", "team.yaml", "--split", "old"); code != 1 {
		t.Fatalf("a bad row: exit %d, want 1", code)
	}
	entries, _ := os.ReadDir(old)
	if b, _ := os.ReadFile(filepath.Join(old, "index.html")); len(entries) != 1 || string(b) != "old" {
		t.Errorf("a failed run changed the --split folder: %d entries, index %q", len(entries), b)
	}
	if _, stderr, code := run2(t, dir, "report", "team.yaml", "--split", "x", "-o", "r.html"); code != 2 || !regexp.MustCompile(`not both`).MatchString(stderr) {
		t.Errorf("-o with --split: exit %d, %q", code, stderr)
	}
	if _, stderr, code := run2(t, dir, "report", "team.yaml", "--split", "w.csv"); code != 2 || !strings.Contains(stderr, "is a file") {
		t.Errorf("--split onto a file: exit %d, %q", code, stderr)
	}
}

// TestDemoSaysWhere: the demo says where it wrote the report and how to
// open it; report itself keeps stdout empty.
func TestDemoSaysWhere(t *testing.T) {
	dir := t.TempDir()
	out, stderr, code := run2(t, dir, "demo", "-o", "d.html")
	abs, _ := filepath.Abs(filepath.Join(dir, "d.html"))
	if code != 0 || !strings.Contains(out, "d.html") || !strings.Contains(out, "file://"+filepath.ToSlash(abs)) || !strings.Contains(out, "web browser") {
		t.Errorf("demo: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	out, _, code = run2(t, dir, "demo", "--split", "pages")
	if code != 0 || !strings.Contains(out, "index.html") {
		t.Errorf("demo --split: exit %d, stdout %q", code, out)
	}
}

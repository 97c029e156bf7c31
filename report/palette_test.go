package report

import (
	"flag"
	"fmt"
	"io/fs"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/workin/workin/templates"
)

// paletteOf reads the --c-… chart colours of one palette of report.css:
// "light" (the default, also what prints) or "dark".
func paletteOf(t testing.TB, which string) map[string]string {
	t.Helper()
	css, err := fs.ReadFile(templates.FS, "report.css")
	if err != nil {
		t.Fatal(err)
	}
	src := string(css)
	var block string
	switch which {
	case "light":
		block = between(t, src, ":root, .theme-light {", "}")
	case "dark":
		rest := src[strings.Index(src, "prefers-color-scheme: dark"):]
		block = between(t, rest, ":root {", "}")
	}
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`--c-([A-Za-z0-9-]+):\s*([^;]+);`).FindAllStringSubmatch(block, -1) {
		out[m[1]] = strings.TrimSpace(m[2])
	}
	if len(out) == 0 {
		t.Fatalf("no %s palette in report.css", which)
	}
	return out
}

func between(t testing.TB, s, from, to string) string {
	t.Helper()
	i := strings.Index(s, from)
	if i < 0 {
		t.Fatalf("report.css lacks %q", from)
	}
	s = s[i+len(from):]
	return s[:strings.Index(s, to)]
}

// luminance is WCAG 2.1's relative luminance of an sRGB colour.
func luminance(hex string) float64 {
	hex = strings.TrimPrefix(hex, "#")
	var c [3]float64
	for i := range c {
		v, _ := strconv.ParseUint(hex[2*i:2*i+2], 16, 8)
		x := float64(v) / 255
		if x <= 0.03928 {
			c[i] = x / 12.92
		} else {
			c[i] = math.Pow((x+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}

// contrast is WCAG 2.1's contrast ratio of two colours.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// paletteRoles says which chart colours must stand out from the panel the
// charts sit on, and how much (WCAG 2.1 SC 1.4.3 text 4.5:1, SC 1.4.11
// graphics 3:1). Fills of areas whose edge or text carries them (bands,
// span shades, the light end of a heat scale, the hatching) are not
// listed: they are backgrounds, never the only mark of a value.
var paletteRoles = map[string]float64{
	"ink": 4.5, "muted": 4.5, "blue": 3, "grey": 3, "light": 3, "bandEdge": 3,
	"spanWarnMark": 3, "spanAlertMark": 3, "heat3": 3, "heat4": 3, "load3": 3, "load4": 3,
	"sport-ride": 3, "sport-run": 3, "sport-swim": 3, "sport-strength": 3, "sport-x1": 3, "sport-x2": 3,
	"sport-x3": 3, "sport-x4": 3, "sport-x5": 3, "sport-other": 3, "sport-workin": 3,
	"team0": 3, "team1": 3, "team2": 3, "team3": 3, "team4": 3, "team5": 3, "team6": 3, "team7": 3, "teamOther": 3,
}

// TestPaletteContrast measures every chart colour that draws a value or a
// word against the chart panel, in the light and the dark palette, and the
// page's text against the page: the numbers the design promises.
func TestPaletteContrast(t *testing.T) {
	for _, which := range []string{"light", "dark"} {
		p := paletteOf(t, which)
		for role, need := range paletteRoles {
			c, ok := p[role]
			if !ok {
				t.Errorf("%s palette: no --c-%s", which, role)
				continue
			}
			for _, bg := range []string{"panel", "bg"} {
				if got := contrast(c, p[bg]); got < need {
					t.Errorf("%s palette: --c-%s %s on %s %s: %.2f:1, want at least %.1f:1", which, role, c, bg, p[bg], got, need)
				}
			}
		}
	}
}

// paletteOrder is the order of the README's contrast table.
var paletteOrder = []string{"ink", "muted", "blue", "grey", "light", "bandEdge", "spanWarnMark", "spanAlertMark", "heat3", "heat4", "load3", "load4",
	"sport-ride", "sport-run", "sport-swim", "sport-strength", "sport-x1", "sport-x2", "sport-x3", "sport-x4", "sport-x5", "sport-other", "sport-workin",
	"team0", "team1", "team2", "team3", "team4", "team5", "team6", "team7", "teamOther"}

// paletteTable is the README's table of the chart colours' contrast
// against the chart panel.
func paletteTable(t testing.TB) string {
	var b strings.Builder
	l, d := paletteOf(t, "light"), paletteOf(t, "dark")
	b.WriteString("| colour (`--c-…`) | light, on #F5F6F7 | dark, on #1C1F23 | at least |\n|---|---|---|---|\n")
	for _, k := range paletteOrder {
		fmt.Fprintf(&b, "| `%s` | %s %.1f:1 | %s %.1f:1 | %.1f:1 |\n", k, l[k], contrast(l[k], l["panel"]), d[k], contrast(d[k], d["panel"]), paletteRoles[k])
	}
	return b.String()
}

// TestReadmePalette: the README's contrast table is the palette's.
func TestReadmePalette(t *testing.T) {
	if len(paletteOrder) != len(paletteRoles) {
		t.Fatalf("%d colours in the table, %d with a role", len(paletteOrder), len(paletteRoles))
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const start, end = "<!-- palette: go test ./report -run TestReadmePalette -update-readme -->\n", "<!-- /palette -->"
	s := string(readme)
	i, j := strings.Index(s, start), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatal("README.md has no palette table")
	}
	want := paletteTable(t)
	if got := s[i+len(start) : j]; got != want {
		if *updateReadme {
			os.WriteFile("../README.md", []byte(s[:i+len(start)]+want+s[j:]), 0o644)
			return
		}
		t.Errorf("README.md's palette table is not the palette's (go test ./report -run TestReadmePalette -update-readme):\n%s", want)
	}
}

var updateReadme = flag.Bool("update-readme", false, "rewrite the README's palette table")

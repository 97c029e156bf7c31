// Command smoke is CI's browser test of the report. It renders the demo
// (one page, and one page per athlete with --split) and a synthetic team
// of twelve (whose athletes are packed), opens them in headless Chromium
// with the network off (file://, and inside `unshare -n` where the machine
// allows it), driven over the DevTools protocol (internal/cdp), and fails
// on any console message from a page or when:
//
//   - a chart is not drawn (laptop, every athlete opened);
//
//   - on a phone (380 × 700 CSS px, emulated as a device: a narrow window
//     alone gives a page 500 px), in light or dark mode, an athlete's first
//     screen does not hold the action word, the plan, at most four
//     evidence lines and readiness with its parts, or the roster's cards
//     do not fit the width;
//
//   - dark mode does not take the dark palette;
//
//   - without scripts, a chart box is left on the page, or the advice and
//     the tables are missing;
//
//   - a packed athlete does not unpack and draw when opened;
//
//   - printing an athlete's page takes more than maxPrintPages pages.
//
//     go run ./internal/smoke [-shots DIR]
//
// -shots also saves the README's screenshots (docs/screenshot-*.png: an
// athlete's page on a laptop and on a phone, light and dark, and the
// roster on a phone), taken from the demo; -pdf an athlete's page printed
// (pdftoppm turns its pages into pictures):
//
//	go run ./internal/smoke -shots docs -pdf /tmp/ben.pdf
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/workin/workin/internal/cdp"
)

// maxPrintPages bounds an athlete's own page printed on A4 (README). The
// plan check, headroom and planned sessions (issue 14) take Ben's page
// from 10 to 13 pages; 14 leaves one page of slack.
const maxPrintPages = 14

func main() {
	shots := flag.String("shots", "", "save the README's screenshots in `DIR`")
	pdf := flag.String("pdf", "", "save an athlete's page printed to PDF as `FILE`, to look at the pages")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("smoke: ")
	start := time.Now()

	dir, err := os.MkdirTemp("", "workin-smoke-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	demo := filepath.Join(dir, "demo.html")
	split := filepath.Join(dir, "split")
	team := filepath.Join(dir, "team")
	workin := filepath.Join(dir, "workin")
	run("go", "build", "-o", workin, "./cmd/workin")
	run(workin, "demo", "-o", demo)
	run(workin, "demo", "--split", split)
	run("go", "run", "./internal/synth/gen", "-athletes", "12", "-days", "120", "-dir", team)
	run(workin, "report", filepath.Join(team, "team.yaml"), "-o", filepath.Join(team, "team.html"), "--quiet")

	b, err := cdp.Launch()
	if err != nil {
		log.Fatal(err)
	}
	defer b.Close()
	s := &smoke{b: b, shots: *shots, pdf: *pdf}
	s.allCharts(demo)
	s.firstScreens(demo, filepath.Join(split, "ben.html"), false)
	s.firstScreens(demo, filepath.Join(split, "ben.html"), true)
	s.noScripts(demo, filepath.Join(team, "team.html"))
	s.packed(filepath.Join(team, "team.html"))
	s.print(filepath.Join(split, "ben.html"))
	if *shots != "" {
		s.screenshots(demo, filepath.Join(split, "ben.html"))
	}
	if len(s.problems) > 0 {
		b.Close()
		log.Fatalf("%d problems:\n  %s", len(s.problems), strings.Join(s.problems, "\n  "))
	}
	fmt.Printf("smoke: all checks passed in %.1f s\n", time.Since(start).Seconds())
}

type smoke struct {
	b        *cdp.Browser
	shots    string
	pdf      string
	problems []string
}

func (s *smoke) fail(format string, args ...any) {
	s.problems = append(s.problems, fmt.Sprintf(format, args...))
}

// open loads a page on a device and waits until report.js says it is
// ready ("all" with #all: every athlete unpacked and every chart drawn).
func (s *smoke) open(d cdp.Device, page, hash string) *cdp.Page {
	p, err := s.b.NewPage(d)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := p.Navigate("file://" + page + hash); err != nil {
		log.Fatal(err)
	}
	if !d.NoScript {
		want := "1"
		if hash == "#all" {
			want = "all"
		}
		s.wait(p, fmt.Sprintf(`document.documentElement.getAttribute("data-ready") === %q`, want), page)
	}
	return p
}

// wait polls a JavaScript condition for up to 30 s.
func (s *smoke) wait(p *cdp.Page, cond, what string) bool {
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		var ok bool
		if err := p.Eval(cond, &ok); err == nil && ok {
			return true
		}
	}
	s.fail("%s: timed out waiting for %s", filepath.Base(what), cond)
	return false
}

func (s *smoke) eval(p *cdp.Page, expr string, out any) {
	if err := p.Eval(expr, out); err != nil {
		s.fail("%v", err)
	}
}

// quiet fails on any console message, exception or log entry of the page.
func (s *smoke) quiet(p *cdp.Page, what string) {
	for _, m := range p.Console() {
		s.fail("%s: %s", what, m)
	}
}

func (s *smoke) shot(p *cdp.Page, name string) {
	if s.shots == "" {
		return
	}
	png, err := p.Screenshot(false)
	if err != nil {
		s.fail("screenshot %s: %v", name, err)
		return
	}
	os.MkdirAll(s.shots, 0o755)
	out := filepath.Join(s.shots, name)
	os.WriteFile(out, png, 0o644)
	fmt.Println("smoke: wrote", out)
}

// allCharts opens the demo on a laptop with every athlete open and counts
// the charts drawn.
func (s *smoke) allCharts(demo string) {
	p := s.open(cdp.Laptop, demo, "#all")
	s.wait(p, `[...document.querySelectorAll(".chart")].every(el => el.querySelector("svg"))`, "every chart drawn")
	var r struct{ Charts, Drawn, Errors int }
	s.eval(p, `({charts: document.querySelectorAll(".chart").length,
		drawn: document.querySelectorAll(".chart svg").length,
		errors: [...document.querySelectorAll(".chart")].filter(el => /could not be drawn/.test(el.textContent)).length})`, &r)
	if r.Charts < 30 || r.Drawn != r.Charts || r.Errors > 0 {
		s.fail("demo on a laptop: %d of %d charts drawn, %d errors", r.Drawn, r.Charts, r.Errors)
	}
	s.quiet(p, "demo on a laptop")
	fmt.Printf("smoke: demo on a laptop: %d charts drawn\n", r.Drawn)
}

// screenshots saves the README's pictures of the demo: an athlete's page
// on a laptop, its first screen on a phone, light and dark, and the
// team's roster on a phone.
func (s *smoke) screenshots(demo, own string) {
	laptop := cdp.Device{Width: 1280, Height: 900, Scale: 1}
	phone := cdp.Phone
	phone.Scale = 2
	dark := phone
	dark.Dark = true
	for _, sh := range []struct {
		name string
		d    cdp.Device
		page string
	}{{"screenshot-laptop.png", laptop, own}, {"screenshot-phone.png", phone, own}, {"screenshot-dark.png", dark, own}, {"screenshot-roster.png", phone, demo}} {
		p := s.open(sh.d, sh.page, "")
		s.wait(p, `[...document.querySelectorAll(".chart")].filter(el => el.getBoundingClientRect().top < innerHeight).every(el => el.querySelector("svg"))`, "the first screen's charts drawn")
		s.shot(p, sh.name)
	}
}

// screen is what an athlete's first screen holds, measured in the page.
type screen struct {
	Action, Plan    string
	Evidence, More  int  // evidence lines shown, and behind "and N more"
	Bottom          int  // the bottom of the readiness parts, CSS px from the top of the screen
	Parts           int  // readiness parts shown
	Inside          bool // action, plan, evidence and parts all inside the screen
	Width, Viewport int
}

const measureScreen = `(function (sec) {
	var top = sec ? sec.getBoundingClientRect().top : 0;
	var root = sec || document;
	var q = function (s) { return root.querySelector(s); };
	var bottom = function (el) { return el ? Math.round(el.getBoundingClientRect().bottom - top) : 99999; };
	var ev = root.querySelectorAll(".verdict > .evidence > li");
	var more = root.querySelectorAll(".more-ev li");
	var parts = root.querySelectorAll("table.parts tr");
	var b = Math.max(bottom(q(".action")), bottom(q(".plan")), ev.length ? bottom(ev[ev.length - 1]) : 0, bottom(q("table.parts")));
	return {action: q(".action").textContent.trim(), plan: q(".plan").textContent.trim(), evidence: ev.length, more: more.length,
		bottom: bottom(q("table.parts")), parts: parts.length, inside: b <= innerHeight,
		width: document.documentElement.scrollWidth, viewport: innerWidth};
})`

// firstScreens checks every athlete's first screen on a phone: in the
// team's page with the athlete's section scrolled to the top (a coach
// who tapped a name in the roster), and on the athlete's own page as it
// opens. The roster's cards must fit the width.
func (s *smoke) firstScreens(demo, own string, dark bool) {
	d := cdp.Phone
	d.Dark = dark
	mode := "light"
	if dark {
		mode = "dark"
	}
	p := s.open(d, demo, "")
	var meta struct {
		Width, Viewport int
		Background      string
		Sections        int
	}
	s.eval(p, `({width: document.documentElement.scrollWidth, viewport: innerWidth,
		background: getComputedStyle(document.body).backgroundColor, sections: document.querySelectorAll("section.athlete").length})`, &meta)
	if meta.Viewport != d.Width {
		s.fail("phone (%s): the page is %d px wide, want %d (device emulation)", mode, meta.Viewport, d.Width)
	}
	if meta.Width > meta.Viewport {
		s.fail("phone (%s): the team page scrolls sideways (%d px in %d)", mode, meta.Width, meta.Viewport)
	}
	if bg := map[bool]string{false: "rgb(255, 255, 255)", true: "rgb(18, 20, 23)"}[dark]; meta.Background != bg {
		s.fail("phone (%s): page background %s, want %s", mode, meta.Background, bg)
	}
	for i := 1; i <= meta.Sections; i++ {
		var sc screen
		sel := fmt.Sprintf("#athlete-%d", i)
		s.eval(p, fmt.Sprintf(`(function(){var s=document.querySelector(%q); s.scrollIntoView(); return %s(s)})()`, sel, measureScreen), &sc)
		s.checkScreen(sc, fmt.Sprintf("phone (%s), demo athlete %d", mode, i))
	}
	if dark {
		// The charts take the dark palette: an axis label is drawn in the
		// dark muted grey, never the light one.
		p.Eval(`document.querySelector("#c0-hrv").scrollIntoView()`, nil)
		s.wait(p, `!!document.querySelector("#c0-hrv svg")`, "the HRV chart drawn")
		var fills []string
		s.eval(p, `[...new Set([...document.querySelectorAll("#c0-hrv svg text")].map(t => t.getAttribute("fill")))]`, &fills)
		if !contains(fills, "#A8A8A8") || contains(fills, "#5C5C5C") || contains(fills, "#1A1A1A") {
			s.fail("phone (dark): the HRV chart's text colours %v are not the dark palette's", fills)
		}
	}
	s.quiet(p, "phone ("+mode+"), demo")
	o := s.open(d, own, "")
	var sc screen
	s.eval(o, measureScreen+"(null)", &sc)
	s.checkScreen(sc, fmt.Sprintf("phone (%s), %s", mode, filepath.Base(own)))
	s.quiet(o, "phone ("+mode+"), "+filepath.Base(own))
	fmt.Printf("smoke: phone (%s): first screen of %s: %s · %s; %d evidence lines (+%d behind a tap); readiness parts end at %d of %d px\n",
		mode, filepath.Base(own), sc.Action, clip(sc.Plan, 40), sc.Evidence, sc.More, sc.Bottom, d.Height)
}

func (s *smoke) checkScreen(sc screen, what string) {
	switch {
	case sc.Action == "" || sc.Plan == "":
		s.fail("%s: no action or plan", what)
	case sc.Evidence > 4:
		s.fail("%s: %d evidence lines on the first screen, want at most 4", what, sc.Evidence)
	case sc.Parts != 4:
		s.fail("%s: %d readiness parts", what, sc.Parts)
	case !sc.Inside:
		s.fail("%s: the first screen does not hold action, plan, evidence and readiness parts (they end at %d px of %d)", what, sc.Bottom, cdp.Phone.Height)
	case sc.Width > sc.Viewport:
		s.fail("%s: the page scrolls sideways (%d px in %d)", what, sc.Width, sc.Viewport)
	}
}

// noScripts opens the demo and the packed team as a mail viewer would:
// no chart box stays, the advice is there, every chart of the demo has its
// table, and the packed team says why its charts are not shown.
func (s *smoke) noScripts(demo, team string) {
	d := cdp.Laptop
	d.NoScript = true
	p := s.open(d, demo, "")
	var r struct {
		Boxes, Verdicts, Cards, Tables, Notes int
	}
	s.eval(p, `({boxes: [...document.querySelectorAll(".chart")].filter(el => el.offsetHeight > 0).length,
		verdicts: document.querySelectorAll(".verdict .action").length,
		cards: document.querySelectorAll(".athlete figure.card").length,
		tables: [...document.querySelectorAll(".athlete figure.card details.data")].filter(d => d.querySelector("table") || /^No values/.test(d.textContent.replace(/^\s*Table[^\n]*\n/, "").trim())).length,
		notes: [...document.querySelectorAll(".athlete figure.card .nojs-only")].filter(el => el.offsetHeight > 0).length})`, &r)
	if r.Boxes > 0 || r.Verdicts != 3 || r.Cards == 0 || r.Tables != r.Cards || r.Notes != r.Cards {
		s.fail("demo without scripts: %d chart boxes left, %d verdicts, %d cards, %d tables, %d notes", r.Boxes, r.Verdicts, r.Cards, r.Tables, r.Notes)
	}
	t := s.open(d, team, "")
	var q struct {
		Verdicts, Rows int
		Said           bool
	}
	s.eval(t, `({verdicts: document.querySelectorAll(".verdict .action").length, rows: document.querySelectorAll(".roster tbody tr").length,
		said: [...document.querySelectorAll(".overview .nojs-only")].some(el => el.offsetHeight > 0 && /needs? scripts|runs no scripts/.test(el.textContent))})`, &q)
	if q.Verdicts != 12 || q.Rows != 12 || !q.Said {
		s.fail("packed team without scripts: %d verdicts, %d roster rows, says why charts are missing: %v", q.Verdicts, q.Rows, q.Said)
	}
	fmt.Printf("smoke: without scripts: demo %d cards, each with its table; team of 12: roster and %d verdicts\n", r.Cards, q.Verdicts)
}

// packed opens the team of twelve: its folded athletes are packed; opening
// one unpacks its charts and tables and draws them.
func (s *smoke) packed(team string) {
	p := s.open(cdp.Laptop, team, "")
	var before int
	s.eval(p, `document.querySelectorAll("*").length`, &before)
	s.eval(p, `(function(){var d=document.querySelector("details.fold[data-lazy]"); d.open=true; d.scrollIntoView(); return 1})()`, nil)
	s.wait(p, `(function(){var d=document.querySelector("details.fold[open]"); return !!d && !d.hasAttribute("data-lazy") && d.querySelectorAll(".chart svg").length >= 4})()`, "a packed athlete unpacked and drawn")
	var charts int
	s.eval(p, `document.querySelector("details.fold[open]").querySelectorAll(".chart").length`, &charts)
	s.quiet(p, "packed team")
	fmt.Printf("smoke: packed team of 12: %d elements before opening an athlete; opening one unpacks %d charts\n", before, charts)
}

// print prints an athlete's own page to PDF (A4).
func (s *smoke) print(own string) {
	p := s.open(cdp.Laptop, own, "")
	pdf, err := p.PDF()
	if err != nil {
		s.fail("print: %v", err)
		return
	}
	n := cdp.PDFPages(pdf)
	if n == 0 || n > maxPrintPages {
		s.fail("print: %s is %d pages, want 1–%d", filepath.Base(own), n, maxPrintPages)
	}
	s.quiet(p, "print")
	fmt.Printf("smoke: print: %s is %d A4 pages\n", filepath.Base(own), n)
	if s.pdf != "" {
		os.WriteFile(s.pdf, pdf, 0o644)
	}
}

func contains(xs []string, x string) bool {
	for _, e := range xs {
		if strings.EqualFold(e, x) {
			return true
		}
	}
	return false
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

func run(name string, args ...string) {
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		log.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
}

// Command smoke is CI's browser test of the report: it renders the demo,
// opens it in headless Chromium with the network off (file://, and inside
// `unshare -n` where the machine allows it), and fails on any console
// message from the page or on a chart that was not drawn.
//
//	go run ./internal/smoke [-shots DIR] [-min N] [FILE.html]
//
// With no file it renders the demo itself. -shots also saves laptop and
// phone screenshots for a person to look at.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

func main() {
	shots := flag.String("shots", "", "save laptop and phone screenshots in `DIR`")
	minCharts := flag.Int("min", 15, "fail when fewer than `N` charts are drawn")
	all := flag.Bool("all", true, "unfold every athlete and draw every chart (#all); false loads the page as a reader would")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("smoke: ")

	dir, err := os.MkdirTemp("", "workin-smoke-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	page := flag.Arg(0)
	if page == "" {
		page = filepath.Join(dir, "demo.html")
		run("go", "run", "./cmd/workin", "demo", "-o", page)
	}
	page, _ = filepath.Abs(page)
	if err := check(page, dir, *minCharts, *all); err != nil {
		log.Fatal(err)
	}
	if *shots != "" {
		os.MkdirAll(*shots, 0o755)
		for _, s := range []struct {
			name string
			w, h int
		}{{"laptop.png", 1280, 2400}, {"phone.png", 390, 2400}} {
			out, _ := filepath.Abs(filepath.Join(*shots, s.name))
			chrome(dir, "--screenshot="+out, fmt.Sprintf("--window-size=%d,%d", s.w, s.h), "file://"+page)
			fmt.Println("wrote", out)
		}
	}
}

var (
	consoleLine = regexp.MustCompile(`CONSOLE[^\]]*\] "(.*)", source: (file://\S*)`)
	drawn       = regexp.MustCompile(`_echarts_instance_="`)
	containers  = regexp.MustCompile(`class="chart" id="`)
	chartError  = regexp.MustCompile(`class="chart"[^>]*>This chart could not be drawn`)
)

// check loads the page with every athlete unfolded (#all) in a tall window,
// so every chart is drawn, and reads the DOM and the console. Without all,
// it loads the page as a reader would: only charts near the first screen
// are drawn, and only those are counted.
func check(page, dir string, minCharts int, all bool) error {
	url, size := "file://"+page+"#all", "--window-size=1280,30000"
	if !all {
		url, size = "file://"+page, "--window-size=1280,2400"
	}
	dom, console := chrome(dir, "--dump-dom", size, url)
	var problems []string
	for _, m := range consoleLine.FindAllStringSubmatch(console, -1) {
		problems = append(problems, fmt.Sprintf("console: %s (%s)", m[1], m[2]))
	}
	want := len(containers.FindAll(dom, -1))
	got := len(drawn.FindAll(dom, -1))
	if got != want && all {
		problems = append(problems, fmt.Sprintf("%d of %d charts drawn", got, want))
	}
	if got < minCharts {
		problems = append(problems, fmt.Sprintf("only %d charts drawn, want at least %d", got, minCharts))
	}
	if chartError.Match(dom) {
		problems = append(problems, "a chart reported an error")
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s:\n  %s", page, strings.Join(problems, "\n  "))
	}
	fmt.Printf("smoke: %s: %d charts drawn, no console messages\n", filepath.Base(page), got)
	return nil
}

// chrome runs headless Chromium on a fresh profile, without network when
// unshare allows it, and returns stdout and the log.
func chrome(dir string, args ...string) ([]byte, string) {
	profile, err := os.MkdirTemp(dir, "profile-")
	if err != nil {
		log.Fatal(err)
	}
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
		"--user-data-dir=" + profile, "--virtual-time-budget=6000", "--enable-logging=stderr", "--v=0"}
	name, argv := "chromium", append(base, args...)
	if exec.Command("unshare", "-n", "true").Run() == nil {
		name, argv = "unshare", append([]string{"-n", "chromium"}, argv...)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(name, argv...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		log.Fatalf("chromium: %v\n%s", err, tail(stderr.String()))
	}
	return stdout.Bytes(), stderr.String()
}

func run(name string, args ...string) {
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		log.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
}

func tail(s string) string {
	if len(s) > 2000 {
		return "…" + s[len(s)-2000:]
	}
	return s
}

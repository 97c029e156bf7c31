package report_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/workin/workin/metrics"
	"github.com/workin/workin/report"
)

// A report is built once from analyses and written in any of the three
// formats; here the Markdown summary's headline table for one athlete.
func ExampleWriteMarkdown() {
	var ws []metrics.Workout
	for d := metrics.MustDate("2026-02-02"); d <= metrics.MustDate("2026-03-02"); d++ {
		if d.Weekday() == 0 { // Sundays off
			continue
		}
		w := metrics.NewWorkout()
		w.Date, w.Sport, w.Duration, w.RPE = d, "run", 60*60, 6
		ws = append(ws, w)
	}
	asOf := metrics.MustDate("2026-03-02") // today, with its session done
	a := metrics.Analyze(metrics.Input{Profile: metrics.NewProfile("Ana"), Params: metrics.DefaultParams(), AsOf: asOf, Workouts: ws})
	r := &report.Report{Title: "Ana", AsOf: asOf, Athletes: []*report.Athlete{{Analysis: a}}}

	var b bytes.Buffer
	if err := report.WriteMarkdown(&b, r); err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(b.String(), "\n")[:9] {
		fmt.Println(line)
	}
	// Output:
	// # Ana
	//
	// workin report as of Mon 2 Mar 2026 · 1 athlete
	//
	// **■ 0 rest · ◌ 0 work-in · ◐ 1 easy · ● 0 go** · ○ 1 without a check-in for 2 days or more
	//
	// | Advice | Athlete | Why | Readiness | ACWR | Form | Last 7 days | Last rest | Check-in |
	// |---|---|---|---:|---:|---:|---|---|---|
	// | ◐ easy ? | Ana | `monotony-high` | — | 0.91 | −32 | 514 LP (4-wk avg 514, 0 %) | Sun 1 Mar | none |
}

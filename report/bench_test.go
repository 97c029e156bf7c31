package report_test

import (
	"io"
	"testing"
	"testing/fstest"

	"github.com/workin/workin/internal/synth"
	"github.com/workin/workin/report"
	"github.com/workin/workin/team"
)

// benchReport runs the pipeline library on generated sheets (a team file
// and its two shared sheets) and returns the analysed report, as the
// command would render it.
func benchReport(tb testing.TB, athletes, days int) *report.Report {
	tb.Helper()
	fsys := team.FS(fstest.MapFS{
		"team.yaml":    {Data: synth.Team(athletes)},
		"workouts.csv": {Data: synth.Workouts(athletes, days)},
		"checkins.csv": {Data: synth.Checkins(athletes, days)},
	})
	t, err := team.Load(team.Config{Config: "team.yaml", DetailWeeks: -1}, fsys)
	if err != nil {
		tb.Fatal(err)
	}
	r := t.Report()
	err = team.Run(t, 0, func(_ int, a *report.Athlete) (*report.Athlete, error) { return a, nil },
		func(_ int, a *report.Athlete) error { r.Athletes = append(r.Athletes, a); return nil })
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

func BenchmarkRender(b *testing.B) {
	for _, s := range []struct {
		name           string
		athletes, days int
	}{{"1x1y", 1, 365}, {"100x2y", 100, 730}} {
		r := benchReport(b, s.athletes, s.days)
		for _, out := range []struct {
			name  string
			write func(io.Writer, *report.Report) error
		}{{"html", report.WriteHTML}, {"json", report.WriteJSON}, {"markdown", report.WriteMarkdown}} {
			b.Run(s.name+"/"+out.name, func(b *testing.B) {
				b.ReportAllocs()
				var n countWriter
				for b.Loop() {
					n = 0
					if err := out.write(&n, r); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(n), "bytes")
			})
		}
	}
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

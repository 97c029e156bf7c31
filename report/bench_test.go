package report

import (
	"io"
	"testing"

	"github.com/workin/workin/internal/synth"
	"github.com/workin/workin/metrics"
	"github.com/workin/workin/model"
	"github.com/workin/workin/parse"
)

// benchReport analyses generated sheets into a Report.
func benchReport(tb testing.TB, athletes, days int) *Report {
	tb.Helper()
	wf, err := parse.ReadWorkoutsBytes(synth.Workouts(athletes, days), "workouts.csv", parse.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	cf, err := parse.ReadCheckinsBytes(synth.Checkins(athletes, days), "checkins.csv", parse.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	ws := map[string][]metrics.Workout{}
	for _, w := range wf.Workouts.All() {
		ws[w.Athlete] = append(ws[w.Athlete], w)
	}
	cs := map[string][]metrics.Checkin{}
	for _, c := range cf.Checkins.All() {
		cs[c.Athlete] = append(cs[c.Athlete], c)
	}
	asOf := synth.Start + metrics.Date(days-1)
	r := &Report{Title: "Bench", Team: athletes > 1, AsOf: asOf, Files: []model.File{wf.Summary(), cf.Summary()}}
	if athletes > 10 {
		r.Options.DetailWeeks = 26
	}
	for i := 0; i < athletes; i++ {
		id := "a" + itoa(i)
		p := metrics.NewProfile(id)
		p.MaxHR, p.RestingHR, p.FTP = 188, 50, 250
		a := metrics.Analyze(metrics.Input{Profile: p, Params: metrics.DefaultParams(), AsOf: asOf, Workouts: ws[id], Checkins: cs[id]})
		r.Athletes = append(r.Athletes, &Athlete{Analysis: a, HasProfile: true})
	}
	return r
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

func BenchmarkRender(b *testing.B) {
	for _, s := range []struct {
		name           string
		athletes, days int
	}{{"1x1y", 1, 365}, {"100x2y", 100, 730}} {
		r := benchReport(b, s.athletes, s.days)
		for _, out := range []struct {
			name  string
			write func(io.Writer, *Report) error
		}{{"html", WriteHTML}, {"json", WriteJSON}, {"markdown", WriteMarkdown}} {
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

package main

import (
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/workin/workin/internal/synth"
)

// BenchmarkPipeline runs the whole command — read, analyse, write the
// HTML, Markdown and JSON — on generated team sheets written to disk
// (realistic: rows in date order across athletes, notes with commas,
// quotes and line breaks), as `workin report` runs on a club's archive.
// The 500 × 5 year set is generated here, never committed. It reports
// rows/s, input MB/s and allocations; compare builds with benchstat.
//
// The "+plan" sets add a week of planned sessions for every athlete
// (--plan): the cost of the projection, the plan's reading included.
func BenchmarkPipeline(b *testing.B) {
	for _, s := range []struct {
		name           string
		athletes, days int
		plan           bool
	}{{"1x1y", 1, 365, false}, {"100x2y", 100, 730, false}, {"500x5y", 500, 5 * 365, false}, {"500x5y+plan", 500, 5 * 365, true}} {
		b.Run(s.name, func(b *testing.B) {
			dir := b.TempDir()
			w, c := synth.Workouts(s.athletes, s.days), synth.Checkins(s.athletes, s.days)
			for name, data := range map[string][]byte{"team.yaml": synth.Team(s.athletes), "workouts.csv": w, "checkins.csv": c,
				"plan.csv": synth.Plan(s.athletes, s.days)} {
				if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
					b.Fatal(err)
				}
			}
			rows := countRecords(b, w) + countRecords(b, c)
			args := []string{"report", filepath.Join(dir, "team.yaml"), "--quiet",
				"-o", filepath.Join(dir, "r.html"), "--md", filepath.Join(dir, "r.md"), "--json", filepath.Join(dir, "r.json")}
			if s.plan {
				args = append(args, "--plan", filepath.Join(dir, "plan.csv"))
			}
			defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
			runtime.GC()
			b.ReportAllocs()
			b.SetBytes(int64(len(w) + len(c)))
			for b.Loop() {
				if err := run(args, io.Discard, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

// countRecords is the number of data records of a CSV sheet.
func countRecords(b *testing.B, data []byte) int {
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		b.Fatal(err)
	}
	return len(recs) - 1
}

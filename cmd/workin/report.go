package main

import (
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/workin/workin/metrics"
	"github.com/workin/workin/report"
	"github.com/workin/workin/samples"
)

// runReport runs the whole pipeline: read, analyse, render, write.
func runReport(f *reportFlags, fsys files, stderr io.Writer) error {
	r, err := loadInputs(f, fsys)
	if err != nil {
		return err
	}
	rep, err := analyse(r, f)
	if err != nil {
		return err
	}
	return writeOutputs(rep, f)
}

// demo renders the embedded sample team.
func demo(f *reportFlags, stderr io.Writer) error {
	f.config = "team.yaml"
	return runReport(f, fsFiles{samples.FS}, stderr)
}

// analyse computes every athlete in parallel; the result order is the
// roster's, whatever the scheduling.
func analyse(r *roster, f *reportFlags) (*report.Report, error) {
	asOf := f.asOf
	if asOf == metrics.NoDate {
		last, ok := r.lastDate()
		if !ok {
			return nil, fmt.Errorf("the input files hold no rows: nothing to report (check the file names and the athlete column)")
		}
		asOf = last
	}
	rep := &report.Report{Title: r.title, Team: r.team, AsOf: asOf, Files: r.files, Skipped: r.orphans}
	rep.Options.DetailWeeks = f.detail
	if f.detail < 0 {
		rep.Options.DetailWeeks = 0
		if len(r.athletes) > 10 {
			rep.Options.DetailWeeks = 26
		}
	}
	rep.Athletes = make([]*report.Athlete, len(r.athletes))
	var wg sync.WaitGroup
	next := make(chan int)
	for k := 0; k < runtime.GOMAXPROCS(0); k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				e := r.athletes[i]
				a := metrics.Analyze(metrics.Input{Profile: e.cfg.Profile, Params: e.cfg.Params, AsOf: asOf,
					Workouts: e.workouts, Checkins: e.checkins})
				rep.Athletes[i] = &report.Athlete{Analysis: a, HasProfile: e.profile, Given: e.cfg.Given, Quality: e.quality}
			}
		}()
	}
	for i := range r.athletes {
		next <- i
	}
	close(next)
	wg.Wait()
	return rep, nil
}

// writeOutputs renders every requested output to a temporary file beside
// its destination and renames them into place only when all succeeded, so
// an error never leaves a half-written report.
func writeOutputs(rep *report.Report, f *reportFlags) error {
	outs := []output{{f.out, report.WriteHTML}}
	if f.md != "" {
		outs = append(outs, output{f.md, report.WriteMarkdown})
	}
	if f.json != "" {
		outs = append(outs, output{f.json, report.WriteJSON})
	}
	return writeAll(rep, outs)
}

package main

import (
	"fmt"
	"io"
	"runtime"
	"strings"

	"github.com/workin/workin/internal/text"
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
	if f.redact {
		r.redact()
	}
	rep, err := newReport(r, f)
	if err != nil {
		return err
	}
	return render(r, rep, f, newProgress(stderr, len(r.athletes), f.quiet))
}

// demo renders the embedded sample team.
func demo(f *reportFlags, stderr io.Writer) error {
	f.config = "team.yaml"
	return runReport(f, fsFiles{samples.FS}, stderr)
}

// newReport fixes "today" and the report's options.
func newReport(r *roster, f *reportFlags) (*report.Report, error) {
	asOf := f.asOf
	if !r.hasRows {
		return nil, fmt.Errorf("the input files hold no rows: nothing to report (check the file names and the athlete column)")
	}
	switch {
	case !f.asOfSet:
		asOf = r.last
	case asOf < r.first:
		return nil, usagef("--as-of %s is before the first date in the data (%s): nothing to report", asOf, r.first)
	case int(asOf-r.last) > maxAsOfGap:
		return nil, usagef("--as-of %s is %d days after the last date in the data (%s); workin reports at most %d days past the data", asOf, int(asOf-r.last), r.last, maxAsOfGap)
	}
	rep := &report.Report{Title: r.title, Team: r.team, AsOf: asOf, Files: r.files, Skipped: r.orphans}
	rep.Options.DetailWeeks = f.detail
	if f.detail < 0 {
		rep.Options.DetailWeeks = 0
		if len(r.athletes) > 10 {
			rep.Options.DetailWeeks = 26
		}
	}
	return rep, nil
}

// render analyses the athletes in parallel and renders each into a Part as
// soon as it is analysed, releasing the analysis; the JSON is streamed to
// its file in athlete order, the page and the Markdown are written from
// the parts at the end. All outputs appear together or not at all.
func render(r *roster, rep *report.Report, f *reportFlags, prog *progress) error {
	outs, err := create(f.out, f.md, f.json)
	if err != nil {
		return err
	}
	html, mdOut, jsonOut := outs[0], outs[1], outs[2]
	var js *report.JSONStream
	if jsonOut != nil {
		js = report.StartJSON(jsonOut, rep)
	}
	n := len(r.athletes)
	parts := make([]*report.Part, n)
	want := report.HTML
	if mdOut != nil {
		want |= report.Markdown
	}
	if js != nil {
		want |= report.JSON
	}
	err = ordered(n, runtime.GOMAXPROCS(0), func(i int) (*report.Part, error) {
		e := r.athletes[i]
		ws, cs := r.gather(e)
		a := metrics.Analyze(metrics.Input{Profile: e.cfg.Profile, Params: e.cfg.Params, AsOf: rep.AsOf, Workouts: ws, Checkins: cs})
		return report.RenderPart(rep, i, n, &report.Athlete{Analysis: a, HasProfile: r.known, Given: e.cfg.Given, Quality: e.quality}, want)
	}, func(i int, p *report.Part) error {
		prog.step(i + 1)
		if js != nil {
			js.Athlete(p.JSON)
		}
		p.JSON = nil
		parts[i] = p
		return nil
	})
	prog.done()
	if err == nil && js != nil {
		err = js.Finish()
	}
	if err == nil {
		err = report.WriteHTMLParts(html, rep, parts)
	}
	if err == nil && mdOut != nil {
		err = report.WriteMarkdownParts(mdOut, rep, parts)
	}
	if err != nil {
		outs.abort()
		return err
	}
	if err := outs.commit(); err != nil {
		return err
	}
	return failOn(f.failOn, rep.AsOf, parts)
}

// failOn returns an alert naming every athlete whose as-of recommendation
// is at least as severe as the --fail-on action.
func failOn(action string, asOf metrics.Date, parts []*report.Part) error {
	limit, ok := metrics.ParseAction(action)
	if !ok {
		return nil
	}
	var hits []string
	for _, p := range parts {
		rec := p.Summary.Recommendation
		if !p.Summary.HasData || rec.Action < limit {
			continue
		}
		what := rec.Action.String()
		if rec.WorkIn != metrics.NoWorkIn {
			what += " (" + rec.WorkIn.String() + ")"
		}
		var rules []string
		for _, e := range rec.Evidence {
			rules = append(rules, e.Rule)
		}
		why := rec.Because
		if len(rules) > 0 {
			why += ": " + strings.Join(rules, ", ")
		}
		hits = append(hits, fmt.Sprintf("  - %s (%s): %s — %s", display(p.Summary.Name), display(p.Summary.ID), what, display(why)))
	}
	if len(hits) == 0 {
		return nil
	}
	return &alertError{msg: fmt.Sprintf("--fail-on %s: %s as of %s:\n%s", action,
		text.Plural(len(hits), "athlete needs", "athletes need")+" attention", asOf, strings.Join(hits, "\n"))}
}

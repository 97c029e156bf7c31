package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	neturl "net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/workin/workin/internal/outfile"
	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
	"github.com/workin/workin/report"
	"github.com/workin/workin/samples"
	"github.com/workin/workin/team"
)

// runReport runs the whole pipeline: read (team), analyse and render
// (report.Stream), write the outputs all at once, then --fail-on.
func runReport(f *reportFlags, fsys team.Files, stderr io.Writer) error {
	t, err := team.Load(team.Config{
		Config: cmp(f.config, f.profile), Profile: f.profile != "", Workouts: f.workouts, Checkins: f.checkins, Plans: f.plans,
		Outputs: []string{f.out, f.md, f.json}, Lenient: f.lenient, Redact: f.redact,
		AsOf: f.asOf, AsOfSet: f.asOfSet, DetailWeeks: f.detail, Athletes: f.athletes,
	}, fsys)
	if err != nil {
		return err
	}
	defer t.Close()
	made, err := splitDir(f.split)
	if err != nil {
		return err
	}
	outs, err := outfile.Create(f.out, f.md, f.json)
	if err != nil {
		unmake(f.split, made)
		return err
	}
	rep := t.Report()
	rep.Options.JSONSchema = f.schema
	w := report.Writers{HTML: outs.Writer(0), Markdown: outs.Writer(1), JSON: outs.Writer(2)}
	if f.split != "" {
		w.Pages = func(name string) (io.WriteCloser, error) {
			p := filepath.Join(f.split, name)
			if err := t.NotAnInput(fsys, p); err != nil {
				return nil, err
			}
			if err := distinctOutputs(f.out, f.md, f.json, p); err != nil {
				return nil, err
			}
			return outs.Add(p)
		}
	}
	s := report.NewStream(rep, t.Len(), w)
	prog := newProgress(stderr, t.Len(), f.quiet)
	err = team.Run(t, 0, s.Render, func(i int, p *report.Part) error {
		prog.step(i + 1)
		return s.Add(p)
	})
	prog.done()
	if err == nil {
		err = s.Close()
	}
	if err != nil {
		outs.Abort()
		unmake(f.split, made)
		return err
	}
	if err := outs.Commit(); err != nil {
		unmake(f.split, made)
		return err
	}
	return failOn(f.failOn, rep.AsOf, s.Summaries())
}

// splitDir makes the --split folder when it does not exist yet (its
// parent must), and says whether it made it: a failed run removes it
// again, leaving nothing behind.
func splitDir(dir string) (made bool, err error) {
	if dir == "" {
		return false, nil
	}
	st, err := os.Stat(dir)
	switch {
	case err == nil && st.IsDir():
		return false, nil
	case err == nil:
		return false, fmt.Errorf("--split %s: it is a file, not a folder", display(dir))
	case !errors.Is(err, fs.ErrNotExist):
		return false, fmt.Errorf("--split %s: %w", display(dir), err)
	}
	if err := os.Mkdir(dir, 0o777); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return false, fmt.Errorf("--split %s: the folder %s does not exist", display(dir), display(filepath.Dir(dir)))
		}
		return false, fmt.Errorf("--split %s: %w", display(dir), err)
	}
	return true, nil
}

// unmake removes the --split folder a failed run made (it is empty: the
// outputs were never put in place).
func unmake(dir string, made bool) {
	if made {
		os.Remove(dir)
	}
}

// demo renders the embedded sample team and says where the report is and
// how to open it (on stdout: a person runs the demo; report itself prints
// nothing there).
func demo(f *reportFlags, stdout, stderr io.Writer) error {
	f.config = "team.yaml"
	if err := runReport(f, team.FS(samples.FS), stderr); err != nil {
		return err
	}
	abs, err := filepath.Abs(f.out)
	if err != nil {
		abs = f.out
	}
	url := (&neturl.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
	if f.split != "" {
		fmt.Fprintf(stdout, "Wrote the demo report to %s: the team's overview (%s) and one page per athlete.\n", display(f.split), report.OverviewPage)
	} else {
		fmt.Fprintf(stdout, "Wrote the demo report to %s.\n", display(f.out))
	}
	fmt.Fprintf(stdout, "Open it in a web browser (it needs no network): %s\n", display(url))
	for _, o := range []struct{ what, path string }{{"Markdown summary", f.md}, {"JSON summary", f.json}} {
		if o.path != "" {
			fmt.Fprintf(stdout, "%s: %s\n", o.what, display(o.path))
		}
	}
	return nil
}

func cmp(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// failOn returns an alert naming every athlete whose as-of recommendation
// is at least as severe as the --fail-on action.
func failOn(action string, asOf metrics.Date, athletes []report.Summary) error {
	limit, ok := metrics.ParseAction(action)
	if !ok {
		return nil
	}
	var hits []string
	for _, s := range athletes {
		rec := s.Recommendation
		if !s.HasData || rec.Action < limit {
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
		hits = append(hits, fmt.Sprintf("  - %s (%s): %s — %s", display(s.Name), display(s.ID), what, display(why)))
	}
	if len(hits) == 0 {
		return nil
	}
	return &alertError{msg: fmt.Sprintf("--fail-on %s: %s as of %s:\n%s", action,
		text.Plural(len(hits), "athlete needs", "athletes need")+" attention", asOf, strings.Join(hits, "\n"))}
}

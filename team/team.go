// Package team is workin's pipeline between reading and rendering: from a
// team or profile file and data files to analysed athletes. It builds the
// roster (who the athletes are: a team, a profile, or the data itself),
// decides which file belongs to whom (one person's exports are one
// athlete; a file named twice is read once), groups each file's rows by
// athlete, gives skipped rows to their athletes, refuses dates far from the
// rest of an athlete's data, redacts, fixes "today" (the as-of day) and
// analyses the athletes with bounded parallelism in a fixed order.
//
//	parse (files → rows) → team (rows → athletes → analyses) → report (analyses → HTML, Markdown, JSON)
package team

import (
	"errors"
	"fmt"
	"runtime"
	"slices"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
	"github.com/workin/workin/report"
)

// Config is what a run reads and how.
type Config struct {
	// Config is the team or profile file ("" for none); Profile says it
	// was given as a profile (a team file is then refused).
	Config  string
	Profile bool
	// Workouts and Checkins are data files added to what Config lists.
	Workouts, Checkins []string
	// Plans are plan sheets (native workouts sheets of planned sessions)
	// added to what Config lists: --plan.
	Plans []string
	// Outputs are the paths the run will write: none may be an input.
	Outputs []string
	// Lenient skips bad rows (listed) instead of stopping at the first.
	Lenient bool
	// Redact replaces names by neutral labels, names files by role and
	// leaves out free-text notes.
	Redact bool
	// AsOf is "today" when AsOfSet; else the last date in the data.
	AsOf    metrics.Date
	AsOfSet bool
	// DetailWeeks limits the detail shown per athlete; negative decides by
	// the team's size (everything up to 10 athletes, else 26 weeks).
	DetailWeeks int
	// Athletes, when given, are the ids of the only athletes to report
	// (--athlete), matched as rows are (parse.NameKey: case and Unicode
	// form aside). The files are read and checked whole; the others'
	// rows are left out, and the report is of the athletes picked (its
	// as-of day is still the data's).
	Athletes []string
}

// UsageError is a problem with how workin was asked to run (an output that
// is an input, --as-of far from the data): the command exits 2.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usagef(format string, args ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, args...)}
}

// Team is the athletes of a run with their rows, ready to analyse.
type Team struct {
	r      *roster
	report *report.Report
}

// maxAsOfGap bounds --as-of after the data: a report a year past the last
// row is already all empty days.
const maxAsOfGap = 366

// Load reads the configuration and every data file, builds the roster and
// fixes the as-of day.
func Load(c Config, fsys Files) (*Team, error) {
	var r *roster
	t, err := load(c, fsys, &r)
	if err != nil && r != nil && r.spillCloser != nil {
		r.spillCloser.Close()
	}
	return t, err
}

func load(c Config, fsys Files, rp **roster) (*Team, error) {
	r, err := loadInputs(c, fsys, rp)
	if err != nil {
		return nil, err
	}
	picked, err := r.pick(c.Athletes)
	if err != nil {
		return nil, err
	}
	if c.Redact {
		r.redact() // before picking: labels are those of the whole team
	}
	r.athletes = picked
	if !r.hasRows {
		return nil, errors.New("the input files hold no rows: nothing to report (check the file names and the athlete column)")
	}
	asOf := c.AsOf
	switch {
	case !c.AsOfSet:
		asOf = r.last
	case asOf < r.first:
		return nil, usagef("--as-of %s is before the first date in the data (%s): nothing to report", asOf, r.first)
	case int(asOf-r.last) > maxAsOfGap:
		return nil, usagef("--as-of %s is %d days after the last date in the data (%s); workin reports at most %d days past the data", asOf, int(asOf-r.last), r.last, maxAsOfGap)
	}
	rep := &report.Report{Title: r.title, Team: r.team, AsOf: asOf, Files: r.files, Skipped: r.orphans,
		PlanFiles: r.planFiles, PlanSkipped: r.planOrphans}
	rep.Options.DetailWeeks = c.DetailWeeks
	if c.DetailWeeks < 0 {
		rep.Options.DetailWeeks = 0
		if len(r.athletes) > 10 {
			rep.Options.DetailWeeks = 26
		}
	}
	return &Team{r: r, report: rep}, nil
}

// Close releases what the run holds aside (the spill of large sheets'
// rows). The athletes cannot be analysed after it.
func (t *Team) Close() error {
	if t.r.spillCloser == nil {
		return nil
	}
	err := t.r.spillCloser.Close()
	t.r.spillCloser = nil
	return err
}

// Report is the report's header: title, as-of day, files, the rows that
// belong to no athlete, options. Its Athletes are left to Run.
func (t *Team) Report() *report.Report { return t.report }

// Len is the number of athletes.
func (t *Team) Len() int { return len(t.r.athletes) }

// Athlete gathers athlete i's rows and analyses them. It is safe to call
// for different athletes at once.
func (t *Team) Athlete(i int) (*report.Athlete, error) {
	e := t.r.athletes[i]
	ws, cs, err := t.r.gather(e)
	if err != nil {
		return nil, err
	}
	q := e.quality
	q.Files = filesOf(e)
	q.PlanSkipped, q.PlanNotes = e.plan.Skipped, e.plan.Notes
	a := metrics.Analyze(metrics.Input{Profile: e.cfg.Profile, Params: e.cfg.Params, AsOf: t.report.AsOf, Workouts: ws, Checkins: cs,
		Planned: t.r.gatherPlans(e)})
	return &report.Athlete{Analysis: a, HasProfile: t.r.known, Given: e.cfg.Given, Quality: q}, nil
}

// filesOf lists the input files that gave an athlete rows, in input order
// (an athlete's own page names only these).
func filesOf(e *entry) []int {
	seen := map[int32]bool{}
	for _, refs := range [][]rowRefs{e.workouts, e.checkins} {
		for _, rr := range refs {
			if len(rr.rows) > 0 {
				seen[rr.file] = true
			}
		}
	}
	var out []int
	for f := range seen {
		out = append(out, int(f))
	}
	slices.Sort(out)
	return out
}

// NotAnInput refuses to write any of paths when it is an input of the run,
// however spelled: for outputs named after the athletes (--split), known
// only once the roster is.
func (t *Team) NotAnInput(fsys Files, paths ...string) error {
	return notAnInput(fsys, paths, t.r.inputs)
}

// Run analyses every athlete on workers goroutines (GOMAXPROCS when 0),
// hands each analysis to produce there, and each result to consume in
// athlete order, holding only a few at a time: the output never depends on
// scheduling, and a big team is never in memory at once.
func Run[T any](t *Team, workers int, produce func(i int, a *report.Athlete) (T, error), consume func(i int, v T) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	return ordered(t.Len(), workers, func(i int) (T, error) {
		a, err := t.Athlete(i)
		if err != nil {
			var zero T
			return zero, err
		}
		return produce(i, a)
	}, consume)
}

// display is text.Visible: one line, control characters escaped.
func display(s string) string { return text.Visible(s) }

package team

import (
	"fmt"
	"strings"
	"time"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
	"github.com/workin/workin/model"
	"github.com/workin/workin/parse"
)

// Plans: planned sessions come from plan sheets (--plan, a profile's or a
// team's plan:) and from the planned workouts of exports (TrainingPeaks
// rows without actuals). A plan sheet is a native workouts sheet, read
// whole with the strictness, positions and --lenient of every sheet, and
// owned as a data file is: a profile's plan is its athlete's, a team's
// names its athletes in an athlete column, --plan is the one profile's or
// names them. Plans never add an athlete, never move the as-of day and
// take no part in the far-date rule (the projection has its own horizon).
//
// PlanQuality and PlanFiles keep what reading them found; the report shows
// it in its data quality (Report.PlanFiles, Quality.PlanSkipped and
// PlanNotes).

// plannedRows is a set of planned rows athletes refer to: a plan sheet's
// rows, or an export's planned workouts.
type plannedRows struct {
	rows *parse.Workouts
}

// PlanQuality is what reading an athlete's plan sheets found: the rows
// left out with --lenient and the remarks about the sheets the athlete
// owns.
type PlanQuality struct {
	Skipped []model.Skip
	Notes   []string
}

// PlanFiles are the plan sheets read, for the data-quality section.
func (t *Team) PlanFiles() []model.File { return t.r.planFiles }

// PlanQuality is what reading athlete i's plan sheets found.
func (t *Team) PlanQuality(i int) PlanQuality { return t.r.athletes[i].plan }

// planSources lists the plan sheets of a configuration and of --plan,
// each with its owner ("": rows name their athlete).
func (r *roster) planSources(cfg *parse.Config, flags []string) []source {
	var srcs []source
	if cfg != nil {
		for _, a := range cfg.Athletes {
			for _, p := range a.Plan {
				srcs = append(srcs, source{path: p, kind: parse.KindWorkouts, owner: a.Profile.ID})
			}
		}
		for _, p := range cfg.Plan {
			srcs = append(srcs, source{path: p, kind: parse.KindWorkouts})
		}
	}
	owner := ""
	if r.known && !r.team {
		owner = r.athletes[0].cfg.Profile.ID
	}
	for _, p := range flags {
		srcs = append(srcs, source{path: p, kind: parse.KindWorkouts, owner: owner})
	}
	return srcs
}

// readPlans reads the plan sheets, once each, after the data files (the
// athletes are known), and gives their rows to the athletes.
func (r *roster) readPlans(srcs, data []source, fsys Files, lenient, redact bool) error {
	srcs = readOnce(srcs, fsys)
	for _, s := range srcs {
		for _, d := range data {
			if fsys.Identity(s.path) == fsys.Identity(d.path) {
				return usagef("%s is given both as a plan and as a data file: a plan holds planned sessions, never done ones; give it once", display(s.path))
			}
		}
	}
	for k, s := range srcs {
		f, err := r.readPlan(s, fsys, lenient)
		if err != nil {
			return err
		}
		if redact {
			f.Relabel(fmt.Sprintf("plan file %d", k+1))
		}
		fi := f.Summary()
		fi.Kind = "plan"
		r.planFiles = append(r.planFiles, fi)
		if err := r.assignPlan(s, f, lenient); err != nil {
			return err
		}
	}
	return nil
}

// readPlan reads one plan sheet whole: a native workouts sheet.
func (r *roster) readPlan(s source, fsys Files, lenient bool) (*parse.File, error) {
	name := strings.ToValidUTF8(s.path, "\uFFFD")
	data, err := fsys.ReadFile(s.path)
	if err != nil {
		return nil, &parse.Error{File: s.path, FileLevel: true, Err: err, Msg: fmt.Sprintf("cannot read the plan: %v", unwrapPath(err))}
	}
	owner := s.owner
	if owner == "" && r.known && len(r.athletes) == 1 {
		owner = r.athletes[0].cfg.Profile.ID
	}
	var none parse.Athlete
	cfg := func(athlete string) *parse.Athlete {
		if e := r.lookup(athlete); e != nil {
			return &e.cfg
		}
		return &none
	}
	f, err := parse.ReadBytes(data, name, parse.KindWorkouts, parse.Options{Lenient: lenient, Athlete: owner,
		Scales: func(athlete string) parse.Scales { return cfg(athlete).Scales },
		Zone:   func(athlete string) *time.Location { return cfg(athlete).Zone },
		Unit:   func(athlete string) string { return cfg(athlete).DistanceUnit },
	})
	if err != nil {
		return nil, err
	}
	if f.Kind != parse.KindWorkouts || f.Format != nativeWorkouts {
		return nil, &parse.Error{File: name, Line: 1, FileLevel: true,
			Msg: fmt.Sprintf("a plan is a native workouts sheet (date, athlete, sport, duration, rpe, tss…), and this is %s; give exports with --workouts (their planned workouts become planned sessions there)", f.Format)}
	}
	return f, nil
}

// nativeWorkouts is parse's format name of a native workouts sheet.
const nativeWorkouts = "native workouts"

// assignPlan gives the rows of plan sheet f (read as source s) to their
// athletes, and its skipped rows and remarks.
func (r *roster) assignPlan(s source, f *parse.File, lenient bool) error {
	src := int32(len(r.planned))
	r.planned = append(r.planned, plannedRows{&f.Workouts})
	groups := f.Groups()
	for _, g := range groups {
		e, orphan, err := r.planOwner(s, g.Athlete, f.Name, f.LineAt(int(g.Rows[0])), lenient)
		switch {
		case err != nil:
			return err
		case e == nil && orphan != "":
			for _, i := range g.Rows {
				r.planOrphans = append(r.planOrphans, model.Skip{File: f.Name, Line: f.LineAt(int(i)), Column: "athlete", Reason: orphan})
			}
		case e != nil:
			e.plans = append(e.plans, rowRefs{src, g.Rows})
		}
	}
	for _, sk := range f.Skipped {
		if e, _, _ := r.planOwner(s, sk.Athlete, f.Name, sk.Line, true); e != nil {
			e.plan.Skipped = append(e.plan.Skipped, sk)
		} else {
			r.planOrphans = append(r.planOrphans, sk)
		}
	}
	if len(f.Notes) > 0 && (s.owner != "" || len(groups) > 0 && groups[0].Athlete == "") {
		if e, _, _ := r.planOwner(s, "", f.Name, 1, true); e != nil {
			e.plan.Notes = append(e.plan.Notes, prefixed(f.Name, f.Notes)...)
		}
	}
	return nil
}

// planOwner finds the athlete of a plan sheet's rows named name ("" when
// the sheet has no athlete column), as athleteOf does for data files,
// except that a plan never adds an athlete: one the data does not know is
// an error (with --lenient, a reason to skip the rows).
func (r *roster) planOwner(s source, name, file string, line int, lenient bool) (*entry, string, error) {
	if e := r.lookup(name); e != nil {
		if s.owner != "" && e.cfg.Profile.ID != s.owner {
			return nil, "", nil // another athlete's rows in an athlete's plan: left out
		}
		return e, "", nil
	}
	if name == "" {
		switch {
		case s.owner != "":
			return r.lookup(s.owner), "", nil
		case len(r.athletes) == 1:
			return r.athletes[0], "", nil
		}
		return nil, "", &parse.Error{File: file, Line: 1, FileLevel: true,
			Msg: fmt.Sprintf("the plan has no athlete column, and there are %d athletes: add one so each row names its athlete", len(r.athletes))}
	}
	if s.owner != "" {
		return nil, "", nil
	}
	reason := fmt.Sprintf("athlete %q has a plan but is not in the team or the data", text.Clip(name, 40))
	switch {
	case lenient && r.redacted:
		return nil, "the row's athlete is not in the team or the data (name redacted)", nil
	case lenient:
		return nil, reason, nil
	}
	return nil, "", &parse.Error{File: file, Line: line, Column: "athlete", Msg: reason}
}

// assignExportPlans gives the planned workouts of a data file (read as
// source s) to the athletes its rows go to.
func (r *roster) assignExportPlans(s source, f parsedFile, lenient bool) error {
	if f.Planned.Len() == 0 {
		return nil
	}
	src := int32(len(r.planned))
	r.planned = append(r.planned, plannedRows{&f.Planned})
	for _, g := range f.Planned.ByAthlete() {
		e, _, err := r.athleteOf(s, g.Athlete, f.Name, f.Planned.LineAt(int(g.Rows[0])), lenient)
		if err != nil {
			return err
		}
		if e != nil {
			e.plans = append(e.plans, rowRefs{src, g.Rows})
		}
	}
	return nil
}

// gatherPlans returns an athlete's planned sessions, each marked Planned,
// without their notes when redacting.
func (r *roster) gatherPlans(e *entry) []metrics.Workout {
	var ps []metrics.Workout
	for _, rr := range e.plans {
		rows := r.planned[rr.file].rows
		for _, i := range rr.rows {
			w := rows.At(int(i))
			w.Planned = true
			if r.redacted {
				w.Notes = ""
			}
			ps = append(ps, w)
		}
	}
	return ps
}

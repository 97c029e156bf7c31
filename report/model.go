package report

import (
	"github.com/workin/workin/metrics"
	"github.com/workin/workin/model"
)

// Report is everything the three renderers need. Build it once; WriteHTML,
// WriteMarkdown and WriteJSON only read it.
type Report struct {
	Title    string       // team name, or the athlete's name
	Team     bool         // the input was a team file (or several athletes)
	AsOf     metrics.Date // "today"
	Athletes []*Athlete
	Files    []model.File // every input file read
	Skipped  []model.Skip // rows that belong to no known athlete (lenient mode)
	// PlanFiles are the plan sheets read (planned sessions, never load);
	// PlanSkipped their rows that belong to no known athlete.
	PlanFiles   []model.File
	PlanSkipped []model.Skip
	Options     Options
}

// Options change what the renderers show.
type Options struct {
	// DetailWeeks limits each athlete's charts and tables in the HTML, and
	// the JSON's daily series, sessions, weekly rows and flags, to the last
	// N weeks (0 = everything).
	DetailWeeks int
	// Split: every athlete has a page of its own, written whole and
	// open, and the overview links to them (Writers.Pages sets it).
	Split bool
	// JSONSchema is the shape of the JSON summary: PreviousSchema writes
	// the previous one (--json-schema 2); anything else SchemaVersion.
	JSONSchema int
}

// Athlete is one athlete's analysis with what is known about its inputs.
type Athlete struct {
	*metrics.Analysis
	HasProfile bool     // a profile (file or team entry) described the athlete
	Given      []string // physiological profile keys the profile set
	Quality    Quality
}

// Quality is the athlete's share of the data-quality section.
type Quality struct {
	RowsRead     int          // workout and check-in rows attributed to the athlete
	WorkoutRows  int          // of which workouts
	CheckinRows  int          // of which check-ins
	Skipped      []model.Skip // the athlete's rows left out in lenient mode
	Notes        []string     // remarks about the athlete's files
	OtherAthlete int          // rows of other athletes in files the athlete's profile listed
	// PlanSkipped are the athlete's plan rows left out in lenient mode;
	// PlanNotes remarks about the plan sheets the athlete owns.
	PlanSkipped []model.Skip
	PlanNotes   []string
	// Files are the input files that gave the athlete rows, as indexes
	// into Report.Files: an athlete's own page lists only these.
	Files []int
}

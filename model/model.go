// Package model holds the few values several stages of workin share: a
// row left out in lenient mode (Skip) and the summary of an input file
// (File). parse makes them, the pipeline attributes them to athletes, and
// report shows them; none of those has to import another for them.
package model

import "github.com/workin/workin/metrics"

// Skip records a row left out in lenient mode.
type Skip struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column string `json:"column"`
	Reason string `json:"reason"`
	// Athlete is the row's athlete cell (or the file's owner), so a skipped
	// row can be listed with the athlete it belonged to.
	Athlete string `json:"-"`
}

// File summarises one input file for the data-quality section.
type File struct {
	Name    string
	Kind    string // "workouts" or "check-ins"
	Format  string
	Rows    int // data records read
	Used    int // rows kept
	Skipped int // rows left out in lenient mode
	First   metrics.Date
	Last    metrics.Date
	Ignored []string // header cells not read
	Notes   []string // remarks about the file
}

package report

import (
	"html/template"

	"github.com/workin/workin/metrics"
)

// Part is one athlete rendered for all three outputs. A large team is
// rendered athlete by athlete: each analysis is turned into a Part and
// released, so memory holds parts, not analyses.
type Part struct {
	Summary  Summary
	HTML     template.HTML // the athlete's section of the page
	Lazy     bool          // HTML holds a packed body
	Markdown []byte        // the athlete's section of the Markdown summary
	JSON     []byte        // the athlete's object in the JSON "athletes" list
}

// Summary is what the page, the overview and --fail-on need of an athlete
// after its analysis is gone.
type Summary struct {
	ID, Name string
	HasData  bool
	Params   metrics.Params
	Form     float64 // form going into tomorrow
	ACWR     float64
	LastRest metrics.Date // NoDate when none
	// Recommendation is the as-of advice; Evidence lists its rules.
	Recommendation metrics.Recommendation
	Readiness      float64
	LastCheckin    metrics.Date // NoDate when none
	Trend          []float64    // readiness over the last 28 days, for sparklines
	// Merged counts, per file, the rows left out as duplicates of a session
	// another export also held.
	Merged map[string]int
	// Last7 is the load of the last 7 days; Avg4 the weekly average of the
	// 28 days (Missing before 28 days of data).
	Last7, Avg4 float64
	// Weeks are the last weeks' loads, for the team's weekly chart.
	Weeks []WeekLoad
	// Files are the input files that gave the athlete rows (indexes into
	// Report.Files).
	Files []int
	// Headroom is tomorrow's tightest limit for the roster; zero without
	// workouts.
	Headroom headroomCell
}

// WeekLoad is one calendar week's load.
type WeekLoad struct {
	Start metrics.Date
	Load  float64
}

// teamWeeks is how many weeks the team's weekly chart shows.
const teamWeeks = 12

// foldOpen is how many athletes a page shows unfolded; staticMax how
// many it writes out whole, every chart's table included, so that the
// page reads without scripts. A bigger team's bodies are packed.
const (
	foldOpen  = 5
	staticMax = 10
)

// Outputs selects what RenderPart renders.
type Outputs uint8

// The outputs of a report.
const (
	HTML Outputs = 1 << iota
	Markdown
	JSON
)

// RenderPart renders athlete i of r for the outputs asked for. total is the
// number of athletes in the report (it decides whether the section starts
// folded).
func RenderPart(r *Report, i, total int, a *Athlete, want Outputs) (*Part, error) {
	p := &Part{Summary: summarize(a)}
	if want&HTML != 0 {
		open, lazy := total <= foldOpen, total > staticMax
		if r.Options.Split { // the athlete's own page
			open, lazy = true, false
		}
		h, err := athleteHTML(r, i, a, open, lazy)
		if err != nil {
			return nil, err
		}
		p.HTML, p.Lazy = h, lazy && p.Summary.HasData
	}
	if want&Markdown != 0 {
		p.Markdown = athleteMarkdown(a)
	}
	if want&JSON != 0 {
		p.JSON = athleteJSON(r, a)
	}
	return p, nil
}

func renderParts(r *Report, want Outputs) ([]*Part, error) {
	parts := make([]*Part, len(r.Athletes))
	for i, a := range r.Athletes {
		p, err := RenderPart(r, i, len(r.Athletes), a, want)
		if err != nil {
			return nil, err
		}
		parts[i] = p
	}
	return parts, nil
}

func summarize(a *Athlete) Summary {
	s := Summary{ID: a.Profile.ID, Name: a.Profile.Name, Params: a.Params, HasData: len(a.Days) > 0, Files: a.Quality.Files,
		Form: metrics.Missing(), ACWR: metrics.Missing(), Readiness: metrics.Missing(), Last7: metrics.Missing(), Avg4: metrics.Missing()}
	if !s.HasData {
		return s
	}
	for _, m := range a.Merges {
		if s.Merged == nil {
			s.Merged = map[string]int{}
		}
		s.Merged[m.Dropped.File]++
	}
	d := today(a.Analysis)
	s.Recommendation, s.Readiness = a.Recommendation, d.Readiness
	for i := len(a.Days) - 1; i >= 0; i-- {
		if a.Days[i].Checkins > 0 {
			s.LastCheckin = a.Days[i].Date
			break
		}
	}
	for i := max(0, len(a.Days)-28); i < len(a.Days); i++ {
		s.Trend = append(s.Trend, a.Days[i].Readiness)
	}
	var last7, last28 float64
	for i := len(a.Days) - 1; i >= max(0, len(a.Days)-28); i-- {
		if i >= len(a.Days)-7 {
			last7 += a.Days[i].Load
		}
		last28 += a.Days[i].Load
	}
	s.Last7 = last7
	if len(a.Days) >= 28 {
		s.Avg4 = last28 / 4
	}
	for _, w := range a.Weeks[max(0, len(a.Weeks)-teamWeeks):] {
		s.Weeks = append(s.Weeks, WeekLoad{w.Start, w.Load})
	}
	if h := buildHeadroom(a.Analysis); h != nil {
		s.Headroom = h.Cell
	}
	rd, _ := ratioDay(a.Analysis)
	s.Form, s.ACWR = d.CTL-d.ATL, rd.ACWR
	for i := len(a.Days) - 1; i >= 0; i-- {
		if a.Days[i].Rest {
			s.LastRest = a.Days[i].Date
			break
		}
	}
	return s
}

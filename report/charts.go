package report

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
)

// The chart registry. Every chart of an athlete's page has one spec: its
// kind, the group of cards it belongs to, the go-echarts builder of its
// options, the dataset columns those options read, and whether it follows
// the athlete's day zoom. The spec drives the option skeletons (built once
// per process, without data), the cards on the page and the chart meta the
// browser reads (zoom, and the rules whose runs it shades, taken from the
// rule registry). A test checks every column a skeleton encodes against
// the athlete datasets (chartdata.go).
//
// Options are data-independent: a value that depends on the athlete (a
// threshold, the calendar's range, a timeline's rows) is a placeholder
// string "$name" that report.js resolves from the athlete's "vars". The
// browser keeps only what must run there: drawing charts as they scroll
// into view, the zoom, folding, theme colours read from CSS, one series per
// sport from a prototype, and tooltips that format values.

// The datasets of an athlete (chartdata.go), by index.
const (
	dsDays     = iota // one row per day
	dsWeeks           // one row per week
	dsAdvice          // timeline: the advice of each day (x day index, y row, v action)
	dsFlags           // timeline: the days each rule held (x, y, v 1 warn, 2 alert)
	dsCheckins        // the check-in strip (x day index, y item, v darkness, raw value)
	dsPlan            // the projection: the as-of day, then each planned day (chartdata.go, planData)
)

// chartSpec is one chart of an athlete's page.
type chartSpec struct {
	kind  string
	group string // "recovery", "load" or "history": the cards it sits in
	build func() charts.Overlaper
	// patch adds to the built options what go-echarts cannot express (a
	// heatmap's value dimension, a visualMap's series), as JSON edits.
	patch func(o map[string]any)
	// columns are the dataset columns the options encode, by dataset.
	columns map[int][]string
	zoom    bool // follows the athlete's day zoom
	tall    bool
	wide    bool
	view    func(a *metrics.Analysis) chartView // title, how to read it, label
	// table lists the columns of a day chart's table (tables.go); noun
	// names its rows ("HRV by day").
	table []tableCol
	noun  string
}

// chartSpecs lists every athlete chart, in page order within its group.
var chartSpecs = []chartSpec{
	{kind: "readiness", group: "recovery", build: readinessChart, zoom: true, tall: true, view: readinessCard,
		columns: map[int][]string{dsDays: {"date", "ready", "p_hrv", "p_rhr", "p_sleep", "p_well"}},
		noun:    "Readiness and its parts",
		table: []tableCol{{"Readiness", "ready", "0"}, {"HRV part", "p_hrv", "0"}, {"Resting HR part", "p_rhr", "0"},
			{"Sleep part", "p_sleep", "0"}, {"Wellness part", "p_well", "0"}}},
	{kind: "hrv", group: "recovery", build: hrvChart, zoom: true, view: hrvCard,
		columns: map[int][]string{dsDays: {"date", "hlo", "hw", "hrv7", "hrvln"}},
		noun:    "HRV",
		table:   []tableCol{{"HRV (ms)", "hrvln", "ms"}, {"7-day mean (ms)", "hrv7", "ms"}, {"Normal range (ms)", "hlo", "band"}}},
	{kind: "rhr", group: "recovery", build: rhrChart, zoom: true, view: rhrCard,
		columns: map[int][]string{dsDays: {"date", "rhr", "rbase", "rlim", "relev"}},
		noun:    "Resting HR",
		table:   []tableCol{{"Resting HR (bpm)", "rhr", "0"}, {"Baseline (bpm)", "rbase", "0"}, {"Elevated from (bpm)", "rlim", "0"}}},
	{kind: "wellness", group: "recovery", build: wellnessChart, patch: patchWellness, zoom: true, tall: true, view: wellnessCard,
		columns: map[int][]string{dsDays: {"date", "sleep"}, dsCheckins: {"x", "y", "v", "raw"}},
		noun:    "Sleep and check-ins",
		table: []tableCol{{"Sleep (h)", "sleep", "1"}, {"Sleep quality", "sq", "1"}, {"Soreness", "sore", "1"}, {"Stress", "stress", "1"},
			{"Mood", "mood", "1"}, {"Energy", "energy", "1"}}},
	{kind: "daily", group: "load", build: dailyChart, zoom: true, view: dailyCard,
		columns: map[int][]string{dsDays: {"date", "s0", "hard"}},
		noun:    "Load",
		table:   []tableCol{{"Load (LP)", "load", "0"}, {"of it from RPE", "q", "rpe"}, {"Hard", "f", "hard"}, {"Day", "f", "day"}}},
	{kind: "weekly", group: "load", build: weeklyChart, view: weeklyCard,
		columns: map[int][]string{dsWeeks: {"week", "w0", "limit", "total"}}},
	{kind: "pmc", group: "load", build: pmcChart, patch: patchPMC, zoom: true, tall: true, view: pmcCard,
		columns: map[int][]string{dsDays: {"date", "ctl", "atl", "tsb"}, dsPlan: {"date", "ctl", "atl", "tsb"}},
		noun:    "Fitness, fatigue and form",
		table:   []tableCol{{"Fitness", "ctl", "0"}, {"Fatigue", "atl", "0"}, {"Form", "tsb", "0"}}},
	{kind: "acwr", group: "load", build: acwrChart, zoom: true, tall: true, view: acwrCard,
		columns: map[int][]string{dsDays: {"date", "acwr", "acute", "chronic"}, dsPlan: {"date", "acwr", "acute", "chronic"}},
		noun:    "Acute:chronic",
		table:   []tableCol{{"Acute:chronic", "acwr", "2"}, {"Acute (LP/day)", "acute", "0"}, {"Chronic (LP/day)", "chronic", "0"}}},
	{kind: "mono", group: "load", build: monoChart, zoom: true, tall: true, view: monoCard,
		columns: map[int][]string{dsDays: {"date", "mono", "strain"}},
		noun:    "Monotony and strain",
		table:   []tableCol{{"Monotony", "mono", "1"}, {"Strain", "strain", "0"}}},
	{kind: "calendar", group: "history", build: calendarChart, patch: patchCalendar, wide: true, tall: true, view: calendarCard,
		columns: map[int][]string{dsDays: {"date", "cal", "ready"}},
		noun:    "Training, rest and readiness",
		table:   []tableCol{{"Load (LP)", "load", "0"}, {"Day", "f", "day"}, {"Readiness", "ready", "0"}}},
	{kind: "timeline", group: "history", build: timelineChart, patch: patchTimeline, zoom: true, wide: true, view: timelineCard,
		columns: map[int][]string{dsAdvice: {"x", "y", "v"}, dsFlags: {"x", "y", "v"}}},
}

// derivedColumns are the columns report.js derives from the written ones
// (derive in report.js) rather than reading them from the page: the dates
// from the first day and the count, the calendar's codes, the ▲ of hard
// days and the elevated resting-HR marks from the day flags and values,
// and the long-form datasets of the timeline and the check-in strip.
var derivedColumns = map[int][]string{
	dsDays:     {"date", "cal", "hard", "relev"},
	dsAdvice:   {"x", "y", "v"},
	dsFlags:    {"x", "y", "v"},
	dsCheckins: {"x", "y", "v", "raw"},
	dsPlan:     {"date"},
}

// cardContext is what the cards need beyond the analysis: the days
// shown, the day columns as written when the tables are in the page (nil:
// report.js builds them when opened), and the weeks, advice and rule
// spans.
type cardContext struct {
	days   []metrics.Day
	cols   dayColumns
	weeks  []weekView
	advice []historyView
	flags  []metrics.Flag
}

// chartViews lists the cards of one group for an athlete.
func chartViews(a *metrics.Analysis, group string, c cardContext) []chartView {
	var out []chartView
	for i := range chartSpecs {
		s := &chartSpecs[i]
		if s.group != group {
			continue
		}
		v := s.view(a)
		v.Kind, v.Tall, v.Wide, v.NoZoom = s.kind, s.tall, s.wide, !s.zoom
		switch s.kind {
		case "weekly":
			v.Table = &tableView{Name: "Table of the weeks", Weeks: c.weeks}
		case "timeline":
			v.Table = &tableView{Name: fmt.Sprintf("Table of the advice (%s)", text.Plural(len(c.advice), "day", "days")), Advice: c.advice}
		default:
			v.Table = dayTable(s, c.cols, c.days)
		}
		switch {
		case c.cols == nil: // a packed body: never read without scripts
		case v.Table.Static && len(v.Table.Rows) == 0:
			v.NoScript = "This chart needs scripts, which this viewer does not run; it has nothing to show for " + v.Table.Span + " anyway."
		default: // the section is in the page as HTML, readable without scripts
			v.NoScript = "This chart needs scripts, which this viewer does not run; the table under it holds its numbers"
			if v.Table.Span != "" {
				v.NoScript += " for " + v.Table.Span
			}
			v.NoScript += "."
		}
		v.Shaded = shadedWords(s.kind, c)
		out = append(out, v)
	}
	return out
}

// shadedWords names the rules whose spans a chart shades in the days
// shown, with how many runs and whether one was an alert: the words the
// shading needs, since the chart draws no labels over it.
func shadedWords(kind string, c cardContext) string {
	if len(c.days) == 0 {
		return ""
	}
	first, last := c.days[0].Date, c.days[len(c.days)-1].Date
	var parts []string
	for _, r := range metrics.Rules() {
		if !slices.Contains(r.Charts, kind) {
			continue
		}
		n, alert := 0, false
		for _, f := range c.flags {
			if f.Rule == r.Name && f.To >= first && f.From <= last {
				n++
				alert = alert || f.Severity == metrics.Alert
			}
		}
		if n == 0 {
			continue
		}
		p := fmt.Sprintf("%s ×%d", r.Name, n)
		if alert {
			p += " (alert: darker)"
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 {
		return ""
	}
	return "Shaded: " + strings.Join(parts, ", ") + ". Tap a shade for its rule; the timeline below has a row per rule."
}

// Colours are tokens, "$c-name", that report.js resolves from the page's
// CSS custom properties (report.css: --c-name), so the charts take the
// light or the dark palette, and the light one in print. The report
// design's roles: blue for the series a chart is named after, ink for
// comparisons, grey for bands and form; status colours only on bands,
// rule spans and the advice, never on data lines.
const (
	colBlue   = "$c-blue"
	colInk    = "$c-ink"
	colGrey   = "$c-grey"
	colLight  = "$c-light"
	colBand   = "$c-band"
	colEdge   = "$c-bandEdge"
	colRest   = "$c-bandRest"
	colLow    = "$c-bandLow"
	colBandHR = "$c-bandGrey"
	colGrid   = "$c-grid"
	colPanel  = "$c-panel"
	colMuted  = "$c-muted"
)

var (
	skeletonOnce sync.Once
	skeletonJSON []byte
	skeletonErr  error
)

// chartMeta is what the browser needs to know about a chart kind.
type chartMeta struct {
	Zoom  bool       `json:"zoom"`            // follows the day zoom
	Spans []string   `json:"spans,omitempty"` // rules whose runs it shades
	Table []tableCol `json:"table,omitempty"` // a day chart's table
	Noun  string     `json:"noun,omitempty"`  // what the table's rows are
}

// chartSkeletons returns the option skeletons of every chart kind and their
// meta as one JSON object, {"opts": {kind: options}, "meta": {kind: …}},
// built once per process.
func chartSkeletons() ([]byte, error) {
	skeletonOnce.Do(func() {
		all := map[string]json.RawMessage{}
		meta := map[string]chartMeta{}
		for _, s := range chartSpecs {
			o, err := optionOf(s.build(), s.patch)
			if err != nil {
				skeletonErr = fmt.Errorf("chart %s: %w", s.kind, err)
				return
			}
			all[s.kind] = o
			m := chartMeta{Zoom: s.zoom, Table: s.table, Noun: s.noun}
			for _, r := range metrics.Rules() {
				for _, c := range r.Charts {
					if c == s.kind {
						m.Spans = append(m.Spans, r.Name)
					}
				}
			}
			meta[s.kind] = m
		}
		skeletonJSON, skeletonErr = json.Marshal(map[string]any{"opts": all, "meta": meta})
	})
	return skeletonJSON, skeletonErr
}

// optionOf renders a chart's option JSON through go-echarts and applies
// the patch.
func optionOf(c charts.Overlaper, patch func(map[string]any)) (json.RawMessage, error) {
	ch, ok := c.(optioner)
	if !ok {
		return nil, fmt.Errorf("no option renderer for %T", c)
	}
	// The chart's own options as go-echarts builds them (Validate copies
	// the axis data in), without its HTML snippet templates.
	ch.Validate()
	b, err := json.Marshal(ch.JSON())
	if err != nil {
		return nil, err
	}
	// Through encoding/json, whatever the patch: it escapes <, > and &, so
	// the options (the team charts hold athletes' names) can sit inside a
	// <script> element.
	var o map[string]any
	if err := json.Unmarshal(b, &o); err != nil {
		return nil, err
	}
	if patch != nil {
		patch(o)
	}
	return json.Marshal(o)
}

// optioner is a go-echarts chart whose options can be taken as JSON.
type optioner interface {
	Validate()
	JSON() map[string]any
}

// base holds the options every day chart shares; axes lists the x axes the
// zoom moves.
func base(id string, axes ...int) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{ChartID: id, Width: "100%", Height: "320px"}),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Left: "0", Type: "scroll"}),
		charts.WithDataZoomOpts(
			opts.DataZoom{Type: "inside", XAxisIndex: axes},
			opts.DataZoom{Type: "slider", XAxisIndex: axes},
		),
	}
}

// dayAxis is a category x-axis over the days of dataset 0.
func dayAxis(grid int, show bool) opts.XAxis {
	return opts.XAxis{Type: "category", GridIndex: grid, Show: opts.Bool(true),
		AxisLabel: &opts.AxisLabel{Show: opts.Bool(show), HideOverlap: opts.Bool(true)},
		AxisTick:  &opts.AxisTick{Show: opts.Bool(show)}}
}

func valueAxis(name string, grid int) opts.YAxis {
	return opts.YAxis{Type: "value", Name: name, GridIndex: grid,
		SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: colGrid}}}
}

func encode(x, y string) charts.SeriesOpts {
	return charts.WithEncodeOpts(opts.Encode{X: x, Y: y})
}

func styled(id, color string, width float32, dashed string, axis int) charts.SeriesOpts {
	return charts.WithSeriesOpts(func(s *charts.SingleSeries) {
		s.Id = id
		s.ShowSymbol = opts.Bool(false)
		s.Symbol = "none"
		s.XAxisIndex, s.YAxisIndex = axis, axis
		s.LineStyle = &opts.LineStyle{Color: color, Width: width, Type: dashed}
		s.ItemStyle = &opts.ItemStyle{Color: color}
	})
}

// series returns the options' series list, for a patch.
func series(o map[string]any) []any {
	s, _ := o["series"].([]any)
	return s
}

// dailyChart: daily load in LP, stacked by sport, with ▲ over days that had
// a hard session.
func dailyChart() charts.Overlaper {
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(base("daily", 0),
		charts.WithXAxisOpts(dayAxis(0, true)),
		charts.WithYAxisOpts(valueAxis("LP", 0)),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "52", Bottom: "56", ContainLabel: opts.Bool(true)}),
	)...)
	bar.AddSeries("sport", nil, encode("date", "s0"), charts.WithSeriesOpts(func(s *charts.SingleSeries) {
		s.Id, s.Stack, s.BarMaxWidth = "sport", "load", "14"
	}))
	hard := charts.NewLine()
	hard.AddSeries("hard session", nil, encode("date", "hard"), charts.WithSeriesOpts(func(s *charts.SingleSeries) {
		s.Type, s.Id, s.Symbol, s.SymbolSize = "scatter", "hard", "triangle", 8
		s.ItemStyle = &opts.ItemStyle{Color: colPanel, BorderColor: colInk, BorderWidth: 1.5}
	}))
	bar.Overlap(hard)
	return bar
}

// weeklyChart: weekly load stacked by sport with the lighter-week line
// (deload_ratio × the mean of the previous three complete weeks).
func weeklyChart() charts.Overlaper {
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: "weekly", Width: "100%", Height: "320px"}),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Left: "0", Type: "scroll"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: &opts.AxisLabel{Show: opts.Bool(true), HideOverlap: opts.Bool(true)}}),
		charts.WithYAxisOpts(valueAxis("LP", 0)),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "52", Bottom: "8", ContainLabel: opts.Bool(true)}),
	)
	ds1 := charts.WithDatasetIndex(dsWeeks)
	bar.AddSeries("sport", nil, ds1, encode("week", "w0"), charts.WithSeriesOpts(func(s *charts.SingleSeries) {
		s.Id, s.Stack, s.BarMaxWidth = "sport", "load", "28"
	}))
	line := charts.NewLine()
	line.AddSeries("lighter-week line", nil, ds1, encode("week", "limit"), styled("limit", colGrey, 1.5, "dashed", 0),
		charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Step = "middle" }))
	line.AddSeries("total", nil, ds1, encode("week", "total"), charts.WithSeriesOpts(func(s *charts.SingleSeries) {
		s.Type, s.Id, s.Symbol, s.SymbolSize = "scatter", "total", "none", 0
		s.Label = &opts.Label{Show: opts.Bool(true), Position: "top", Color: colGrey, FontSize: 11, Formatter: "{@total}"}
	}))
	bar.Overlap(line)
	return bar
}

// twoGrids lays out a main grid and a smaller one under it that share the
// day axis (and the zoom).
func twoGrids(id, topName string) []charts.GlobalOpts {
	return append(base(id, 0, 1),
		charts.WithGridOpts(
			opts.Grid{Left: "8", Right: "24", Top: "52", Height: "48%", ContainLabel: opts.Bool(true)},
			opts.Grid{Left: "8", Right: "24", Top: "70%", Bottom: "56", ContainLabel: opts.Bool(true)},
		),
		charts.WithXAxisOpts(dayAxis(0, false)),
		charts.WithYAxisOpts(valueAxis(topName, 0)),
	)
}

func addBottomAxes(c interface {
	ExtendXAxis(...opts.XAxis)
	ExtendYAxis(...opts.YAxis)
}, name string) {
	c.ExtendXAxis(dayAxis(1, true))
	y := valueAxis(name, 1)
	y.SplitNumber = 2
	c.ExtendYAxis(y)
}

// pmcChart: fitness (CTL) and fatigue (ATL) above, form (TSB) bars below.
func pmcChart() charts.Overlaper {
	line := charts.NewLine()
	line.SetGlobalOptions(twoGrids("pmc", "LP/day")...)
	addBottomAxes(line, "form")
	line.AddSeries("fitness (CTL)", nil, encode("date", "ctl"), styled("ctl", colBlue, 2, "solid", 0))
	line.AddSeries("fatigue (ATL)", nil, encode("date", "atl"), styled("atl", colInk, 1.5, "dashed", 0))
	line.AddSeries("plan: fitness", nil, charts.WithDatasetIndex(dsPlan), encode("date", "ctl"), planned("pctl", colBlue, 2, 0),
		charts.WithSeriesOpts(planArea))
	line.AddSeries("plan: fatigue", nil, charts.WithDatasetIndex(dsPlan), encode("date", "atl"), planned("patl", colInk, 1.5, 0))
	bar := charts.NewBar()
	bar.AddSeries("form (TSB)", nil, encode("date", "tsb"), charts.WithSeriesOpts(func(s *charts.SingleSeries) {
		s.Id, s.XAxisIndex, s.YAxisIndex, s.BarMaxWidth = "tsb", 1, 1, "8"
		s.ItemStyle = &opts.ItemStyle{Color: colGrey}
	}))
	bar.AddSeries("plan: form", nil, charts.WithDatasetIndex(dsPlan), encode("date", "tsb"), charts.WithSeriesOpts(func(s *charts.SingleSeries) {
		s.Id, s.XAxisIndex, s.YAxisIndex, s.BarMaxWidth, s.BarGap = "ptsb", 1, 1, "8", "-100%"
		s.ItemStyle = &opts.ItemStyle{Color: colPanel, BorderColor: colGrey, BorderWidth: 1.5}
	}))
	line.Overlap(bar)
	return line
}

// patchPMC dashes the border of the planned form bars (hollow: lighter
// than the bars of days done), which go-echarts cannot express.
func patchPMC(o map[string]any) {
	for _, s := range series(o) {
		if m := s.(map[string]any); m["id"] == "ptsb" {
			m["itemStyle"].(map[string]any)["borderType"] = "dashed"
		}
	}
}

// planned styles a projected series: dashed, lighter, on the planned days
// only (dataset dsPlan, from the as-of day on, so that it joins the line
// drawn up to today).
func planned(id, color string, width float32, axis int) charts.SeriesOpts {
	return charts.WithSeriesOpts(func(s *charts.SingleSeries) {
		s.Id = id
		s.ShowSymbol = opts.Bool(false)
		s.Symbol = "none"
		s.XAxisIndex, s.YAxisIndex = axis, axis
		s.LineStyle = &opts.LineStyle{Color: color, Width: width, Type: "dashed", Opacity: opts.Float(0.6)}
		s.ItemStyle = &opts.ItemStyle{Color: color, Opacity: opts.Float(0.6)}
	})
}

// planArea shades and labels the planned days "plan" (from the day after
// the as-of day to the last planned day).
func planArea(s *charts.SingleSeries) {
	s.MarkAreas = &opts.MarkAreas{
		Data: []interface{}{[]map[string]any{{"name": "plan", "xAxis": "$planFrom"}, {"xAxis": "$planTo"}}},
		MarkAreaStyle: opts.MarkAreaStyle{ItemStyle: &opts.ItemStyle{Color: colBandHR},
			Label: &opts.Label{Show: opts.Bool(true), Position: "insideTop", Color: colGrey, FontSize: 10}},
	}
}

// acwrChart: the acute:chronic ratio with the commonly cited 0.8–1.3 range
// and the load-spike line (at the athlete's spike_acwr), and below it the
// two averages it divides.
func acwrChart() charts.Overlaper {
	line := charts.NewLine()
	line.SetGlobalOptions(twoGrids("acwr", "ratio")...)
	addBottomAxes(line, "LP/day")
	line.AddSeries("acute:chronic", nil, encode("date", "acwr"), styled("acwr", colBlue, 2, "solid", 0),
		charts.WithSeriesOpts(func(s *charts.SingleSeries) {
			s.MarkAreas = &opts.MarkAreas{
				Data: []interface{}{[]map[string]any{{"name": "0.8–1.3 commonly cited", "yAxis": 0.8}, {"yAxis": 1.3}}},
				MarkAreaStyle: opts.MarkAreaStyle{ItemStyle: &opts.ItemStyle{Color: colBand},
					Label: &opts.Label{Show: opts.Bool(true), Position: "insideTopLeft", Color: colGrey, FontSize: 10}},
			}
			s.MarkLines = &opts.MarkLines{Data: []interface{}{map[string]any{"name": "load-spike rule", "yAxis": "$spike"}},
				MarkLineStyle: opts.MarkLineStyle{Symbol: []string{"none", "none"},
					LineStyle: &opts.LineStyle{Color: colInk, Type: "dashed", Width: 1},
					Label:     &opts.Label{Show: opts.Bool(true), Position: "insideEndTop", Formatter: "load-spike rule {c}", Color: colInk, FontSize: 10}}}
		}))
	line.AddSeries("plan: acute:chronic", nil, charts.WithDatasetIndex(dsPlan), encode("date", "acwr"), planned("pacwr", colBlue, 2, 0),
		charts.WithSeriesOpts(planArea))
	line.AddSeries("acute (7-day)", nil, encode("date", "acute"), styled("acute", colInk, 1.5, "solid", 1))
	line.AddSeries("chronic (28-day)", nil, encode("date", "chronic"), styled("chronic", colGrey, 1.5, "dashed", 1))
	// The averages as planned: dashed and lighter like the ratio's plan,
	// which names them in the legend.
	line.AddSeries("plan: acute (7-day)", nil, charts.WithDatasetIndex(dsPlan), encode("date", "acute"), planned("pacute", colInk, 1.5, 1))
	line.AddSeries("plan: chronic (28-day)", nil, charts.WithDatasetIndex(dsPlan), encode("date", "chronic"), planned("pchronic", colGrey, 1.5, 1))
	return line
}

// monoChart: monotony with the athlete's monotony_max (Foster's 2.0 by
// default) and 1.5, preferable below; strain bars below.
func monoChart() charts.Overlaper {
	line := charts.NewLine()
	line.SetGlobalOptions(twoGrids("mono", "monotony")...)
	addBottomAxes(line, "strain")
	line.YAxisList[0].Max = "$monoMax"
	line.AddSeries("monotony", nil, encode("date", "mono"), styled("mono", colBlue, 2, "solid", 0),
		charts.WithSeriesOpts(func(s *charts.SingleSeries) {
			s.MarkLines = &opts.MarkLines{Data: []interface{}{
				map[string]any{"name": "limit (Foster 1998)", "yAxis": "$mono", "lineStyle": map[string]any{"type": "dashed", "color": colInk}},
				map[string]any{"name": "preferable below", "yAxis": 1.5, "lineStyle": map[string]any{"type": "dotted", "color": colGrey}},
			}, MarkLineStyle: opts.MarkLineStyle{Symbol: []string{"none", "none"},
				Label: &opts.Label{Show: opts.Bool(true), Position: "insideEndTop", Formatter: "{b} {c}", Color: colInk, FontSize: 10}}}
		}))
	bar := charts.NewBar()
	bar.AddSeries("strain", nil, encode("date", "strain"), charts.WithSeriesOpts(func(s *charts.SingleSeries) {
		s.Id, s.XAxisIndex, s.YAxisIndex, s.BarMaxWidth = "strain", 1, 1, "8"
		s.ItemStyle = &opts.ItemStyle{Color: colLight}
	}))
	line.Overlap(bar)
	return line
}

// readinessChart: readiness on a fixed 0–100 axis with the rest-trigger and
// low bands (at the athlete's readiness_rest and readiness_low) and the
// "your usual" line at 75; the four sub-scores below.
func readinessChart() charts.Overlaper {
	line := charts.NewLine()
	line.SetGlobalOptions(twoGrids("readiness", "0–100")...)
	addBottomAxes(line, "sub-scores")
	line.YAxisList[0].Min, line.YAxisList[0].Max = 0, 100
	line.YAxisList[1].Min, line.YAxisList[1].Max = 0, 100
	line.AddSeries("readiness", nil, encode("date", "ready"), styled("ready", colInk, 2, "solid", 0),
		charts.WithSeriesOpts(func(s *charts.SingleSeries) {
			s.ShowSymbol, s.Symbol, s.SymbolSize = opts.Bool(true), "circle", 4
			s.MarkAreas = &opts.MarkAreas{
				Data: []interface{}{
					[]map[string]any{{"name": "rest trigger", "yAxis": 0, "itemStyle": map[string]any{"color": colRest}}, {"yAxis": "$rest"}},
					[]map[string]any{{"name": "low", "yAxis": "$rest", "itemStyle": map[string]any{"color": colLow}}, {"yAxis": "$low"}},
				},
				MarkAreaStyle: opts.MarkAreaStyle{Label: &opts.Label{Show: opts.Bool(true), Position: "insideLeft", Color: colGrey, FontSize: 10}},
			}
			s.MarkLines = &opts.MarkLines{Data: []interface{}{map[string]any{"name": "your usual", "yAxis": 75}},
				MarkLineStyle: opts.MarkLineStyle{Symbol: []string{"none", "none"},
					LineStyle: &opts.LineStyle{Color: colGrey, Type: "dashed", Width: 1},
					Label:     &opts.Label{Show: opts.Bool(true), Position: "insideEndTop", Formatter: "{b} 75", Color: colGrey, FontSize: 10}}}
		}))
	for _, p := range []struct{ id, name, dash string }{
		{"p_hrv", "HRV", "solid"}, {"p_rhr", "resting HR", "dashed"}, {"p_sleep", "sleep", "dotted"}, {"p_well", "wellness", "solid"},
	} {
		color := colGrey
		if p.id == "p_hrv" {
			color = colBlue
		}
		line.AddSeries(p.name, nil, encode("date", p.id), styled(p.id, color, 1.2, p.dash, 1))
	}
	return line
}

// hrvChart: daily ln rMSSD as hollow dots, the 7-day mean in blue and the
// normal band (baseline ± 0.5 SD) as two stacked series, the lower one
// invisible; the axis is in ln, labelled in ms by report.js.
func hrvChart() charts.Overlaper {
	line := charts.NewLine()
	line.SetGlobalOptions(append(base("hrv", 0),
		charts.WithXAxisOpts(dayAxis(0, true)),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: "HRV (ms)", Scale: opts.Bool(true),
			SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: colGrid}}}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "52", Bottom: "56", ContainLabel: opts.Bool(true)}),
	)...)
	band := func(id string, area bool) charts.SeriesOpts {
		return charts.WithSeriesOpts(func(s *charts.SingleSeries) {
			s.Id, s.Stack, s.Symbol, s.ShowSymbol = id, "band", "none", opts.Bool(false)
			s.LineStyle = &opts.LineStyle{Color: colEdge, Width: 1, Type: "dotted", Opacity: opts.Float(0.8)}
			s.ItemStyle = &opts.ItemStyle{Color: colEdge}
			if area {
				s.AreaStyle = &opts.AreaStyle{Color: colBand, Opacity: opts.Float(1)}
			}
		})
	}
	line.AddSeries("band low", nil, encode("date", "hlo"), band("hlo", false))
	line.AddSeries("normal range", nil, encode("date", "hw"), band("hw", true))
	line.AddSeries("7-day mean", nil, encode("date", "hrv7"), styled("hrv7", colBlue, 2, "solid", 0))
	dots := charts.NewScatter()
	dots.AddSeries("daily", nil, encode("date", "hrvln"), charts.WithSeriesOpts(func(s *charts.SingleSeries) {
		s.Id, s.Symbol, s.SymbolSize = "hrvln", "emptyCircle", 6
		s.ItemStyle = &opts.ItemStyle{Color: colGrey}
	}))
	line.Overlap(dots)
	return line
}

// rhrChart: daily resting HR, its baseline dashed, the elevated line dotted
// and elevated mornings as hollow triangles.
func rhrChart() charts.Overlaper {
	line := charts.NewLine()
	line.SetGlobalOptions(append(base("rhr", 0),
		charts.WithXAxisOpts(dayAxis(0, true)),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: "bpm", Scale: opts.Bool(true),
			SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: colGrid}}}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "52", Bottom: "56", ContainLabel: opts.Bool(true)}),
	)...)
	line.AddSeries("resting HR", nil, encode("date", "rhr"), styled("rhr", colInk, 1.5, "solid", 0),
		charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.ConnectNulls = opts.Bool(false) }))
	line.AddSeries("baseline", nil, encode("date", "rbase"), styled("rbase", colGrey, 1.2, "dashed", 0))
	line.AddSeries("elevated line", nil, encode("date", "rlim"), styled("rlim", colGrey, 1.2, "dotted", 0),
		charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Step = "middle" }))
	marks := charts.NewScatter()
	marks.AddSeries("elevated", nil, encode("date", "relev"), charts.WithSeriesOpts(func(s *charts.SingleSeries) {
		s.Id, s.Symbol, s.SymbolSize = "relev", "emptyTriangle", 9
		s.ItemStyle = &opts.ItemStyle{Color: colInk}
	}))
	line.Overlap(marks)
	return line
}

// wellnessChart: sleep hours against the 7–9 h adult guideline, and below
// it a strip of the check-in items (a heatmap: darker is worse for you).
func wellnessChart() charts.Overlaper {
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(base("wellness", 0, 1),
		charts.WithGridOpts(
			opts.Grid{Left: "8", Right: "24", Top: "52", Height: "34%", ContainLabel: opts.Bool(true)},
			opts.Grid{Left: "8", Right: "24", Top: "56%", Bottom: "56", ContainLabel: opts.Bool(true)},
		),
		charts.WithXAxisOpts(dayAxis(0, false)),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: "sleep (h)", Min: 0, Max: 10, SplitNumber: 2,
			SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: colGrid}}}),
		charts.WithVisualMapOpts(opts.VisualMap{Type: "continuous", Min: 0, Max: 9, Show: opts.Bool(false),
			InRange: &opts.VisualMapInRange{Color: []string{"$c-heat0", "$c-heat2", "$c-heat4"}}}),
	)...)
	x := dayAxis(1, true)
	x.Data = "$dates"
	bar.ExtendXAxis(x)
	bar.ExtendYAxis(opts.YAxis{Type: "category", GridIndex: 1, Inverse: opts.Bool(true), Data: checkinItemNames})
	bar.AddSeries("sleep", nil, encode("date", "sleep"), charts.WithSeriesOpts(func(s *charts.SingleSeries) {
		s.Id, s.BarMaxWidth = "sleep", "10"
		s.ItemStyle = &opts.ItemStyle{Color: colBlue}
		s.MarkAreas = &opts.MarkAreas{Data: []interface{}{[]map[string]any{{"name": "7–9 h adult guideline", "yAxis": 7}, {"yAxis": 9}}},
			MarkAreaStyle: opts.MarkAreaStyle{ItemStyle: &opts.ItemStyle{Color: colBandHR},
				Label: &opts.Label{Show: opts.Bool(true), Position: "insideTopLeft", Color: colGrey, FontSize: 10}}}
	}))
	strip := charts.NewHeatMap()
	strip.AddSeries("check-in", nil, charts.WithDatasetIndex(dsCheckins), charts.WithSeriesOpts(func(s *charts.SingleSeries) {
		s.Id, s.XAxisIndex, s.YAxisIndex = "strip", 1, 1
	}))
	bar.Overlap(strip)
	return bar
}

// patchWellness points the strip's visualMap at the strip and names its
// dimensions (x day, y item, v darkness 0–9, raw as rated).
func patchWellness(o map[string]any) {
	ss := series(o)
	if vm, ok := o["visualMap"].([]any); ok && len(vm) > 0 {
		vm[0].(map[string]any)["seriesIndex"] = len(ss) - 1
		vm[0].(map[string]any)["dimension"] = 2
	}
	ss[len(ss)-1].(map[string]any)["encode"] = map[string]any{"x": "x", "y": "y", "value": "v", "tooltip": "raw"}
}

// checkinItemNames are the rows of the check-in strip, in the order of
// the strip's y values.
var checkinItemNames = []string{"sleep quality", "soreness", "stress", "mood", "energy"}

// calendarChart: two calendars of the athlete's days (range "$range"): the
// training, rest days pale and rest days with a work-in purple, and
// readiness, darker when lower.
func calendarChart() charts.Overlaper {
	h := charts.NewHeatMap()
	h.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: "calendar", Width: "100%", Height: "320px"}),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	)
	cal := func(top string) *opts.Calendar {
		return &opts.Calendar{Top: top, Left: "40", Right: "16", Range: []string{"$first", "$last"}, CellSize: "$cell", Orient: "horizontal",
			SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: colMuted, Width: 1}},
			ItemStyle: &opts.ItemStyle{Color: colPanel, BorderColor: colGrid, BorderWidth: 1},
			YearLabel: &opts.CalendarLabel{Show: opts.Bool(false)}}
	}
	h.AddCalendar(cal("48"), cal("218"))
	h.AddSeries("training", nil, charts.WithCoordinateSystem("calendar"), charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Id = "cal" }))
	h.AddSeries("readiness", nil, charts.WithCoordinateSystem("calendar"), charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Id = "calready" }))
	return h
}

// patchCalendar adds what go-echarts cannot express: each series' calendar
// and dimensions, the day labels, and the two visualMaps with their pieces.
func patchCalendar(o map[string]any) {
	for i, s := range series(o) {
		m := s.(map[string]any)
		m["calendarIndex"] = i
		m["encode"] = map[string]any{"time": "date", "value": []string{"cal", "ready"}[i]}
	}
	for _, c := range o["calendar"].([]any) {
		c.(map[string]any)["dayLabel"] = map[string]any{"firstDay": "$firstDay", "nameMap": "en", "fontSize": 9}
		c.(map[string]any)["monthLabel"] = map[string]any{"fontSize": 10}
	}
	piece := func(p map[string]any, label, color string) map[string]any {
		p["label"], p["color"] = label, color
		return p
	}
	legend := func(seriesIndex int, top int, pieces ...map[string]any) map[string]any {
		return map[string]any{"type": "piecewise", "seriesIndex": seriesIndex, "dimension": []string{"cal", "ready"}[seriesIndex],
			"orient": "horizontal", "top": top, "left": 0, "itemWidth": 12, "itemHeight": 10, "textStyle": map[string]any{"fontSize": 10}, "pieces": pieces}
	}
	o["visualMap"] = []any{
		legend(0, 0,
			piece(map[string]any{"max": -1.5}, "rest", "$c-restCell"), piece(map[string]any{"min": -1.5, "max": -0.5}, "rest + work-in", "$c-sport-workin"),
			piece(map[string]any{"min": 0, "max": 40}, "< 40 LP", "$c-load1"), piece(map[string]any{"min": 40, "max": 80}, "40–80", "$c-load2"),
			piece(map[string]any{"min": 80, "max": 120}, "80–120", "$c-load3"), piece(map[string]any{"min": 120}, "≥ 120", "$c-load4")),
		legend(1, 172,
			piece(map[string]any{"max": "$rest"}, "readiness < $rest", "$c-heat4"), piece(map[string]any{"min": "$rest", "max": "$low"}, "low", "$c-heat3"),
			piece(map[string]any{"min": "$low", "max": 60}, "40–60", "$c-heat2"), piece(map[string]any{"min": 60, "max": 75}, "60–75", "$c-heat1"),
			piece(map[string]any{"min": 75}, "≥ 75 usual", "$c-heat0")),
	}
}

// timelineChart: the advice given for each next session (top row), then
// one row per rule that held in the window ("$rows"), darker on alert days.
func timelineChart() charts.Overlaper {
	h := charts.NewHeatMap()
	x := dayAxis(0, true)
	x.Data = "$dates"
	h.SetGlobalOptions(append(base("timeline", 0),
		charts.WithXAxisOpts(x),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), Data: "$rows", AxisLabel: &opts.AxisLabel{FontSize: 10}}),
		charts.WithGridOpts(opts.Grid{Left: "16", Right: "24", Top: "16", Bottom: "56", ContainLabel: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
	)...)
	h.AddSeries("advice", nil, charts.WithDatasetIndex(dsAdvice), charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Id = "advice" }))
	h.AddSeries("rules", nil, charts.WithDatasetIndex(dsFlags), charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Id = "flags" }))
	return h
}

// patchTimeline names the datasets' dimensions, draws the advice as shapes
// coloured by action and the rules as cells by level.
func patchTimeline(o map[string]any) {
	for _, s := range series(o) {
		s.(map[string]any)["encode"] = map[string]any{"x": "x", "y": "y", "value": "v"}
	}
	// The advice row is shapes, not cells: each action has its shape (set
	// by report.js from the action), so colour is never alone.
	adv := series(o)[0].(map[string]any)
	adv["type"], adv["symbolSize"] = "scatter", 9
	adv["itemStyle"] = map[string]any{"borderColor": colInk, "borderWidth": 1}
	adv["encode"] = map[string]any{"x": "x", "y": "y"}
	var pieces []any
	for a := metrics.Action(0); a < metrics.NumActions; a++ {
		pieces = append(pieces, map[string]any{"value": int(a), "label": a.String(), "color": actionColours[a]})
	}
	o["visualMap"] = []any{
		map[string]any{"type": "piecewise", "seriesIndex": 0, "dimension": "v", "show": false, "pieces": pieces},
		map[string]any{"type": "piecewise", "seriesIndex": 1, "dimension": "v", "show": false, "pieces": []any{
			map[string]any{"value": 1, "label": "warn", "color": "$c-spanWarnMark"}, map[string]any{"value": 2, "label": "alert", "color": "$c-spanAlertMark"}}},
	}
}

// actionColours colour each advice in the timeline (with its shape in the
// tooltip and the table: colour is never alone).
var actionColours = [metrics.NumActions]string{
	metrics.Go: "$c-go", metrics.Unknown: "$c-unknown", metrics.Easy: "$c-easy", metrics.WorkIn: "$c-workin", metrics.Rest: "$c-rest",
}

// ruleRows are the rows of the timeline: the advice, then the rules that
// held in the days shown, in report order.
func ruleRows(days []metrics.Day) []string {
	rows := []string{"advice"}
	for k, name := range metrics.RuleNames() {
		for i := range days {
			if days[i].Rules[k].Holds {
				rows = append(rows, name)
				break
			}
		}
	}
	return rows
}

// placeholders lists the "$name" strings of a skeleton, for the test that
// checks that every athlete's vars resolve them.
func placeholders(raw []byte) []string {
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case string:
			if strings.HasPrefix(x, "$") {
				out = append(out, x)
			}
		}
	}
	var v any
	json.Unmarshal(raw, &v)
	walk(v)
	return out
}

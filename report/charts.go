package report

import (
	"encoding/json"
	"fmt"
	"sync"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Chart options are built with go-echarts once per chart kind, without
// data: every series reads its values from a dataset by dimension name
// (encode). The page holds these option skeletons once, plus one columnar
// dataset per athlete, and report.js joins them when a chart scrolls into
// view. This keeps a 200-athlete report small and its charts lazy.
//
// Dataset 0 has one row per day (dimensions below), dataset 1 one row per
// week. Sport series are a prototype with id "sport" that report.js copies
// once per sport of the athlete (dimensions s0, s1, … and w0, w1, …).

// Colours of the report design (Okabe–Ito based): blue for the series a
// chart is named after, ink for comparisons, grey for bands and form.
const (
	colBlue  = "#0072B2"
	colInk   = "#1A1A1A"
	colGrey  = "#6B6B6B"
	colLight = "#BBBBBB"
	colBand  = "rgba(0,114,178,.10)"
)

var (
	skeletonOnce sync.Once
	skeletonJSON []byte
	skeletonErr  error
)

// chartSkeletons returns the option skeletons of every chart kind as one
// JSON object, built once per process.
func chartSkeletons() ([]byte, error) {
	skeletonOnce.Do(func() {
		all := map[string]json.RawMessage{}
		for _, b := range []struct {
			kind  string
			build func() charts.Overlaper
		}{
			{"daily", dailyChart}, {"weekly", weeklyChart}, {"pmc", pmcChart},
			{"acwr", acwrChart}, {"mono", monoChart},
			{"readiness", readinessChart}, {"hrv", hrvChart}, {"rhr", rhrChart},
			{"wellness", wellnessChart}, {"calendar", calendarChart}, {"timeline", timelineChart},
			{"teamload", teamLoadChart}, {"teamready", teamReadyChart},
		} {
			all[b.kind] = json.RawMessage(optionOf(b.build()))
		}
		skeletonJSON, skeletonErr = json.Marshal(all)
	})
	return skeletonJSON, skeletonErr
}

// optionOf renders a chart's option JSON through go-echarts.
func optionOf(c charts.Overlaper) string {
	switch x := c.(type) {
	case *charts.Bar:
		return x.RenderSnippet().Option
	case *charts.Line:
		return x.RenderSnippet().Option
	case *charts.HeatMap:
		return x.RenderSnippet().Option
	}
	panic(fmt.Sprintf("report: no option renderer for %T", c))
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
		SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: "#E3E5E8"}}}
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
		s.ItemStyle = &opts.ItemStyle{Color: "#FFFFFF", BorderColor: colInk, BorderWidth: 1.5}
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
	ds1 := charts.WithDatasetIndex(1)
	bar.AddSeries("sport", nil, ds1, encode("week", "w0"), charts.WithSeriesOpts(func(s *charts.SingleSeries) {
		s.Id, s.Stack, s.BarMaxWidth = "sport", "load", "28"
	}))
	line := charts.NewLine()
	line.AddSeries("lighter-week line", nil, ds1, encode("week", "limit"), styled("limit", colGrey, 1.5, "dashed", 0),
		charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Step = "middle" }))
	line.AddSeries("total", nil, ds1, encode("week", "total"), charts.WithSeriesOpts(func(s *charts.SingleSeries) {
		s.Type, s.Id, s.Symbol, s.SymbolSize = "scatter", "total", "none", 0
		s.Label = &opts.Label{Show: opts.Bool(true), Position: "top", Color: colGrey, FontSize: 11}
	}))
	bar.Overlap(line)
	return bar
}

// twoGrids lays out a main grid and a smaller one under it that share the
// day axis (and the zoom).
func twoGrids(id, topName, bottomName string) []charts.GlobalOpts {
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
	line.SetGlobalOptions(twoGrids("pmc", "LP/day", "form")...)
	addBottomAxes(line, "form")
	line.AddSeries("fitness (CTL)", nil, encode("date", "ctl"), styled("ctl", colBlue, 2, "solid", 0))
	line.AddSeries("fatigue (ATL)", nil, encode("date", "atl"), styled("atl", colInk, 1.5, "dashed", 0))
	bar := charts.NewBar()
	bar.AddSeries("form (TSB)", nil, encode("date", "tsb"), charts.WithSeriesOpts(func(s *charts.SingleSeries) {
		s.Id, s.XAxisIndex, s.YAxisIndex, s.BarMaxWidth = "tsb", 1, 1, "8"
		s.ItemStyle = &opts.ItemStyle{Color: colGrey}
	}))
	line.Overlap(bar)
	return line
}

// acwrChart: the acute:chronic ratio with the commonly cited 0.8–1.3 range
// and the load-spike line, and below it the two averages it divides.
func acwrChart() charts.Overlaper {
	line := charts.NewLine()
	line.SetGlobalOptions(twoGrids("acwr", "ratio", "LP/day")...)
	addBottomAxes(line, "LP/day")
	line.AddSeries("acute:chronic", nil, encode("date", "acwr"), styled("acwr", colBlue, 2, "solid", 0),
		charts.WithSeriesOpts(func(s *charts.SingleSeries) {
			s.MarkAreas = &opts.MarkAreas{
				Data: []interface{}{[]map[string]any{{"name": "0.8–1.3 commonly cited range (team sports, disputed)", "yAxis": 0.8}, {"yAxis": 1.3}}},
				MarkAreaStyle: opts.MarkAreaStyle{ItemStyle: &opts.ItemStyle{Color: colBand},
					Label: &opts.Label{Show: opts.Bool(true), Position: "insideTopLeft", Color: colGrey, FontSize: 10}},
			}
			s.MarkLines = &opts.MarkLines{Data: []interface{}{map[string]any{"name": "load-spike rule", "yAxis": 1.5}},
				MarkLineStyle: opts.MarkLineStyle{Symbol: []string{"none", "none"},
					LineStyle: &opts.LineStyle{Color: colInk, Type: "dashed", Width: 1},
					Label:     &opts.Label{Show: opts.Bool(true), Position: "insideEndTop", Formatter: "load-spike rule {c}", Color: colInk, FontSize: 10}}}
		}))
	line.AddSeries("acute (7-day)", nil, encode("date", "acute"), styled("acute", colInk, 1.5, "solid", 1))
	line.AddSeries("chronic (28-day)", nil, encode("date", "chronic"), styled("chronic", colGrey, 1.5, "dashed", 1))
	return line
}

// monoChart: monotony with Foster's limit 2.0 (and 1.5, preferable below),
// strain bars below.
func monoChart() charts.Overlaper {
	line := charts.NewLine()
	line.SetGlobalOptions(twoGrids("mono", "monotony", "strain")...)
	addBottomAxes(line, "strain")
	line.AddSeries("monotony", nil, encode("date", "mono"), styled("mono", colBlue, 2, "solid", 0),
		charts.WithSeriesOpts(func(s *charts.SingleSeries) {
			s.MarkLines = &opts.MarkLines{Data: []interface{}{
				map[string]any{"name": "limit (Foster 1998)", "yAxis": 2, "lineStyle": map[string]any{"type": "dashed", "color": colInk}},
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

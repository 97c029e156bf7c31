package report

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// The recovery side's chart skeletons. Status colours (Okabe–Ito) appear
// only on bands and rule spans, never on data lines.
const (
	colRest   = "rgba(213,94,0,.16)"
	colLow    = "rgba(230,159,0,.14)"
	colBandHR = "rgba(107,107,107,.10)"
)

// readinessChart: readiness on a fixed 0–100 axis with the rest-trigger and
// low bands and the "your usual" line at 75; the four sub-scores below.
func readinessChart() charts.Overlaper {
	line := charts.NewLine()
	line.SetGlobalOptions(twoGrids("readiness", "0–100", "sub-scores")...)
	addBottomAxes(line, "sub-scores")
	line.YAxisList[0].Min, line.YAxisList[0].Max = 0, 100
	line.YAxisList[1].Min, line.YAxisList[1].Max = 0, 100
	line.AddSeries("readiness", nil, encode("date", "ready"), styled("ready", colInk, 2, "solid", 0),
		charts.WithSeriesOpts(func(s *charts.SingleSeries) {
			s.ShowSymbol, s.Symbol, s.SymbolSize = opts.Bool(true), "circle", 4
			s.MarkAreas = &opts.MarkAreas{
				Data: []interface{}{
					[]map[string]any{{"name": "rest trigger", "yAxis": 0, "itemStyle": map[string]any{"color": colRest}}, {"yAxis": 25}},
					[]map[string]any{{"name": "low", "yAxis": 25, "itemStyle": map[string]any{"color": colLow}}, {"yAxis": 40}},
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
			SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: "#E3E5E8"}}}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "52", Bottom: "56", ContainLabel: opts.Bool(true)}),
	)...)
	band := func(id, name, y string, area bool) charts.SeriesOpts {
		return charts.WithSeriesOpts(func(s *charts.SingleSeries) {
			s.Id, s.Stack, s.Symbol, s.ShowSymbol = id, "band", "none", opts.Bool(false)
			s.LineStyle = &opts.LineStyle{Opacity: opts.Float(0)}
			s.ItemStyle = &opts.ItemStyle{Color: "rgba(0,114,178,.35)"}
			if area {
				s.AreaStyle = &opts.AreaStyle{Color: colBand, Opacity: opts.Float(1)}
			}
		})
	}
	line.AddSeries("band low", nil, encode("date", "hlo"), band("hlo", "band low", "hlo", false))
	line.AddSeries("normal range", nil, encode("date", "hw"), band("hw", "normal range", "hw", true))
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
			SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: "#E3E5E8"}}}),
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

// wellnessChart: sleep hours against the 7–9 h adult guideline, and a strip
// of the check-in items below (filled in by report.js as a heatmap: darker
// is worse for you).
func wellnessChart() charts.Overlaper {
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(base("wellness", 0, 1),
		charts.WithGridOpts(
			opts.Grid{Left: "8", Right: "24", Top: "52", Height: "34%", ContainLabel: opts.Bool(true)},
			opts.Grid{Left: "8", Right: "24", Top: "56%", Bottom: "56", ContainLabel: opts.Bool(true)},
		),
		charts.WithXAxisOpts(dayAxis(0, false)),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: "sleep (h)", Min: 0, Max: 10, SplitNumber: 2,
			SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: "#E3E5E8"}}}),
	)...)
	bar.ExtendXAxis(dayAxis(1, true))
	bar.ExtendYAxis(opts.YAxis{Type: "category", GridIndex: 1, Inverse: opts.Bool(true),
		Data: []string{"sleep quality", "soreness", "stress", "mood", "energy"}})
	bar.AddSeries("sleep", nil, encode("date", "sleep"), charts.WithSeriesOpts(func(s *charts.SingleSeries) {
		s.Id, s.BarMaxWidth = "sleep", "10"
		s.ItemStyle = &opts.ItemStyle{Color: colBlue}
		s.MarkAreas = &opts.MarkAreas{Data: []interface{}{[]map[string]any{{"name": "7–9 h adult guideline", "yAxis": 7}, {"yAxis": 9}}},
			MarkAreaStyle: opts.MarkAreaStyle{ItemStyle: &opts.ItemStyle{Color: colBandHR},
				Label: &opts.Label{Show: opts.Bool(true), Position: "insideTopLeft", Color: colGrey, FontSize: 10}}}
	}))
	return bar
}

// calendarChart and timelineChart are laid out entirely by report.js
// (calendar ranges, rows and colours depend on the athlete); these
// skeletons carry the shared parts.
func calendarChart() charts.Overlaper {
	h := charts.NewHeatMap()
	h.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: "calendar", Width: "100%", Height: "320px"}),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	)
	return h
}

func timelineChart() charts.Overlaper {
	h := charts.NewHeatMap()
	h.SetGlobalOptions(append(base("timeline", 0),
		charts.WithXAxisOpts(dayAxis(0, true)),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{FontSize: 10}}),
		charts.WithGridOpts(opts.Grid{Left: "16", Right: "24", Top: "16", Bottom: "56", ContainLabel: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	)...)
	return h
}

// teamLoadChart and teamReadyChart are the overview's team charts; series
// are added by report.js, one per athlete.
func teamLoadChart() charts.Overlaper {
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: "teamload", Width: "100%", Height: "320px"}),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Left: "0", Type: "scroll"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
		charts.WithYAxisOpts(valueAxis("LP", 0)),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "52", Bottom: "8", ContainLabel: opts.Bool(true)}),
	)
	return bar
}

func teamReadyChart() charts.Overlaper {
	h := charts.NewHeatMap()
	h.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: "teamready", Width: "100%", Height: "320px"}),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "40", Bottom: "8", ContainLabel: opts.Bool(true)}),
	)
	return h
}

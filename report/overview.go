package report

import (
	"cmp"

	"fmt"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
)

// The coach's overview: one row per athlete, most in need of attention
// first, readable without scripts (a mail viewer) and on a phone.

type overviewView struct {
	Counts   []countView
	NoCheck  int // athletes without a check-in in the last two days
	Needs    int // athletes whose advice is not go, or who lack a check-in
	Filters  []string
	Split    bool // names link to each athlete's own page
	Packed   bool // the athletes' bodies are packed (a big team)
	LoadRead string
	Rows     []rosterRow
	Charts   bool        // the team charts (two or more athletes)
	TeamData template.JS // the team charts' options, data included
	// ReadyHeight is the height of the team readiness chart: up to
	// teamReadyRows rows shown, the rest scroll.
	ReadyHeight int
}

type countView struct {
	Shape, Word, Class string
	N                  int
}

type rosterRow struct {
	Href, Name, Class, Shape, Action, Kind string
	Rules                                  []string
	Unchecked                              []string // rules that could not be checked
	New                                    bool
	Readiness, ACWR, Form, LastRest        string
	Load, LoadNote, CheckIn                string
	Headroom                               headroomCell // tomorrow's tightest limit
	Stale                                  bool         // no check-in for two days or more
	Needs                                  bool         // advice other than go, or stale
	// ChipShape is the shape the page shows (hollow when stale), CheckWhy
	// what a stale check-in means; the Markdown has its own words.
	ChipShape, CheckWhy string
	Spark               template.HTML
	// Order is the row's place in the default order; the sort keys are
	// numbers ("" for none) that report.js sorts by.
	Order                                             int
	ReadySort, ACWRSort, FormSort, LoadSort, RestSort string
	CheckSort                                         string
}

// rosterOrder sorts athletes by the severity of their advice, then by
// readiness (lowest first; unknown before known, as it needs a look).
func rosterOrder(parts []*Part) []int {
	order := make([]int, len(parts))
	for i := range order {
		order[i] = i
	}
	key := func(i int) (int, float64) {
		s := parts[i].Summary
		sev := int(s.Recommendation.Action)
		if !s.HasData {
			sev = -1
		}
		r := s.Readiness
		if !metrics.Known(r) {
			r = -1
		}
		return sev, r
	}
	slices.SortStableFunc(order, func(a, b int) int {
		sa, ra := key(a)
		sb, rb := key(b)
		return cmp.Or(cmp.Compare(sb, sa), cmp.Compare(ra, rb))
	})
	return order
}

func buildOverview(r *Report, parts []*Part, href func(i int) string) overviewView {
	v := overviewView{Charts: len(parts) > 1, ReadyHeight: max(320, 60+18*min(len(parts), teamReadyRows))}
	v.LoadRead = "Each bar is a week's total load, split by athlete: who is carrying the load, and whether the team had a lighter week."
	if len(parts) > teamTop+1 {
		v.LoadRead = fmt.Sprintf("Each bar is a week's total load: the %d athletes with the most load over these weeks by name, everyone else together as “others”.", teamTop)
	}
	counts := map[metrics.Action]int{}
	for k, i := range rosterOrder(parts) {
		s := parts[i].Summary
		row := rosterRow{Href: href(i), Name: s.Name, Order: k}
		if !s.HasData {
			row.Class, row.Shape, row.ChipShape, row.Action = "nodata", "○", "○", "no data"
			row.Readiness, row.ACWR, row.Form, row.LastRest, row.Load, row.CheckIn = dash, dash, dash, dash, dash, "none"
			row.Headroom = headroomCell{Load: dash}
			row.Needs = true
			v.Needs++
			v.Rows = append(v.Rows, row)
			continue
		}
		rec := s.Recommendation
		counts[rec.Action]++
		look := actionLooks[rec.Action]
		row.Class, row.Shape, row.Action, row.Kind = look.class, look.shape, rec.Action.String(), rec.WorkIn.String()
		row.ChipShape = look.shape
		for _, e := range rec.Evidence {
			if e.Rule != "readiness" {
				row.Rules = append(row.Rules, e.Rule)
			}
			if int(r.AsOf-e.Since) < 7 {
				row.New = true
			}
		}
		for _, u := range rec.Unchecked {
			row.Unchecked = append(row.Unchecked, u.Rule)
		}
		row.Readiness, row.ACWR, row.Form = text.Fixed(s.Readiness, 0), ratio(s.ACWR), text.Signed(s.Form, 0)
		row.LastRest = "none"
		if s.LastRest != metrics.NoDate {
			row.LastRest = dayLabel(r.AsOf, s.LastRest)
		}
		row.Load = lp(s.Last7) + " LP"
		if metrics.Known(s.Avg4) && s.Avg4 > 0 {
			row.LoadNote = fmt.Sprintf("4-wk avg %s, %s %%", lp(s.Avg4), text.Signed(100*(s.Last7/s.Avg4-1), 0))
		}
		row.CheckIn, row.Stale = checkinAge(r.AsOf, s.LastCheckin)
		row.Headroom = s.Headroom
		row.Headroom.Load = cmp.Or(row.Headroom.Load, dash)
		if row.Stale {
			v.NoCheck++
			row.ChipShape, row.CheckWhy = hollow[rec.Action], "advice on load alone"
		}
		row.Needs = rec.Action != metrics.Go || row.Stale
		if row.Needs {
			v.Needs++
		}
		row.ReadySort, row.ACWRSort, row.FormSort = sortKey(s.Readiness), sortKey(s.ACWR), sortKey(s.Form)
		row.LoadSort = sortKey(s.Last7)
		if s.LastRest != metrics.NoDate {
			row.RestSort = fmt.Sprint(int(r.AsOf - s.LastRest))
		}
		row.CheckSort = "100000"
		if s.LastCheckin != metrics.NoDate {
			row.CheckSort = fmt.Sprint(int(r.AsOf - s.LastCheckin))
		}
		row.Spark = sparkSVG(s.Trend)
		v.Rows = append(v.Rows, row)
	}
	for _, a := range []metrics.Action{metrics.Rest, metrics.WorkIn, metrics.Easy, metrics.Unknown, metrics.Go} {
		if a == metrics.Unknown && counts[a] == 0 {
			continue // a chip only when some advice could not be given
		}
		look := actionLooks[a]
		v.Counts = append(v.Counts, countView{look.shape, a.String(), look.class, counts[a]})
		v.Filters = append(v.Filters, look.class)
	}
	v.Filters = append(v.Filters, "stale", "action")
	return v
}

// hollow is the shape of an advice that rests on load alone (no recent
// check-in): the report design's hollow shape, with a "?".
var hollow = [metrics.NumActions]string{
	metrics.Go: "○", metrics.Unknown: "?", metrics.Easy: "◌", metrics.WorkIn: "◌", metrics.Rest: "□",
}

// sortKey is a number for the roster's sort, "" when unknown.
func sortKey(v float64) string {
	if !metrics.Known(v) {
		return ""
	}
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

// checkinAge says how old the last check-in is; two days or more is stale.
func checkinAge(asOf, last metrics.Date) (string, bool) {
	switch {
	case last == metrics.NoDate:
		return "none", true
	case last == asOf:
		return "today", false
	case last == asOf-1:
		return "yesterday", false
	}
	return fmt.Sprintf("%d d ago", int(asOf-last)), true
}

// sparkSVG draws a 28-day readiness trend as inline SVG (numbers only).
func sparkSVG(vals []float64) template.HTML {
	const w, h = 84.0, 20.0
	path := sparkPath(vals, w, h, len(vals))
	if path == "" {
		return ""
	}
	return template.HTML(fmt.Sprintf(`<svg class="spark" viewBox="0 0 %.0f %.0f" width="%.0f" height="%.0f" aria-hidden="true"><path d="%s"/></svg>`, w, h, w, h, path))
}

// sparkPath draws readiness values (0–100, Missing lifts the pen) as an
// SVG path across a w × h box of slots places; "" when none is known.
func sparkPath(vals []float64, w, h float64, slots int) string {
	var path strings.Builder
	pen := false
	for i, v := range vals {
		if !metrics.Known(v) {
			pen = false
			continue
		}
		x := w * float64(i) / math.Max(1, float64(slots-1))
		y := h - 2 - (h-4)*v/100
		if pen {
			fmt.Fprintf(&path, "L%.1f %.1f", x, y)
		} else {
			fmt.Fprintf(&path, "M%.1f %.1f", x, y)
		}
		pen = true
	}
	return path.String()
}

// teamData writes the options of the team charts, data included (there is
// one of each per page), built with go-echarts: {"teamload": …,
// "teamready": …}.
func teamData(r *Report, parts []*Part) []byte {
	order := rosterOrder(parts)
	last := r.AsOf.WeekStart(weekStart(parts))
	weeks := make([]metrics.Date, teamWeeks)
	for k := range weeks {
		weeks[k] = last - metrics.Date(7*(teamWeeks-1-k))
	}
	load, err := optionOf(teamLoadChart(parts, order, weeks), nil)
	if err != nil {
		return []byte("{}")
	}
	ready, err := optionOf(teamReadyChart(r, parts, order), patchTeamReady)
	if err != nil {
		return []byte("{}")
	}
	var w jw
	w.obj()
	w.key("teamload")
	w.raw(string(load))
	w.key("teamready")
	w.raw(string(ready))
	// The readiness grid, one row of 28 days per athlete in the roster's
	// order, null for no check-in: report.js makes the heatmap's cells
	// (and the missing ones) from it.
	w.key("grid")
	w.arr()
	for _, i := range order {
		s := parts[i].Summary
		pad := 28 - len(s.Trend)
		w.arr()
		for k := 0; k < 28; k++ {
			if k >= pad {
				w.round(s.Trend[k-pad], 0)
			} else {
				w.raw("null")
			}
		}
		w.endArr()
	}
	w.endArr()
	w.endObj()
	return w.b
}

// teamTop is how many athletes the team load chart names; the others are
// summed into one series, so the legend never pages.
const teamTop = 8

// teamPalette colours the named athletes of the team load chart (tokens
// of report.css, light and dark, neighbours distinguishable); the others
// are grey.
var teamPalette = [teamTop]string{"$c-team0", "$c-team1", "$c-team2", "$c-team3", "$c-team4", "$c-team5", "$c-team6", "$c-team7"}

// teamLoadChart stacks each week's load by athlete: the teamTop athletes
// with the most load over the weeks shown by name, the rest as "others".
func teamLoadChart(parts []*Part, order []int, weeks []metrics.Date) *charts.Bar {
	loadOf := func(p *Part) []float64 {
		out := make([]float64, len(weeks))
		for k, d := range weeks {
			out[k] = metrics.Missing()
			for _, x := range p.Summary.Weeks {
				if x.Start == d {
					out[k] = x.Load
				}
			}
		}
		return out
	}
	total := func(xs []float64) (t float64) {
		for _, x := range xs {
			if metrics.Known(x) {
				t += x
			}
		}
		return t
	}
	type row struct {
		name string
		load []float64
	}
	rows := make([]row, len(order))
	for k, i := range order {
		rows[k] = row{parts[i].Summary.Name, loadOf(parts[i])}
	}
	if len(rows) > teamTop+1 {
		slices.SortStableFunc(rows, func(a, b row) int { return cmp.Compare(total(b.load), total(a.load)) })
		others := row{fmt.Sprintf("others (%d athletes)", len(rows)-teamTop), make([]float64, len(weeks))}
		for _, r := range rows[teamTop:] {
			for k, v := range r.load {
				if metrics.Known(v) {
					others.load[k] += v
				}
			}
		}
		rows = append(rows[:teamTop:teamTop], others)
	}
	labels := make([]string, len(weeks))
	for k, d := range weeks {
		labels[k] = d.String()
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: "teamload", Width: "100%", Height: "320px"}),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Left: "0"}),
		charts.WithYAxisOpts(valueAxis("LP", 0)),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "60", Bottom: "8", ContainLabel: opts.Bool(true)}),
	)
	bar.SetXAxis(labels)
	for k, r := range rows {
		color := "$c-teamOther"
		if k < teamTop {
			color = teamPalette[k]
		}
		data := make([]opts.BarData, len(r.load))
		for j, v := range r.load {
			if metrics.Known(v) {
				data[j] = opts.BarData{Value: math.Round(v)}
			} else {
				data[j] = opts.BarData{Value: nil}
			}
		}
		bar.AddSeries(r.name, data, charts.WithSeriesOpts(func(s *charts.SingleSeries) {
			s.Stack, s.BarMaxWidth = "team", "28"
			s.ItemStyle = &opts.ItemStyle{Color: color}
		}))
	}
	return bar
}

// teamReadyChart is everyone's readiness over the last 28 days, one row per
// athlete in the roster's order.
func teamReadyChart(r *Report, parts []*Part, order []int) *charts.HeatMap {
	start := r.AsOf - 27
	days := make([]string, 28)
	for k := range days {
		days[k] = (start + metrics.Date(k)).String()
	}
	names := make([]string, len(order))
	for row, i := range order {
		names[row] = parts[i].Summary.Name
	}
	h := charts.NewHeatMap()
	h.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: "teamready", Width: "100%", Height: "320px"}),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Right: "0", Data: []string{"no check-in"}}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: days}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), Data: names}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "40", Bottom: "8", ContainLabel: opts.Bool(true)}),
	)
	// The cells come from the grid (teamData), made by report.js. A day
	// without a check-in is drawn as missing, an empty dashed box with its
	// own legend entry, never as a shade of readiness.
	h.AddSeries("readiness", nil)
	h.AddSeries("no check-in", nil, charts.WithItemStyleOpts(opts.ItemStyle{Color: colPanel, BorderColor: colMuted, BorderWidth: 1}))
	return h
}

// patchTeamReady adds the readiness pieces (go-echarts has no piece
// labels) and, past 30 athletes, a scroll through the rows.
func patchTeamReady(o map[string]any) {
	o["visualMap"] = []any{map[string]any{"type": "piecewise", "show": true, "orient": "horizontal", "top": 0, "left": 0,
		"itemWidth": 12, "itemHeight": 10, "textStyle": map[string]any{"fontSize": 10}, "dimension": 2, "seriesIndex": 0,
		"pieces": []any{
			map[string]any{"min": 0, "max": 25, "label": "< 25", "color": "$c-heat4"}, map[string]any{"min": 25, "max": 40, "label": "25–40", "color": "$c-heat3"},
			map[string]any{"min": 40, "max": 60, "label": "40–60", "color": "$c-heat2"}, map[string]any{"min": 60, "max": 75, "label": "60–75", "color": "$c-heat1"},
			map[string]any{"min": 75, "label": "≥ 75", "color": "$c-heat0"}}}}
	if ss := series(o); len(ss) > 1 {
		if st, ok := ss[1].(map[string]any)["itemStyle"].(map[string]any); ok {
			st["borderType"] = "dashed"
		}
	}
	if l, ok := o["legend"].(map[string]any); ok {
		l["itemWidth"], l["itemHeight"], l["textStyle"] = 12, 10, map[string]any{"fontSize": 10}
	}
	ys, _ := o["yAxis"].([]any)
	if len(ys) == 0 {
		return
	}
	names, _ := ys[0].(map[string]any)["data"].([]any)
	if rows := len(names); rows > teamReadyRows {
		o["dataZoom"] = []any{
			map[string]any{"type": "slider", "yAxisIndex": 0, "right": 0, "width": 14, "startValue": 0, "endValue": teamReadyRows - 1, "labelFormatter": ""},
			map[string]any{"type": "inside", "yAxisIndex": 0, "startValue": 0, "endValue": teamReadyRows - 1, "zoomOnMouseWheel": false, "moveOnMouseWheel": true},
		}
		if g, ok := o["grid"].([]any); ok && len(g) > 0 {
			g[0].(map[string]any)["right"] = 28
		}
	}
}

// teamReadyRows is how many athletes the readiness chart shows at once.
const teamReadyRows = 30

func weekStart(parts []*Part) time.Weekday {
	if len(parts) > 0 {
		return parts[0].Summary.Params.WeekStart
	}
	return time.Monday
}

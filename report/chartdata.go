package report

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
)

// window is the part of an athlete's series the HTML shows.
type window struct {
	from, to int // day indexes, inclusive; from > to when there are no days
	weekFrom int // first week index shown
}

func detailWindow(a *metrics.Analysis, weeks int) window {
	w := window{from: 0, to: len(a.Days) - 1}
	if weeks > 0 && len(a.Days) > weeks*7 {
		w.from = len(a.Days) - weeks*7
	}
	if len(a.Days) > 0 {
		first := a.Days[w.from].Date
		for i, wk := range a.Weeks {
			if wk.Start+6 >= first {
				w.weekFrom = i
				break
			}
		}
	}
	return w
}

// firstSession is the index of the first session on or after day d
// (sessions are sorted by date).
func firstSession(ss []metrics.Session, d metrics.Date) int {
	return sort.Search(len(ss), func(i int) bool { return ss[i].Date >= d })
}

// sportGroup is one stack of the load charts: a sport, the work-ins, or
// the rare sports together as "other", so that neighbouring colours stay
// distinguishable and a legend never pages.
type sportGroup struct {
	name   string // as the legend shows it
	colour string // a "$c-sport-…" colour token (report.css), resolved by report.js
	rpe    bool   // some of its load was estimated from RPE
}

// maxNamedSports is how many sports keep their own stack; the rest, and
// any sport under minSportShare of the load shown, are "other".
const (
	maxNamedSports = 5
	minSportShare  = 0.03
)

// sportFamilies give a sport its colour by family, as in the report
// design: ride blue, run sky, swim yellow, strength grey. A second sport
// of one family (a virtual ride beside rides) takes an extra colour, so
// two stacks never share one.
var sportFamilies = []struct {
	colour string
	is     func(key string) bool
}{
	{"$c-sport-ride", func(k string) bool {
		return strings.Contains(k, "ride") || strings.Contains(k, "bike") || strings.Contains(k, "cycl")
	}},
	{"$c-sport-run", metrics.IsRun},
	{"$c-sport-swim", func(k string) bool { return strings.Contains(k, "swim") }},
	{"$c-sport-strength", func(k string) bool {
		return strings.Contains(k, "strength") || strings.Contains(k, "weight") || strings.Contains(k, "gym") || strings.Contains(k, "lift")
	}},
}

var sportExtras = [maxNamedSports]string{"$c-sport-x1", "$c-sport-x2", "$c-sport-x3", "$c-sport-x4", "$c-sport-x5"}

// sportGroups groups the sessions from day first on into stacks, largest
// load first, work-ins and "other" last, and returns for each sport key
// its stack.
func sportGroups(a *metrics.Analysis, first metrics.Date) ([]sportGroup, map[string]int) {
	load := map[string]float64{}
	rpe := map[string]bool{}
	var total float64
	for i := firstSession(a.Sessions, first); i < len(a.Sessions); i++ {
		s := &a.Sessions[i]
		load[s.SportKey] += s.LP
		total += s.LP
		if s.Source == metrics.SrcSRPE && s.LP > 0 {
			rpe[s.SportKey] = true
		}
	}
	keys := make([]string, 0, len(load))
	for _, k := range a.Sports { // largest total load first: the order of ties
		if _, ok := load[k]; ok {
			keys = append(keys, k)
		}
	}
	slices.SortStableFunc(keys, func(x, y string) int { return cmp.Compare(load[y], load[x]) })
	var groups []sportGroup
	of := map[string]int{}
	var workins, others []string
	used := map[string]bool{}
	extra := 0
	for _, k := range keys {
		switch {
		case metrics.IsWorkIn(k):
			workins = append(workins, k)
			continue
		case len(groups) >= maxNamedSports || load[k] <= 0 || load[k] < minSportShare*total:
			others = append(others, k)
			continue
		}
		colour := ""
		for _, f := range sportFamilies {
			if f.is(k) && !used[f.colour] {
				colour = f.colour
				break
			}
		}
		if colour == "" {
			colour = sportExtras[extra]
			extra++
		}
		used[colour] = true
		of[k] = len(groups)
		groups = append(groups, sportGroup{name: k, colour: colour, rpe: rpe[k]})
	}
	add := func(ks []string, plural, colour string) {
		if len(ks) == 0 {
			return
		}
		g := sportGroup{name: ks[0], colour: colour}
		if len(ks) > 1 {
			g.name = plural + ": " + text.List(ks, 3)
		}
		for _, k := range ks {
			of[k] = len(groups)
			g.rpe = g.rpe || rpe[k]
		}
		groups = append(groups, g)
	}
	add(others, "other", "$c-sport-other")
	add(workins, "work-ins", "$c-sport-workin")
	return groups, of
}

// Day flags (the "f" column): what a day was, for the calendar, the ▲ of
// hard days and the daily chart.
const (
	dayRest       = 1 << iota // a completed rest day
	dayWorkIn                 // a work-in was done
	dayHard                   // a hard session
	dayInProgress             // the as-of day, not over
	dayUnknown                // a session of unknown load
)

func dayFlags(d *metrics.Day) int {
	f := 0
	if d.Rest {
		f |= dayRest
	}
	if d.WorkIn {
		f |= dayWorkIn
	}
	if d.Hard {
		f |= dayHard
	}
	if d.InProgress {
		f |= dayInProgress
	}
	if d.Unknown > 0 {
		f |= dayUnknown
	}
	return f
}

// chartData writes the athlete's datasets and placeholder values for
// report.js: the day and week datasets one column per dimension, values
// rounded to display precision; "vars" for the skeletons' "$name"
// placeholders; the rule spans and the sport stacks. What can be derived
// from these columns is derived in the browser rather than written twice
// (report.js, derive): the dates, the training calendar's codes, the ▲ of
// hard days, the elevated resting-HR marks, and the long-form datasets of
// the timeline and the check-in strip.
func chartData(a *Athlete, win window) ([]byte, dayColumns) {
	var w jw
	cols := dayColumns{}
	w.b = make([]byte, 0, 48*(win.to-win.from+1)+1024)
	w.obj()
	days := a.Days
	if win.from <= win.to {
		days = a.Days[win.from : win.to+1]
		w.kv("start", func() { w.date(days[0].Date) })
	}
	w.kv("n", func() { w.int(len(days)) })
	w.key("vars")
	chartVars(&w, a.Analysis, days)
	weeks := a.Weeks[min(win.weekFrom, len(a.Weeks)):]
	var groups []sportGroup
	var of map[string]int
	if len(days) > 0 {
		first := days[0].Date
		if len(weeks) > 0 {
			first = min(first, weeks[0].Start)
		}
		groups, of = sportGroups(a.Analysis, first)
	}
	w.key("ds")
	w.arr()
	w.obj()
	col := func(name string, d int, f func(*metrics.Day) float64) {
		vals := make([]float64, len(days))
		for i := range days {
			vals[i] = roundTo(f(&days[i]), d)
		}
		cols[name] = vals
		w.key(name)
		w.arr()
		for _, v := range vals {
			w.round(v, d)
		}
		w.endArr()
	}
	// Values are rounded to what the charts show.
	col("load", 0, func(d *metrics.Day) float64 { return d.Load })
	fitnessColumns(col)
	col("mono", 2, func(d *metrics.Day) float64 { return d.Monotony })
	col("strain", 0, func(d *metrics.Day) float64 { return d.Strain })
	col("f", 0, func(d *metrics.Day) float64 { return float64(dayFlags(d)) })
	col("act", 0, func(d *metrics.Day) float64 { return float64(d.Action) })
	recoveryColumns(col, a.Params)
	sportDays(&w, cols, a.Analysis, days, groups, of)
	w.endObj()
	weekData(&w, a.Analysis, weeks, groups, of)
	w.endArr()
	spans(&w, a.Analysis, days)
	if win.to == len(a.Days)-1 {
		planData(&w, a.Analysis)
	}
	w.key("sports")
	w.arr()
	for _, g := range groups {
		w.obj()
		w.kv("name", func() { w.str(g.name) })
		w.kv("color", func() { w.str(g.colour) })
		if g.rpe {
			w.kv("rpe", func() { w.int(1) })
		}
		w.endObj()
	}
	w.endArr()
	w.endObj()
	return w.b, cols
}

// roundTo rounds v to d decimals as the page shows it; Missing stays.
func roundTo(v float64, d int) float64 {
	if !metrics.Known(v) || math.IsInf(v, 0) {
		return metrics.Missing()
	}
	return math.Round(v*pow10[d]) / pow10[d]
}

// chartVars are the values the skeletons' placeholders stand for.
func chartVars(w *jw, a *metrics.Analysis, days []metrics.Day) {
	p := a.Params
	monoMax := p.MonotonyMax * 1.1
	for i := range days {
		if m := days[i].Monotony; metrics.Known(m) {
			monoMax = math.Max(monoMax, m)
		}
	}
	w.obj()
	w.kv("spike", func() { w.num(p.SpikeACWR) })
	w.kv("mono", func() { w.num(p.MonotonyMax) })
	w.kv("monoMax", func() { w.num(math.Ceil(monoMax*2) / 2) })
	w.kv("low", func() { w.num(p.ReadinessLow) })
	w.kv("rest", func() { w.num(p.ReadinessRest) })
	w.kv("firstDay", func() { w.int(int(p.WeekStart)) })
	if len(days) > 0 {
		w.kv("first", func() { w.date(days[0].Date) })
		w.kv("last", func() { w.date(days[len(days)-1].Date) })
	}
	w.kv("rows", func() { strList(w, ruleRows(days)) })
	if p := a.Projection; p != nil && len(p.Days) > 0 {
		w.kv("planFrom", func() { w.date(p.From) })
		w.kv("planTo", func() { w.date(p.To) })
	}
	w.endObj()
}

// planData writes the projection for the charts' dashed "plan" series
// (dataset dsPlan): the as-of day, so that the line joins the one drawn up
// to today, then each planned day, rounded as the day columns are. Nothing
// without planned days.
func planData(w *jw, a *metrics.Analysis) {
	p := a.Projection
	if p == nil || len(p.Days) == 0 || len(a.Days) == 0 {
		return
	}
	days := make([]*metrics.Day, 0, len(p.Days)+1)
	days = append(days, today(a))
	for i := range p.Days {
		days = append(days, &p.Days[i])
	}
	w.key("plan")
	w.obj()
	col := func(name string, d int, f func(*metrics.Day) float64) {
		w.key(name)
		w.arr()
		for _, day := range days {
			w.round(roundTo(f(day), d), d)
		}
		w.endArr()
	}
	fitnessColumns(col)
	w.endObj()
}

// fitnessColumns adds the fitness/fatigue/form and acute:chronic columns,
// rounded to what the charts show: the days' and the projection's alike.
func fitnessColumns(col func(string, int, func(*metrics.Day) float64)) {
	col("ctl", 0, func(d *metrics.Day) float64 { return d.CTL })
	col("atl", 0, func(d *metrics.Day) float64 { return d.ATL })
	col("tsb", 0, func(d *metrics.Day) float64 { return d.TSB })
	col("acwr", 2, func(d *metrics.Day) float64 { return d.ACWR })
	col("acute", 0, func(d *metrics.Day) float64 { return d.Acute })
	col("chronic", 0, func(d *metrics.Day) float64 { return d.Chronic })
}

// recoveryColumns adds the check-in, baseline and readiness columns.
func recoveryColumns(col func(string, int, func(*metrics.Day) float64), p metrics.Params) {
	col("ready", 0, func(d *metrics.Day) float64 { return d.Readiness })
	for i, name := range []string{"p_hrv", "p_rhr", "p_sleep", "p_well"} {
		col(name, 0, func(d *metrics.Day) float64 { return d.Parts[i].Score })
	}
	col("hrvln", 2, func(d *metrics.Day) float64 { return d.LnHRV })
	col("hrv7", 2, func(d *metrics.Day) float64 { return d.HRV7 })
	col("hlo", 2, func(d *metrics.Day) float64 { lo, _ := metrics.HRVRange(d.HRVRef, p.HRVSWCSD); return lo })
	col("hw", 2, func(d *metrics.Day) float64 { lo, hi := metrics.HRVRange(d.HRVRef, p.HRVSWCSD); return hi - lo })
	col("rhr", 0, func(d *metrics.Day) float64 { return d.RestingHR })
	col("rbase", 1, func(d *metrics.Day) float64 { return d.RHRRef.Mean })
	col("rlim", 1, func(d *metrics.Day) float64 { return d.RHRLimit })
	col("sleep", 1, func(d *metrics.Day) float64 { return d.SleepHours })
	col("sq", 1, func(d *metrics.Day) float64 { return d.SleepQuality })
	col("sore", 1, func(d *metrics.Day) float64 { return d.Soreness })
	col("stress", 1, func(d *metrics.Day) float64 { return d.Stress })
	col("mood", 1, func(d *metrics.Day) float64 { return d.Mood })
	col("energy", 1, func(d *metrics.Day) float64 { return d.Energy })
}

// spans lists the flags that overlap the window, for shaded spans on the
// charts and the timeline's rule rows, as columns: r the rule's row in
// vars.rows, a and b the first and last day (indexes), s 1 for an alert.
func spans(w *jw, a *metrics.Analysis, days []metrics.Day) {
	var r, from, to, sev []int
	if len(days) > 0 {
		first, last := days[0].Date, days[len(days)-1].Date
		rows := ruleRows(days)
		for _, f := range a.Flags {
			if f.To < first || f.From > last {
				continue
			}
			row := slices.Index(rows, f.Rule)
			if row < 0 { // a flag is a run of days its rule held: never
				continue
			}
			r, from, to = append(r, row), append(from, int(max(f.From, first)-first)), append(to, int(min(f.To, last)-first))
			alert := 0
			if f.Severity == metrics.Alert {
				alert = 1
			}
			sev = append(sev, alert)
		}
	}
	w.key("spans")
	w.obj()
	for _, c := range []struct {
		k string
		v []int
	}{{"r", r}, {"a", from}, {"b", to}, {"s", sev}} {
		w.key(c.k)
		w.arr()
		for _, x := range c.v {
			w.int(x)
		}
		w.endArr()
	}
	w.endObj()
}

// sportDays writes the daily load of each sport stack: s0, s1, … for
// measured load (given, power, TRIMP, heart rate, pace) and q0, q1, … for
// load estimated from RPE, written only for stacks that have some.
func sportDays(w *jw, cols dayColumns, a *metrics.Analysis, days []metrics.Day, groups []sportGroup, of map[string]int) {
	if len(days) == 0 {
		return
	}
	n := metrics.Date(len(days))
	meas, rpe := make([][]float64, len(groups)), make([][]float64, len(groups))
	for g := range groups {
		meas[g], rpe[g] = make([]float64, n), make([]float64, n)
	}
	first := days[0].Date
	for i := firstSession(a.Sessions, first); i < len(a.Sessions) && a.Sessions[i].Date-first < n; i++ {
		s := &a.Sessions[i]
		if s.Source == metrics.SrcSRPE {
			rpe[of[s.SportKey]][s.Date-first] += s.LP
		} else {
			meas[of[s.SportKey]][s.Date-first] += s.LP
		}
	}
	for g := range groups {
		cols["s"+strconv.Itoa(g)] = loadColumn(w, "s"+strconv.Itoa(g), meas[g])
		if groups[g].rpe {
			cols["q"+strconv.Itoa(g)] = loadColumn(w, "q"+strconv.Itoa(g), rpe[g])
		}
	}
}

// loadColumn writes loads as integers, null for none, and returns them
// as written.
func loadColumn(w *jw, name string, c []float64) []float64 {
	w.key(name)
	w.arr()
	out := make([]float64, len(c))
	for i, v := range c {
		if v == 0 {
			out[i] = metrics.Missing()
		} else {
			out[i] = math.Round(v)
		}
		w.round(out[i], 0)
	}
	w.endArr()
	return out
}

// weekData writes the weeks dataset: each week's total, lighter-week
// limit, rest days, days in the data, and the load of each sport stack
// (w0, w1, … measured; v0, v1, … from RPE).
func weekData(w *jw, a *metrics.Analysis, weeks []metrics.Week, groups []sportGroup, of map[string]int) {
	w.obj()
	w.key("week")
	w.arr()
	for i := range weeks {
		w.date(weeks[i].Start)
	}
	w.endArr()
	wcol := func(name string, d int, f func(*metrics.Week) float64) {
		w.key(name)
		w.arr()
		for i := range weeks {
			w.round(f(&weeks[i]), d)
		}
		w.endArr()
	}
	wcol("total", 0, func(x *metrics.Week) float64 { return x.Load })
	wcol("limit", 0, func(x *metrics.Week) float64 { return x.Limit })
	wcol("rest", 0, func(x *metrics.Week) float64 { return float64(x.RestDays) })
	wcol("days", 0, func(x *metrics.Week) float64 { return float64(x.Days) })
	if len(weeks) > 0 {
		meas, rpe := make([][]float64, len(groups)), make([][]float64, len(groups))
		for g := range groups {
			meas[g], rpe[g] = make([]float64, len(weeks)), make([]float64, len(weeks))
		}
		k := 0
		for i := firstSession(a.Sessions, weeks[0].Start); i < len(a.Sessions); i++ {
			s := &a.Sessions[i]
			for k+1 < len(weeks) && s.Date >= weeks[k+1].Start {
				k++
			}
			if s.Source == metrics.SrcSRPE {
				rpe[of[s.SportKey]][k] += s.LP
			} else {
				meas[of[s.SportKey]][k] += s.LP
			}
		}
		for g := range groups {
			loadColumn(w, "w"+strconv.Itoa(g), meas[g])
			if groups[g].rpe {
				loadColumn(w, "v"+strconv.Itoa(g), rpe[g])
			}
		}
	}
	w.endObj()
}

package report

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

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

// sportColour gives a sport its colour by family, as in the report design:
// ride blue, run sky, swim yellow, strength grey, work-ins purple; other
// sports take lighter greys in turn.
func sportColour(key string, other *int) string {
	switch {
	case metrics.IsWorkIn(key):
		return "#CC79A7"
	case strings.Contains(key, "ride") || strings.Contains(key, "bike") || strings.Contains(key, "cycl"):
		return "#0072B2"
	case metrics.IsRun(key):
		return "#56B4E9"
	case strings.Contains(key, "swim"):
		return "#F0E442"
	case strings.Contains(key, "strength") || strings.Contains(key, "weight") || strings.Contains(key, "gym") || strings.Contains(key, "lift"):
		return "#6B6B6B"
	}
	greys := []string{"#BBBBBB", "#999999", "#D4D4D4", "#8C8C8C", "#A3A3A3"}
	c := greys[*other%len(greys)]
	*other++
	return c
}

// chartData writes the athlete's datasets and placeholder values for
// report.js: the day and week datasets one column per dimension, values
// rounded to display precision; the timeline and check-in strip datasets in
// long form; "vars" for the skeletons' "$name" placeholders.
func chartData(a *Athlete, win window) []byte {
	var w jw
	w.b = make([]byte, 0, 64*(win.to-win.from+1)+1024)
	w.obj()
	days := a.Days
	if win.from <= win.to {
		days = a.Days[win.from : win.to+1]
		w.kv("start", func() { w.date(days[0].Date) })
	}
	w.kv("n", func() { w.int(len(days)) })
	w.key("vars")
	chartVars(&w, a.Analysis, days)
	w.key("ds")
	w.arr()
	w.obj()
	col := func(name string, d int, f func(*metrics.Day) float64) {
		w.key(name)
		w.arr()
		for i := range days {
			w.round(f(&days[i]), d)
		}
		w.endArr()
	}
	// Values are rounded to what the charts show.
	col("load", 0, func(d *metrics.Day) float64 { return d.Load })
	col("ctl", 0, func(d *metrics.Day) float64 { return d.CTL })
	col("atl", 0, func(d *metrics.Day) float64 { return d.ATL })
	col("tsb", 0, func(d *metrics.Day) float64 { return d.TSB })
	col("acwr", 2, func(d *metrics.Day) float64 { return d.ACWR })
	col("acute", 0, func(d *metrics.Day) float64 { return d.Acute })
	col("chronic", 0, func(d *metrics.Day) float64 { return d.Chronic })
	col("mono", 2, func(d *metrics.Day) float64 { return d.Monotony })
	col("strain", 0, func(d *metrics.Day) float64 { return d.Strain })
	col("hard", 0, func(d *metrics.Day) float64 { // the ▲ of a day with a hard session
		if d.Hard {
			return d.Load
		}
		return metrics.Missing()
	})
	col("cal", 0, func(d *metrics.Day) float64 { // the training calendar: rest −2, rest with a work-in −1, else load
		switch {
		case d.Rest && d.WorkIn:
			return -1
		case d.Rest:
			return -2
		}
		return d.Load
	})
	recoveryColumns(col, a.Params)
	sportDays(&w, a, win)
	w.endObj()
	weekData(&w, a, win)
	timelineData(&w, a.Analysis, days)
	checkinStrip(&w, days)
	w.endArr()
	spans(&w, a.Analysis, days)
	w.key("sports")
	w.arr()
	other := 0
	for _, s := range a.Sports {
		w.obj()
		w.kv("name", func() { w.str(s) })
		w.kv("color", func() { w.str(sportColour(s, &other)) })
		w.endObj()
	}
	w.endArr()
	w.endObj()
	return w.b
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
	w.endObj()
}

// timelineData writes the timeline's two datasets: the advice of every day
// (row 0) and, for every rule that held, the days it held (1 warn, 2 alert),
// rows numbered as in ruleRows.
func timelineData(w *jw, a *metrics.Analysis, days []metrics.Day) {
	n := len(days)
	w.obj()
	w.key("x")
	w.arr()
	for i := 0; i < n; i++ {
		w.int(i)
	}
	w.endArr()
	w.key("y")
	w.arr()
	for i := 0; i < n; i++ {
		w.int(0)
	}
	w.endArr()
	w.key("v")
	w.arr()
	for i := range days {
		w.int(int(days[i].Action))
	}
	w.endArr()
	w.endObj()
	var xs, ys, vs []int
	if n > 0 {
		first, last := days[0].Date, days[n-1].Date
		rows := ruleRows(days)
		for _, f := range a.Flags {
			if f.To < first || f.From > last {
				continue
			}
			row := slices.Index(rows, f.Rule)
			sev := 1
			if f.Severity == metrics.Alert {
				sev = 2
			}
			for d := max(f.From, first); d <= min(f.To, last); d++ {
				xs, ys, vs = append(xs, int(d-first)), append(ys, row), append(vs, sev)
			}
		}
	}
	w.obj()
	for _, c := range []struct {
		k string
		v []int
	}{{"x", xs}, {"y", ys}, {"v", vs}} {
		w.key(c.k)
		w.arr()
		for _, x := range c.v {
			w.int(x)
		}
		w.endArr()
	}
	w.endObj()
}

// checkinStrip writes the check-in strip: one cell per day and item with a
// rating, v its darkness (0 good … 9 bad for you: soreness and stress as
// rated, sleep quality, mood and energy flipped), raw the rating.
func checkinStrip(w *jw, days []metrics.Day) {
	var xs, ys []int
	var vs, raw []float64
	for i := range days {
		d := &days[i]
		for k, it := range []struct {
			v       float64
			flipped bool
		}{{d.SleepQuality, true}, {d.Soreness, false}, {d.Stress, false}, {d.Mood, true}, {d.Energy, true}} {
			if !metrics.Known(it.v) {
				continue
			}
			dark := it.v - 1
			if it.flipped {
				dark = 10 - it.v
			}
			xs, ys, vs, raw = append(xs, i), append(ys, k), append(vs, dark), append(raw, it.v)
		}
	}
	w.obj()
	w.key("x")
	w.arr()
	for _, x := range xs {
		w.int(x)
	}
	w.endArr()
	w.key("y")
	w.arr()
	for _, y := range ys {
		w.int(y)
	}
	w.endArr()
	for _, c := range []struct {
		k string
		v []float64
	}{{"v", vs}, {"raw", raw}} {
		w.key(c.k)
		w.arr()
		for _, x := range c.v {
			w.round(x, 1)
		}
		w.endArr()
	}
	w.endObj()
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
	col("relev", 0, func(d *metrics.Day) float64 {
		if metrics.Known(d.RestingHR) && metrics.Known(d.RHRLimit) && d.RestingHR >= d.RHRLimit {
			return d.RestingHR
		}
		return metrics.Missing()
	})
	col("sleep", 1, func(d *metrics.Day) float64 { return d.SleepHours })
	col("sq", 1, func(d *metrics.Day) float64 { return d.SleepQuality })
	col("sore", 1, func(d *metrics.Day) float64 { return d.Soreness })
	col("stress", 1, func(d *metrics.Day) float64 { return d.Stress })
	col("mood", 1, func(d *metrics.Day) float64 { return d.Mood })
	col("energy", 1, func(d *metrics.Day) float64 { return d.Energy })
}

// spans lists the flags that overlap the window, for shaded spans on the
// charts.
func spans(w *jw, a *metrics.Analysis, days []metrics.Day) {
	w.key("spans")
	w.arr()
	if len(days) > 0 {
		first, last := days[0].Date, days[len(days)-1].Date
		for _, f := range a.Flags {
			if f.To < first || f.From > last {
				continue
			}
			w.obj()
			w.kv("rule", func() { w.str(f.Rule) })
			w.kv("from", func() { w.date(max(f.From, first)) })
			w.kv("to", func() { w.date(f.To) })
			w.kv("sev", func() { w.str(f.Severity) })
			w.endObj()
		}
	}
	w.endArr()
}

// sportDays writes one daily column per sport (s0, s1, …).
func sportDays(w *jw, a *Athlete, win window) {
	if win.from > win.to {
		return
	}
	index := map[string]int{}
	for i, s := range a.Sports {
		index[s] = i
	}
	n := win.to - win.from + 1
	cols := make([][]float64, len(a.Sports))
	for i := range cols {
		cols[i] = make([]float64, n)
	}
	first := a.Days[win.from].Date
	for i := firstSession(a.Sessions, first); i < len(a.Sessions); i++ {
		s := &a.Sessions[i]
		cols[index[s.SportKey]][s.Date-first] += s.LP
	}
	for i, c := range cols {
		w.key("s" + strconv.Itoa(i))
		w.arr()
		for _, v := range c {
			if v == 0 {
				w.raw("null")
			} else {
				w.round(v, 1)
			}
		}
		w.endArr()
	}
}

func weekData(w *jw, a *Athlete, win window) {
	weeks := a.Weeks[min(win.weekFrom, len(a.Weeks)):]
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
	for s := range a.Sports {
		wcol("w"+strconv.Itoa(s), 1, func(x *metrics.Week) float64 {
			if x.BySport[s] == 0 {
				return metrics.Missing()
			}
			return x.BySport[s]
		})
	}
	w.endObj()
}

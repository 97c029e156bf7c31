package report

import (
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

// chartData writes the athlete's columnar datasets for report.js: one
// column per dimension, values rounded to display precision.
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
	w.kv("firstDay", func() { w.int(int(a.Params.WeekStart)) })
	w.key("days")
	w.obj()
	col := func(name string, d int, f func(*metrics.Day) float64) {
		w.key(name)
		w.arr()
		for i := range days {
			w.round(f(&days[i]), d)
		}
		w.endArr()
	}
	// Values are rounded to what the charts show; flags (hard day, rest
	// day, work-in day, advice) travel as strings of digits, which
	// report.js expands.
	col("load", 0, func(d *metrics.Day) float64 { return d.Load })
	col("ctl", 0, func(d *metrics.Day) float64 { return d.CTL })
	col("atl", 0, func(d *metrics.Day) float64 { return d.ATL })
	col("tsb", 0, func(d *metrics.Day) float64 { return d.TSB })
	col("acwr", 2, func(d *metrics.Day) float64 { return d.ACWR })
	col("acute", 0, func(d *metrics.Day) float64 { return d.Acute })
	col("chronic", 0, func(d *metrics.Day) float64 { return d.Chronic })
	col("mono", 2, func(d *metrics.Day) float64 { return d.Monotony })
	col("strain", 0, func(d *metrics.Day) float64 { return d.Strain })
	digits := func(name string, f func(*metrics.Day) int) {
		w.key(name)
		b := make([]byte, len(days))
		for i := range days {
			b[i] = byte('0' + f(&days[i]))
		}
		w.str(string(b))
	}
	flag := func(v bool) int {
		if v {
			return 1
		}
		return 0
	}
	digits("f_hard", func(d *metrics.Day) int { return flag(d.Hard) })
	digits("f_rest", func(d *metrics.Day) int { return flag(d.Rest) })
	digits("f_wi", func(d *metrics.Day) int { return flag(d.WorkIn) })
	digits("f_act", func(d *metrics.Day) int { return int(d.Action) })
	recoveryColumns(col, a.Params)
	sportDays(&w, a, win)
	w.endObj()
	weekData(&w, a, win)
	spans(&w, a.Analysis, days)
	firedRules(&w, days)
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
	w.key("thr")
	w.obj()
	w.kv("spike", func() { w.num(a.Params.SpikeACWR) })
	w.kv("mono", func() { w.num(a.Params.MonotonyMax) })
	w.kv("low", func() { w.num(a.Params.ReadinessLow) })
	w.kv("rest", func() { w.num(a.Params.ReadinessRest) })
	w.endObj()
	w.endObj()
	return w.b
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

// firedRules lists the rules that hold somewhere in the window.
func firedRules(w *jw, days []metrics.Day) {
	w.key("rules")
	w.arr()
	for k, name := range metrics.RuleNames() {
		for i := range days {
			if days[i].Rules[k].Holds {
				w.str(name)
				break
			}
		}
	}
	w.endArr()
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
	w.key("weeks")
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

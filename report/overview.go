package report

import (
	"cmp"
	"fmt"
	"html/template"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
)

// The coach's overview: one row per athlete, most in need of attention
// first, readable without scripts (a mail viewer) and on a phone.

type overviewView struct {
	Counts   []countView
	NoCheck  int // athletes without a check-in in the last two days
	Rows     []rosterRow
	Charts   bool        // the team charts (two or more athletes)
	TeamData template.JS // columnar data for the team charts
}

type countView struct {
	Shape, Word, Class string
	N                  int
}

type rosterRow struct {
	Anchor, Name, Class, Shape, Action, Kind string
	Rules                                    []string
	Unchecked                                []string // rules that could not be checked
	New                                      bool
	Readiness, ACWR, Form, LastRest          string
	Load, LoadNote, CheckIn                  string
	Stale                                    bool // no check-in for two days or more
	Spark                                    template.HTML
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

func buildOverview(r *Report, parts []*Part) overviewView {
	v := overviewView{Charts: len(parts) > 1}
	counts := map[metrics.Action]int{}
	for _, i := range rosterOrder(parts) {
		s := parts[i].Summary
		row := rosterRow{Anchor: anchor(i), Name: s.Name}
		if !s.HasData {
			row.Class, row.Shape, row.Action = "nodata", "○", "no data"
			row.Readiness, row.ACWR, row.Form, row.LastRest, row.Load, row.CheckIn = dash, dash, dash, dash, dash, "none"
			v.Rows = append(v.Rows, row)
			continue
		}
		rec := s.Recommendation
		counts[rec.Action]++
		look := actionLooks[rec.Action]
		row.Class, row.Shape, row.Action, row.Kind = look.class, look.shape, rec.Action.String(), rec.WorkIn.String()
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
		if row.Stale {
			v.NoCheck++
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
	}
	return v
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

// teamData writes the team charts' data: weekly loads by athlete over the
// last weeks, and readiness by athlete over the last 28 days, athletes in
// the roster's order.
func teamData(r *Report, parts []*Part) []byte {
	var w jw
	w.obj()
	last := r.AsOf.WeekStart(weekStart(parts))
	var weeks []metrics.Date
	for k := teamWeeks - 1; k >= 0; k-- {
		weeks = append(weeks, last-metrics.Date(7*k))
	}
	w.key("weeks")
	w.arr()
	for _, d := range weeks {
		w.date(d)
	}
	w.endArr()
	w.kv("start", func() { w.date(r.AsOf - 27) })
	w.key("athletes")
	w.arr()
	for _, i := range rosterOrder(parts) {
		p := parts[i]
		s := p.Summary
		w.obj()
		w.kv("name", func() { w.str(s.Name) })
		w.kv("anchor", func() { w.str(anchor(i)) })
		w.key("load")
		w.arr()
		for _, d := range weeks {
			v := metrics.Missing()
			for _, x := range s.Weeks {
				if x.Start == d {
					v = x.Load
				}
			}
			w.round(v, 0)
		}
		w.endArr()
		w.key("ready")
		w.arr()
		pad := 28 - len(s.Trend)
		for k := 0; k < pad; k++ {
			w.raw("null")
		}
		for _, v := range s.Trend {
			w.round(v, 0)
		}
		w.endArr()
		w.endObj()
	}
	w.endArr()
	w.endObj()
	return w.b
}

func weekStart(parts []*Part) time.Weekday {
	if len(parts) > 0 {
		return parts[0].Summary.Params.WeekStart
	}
	return time.Monday
}

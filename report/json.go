package report

import (
	"bufio"
	"io"
	"runtime"
	"sort"
	"sync"

	"github.com/workin/workin/metrics"
	"github.com/workin/workin/parse"
)

// SchemaVersion is the version of the JSON summary's shape. Fields may be
// added within a version; renaming or removing one needs a new version
// (docs/json.md).
const SchemaVersion = 1

// WriteJSON writes the machine-readable summary: every athlete's daily and
// weekly series at full precision, sessions with their load source, flags,
// the recommendation and data quality. A value that cannot be computed is
// null, never invented.
func WriteJSON(w io.Writer, r *Report) error {
	parts := make([][]byte, len(r.Athletes))
	var wg sync.WaitGroup
	next := make(chan int)
	for k := 0; k < runtime.GOMAXPROCS(0); k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				parts[i] = athleteJSON(r.Athletes[i])
			}
		}()
	}
	for i := range r.Athletes {
		next <- i
	}
	close(next)
	wg.Wait()

	bw := bufio.NewWriterSize(w, 1<<16)
	var h jw
	h.obj()
	h.kv("schema_version", func() { h.int(SchemaVersion) })
	h.kv("generator", func() { h.str("workin") })
	h.kv("title", func() { h.str(r.Title) })
	h.kv("as_of", func() { h.date(r.AsOf) })
	h.key("athletes")
	h.arr()
	bw.Write(h.b)
	for i, p := range parts {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
		bw.Write(p)
	}
	var t jw
	t.comma = []bool{true}
	t.b = append(t.b, '\n', ']')
	t.key("files")
	t.arr()
	for _, f := range r.Files {
		fileJSON(&t, f)
	}
	t.endArr()
	t.key("unattributed_skipped")
	skipsJSON(&t, r.Skipped)
	t.b = append(t.b, '}', '\n')
	bw.Write(t.b)
	return bw.Flush()
}

func fileJSON(w *jw, f File) {
	w.obj()
	w.kv("name", func() { w.str(f.Name) })
	w.kv("kind", func() { w.str(f.Kind) })
	w.kv("format", func() { w.str(f.Format) })
	w.kv("rows", func() { w.int(f.Rows) })
	w.kv("used", func() { w.int(f.Used) })
	w.kv("skipped", func() { w.int(f.Skipped) })
	w.kv("first", func() { dateOrNull(w, f.First, f.Used > 0) })
	w.kv("last", func() { dateOrNull(w, f.Last, f.Used > 0) })
	w.kv("ignored_columns", func() { strList(w, f.Ignored) })
	w.kv("notes", func() { strList(w, f.Notes) })
	w.endObj()
}

func dateOrNull(w *jw, d metrics.Date, ok bool) {
	if !ok {
		w.raw("null")
		return
	}
	w.date(d)
}

func strList(w *jw, ss []string) {
	w.arr()
	for _, s := range ss {
		w.str(s)
	}
	w.endArr()
}

func skipsJSON(w *jw, ss []parse.Skip) {
	w.arr()
	for _, s := range ss {
		w.obj()
		w.kv("file", func() { w.str(s.File) })
		w.kv("line", func() { w.int(s.Line) })
		w.kv("column", func() { w.strOrNull(s.Column) })
		w.kv("reason", func() { w.str(s.Reason) })
		w.endObj()
	}
	w.endArr()
}

func athleteJSON(a *Athlete) []byte {
	var w jw
	w.b = make([]byte, 0, 160*len(a.Days)+120*len(a.Sessions)+2048)
	w.obj()
	w.kv("id", func() { w.str(a.Profile.ID) })
	w.kv("name", func() { w.str(a.Profile.Name) })
	w.kv("recommendation", func() { w.raw("null") })
	w.kv("start", func() { dateOrNull(&w, a.Start, len(a.Days) > 0) })
	w.kv("calibration", func() {
		w.obj()
		w.kv("k", func() { w.num(a.Calibration.K) })
		w.kv("pairs", func() { w.int(a.Calibration.Pairs) })
		w.kv("method", func() {
			switch {
			case a.Calibration.Fixed:
				w.str("profile")
			case a.Calibration.Calibrated:
				w.str("calibrated")
			default:
				w.str("fallback")
			}
		})
		w.endObj()
	})
	w.key("daily")
	dailyJSON(&w, a.Days)
	w.key("weekly")
	weeklyJSON(&w, a)
	w.key("sessions")
	sessionsJSON(&w, a.Sessions)
	w.kv("flags", func() { w.arr(); w.endArr() })
	w.key("data_quality")
	qualityJSON(&w, a)
	w.endObj()
	return w.b
}

func dailyJSON(w *jw, days []metrics.Day) {
	w.arr()
	for i := range days {
		d := &days[i]
		w.nl()
		w.obj()
		w.kv("date", func() { w.date(d.Date) })
		w.kv("load", func() { w.num(d.Load) })
		w.kv("ctl", func() { w.num(d.CTL) })
		w.kv("atl", func() { w.num(d.ATL) })
		w.kv("tsb", func() { w.num(d.TSB) })
		w.kv("acwr", func() { w.num(d.ACWR) })
		w.kv("monotony", func() { w.num(d.Monotony) })
		w.kv("strain", func() { w.num(d.Strain) })
		w.kv("readiness", func() { w.num(d.Readiness) })
		w.kv("acute", func() { w.num(d.Acute) })
		w.kv("chronic", func() { w.num(d.Chronic) })
		w.kv("sessions", func() { w.int(d.Sessions) })
		w.kv("rest", func() { w.bool(d.Rest) })
		w.endObj()
	}
	w.endArr()
}

func weeklyJSON(w *jw, a *Athlete) {
	w.arr()
	for i := range a.Weeks {
		wk := &a.Weeks[i]
		w.nl()
		w.obj()
		w.kv("week_start", func() { w.date(wk.Start) })
		w.kv("load", func() { w.num(wk.Load) })
		w.kv("sessions", func() { w.int(wk.Sessions) })
		w.kv("rest_days", func() { w.int(wk.RestDays) })
		w.kv("days", func() { w.int(wk.Days) })
		w.kv("complete", func() { w.bool(wk.Complete) })
		w.kv("lighter", func() { w.bool(wk.Lighter) })
		w.kv("lighter_limit", func() { w.num(wk.Limit) })
		w.key("by_sport")
		w.obj()
		for s, name := range a.Sports {
			if wk.BySport[s] != 0 {
				w.kv(name, func() { w.num(wk.BySport[s]) })
			}
		}
		w.endObj()
		w.endObj()
	}
	w.endArr()
}

func sessionsJSON(w *jw, ss []metrics.Session) {
	w.arr()
	for i := range ss {
		s := &ss[i]
		w.nl()
		w.obj()
		w.kv("date", func() { w.date(s.Date) })
		w.kv("sport", func() { w.str(s.Sport) })
		w.kv("duration_min", func() { w.num(s.Duration / 60) })
		w.kv("load", func() { w.num(s.LP) })
		w.kv("source", func() { w.str(s.Source.String()) })
		w.kv("hard", func() { w.bool(s.Hard) })
		w.kv("work_in", func() { w.bool(s.WorkIn) })
		w.kv("rpe", func() { w.num(s.RPE) })
		w.kv("avg_hr", func() { w.num(s.AvgHR) })
		w.kv("np", func() { w.num(s.NP) })
		w.kv("avg_power", func() { w.num(s.AvgPower) })
		w.kv("tss", func() { w.num(s.TSS) })
		w.kv("file", func() { w.str(s.File) })
		w.kv("line", func() { w.int(int(s.Line)) })
		w.endObj()
	}
	w.endArr()
}

func qualityJSON(w *jw, a *Athlete) {
	w.obj()
	w.kv("rows_read", func() { w.int(a.Quality.RowsRead) })
	w.kv("workout_rows", func() { w.int(a.Quality.WorkoutRows) })
	w.kv("checkin_rows", func() { w.int(a.Quality.CheckinRows) })
	w.key("skipped")
	skipsJSON(w, a.Quality.Skipped)
	w.kv("after_as_of", func() { w.int(a.AfterAsOf) })
	w.key("load_by_source")
	w.obj()
	for _, src := range metrics.Sources() {
		s := a.BySource[src]
		w.key(src.String())
		w.obj()
		w.kv("sessions", func() { w.int(s.Sessions) })
		w.kv("load", func() { w.num(s.LP) })
		w.endObj()
	}
	w.endObj()
	given := append([]string(nil), a.Given...)
	sort.Strings(given)
	w.kv("profile", func() { w.bool(a.HasProfile) })
	w.kv("profile_values", func() { strList(w, given) })
	w.kv("notes", func() { strList(w, append(profileNotes(a), a.Quality.Notes...)) })
	w.endObj()
}

package report

import (
	"bufio"
	"io"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"sync"

	"github.com/workin/workin/metrics"
	"github.com/workin/workin/model"
)

// SchemaVersion is the version of the JSON summary's shape. Fields may be
// added within a version; renaming or removing one needs a new version
// (docs/json.md).
const SchemaVersion = 3

// PreviousSchema is the shape before SchemaVersion, still written when
// Options.JSONSchema asks for it (--json-schema 2), for one version.
const PreviousSchema = 2

// schema is the shape the report's JSON summary is written in.
func (r *Report) schema() int {
	if r.Options.JSONSchema == PreviousSchema {
		return PreviousSchema
	}
	return SchemaVersion
}

// WriteJSON writes the machine-readable summary: every athlete's daily and
// weekly series (computed values rounded to 4 decimals), sessions with their load source, flags,
// the recommendation and data quality. A value that cannot be computed is
// null, never invented.
func WriteJSON(w io.Writer, r *Report) error {
	js := StartJSON(w, r)
	parts := make([][]byte, len(r.Athletes))
	var wg sync.WaitGroup
	next := make(chan int)
	for k := 0; k < runtime.GOMAXPROCS(0); k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				parts[i] = athleteJSON(r, r.Athletes[i])
			}
		}()
	}
	for i := range r.Athletes {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, p := range parts {
		js.Athlete(p)
	}
	return js.Finish()
}

// JSONStream writes the JSON summary one athlete at a time, so a large
// team's summary never has to be in memory at once.
type JSONStream struct {
	w *bufio.Writer
	r *Report
	n int
}

// StartJSON writes the summary's header: in schema 3 the files table comes
// before the athletes, so that a reader meets it before the sessions that
// point into it.
func StartJSON(w io.Writer, r *Report) *JSONStream {
	s := &JSONStream{w: bufio.NewWriterSize(w, 1<<16), r: r}
	var h jw
	h.obj()
	h.kv("schema_version", func() { h.int(r.schema()) })
	h.kv("generator", func() { h.str("workin") })
	h.kv("title", func() { h.str(r.Title) })
	h.kv("as_of", func() { h.date(r.AsOf) })
	if r.schema() != PreviousSchema {
		filesJSON(&h, r.allFiles())
	}
	h.key("athletes")
	h.arr()
	s.w.Write(h.b)
	return s
}

// Athlete appends one athlete's object (Part.JSON).
func (s *JSONStream) Athlete(obj []byte) {
	if s.n > 0 {
		s.w.WriteByte(',')
	}
	s.n++
	s.w.WriteByte('\n')
	s.w.Write(obj)
}

// Finish writes the unattributed rows (and in schema 2 the files) and ends
// the document.
func (s *JSONStream) Finish() error {
	var t jw
	t.comma = []bool{true}
	t.b = append(t.b, '\n', ']')
	if s.r.schema() == PreviousSchema {
		filesJSON(&t, s.r.Files)
	}
	t.key("unattributed_skipped")
	if s.r.schema() == PreviousSchema || len(s.r.PlanSkipped) == 0 {
		skipsJSON(&t, s.r.Skipped)
	} else {
		skipsJSON(&t, append(append([]model.Skip(nil), s.r.Skipped...), s.r.PlanSkipped...))
	}
	t.b = append(t.b, '}', '\n')
	s.w.Write(t.b)
	return s.w.Flush()
}

func filesJSON(w *jw, files []model.File) {
	w.key("files")
	w.arr()
	for _, f := range files {
		fileJSON(w, f)
	}
	w.endArr()
}

func fileJSON(w *jw, f model.File) {
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

func skipsJSON(w *jw, ss []model.Skip) {
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

// athleteJSON writes one athlete in the report's schema. With
// DetailWeeks > 0 the daily series, the sessions and the check-in notes
// cover the last weeks only (daily_from says where they start); in schema
// 3 the weekly rows and the flags follow the same window, and "history"
// sums up the whole series. Schema 2 writes every week and every flag.
func athleteJSON(r *Report, a *Athlete) []byte {
	v3 := r.schema() != PreviousSchema
	win := detailWindow(a.Analysis, r.Options.DetailWeeks)
	days, sessions, weeks, flags := a.Days, a.Sessions, a.Weeks, a.Flags
	if len(days) > 0 {
		days = a.Days[win.from:]
		sessions = sessions[firstSession(sessions, days[0].Date):]
		if v3 {
			weeks = weeks[win.weekFrom:]
			flags = flagsFrom(flags, days[0].Date)
		}
	}
	var w jw
	w.b = make([]byte, 0, 250*len(days)+150*len(sessions)+4096)
	w.obj()
	w.kv("id", func() { w.str(a.Profile.ID) })
	w.kv("name", func() { w.str(a.Profile.Name) })
	w.key("recommendation")
	recommendationJSON(&w, a)
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
	w.kv("daily_from", func() { dateOrNull(&w, firstDate(days), len(days) > 0) })
	w.key("daily")
	var files *fileIndex
	if v3 {
		dailyColumns(&w, days, a.Params.HRVSWCSD)
		files = &fileIndex{files: r.allFiles()}
	} else {
		dailyRows(&w, days, a.Params.HRVSWCSD)
	}
	w.key("weekly")
	weeklyJSON(&w, a, weeks)
	w.key("sessions")
	sessionsJSON(&w, sessions, files)
	w.key("flags")
	flagsJSON(&w, flags)
	if v3 {
		w.key("history")
		historyJSON(&w, a)
	}
	w.key("checkin_notes")
	notesJSON(&w, a.NotesIn(firstDate(days), a.AsOf))
	w.key("recovery")
	recoveryJSON(&w, a)
	w.key("data_quality")
	qualityJSON(&w, a, files)
	if v3 {
		w.key("projection")
		projectionJSON(&w, a, files)
		w.key("headroom")
		headroomJSON(&w, a)
	}
	w.endObj()
	return w.b
}

// flagsFrom keeps the flags that last until day d or later, as the page's
// flag table does: a run that began before d is kept whole.
func flagsFrom(flags []metrics.Flag, d metrics.Date) []metrics.Flag {
	var out []metrics.Flag
	for _, f := range flags {
		if f.To >= d {
			out = append(out, f)
		}
	}
	return out
}

// historyJSON sums up the athlete's whole series, whatever the detail
// window: the weekly rows' totals and each rule's flags.
func historyJSON(w *jw, a *Athlete) {
	var load float64
	var sessions, restDays, days, complete, lighter int
	bySport := make([]float64, len(a.Sports))
	for i := range a.Weeks {
		wk := &a.Weeks[i]
		load += wk.Load
		sessions += wk.Sessions
		restDays += wk.RestDays
		days += wk.Days
		if wk.Complete {
			complete++
		}
		if wk.Lighter {
			lighter++
		}
		for s, l := range wk.BySport {
			bySport[s] += l
		}
	}
	w.obj()
	w.kv("days", func() { w.int(days) })
	w.kv("weeks", func() { w.int(len(a.Weeks)) })
	w.kv("complete_weeks", func() { w.int(complete) })
	w.kv("lighter_weeks", func() { w.int(lighter) })
	w.kv("load", func() { w.round(load, 4) })
	w.kv("sessions", func() { w.int(sessions) })
	w.kv("rest_days", func() { w.int(restDays) })
	w.key("by_sport")
	sportsJSON(w, a.Sports, bySport)
	w.key("flags")
	w.obj()
	for _, rule := range metrics.RuleNames() {
		var runs, alerts, spanDays int
		var first, last metrics.Date
		for _, f := range a.Flags {
			if f.Rule != rule {
				continue
			}
			if runs == 0 || f.From < first {
				first = f.From
			}
			if runs == 0 || f.To > last {
				last = f.To
			}
			runs++
			if f.Severity == metrics.Alert {
				alerts++
			}
			spanDays += int(f.To-f.From) + 1
		}
		if runs == 0 {
			continue
		}
		w.key(rule)
		w.obj()
		w.kv("runs", func() { w.int(runs) })
		w.kv("alerts", func() { w.int(alerts) })
		w.kv("days", func() { w.int(spanDays) })
		w.kv("first", func() { w.date(first) })
		w.kv("last", func() { w.date(last) })
		w.endObj()
	}
	w.endObj()
	w.endObj()
}

// sportsJSON writes LP per sport (lower-cased), sports with load only.
func sportsJSON(w *jw, sports []string, lp []float64) {
	w.obj()
	for s, name := range sports {
		if lp[s] != 0 {
			w.kv(name, func() { w.round(lp[s], 4) })
		}
	}
	w.endObj()
}

// fileIndex finds a session's file in the report's files table. An
// athlete's sessions come from a few files, so each origin is looked up
// once; a name listed twice (one file that two athletes' profiles each
// name as their own) resolves to its first entry.
type fileIndex struct {
	files []model.File
	seen  map[*metrics.Origin]int
}

// of returns the index of o's file, or -1 for a row that came from no
// file of the report.
func (x *fileIndex) of(o *metrics.Origin) int {
	if o == nil {
		return -1
	}
	if i, ok := x.seen[o]; ok {
		return i
	}
	i := slices.IndexFunc(x.files, func(f model.File) bool { return f.Name == o.File })
	if x.seen == nil {
		x.seen = map[*metrics.Origin]int{}
	}
	x.seen[o] = i
	return i
}

func weeklyJSON(w *jw, a *Athlete, weeks []metrics.Week) {
	w.arr()
	for i := range weeks {
		wk := &weeks[i]
		w.nl()
		w.obj()
		w.kv("week_start", func() { w.date(wk.Start) })
		w.kv("load", func() { w.round(wk.Load, 4) })
		w.kv("sessions", func() { w.int(wk.Sessions) })
		w.kv("rest_days", func() { w.int(wk.RestDays) })
		w.kv("days", func() { w.int(wk.Days) })
		w.kv("complete", func() { w.bool(wk.Complete) })
		w.kv("lighter", func() { w.bool(wk.Lighter) })
		w.kv("lighter_limit", func() { w.round(wk.Limit, 4) })
		w.key("by_sport")
		sportsJSON(w, a.Sports, wk.BySport)
		w.endObj()
	}
	w.endArr()
}

// sessionsJSON writes the sessions with constant keys appended directly (a
// five-year team summary has millions of values). Each names its file by
// index into files (schema 3), or by name when files is nil (schema 2).
func sessionsJSON(w *jw, ss []metrics.Session, files *fileIndex) {
	w.arr()
	b := w.b
	for i := range ss {
		s := &ss[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n{\"date\":\""...)
		b = s.Date.Append(b)
		b = append(b, "\",\"sport\":"...)
		b = appendString(b, s.Sport)
		b = append(b, ",\"duration_min\":"...)
		b = appendNum(b, s.Duration/60, 4)
		b = append(b, ",\"load\":"...)
		b = appendNum(b, s.LP, 4)
		b = append(b, ",\"source\":\""...)
		b = append(b, s.Source.String()...)
		b = append(b, "\",\"hard\":"...)
		b = strconv.AppendBool(b, s.Hard)
		b = append(b, ",\"work_in\":"...)
		b = strconv.AppendBool(b, s.WorkIn)
		b = append(b, ",\"rpe\":"...)
		b = appendNum(b, s.RPE, -1)
		b = append(b, ",\"file\":"...)
		if files == nil {
			b = appendString(b, s.Origin.FileName())
		} else if i := files.of(s.Origin); i >= 0 {
			b = strconv.AppendInt(b, int64(i), 10)
		} else {
			b = append(b, "null"...)
		}
		b = append(b, ",\"line\":"...)
		b = strconv.AppendInt(b, int64(s.Line), 10)
		b = append(b, '}')
	}
	w.b = b
	w.comma[len(w.comma)-1] = len(ss) > 0
	w.endArr()
}

func recommendationJSON(w *jw, a *Athlete) {
	if len(a.Days) == 0 {
		w.raw("null")
		return
	}
	r := a.Recommendation
	w.obj()
	w.kv("date", func() { w.date(r.Date) })
	w.kv("action", func() { w.str(r.Action.String()) })
	w.kv("work_in", func() { w.strOrNull(r.WorkIn.String()) })
	w.kv("because", func() { w.str(r.Because) })
	w.kv("readiness", func() { w.round(r.Readiness, 4) })
	w.kv("load_only", func() { w.bool(r.LoadOnly) })
	w.kv("in_progress", func() { w.bool(r.InProgress) })
	w.kv("rests_on", func() { w.str(restsOn(a.Analysis)) })
	w.kv("sessions_recent", func() { w.int(r.Sessions) })
	w.kv("unknown_load_recent", func() { w.int(r.UnknownLoad) })
	w.key("evidence")
	w.arr()
	for _, e := range r.Evidence {
		w.obj()
		w.kv("rule", func() { w.str(e.Rule) })
		w.kv("date", func() { w.date(e.Date) })
		w.kv("since", func() { w.date(e.Since) })
		w.kv("value", func() { w.round(e.Value, 4) })
		w.kv("threshold", func() { w.round(e.Threshold, 4) })
		w.kv("unit", func() { w.str(e.Unit()) })
		w.kv("severity", func() { w.str(e.Severity) })
		w.kv("carried", func() { w.bool(e.Carried) })
		w.kv("detail", func() { w.str(e.Detail) })
		w.key("notes")
		notesJSON(w, e.Notes)
		w.endObj()
	}
	w.endArr()
	w.key("unchecked")
	w.arr()
	for _, u := range r.Unchecked {
		w.obj()
		w.kv("rule", func() { w.str(u.Rule) })
		w.kv("reason", func() { w.str(u.Reason) })
		w.endObj()
	}
	w.endArr()
	w.endObj()
}

func notesJSON(w *jw, ns []metrics.DayNote) {
	w.arr()
	for _, n := range ns {
		w.obj()
		w.kv("date", func() { w.date(n.Date) })
		w.kv("text", func() { w.str(n.Text) })
		w.endObj()
	}
	w.endArr()
}

func flagsJSON(w *jw, flags []metrics.Flag) {
	w.arr()
	for _, f := range flags {
		w.obj()
		w.kv("rule", func() { w.str(f.Rule) })
		w.kv("date", func() { w.date(f.To) })
		w.kv("from", func() { w.date(f.From) })
		w.kv("severity", func() { w.str(f.Severity) })
		w.kv("value", func() { w.round(f.Value, 4) })
		w.kv("threshold", func() { w.round(f.Threshold, 4) })
		w.kv("detail", func() { w.str(f.Detail()) })
		w.endObj()
	}
	w.endArr()
}

// recoveryJSON summarises the check-ins and where the baselines stand.
func recoveryJSON(w *jw, a *Athlete) {
	w.obj()
	w.kv("checkins", func() { w.int(a.RecoveryRes.Checkins) })
	w.kv("checkin_days", func() { w.int(a.RecoveryRes.Days) })
	w.kv("merged_days", func() { w.int(a.RecoveryRes.MergedDays) })
	hrvN, rhrN := 0, 0
	if len(a.Days) > 0 {
		d := today(a.Analysis)
		hrvN, rhrN = d.HRVRef.N, d.RHRRef.N
	}
	w.kv("hrv_baseline_days", func() { w.int(hrvN) })
	w.kv("rhr_baseline_days", func() { w.int(rhrN) })
	w.kv("baseline_needed", func() { w.int(metrics.MinBaseline) })
	w.endObj()
}

// qualityJSON writes the athlete's data quality; with files (schema 3)
// the plans' share too.
func qualityJSON(w *jw, a *Athlete, files *fileIndex) {
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
		w.kv("load", func() { w.round(s.LP, 4) })
		w.endObj()
	}
	w.endObj()
	given := append([]string(nil), a.Given...)
	sort.Strings(given)
	w.kv("profile", func() { w.bool(a.HasProfile) })
	w.kv("profile_values", func() { strList(w, given) })
	w.key("profile_estimates")
	w.arr()
	for _, e := range a.Estimates {
		w.obj()
		w.kv("key", func() { w.str(e.Key) })
		w.kv("value", func() { w.round(e.Value, 4) })
		w.kv("source", func() {
			if e.Stated {
				w.str("stated")
			} else {
				w.str("estimated")
			}
		})
		w.kv("from", func() { w.strOrNull(e.Source) })
		w.kv("values", func() { w.int(e.N) })
		w.kv("latest", func() { w.date(e.Date) })
		w.kv("how", func() { w.str(e.How) })
		w.endObj()
	}
	w.endArr()
	w.kv("unknown_load_sessions", func() { w.int(a.BySource[metrics.SrcNone].Sessions) })
	w.kv("notes", func() { strList(w, append(profileNotes(a), a.Quality.Notes...)) })
	w.key("merged")
	mergesJSON(w, a.Merges)
	if files != nil {
		planQualityJSON(w, a, files)
	}
	w.endObj()
}

func firstDate(days []metrics.Day) metrics.Date {
	if len(days) == 0 {
		return metrics.NoDate
	}
	return days[0].Date
}

package report

import (
	"bufio"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strconv"
	"sync"

	"github.com/workin/workin/metrics"
	"github.com/workin/workin/model"
)

// SchemaVersion is the version of the JSON summary's shape. Fields may be
// added within a version; renaming or removing one needs a new version
// (docs/json.md).
const SchemaVersion = 2

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
				parts[i] = athleteJSON(r.Athletes[i], r.Options.DetailWeeks)
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

// StartJSON writes the summary's header.
func StartJSON(w io.Writer, r *Report) *JSONStream {
	s := &JSONStream{w: bufio.NewWriterSize(w, 1<<16), r: r}
	var h jw
	h.obj()
	h.kv("schema_version", func() { h.int(SchemaVersion) })
	h.kv("generator", func() { h.str("workin") })
	h.kv("title", func() { h.str(r.Title) })
	h.kv("as_of", func() { h.date(r.AsOf) })
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

// Finish writes the files and the unattributed rows and ends the document.
func (s *JSONStream) Finish() error {
	var t jw
	t.comma = []bool{true}
	t.b = append(t.b, '\n', ']')
	t.key("files")
	t.arr()
	for _, f := range s.r.Files {
		fileJSON(&t, f)
	}
	t.endArr()
	t.key("unattributed_skipped")
	skipsJSON(&t, s.r.Skipped)
	t.b = append(t.b, '}', '\n')
	s.w.Write(t.b)
	return s.w.Flush()
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

// athleteJSON writes one athlete. With weeks > 0 the daily series and the
// sessions cover the last weeks only (daily_from says where they start);
// the weekly series always covers everything.
func athleteJSON(a *Athlete, weeks int) []byte {
	win := detailWindow(a.Analysis, weeks)
	days, sessions := a.Days, a.Sessions
	if len(days) > 0 {
		days = a.Days[win.from:]
		sessions = sessions[firstSession(sessions, days[0].Date):]
	}
	var w jw
	w.b = make([]byte, 0, 600*len(days)+200*len(sessions)+4096)
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
	dailyJSON(&w, days, a.Params.HRVSWCSD)
	w.key("weekly")
	weeklyJSON(&w, a)
	w.key("sessions")
	sessionsJSON(&w, sessions)
	w.key("flags")
	flagsJSON(&w, a.Flags)
	w.key("checkin_notes")
	notesJSON(&w, a.NotesIn(firstDate(days), a.AsOf))
	w.key("recovery")
	recoveryJSON(&w, a)
	w.key("data_quality")
	qualityJSON(&w, a)
	w.endObj()
	return w.b
}

// dailyJSON and sessionsJSON write the two largest arrays with constant
// keys appended directly: a five-year team summary has millions of them.
func dailyJSON(w *jw, days []metrics.Day, swc float64) {
	w.arr()
	b := w.b
	for i := range days {
		d := &days[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n{\"date\":\""...)
		b = d.Date.Append(b)
		b = append(b, "\",\"load\":"...)
		b = appendNum(b, d.Load, 4)
		b = append(b, ",\"ctl\":"...)
		b = appendNum(b, d.CTL, 4)
		b = append(b, ",\"atl\":"...)
		b = appendNum(b, d.ATL, 4)
		b = append(b, ",\"tsb\":"...)
		b = appendNum(b, d.TSB, 4)
		b = append(b, ",\"acwr\":"...)
		b = appendNum(b, d.ACWR, 4)
		b = append(b, ",\"monotony\":"...)
		b = appendNum(b, d.Monotony, 4)
		b = append(b, ",\"strain\":"...)
		b = appendNum(b, d.Strain, 4)
		b = append(b, ",\"readiness\":"...)
		b = appendNum(b, d.Readiness, 4)
		b = append(b, ",\"acute\":"...)
		b = appendNum(b, d.Acute, 4)
		b = append(b, ",\"chronic\":"...)
		b = appendNum(b, d.Chronic, 4)
		b = append(b, ",\"sessions\":"...)
		b = strconv.AppendInt(b, int64(d.Sessions), 10)
		b = append(b, ",\"rest\":"...)
		b = strconv.AppendBool(b, d.Rest)
		b = append(b, ",\"rest_open\":"...)
		b = strconv.AppendBool(b, d.RestOpen)
		b = append(b, ",\"checkin\":"...)
		b = strconv.AppendBool(b, d.Checkins > 0)
		b = append(b, ",\"hrv\":"...)
		b = appendNum(b, d.HRV, 4)
		b = append(b, ",\"hrv_ln_7d\":"...)
		b = appendNum(b, d.HRV7, 4)
		lo, hi := metrics.HRVRange(d.HRVRef, swc)
		b = append(b, ",\"hrv_ln_low\":"...)
		b = appendNum(b, lo, 4)
		b = append(b, ",\"hrv_ln_high\":"...)
		b = appendNum(b, hi, 4)
		b = append(b, ",\"resting_hr\":"...)
		b = appendNum(b, d.RestingHR, 4)
		b = append(b, ",\"rhr_baseline\":"...)
		b = appendNum(b, d.RHRRef.Mean, 4)
		b = append(b, ",\"rhr_limit\":"...)
		b = appendNum(b, d.RHRLimit, 4)
		b = append(b, ",\"sleep_hours\":"...)
		b = appendNum(b, d.SleepHours, 4)
		b = append(b, ",\"sleep_quality\":"...)
		b = appendNum(b, d.SleepQuality, 4)
		b = append(b, ",\"soreness\":"...)
		b = appendNum(b, d.Soreness, 4)
		b = append(b, ",\"stress\":"...)
		b = appendNum(b, d.Stress, 4)
		b = append(b, ",\"mood\":"...)
		b = appendNum(b, d.Mood, 4)
		b = append(b, ",\"energy\":"...)
		b = appendNum(b, d.Energy, 4)
		b = append(b, ",\"action\":\""...)
		b = append(b, d.Action.String()...)
		b = append(b, "\",\"work_in\":"...)
		if d.WorkInKind == metrics.NoWorkIn {
			b = append(b, "null"...)
		} else {
			b = appendString(b, d.WorkInKind.String())
		}
		b = append(b, '}')
	}
	w.b = b
	w.comma[len(w.comma)-1] = len(days) > 0
	w.endArr()
}

func weeklyJSON(w *jw, a *Athlete) {
	w.arr()
	for i := range a.Weeks {
		wk := &a.Weeks[i]
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
		w.obj()
		for s, name := range a.Sports {
			if wk.BySport[s] != 0 {
				w.kv(name, func() { w.round(wk.BySport[s], 4) })
			}
		}
		w.endObj()
		w.endObj()
	}
	w.endArr()
}

func sessionsJSON(w *jw, ss []metrics.Session) {
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
		b = appendString(b, s.Origin.FileName())
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
	w.arr()
	for _, m := range a.Merges {
		w.obj()
		w.kv("date", func() { w.date(m.Date) })
		w.kv("kept", func() { w.str(fmt.Sprintf("%s:%d", m.Kept.File, m.Kept.Line)) })
		w.kv("dropped", func() { w.str(fmt.Sprintf("%s:%d", m.Dropped.File, m.Dropped.Line)) })
		w.endObj()
	}
	w.endArr()
	w.endObj()
}

func firstDate(days []metrics.Day) metrics.Date {
	if len(days) == 0 {
		return metrics.NoDate
	}
	return days[0].Date
}

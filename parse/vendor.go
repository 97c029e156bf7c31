package parse

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
)

// A spec describes one export format: the header names that carry each of
// workin's fields (in every language seen), and how a record becomes a
// workout or a check-in. Formats are recognised from the header, never
// from the file name.
type spec struct {
	name  string // short name, shown as the format ("strava")
	label string // what the file is, for people ("Strava activities.csv")
	kind  Kind
	cols  []col
	// need lists fields that must all be present for the format to match.
	need []string
	// mark is how the export writes decimals.
	mark decimalMark
	// load names the export's own load column when it is on the TSS scale.
	load string
	// utc is set when the export writes its times in UTC (Strava, PMSys):
	// they are dated in the athlete's time zone.
	utc bool
	// notes are caveats about the format added to every file of it.
	notes []string
	// measure and rate rank the export's check-ins against other sources
	// of the same day (metrics.Origin): devices win for what they measure,
	// the athlete's own sheet for how they feel.
	measure, rate int8
	workout       func(r *vrow) (metrics.Workout, string, *rowError)
	checkin       func(r *vrow) (metrics.Checkin, string, *rowError)
}

// col maps one field to its header names (HeaderKey forms). last takes
// the last of repeated columns (Strava's canonical units come second).
type col struct {
	field string
	names []string
	last  bool
}

// vbinding is a spec matched to one file's header.
type vbinding struct {
	layout  // tags: the field each column carries
	spec    *spec
	index   map[string]int    // field → column
	written map[string]string // field → header cell as written
	ignored []string
}

// bindSpec matches a header against a spec; ok is false when a needed
// field is missing.
func bindSpec(s *spec, header []string, keys []string) (*vbinding, bool) {
	b := &vbinding{spec: s, index: map[string]int{}, written: map[string]string{}}
	b.tags, b.numeric = make([]string, len(header)), make([]bool, len(header))
	used := make([]bool, len(header))
	for _, c := range s.cols {
		at := -1
		for i, k := range keys {
			if slices.Contains(c.names, k) {
				at = i
				if !c.last {
					break
				}
			}
		}
		if at >= 0 {
			b.index[c.field], b.written[c.field], b.tags[at] = at, header[at], c.field
			used[at] = true
		}
	}
	for _, f := range s.need {
		if _, ok := b.index[f]; !ok {
			return b, false
		}
	}
	usedKey := map[string]bool{}
	for i := range header {
		if used[i] {
			usedKey[keys[i]] = true
		}
	}
	for i, h := range header {
		if used[i] || strings.TrimSpace(h) == "" {
			continue
		}
		name := stripTags(h)
		if usedKey[keys[i]] { // Strava writes some columns twice; the other copy is read
			name += " (its other copy is read)"
		}
		b.ignored = append(b.ignored, name)
	}
	return b, true
}

// exportRow is a record of a vendor export as gocsv binds it: the text of
// each field of the export's spec (spec.cols), by the field's name. The
// spec's converter reads the text: units, locales and layouts differ from
// export to export. Every field a spec names has a field here (a test
// checks).
type exportRow struct {
	Answer      string `csv:"answer"`
	Asleep      string `csv:"asleep"`
	AvgHR       string `csv:"avg_hr"`
	AvgPower    string `csv:"avg_power"`
	Comments    string `csv:"comments"`
	Date        string `csv:"date"`
	Day         string `csv:"day"`
	Description string `csv:"description"`
	Distance    string `csv:"distance"`
	Duration    string `csv:"duration"`
	Elapsed     string `csv:"elapsed"`
	End         string `csv:"end"`
	FTP         string `csv:"ftp"`
	Hours       string `csv:"hours"`
	HRMax       string `csv:"hr_max"`
	HRV         string `csv:"hrv"`
	ID          string `csv:"id"`
	Intensity   string `csv:"intensity"`
	Load        string `csv:"load"`
	LTHR        string `csv:"lthr"`
	MaxHR       string `csv:"max_hr"`
	Minutes     string `csv:"minutes"`
	Mood        string `csv:"mood"`
	Motivation  string `csv:"motivation"`
	Moving      string `csv:"moving"`
	Name        string `csv:"name"`
	Nap         string `csv:"nap"`
	NP          string `csv:"np"`
	Performance string `csv:"performance"`
	PlannedDist string `csv:"planned_distance"`
	PlannedHrs  string `csv:"planned_hours"`
	Quality     string `csv:"quality"`
	Question    string `csv:"question"`
	Readiness   string `csv:"readiness"`
	RestHR      string `csv:"rest_hr"`
	RHR         string `csv:"rhr"`
	RPE         string `csv:"rpe"`
	Score       string `csv:"score"`
	Sleep       string `csv:"sleep"`
	Soreness    string `csv:"soreness"`
	Sport       string `csv:"sport"`
	Start       string `csv:"start"`
	Stress      string `csv:"stress"`
	Time        string `csv:"time"`
	Title       string `csv:"title"`
	TSS         string `csv:"tss"`
	Wake        string `csv:"wake"`
}

// exportSlots maps an exportRow tag to its struct field.
var exportSlots = func() map[string]int {
	t := reflect.TypeFor[exportRow]()
	m := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		m[t.Field(i).Tag.Get("csv")] = i
	}
	return m
}()

// text returns the cell of struct field i.
func (r *exportRow) text(i int) string { return reflect.ValueOf(r).Elem().Field(i).String() }

// vrow is one record of a vendor export being converted.
type vrow struct {
	b      *vbinding
	row    *exportRow
	loc    *time.Location // the athlete's time zone, for exports in UTC
	unit   string         // the athlete's display distance unit ("km", "mi")
	stamps *stampReader   // the chunk's, remembering the last layout read
}

// str returns the trimmed cell of field ("" when missing or absent).
func (r *vrow) str(field string) string {
	if _, ok := r.b.index[field]; !ok {
		return ""
	}
	s := strings.TrimSpace(r.row.text(exportSlots[field]))
	if missingToken(s) {
		return ""
	}
	return s
}

// num reads field as a number in the export's locale.
func (r *vrow) num(field string) (float64, *rowError) {
	v, err := localeNumber(r.str(field), r.b.spec.mark)
	if err != nil {
		return 0, &rowError{field, err}
	}
	return v, nil
}

// nums reads several fields; the first bad one is the error.
func (r *vrow) nums(fields ...string) ([]float64, *rowError) {
	out := make([]float64, len(fields))
	for i, f := range fields {
		v, err := r.num(f)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// positive keeps a measurement only when it is above zero: exports write 0
// for "no heart rate" or "no power".
func positive(v float64) float64 {
	if metrics.Known(v) && v > 0 {
		return v
	}
	return metrics.Missing()
}

// when reads a date-time field, in UTC when the export writes UTC.
func (r *vrow) when(field string) (stamp, *rowError) {
	s := r.str(field)
	if s == "" {
		return stamp{}, &rowError{field, fmt.Errorf("the row has no date")}
	}
	st, err := r.stamps.read(s, r.b.spec.utc, r.loc)
	if err != nil {
		return stamp{}, &rowError{field, err}
	}
	return st, nil
}

// rawFields name, for the canonical columns the plausibility checks
// report, the export fields a value may have come from, in order: the
// first with a cell in the row is quoted as written.
var rawFields = map[string][]string{
	"duration":    {"moving", "elapsed", "time", "hours", "minutes"},
	"distance_km": {"distance"},
	"tss":         {"tss", "load"},
	"sleep_hours": {"sleep", "asleep", "duration"},
	"resting_hr":  {"rhr"},
	"date":        {"start", "date", "day", "wake", "end", "time"},
}

// fieldOf maps a rowError's column (a field of the spec, or a canonical
// column of the checks every format passes) to the field of the spec.
func (b *vbinding) fieldOf(r *vrow, column string) string {
	if _, ok := b.index[column]; ok {
		return column
	}
	for _, f := range rawFields[column] {
		if _, ok := b.index[f]; ok && r.str(f) != "" {
			return f
		}
	}
	return column
}

// errColumn maps a rowError's field to the header cell as written.
func (b *vbinding) errColumn(field string) string {
	if w, ok := b.written[field]; ok {
		return w
	}
	return field
}

// mapping lists header → field pairs, for workin inspect.
func (b *vbinding) mapping() []string {
	var out []string
	for _, c := range b.spec.cols {
		if w, ok := b.written[c.field]; ok {
			out = append(out, fmt.Sprintf("%s → %s", stripTags(w), c.field))
		}
	}
	return out
}

// readVendor reads a file in a vendor format.
func readVendor(t *table, b *vbinding, opt Options) (*File, error) {
	s := b.spec
	f := &File{Name: t.file, Kind: s.kind, Format: s.label, Ignored: b.ignored, Columns: b.mapping(), Notes: t.notes}
	origin := &metrics.Origin{File: t.file, Format: s.name, Label: s.label, TSSLabel: s.load, MeasureRank: s.measure, RateRank: s.rate}
	var loc *time.Location
	unit := "km"
	if opt.Zone != nil {
		loc = opt.Zone(opt.Athlete)
	}
	if opt.Unit != nil {
		if u := opt.Unit(opt.Athlete); u != "" {
			unit = u
		}
	}
	row := func(r *exportRow, stamps *stampReader) *vrow {
		return &vrow{b: b, row: r, loc: loc, unit: unit, stamps: stamps}
	}
	var err error
	if s.kind == KindWorkouts {
		var rs rows[workoutRow]
		var parts []part
		rs, parts, err = vendorRows(t, b, opt, row, s.workout, func(w metrics.Workout) *rowError { return checkWorkout(&w) },
			func(w metrics.Workout, line int) metrics.Workout {
				w.Athlete, w.Origin, w.Line = opt.Athlete, origin, int32(line)
				return w
			}, packWorkout)
		if err == nil {
			planned := rs.splitPlanned(func(w workoutRow) bool { return w.planned })
			f.Workouts = Workouts{finishRows(f, rs, parts, origin)}
			if n := planned.Len(); n > 0 {
				planned.origin = origin
				f.Planned = Workouts{planned}
				f.Notes = append(f.Notes, fmt.Sprintf("%s without actuals: read as planned sessions, never load (projected when dated after the as-of day; planned, not done, on or before it)",
					text.Plural(n, "planned workout", "planned workouts")))
			}
		}
	} else {
		var rs rows[checkinRow]
		var parts []part
		rs, parts, err = vendorRows(t, b, opt, row, s.checkin, func(c metrics.Checkin) *rowError {
			return firstError(checkDate(c.Date), rangeSleep.check(c.SleepHours), rangeHRV.check(c.HRV), rangeRestHR.check(c.RestingHR))
		}, func(c metrics.Checkin, line int) metrics.Checkin {
			c.Athlete, c.Origin, c.Line = opt.Athlete, origin, int32(line)
			return c
		}, packCheckin)
		if err == nil {
			f.Checkins = Checkins{finishRows(f, rs, parts, origin)}
		}
	}
	if err != nil {
		return nil, err
	}
	f.Notes = append(f.Notes, s.notes...)
	if loc == nil && s.utc && f.Used() > 0 {
		what := "sessions are"
		if s.kind == KindCheckins {
			what = "check-ins are"
		}
		f.Notes = append(f.Notes, "this export writes UTC times and the profile gives no timezone: "+what+" dated by the UTC day; add timezone: (e.g. Europe/Madrid) to the profile")
	}
	f.finishNotes()
	return f, nil
}

// keys returns the HeaderKey of every header cell.
func keys(header []string) []string {
	out := make([]string, len(header))
	for i, h := range header {
		out[i] = HeaderKey(h)
	}
	return out
}

// vendorRows converts every record of a vendor export: convert reads it,
// check applies the plausibility checks every format passes, own gives the
// row its athlete, file and line.
func vendorRows[T any, P packedRow[P]](t *table, b *vbinding, opt Options, row func(*exportRow, *stampReader) *vrow,
	convert func(*vrow) (T, string, *rowError), check func(T) *rowError, own func(T, int) T, pack func(T, *textTable) P) (rows[P], []part, error) {
	athleteOf := func([]string) string { return opt.Athlete }
	return collect(t, opt, &b.layout, athleteOf, func() decodeFn[T] {
		stamps := &stampReader{}
		var scratch []exportRow
		return func(bt *batch, out []result[T], _ *[]string) ([]result[T], error) {
			err := bindBatch(bt, &scratch, func(i int, r *exportRow, _ int, err error) error {
				if err != nil { // text cells cannot fail; kept for any future typed field
					out = append(out, result[T]{err: err, athlete: opt.Athlete})
					return nil
				}
				vr := row(r, stamps)
				x, drop, re := convert(vr)
				if re == nil && drop == "" {
					re = check(x)
				}
				if re != nil {
					field := b.fieldOf(vr, re.column)
					out = append(out, result[T]{col: b.errColumn(field), err: withRaw(re.err, vr.str(field)), athlete: opt.Athlete})
					return nil
				}
				out = append(out, result[T]{row: own(x, bt.lines[i]), drop: drop})
				return nil
			})
			return out, err
		}
	}, pack)
}

package parse

import (
	"fmt"

	"io"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/workin/workin/model"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
)

// Kind is what a file holds.
type Kind uint8

// The kinds of input file.
const (
	KindWorkouts Kind = iota + 1
	KindCheckins
)

func (k Kind) String() string {
	switch k {
	case KindWorkouts:
		return "workouts"
	case KindCheckins:
		return "check-ins"
	}
	return "unknown"
}

// Options control how a file is read.
type Options struct {
	// Lenient skips bad rows, recording each in File.Skipped, instead of
	// stopping at the first. File-level problems stop the read regardless.
	Lenient bool
	// Athlete owns the rows of a file that has no athlete column.
	Athlete string
	// Scales returns the check-in scales of an athlete whose sheet does not
	// use 1–10 (nil: every athlete uses 1–10).
	Scales func(athlete string) Scales
	// Zone returns an athlete's time zone, to date sessions from exports
	// that write UTC (Strava, PMSys); nil or a nil zone keeps the UTC day.
	Zone func(athlete string) *time.Location
	// Unit returns the distance unit an athlete's Garmin account displays
	// ("km" or "mi"; default km).
	Unit func(athlete string) string
	// Defer reads a native sheet's records without decoding them: the
	// File indexes them (Groups, DateAt, LineAt) and Decode decodes a
	// selection on demand, so only the rows in use are ever values. The
	// data passed to Read must then stay unchanged while the File is used.
	// Exports are always decoded at once.
	Defer bool
	// Spill holds a deferred sheet's records until they are decoded (nil:
	// in memory).
	Spill Spill
}

// File is one input file after reading: its rows as domain values and
// what happened to every other row.
type File struct {
	Name     string
	Kind     Kind
	Format   string       // detected format, such as "native workouts"
	Columns  []string     // how header cells map onto workin's fields ("Avg HR → avg_hr")
	Ignored  []string     // header cells workin does not read
	Rows     int          // data records read (the header not counted)
	Dropped  int          // rows that add nothing by design (planned workouts, naps, empty days)
	Skipped  []model.Skip // rows left out in lenient mode
	Notes    []string     // data-quality remarks that did not stop a row
	First    metrics.Date
	Last     metrics.Date
	Workouts Workouts // the rows kept, for a workouts file
	Checkins Checkins // the rows kept, for a check-ins file
	// Planned are an export's planned workouts without actuals
	// (TrainingPeaks): planned sessions, each with Planned set, never in
	// Workouts, Used, First or Last.
	Planned Workouts
	index   *index // a deferred native sheet's records (Options.Defer)
}

// Relabel renames the file everywhere it is named, its rows' origin and its
// skipped rows included: --redact names files by role ("workouts file 1")
// so that a file named after a person leaves no trace in the outputs.
func (f *File) Relabel(name string) {
	f.Name = name

	for _, o := range []*metrics.Origin{f.Workouts.origin, f.Checkins.origin} {
		if o != nil {
			o.File = name
		}
	}
	for i := range f.Skipped {
		f.Skipped[i].File = name
	}
}

// describeProblems is how many skipped rows Describe lists.
const describeProblems = 5

// Describe says how the file was read, as label and text pairs (format,
// dates, rows, columns, not used, note, problem): what workin inspect
// prints.
func (f *File) Describe() [][2]string {
	out := [][2]string{{"format", fmt.Sprintf("%s (%s)", f.Format, f.Kind)}}
	span := "no rows used"
	if f.Used() > 0 {
		span = fmt.Sprintf("%s to %s", f.First, f.Last)
	}
	out = append(out, [2]string{"dates", span},
		[2]string{"rows", f.rowCounts()},
		[2]string{"columns", strings.Join(f.Columns, "; ")})
	if len(f.Ignored) > 0 {
		out = append(out, [2]string{"not used", strings.Join(f.Ignored, ", ")})
	}
	for _, n := range f.Notes {
		out = append(out, [2]string{"note", n})
	}
	for i, s := range f.Skipped {
		if i == describeProblems {
			out = append(out, [2]string{"problem", fmt.Sprintf("… and %d more", len(f.Skipped)-describeProblems)})
			break
		}
		col := ""
		if s.Column != "" {
			col = fmt.Sprintf(" column %q:", s.Column)
		}
		out = append(out, [2]string{"problem", fmt.Sprintf("line %d:%s %s", s.Line, col, s.Reason)})
	}
	return out
}

// rowCounts says what became of the file's rows.
func (f *File) rowCounts() string {
	planned := ""
	if n := f.Planned.Len(); n > 0 {
		planned = fmt.Sprintf("%d planned, ", n)
	}
	return fmt.Sprintf("%d read, %d used, %s%d left out by design, %d skipped", f.Rows, f.Used(), planned, f.Dropped, len(f.Skipped))
}

// Summary is the file's line of the data-quality section.
func (f *File) Summary() model.File {
	return model.File{Name: f.Name, Kind: f.Kind.String(), Format: f.Format, Rows: f.Rows, Used: f.Used(),
		Skipped: len(f.Skipped), First: f.First, Last: f.Last, Ignored: f.Ignored, Notes: f.Notes}
}

// Used is the number of rows kept.
func (f *File) Used() int {
	if f.index != nil {
		return f.index.rows
	}
	return f.Workouts.Len() + f.Checkins.Len()
}

// maxNotes bounds the data-quality remarks kept per file; the rest are
// counted in a final remark.
const maxNotes = 20

// ReadWorkouts reads a native workouts sheet.
func ReadWorkouts(r io.Reader, name string, opt Options) (*File, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &Error{File: name, FileLevel: true, Err: err, Msg: fmt.Sprintf("cannot read: %v", err)}
	}
	return ReadWorkoutsBytes(data, name, opt)
}

// ReadCheckins reads a native check-ins sheet.
func ReadCheckins(r io.Reader, name string, opt Options) (*File, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &Error{File: name, FileLevel: true, Err: err, Msg: fmt.Sprintf("cannot read: %v", err)}
	}
	return ReadCheckinsBytes(data, name, opt)
}

// ReadWorkoutsBytes is ReadWorkouts on a file already in memory; large
// files are read in parallel chunks.
func ReadWorkoutsBytes(data []byte, name string, opt Options) (*File, error) {
	t, err := newTable(name, data)
	if err != nil {
		return nil, err
	}
	return readWorkouts(t, opt)
}

func readWorkouts(t *table, opt Options) (*File, error) {
	name := t.file
	b, err := bind(name, t.header, nativeWorkout{}, t.comma)
	if err != nil {
		return nil, err
	}
	if !b.has["date"] && !b.has["start"] {
		return nil, missingColumn(name, t.header, "date or start column", "date,athlete,sport,duration,rpe")
	}
	f := &File{Name: name, Kind: KindWorkouts, Format: "native workouts", Ignored: b.ignored, Notes: t.notes}
	origin := &metrics.Origin{File: name, Format: "native", Label: "workin native workouts sheet", TSSLabel: "tss"}
	f.Columns = usedColumns(b)
	newConvert := func() func(*nativeWorkout, int, *[]string) (metrics.Workout, *rowError) {
		return newWorkoutConverter(origin, b.has["athlete"], opt.Athlete).convert
	}
	if opt.Defer {
		f.Workouts.origin = origin
		if err := deferNative(t, f, b, opt, newConvert, workoutCodec(origin)); err != nil {
			return nil, err
		}
		f.finishNotes()
		return f, nil
	}
	rows, parts, err := readRows(t, b, opt, newConvert, packWorkout)
	if err != nil {
		return nil, err
	}
	f.Workouts = Workouts{finishRows(f, rows, parts, origin)}
	f.finishNotes()
	return f, nil
}

// ReadCheckinsBytes is ReadCheckins on a file already in memory.
func ReadCheckinsBytes(data []byte, name string, opt Options) (*File, error) {
	t, err := newTable(name, data)
	if err != nil {
		return nil, err
	}
	return readCheckins(t, opt)
}

func readCheckins(t *table, opt Options) (*File, error) {
	name := t.file
	b, err := bind(name, t.header, nativeCheckin{}, t.comma)
	if err != nil {
		return nil, err
	}
	if !b.has["date"] {
		return nil, missingColumn(name, t.header, "date column", "date,athlete,sleep_hours,soreness,hrv")
	}
	f := &File{Name: name, Kind: KindCheckins, Format: "native check-ins", Ignored: b.ignored, Notes: t.notes}
	origin := &metrics.Origin{File: name, Format: "native", Label: "workin native check-ins sheet", MeasureRank: 1, RateRank: rankOwnSheet}
	f.Columns = usedColumns(b)
	newConvert := func() func(*nativeCheckin, int, *[]string) (metrics.Checkin, *rowError) {
		return newCheckinConverter(origin, b.has["athlete"], opt.Athlete, opt.Scales).convert
	}
	if opt.Defer {
		f.Checkins.origin = origin
		if err := deferNative(t, f, b, opt, newConvert, checkinCodec(origin)); err != nil {
			return nil, err
		}
		f.finishNotes()
		return f, nil
	}
	rows, parts, err := readRows(t, b, opt, newConvert, packCheckin)
	if err != nil {
		return nil, err
	}
	f.Checkins = Checkins{finishRows(f, rows, parts, origin)}
	f.finishNotes()
	return f, nil
}

func missingColumn(name string, header []string, what, example string) error {
	found := strings.Join(header, ", ")
	return fileError(name, 1, "the header has no %s (found: %s); a native sheet starts like %q",
		what, text.Clip(found, 40), example)
}

func usedColumns(b *binding) []string {
	var used []string
	for i, tag := range b.tags {
		if tag != "" {
			used = append(used, fmt.Sprintf("%s → %s", strings.TrimSpace(b.names[i]), tag))
		}
	}
	return used
}

func (f *File) collect(parts []part) {
	drops := map[string]int{}
	for _, p := range parts {
		f.Rows += p.read
		f.Skipped = append(f.Skipped, p.skipped...)
		f.Notes = append(f.Notes, p.notes...)
		for reason, n := range p.drops {
			drops[reason] += n
		}
	}
	reasons := make([]string, 0, len(drops))
	for r := range drops {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		f.Dropped += drops[r]
		f.Notes = append(f.Notes, dropNote(drops[r], r))
	}
}

// finishRows gives a file its chunks' counts and remarks, and its rows their
// origin, and extends the file's span over the rows' dates.
func finishRows[P packedRow[P]](f *File, rs rows[P], parts []part, origin *metrics.Origin) rows[P] {
	f.collect(parts)
	rs.origin = origin
	for _, r := range rs.packed {
		f.span(r.day())
	}
	return rs
}

func (f *File) span(d metrics.Date) {
	if f.First == metrics.NoDate || d < f.First {
		f.First = d
	}
	if d > f.Last {
		f.Last = d
	}
}

func (f *File) finishNotes() { f.Notes = CapNotes(f.Notes) }

// CapNotes bounds a file's remarks as a read does: the first maxNotes,
// then how many more there are.
func CapNotes(notes []string) []string {
	if n := len(notes); n > maxNotes {
		return append(notes[:maxNotes:maxNotes], fmt.Sprintf("… and %d more remarks like these", n-maxNotes))
	}
	return notes
}

// part is what one chunk of a file yields.
type part struct {
	skipped []model.Skip
	notes   []string
	drops   map[string]int // rows that add nothing, by reason (a planned workout, a nap)
	read    int
	rows    int // rows converted, stored from the chunk's offset in the file's slice
}

// rowError is a bad row: the column (as canonical name; "" for the whole
// row) and what is wrong.
type rowError struct {
	column string
	err    error
}

// result is what a converter makes of one record: a row, a benign reason
// to drop it, or an error with the column as written and the row's athlete.
type result[T any] struct {
	row     T
	drop    string
	col     string
	err     error
	athlete string
}

// decodeFn binds and converts a batch of records, appending one result
// per record, in order, to out.
type decodeFn[T any] func(b *batch, out []result[T], notes *[]string) ([]result[T], error)

// collect converts every record, chunk by chunk in parallel, and packs the
// rows. Each chunk's records go to decode in batches; a record with too
// few or too many cells never reaches it (athleteOf names its athlete).
// All rows go into one slice allocated once: each chunk writes from an
// offset bounded by its line count, and the gaps left by blank lines,
// multi-line cells and skipped rows are closed at the end. Each chunk has
// its own decoder (made by newDecode, so decoders may keep state without
// locks) and its own text table; the tables are joined at the end and the
// rows' references moved to match.
func collect[T any, P packedRow[P]](t *table, opt Options, lay *layout, athleteOf func(rec []string) string,
	newDecode func() decodeFn[T], pack func(T, *textTable) P) (rows[P], []part, error) {
	cs := t.chunks(runtime.GOMAXPROCS(0))
	offsets := make([]int, len(cs)+1)
	for k, c := range cs {
		offsets[k+1] = offsets[k] + c.lines + 1
	}
	all := make([]P, offsets[len(cs)])
	texts := make([]*textTable, len(cs))
	parts, err := parallel(cs, func(k int, c chunk) (part, error) {
		var p part
		rows := all[offsets[k]:offsets[k+1]]
		decode := newDecode()
		tt := newTextTable()
		texts[k] = tt
		keep := func(r result[T], line int) error {
			switch {
			case r.err == nil && r.drop == "":
				rows[p.rows] = pack(r.row, tt)
				p.rows++
			case r.err == nil:
				if p.drops == nil {
					p.drops = map[string]int{}
				}
				p.drops[r.drop]++
			case !opt.Lenient:
				return &Error{File: t.file, Line: line, Column: r.col, Msg: r.err.Error(), Err: r.err}
			default:
				p.skipped = append(p.skipped, model.Skip{File: t.file, Line: line, Column: text.Clip(r.col, 40), Reason: r.err.Error(), Athlete: r.athlete})
			}
			return nil
		}
		bt := newBatch(lay, batchSize)
		var results []result[T]
		flush := func() error {
			if bt.len() == 0 {
				return nil
			}
			var err error
			if results, err = decode(bt, results[:0], &p.notes); err != nil {
				return err
			}
			for i, r := range results {
				if err := keep(r, bt.lines[i]); err != nil {
					return err
				}
			}
			bt.reset()
			return nil
		}
		err := t.eachRecord(c, func(rec []string, line int) error {
			if blank(rec) {
				return nil
			}
			p.read++
			if err := cellCount(len(rec), len(t.header)); err != nil {
				if err := flush(); err != nil {
					return err
				}
				return keep(result[T]{err: err, athlete: athleteOf(rec)}, line)
			}
			bt.add(rec, line)
			if bt.full() {
				return flush()
			}
			return nil
		})
		if err != nil {
			// A malformed record ends the read; a bad row before it is
			// the first problem in the file.
			if pe, ok := err.(*Error); ok && pe.FileLevel {
				if ferr := flush(); ferr != nil {
					return p, ferr
				}
			}
			return p, err
		}
		return p, flush()
	})
	if err != nil {
		return rows[P]{}, nil, err
	}
	n := 0
	joined := texts[0].text
	for k, p := range parts {
		src := all[offsets[k] : offsets[k]+p.rows]
		if k > 0 {
			by := textRef(len(joined) - 1)
			for i := range src {
				src[i] = src[i].shift(by)
			}
			joined = append(joined, texts[k].text[1:]...)
		}
		if n != offsets[k] {
			copy(all[n:], src)
		}
		n += p.rows
	}
	clear(all[n:])
	return rows[P]{packed: all[:n:n], text: slices.Clip(joined)}, parts, nil
}

// blank reports whether a record is a line of blanks (or of commas).
func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// readRows reads a native sheet: gocsv binds each record to an R, then
// convert makes it a value.
func readRows[R, T any, P packedRow[P]](t *table, b *binding, opt Options, newConvert func() func(*R, int, *[]string) (T, *rowError), pack func(T, *textTable) P) (rows[P], []part, error) {
	athleteOf := func(rec []string) string { return b.athleteOf(rec, opt.Athlete) }
	return collect(t, opt, &b.layout, athleteOf, nativeDecode(b, opt, newConvert), pack)
}

// deferNative reads a native sheet deferred (Options.Defer).
func deferNative[R, T any](t *table, f *File, b *binding, opt Options, newConvert func() func(*R, int, *[]string) (T, *rowError), codec rowCodec[T]) error {
	athleteOf := func(rec []string) string { return b.athleteOf(rec, opt.Athlete) }
	return deferSheet(t, f, opt, &b.layout, athleteOf, nativeDecode(b, opt, newConvert), codec, t.blocks())
}

// nativeDecode makes the decoders of a native sheet's batches: gocsv binds
// each record to an R, then convert checks it and makes it a value.
func nativeDecode[R, T any](b *binding, opt Options, newConvert func() func(*R, int, *[]string) (T, *rowError)) func() decodeFn[T] {
	return func() decodeFn[T] {
		convert := newConvert()
		var scratch []R
		return func(bt *batch, out []result[T], notes *[]string) ([]result[T], error) {
			err := bindBatch(bt, &scratch, func(i int, row *R, col int, err error) error {
				rec := bt.record(i)
				var column string
				if err == nil {
					n0 := len(*notes)
					x, re := convert(row, bt.lines[i], notes)
					for range len(*notes) - n0 {
						bt.noteLines = append(bt.noteLines, bt.lines[i])
					}
					if re == nil {
						out = append(out, result[T]{row: x})
						return nil
					}
					column, err = b.written(re.column), withRaw(re.err, b.cell(rec, re.column))
				} else {
					column, err = b.names[col], asWritten(err, rec[col])
				}
				out = append(out, result[T]{col: column, err: err, athlete: b.athleteOf(rec, opt.Athlete)})
				return nil
			})
			return out, err
		}
	}
}

// athleteOf returns the athlete cell of a record, or owner when the file
// has no athlete column.
func (b *binding) athleteOf(rec []string, owner string) string {
	i := b.column("athlete")
	switch {
	case i < 0:
		return owner
	case i < len(rec):
		return strings.TrimSpace(strings.Clone(rec[i]))
	}
	return ""
}

// cell returns a record's cell of a tag ("" when absent).
func (b *binding) cell(rec []string, tag string) string {
	if i := b.column(tag); i >= 0 && i < len(rec) {
		return rec[i]
	}
	return ""
}

// written returns the header cell as written for a tag (the tag itself
// when the file has no such column).
func (b *binding) written(tag string) string {
	if i := b.column(tag); i >= 0 {
		return b.names[i]
	}
	return tag
}

// dropNote counts rows left out by design: "3 naps (…)", and for one row
// the reason's noun singular: "1 cycle without a recorded sleep", "1
// planned workout without actuals", "1 journal answer".
func dropNote(n int, reason string) string {
	if n == 1 {
		words := strings.SplitN(reason, " ", 3)
		for i := 0; i < len(words) && i < 2; i++ {
			if w := words[i]; strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
				words[i] = strings.TrimSuffix(w, "s")
				break
			}
		}
		reason = strings.Join(words, " ")
	}
	return fmt.Sprintf("%d %s", n, reason)
}

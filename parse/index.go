package parse

import (
	"errors"
	"runtime"
	"strings"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
	"github.com/workin/workin/model"
)

// A deferred native sheet (Options.Defer) is read in two passes. The
// first, at Read, finds every record and notes where it starts, its
// physical line, its day and its athlete: 16 bytes a row, and the rows
// that cannot be given to an athlete (a cell short, a bad athlete name)
// are dealt with there. The second, Decode, binds and converts the records
// of one athlete when the pipeline comes to them, so a large team's rows
// are never all in memory as values: only the index and the file's bytes
// (which the caller may map rather than read).

// recordRef is one record of a deferred sheet.
type recordRef struct {
	off  uint32       // offset of the record in the table's body
	line int32        // physical line
	date metrics.Date // its day as the date or start cell gives it; NoDate when neither is a plausible day
	who  textRef      // the athlete cell, cleaned
}

// index is a deferred sheet's records and how to decode them.
type index struct {
	t      *table
	refs   []recordRef
	names  []string // by textRef
	decode func(refs []recordRef) (Decoded, error)
}

// Decoded is what decoding some of a file's rows gives: the rows, in file
// order, the rows left out in lenient mode and the remarks converting
// them made.
type Decoded struct {
	Workouts []metrics.Workout
	Checkins []metrics.Checkin
	Skipped  []model.Skip
	Notes    []Note
}

// Note is a remark about one row.
type Note struct {
	Line int
	Text string
}

// sheetIndexer is what indexing needs of a native sheet: its binding and
// where its athlete and day are.
type sheetIndexer struct {
	b       *binding
	opt     Options
	own     owner
	athlete int // header position of the athlete column, -1 when none
	date    int // header position of the date column, -1 when none
	start   int // header position of the start column, -1 when none
}

func newIndexer(b *binding, opt Options, origin *metrics.Origin) *sheetIndexer {
	return &sheetIndexer{b: b, opt: opt, own: owner{origin: origin, hasColumn: b.has["athlete"], fallback: opt.Athlete},
		athlete: b.column("athlete"), date: b.column("date"), start: b.column("start")}
}

// day is the record's day as indexing sees it: the start cell's day, else
// the date cell's, when it is a plausible day; decoding checks the rest.
func (x *sheetIndexer) day(rec []string) metrics.Date {
	d := metrics.NoDate
	if x.date >= 0 {
		var v Day
		if v.UnmarshalCSV(rec[x.date]) == nil && v.OK {
			d = v.D
		}
	}
	if x.start >= 0 {
		var v Stamp
		if v.UnmarshalCSV(rec[x.start]) == nil && v.OK {
			d = v.D
		}
	}
	if d != metrics.NoDate && checkDate(d) != nil {
		return metrics.NoDate
	}
	return d
}

// indexPart is what indexing one chunk yields.
type indexPart struct {
	refs    []recordRef
	text    *textTable
	skipped []model.Skip
	read    int
	first   *Error // the chunk's first row error in strict mode
}

// indexSheet reads a native sheet's first pass into f.
func indexSheet[R, T any](t *table, x *sheetIndexer, f *File, newConvert func() func(*R, int, *[]string) (T, *rowError), put func(*Decoded, []T)) error {
	decode := nativeDecode(x.b, x.opt, newConvert)
	cs := t.chunks(runtime.GOMAXPROCS(0))
	parts, err := parallel(cs, func(_ int, c chunk) (indexPart, error) {
		p := indexPart{text: newTextTable()}
		rs := t.records(c)
		err := rs.each(func(rec []string, line int) error {
			if blank(rec) {
				return nil
			}
			p.read++
			res := result[struct{}]{athlete: x.b.athleteOf(rec, x.opt.Athlete)}
			var name string
			if err := cellCount(len(rec), len(t.header)); err != nil {
				res.err = err
			} else if who, re := x.own.of(cellAt(rec, x.athlete)); re != nil {
				res.col, res.err = x.b.written(re.column), re.err
			} else {
				name = who
			}
			if res.err == nil {
				p.refs = append(p.refs, recordRef{off: uint32(rs.at), line: int32(line), date: x.day(rec), who: p.text.label(name)})
				return nil
			}
			// The row's first problem, as a whole read would find it,
			// may be in a cell the first pass does not read.
			var d Decoded
			e := &Error{File: t.file, Line: line, Column: res.col, Msg: res.err.Error(), Err: res.err}
			sk := model.Skip{File: t.file, Line: line, Column: text.Clip(res.col, 40), Reason: res.err.Error(), Athlete: res.athlete}
			if len(rec) == len(t.header) {
				_, err := decodeRefs(t, x.b, x.opt, []recordRef{{off: uint32(rs.at), line: int32(line)}}, decode(), &d)
				switch {
				case err != nil:
					if pe, ok := err.(*Error); ok {
						e = pe
					}
				case len(d.Skipped) == 1:
					sk = d.Skipped[0]
				}
			}
			if !x.opt.Lenient {
				p.first = e
				return errStop
			}
			p.skipped = append(p.skipped, sk)
			return nil
		})
		switch pe, ok := err.(*Error); {
		case err == errStop:
			err = nil
		case ok && pe.FileLevel && pe.Line > 0:
			// A malformed record ends the read; a bad cell before it is
			// the first problem, as a whole read finds it.
			p.first, err = pe, nil
		}
		return p, err
	})
	if err != nil {
		return err
	}
	ix := &index{t: t}
	ix.names = parts[0].text.text
	var first *Error
	for k, p := range parts {
		f.Rows += p.read
		f.Skipped = append(f.Skipped, p.skipped...)
		by := textRef(0)
		if k > 0 {
			by = textRef(len(ix.names) - 1)
			ix.names = append(ix.names, p.text.text[1:]...)
		}
		for _, r := range p.refs {
			r.who = r.who.shift(by)
			ix.refs = append(ix.refs, r)
		}
		if first == nil && p.first != nil {
			first = p.first
		}
		if p.first != nil {
			break // the rows after the first error are not read
		}
	}
	ix.decode = func(refs []recordRef) (Decoded, error) {
		var d Decoded
		rows, err := decodeRefs(t, x.b, x.opt, refs, decode(), &d)
		put(&d, rows)
		return d, err
	}
	f.index = ix
	if first != nil {
		// A bad cell the first pass does not read may come before it.
		before := ix.refs[:0:0]
		for _, r := range ix.refs {
			if int(r.line) < first.Line {
				before = append(before, r)
			}
		}
		if _, err := ix.decode(before); err != nil {
			return err
		}
		return first
	}
	f.First, f.Last = ix.span()
	return nil
}

// errStop ends a chunk's first pass at its first error.
var errStop = errors.New("stop")

// cellAt is rec[i], or "" for a column the file does not have.
func cellAt(rec []string, i int) string {
	if i < 0 {
		return ""
	}
	return rec[i]
}

// decodeRefs decodes the records at refs, in order, through decode, with
// the strictness of opt: the first bad row is the error, or with --lenient
// a skip in d.
func decodeRefs[T any](t *table, b *binding, opt Options, refs []recordRef, decode decodeFn[T], d *Decoded) ([]T, error) {
	rows := make([]T, 0, len(refs))
	bt := newBatch(&b.layout, len(refs))
	var results []result[T]
	var rec, notes []string
	flush := func() error {
		if bt.len() == 0 {
			return nil
		}
		var err error
		if results, err = decode(bt, results[:0], &notes); err != nil {
			return err
		}
		for k, n := range notes {
			d.Notes = append(d.Notes, Note{Line: bt.noteLines[k], Text: n})
		}
		notes = notes[:0]
		for i, r := range results {
			line := bt.lines[i]
			switch {
			case r.err == nil:
				rows = append(rows, r.row)
			case !opt.Lenient:
				return &Error{File: t.file, Line: line, Column: r.col, Msg: r.err.Error(), Err: r.err}
			default:
				d.Skipped = append(d.Skipped, model.Skip{File: t.file, Line: line, Column: text.Clip(r.col, 40), Reason: r.err.Error(), Athlete: r.athlete})
			}
		}
		bt.reset()
		return nil
	}
	for _, ref := range refs {
		rs := t.recordsAt(int(ref.off), int(ref.line))
		var line int
		var err error
		if rec, line, err = rs.next(rec[:0]); err != nil {
			return rows, err // the first pass read this record: only a changed file gets here
		}
		bt.add(rec, line)
		if bt.full() {
			if err := flush(); err != nil {
				return rows, err
			}
		}
	}
	return rows, flush()
}

// recordsAt reads the body from offset off, physical line line.
func (t *table) recordsAt(off, line int) *records {
	return t.records(chunk{data: t.body[off:], line: line, start: off})
}

// span is the first and last day of the index's rows.
func (ix *index) span() (metrics.Date, metrics.Date) {
	first, last := metrics.NoDate, metrics.NoDate
	for _, r := range ix.refs {
		if r.date == metrics.NoDate {
			continue
		}
		if first == metrics.NoDate || r.date < first {
			first = r.date
		}
		last = max(last, r.date)
	}
	return first, last
}

// groups groups the index's rows by athlete, in the order of each
// athlete's first row.
func (ix *index) groups() []Group {
	slot := make([]int32, len(ix.names))
	var groups []Group
	at := map[string]int32{}
	for i, r := range ix.refs {
		g := slot[r.who] - 1
		if g < 0 {
			name := ix.names[r.who]
			g = at[name] - 1
			if g < 0 {
				g = int32(len(groups))
				groups = append(groups, Group{Athlete: name, First: r.date, Last: r.date})
				at[name] = g + 1
			}
			slot[r.who] = g + 1
		}
		grp := &groups[g]
		grp.Rows = append(grp.Rows, int32(i))
		if r.date != metrics.NoDate {
			if grp.First == metrics.NoDate || r.date < grp.First {
				grp.First = r.date
			}
			grp.Last = max(grp.Last, r.date)
		}
	}
	return groups
}

// Deferred reports whether the file's rows are indexed and decoded on
// demand (Options.Defer on a native sheet).
func (f *File) Deferred() bool { return f.index != nil }

// Len is the number of rows: kept, or indexed when deferred.
func (f *File) Len() int {
	if f.index != nil {
		return len(f.index.refs)
	}
	return f.Used()
}

// DateAt is the day of row i (NoDate for a deferred row whose day decoding
// will refuse).
func (f *File) DateAt(i int) metrics.Date {
	switch {
	case f.index != nil:
		return f.index.refs[i].date
	case f.Kind == KindCheckins:
		return f.Checkins.DateAt(i)
	}
	return f.Workouts.DateAt(i)
}

// LineAt is the physical line of row i.
func (f *File) LineAt(i int) int {
	switch {
	case f.index != nil:
		return int(f.index.refs[i].line)
	case f.Kind == KindCheckins:
		return f.Checkins.LineAt(i)
	}
	return f.Workouts.LineAt(i)
}

// Groups groups the file's rows by athlete, in the order of each athlete's
// first row.
func (f *File) Groups() []Group {
	switch {
	case f.index != nil:
		return f.index.groups()
	case f.Kind == KindCheckins:
		return f.Checkins.ByAthlete()
	}
	return f.Workouts.ByAthlete()
}

// Decode returns rows (indexes as Groups gives them, in file order) as
// values. A deferred file binds and converts them now, with the
// strictness it was read with: in strict mode the first bad row is the
// error; with --lenient bad rows are returned as skips. Safe to call for
// different rows at once.
func (f *File) Decode(rows []int32) (Decoded, error) {
	var d Decoded
	if f.index == nil {
		for _, i := range rows {
			if f.Kind == KindCheckins {
				d.Checkins = append(d.Checkins, f.Checkins.At(int(i)))
			} else {
				d.Workouts = append(d.Workouts, f.Workouts.At(int(i)))
			}
		}
		return d, nil
	}
	refs := make([]recordRef, len(rows))
	for k, i := range rows {
		refs[k] = f.index.refs[i]
	}
	return f.index.decode(refs)
}

// FirstError decodes every deferred row before line (all of them when
// line ≤ 0) and returns the first error, for a strict run that must report
// the first problem in the file.
func (f *File) FirstError(line int) error {
	if f.index == nil {
		return nil
	}
	var refs []recordRef
	for _, r := range f.index.refs {
		if line <= 0 || int(r.line) < line {
			refs = append(refs, r)
		}
	}
	_, err := f.index.decode(refs)
	return err
}

// owned copies the text of decoded rows, so that no value aliases the
// input; labels that repeat (athletes, sports) are copied once.
type owned map[string]string

func (o owned) label(s string) string {
	if s == "" {
		return ""
	}
	if c, ok := o[s]; ok {
		return c
	}
	c := strings.Clone(s)
	o[c] = c
	return c
}

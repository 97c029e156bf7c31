package parse

import (
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
	"github.com/workin/workin/model"
)

// A deferred native sheet (Options.Defer) is read in two passes. The
// first, at Read, splits every record and notes its physical line, its
// day and its athlete, and copies the record's bytes into the file's spill,
// grouped by athlete; the rows that cannot be given to an athlete (a cell
// short, a bad athlete name) are dealt with there. The second, Decode,
// binds and converts the records of one athlete when the pipeline comes to
// them, reading them back from the spill in one piece. A large team's rows
// are never all in memory as values, and with a spill on disk
// (Options.Spill) not even as text: 8 bytes a row stay in memory.

// Spill holds the records of deferred sheets outside the heap, grouped by
// athlete: a temporary file, typically. Write appends and returns where
// the bytes start; ReadAt reads them back. Safe for use by one goroutine
// writing while others read what was written.
type Spill interface {
	Write(p []byte) (off int64, err error)
	ReadAt(p []byte, off int64) (int, error)
}

// memSpill is a Spill in memory, for sheets read whole.
type memSpill struct {
	mu  sync.RWMutex
	buf []byte
}

func (m *memSpill) Write(p []byte) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	off := int64(len(m.buf))
	m.buf = append(m.buf, p...)
	return off, nil
}

func (m *memSpill) ReadAt(p []byte, off int64) (int, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return copy(p, m.buf[off:]), nil
}

// rowMeta is what stays in memory of a deferred row.
type rowMeta struct {
	line int32
	date metrics.Date // its day as the date or start cell gives it; NoDate when neither is a plausible day
}

// segment is a run of a group's records in the spill.
type segment struct {
	off int64
	n   int32
}

// spillGroup is one athlete's records of a deferred sheet.
type spillGroup struct {
	athlete string
	rows    []rowMeta // in file order
	segs    []segment
	pending []byte // records not yet written to the spill
	base    int    // index of its first row in the file's row numbering
}

// spillBuffer is how many bytes of a group's records are gathered before
// they are written to the spill.
const spillBuffer = 16 << 10

// index is a deferred sheet's records and how to decode them.
type index struct {
	t      *table
	spill  Spill
	groups []*spillGroup
	rows   int
	// decodeRecords decodes records (their bytes and metadata) with the
	// sheet's strictness into d.
	decodeRecords func(recs []pendingRecord, d *Decoded) error
}

// pendingRecord is a record to decode: its cells and line.
type pendingRecord struct {
	rec  []string
	line int
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

// blockGroup is one athlete's records in one block.
type blockGroup struct {
	athlete string
	rows    []rowMeta
	bytes   []byte
}

// blockPart is what the first pass makes of one block.
type blockPart struct {
	groups  []*blockGroup
	skipped []model.Skip
	read    int
	first   *Error // the block's first row error in strict mode, or a malformed record
}

// indexBlock runs the first pass over one block of whole records.
func (ix *index) indexBlock(x *sheetIndexer, c chunk) blockPart {
	var p blockPart
	at := map[string]*blockGroup{}
	names := nameCache{}
	t := ix.t
	rs := t.records(c)
	err := rs.each(func(rec []string, line int) error {
		if blank(rec) {
			return nil
		}
		p.read++
		var res result[struct{}]
		name := ""
		if err := cellCount(len(rec), len(t.header)); err != nil {
			res.err = err
		} else if who, re := names.of(&x.own, cellAt(rec, x.athlete)); re != nil {
			res.col, res.err = x.b.written(re.column), re.err
		} else {
			name = who
		}
		if res.err == nil {
			g := at[name]
			if g == nil {
				g = &blockGroup{athlete: strings.Clone(name)}
				at[g.athlete] = g
				p.groups = append(p.groups, g)
			}
			g.rows = append(g.rows, rowMeta{line: int32(line), date: x.day(rec)})
			g.bytes = appendRecord(g.bytes, rs, rec, byte(t.comma))
			return nil
		}
		res.athlete = x.b.athleteOf(rec, x.opt.Athlete)
		// The row's first problem, as a whole read would find it, may be
		// in a cell the first pass does not read.
		e := &Error{File: t.file, Line: line, Column: res.col, Msg: res.err.Error(), Err: res.err}
		sk := model.Skip{File: t.file, Line: line, Column: text.Clip(res.col, 40), Reason: res.err.Error(), Athlete: res.athlete}
		if len(rec) == len(t.header) {
			var d Decoded
			switch err := ix.decodeRecords([]pendingRecord{{rec, line}}, &d); {
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
	if pe, ok := err.(*Error); ok && pe.FileLevel {
		p.first = pe // a malformed record ends the read
	}
	return p
}

// nameCache remembers, within a block, what owner.of made of each athlete
// cell: a team sheet repeats a few names on every line.
type nameCache map[string]nameResult

type nameResult struct {
	name string
	err  *rowError
}

func (c nameCache) of(o *owner, cell string) (string, *rowError) {
	if r, ok := c[cell]; ok {
		return r.name, r.err
	}
	name, err := o.of(cell)
	if len(c) < 4096 { // a block of a million different names is not cached
		c[strings.Clone(cell)] = nameResult{strings.Clone(name), err}
	}
	return name, err
}

// appendRecord appends the record rs last returned, as the file wrote it,
// with a line ending.
func appendRecord(b []byte, rs *records, rec []string, comma byte) []byte {
	if rs.csv != nil { // read by encoding/csv: written again, quoted
		for i, c := range rec {
			if i > 0 {
				b = append(b, comma)
			}
			b = append(b, '"')
			b = append(b, strings.ReplaceAll(c, `"`, `""`)...)
			b = append(b, '"')
		}
		return append(b, '\n')
	}
	raw := rs.data[rs.at-rs.base : rs.off]
	b = append(b, raw...)
	if !strings.HasSuffix(raw, "\n") {
		b = append(b, '\n')
	}
	return b
}

// commit adds a block's groups to the index, in file order.
func (ix *index) commit(p blockPart, byName map[string]*spillGroup) error {
	for _, bg := range p.groups {
		g := byName[bg.athlete]
		if g == nil {
			g = &spillGroup{athlete: bg.athlete}
			byName[bg.athlete] = g
			ix.groups = append(ix.groups, g)
		}
		g.rows = append(g.rows, bg.rows...)
		g.pending = append(g.pending, bg.bytes...)
		if len(g.pending) >= spillBuffer {
			if err := ix.flush(g); err != nil {
				return err
			}
		}
	}
	return nil
}

// flush writes a group's pending records to the spill.
func (ix *index) flush(g *spillGroup) error {
	if len(g.pending) == 0 {
		return nil
	}
	off, err := ix.spill.Write(g.pending)
	if err != nil {
		return fmt.Errorf("writing %s's rows aside: %w", ix.t.file, err)
	}
	g.segs = append(g.segs, segment{off, int32(len(g.pending))})
	g.pending = g.pending[:0]
	if cap(g.pending) > 4*spillBuffer {
		g.pending = nil
	}
	return nil
}

// errStop ends a block's first pass at its first error.
var errStop = errors.New("stop")

// cellAt is rec[i], or "" for a column the file does not have.
func cellAt(rec []string, i int) string {
	if i < 0 {
		return ""
	}
	return rec[i]
}

// blockSource yields the blocks of whole records a sheet is read in.
type blockSource func() (chunk, bool, error)

// indexSheet runs a native sheet's first pass into f: the blocks come from
// next, several at a time, and are committed in file order.
func indexSheet[R, T any](t *table, x *sheetIndexer, f *File, spill Spill, next blockSource,
	newConvert func() func(*R, int, *[]string) (T, *rowError), put func(*Decoded, []T)) error {
	if spill == nil {
		spill = &memSpill{}
	}
	ix := &index{t: t, spill: spill}
	decode := nativeDecode(x.b, x.opt, newConvert)
	ix.decodeRecords = func(recs []pendingRecord, d *Decoded) error {
		rows, err := decodeRecords(t, x.b, x.opt, recs, decode(), d)
		put(d, rows)
		return err
	}
	byName := map[string]*spillGroup{}
	var first *Error
	err := pipeline(runtime.GOMAXPROCS(0), next, func(c chunk) blockPart { return ix.indexBlock(x, c) }, func(p blockPart) (bool, error) {
		f.Rows += p.read
		f.Skipped = append(f.Skipped, p.skipped...)
		if err := ix.commit(p, byName); err != nil {
			return false, err
		}
		if p.first != nil {
			first = p.first
			return false, nil // the rows after the first error are not read
		}
		return true, nil
	})
	if err != nil {
		return err
	}
	for _, g := range ix.groups {
		if err := ix.flush(g); err != nil {
			return err
		}
		g.pending = nil
		g.base = ix.rows
		ix.rows += len(g.rows)
	}
	f.index = ix
	if first != nil {
		// A bad cell the first pass does not read may come before it.
		if err := f.FirstError(first.Line); err != nil {
			return err
		}
		return first
	}
	f.First, f.Last = ix.span()
	return nil
}

// pipeline runs work on the blocks next yields, on up to workers
// goroutines, and hands the results to commit in order; commit returning
// false stops the reading.
func pipeline[P any](workers int, next blockSource, work func(chunk) P, commit func(P) (bool, error)) error {
	type job struct {
		c    chunk
		done chan P
	}
	jobs := make(chan job, workers)
	queue := make(chan job, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.done <- work(j.c)
			}
		}()
	}
	var readErr error
	stop := make(chan struct{})
	go func() {
		defer close(queue)
		defer close(jobs)
		for {
			c, ok, err := next()
			if err != nil {
				readErr = err
				return
			}
			if !ok {
				return
			}
			j := job{c, make(chan P, 1)}
			select { // to a worker first: a queued job is always done
			case jobs <- j:
			case <-stop:
				return
			}
			select {
			case queue <- j:
			case <-stop:
				return
			}
		}
	}()
	var err error
	going := true
	for j := range queue {
		p := <-j.done
		if going && err == nil {
			going, err = commit(p)
			if !going || err != nil {
				close(stop)
			}
		}
	}
	wg.Wait()
	if err != nil {
		return err
	}
	if going {
		return readErr
	}
	return nil
}

// decodeRecords binds and converts records, in order, through decode,
// with the strictness of opt: the first bad row is the error, or with
// --lenient a skip in d.
func decodeRecords[T any](t *table, b *binding, opt Options, recs []pendingRecord, decode decodeFn[T], d *Decoded) ([]T, error) {
	rows := make([]T, 0, len(recs))
	bt := newBatch(&b.layout, len(recs))
	var results []result[T]
	var notes []string
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
	for _, r := range recs {
		bt.add(r.rec, r.line)
		if bt.full() {
			if err := flush(); err != nil {
				return rows, err
			}
		}
	}
	return rows, flush()
}

// read reads a group's records back from the spill.
func (ix *index) read(g *spillGroup) ([]byte, error) {
	n := len(g.pending)
	for _, s := range g.segs {
		n += int(s.n)
	}
	buf := make([]byte, 0, n)
	for _, s := range g.segs {
		at := len(buf)
		buf = buf[:at+int(s.n)]
		if _, err := ix.spill.ReadAt(buf[at:], s.off); err != nil {
			return nil, fmt.Errorf("reading %s's rows back: %w", ix.t.file, err)
		}
	}
	return append(buf, g.pending...), nil
}

// decodeGroup decodes the rows of group g whose positions in the group
// (sorted) are sel, or all of them when sel is nil.
func (ix *index) decodeGroup(g *spillGroup, sel []int32, d *Decoded) error {
	buf, err := ix.read(g)
	if err != nil {
		return err
	}
	t := ix.t
	rs := t.records(chunk{data: buf, line: 0})
	recs := make([]pendingRecord, 0, len(g.rows))
	cells := make([]string, 0, len(g.rows)*len(t.header))
	for k := range g.rows {
		at := len(cells)
		var err error
		if cells, _, err = rs.next(cells); err != nil {
			return err // the first pass split this record: only a damaged spill gets here
		}
		if sel != nil {
			if len(sel) == 0 || int(sel[0]) != k {
				cells = cells[:at]
				continue
			}
			sel = sel[1:]
		}
		recs = append(recs, pendingRecord{cells[at:len(cells):len(cells)], int(g.rows[k].line)})
	}
	return ix.decodeRecords(recs, d)
}

// span is the first and last day of the index's rows.
func (ix *index) span() (metrics.Date, metrics.Date) {
	first, last := metrics.NoDate, metrics.NoDate
	for _, g := range ix.groups {
		for _, r := range g.rows {
			if r.date == metrics.NoDate {
				continue
			}
			if first == metrics.NoDate || r.date < first {
				first = r.date
			}
			last = max(last, r.date)
		}
	}
	return first, last
}

// locate returns the group of row i and its position in the group.
func (ix *index) locate(i int) (*spillGroup, int) {
	k := sort.Search(len(ix.groups), func(k int) bool { return ix.groups[k].base > i }) - 1
	g := ix.groups[k]
	return g, i - g.base
}

// Deferred reports whether the file's rows are indexed and decoded on
// demand (Options.Defer on a native sheet).
func (f *File) Deferred() bool { return f.index != nil }

// Len is the number of rows: kept, or indexed when deferred.
func (f *File) Len() int {
	if f.index != nil {
		return f.index.rows
	}
	return f.Used()
}

// DateAt is the day of row i (NoDate for a deferred row whose day decoding
// will refuse).
func (f *File) DateAt(i int) metrics.Date {
	switch {
	case f.index != nil:
		g, k := f.index.locate(i)
		return g.rows[k].date
	case f.Kind == KindCheckins:
		return f.Checkins.DateAt(i)
	}
	return f.Workouts.DateAt(i)
}

// LineAt is the physical line of row i.
func (f *File) LineAt(i int) int {
	switch {
	case f.index != nil:
		g, k := f.index.locate(i)
		return int(g.rows[k].line)
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
		out := make([]Group, len(f.index.groups))
		for k, g := range f.index.groups {
			grp := Group{Athlete: g.athlete, Rows: make([]int32, len(g.rows)), First: metrics.NoDate}
			for j, r := range g.rows {
				grp.Rows[j] = int32(g.base + j)
				if r.date != metrics.NoDate {
					if grp.First == metrics.NoDate || r.date < grp.First {
						grp.First = r.date
					}
					grp.Last = max(grp.Last, r.date)
				}
			}
			out[k] = grp
		}
		return out
	case f.Kind == KindCheckins:
		return f.Checkins.ByAthlete()
	}
	return f.Workouts.ByAthlete()
}

// Decode returns rows (indexes as Groups gives them, in increasing order)
// as values. A deferred file binds and converts them now, with the
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
	for len(rows) > 0 {
		g, _ := f.index.locate(int(rows[0]))
		n := 0
		for n < len(rows) && int(rows[n]) < g.base+len(g.rows) {
			n++
		}
		sel := make([]int32, n)
		for j := range sel {
			sel[j] = rows[j] - int32(g.base)
		}
		if err := f.index.decodeGroup(g, sel, &d); err != nil {
			return d, err
		}
		rows = rows[n:]
	}
	return d, nil
}

// FirstError decodes every deferred row before line (all of them when
// line ≤ 0) and returns the first error in file order, for a strict run
// that must report the first problem in the file.
func (f *File) FirstError(line int) error {
	if f.index == nil {
		return nil
	}
	var first *Error
	for _, g := range f.index.groups {
		var sel []int32
		for k, r := range g.rows {
			if line <= 0 || int(r.line) < line {
				sel = append(sel, int32(k))
			}
		}
		if len(sel) == 0 {
			continue
		}
		var d Decoded
		err := f.index.decodeGroup(g, sel, &d)
		var pe *Error
		switch {
		case err == nil:
		case !errors.As(err, &pe):
			return err
		case first == nil || pe.Line < first.Line:
			first = pe
		}
	}
	if first == nil {
		return nil
	}
	return first
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

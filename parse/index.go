package parse

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
	"github.com/workin/workin/model"
)

// A deferred native sheet (Options.Defer) is read once, in blocks of
// records, as a whole read reads it: every row is bound, checked and
// converted, and the first bad row is the error (or, with --lenient, a
// skip). Its rows then go aside into a Spill, encoded compactly and
// grouped by athlete; 8 bytes a row (line and day) stay in memory. Decode
// reads one athlete's rows back when the pipeline comes to them, so a
// large team's rows are never all in memory as values, and with a spill on
// disk (Options.Spill) not even as bytes.

// Spill holds the rows of deferred sheets outside the heap: a temporary
// file, typically. Write appends and returns where the bytes start;
// ReadAt reads them back. Safe for concurrent use.
type Spill interface {
	Write(p []byte) (off int64, err error)
	ReadAt(p []byte, off int64) (int, error)
}

// memSpill is a Spill in memory.
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
	date metrics.Date
}

// segment is a run of a group's rows in the spill.
type segment struct {
	off int64
	n   int32
}

// spillGroup is one athlete's rows of a deferred sheet.
type spillGroup struct {
	athlete string
	rows    []rowMeta // in file order
	segs    []segment
	pending []byte // encoded rows not yet written to the spill
	base    int    // index of its first row in the file's row numbering
}

// spillBuffer is how many bytes of a group's rows are gathered before
// they are written to the spill.
const spillBuffer = 16 << 10

// index is a deferred sheet's rows, grouped by athlete in the spill.
type index struct {
	file   *string // the file's name, as errors name it (Relabel changes it)
	spill  Spill
	groups []*spillGroup
	rows   int
	// decode appends the rows of athlete encoded in b to d.
	decode func(b []byte, athlete string, meta []rowMeta, d *Decoded) error
}

// Decoded is some of a file's rows as values, in file order.
type Decoded struct {
	Workouts []metrics.Workout
	Checkins []metrics.Checkin
}

// rowCodec is how a deferred sheet's rows of type T are grouped and
// encoded.
type rowCodec[T any] struct {
	athlete func(*T) string
	date    func(*T) metrics.Date
	line    func(*T) int32
	encode  func([]byte, *T) []byte
	decode  func([]byte, *T, owned) ([]byte, error)
	fresh   func(athlete string, line int32) T
	// slot appends a zero row to d and returns it, to be decoded in place;
	// reserve makes room for n more first.
	slot    func(d *Decoded) *T
	reserve func(d *Decoded, n int)
}

// blockGroup is one athlete's rows in one block.
type blockGroup struct {
	athlete string
	rows    []rowMeta
	bytes   []byte
}

// blockPart is what reading one block yields.
type blockPart struct {
	groups  []*blockGroup
	skipped []model.Skip
	notes   []string
	read    int
	err     error // the block's first bad row in strict mode, or a malformed record
}

// blockSource yields the blocks of whole records a sheet is read in.
type blockSource func() (chunk, bool, error)

// deferSheet reads a native sheet block by block (from next, several at a
// time, committed in file order) and sets its rows aside in spill.
func deferSheet[T any](t *table, f *File, opt Options, lay *layout, athleteOf func([]string) string, newDecode func() decodeFn[T], codec rowCodec[T], next blockSource) error {
	spill := opt.Spill
	if spill == nil {
		spill = &memSpill{}
	}
	ix := &index{file: &f.Name, spill: spill}
	ix.decode = func(b []byte, athlete string, meta []rowMeta, d *Decoded) error {
		own := owned{}
		codec.reserve(d, len(meta))
		for _, m := range meta {
			x := codec.slot(d)
			*x = codec.fresh(athlete, m.line)
			var err error
			if b, err = codec.decode(b, x, own); err != nil {
				return fmt.Errorf("reading %s's rows back: %w", *ix.file, err)
			}
		}
		return nil
	}
	byName := map[string]*spillGroup{}
	var stop error
	work := func(c chunk) blockPart {
		return readBlock(t, c, opt, lay, athleteOf, newDecode(), codec)
	}
	err := pipeline(runtime.GOMAXPROCS(0), next, work, func(p blockPart) (bool, error) {
		f.Rows += p.read
		f.Skipped = append(f.Skipped, p.skipped...)
		f.Notes = append(f.Notes, p.notes...)
		if p.err != nil {
			stop = p.err
			return false, nil // the rows after the first error are not read
		}
		return true, ix.commit(p, byName)
	})
	if err == nil {
		err = stop
	}
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
		for _, r := range g.rows {
			f.span(r.date)
		}
	}
	f.index = ix
	return nil
}

// readBlock binds, checks and converts the records of one block, and
// encodes the rows by athlete.
func readBlock[T any](t *table, c chunk, opt Options, lay *layout, athleteOf func([]string) string, decode decodeFn[T], codec rowCodec[T]) blockPart {
	var p blockPart
	at := map[string]*blockGroup{}
	keep := func(r *result[T], line int) error { // a pointer: r.row stays where it is
		switch {
		case r.err == nil && r.drop == "":
			x := &r.row
			name := codec.athlete(x)
			g := at[name]
			if g == nil {
				g = &blockGroup{athlete: strings.Clone(name)}
				at[g.athlete] = g
				p.groups = append(p.groups, g)
			}
			g.rows = append(g.rows, rowMeta{line: codec.line(x), date: codec.date(x)})
			g.bytes = codec.encode(g.bytes, x)
		case r.err == nil: // native sheets drop no row by design
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
		for i := range results {
			if err := keep(&results[i], bt.lines[i]); err != nil {
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
			return keep(&result[T]{err: err, athlete: athleteOf(rec)}, line)
		}
		bt.add(rec, line)
		if bt.full() {
			return flush()
		}
		return nil
	})
	if pe, ok := err.(*Error); ok && pe.FileLevel {
		// A malformed record ends the read; a bad row before it is the
		// first problem in the file.
		if ferr := flush(); ferr != nil {
			err = ferr
		}
	} else if err == nil {
		err = flush()
	}
	p.err = err
	return p
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

// flush writes a group's pending rows to the spill.
func (ix *index) flush(g *spillGroup) error {
	if len(g.pending) == 0 {
		return nil
	}
	off, err := ix.spill.Write(g.pending)
	if err != nil {
		return fmt.Errorf("setting %s's rows aside: %w", *ix.file, err)
	}
	g.segs = append(g.segs, segment{off, int32(len(g.pending))})
	g.pending = g.pending[:0]
	if cap(g.pending) > 4*spillBuffer {
		g.pending = nil
	}
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

// read reads a group's rows back from the spill.
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
			return nil, fmt.Errorf("reading %s's rows back: %w", *ix.file, err)
		}
	}
	return append(buf, g.pending...), nil
}

// locate returns the group of row i and its position in the group.
func (ix *index) locate(i int) (*spillGroup, int) {
	k := sort.Search(len(ix.groups), func(k int) bool { return ix.groups[k].base > i }) - 1
	g := ix.groups[k]
	return g, i - g.base
}

// Deferred reports whether the file's rows are set aside and decoded on
// demand (Options.Defer on a native sheet).
func (f *File) Deferred() bool { return f.index != nil }

// Len is the number of rows kept.
func (f *File) Len() int { return f.Used() }

// DateAt is the day of row i.
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
			grp := Group{Athlete: g.athlete, Rows: make([]int32, len(g.rows)), First: g.rows[0].date, Last: g.rows[0].date}
			for j, r := range g.rows {
				grp.Rows[j] = int32(g.base + j)
				grp.First, grp.Last = min(grp.First, r.date), max(grp.Last, r.date)
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
// as values; a deferred file reads them back from its spill. Safe to call
// for different rows at once.
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
		if err := f.index.decodeGroup(g, rows[:n], &d); err != nil {
			return d, err
		}
		rows = rows[n:]
	}
	return d, nil
}

// decodeGroup appends the rows sel (file row indexes, increasing) of
// group g to d.
func (ix *index) decodeGroup(g *spillGroup, sel []int32, d *Decoded) error {
	buf, err := ix.read(g)
	if err != nil {
		return err
	}
	if len(sel) == len(g.rows) {
		return ix.decode(buf, g.athlete, g.rows, d)
	}
	// A selection (the far-date rule left rows out): decode all, keep some.
	var all Decoded
	if err := ix.decode(buf, g.athlete, g.rows, &all); err != nil {
		return err
	}
	for _, i := range sel {
		k := int(i) - g.base
		if len(all.Workouts) > 0 {
			d.Workouts = append(d.Workouts, all.Workouts[k])
		} else {
			d.Checkins = append(d.Checkins, all.Checkins[k])
		}
	}
	return nil
}

// owned interns the labels of decoded rows (athletes, sports): they
// repeat, and each decoded row owns its text.
type owned map[string]string

func (o owned) label(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if c, ok := o[string(b)]; ok {
		return c
	}
	c := string(b)
	o[c] = c
	return c
}

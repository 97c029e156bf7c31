package parse

import (
	"encoding/csv"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/gocarina/gocsv"
)

// Records become row structs through gocsv. The row types (nativeWorkout,
// nativeCheckin, exportRow) carry csv tags; their cell types (Decimal,
// Duration, Day, Stamp) are gocsv TypeUnmarshallers. gocsv is handed
// records, not the file: the in-place splitter (records) reads them, and a
// batch gives gocsv up to batchSize of them at a time under a header of
// the tags each column binds. The header is workin's, not the file's, so
// that matching stays workin's (case, spaces, brackets and the names each
// export uses) and gocsv's package-level settings are never needed: each
// batch is its own decoder, and parallel chunks share nothing.
//
// gocsv's streaming form (UnmarshalDecoderToCallback) is not used: it
// runs the decoder on another goroutine a record ahead of the callback, so
// a row could not be matched to its physical line, and it stops at the
// first bad cell. A batch is decoded on the calling goroutine; a bad cell
// ends the call at its record, which is reported, and the batch resumes
// after it.

// batchSize is the number of records bound per gocsv call.
const batchSize = 512

// layout is what gocsv needs of one file's binding: by header position,
// the tag a column binds ("" when ignored) and whether it is a number.
type layout struct {
	tags    []string
	numeric []bool
	// decimalComma is set for semicolon-separated files, where a single
	// comma in a number cell is the decimal mark ("7,5").
	decimalComma bool
}

// tagsOf lists the csv tags of a row struct and which of them are numbers
// (Decimal or Duration cells).
func tagsOf(row any) (tags []string, numeric map[string]bool) {
	t := reflect.TypeOf(row)
	numeric = map[string]bool{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("csv")
		if tag == "" || tag == "-" {
			continue
		}
		tags = append(tags, tag)
		switch f.Type {
		case reflect.TypeFor[Decimal](), reflect.TypeFor[Duration]():
			numeric[tag] = true
		}
	}
	return tags, numeric
}

// batch is up to batchSize records of one chunk, in file order.
type batch struct {
	lay   *layout
	width int
	cap   int        // records it holds at most
	rows  [][]string // rows[0] is the header gocsv reads; rows[1:] the records
	lines []int      // physical line of each record
	cells []string   // backing of the records: batchSize × width, never grown
	raw   []string   // the cells as written, kept only when decimal commas are rewritten
	// noteLines is the line of each remark decoding the batch made.
	noteLines []int
}

// newBatch makes a batch for up to n records at a time (at most
// batchSize).
func newBatch(lay *layout, n int) *batch {
	n = max(1, min(n, batchSize))
	w := len(lay.tags)
	b := &batch{lay: lay, width: w, cap: n, cells: make([]string, 0, n*w)}
	b.rows = append(make([][]string, 0, n+1), lay.tags)
	if lay.decimalComma {
		b.raw = make([]string, 0, n*w)
	}
	return b
}

func (b *batch) len() int   { return len(b.lines) }
func (b *batch) full() bool { return len(b.lines) == b.cap }

// add appends a record of exactly width cells.
func (b *batch) add(rec []string, line int) {
	at := len(b.cells)
	b.cells = append(b.cells, rec...)
	if b.raw != nil {
		b.raw = append(b.raw, rec...)
		for i := range rec {
			if b.lay.numeric[i] {
				b.cells[at+i] = pointDecimal(rec[i])
			}
		}
	}
	b.rows = append(b.rows, b.cells[at:at+b.width:at+b.width])
	b.lines = append(b.lines, line)
}

func (b *batch) reset() {
	b.cells, b.lines, b.rows, b.noteLines = b.cells[:0], b.lines[:0], b.rows[:1], b.noteLines[:0]
	b.rows[0] = b.lay.tags
	if b.raw != nil {
		b.raw = b.raw[:0]
	}
}

// record returns record i as written.
func (b *batch) record(i int) []string {
	src := b.cells
	if b.raw != nil {
		src = b.raw
	}
	return src[i*b.width : (i+1)*b.width]
}

// pointDecimal rewrites a semicolon file's decimal comma ("7,5" → "7.5"):
// a single comma, no point and no colon (a duration's seconds never take
// one).
func pointDecimal(s string) string {
	if strings.Count(s, ",") != 1 || strings.ContainsAny(s, ".:") {
		return s
	}
	return strings.Replace(s, ",", ".", 1)
}

// decoder is a gocsv Decoder over a slice of rows, the first a header.
type decoder [][]string

func (d decoder) GetCSVRows() ([][]string, error) { return d, nil }

// bind binds every record of b to an R with gocsv and calls each, in
// order, with the record's index and either the bound row or the header
// position of the cell gocsv could not set and the cell type's error. out
// is the caller's scratch space, reused from batch to batch.
func bindBatch[R any](b *batch, out *[]R, each func(i int, row *R, col int, err error) error) error {
	if len(*out) < len(b.rows)-1 {
		*out = make([]R, b.cap)
	}
	start := 0 // position in b.rows of this call's header
	for start < len(b.rows)-1 {
		err := gocsv.UnmarshalDecoder(decoder(b.rows[start:]), out)
		done := len(b.rows) - 1 - start
		var pe *csv.ParseError
		if err != nil {
			if !errors.As(err, &pe) || pe.Line < 2 || pe.Line-2 >= done || pe.Column < 1 {
				return fmt.Errorf("binding records: %w", err)
			}
			done = pe.Line - 2
		}
		for i := range done {
			if err := each(start+i, &(*out)[i], -1, nil); err != nil {
				return err
			}
		}
		if err == nil {
			return nil
		}
		if err := each(start+done, nil, pe.Column-1, pe.Err); err != nil {
			return err
		}
		start += done + 1
		b.rows[start] = b.lay.tags // the bad record's slot becomes the next call's header
	}
	return nil
}

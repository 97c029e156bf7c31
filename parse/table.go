package parse

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"unsafe"
)

// table is a CSV file split into its header and its body, ready to be read
// record by record, in parallel chunks when it is large. It accepts what
// spreadsheets and exports write: a UTF-8 byte-order mark, CRLF or LF line
// endings, a missing final newline, blank lines, a comma or semicolon
// delimiter, and quoted cells that span several physical lines.
type table struct {
	file     string
	comma    rune
	header   []string
	body     []byte
	bodyLine int           // physical line of the first byte of body
	notes    []string      // how the text was decoded (UTF-16, Windows-1252, CR line endings)
	stream   *streamBlocks // the rest of the body, when it is read as a stream (ReadFrom)
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// newTable reads the header of data. A zero-byte file is an error; a file
// with a header and no rows has an empty body.
func newTable(file string, data []byte) (*table, error) {
	if len(data) == 0 {
		return nil, fileError(file, 0, "the file is empty (0 bytes); want a CSV file with a header row")
	}
	data, notes, err := decodeText(file, data)
	if err != nil {
		return nil, err
	}
	t := &table{file: file, comma: sniffComma(data), notes: notes}
	r := t.reader(data)
	header, err := r.Read()
	if err == io.EOF {
		return nil, fileError(file, 0, "the file has no header row; want a CSV file with a header row")
	}
	if err != nil {
		return nil, t.syntaxError(err, 1)
	}
	t.header = make([]string, len(header))
	for i, h := range header {
		if strings.ContainsAny(h, "\r\n") {
			return nil, fileError(file, 1, "header cell %d holds a line break: the header row is malformed (a quote left open?) and would swallow the rows; check the first line", i+1)
		}
		t.header[i] = strings.Clone(h)
	}
	off := int(r.InputOffset())
	t.body = data[off:]
	t.bodyLine = 1 + bytes.Count(data[:off], []byte{'\n'})
	return t, nil
}

func (t *table) reader(data []byte) *csv.Reader {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = t.comma
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	return r
}

// sniffComma picks ';' when the first line has more semicolons than commas
// outside quotes, as European spreadsheets write; otherwise ','.
func sniffComma(data []byte) rune {
	commas, semis := 0, 0
	quoted := false
	for _, c := range data {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			if semis > commas {
				return ';'
			}
			return ','
		case c == ',':
			commas++
		case c == ';':
			semis++
		}
	}
	if semis > commas {
		return ';'
	}
	return ','
}

// syntaxError turns an encoding/csv error into a file-level Error with the
// physical line, offset by first (the physical line of the reader's start).
func (t *table) syntaxError(err error, first int) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, csv.ErrQuote) && pe.StartLine < pe.Line {
			// A quote left open runs to the end of the file: name where it opened.
			return &Error{File: t.file, Line: first + pe.StartLine - 1, FileLevel: true, Err: err,
				Msg: fmt.Sprintf("a quoted cell opens in the record that starts here and is never closed (it runs to line %d); close the quote or remove it", first+pe.Line-1)}
		}
		return &Error{File: t.file, Line: first + pe.Line - 1, FileLevel: true, Err: err,
			Msg: fmt.Sprintf("malformed CSV at column %d: %v", pe.Column, pe.Err)}
	}
	return &Error{File: t.file, FileLevel: true, Err: err, Msg: err.Error()}
}

// chunk is a run of whole records of the body.
type chunk struct {
	data  []byte
	line  int // physical line of data[0]
	lines int // newlines in data (records ≤ lines + 1); set by chunks
	start int // offset of data[0] in the body
}

// parallelMin is the body size from which a table is read in parallel.
const parallelMin = 1 << 20

// chunks splits the body at record boundaries into at most n pieces.
func (t *table) chunks(n int) []chunk {
	body := t.body
	if n <= 1 || len(body) < parallelMin {
		return []chunk{{body, t.bodyLine, bytes.Count(body, []byte{'\n'}), 0}}
	}
	var out []chunk
	start, line := 0, t.bodyLine
	quotes := 0 // quote characters in body[:start]
	for k := 1; k < n; k++ {
		cut := len(body) * k / n
		if cut <= start {
			continue
		}
		quotes += bytes.Count(body[start:cut], []byte{'"'})
		end := recordEnd(body, cut, quotes%2 == 1)
		if end >= len(body) {
			break
		}
		quotes += bytes.Count(body[cut:end], []byte{'"'})
		lines := bytes.Count(body[start:end], []byte{'\n'})
		out = append(out, chunk{body[start:end], line, lines, start})
		line += lines
		start = end
	}
	return append(out, chunk{body[start:], line, bytes.Count(body[start:], []byte{'\n'}), start})
}

// recordEnd returns the offset just after the first newline at or after from
// that lies outside quotes, given whether from is inside a quoted cell.
func recordEnd(b []byte, from int, quoted bool) int {
	for i := from; i < len(b); i++ {
		switch b[i] {
		case '"':
			quoted = !quoted
		case '\n':
			if !quoted {
				return i + 1
			}
		}
	}
	return len(b)
}

// eachRecord calls fn for every record of c with its physical line, in
// order (see records). A malformed CSV record stops the read with a
// file-level error.
func (t *table) eachRecord(c chunk, fn func(rec []string, line int) error) error {
	return t.records(c).each(fn)
}

// eachCSVRecord is eachRecord through encoding/csv alone: the reference the
// in-place splitter is tested against.
func (t *table) eachCSVRecord(c chunk, fn func(rec []string, line int) error) error {
	rs := &records{t: t, csv: t.reader(c.data), csvLine: c.line}
	return rs.each(fn)
}

// parallel runs work on every chunk of the body, using all CPUs for large
// files. Results come back in file order, so output never depends on
// scheduling.
func parallel[R any](cs []chunk, work func(k int, c chunk) (R, error)) ([]R, error) {
	res := make([]R, len(cs))
	errs := make([]error, len(cs))
	var wg sync.WaitGroup
	for i, c := range cs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res[i], errs[i] = work(i, c)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err // the earliest chunk's error is the earliest in the file
		}
	}
	return res, nil
}

// records reads the records of one chunk in order. Records are split in
// place (see splitRecord), quoted cells spanning lines included: encoding/csv
// copies each record into a new string, and splitting in place reads a
// large sheet several times faster. From the first record splitRecord
// finds malformed (a bare quote, a quote left open), encoding/csv reads the
// rest of the chunk, so the records and the errors are exactly those
// encoding/csv gives for the whole chunk (a malformed record stops the
// read). Line endings are handled as encoding/csv does: CRLF or LF, empty
// lines skipped, a last line without a newline read, a CR before the end of
// the data dropped, and CRLF inside a quoted cell read as LF.
//
// Cells split in place alias the chunk's bytes, which nothing writes while
// the table is read. They are valid as long as the input is, and must be
// copied (strings.Clone) before they leave the package: the caller's buffer
// is theirs to reuse.
type records struct {
	t         *table
	base      int    // offset of the chunk in the body
	at        int    // offset in the body of the record next returned
	data      string // the chunk not yet read, for the in-place splitter
	raw       []byte
	off, line int
	csv       *csv.Reader // the rest of the chunk, once the splitter gave up
	csvLine   int         // physical line of the csv reader's first byte
	csvOff    int         // offset of the csv reader's first byte in the chunk
}

func (t *table) records(c chunk) *records {
	rs := &records{t: t, raw: c.data, line: c.line, base: c.start}
	if len(c.data) > 0 {
		rs.data = unsafe.String(&c.data[0], len(c.data))
	}
	return rs
}

// each calls fn for every record left, with its physical line; the
// record is only valid during the call.
func (rs *records) each(fn func(rec []string, line int) error) error {
	var rec []string
	for {
		var line int
		var err error
		rec, line, err = rs.next(rec[:0])
		if err == io.EOF {
			return nil
		}
		if err == nil {
			err = fn(rec, line)
		}
		if err != nil {
			return err
		}
	}
}

// blockBytes is the size of the blocks the first pass of a deferred sheet
// reads at a time (a variable so that tests cut many blocks).
var blockBytes = 4 << 20

// blocks yields the body in blocks of whole records of about blockBytes.
func (t *table) blocks() blockSource {
	if t.stream != nil {
		return t.stream.next
	}
	cs := t.chunks(max(runtime.GOMAXPROCS(0), len(t.body)/blockBytes))
	return func() (chunk, bool, error) {
		if len(cs) == 0 {
			return chunk{}, false, nil
		}
		c := cs[0]
		cs = cs[1:]
		return c, true, nil
	}
}

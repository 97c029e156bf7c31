package parse

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
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
	bodyLine int      // physical line of the first byte of body
	notes    []string // how the text was decoded (UTF-16, Windows-1252, CR line endings)
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
}

// parallelMin is the body size from which a table is read in parallel.
const parallelMin = 1 << 20

// chunks splits the body at record boundaries into at most n pieces.
func (t *table) chunks(n int) []chunk {
	body := t.body
	if n <= 1 || len(body) < parallelMin {
		return []chunk{{body, t.bodyLine, bytes.Count(body, []byte{'\n'})}}
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
		out = append(out, chunk{body[start:end], line, lines})
		line += lines
		start = end
	}
	return append(out, chunk{body[start:], line, bytes.Count(body[start:], []byte{'\n'})})
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

// eachRecord calls fn for every record of c with its physical line. A
// malformed CSV record stops the read with a file-level error. The record
// and its cells are only valid during the call: a cell kept beyond it must
// be copied (strings.Clone), as packing rows into a textTable does.
//
// Records that fit on one line are split in place (see splitLine); from
// the first record that does not (a quoted cell spanning lines, or a
// malformed one), encoding/csv reads the rest of the chunk, so the records
// and the errors are exactly those encoding/csv gives for the whole chunk.
func (t *table) eachRecord(c chunk, fn func(rec []string, line int) error) error {
	rest, err := t.eachLineRecord(c, fn)
	if err != nil || len(rest.data) == 0 {
		return err
	}
	return t.eachCSVRecord(rest, fn)
}

// eachCSVRecord is eachRecord through encoding/csv alone.
func (t *table) eachCSVRecord(c chunk, fn func(rec []string, line int) error) error {
	r := t.reader(c.data)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return t.syntaxError(err, c.line)
		}
		l, _ := r.FieldPos(0)
		if err := fn(rec, c.line+l-1); err != nil {
			return err
		}
	}
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

// eachLineRecord calls fn for the records of c that splitLine can split,
// and returns the rest of the chunk from the first record it cannot.
// encoding/csv copies each record into a new string; splitting in place
// reads a large sheet several times faster. Line endings are handled as
// encoding/csv does: CRLF or LF, empty lines skipped, a last line without
// a newline read, and a CR before the end of the data dropped.
func (t *table) eachLineRecord(c chunk, fn func(rec []string, line int) error) (chunk, error) {
	if len(c.data) == 0 {
		return c, nil
	}
	// The cells alias c.data, which nothing writes while the table is
	// read; eachRecord's rule keeps them from escaping.
	data := unsafe.String(&c.data[0], len(c.data))
	comma := byte(t.comma)
	var rec []string
	line, off := c.line, 0
	for off < len(data) {
		l, next := data[off:], len(data)
		if i := strings.IndexByte(l, '\n'); i >= 0 {
			l, next = l[:i], off+i+1
		}
		l = strings.TrimSuffix(l, "\r")
		if l != "" {
			var ok bool
			if rec, ok = splitLine(rec[:0], l, comma); !ok {
				return chunk{data: c.data[off:], line: line}, nil
			}
			if err := fn(rec, line); err != nil {
				return chunk{}, err
			}
		}
		off = next
		line++
	}
	return chunk{}, nil
}

// splitLine appends the cells of a one-line record to rec, unquoting
// quoted cells as encoding/csv does. It reports false, leaving the record
// to encoding/csv, when a quoted cell does not close on the line or a
// quote is out of place.
func splitLine(rec []string, l string, comma byte) ([]string, bool) {
	for {
		if l != "" && l[0] == '"' {
			escaped := false
			i := 1
			for {
				j := strings.IndexByte(l[i:], '"')
				if j < 0 {
					return rec, false
				}
				j += i
				if j+1 < len(l) && l[j+1] == '"' {
					escaped, i = true, j+2
					continue
				}
				cell := l[1:j]
				if escaped {
					cell = strings.ReplaceAll(cell, `""`, `"`)
				}
				rec = append(rec, cell)
				l = l[j+1:]
				break
			}
			if l == "" {
				return rec, true
			}
			if l[0] != comma {
				return rec, false
			}
			l = l[1:]
			continue
		}
		i := strings.IndexByte(l, comma)
		cell := l
		if i >= 0 {
			cell = l[:i]
		}
		if strings.IndexByte(cell, '"') >= 0 {
			return rec, false
		}
		rec = append(rec, cell)
		if i < 0 {
			return rec, true
		}
		l = l[i+1:]
	}
}

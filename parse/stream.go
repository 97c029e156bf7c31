package parse

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// ErrNotStreamed is ReadFrom's answer for a file whose reading depends on
// bytes it had already passed (a byte that is not UTF-8 after the first
// block, a NUL byte): read the file whole with ReadBytes instead.
var ErrNotStreamed = errors.New("the file cannot be read as a stream")

// ReadFrom reads a file from r. A large native sheet read deferred with a
// Spill (Options.Defer and Options.Spill) is read block by block: its
// records go to the spill as they are read and the file is never in memory
// whole. Anything else — exports, small files, text that is not UTF-8 —
// is read whole, as ReadBytes reads it.
func ReadFrom(r io.Reader, name string, want Kind, opt Options) (*File, error) {
	// Read up to a block, growing as it comes: a small file costs only its
	// size (fresh memory is slow to touch on some machines).
	first, err := io.ReadAll(io.LimitReader(r, int64(blockBytes)))
	if err != nil {
		return nil, readError(name, err)
	}
	if len(first) < blockBytes {
		return ReadBytes(first, name, want, opt)
	}
	whole := func() (*File, error) {
		rest, err := io.ReadAll(r)
		if err != nil {
			return nil, readError(name, err)
		}
		return ReadBytes(append(first, rest...), name, want, opt)
	}
	cut := lastRecordEnd(first)
	if !opt.Defer || opt.Spill == nil || cut == 0 || !plainText(first[:cut]) || bytes.HasPrefix(first, bomUTF16LE) || bytes.HasPrefix(first, bomUTF16BE) {
		return whole()
	}
	t, err := newTable(name, first[:cut])
	if err != nil {
		return nil, err
	}
	ks := keys(t.header)
	if rejected(ks) != "" || detect(t.header, ks) != nil {
		return whole()
	}
	kind := nativeKind(ks, want)
	if kind != KindWorkouts && kind != KindCheckins {
		return whole()
	}
	t.stream = &streamBlocks{r: r, t: t, carry: first[cut:], line: t.bodyLine + bytes.Count(t.body, []byte{'\n'})}
	if kind == KindWorkouts {
		return readWorkouts(t, opt)
	}
	return readCheckins(t, opt)
}

func readError(name string, err error) error {
	return &Error{File: name, FileLevel: true, Err: err, Msg: fmt.Sprintf("cannot read: %v", err)}
}

// plainText reports whether b is UTF-8 with no NUL byte.
func plainText(b []byte) bool { return bytes.IndexByte(b, 0) < 0 && utf8.Valid(b) }

// streamBlocks reads a sheet's body from r in blocks of whole records: the
// first is the body of the first block read (newTable's), the rest are
// read as they are needed.
type streamBlocks struct {
	r       io.Reader
	t       *table
	carry   []byte // bytes read after the last whole record
	line    int    // physical line of carry[0]
	started bool
	eof     bool
}

// next returns the next block; a block the whole read would treat
// differently (a NUL byte, a byte that is not UTF-8) is ErrNotStreamed.
func (s *streamBlocks) next() (chunk, bool, error) {
	if !s.started {
		s.started = true
		if len(s.t.body) > 0 {
			return chunk{data: s.t.body, line: s.t.bodyLine}, true, nil
		}
	}
	for {
		if s.eof && len(s.carry) == 0 {
			return chunk{}, false, nil
		}
		buf := append(make([]byte, 0, len(s.carry)+blockBytes), s.carry...)
		if !s.eof {
			n, err := io.ReadFull(s.r, buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+n]
			switch err {
			case nil:
			case io.EOF, io.ErrUnexpectedEOF:
				s.eof = true
			default:
				return chunk{}, false, readError(s.t.file, err)
			}
		}
		end := len(buf)
		if !s.eof {
			end = lastRecordEnd(buf)
			if end == 0 { // no whole record yet: read on
				s.carry = buf
				continue
			}
		}
		block := buf[:end]
		if !plainText(block) {
			return chunk{}, false, ErrNotStreamed
		}
		c := chunk{data: block, line: s.line}
		s.line += bytes.Count(block, []byte{'\n'})
		s.carry = append(s.carry[:0:0], buf[end:]...)
		return c, true, nil
	}
}

// lastRecordEnd is the offset after the last newline of b outside quotes
// (b starts at a record boundary), or 0. A newline is outside quotes when
// an even number of quote characters come before it.
func lastRecordEnd(b []byte) int {
	quotes := bytes.Count(b, []byte{'"'}) // before the end
	end := len(b)
	for {
		nl := bytes.LastIndexByte(b[:end], '\n')
		if nl < 0 {
			return 0
		}
		quotes -= bytes.Count(b[nl:end], []byte{'"'})
		if quotes%2 == 0 {
			return nl + 1
		}
		end = nl
	}
}

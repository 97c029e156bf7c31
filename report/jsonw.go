package report

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/workin/workin/metrics"
)

// jw appends JSON to a byte slice. The JSON summary of a large team has
// millions of numbers; appending them directly is several times faster
// than encoding/json with a marshaller per value, and the output order is
// fixed by the code, so it is deterministic.
type jw struct {
	b     []byte
	comma []bool // per open container: whether the next element needs a comma
}

func (w *jw) sep() {
	if n := len(w.comma); n > 0 {
		if w.comma[n-1] {
			w.b = append(w.b, ',')
		}
		w.comma[n-1] = true
	}
}

func (w *jw) open(c byte) {
	w.sep()
	w.b = append(w.b, c)
	w.comma = append(w.comma, false)
}

func (w *jw) close(c byte) {
	w.b = append(w.b, c)
	w.comma = w.comma[:len(w.comma)-1]
}

func (w *jw) obj()         { w.open('{') }
func (w *jw) endObj()      { w.close('}') }
func (w *jw) arr()         { w.open('[') }
func (w *jw) endArr()      { w.close(']') }
func (w *jw) nl()          { w.b = append(w.b, '\n') }
func (w *jw) raw(s string) { w.sep(); w.b = append(w.b, s...) }

// key writes an object key; the value written next needs no comma.
func (w *jw) key(k string) {
	w.sep()
	w.b = appendString(w.b, k)
	w.b = append(w.b, ':')
	w.comma[len(w.comma)-1] = false
}

func (w *jw) str(s string) {
	w.sep()
	w.b = appendString(w.b, s)
}

// strOrNull writes null for the empty string.
func (w *jw) strOrNull(s string) {
	if s == "" {
		w.raw("null")
		return
	}
	w.str(s)
}

func (w *jw) int(n int) {
	w.sep()
	w.b = strconv.AppendInt(w.b, int64(n), 10)
}

func (w *jw) bool(v bool) {
	if v {
		w.raw("true")
	} else {
		w.raw("false")
	}
}

// num writes v at full precision, null when Missing.
func (w *jw) num(v float64) {
	w.sep()
	w.b = appendNum(w.b, v, -1)
}

// round writes v with at most d decimals (trailing zeros dropped), null
// when Missing.
func (w *jw) round(v float64, d int) {
	w.sep()
	w.b = appendNum(w.b, v, d)
}

func (w *jw) date(d metrics.Date) {
	w.sep()
	w.b = append(w.b, '"')
	w.b = d.Append(w.b)
	w.b = append(w.b, '"')
}

func (w *jw) kv(k string, write func()) {
	w.key(k)
	write()
}

var pow10 = [...]float64{1, 10, 100, 1000, 10000, 100000, 1e6}

func appendNum(b []byte, v float64, d int) []byte {
	if !metrics.Known(v) || math.IsInf(v, 0) {
		return append(b, "null"...)
	}
	if d < 0 {
		return strconv.AppendFloat(b, v, 'g', -1, 64)
	}
	scaled := math.Round(v * pow10[d])
	if math.Abs(scaled) >= 1<<53 {
		return strconv.AppendFloat(b, v, 'f', -1, 64)
	}
	return appendFixed(b, int64(scaled), d)
}

// appendFixed writes n / 10^d in decimal with trailing zeros dropped: the
// same digits strconv would print for the rounded value, without its
// shortest-representation search.
func appendFixed(b []byte, n int64, d int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	p := int64(pow10[d])
	b = strconv.AppendInt(b, n/p, 10)
	frac := n % p
	if frac == 0 {
		return b
	}
	var digits [8]byte
	for i := d - 1; i >= 0; i-- {
		digits[i] = byte('0' + frac%10)
		frac /= 10
	}
	end := d
	for end > 0 && digits[end-1] == '0' {
		end--
	}
	b = append(b, '.')
	return append(b, digits[:end]...)
}

// appendString appends s as a JSON string, escaping <, > and & so that the
// text can sit inside an HTML <script> element.
func appendString(b []byte, s string) []byte {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' && c < 0x80 {
			continue
		}
		if c >= 0x80 {
			// U+2028 and U+2029 end a line in older JavaScript.
			if c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
				b = append(b, s[start:i]...)
				b = append(b, `\u202`...)
				b = append(b, "89"[s[i+2]-0xA8])
				i += 2
				start = i + 1
			}
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, `\n`...)
		case '\r':
			b = append(b, `\r`...)
		case '\t':
			b = append(b, `\t`...)
		default:
			b = append(b, `\u00`...)
			b = append(b, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&0xF])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

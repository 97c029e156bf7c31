package parse

import (
	"math"
	"strconv"
	"strings"

	"github.com/workin/workin/metrics"
)

// The cell types below implement gocsv's TypeUnmarshaller, so the native
// row structs decode the same way through gocsv and through workin's own
// column binder. Their zero values mean "not recorded": an empty cell is
// never zero.

// Decimal is a plain decimal number: 7, 07 (seven, never octal), 7.5, -3.
// NaN, Inf, hex, exponents, thousands separators and (in comma-separated
// files) decimal commas are refused rather than guessed.
type Decimal struct {
	V  float64
	OK bool
}

// UnmarshalCSV implements gocsv.TypeUnmarshaller.
func (d *Decimal) UnmarshalCSV(s string) error { return d.set(s, false) }

func (d *Decimal) set(s string, decimalComma bool) error {
	v, err := parseDecimal(s, decimalComma)
	if err != nil {
		return err
	}
	*d = Decimal{}
	if metrics.Known(v) {
		*d = Decimal{V: v, OK: true}
	}
	return nil
}

func (d Decimal) get() float64 {
	if !d.OK {
		return metrics.Missing()
	}
	return d.V
}

const wantDecimal = "want a plain decimal number such as 7 or 7.5"

// parseDecimal parses a plain decimal; the empty string is Missing. With
// decimalComma (semicolon-separated files) a single comma is the decimal
// mark.
func parseDecimal(s string, decimalComma bool) (float64, error) {
	if v, ok := fastDecimal(s); ok {
		return v, nil
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return metrics.Missing(), nil
	}
	if decimalComma && strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		s = strings.Replace(s, ",", ".", 1)
	}
	digits, dot := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot:
			dot = true
		case (c == '-' || c == '+') && i == 0:
		case c == ',':
			return 0, badCell(wantDecimal+" (no thousands separators or decimal commas in a comma-separated file)", s)
		default:
			return 0, badCell(wantDecimal, s)
		}
	}
	if digits == 0 {
		return 0, badCell(wantDecimal, s)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, badCell("number too large", s)
	}
	return v, nil
}

// fastDecimal parses the common cell: up to 15 digits with an optional
// fraction, no sign or spaces. Dividing an exact integer below 2^53 by an
// exact power of ten rounds correctly, so the result equals
// strconv.ParseFloat's. Anything else goes the careful way.
func fastDecimal(s string) (float64, bool) {
	if len(s) == 0 || len(s) > 16 {
		return 0, false
	}
	var mant uint64
	frac, digits, dot := 0, 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			mant = mant*10 + uint64(c-'0')
			digits++
			if dot {
				frac++
			}
		case c == '.' && !dot && i > 0:
			dot = true
		default:
			return 0, false
		}
	}
	if digits == 0 || digits > 15 || (dot && frac == 0) {
		return 0, false
	}
	return float64(mant) / pow10f[frac], true
}

var pow10f = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// Duration is a session length: H:MM:SS, MM:SS, or a plain number of
// minutes. Two-part values are minutes and seconds: 1:30 is ninety seconds.
type Duration struct {
	Sec   float64
	OK    bool
	Parts int8 // colon-separated parts written: 1 (minutes), 2 (MM:SS) or 3
}

// UnmarshalCSV implements gocsv.TypeUnmarshaller.
func (d *Duration) UnmarshalCSV(s string) error { return d.set(s, false) }

func (d *Duration) set(s string, decimalComma bool) error {
	v, err := parseDuration(s, decimalComma)
	if err != nil {
		return err
	}
	*d = Duration{}
	if metrics.Known(v) {
		*d = Duration{Sec: v, OK: true, Parts: int8(strings.Count(s, ":") + 1)}
	}
	return nil
}

func (d Duration) get() float64 {
	if !d.OK {
		return metrics.Missing()
	}
	return d.Sec
}

const wantDuration = "want a duration as H:MM:SS, MM:SS or minutes (45, 37.5)"

// parseDuration returns seconds; the empty string is Missing.
func parseDuration(s string, decimalComma bool) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return metrics.Missing(), nil
	}
	n := strings.Count(s, ":") + 1
	if n == 1 {
		m, err := parseDecimal(s, decimalComma)
		if err != nil || math.IsInf(m*60, 0) {
			return 0, badCell(wantDuration, s)
		}
		return m * 60, nil
	}
	if n > 3 {
		return 0, badCell(wantDuration, s)
	}
	var total float64
	rest := s
	for i := 0; i < n; i++ {
		p, tail, _ := strings.Cut(rest, ":")
		rest = tail
		v, ok := durationPart(p, i == n-1)
		if !ok || (i > 0 && (len(p) < 2 || v >= 60)) {
			return 0, badCell(wantDuration, s)
		}
		total = total*60 + v
	}
	return total, nil
}

// durationPart parses one colon-separated part: digits, and for the seconds
// part an optional fraction (00:09:25.5); fastDecimal refuses anything else.
func durationPart(p string, fraction bool) (float64, bool) {
	whole, frac, hasFrac := strings.Cut(p, ".")
	if whole == "" || len(whole) > 6 || hasFrac && (!fraction || frac == "" || len(frac) > 6) {
		return 0, false
	}
	return fastDecimal(p)
}

// Day is a YYYY-MM-DD calendar day.
type Day struct {
	D  metrics.Date
	OK bool
}

// UnmarshalCSV implements gocsv.TypeUnmarshaller.
func (d *Day) UnmarshalCSV(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		*d = Day{}
		return nil
	}
	v, err := metrics.ParseDate(s)
	if err != nil {
		return badCell("want a real day as YYYY-MM-DD", s)
	}
	d.D, d.OK = v, true
	return nil
}

// Stamp is a start time: YYYY-MM-DD HH:MM, YYYY-MM-DD HH:MM:SS, or RFC 3339
// (2025-03-04T06:30:00+01:00). The day and time are taken as written, never
// converted to another zone.
type Stamp struct {
	D   metrics.Date
	Sec int32
	OK  bool
}

const wantStamp = "want a start time as YYYY-MM-DD HH:MM[:SS] or RFC 3339 (2025-03-04T06:30:00+01:00)"

// UnmarshalCSV implements gocsv.TypeUnmarshaller.
func (st *Stamp) UnmarshalCSV(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		*st = Stamp{}
		return nil
	}
	v, _, ok := isoStamp(s)
	if !ok || len(s) < 16 {
		return badCell(wantStamp, s)
	}
	*st = Stamp{D: v.date, Sec: v.sec, OK: true}
	return nil
}

// isoStamp reads YYYY-MM-DD HH:MM[:SS] or RFC 3339 as written: the day and
// the wall-clock time, never converted to another zone. zoned reports an
// offset or Z after the time. It is the one timestamp parser of workin: the
// native sheets' start column uses it alone, and the exports' layouts
// (stampReader) try it first.
func isoStamp(s string) (st stamp, zoned, ok bool) {
	if len(s) < 16 || (s[10] != ' ' && s[10] != 'T') {
		return stamp{}, false, false
	}
	d, err := metrics.ParseDate(s[:10])
	if err != nil {
		return stamp{}, false, false
	}
	sec, rest, ok := clock(s[11:])
	if !ok || !validZone(rest, s[10] == 'T') {
		return stamp{}, false, false
	}
	return stamp{d, sec}, rest != "", true
}

// clock parses HH:MM or HH:MM:SS (with an optional fraction of a second)
// and returns the seconds after midnight and what follows.
func clock(s string) (int32, string, bool) {
	if len(s) < 5 || s[2] != ':' {
		return 0, "", false
	}
	h, ok1 := twoDigits(s[0:2])
	m, ok2 := twoDigits(s[3:5])
	if !ok1 || !ok2 || h > 23 || m > 59 {
		return 0, "", false
	}
	sec := int32(h*3600 + m*60)
	rest := s[5:]
	if len(rest) >= 3 && rest[0] == ':' {
		x, ok := twoDigits(rest[1:3])
		if !ok || x > 59 {
			return 0, "", false
		}
		sec += int32(x)
		rest = rest[3:]
		if len(rest) > 0 && rest[0] == '.' {
			i := 1
			for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
				i++
			}
			if i == 1 {
				return 0, "", false
			}
			rest = rest[i:]
		}
	}
	return sec, rest, true
}

// validZone accepts nothing, Z, or ±HH:MM after an RFC 3339 time.
func validZone(s string, rfc bool) bool {
	switch {
	case s == "":
		return true
	case !rfc:
		return false
	case s == "Z" || s == "z":
		return true
	case len(s) == 6 && (s[0] == '+' || s[0] == '-') && s[3] == ':':
		h, ok1 := twoDigits(s[1:3])
		m, ok2 := twoDigits(s[4:6])
		return ok1 && ok2 && h <= 23 && m <= 59
	}
	return false
}

func twoDigits(s string) (int, bool) {
	if len(s) != 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' {
		return 0, false
	}
	return int(s[0]-'0')*10 + int(s[1]-'0'), true
}

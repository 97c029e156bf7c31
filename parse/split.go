package parse

import (
	"io"
	"strings"
)

// next appends the cells of the next non-empty record to dst and returns
// them with the record's physical line; io.EOF after the last.
func (rs *records) next(dst []string) ([]string, int, error) {
	n := len(dst)
	if rs.csv == nil {
		data, comma := rs.data, byte(rs.t.comma)
		for rs.off < len(data) {
			rest := data[rs.off:]
			if skip := emptyLine(rest); skip > 0 {
				rs.off, rs.line = rs.off+skip, rs.line+1
				continue
			}
			rec, used, lines, ok := splitRecord(dst, rest, comma)
			if !ok {
				dst = dst[:n]
				rs.csv, rs.csvLine, rs.csvOff = rs.t.reader(rs.raw[rs.off:]), rs.line, rs.off
				break
			}
			rs.at = rs.base + rs.off
			line := rs.line
			rs.off, rs.line = rs.off+used, rs.line+lines
			return rec, line, nil
		}
		if rs.csv == nil {
			return dst, 0, io.EOF
		}
	}
	rs.at = rs.base + rs.csvOff + int(rs.csv.InputOffset())
	rec, err := rs.csv.Read()
	if err == io.EOF {
		return dst, 0, io.EOF
	}
	if err != nil {
		return dst, 0, rs.t.syntaxError(err, rs.csvLine)
	}
	l, _ := rs.csv.FieldPos(0)
	return append(dst, rec...), rs.csvLine + l - 1, nil
}

// emptyLine returns the length of the empty line s starts with ("\n",
// "\r\n", or a lone "\r" ending the data), or 0.
func emptyLine(s string) int {
	switch {
	case s[0] == '\n':
		return 1
	case s[0] != '\r':
		return 0
	case len(s) == 1:
		return 1
	case s[1] == '\n':
		return 2
	}
	return 0
}

// splitRecord appends the cells of the record s starts with to rec,
// unquoting quoted cells as encoding/csv does, and returns how many bytes
// of s the record spans (its line ending included) and how many physical
// lines. It reports false, leaving the record to encoding/csv, when a quote
// is out of place or left open.
func splitRecord(rec []string, s string, comma byte) ([]string, int, int, bool) {
	i, lines := 0, 1
	for {
		if i < len(s) && s[i] == '"' {
			cell, end, nl, ok := quotedCell(s, i)
			if !ok {
				return rec, 0, 0, false
			}
			rec = append(rec, cell)
			lines += nl
			i = end
			switch {
			case i == len(s):
				return rec, i, lines, true
			case s[i] == comma:
				i++
				continue
			case s[i] == '\n':
				return rec, i + 1, lines, true
			case s[i] == '\r' && i+1 == len(s):
				return rec, i + 1, lines, true
			case s[i] == '\r' && s[i+1] == '\n':
				return rec, i + 2, lines, true
			}
			return rec, 0, 0, false
		}
		// An unquoted cell runs to the next comma or the end of the line.
		line := s[i:]
		e := strings.IndexByte(line, '\n')
		if e >= 0 {
			line = line[:e]
		}
		k := strings.IndexByte(line, comma)
		cell := line
		if k >= 0 {
			cell = line[:k]
		} else {
			cell = strings.TrimSuffix(cell, "\r")
		}
		if strings.IndexByte(cell, '"') >= 0 {
			return rec, 0, 0, false
		}
		rec = append(rec, cell)
		switch {
		case k >= 0:
			i += k + 1
		case e < 0:
			return rec, len(s), lines, true
		default:
			return rec, i + e + 1, lines, true
		}
	}
}

// quotedCell reads the quoted cell opening at s[i]: its text (doubled
// quotes undone, CRLF read as LF), the offset after its closing quote and
// the line breaks inside it. ok is false when the quote never closes.
func quotedCell(s string, i int) (cell string, end, lines int, ok bool) {
	start, j := i+1, i+1
	escaped := false
	for {
		k := strings.IndexByte(s[j:], '"')
		if k < 0 {
			return "", 0, 0, false
		}
		k += j
		if k+1 < len(s) && s[k+1] == '"' {
			escaped, j = true, k+2
			continue
		}
		cell = s[start:k]
		if lines = strings.Count(cell, "\n"); lines > 0 && strings.Contains(cell, "\r\n") {
			cell = strings.ReplaceAll(cell, "\r\n", "\n")
		}
		if escaped {
			cell = strings.ReplaceAll(cell, `""`, `"`)
		}
		return cell, k + 1, lines, true
	}
}

package parse

import (
	"bytes"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Text encodings and line endings. workin reads UTF-8; it also reads what
// spreadsheets save instead, and never lets bytes that are not UTF-8 reach
// an output:
//
//   - UTF-16 with a byte-order mark (Excel's "Unicode text") is decoded;
//   - a file with no valid multi-byte UTF-8 sequence but bytes UTF-8 cannot
//     read is Windows-1252 (a Garmin export re-saved by Excel on Windows),
//     decoded with a note naming the file;
//   - a file that mixes valid UTF-8 with bytes UTF-8 cannot read is damaged:
//     an error at the line of the first such byte, with a hint;
//   - NUL bytes without a UTF-16 mark mean a binary file: an error;
//   - CR-only line endings (classic Mac OS, some Excel exports) are read as
//     line breaks.

var (
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decodeText returns data as UTF-8 with LF or CRLF line endings, and the
// notes to add to the file's data quality.
func decodeText(file string, data []byte) ([]byte, []string, error) {
	var notes []string
	switch {
	case bytes.HasPrefix(data, bom):
		data = data[len(bom):]
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		var err error
		if data, err = fromUTF16(file, data); err != nil {
			return nil, nil, err
		}
		notes = append(notes, "saved as UTF-16 (Excel's \"Unicode text\"): decoded")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, nil, fileError(file, lineAt(data, i), "the file holds NUL bytes: it is not a text file (or it is UTF-16 without a byte-order mark); save it as CSV in UTF-8")
	}
	if bytes.IndexByte(data, '\r') >= 0 && bytes.IndexByte(data, '\n') < 0 {
		data = bytes.ReplaceAll(data, []byte{'\r'}, []byte{'\n'})
		notes = append(notes, "CR-only line endings (classic Mac OS or an old Excel): read as line breaks")
	}
	if !utf8.Valid(data) {
		bad := firstInvalid(data)
		if hasMultibyte(data) {
			return nil, nil, fileError(file, lineAt(data, bad),
				"byte 0x%02X is not UTF-8, while the rest of the file is: the file is damaged or mixes encodings; save it as UTF-8 (CSV UTF-8 in Excel)", data[bad])
		}
		dec, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return nil, nil, fileError(file, lineAt(data, bad), "the file is not UTF-8 and cannot be read as Windows-1252: %v; save it as UTF-8", err)
		}
		notes = append(notes, fmt.Sprintf("not UTF-8 (first on line %d): read as Windows-1252, as Excel on Windows saves; if names look wrong, save the file as UTF-8", lineAt(data, bad)))
		data = dec
	}
	return data, notes, nil
}

// fromUTF16 decodes UTF-16 with a byte-order mark.
func fromUTF16(file string, data []byte) ([]byte, error) {
	big := data[0] == 0xFE
	data = data[2:]
	if len(data)%2 != 0 {
		return nil, fileError(file, 0, "the file is UTF-16 (it starts with a byte-order mark) but has an odd number of bytes: it is cut short; save it again")
	}
	u := make([]uint16, len(data)/2)
	for i := range u {
		if big {
			u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			u[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	out := make([]byte, 0, len(u)+len(u)/4)
	for _, r := range utf16.Decode(u) {
		out = utf8.AppendRune(out, r) // an unpaired surrogate becomes U+FFFD
	}
	return out, nil
}

// firstInvalid is the offset of the first byte that is not UTF-8.
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// hasMultibyte reports whether b holds a valid multi-byte UTF-8 sequence.
func hasMultibyte(b []byte) bool {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || n > 1 {
			return true
		}
		i += n
	}
	return false
}

// lineAt is the 1-based line of offset i.
func lineAt(b []byte, i int) int { return 1 + bytes.Count(b[:min(i, len(b))], []byte{'\n'}) }

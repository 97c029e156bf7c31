package parse

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Athlete ids and names are identities: two spellings that look the same
// must be one athlete, and a spelling that hides characters must not pass.
// Names are trimmed and put in Unicode normal form C (an é typed as e +
// combining accent is the é of another file); control and format
// characters (zero-width spaces and joiners, direction overrides, a BOM)
// are refused with their position; ids are matched without regard to case.

// CleanName returns a name or id as workin keeps it, or an error naming the
// hidden character.
func CleanName(s string) (string, error) {
	s = norm.NFC.String(strings.TrimSpace(s))
	for _, r := range s {
		if unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029' {
			return "", fmt.Errorf("the name holds an invisible or control character (U+%04X); names must be plain text so that two athletes never look alike", r)
		}
	}
	return s, nil
}

var fold = cases.Fold()

// NameKey is the form athlete ids and names are matched by: normal form C
// and case folded, so "Ana", "ana" and "ANA" are one athlete.
func NameKey(s string) string { return fold.String(norm.NFC.String(s)) }

// AppendNameKey appends NameKey(s) to dst. ASCII text, what nearly every
// sheet's athlete cells hold, is in normal form C already and folds to
// its lower case, so it is done here without allocating: a row's athlete
// is looked up for every row, and m[string(AppendNameKey(buf[:0], s))]
// allocates nothing.
func AppendNameKey(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(dst, NameKey(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

package parse

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Visible returns s as one line of plain text for a terminal or a CI log:
// line breaks, tabs, escape sequences, other control and format characters
// (zero-width spaces, direction overrides) and bytes that are not UTF-8 are
// written as escapes (\n, \x1b, \u202e), so a name or a header cell can
// neither start a line of its own (a forged "::error" workflow command)
// nor move the cursor. "##[" (the old workflow-command prefix) is broken
// up the same way.
func Visible(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c >= utf8.RuneSelf {
			clean = false
			break
		}
	}
	if clean && !strings.Contains(s, "##[") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r >= 0x80 && (!unicode.IsPrint(r) && r != '\u00a0' || unicode.Is(unicode.Cf, r)):
			fmt.Fprintf(&b, `\u%04x`, r)
		case r == '#' && strings.HasPrefix(s[i:], "##["):
			b.WriteString(`#\#[`)
			n = 3
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

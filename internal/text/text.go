// Package text holds the small formatting helpers every stage of workin
// shares, one copy each: numbers for people (a true minus sign, "—" for a
// value that cannot be computed, as many decimals as a comparison needs),
// plurals and lists, clipping of quoted input, and Visible, which makes any
// string one safe line for a terminal or a CI log.
package text

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dash is shown for a value that cannot be computed.
const Dash = "—"

// Fixed formats v with d decimals and a true minus sign; NaN is Dash.
func Fixed(v float64, d int) string {
	if v != v {
		return Dash
	}
	s := strconv.FormatFloat(v, 'f', d, 64)
	if s == "-0" || strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-")
	}
	return strings.Replace(s, "-", "−", 1)
}

// Signed is Fixed with an explicit plus sign on positive values.
func Signed(v float64, d int) string {
	s := Fixed(v, d)
	if v == v && s != Dash && !strings.HasPrefix(s, "−") && strings.Trim(s, "0.") != "" {
		return "+" + s
	}
	return s
}

// Num formats a number as written in a message: the shortest form, "%g".
func Num(v float64) string { return fmt.Sprintf("%g", v) }

// Apart formats a value and the threshold it is compared with, with d
// decimals or more when they would otherwise read the same: 1.503 above
// 1.5 is "1.503 above 1.500", never "1.50 above 1.50".
func Apart(v, t float64, d int) (string, string) {
	for ; d < 4; d++ {
		if Fixed(v, d) != Fixed(t, d) {
			break
		}
	}
	return Fixed(v, d), Fixed(t, d)
}

// ApartRange is Apart for a value and a range it lies outside (an HRV
// 7-day mean and its normal range): "63.6 below 63.9–68.0", never "64
// below 64–68".
func ApartRange(v, lo, hi float64) (string, string, string) {
	d := 0
	for ; d < 3; d++ {
		if Fixed(v, d) != Fixed(lo, d) && Fixed(v, d) != Fixed(hi, d) {
			break
		}
	}
	return Fixed(v, d), Fixed(lo, d), Fixed(hi, d)
}

// MMSS formats seconds as M:SS; NaN is Dash.
func MMSS(sec float64) string {
	if sec != sec {
		return Dash
	}
	s := int(math.Round(sec))
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// Plural returns "1 day" or "3 days".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// JoinAnd joins words as "a", "a and b" or "a, b and c"; JoinOr with "or".
func JoinAnd(ws []string) string { return join(ws, " and ") }

// JoinOr joins words as "a", "a or b" or "a, b or c".
func JoinOr(ws []string) string { return join(ws, " or ") }

func join(ws []string, last string) string {
	switch len(ws) {
	case 0:
		return ""
	case 1:
		return ws[0]
	}
	return strings.Join(ws[:len(ws)-1], ", ") + last + ws[len(ws)-1]
}

// List joins up to n items with commas and counts the rest: "a, b, c and
// 12 more".
func List(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:n], ", ") + fmt.Sprintf(" and %d more", len(items)-n)
}

// Clip shortens s to at most max bytes, never splitting a UTF-8 sequence,
// and marks the cut with "…", so that input quoted in a message is never
// echoed back in bulk.
func Clip(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

// Sentence starts s with a capital letter.
func Sentence(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

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

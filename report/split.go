package report

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// One page per athlete (--split DIR): the team's overview (index.html)
// links to a self-contained page for each athlete, named after the
// athlete's id. Ids are user text: a page name is made only of a–z, 0–9
// and "-", so it cannot leave the folder, hide (a leading dot) or carry a
// drive, a separator or a character a file system changes; it is lower
// case, so two names never differ only by case (macOS and Windows fold
// them); it is never a name Windows reserves (CON, NUL, COM1…, whatever
// the extension) nor the overview's; it is at most maxPageName bytes; and
// a name already taken gets "-2", "-3"…

// OverviewPage is the overview's file name in a split report.
const OverviewPage = "index.html"

const maxPageName = 60

// pageNamer hands out page names in report order.
type pageNamer struct {
	taken map[string]bool
}

func newPageNamer() *pageNamer {
	return &pageNamer{taken: map[string]bool{"index": true}}
}

// name returns the page of athlete i (0-based) with the given id.
func (n *pageNamer) name(i int, id string) string {
	base := pageBase(id)
	if base == "" {
		base = "athlete-" + strconv.Itoa(i+1)
	}
	if windowsReserved(base) || base == "index" {
		base = "athlete-" + base
	}
	name := base
	for k := 2; n.taken[name]; k++ {
		name = fmt.Sprintf("%s-%d", base, k)
	}
	n.taken[name] = true
	return name + ".html"
}

// pageBase is the id folded to a–z, 0–9 and single dashes: accents
// dropped (é → e), a few letters spelled out (ß → ss, ø → o), everything
// else a dash, trimmed and cut to maxPageName bytes.
func pageBase(id string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(id) {
		if unicode.Is(unicode.Mn, r) {
			continue // a combining accent
		}
		if s, ok := spelled[unicode.ToLower(r)]; ok {
			b.WriteString(s)
			dash = false
			continue
		}
		r = unicode.ToLower(r)
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimRight(b.String(), "-")
	if len(s) > maxPageName {
		s = strings.TrimRight(s[:maxPageName], "-")
	}
	return s
}

// spelled are letters that do not decompose into a base letter and an
// accent.
var spelled = map[rune]string{
	'ß': "ss", 'ø': "o", 'æ': "ae", 'œ': "oe", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i", 'ħ': "h",
}

// windowsReserved reports a base name Windows refuses for a file, with
// any extension: CON, PRN, AUX, NUL, COM0–9, LPT0–9.
func windowsReserved(base string) bool {
	switch base {
	case "con", "prn", "aux", "nul":
		return true
	}
	if len(base) == 4 && (strings.HasPrefix(base, "com") || strings.HasPrefix(base, "lpt")) && base[3] >= '0' && base[3] <= '9' {
		return true
	}
	return false
}

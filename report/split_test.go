package report

import (
	"regexp"
	"strings"
	"testing"
)

// TestPageNames: every athlete id, however hostile, gives a page name that
// stays in the folder, means the same file on every file system (case
// folded, no reserved name, no separators, dots or controls), is bounded
// and is unique.
func TestPageNames(t *testing.T) {
	ids := []string{
		"ana", "Ana", "ANA", "ana-ruiz", "Ana Ruiz", "ana.ruiz", "ana_ruiz", "../../etc/passwd", `..\..\windows\system32`,
		"/abs/path", "C:\\evil", "a/b", "..", ".", "", " ", ".hidden", "CON", "con", "Con.txt", "nul", "COM1", "lpt9", "aux.html",
		"index", "INDEX", "José Núñez", "Łukasz Żółć", "Straße", "山田太郎", "Ｆｕｌｌｗｉｄｔｈ", "a\x00b", "tab\there", "new\nline",
		"trailing.", "trailing ", "-dash-", "emoji 🏃", "<script>", strings.Repeat("long", 40), strings.Repeat("x", 70) + "-y",
		"athlete-1", "athlete 1",
	}
	n := newPageNamer()
	seen := map[string]string{}
	safe := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*\.html$`)
	for i, id := range ids {
		name := n.name(i, id)
		if !safe.MatchString(name) {
			t.Errorf("id %q: page %q is not a plain name", id, name)
		}
		if len(name) > maxPageName+len("-99.html") {
			t.Errorf("id %q: page %q is %d bytes", id, name, len(name))
		}
		base := strings.TrimSuffix(name, ".html")
		if windowsReserved(base) || base == "index" {
			t.Errorf("id %q: page %q is a reserved name", id, name)
		}
		if prev, dup := seen[strings.ToLower(name)]; dup {
			t.Errorf("ids %q and %q share the page %q", prev, id, name)
		}
		seen[strings.ToLower(name)] = id
	}
	// Names read like the ids where they can, in order.
	again := newPageNamer()
	for _, c := range []struct{ id, want string }{
		{"Ana Ruiz", "ana-ruiz.html"}, {"ana.ruiz", "ana-ruiz-2.html"}, {"José Núñez", "jose-nunez.html"},
		{"Straße", "strasse.html"}, {"CON", "athlete-con.html"}, {"index", "athlete-index.html"}, {"山田", "athlete-8.html"},
		{"../../x", "x.html"},
	} {
		i := len(again.taken) // the empty name uses it: athlete i+1
		if got := again.name(i, c.id); got != c.want {
			t.Errorf("page of %q = %q, want %q", c.id, got, c.want)
		}
	}
	// The same ids always give the same names.
	a, b := newPageNamer(), newPageNamer()
	for i, id := range ids {
		if x, y := a.name(i, id), b.name(i, id); x != y {
			t.Errorf("id %q: %q then %q", id, x, y)
		}
	}
}

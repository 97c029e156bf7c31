package report

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"io"
	"regexp"
	"strings"
	"testing"
)

// inflateAsBrowser unpacks a body the way report.js does: the dictionary
// as stored DEFLATE blocks, then the packed body, through a plain inflater
// with no preset dictionary, dropping the dictionary from the output.
func inflateAsBrowser(t *testing.T, dict []byte, packed string) string {
	t.Helper()
	var s string
	if err := json.Unmarshal([]byte(packed), &s); err != nil {
		t.Fatal(err)
	}
	z, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	var stream bytes.Buffer
	for off := 0; off < len(dict); off += 65535 {
		n := min(65535, len(dict)-off)
		stream.Write([]byte{0, byte(n), byte(n >> 8), ^byte(n), ^byte(n >> 8)})
		stream.Write(dict[off : off+n])
	}
	stream.Write(z)
	out, err := io.ReadAll(flate.NewReader(&stream))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out, dict) {
		t.Fatal("the output does not start with the dictionary")
	}
	return string(out[len(dict):])
}

// TestPackedBodies: a team of more than staticMax athletes has each
// athlete's body packed; the browser's way of unpacking gives back the
// body exactly, and the page carries the dictionary it was packed with.
func TestPackedBodies(t *testing.T) {
	a := sampleAthlete(t)
	a.Profile.Name = "Bo </script><img src=x onerror=alert(1)>"
	r := &Report{Title: "Big", Team: true, AsOf: a.AsOf}
	for i := 0; i <= staticMax; i++ {
		r.Athletes = append(r.Athletes, a)
	}
	var page bytes.Buffer
	if err := WriteHTML(&page, r); err != nil {
		t.Fatal(err)
	}
	html := page.String()
	dictEl := regexp.MustCompile(`<script type="application/json" id="wk-dict">(.*?)</script>`).FindStringSubmatch(html)
	if dictEl == nil {
		t.Fatal("no dictionary in the page")
	}
	var dict string
	if err := json.Unmarshal([]byte(dictEl[1]), &dict); err != nil {
		t.Fatal(err)
	}
	as, _ := loadAssets()
	if dict != string(as.dict) || len(dict) < 8<<10 || len(dict) > 32<<10 {
		t.Fatalf("the page's dictionary (%d bytes) is not the one bodies are packed with (%d)", len(dict), len(as.dict))
	}
	blobs := regexp.MustCompile(`<script type="application/json" class="wk-z" id="z-(\d+)">(.*?)</script>`).FindAllStringSubmatch(html, -1)
	if len(blobs) != len(r.Athletes) {
		t.Fatalf("%d packed bodies for %d athletes", len(blobs), len(r.Athletes))
	}
	v := buildAthlete(r, 0, a, false, true)
	var want strings.Builder
	if err := as.page.ExecuteTemplate(&want, "athlete-body", v); err != nil {
		t.Fatal(err)
	}
	got := inflateAsBrowser(t, []byte(dict), blobs[0][2])
	if got != want.String() {
		t.Fatalf("unpacked body differs from the body (%d vs %d bytes)", len(got), want.Len())
	}
	for _, must := range []string{`id="data-0"`, `class="chart"`, "Sessions of the last four weeks", "Data quality for Bo &lt;/script&gt;&lt;img"} {
		if !strings.Contains(got, must) {
			t.Errorf("the unpacked body lacks %s", must)
		}
	}
	// User text is escaped in the page and in what it unpacks to.
	for what, s := range map[string]string{"page": html, "unpacked body": got} {
		if strings.Contains(s, "<img") || strings.Count(strings.ToLower(s), "</script") != strings.Count(strings.ToLower(s), "<script") {
			t.Errorf("the %s holds user text as markup", what)
		}
	}
	// The advice stays HTML, readable without scripts; the packed part
	// is small.
	head := html[strings.Index(html, `id="athlete-1"`):]
	head = head[:strings.Index(head, `class="wk-z"`)]
	if !strings.Contains(head, `class="verdict`) || !strings.Contains(head, `table class="parts"`) || strings.Contains(head, `class="chart"`) {
		t.Error("a packed athlete's advice and readiness are not in the page as HTML")
	}
	if n := len(blobs[0][2]); n > want.Len()/3 {
		t.Errorf("a packed body is %d bytes for %d unpacked", n, want.Len())
	}
	if strings.Count(html, `id="wk-dict"`) != 1 {
		t.Error("the dictionary is not in the page once")
	}
}

// TestSmallTeamNotPacked: up to staticMax athletes, every body is HTML,
// and no dictionary is written.
func TestSmallTeamNotPacked(t *testing.T) {
	a := sampleAthlete(t)
	r := &Report{Title: "Small", Team: true, AsOf: a.AsOf}
	for i := 0; i < staticMax; i++ {
		r.Athletes = append(r.Athletes, a)
	}
	var page bytes.Buffer
	if err := WriteHTML(&page, r); err != nil {
		t.Fatal(err)
	}
	if s := page.String(); strings.Contains(s, `class="wk-z"`) || strings.Contains(s, `id="wk-dict"`) || strings.Count(s, "<caption>HRV by day") != staticMax {
		t.Error("a team of ten is packed, or lacks its tables")
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Each test here is one class of hostile or broken input from the second
// audit (issue 10); each fails on the code before it.

// run2 runs workin with args in dir (relative paths resolve there) and
// returns stdout, stderr and the exit code as main would give it.
func run2(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	if dir != "" {
		wd, _ := os.Getwd()
		if err := os.Chdir(dir); err != nil {
			t.Fatal(err)
		}
		defer os.Chdir(wd)
	}
	var o, e bytes.Buffer
	err := run(args, &o, &e)
	code = exitCode(err, &e)
	return o.String(), e.String(), code
}

const sheet = "date,sport,duration,rpe\n2026-01-05,run,45,5\n2026-01-06,ride,60,6\n2026-01-07,run,30,4\n"

// 1. An output that is also an input is refused before anything is read.
func TestOutputIsNeverAnInput(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "workouts.csv"), sheet)
	writeFile(t, filepath.Join(dir, "checkins.csv"), "date,soreness\n2026-01-05,3\n")
	writeFile(t, filepath.Join(dir, "plan.csv"), "date,sport,duration,rpe\n2026-01-08,run,45,5\n")
	writeFile(t, filepath.Join(dir, "profile.yaml"), "name: Me\nworkouts: [workouts.csv]\ncheckins: [checkins.csv]\nplan: [plan.csv]\n")
	os.Symlink(filepath.Join(dir, "profile.yaml"), filepath.Join(dir, "link.yaml"))
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	before := map[string][]byte{}
	for _, f := range []string{"workouts.csv", "checkins.csv", "profile.yaml", "plan.csv"} {
		before[f], _ = os.ReadFile(filepath.Join(dir, f))
	}
	for _, args := range [][]string{
		{"report", "profile.yaml", "-o", "workouts.csv"},
		{"report", "profile.yaml", "--md", "./checkins.csv"},
		{"report", "profile.yaml", "--json", "link.yaml"},
		{"report", "profile.yaml", "--json", "sub/../profile.yaml"},
		{"report", "--workouts", "workouts.csv", "-o", "./workouts.csv"},
		{"report", "profile.yaml", "--md", "plan.csv"},
		{"report", "--workouts", "workouts.csv", "--plan", "plan.csv", "--json", "./plan.csv"},
	} {
		_, stderr, code := run2(t, dir, args...)
		if code != 2 || !strings.Contains(stderr, "never writes over an input") {
			t.Errorf("%v: exit %d, %q; want a usage error", args, code, stderr)
		}
	}
	for f, b := range before {
		if now, _ := os.ReadFile(filepath.Join(dir, f)); !bytes.Equal(now, b) {
			t.Errorf("%s was overwritten", f)
		}
	}
}

// 2. A failed run leaves every earlier output as it was, and names the
// user's path, never a temporary file.
func TestFailedRunReplacesNothing(t *testing.T) {
	dir := t.TempDir()
	w := writeFile(t, filepath.Join(dir, "w.csv"), sheet)
	out := filepath.Join(dir, "out")
	os.MkdirAll(filepath.Join(out, "report.json"), 0o755) // a folder where the JSON should go
	writeFile(t, filepath.Join(out, "report.html"), "old html")
	writeFile(t, filepath.Join(out, "report.md"), "old md")
	_, stderr, code := run2(t, "", "report", "--workouts", w, "-o", filepath.Join(out, "report.html"),
		"--md", filepath.Join(out, "report.md"), "--json", filepath.Join(out, "report.json"))
	if code != 1 || !strings.Contains(stderr, filepath.Join(out, "report.json")) || strings.Contains(stderr, ".tmp") {
		t.Errorf("exit %d, %q; want exit 1 naming the JSON path and no temporary file", code, stderr)
	}
	for name, want := range map[string]string{"report.html": "old html", "report.md": "old md"} {
		if b, _ := os.ReadFile(filepath.Join(out, name)); string(b) != want {
			t.Errorf("%s was replaced by a failed run", name)
		}
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 3 {
		t.Errorf("the folder holds %d entries after a failed run, want the 3 it had", len(entries))
	}
	// A rename that fails half way puts back what it replaced: see
	// internal/outfile.
}

// 3. CR-only line endings are line breaks; a header that swallows the
// file is an error, never an empty log.
func TestCROnlyFiles(t *testing.T) {
	dir := t.TempDir()
	w := writeFile(t, filepath.Join(dir, "w.csv"), strings.ReplaceAll(sheet, "\n", "\r"))
	c := writeFile(t, filepath.Join(dir, "c.csv"), "date,soreness\n2026-01-05,3\n")
	doc, _, _, _ := reportJSON(t, "--workouts", w, "--checkins", c)
	if n := len(doc.Athletes[0].Sessions); n != 3 {
		t.Errorf("a CR-only workouts file gave %d sessions, want 3", n)
	}
	bad := writeFile(t, filepath.Join(dir, "b.csv"), "date,sport,\"duration\n2026-01-05,run,45\n")
	if _, stderr, code := run2(t, "", "report", "--workouts", bad, "-o", filepath.Join(dir, "r.html")); code != 1 || !strings.Contains(stderr, "b.csv") {
		t.Errorf("a header with an open quote: exit %d, %q; want an error", code, stderr)
	}
}

// 4. UTF-16 with a BOM and Windows-1252 are decoded; a file that mixes
// UTF-8 with other bytes stops with its line; no output holds invalid
// UTF-8.
func TestEncodings(t *testing.T) {
	dir := t.TempDir()
	text := "date,sport,duration,rpe,notes\n2026-01-05,Løb,45,5,café au lait\n2026-01-06,Løb,40,4,\n"
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(text)
	w1252, _ := charmap.Windows1252.NewEncoder().String(text)
	for name, data := range map[string]string{"utf16.csv": u16, "w1252.csv": w1252} {
		f := writeFile(t, filepath.Join(dir, name), data)
		doc, html, md, _ := reportJSON(t, "--workouts", f)
		if len(doc.Athletes[0].Sessions) != 2 {
			t.Errorf("%s: %d sessions, want 2", name, len(doc.Athletes[0].Sessions))
		}
		if !strings.Contains(html, "Løb") || !utf8.ValidString(html) || !utf8.ValidString(md) {
			t.Errorf("%s: the sport is not decoded, or an output is not UTF-8", name)
		}
		if name == "w1252.csv" && !strings.Contains(html, "Windows-1252") {
			t.Errorf("%s: no note says how it was read", name)
		}
	}
	mixed := writeFile(t, filepath.Join(dir, "mixed.csv"), "date,sport,duration,rpe\n2026-01-05,Løb,45,5\n2026-01-06,L\xf8b,40,4\n")
	if _, stderr, code := run2(t, "", "report", "--workouts", mixed, "-o", filepath.Join(dir, "r.html")); code != 1 || !strings.Contains(stderr, "mixed.csv:3:") || !strings.Contains(stderr, "UTF-8") {
		t.Errorf("mixed encodings: exit %d, %q; want an error at line 3 with a hint", code, stderr)
	}
}

// 5. A row with fewer cells than the header is an error (a listed skip with
// --lenient); an open quote is reported where it opens.
func TestRaggedRowsAndOpenQuotes(t *testing.T) {
	dir := t.TempDir()
	short := writeFile(t, filepath.Join(dir, "short.csv"), "date,sport,duration,rpe\n2026-01-05,run,45,5\n2026-01-06,run,45\n")
	if _, stderr, code := run2(t, "", "report", "--workouts", short, "-o", filepath.Join(dir, "r.html")); code != 1 || !strings.Contains(stderr, "short.csv:3:") {
		t.Errorf("a short row: exit %d, %q", code, stderr)
	}
	doc, _, _, _ := reportJSON(t, "--workouts", short, "--lenient")
	if len(doc.Athletes[0].Sessions) != 1 {
		t.Errorf("lenient: %d sessions, want the short row skipped", len(doc.Athletes[0].Sessions))
	}
	open := writeFile(t, filepath.Join(dir, "open.csv"), "date,sport,duration,notes\n2026-01-05,run,45,fine\n2026-01-06,run,45,\"never closed\n2026-01-07,run,45,x\n2026-01-08,run,45,y\n")
	if _, stderr, _ := run2(t, "", "report", "--workouts", open, "-o", filepath.Join(dir, "r.html")); !strings.Contains(stderr, "open.csv:3:") {
		t.Errorf("an open quote is not reported at line 3 where it opens: %q", stderr)
	}
}

// 6. Messages quote the cell as written, clipped, control characters
// visible.
func TestMessagesQuoteTheCell(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ cell, want string }{
		{"99999999999999999999", `got "99999999999999999999"`},
		{"0:00:00", `got "0:00:00"`},
		{"\x1b[2J45", `\x1b[2J45`},
	} {
		f := writeFile(t, filepath.Join(dir, "w.csv"), "date,sport,duration\n2026-01-05,run,"+tc.cell+"\n")
		_, stderr, _ := run2(t, "", "report", "--workouts", f, "-o", filepath.Join(dir, "r.html"))
		if !strings.Contains(stderr, tc.want) || strings.Contains(stderr, "\x1b") {
			t.Errorf("cell %q: %q; want %s, no raw escape", tc.cell, stderr, tc.want)
		}
	}
}

// 8. Everything user-supplied on stderr and stdout is on one line of its
// own with control characters escaped: a name cannot start a workflow
// command.
func TestTerminalOutputIsInert(t *testing.T) {
	dir := t.TempDir()
	evil := "Eve\n::error file=x::forged\n::add-mask::secret\x1b[31m"
	var b strings.Builder
	b.WriteString("date,athlete,sport,duration,rpe\n")
	for d := 1; d <= 9; d++ {
		fmt.Fprintf(&b, "2026-01-0%d,\"%s\",run,120,9\n", d, evil)
	}
	w := writeFile(t, filepath.Join(dir, "w.csv"), b.String())
	_, stderr, code := run2(t, "", "report", "--workouts", w, "-o", filepath.Join(dir, "r.html"), "--fail-on", "easy")
	if code != 2 && code != 1 && code != 3 {
		t.Fatalf("exit %d", code)
	}
	for _, line := range strings.Split(strings.TrimSuffix(stderr, "\n"), "\n") {
		if !strings.HasPrefix(line, "workin: ") && !strings.HasPrefix(line, "Run 'workin") {
			t.Errorf("stderr line %q does not start with workin's own prefix", line)
		}
	}
	if strings.Contains(stderr, "\x1b") {
		t.Error("an escape sequence reached stderr")
	}
	hdr := writeFile(t, filepath.Join(dir, "h.csv"), "date,\x1b]0;title\x07sport,duration\n2026-01-05,run,45\n")
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("date,sport,duration\n2026-01-05,run,45\n")
	wide := writeFile(t, filepath.Join(dir, "u16.csv"), u16)
	stdout, stderr, _ := run2(t, "", "inspect", hdr, wide)
	if strings.ContainsAny(stdout+stderr, "\x1b\x07\x00") {
		t.Errorf("inspect printed raw control bytes: %q", stdout)
	}
}

// 9. Look-alike identities: case is folded, a zero-width character or a
// direction override is refused with its position.
func TestLookAlikeAthletes(t *testing.T) {
	dir := t.TempDir()
	w := writeFile(t, filepath.Join(dir, "w.csv"), "date,athlete,sport,duration,rpe\n2026-01-05,Ana,run,45,5\n2026-01-06,ana,run,45,5\n2026-01-07,ANA,run,45,5\n2026-01-08,Ana\u0301,run,45,5\n")
	doc, _, _, _ := reportJSON(t, "--workouts", w)
	if len(doc.Athletes) != 2 { // Ana and Aná (a real accent, in normal form C)
		t.Errorf("%d athletes from Ana, ana, ANA and Aná; want 2", len(doc.Athletes))
	}
	for _, hidden := range []string{"Ana\u200b", "\u202eanA", "Ana\ufeff"} {
		f := writeFile(t, filepath.Join(dir, "h.csv"), "date,athlete,sport,duration\n2026-01-05,Ana,run,45\n2026-01-06,"+hidden+",run,45\n")
		if _, stderr, code := run2(t, "", "report", "--workouts", f, "-o", filepath.Join(dir, "r.html")); code != 1 || !strings.Contains(stderr, "h.csv:3:") {
			t.Errorf("athlete %q: exit %d, %q; want an error at line 3", hidden, code, stderr)
		}
	}
	team := writeFile(t, filepath.Join(dir, "team.yaml"), "team: T\nathletes:\n  - id: ana\n  - id: ANA\n")
	if _, stderr, code := run2(t, "", "report", team, "-o", filepath.Join(dir, "r.html")); code != 1 || !strings.Contains(stderr, "team.yaml:4") {
		t.Errorf("ids ana and ANA: exit %d, %q", code, stderr)
	}
}

// 10. --redact leaves no file name and nothing made from a name.
func TestRedactFileNames(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "Ana García.csv"), sheet)
	profile := writeFile(t, filepath.Join(dir, "ana-garcia.yaml"), "name: Ana García\nmax_hr: 190\nworkouts: [\"Ana García.csv\"]\nrules: {no_rest_days: 5}\n")
	_, html, md, _ := reportJSON(t, profile, "--redact")
	js, _ := os.ReadFile(filepath.Join(dir, "r.json"))
	for name, out := range map[string]string{"HTML": html, "Markdown": md, "JSON": string(js)} {
		for _, leak := range []string{"García", "Garc\\u00eda", "ana-garcia", "A.G."} {
			if strings.Contains(out, leak) {
				t.Errorf("%s with --redact holds %q", name, leak)
			}
		}
	}
	if !strings.Contains(html, "workouts file 1") {
		t.Error("the redacted HTML does not name the file by role")
	}
}

// 11. Numeric flags and rules values are bounded, finite and positioned;
// 1970-01-01 is a date like any other.
func TestNumbersBounded(t *testing.T) {
	dir := t.TempDir()
	w := writeFile(t, filepath.Join(dir, "w.csv"), sheet)
	out := filepath.Join(dir, "r.html")
	if _, stderr, code := run2(t, "", "report", "--workouts", w, "-o", out, "--detail-weeks", "2305843009213693952"); code != 2 {
		t.Errorf("--detail-weeks 2^61: exit %d, %q", code, stderr)
	}
	for key, val := range map[string]string{"ctl_days": "9223372036854775807", "no_rest_days": "1e300", "readiness_weights": "{hrv: 1e308, rhr: 1e308}"} {
		p := writeFile(t, filepath.Join(dir, "p.yaml"), "name: P\nrules:\n  "+key+": "+val+"\n")
		_, stderr, code := run2(t, "", "report", p, "--workouts", w, "-o", out)
		if code != 1 || !strings.Contains(stderr, "p.yaml:3:") {
			t.Errorf("%s: %s: exit %d, %q; want an error at its position", key, val, code, stderr)
		}
	}
	if _, stderr, code := run2(t, "", "report", "--workouts", w, "-o", out, "--as-of", "1970-01-01"); code != 2 || !strings.Contains(stderr, "1970-01-01") {
		t.Errorf("--as-of 1970-01-01: exit %d, %q; want it refused as before the data, not replaced", code, stderr)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("a temporary file was left: %s", e.Name())
		}
	}
}

// 12. Duplicate matching is near-linear: 50,000 rows of one file on one
// day (17.6 s before).
func TestManyRowsOneDay(t *testing.T) {
	var b strings.Builder
	b.WriteString("date,sport,duration,rpe\n")
	for i := 0; i < 50000; i++ {
		fmt.Fprintf(&b, "2026-01-05,run,%d,5\n", 10+i%50)
	}
	w := writeFile(t, filepath.Join(t.TempDir(), "w.csv"), b.String())
	start := time.Now()
	if _, stderr, code := run2(t, "", "report", "--workouts", w, "-o", filepath.Join(t.TempDir(), "r.html")); code != 0 {
		t.Fatalf("exit %d, %q", code, stderr)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("50,000 rows on one day took %v", d)
	}
}

// 13. Dates far from the rest of the data are refused (listed with
// --lenient); --as-of far beyond the data is refused.
func TestFarDates(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "r.html")
	w := writeFile(t, filepath.Join(dir, "w.csv"), "date,sport,duration,rpe\n2026-01-05,run,45,5\n2026-01-06,run,45,5\n2062-01-07,run,45,5\n2026-01-08,run,45,5\n")
	if _, stderr, code := run2(t, "", "report", "--workouts", w, "-o", out); code != 1 || !strings.Contains(stderr, "w.csv:4:") || !strings.Contains(stderr, "2062-01-07") {
		t.Errorf("2062 among 2026: exit %d, %q", code, stderr)
	}
	doc, _, _, _ := reportJSON(t, "--workouts", w, "--lenient")
	if n := len(doc.Athletes[0].Daily.Date); n != 4 {
		t.Errorf("lenient: %d days, want 4 (the far row skipped)", n)
	}
	abs := writeFile(t, filepath.Join(dir, "a.csv"), "date,sport,duration\n1900-01-01,run,45\n2200-12-31,run,45\n")
	if _, stderr, code := run2(t, "", "report", "--workouts", abs, "-o", out); code != 1 || !strings.Contains(stderr, "a.csv:2:") {
		t.Errorf("1900 and 2200: exit %d, %q", code, stderr)
	}
	if _, _, code := run2(t, "", "report", "--workouts", w, "--lenient", "-o", out, "--as-of", "2031-01-01"); code != 2 {
		t.Errorf("--as-of five years after the data: exit %d, want 2", code)
	}
}

// 14. Every list of every output is bounded: skip reasons stay short, the
// Markdown stays under its budget, the page's skip tables are capped.
func TestListsBounded(t *testing.T) {
	dir := t.TempDir()
	var team strings.Builder
	team.WriteString("team: T\nworkouts: [w.csv]\nathletes:\n")
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&team, "  - id: a%03d\n", i)
	}
	writeFile(t, filepath.Join(dir, "team.yaml"), team.String())
	var w strings.Builder
	w.WriteString("date,athlete,sport,duration,rpe,notes\n")
	for i := 0; i < 6000; i++ {
		fmt.Fprintf(&w, "2026-01-%02d,gone%d,run,45,5,\"a long, long note %d\"\n", 1+i%28, i%5, i)
	}
	fmt.Fprintf(&w, "2026-01-05,a001,run,45,5,\n")
	writeFile(t, filepath.Join(dir, "w.csv"), w.String())
	_, stderr, code := run2(t, dir, "report", "team.yaml", "--lenient", "-o", "r.html", "--md", "r.md", "--json", "r.json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	md, _ := os.ReadFile(filepath.Join(dir, "r.md"))
	html, _ := os.ReadFile(filepath.Join(dir, "r.html"))
	js, _ := os.ReadFile(filepath.Join(dir, "r.json"))
	if len(md) >= 60000 {
		t.Errorf("Markdown is %d bytes, want under 60,000", len(md))
	}
	if len(html) > 6<<20 || len(js) > 6<<20 {
		t.Errorf("HTML %d and JSON %d bytes from a 300 KB input", len(html), len(js))
	}
	if !bytes.Contains(html, []byte("more skipped rows")) {
		t.Error("the page's skip table is not capped")
	}
	doc := struct {
		Skipped []struct{ Reason string } `json:"unattributed_skipped"`
	}{}
	if err := jsonUnmarshal(js, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Skipped) != 6000 || len(doc.Skipped[0].Reason) > 200 {
		t.Errorf("JSON skips %d (want every one of 6000), reason %d bytes (want short)", len(doc.Skipped), len(doc.Skipped[0].Reason))
	}
}

// 15. What is not a regular file is refused at once, and a file that is
// not CSV is never echoed.
func TestNonRegularInputs(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "r.html")
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	for _, in := range []string{"/dev/zero", fifo, dir} {
		done := make(chan int, 1)
		go func() { _, _, code := run2(t, "", "report", "--workouts", in, "-o", out); done <- code }()
		select {
		case code := <-done:
			if code != 1 {
				t.Errorf("%s: exit %d, want 1", in, code)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: still reading after 10 s", in)
		}
	}
	secret := writeFile(t, filepath.Join(t.TempDir(), "secret"), "root:x:0:0:hunter2:/root:/bin/bash\n")
	team := writeFile(t, filepath.Join(dir, "team.yaml"), "team: T\nworkouts: ["+secret+"]\nathletes:\n  - id: a\n")
	if _, stderr, _ := run2(t, "", "report", team, "-o", out); strings.Contains(stderr, "hunter2") || strings.Contains(stderr, "root:x") {
		t.Errorf("the error echoes the file's content: %q", stderr)
	}
}

// 16. timezone: Local would make the output depend on the machine.
func TestTimezoneLocalRefused(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, filepath.Join(dir, "p.yaml"), "name: P\ntimezone: Local\n")
	w := writeFile(t, filepath.Join(dir, "w.csv"), sheet)
	if _, stderr, code := run2(t, "", "report", p, "--workouts", w, "-o", filepath.Join(dir, "r.html")); code != 1 || !strings.Contains(stderr, "p.yaml:2:") {
		t.Errorf("timezone: Local: exit %d, %q", code, stderr)
	}
}

var errNoJSON = errors.New("no JSON")

func jsonUnmarshal(b []byte, v any) error {
	if len(b) == 0 {
		return errNoJSON
	}
	return json.Unmarshal(b, v)
}

// 7. Every user string is one inert line of Markdown: rendered by a real
// CommonMark/GFM renderer (goldmark, with GFM autolinks), the summary holds
// no heading, link, image, HTML or comment that came from user text, no
// bare URL, no live @mention and no javascript: scheme.
func TestMarkdownInert(t *testing.T) {
	dir := t.TempDir()
	payloads := []string{
		"Eve\n\n# Heading from a name\n\n[click](https://evil.example/x) ![pixel](https://evil.example/p.png)",
		"<img src=x onerror=alert(1)> <!-- comment --> <script>alert(1)</script>",
		"@everyone https://evil.example www.evil.example mail@evil.example",
		"[x]: https://evil.example\n> quote\n- item\n| a | b |",
		"javascript:alert(1) `code` *em* _em_ ~~del~~ \\ &amp; &#x3C;",
		"line\u2028sep\u0085nel\rret\u202etxet",
	}
	var team, w strings.Builder
	team.WriteString("team: \"Team\\n\\n# Team heading https://evil.example\"\nworkouts: [w.csv]\nathletes:\n")
	w.WriteString("date,athlete,sport,duration,rpe,notes\n")
	for i, p := range payloads {
		id := fmt.Sprintf("a%d", i)
		// Names are refused with a line break or a format character (see
		// TestLookAlikeAthletes): they carry the rest of each payload.
		name := strings.Map(func(r rune) rune {
			if r < 0x20 || r == '\u2028' || r == '\u0085' || r == '\u202e' {
				return ' '
			}
			return r
		}, p)
		fmt.Fprintf(&team, "  - id: %s\n    name: %q\n", id, name)
		for d := 1; d <= 9; d++ {
			fmt.Fprintf(&w, "2026-01-0%d,%s,\"%s\",120,9,\"%s\"\n", d, id, strings.ReplaceAll(p, `"`, `""`), strings.ReplaceAll(p, `"`, `""`))
		}
	}
	writeFile(t, filepath.Join(dir, "team.yaml"), team.String())
	writeFile(t, filepath.Join(dir, "w.csv"), w.String())
	writeFile(t, filepath.Join(dir, "[evil](https:x).csv"), "date,athlete,sport,duration\n2026-01-05,a0,run,45\n")
	_, stderr, code := run2(t, dir, "report", "team.yaml", "--workouts", "[evil](https:x).csv", "-o", "r.html", "--md", "r.md")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	src, _ := os.ReadFile(filepath.Join(dir, "r.md"))
	var out bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	if err := gm.Convert(src, &out); err != nil {
		t.Fatal(err)
	}
	page := out.String()
	// Ours: one h1 (the title) and one h2 (Input files); details and
	// summary elements; no link, image or other tag at all.
	if n := strings.Count(page, "<h1"); n != 1 {
		t.Errorf("%d h1 headings, want the title only", n)
	}
	if n := strings.Count(page, "<h2"); n != 1 {
		t.Errorf("%d h2 headings, want Input files only", n)
	}
	for _, bad := range []string{"<h3", "<a ", "<img", "<script", "<!--", "<blockquote", "@everyone", "https://evil", "www.evil", "javascript:"} {
		if strings.Contains(page, bad) {
			i := strings.Index(page, bad)
			t.Errorf("rendered summary holds %q: …%s…", bad, page[max(0, i-80):min(len(page), i+80)])
		}
	}
	tags := regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9]*)`)
	allowed := map[string]bool{"h1": true, "h2": true, "p": true, "strong": true, "em": true, "code": true, "ul": true, "li": true,
		"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true, "details": true, "summary": true}
	for _, m := range tags.FindAllStringSubmatch(page, -1) {
		if !allowed[m[2]] {
			t.Errorf("rendered summary holds a <%s> element", m[2])
		}
	}
}

// A plan sheet carries user text too: hostile sports and notes on planned
// sessions (and on one planned but not done) stay inert in the page, the
// Markdown, the JSON (escaped for HTML, read back as written) and on
// stderr.
func TestPlanSheetInert(t *testing.T) {
	dir := t.TempDir()
	evil := "<script>alert(1)</script>\n# Heading [x](https://evil.example) @everyone \x1b[31m"
	q := strings.ReplaceAll(evil, `"`, `""`)
	var w, p strings.Builder
	w.WriteString("date,sport,duration,rpe\n")
	for d := 1; d <= 9; d++ {
		fmt.Fprintf(&w, "2026-01-0%d,run,60,6\n", d)
	}
	p.WriteString("date,sport,duration,rpe,notes\n")
	for _, d := range []string{"2026-01-08", "2026-01-10", "2026-01-11", "2026-01-12"} {
		fmt.Fprintf(&p, "%s,\"%s\",90,7,\"%s\"\n", d, q, q)
	}
	writeFile(t, filepath.Join(dir, "w.csv"), w.String())
	writeFile(t, filepath.Join(dir, "plan.csv"), p.String())
	_, stderr, code := run2(t, dir, "report", "--workouts", "w.csv", "--plan", "plan.csv", "-o", "r.html", "--md", "r.md", "--json", "r.json", "--fail-on", "rest")
	if code != 0 && code != 3 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.ContainsAny(stderr, "\x1b<") {
		t.Errorf("stderr carries the plan's text raw: %q", stderr)
	}
	page, _ := os.ReadFile(filepath.Join(dir, "r.html"))
	if !bytes.Contains(page, []byte("Planned sessions after today (3)")) || !bytes.Contains(page, []byte("Planned, not done: 2026-01-08")) {
		t.Fatal("the page does not show the planned sessions and the one not done")
	}
	if summary, _ := os.ReadFile(filepath.Join(dir, "r.md")); !bytes.Contains(summary, []byte("- Planned, not done: 2026-01-08")) {
		t.Error("the Markdown does not list the planned session not done")
	}
	// As for done sessions, html/template escapes the text; a browser
	// shows an escape byte as nothing (a terminal never reads the page).
	for _, bad := range []string{"<script>alert", "</script><", "<h1>Heading"} {
		if bytes.Contains(page, []byte(bad)) {
			i := bytes.Index(page, []byte(bad))
			t.Errorf("the page holds %q raw: …%s…", bad, page[max(0, i-80):min(len(page), i+80)])
		}
	}
	js, _ := os.ReadFile(filepath.Join(dir, "r.json"))
	if i := bytes.IndexAny(js, "<>&\x1b"); i >= 0 {
		t.Errorf("the JSON holds %q raw: …%s…", js[i], js[max(0, i-80):min(len(js), i+80)])
	}
	var doc struct {
		Athletes []struct {
			Projection struct {
				Sessions []struct{ Sport, Notes string }
			}
			DataQuality struct {
				NotDone []struct{ Sport, Notes string } `json:"not_done"`
			} `json:"data_quality"`
		}
	}
	if err := json.Unmarshal(js, &doc); err != nil || len(doc.Athletes) != 1 {
		t.Fatalf("the JSON: %v", err)
	}
	texts := doc.Athletes[0].DataQuality.NotDone
	texts = append(texts, doc.Athletes[0].Projection.Sessions...)
	if len(texts) != 4 {
		t.Errorf("%d planned sessions and not done in the JSON, want 4", len(texts))
	}
	for _, s := range texts {
		if s.Sport != evil || s.Notes != evil {
			t.Errorf("the JSON reads back sport %q, notes %q; want the sheet's text as written", s.Sport, s.Notes)
		}
	}
	src, _ := os.ReadFile(filepath.Join(dir, "r.md"))
	if !bytes.Contains(src, []byte("Plan check")) {
		t.Fatal("the Markdown has no plan check")
	}
	var out bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	if err := gm.Convert(src, &out); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script", "<h2>Heading", "<a ", "@everyone", "https://evil", "\x1b"} {
		if strings.Contains(out.String(), bad) {
			t.Errorf("the rendered Markdown holds %q", bad)
		}
	}
}

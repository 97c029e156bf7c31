package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
)

// FuzzCommand runs the whole command in process on fuzzed workouts and
// check-ins sheets, a fuzzed profile and fuzzed flag values, and checks the
// promises every run keeps whatever the input:
//
//   - no panic, and an exit code of 0, 1, 2 or 3;
//   - a failed run (1 or 2) leaves no output and no temporary file;
//   - a run that writes (0 or 3) writes all three outputs, all valid UTF-8,
//     its Markdown renders with no link, image, HTML or heading that came
//     from the input, and its JSON (either schema) is valid JSON with no raw
//     <, > or &;
//   - every line on stderr starts with workin's own prefix and holds no
//     control character.
//
// go test -run XXX -fuzz FuzzCommand -fuzztime 10m ./cmd/workin
func FuzzCommand(f *testing.F) {
	f.Add("date,athlete,sport,duration,rpe,notes\n2026-01-05,ana,run,45,5,fine\n2026-01-06,ana,ride,1:00:00,7,\"multi\nline\"\n",
		"date,athlete,soreness,hrv,resting_hr,notes\n2026-01-05,ana,3,60,50,sick\n", "name: Ana\nmax_hr: 190\nresting_hr: 50\n", "", uint8(0))
	f.Add("date,sport,duration\r2026-01-05,run,45\r", "date,soreness\n2062-01-05,3\n", "rules: {ctl_days: 9999999}\n", "2026-01-05", uint8(1))
	f.Add("\xff\xfed\x00a\x00t\x00e\x00\n\x00", "date,athlete\n2026-01-05,\"a\n::error::x\"\n", "timezone: Local\n", "1970-01-01", uint8(6))
	f.Add("date,athlete,sport,duration,tss\n2026-01-05,ana,run,45,40\n2026-01-06,Ben,ride,60,\n", "", "", "1", uint8(16|32|8))
	f.Add("Activity ID,Activity Date,Activity Type,Elapsed Time\n1,\"Jan 5, 2026, 7:00:00 AM\",Run,3600\n", "", "", "", uint8(2))
	f.Fuzz(func(t *testing.T, workouts, checkins, profile, asOf string, flags uint8) {
		dir := t.TempDir()
		w := filepath.Join(dir, "w.csv")
		c := filepath.Join(dir, "c.csv")
		p := filepath.Join(dir, "p.yaml")
		os.WriteFile(w, []byte(workouts), 0o644)
		os.WriteFile(c, []byte(checkins), 0o644)
		os.WriteFile(p, []byte(profile), 0o644)
		outs := []string{filepath.Join(dir, "r.html"), filepath.Join(dir, "r.md"), filepath.Join(dir, "r.json")}
		args := []string{"report", "--workouts", w, "--checkins", c, "-o", outs[0], "--md", outs[1], "--json", outs[2]}
		if profile != "" {
			args = append(args, p)
		}
		if flags&1 != 0 {
			args = append(args, "--lenient")
		}
		if flags&2 != 0 {
			args = append(args, "--redact")
		}
		if flags&4 != 0 {
			args = append(args, "--fail-on", "easy")
		}
		if flags&8 != 0 {
			args = append(args, "--detail-weeks", asOf)
		} else if asOf != "" {
			args = append(args, "--as-of", asOf)
		}
		if flags&16 != 0 {
			args = append(args, "--json-schema", "2")
		}
		if flags&32 != 0 {
			args = append(args, "--athlete", "ana")
		}
		var o, e bytes.Buffer
		code := exitCode(run(args, &o, &e), &e)
		switch code {
		case 0, 3:
			for _, out := range outs {
				b, err := os.ReadFile(out)
				if err != nil {
					t.Fatalf("exit %d without %s", code, filepath.Base(out))
				}
				if !utf8.Valid(b) {
					t.Fatalf("%s is not valid UTF-8", filepath.Base(out))
				}
			}
			md, _ := os.ReadFile(outs[1])
			checkInertMarkdown(t, md)
			js, _ := os.ReadFile(outs[2])
			if !json.Valid(js) || bytes.ContainsAny(js, "<>&") {
				t.Fatalf("the JSON is not valid or holds a raw <, > or &: %.200s", js)
			}
		case 1, 2:
			for _, out := range outs {
				if _, err := os.Stat(out); err == nil {
					t.Fatalf("exit %d left %s", code, filepath.Base(out))
				}
			}
		default:
			t.Fatalf("exit code %d", code)
		}
		entries, _ := os.ReadDir(dir)
		for _, en := range entries {
			if strings.HasSuffix(en.Name(), ".tmp") || strings.HasSuffix(en.Name(), ".keep") {
				t.Fatalf("left %s", en.Name())
			}
		}
		for _, line := range strings.Split(strings.TrimSuffix(e.String(), "\n"), "\n") {
			if line == "" && e.Len() == 0 {
				continue
			}
			if !strings.HasPrefix(line, "workin: ") && !strings.HasPrefix(line, "Run 'workin") {
				t.Fatalf("stderr line %q", line)
			}
			for _, r := range line {
				if r < 0x20 || r == 0x7f {
					t.Fatalf("control character %U on stderr: %q", r, line)
				}
			}
		}
	})
}

// checkInertMarkdown renders a summary with GFM and fails on anything that
// only user text could have made.
func checkInertMarkdown(t *testing.T, md []byte) {
	t.Helper()
	var out bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	if err := gm.Convert(md, &out); err != nil {
		t.Fatal(err)
	}
	page := out.String()
	for _, bad := range []string{"<a ", "<img", "<script", "<h3", "<h4", "<h5", "<h6", "<blockquote", "<iframe", "<!--"} {
		if strings.Contains(page, bad) {
			i := strings.Index(page, bad)
			t.Fatalf("the summary renders %q: …%s…", bad, page[max(0, i-60):min(len(page), i+60)])
		}
	}
	if n := strings.Count(page, "<h1"); n != 1 {
		t.Fatalf("%d h1 headings", n)
	}
	if n := strings.Count(page, "<h2"); n != 1 {
		t.Fatalf("%d h2 headings", n)
	}
}

package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/workin/workin/metrics"
	"github.com/workin/workin/model"
	"github.com/workin/workin/templates"
)

// sampleReport is a report of the sample athlete.
func sampleReport(t testing.TB) *Report {
	a := sampleAthlete(t)
	return &Report{Title: "Sample", AsOf: a.AsOf, Athletes: []*Athlete{a},
		Files: []model.File{{Name: "w.csv", Kind: "workouts", Format: "native workouts", Rows: 10, Used: 10, First: a.Start, Last: a.AsOf}}}
}

func TestAthleteView(t *testing.T) {
	r := sampleReport(t)
	a := r.Athletes[0]
	v := buildAthlete(r, 0, a, true, false)
	if v.Empty != "" || v.Verdict.Action == "" || v.Verdict.Plan == "" || v.Verdict.RestsOn == "" {
		t.Fatalf("verdict %+v", v.Verdict)
	}
	if a.Recommendation.Action < metrics.WorkIn || len(v.Verdict.Evidence) == 0 {
		t.Errorf("the sore, low-HRV end gives %s with %d evidence lines", a.Recommendation.Action, len(v.Verdict.Evidence))
	}
	for _, e := range v.Verdict.Evidence {
		if e.Measure == "" || e.Text == "" {
			t.Errorf("evidence %+v without words", e)
		}
	}
	if !strings.Contains(v.Verdict.EvidenceNotes, "sore throat") {
		t.Errorf("the note in the evidence's days is not shown: %q", v.Verdict.EvidenceNotes)
	}
	if len(v.Verdict.Clears) == 0 {
		t.Error("nothing says what clears the rules")
	}
	// The history shows the note on its day, and today's next day is open.
	found := false
	for _, h := range v.Advice {
		found = found || strings.Contains(h.Notes, "sore throat")
	}
	if !found || !strings.Contains(v.Advice[0].Next, "not over") {
		t.Errorf("history: note shown %v, first row %+v", found, v.Advice[0])
	}
	// Sessions newest first, with where their load came from.
	if len(v.Sessions) == 0 || v.Sessions[0].Date < v.Sessions[len(v.Sessions)-1].Date || v.Sessions[0].Source == "" {
		t.Errorf("sessions %v", v.Sessions[:1])
	}
	// The week of today is in progress; the last rest day is never today.
	if !strings.Contains(v.Weeks[0].Note, "in progress") {
		t.Errorf("this week's note %q", v.Weeks[0].Note)
	}
	for _, s := range v.Stats {
		if s.Label == "Last rest day" && strings.Contains(s.Note, "today") {
			t.Errorf("last rest day %+v", s)
		}
	}
	if len(v.Recovery) != 4 || len(v.Charts) != 5 || len(v.History) != 2 {
		t.Errorf("cards %d %d %d", len(v.Recovery), len(v.Charts), len(v.History))
	}
	for _, c := range append(append(v.Recovery, v.Charts...), v.History...) {
		if c.Kind == "" || c.Title == "" || c.Read == "" || c.Aria == "" {
			t.Errorf("card %+v", c)
		}
	}
	if q := v.Quality; q.K == "" || len(q.Sources) == 0 {
		t.Errorf("quality %+v", q)
	}
	// Readiness: parts and where it stands.
	if !v.Ready.Known || len(v.Ready.Parts) != metrics.NumParts {
		t.Errorf("readiness %+v", v.Ready)
	}
	// A folded athlete of a big team shows fewer rows.
	folded := buildAthlete(r, 0, a, false, false)
	if len(folded.Advice) > 14 || len(folded.Weeks) > 12 {
		t.Errorf("folded: %d advice rows, %d weeks", len(folded.Advice), len(folded.Weeks))
	}
}

func TestEmptyAthleteView(t *testing.T) {
	a := metrics.Analyze(metrics.Input{Profile: metrics.NewProfile("e"), Params: metrics.DefaultParams(), AsOf: metrics.MustDate("2026-01-05")})
	r := &Report{Title: "E", AsOf: a.AsOf, Athletes: []*Athlete{{Analysis: a}}}
	if v := buildAthlete(r, 0, r.Athletes[0], true, false); v.Empty == "" {
		t.Error("an athlete without data has no message")
	}
	var b bytes.Buffer
	for _, write := range []func(*bytes.Buffer, *Report) error{
		func(b *bytes.Buffer, r *Report) error { return WriteHTML(b, r) },
		func(b *bytes.Buffer, r *Report) error { return WriteMarkdown(b, r) },
		func(b *bytes.Buffer, r *Report) error { return WriteJSON(b, r) },
	} {
		b.Reset()
		if err := write(&b, r); err != nil || b.Len() == 0 {
			t.Errorf("an empty athlete: %v, %d bytes", err, b.Len())
		}
	}
}

// TestRosterOrder: rest first, then by readiness, lowest (and unknown)
// first; athletes without data last.
func TestRosterOrder(t *testing.T) {
	mk := func(act metrics.Action, ready float64, data bool) *Part {
		return &Part{Summary: Summary{HasData: data, Readiness: ready, Recommendation: metrics.Recommendation{Action: act}}}
	}
	parts := []*Part{
		mk(metrics.Go, 80, true), mk(metrics.Rest, 70, true), mk(metrics.Easy, 40, true), mk(metrics.Easy, metrics.Missing(), true),
		mk(metrics.Go, 0, false), mk(metrics.Unknown, 90, true), mk(metrics.Rest, 30, true),
	}
	got := fmt.Sprint(rosterOrder(parts))
	if want := "[6 1 3 2 5 0 4]"; got != want {
		t.Errorf("roster order %s, want %s", got, want)
	}
}

// TestOverviewRows: counts, stale check-ins and the unknown chip.
func TestOverviewRows(t *testing.T) {
	asOf := metrics.MustDate("2026-03-10")
	mk := func(act metrics.Action, last metrics.Date) *Part {
		return &Part{Summary: Summary{HasData: true, Name: "n", Readiness: 50, LastCheckin: last, Form: 1, ACWR: 1.1, Last7: 300, Avg4: 280,
			Recommendation: metrics.Recommendation{Action: act, Unchecked: []metrics.Unchecked{{Rule: "load-spike"}}}}}
	}
	r := &Report{AsOf: asOf}
	ov := buildOverview(r, []*Part{mk(metrics.Unknown, asOf-3), mk(metrics.Go, asOf)}, func(int) string { return "" })
	words := map[string]int{}
	for _, c := range ov.Counts {
		words[c.Word] = c.N
	}
	if words["unknown"] != 1 || words["go"] != 1 || ov.NoCheck != 1 {
		t.Errorf("counts %+v, stale %d", ov.Counts, ov.NoCheck)
	}
	if ov.Rows[0].Action != "unknown" || len(ov.Rows[0].Unchecked) == 0 || !ov.Rows[0].Stale || ov.Rows[0].CheckIn != "3 d ago" {
		t.Errorf("first row %+v", ov.Rows[0])
	}
	if c, stale := checkinAge(asOf, metrics.NoDate); c != "none" || !stale {
		t.Errorf("no check-in: %q %v", c, stale)
	}
}

// TestMarkdownBudget: a big team stays under the budget; the roster gives
// way with a count.
func TestMarkdownBudget(t *testing.T) {
	a := sampleAthlete(t)
	r := &Report{Title: "Big", Team: true, AsOf: a.AsOf}
	var parts []*Part
	for i := 0; i < 1500; i++ {
		p, err := RenderPart(r, i, 1500, a, Markdown)
		if err != nil {
			t.Fatal(err)
		}
		p.Summary.Name = fmt.Sprintf("Athlete with a rather long name %04d", i)
		parts = append(parts, p)
	}
	var b bytes.Buffer
	if err := WriteMarkdownParts(&b, r, parts); err != nil {
		t.Fatal(err)
	}
	if b.Len() >= mdBudget {
		t.Errorf("%d bytes of Markdown, budget %d", b.Len(), mdBudget)
	}
	if !strings.Contains(b.String(), "more, not listed here") {
		t.Error("the cut roster does not say how many are left out")
	}
}

// TestMarkdownEscape: a user string is one inert line.
func TestMarkdownEscape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a\n# b", `a \# b`},
		{"[x](http://e.example)", `\[x\]\(http:` + zwsp + `//e.example\)`},
		{"<img src=x>", "&lt;img src=x&gt;"},
		{"@team www.x.example", "@" + zwsp + "team www" + zwsp + ".x.example"},
		{"JavaScript:alert(1)", "JavaScript" + zwsp + ":alert\\(1\\)"},
		{"a|b ~c~ *d* _e_ `f`", `a\|b \~c\~ \*d\* \_e\_ ` + "\\`f\\`"},
		{"zero\u200bwidth\u202erlo", "zerowidthrlo"},
	} {
		if got := md(tc.in); got != tc.want {
			t.Errorf("md(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := mdHTML("Eve\n\n<b>x</b>"); got != "Eve  &lt;b&gt;x&lt;/b&gt;" {
		t.Errorf("mdHTML = %q", got)
	}
}

// TestMethodsListsEveryRule: the Methods table is the rule registry, and
// marks the rules a profile switched off.
func TestMethodsListsEveryRule(t *testing.T) {
	p := metrics.DefaultParams()
	m := buildMethods(p)
	if len(m.Thresholds) != metrics.NumRules {
		t.Fatalf("%d rules in Methods, %d in the registry", len(m.Thresholds), metrics.NumRules)
	}
	for i, name := range metrics.RuleNames() {
		if m.Thresholds[i].Label != name || m.Thresholds[i].Value == "" || m.Thresholds[i].Note == "" {
			t.Errorf("Methods row %d = %+v", i, m.Thresholds[i])
		}
	}
	off := p
	off.Off = map[string]bool{metrics.RuleEffortDrift: true}
	parts := []*Part{{Summary: Summary{Name: "A", Params: off}}, {Summary: Summary{Name: "B", Params: p}}}
	markOff(&m, parts)
	for _, s := range m.Thresholds {
		if (s.Label == metrics.RuleEffortDrift) != (s.Off != "") || s.Off != "" && !strings.Contains(s.Off, "A") {
			t.Errorf("Methods row %s: off %q", s.Label, s.Off)
		}
	}
}

// TestQualityWords: unknown load, estimates and merges in words.
func TestQualityWords(t *testing.T) {
	p := metrics.NewProfile("x")
	var ws []metrics.Workout
	for i := 0; i < 6; i++ {
		w := metrics.NewWorkout()
		w.Date, w.Sport, w.Duration, w.AvgHR = metrics.MustDate("2026-01-05")+metrics.Date(i), "run", 3600, 140
		ws = append(ws, w)
	}
	a := &Athlete{Analysis: metrics.Analyze(metrics.Input{Profile: p, Params: metrics.DefaultParams(), AsOf: metrics.MustDate("2026-01-10"), Workouts: ws})}
	note := unknownLoadNote(a.Analysis)
	if !strings.Contains(note, "Load unknown for 6 of 6 sessions") || !strings.Contains(note, "max_hr and resting_hr") {
		t.Errorf("unknown load note %q", note)
	}
	q := buildQuality(a)
	if !strings.Contains(strings.Join(q.Notes, " "), "No profile") {
		t.Errorf("quality notes %v", q.Notes)
	}
	// With max HR from the data and a resting HR stated by an export.
	for i := range ws {
		ws[i].MaxHR = 170 + float64(i)
		ws[i].Stated.RestingHR = 52
	}
	a = &Athlete{Analysis: metrics.Analyze(metrics.Input{Profile: p, Params: metrics.DefaultParams(), AsOf: metrics.MustDate("2026-01-10"), Workouts: ws})}
	notes := strings.Join(estimateNotes(a.Analysis), " ")
	if !strings.Contains(notes, "max HR 175 bpm") || !strings.Contains(notes, "estimated from the data") || !strings.Contains(notes, "stated by") {
		t.Errorf("estimate notes %q", notes)
	}
	if d := sourceDetail(a.Analysis, &a.Sessions[0]); !strings.Contains(d, "estimated from the data") {
		t.Errorf("a session's detail does not say its values are estimated: %q", d)
	}
}

// TestDayLabel: dates far from today carry their year.
func TestDayLabel(t *testing.T) {
	asOf := metrics.MustDate("2026-04-23")
	if got := dayLabel(asOf, metrics.MustDate("2024-11-03")); got != "Sun 3 Nov 2024" {
		t.Errorf("536 days old: %q", got)
	}
	if got := dayLabel(asOf, metrics.MustDate("2026-04-20")); got != "Mon 20 Apr" {
		t.Errorf("3 days old: %q", got)
	}
}

// TestJSONShape: the summary parses, and carries the as-of advice with
// what it rests on.
func TestJSONShape(t *testing.T) {
	r := sampleReport(t)
	var b bytes.Buffer
	if err := WriteJSON(&b, r); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		SchemaVersion int `json:"schema_version"`
		Athletes      []struct {
			Recommendation struct {
				Action     string `json:"action"`
				InProgress bool   `json:"in_progress"`
				RestsOn    string `json:"rests_on"`
				Evidence   []struct {
					Unit string `json:"unit"`
				} `json:"evidence"`
			} `json:"recommendation"`
			Daily map[string][]any `json:"daily"` // columns
		} `json:"athletes"`
		Files []map[string]any `json:"files"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	rec := doc.Athletes[0].Recommendation
	if doc.SchemaVersion != SchemaVersion || !rec.InProgress || rec.RestsOn == "" || len(rec.Evidence) == 0 || rec.Evidence[0].Unit == "" {
		t.Errorf("JSON %+v", rec)
	}
	if n := len(doc.Athletes[0].Daily["date"]); n != len(r.Athletes[0].Days) || len(doc.Files) != 1 {
		t.Errorf("%d days, %d files", n, len(doc.Files))
	}
}

// TestHTMLPage: the page holds the athlete, the data-quality and Methods
// sections and its own scripts only.
func TestHTMLPage(t *testing.T) {
	r := sampleReport(t)
	var b bytes.Buffer
	if err := WriteHTML(&b, r); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{`id="athlete-1"`, `id="data-quality"`, `id="methods"`, `id="wk-charts"`, `id="data-0"`, "Sample"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if n := strings.Count(page, "<script"); n != 5 {
		t.Errorf("%d script elements, want 5 (the scripts-on mark, skeletons, data, ECharts, glue)", n)
	}
}

// TestAssetsInline: the embedded scripts can be inlined in a <script>
// element (nothing in them ends it early).
func TestAssetsInline(t *testing.T) {
	for _, name := range []string{"assets/echarts/echarts.min.js", "report.js"} {
		b, err := fs.ReadFile(templates.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		if scriptEnd.Match(b) {
			t.Errorf("%s holds </script or <!--", name)
		}
	}
}

package report

import (
	"bytes"

	"cmp"
	"fmt"
	"html"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/model"

	"github.com/workin/workin/metrics"
)

// md makes user text one inert line of Markdown, in any context this
// summary puts it (a table cell, a list item, a heading, a paragraph): line
// breaks and other control or format characters become spaces or go,
// every character that can start Markdown formatting, a link, an image, a
// table cell or raw HTML is escaped, and the texts that GitHub would turn
// into a link or a notification (bare URLs, www., e-mail addresses,
// @mentions, javascript:) are broken with a zero-width space. A name or a
// note can never start a heading, a link, an image or an HTML block.
func md(s string) string {
	s = inertLinks(oneLine(s))
	return mdEscaper.Replace(s)
}

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "(", `\(`, ")", `\)`,
	"#", `\#`, "|", `\|`, "!", `\!`, "~", `\~`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;", "\"", "&quot;",
)

// mdHTML is md for the inside of an HTML element of the summary (the
// <summary> line of an athlete's <details>): one line, HTML-escaped, links
// and mentions broken the same way.
func mdHTML(s string) string { return html.EscapeString(inertLinks(oneLine(s))) }

// oneLine replaces line breaks, tabs and other control characters with a
// space and drops format characters (zero-width spaces, direction
// overrides) and bytes that are not UTF-8.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == utf8.RuneError:
			return -1
		case r == '\n' || r == '\r' || r == '\t' || r == '\u2028' || r == '\u2029' || r == '\u0085' || unicode.IsControl(r):
			return ' '
		case unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
}

const zwsp = "\u200b"

// inertLinks breaks what GitHub would link or notify: "://", "www.",
// "@name", "javascript:" and similar schemes.
func inertLinks(s string) string {
	if !strings.ContainsAny(s, ":@.") {
		return s
	}
	s = strings.ReplaceAll(s, "://", ":"+zwsp+"//")
	s = strings.ReplaceAll(s, "@", "@"+zwsp)
	var b strings.Builder
	lower := strings.ToLower(s)
	for i := 0; i < len(s); i++ {
		switch {
		case strings.HasPrefix(lower[i:], "www."):
			b.WriteString(s[i : i+3])
			b.WriteString(zwsp)
			i += 2
			continue
		case s[i] == ':' && schemeBefore(lower[:i]):
			b.WriteString(zwsp)
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// schemeBefore reports whether text ends with a scheme that makes a link
// without "//" (javascript:, mailto:, data:, vbscript:, xmpp:).
func schemeBefore(text string) bool {
	for _, sc := range []string{"javascript", "mailto", "data", "vbscript", "xmpp", "file"} {
		if strings.HasSuffix(text, sc) {
			return true
		}
	}
	return false
}

// WriteMarkdown writes a summary for a CI job summary, a pull-request
// comment or an email: headline numbers per athlete, recent weeks and data
// quality. Every user string is escaped.
func WriteMarkdown(w io.Writer, r *Report) error {
	parts, err := renderParts(r, Markdown)
	if err != nil {
		return err
	}
	return WriteMarkdownParts(w, r, parts)
}

// WriteMarkdownParts writes the summary around athlete sections already
// rendered by RenderPart.
func WriteMarkdownParts(w io.Writer, r *Report, parts []*Part) error {
	var out bytes.Buffer
	fmt.Fprintf(&out, "# %s\n\n", md(r.Title))
	fmt.Fprintf(&out, "workin report as of %s · %s\n\n", r.AsOf.Long(), text.Plural(len(parts), "athlete", "athletes"))
	ov := buildOverview(r, parts, func(int) string { return "" })
	var counts []string
	for _, c := range ov.Counts {
		counts = append(counts, fmt.Sprintf("%s %d %s", c.Shape, c.N, c.Word))
	}
	fmt.Fprintf(&out, "**%s**", strings.Join(counts, " · "))
	if ov.NoCheck > 0 {
		fmt.Fprintf(&out, " · ○ %d without a check-in for 2 days or more", ov.NoCheck)
	}
	out.WriteString("\n\n")
	var tail bytes.Buffer
	mdFiles(&tail, r)
	tail.WriteString("Load is in load points (LP): 100 LP is one hour at threshold. Fitness and fatigue are 42- and 7-day load averages; form is fitness − fatigue going into tomorrow. The HTML report explains every number.\n")
	// The budget holds for every part: the roster gives way before the tail.
	mdRoster(&out, ov, mdBudget-out.Len()-tail.Len()-300)
	for k, i := range rosterOrder(parts) {
		block := mdDetails(parts[i])
		if out.Len()+len(block)+tail.Len()+300 > mdBudget {
			fmt.Fprintf(&out, "_%d more athletes are not detailed here, to keep this summary under %d KB for CI job summaries; the HTML report and the JSON have everyone._\n\n", len(parts)-k, mdBudget/1000)
			break
		}
		out.Write(block)
	}
	out.Write(tail.Bytes())
	_, err := w.Write(out.Bytes())
	return err
}

// mdBudget keeps the summary within what CI job summaries and pull-request
// comments take comfortably.
const mdBudget = 60000

// mdRoster writes the overview table, most in need of attention first,
// in at most budget bytes: the athletes that do not fit are counted.
func mdRoster(b *bytes.Buffer, ov overviewView, budget int) {
	start := b.Len()
	b.WriteString("| Advice | Athlete | Why | Readiness | ACWR | Form | Last 7 days | Last rest | Check-in |\n")
	b.WriteString("|---|---|---|---:|---:|---:|---|---|---|\n")
	for k, r := range ov.Rows {
		action := r.Shape + " " + r.Action
		if r.Kind != "" {
			action += " · " + r.Kind
		}
		if r.Stale {
			action += " ?"
		}
		why := make([]string, len(r.Rules))
		for i, rule := range r.Rules {
			why[i] = "`" + rule + "`"
		}
		if len(r.Unchecked) > 0 && len(r.Rules) == 0 {
			var u []string
			for _, rule := range r.Unchecked {
				u = append(u, "`"+rule+"`")
			}
			why = append(why, "could not check "+strings.Join(u, ", "))
		}
		load := r.Load
		if r.LoadNote != "" {
			load += " (" + r.LoadNote + ")"
		}
		row := fmt.Sprintf("| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", action, md(r.Name), strings.Join(why, ", "),
			r.Readiness, r.ACWR, r.Form, load, r.LastRest, r.CheckIn)
		if b.Len()-start+len(row) > budget-200 {
			fmt.Fprintf(b, "\n_… and %s more, not listed here to keep this summary under %d KB; the HTML report and the JSON have everyone._\n", text.Plural(len(ov.Rows)-k, "athlete", "athletes"), mdBudget/1000)
			break
		}
		b.WriteString(row)
	}
	b.WriteString("\n")
}

// The most lines a list of the summary shows; the rest are counted, and
// the JSON has them all.
const (
	mdMaxSkips = 10
	mdMaxFiles = 30
)

// mdSkips lists skipped rows, at most mdMaxSkips of them.
func mdSkips(b *bytes.Buffer, ss []model.Skip) {
	for i, s := range ss {
		if i == mdMaxSkips {
			fmt.Fprintf(b, "- … and %s more (the HTML report and the JSON list them)\n", text.Plural(len(ss)-mdMaxSkips, "skipped row", "skipped rows"))
			break
		}
		fmt.Fprintf(b, "- skipped %s:%d %s: %s\n", md(s.File), s.Line, md(s.Column), md(s.Reason))
	}
}

// mdDetails wraps an athlete's section in a collapsible block. The summary
// line is HTML, so the name is HTML-escaped there.
func mdDetails(p *Part) []byte {
	var b bytes.Buffer
	s := p.Summary
	word := "no data"
	if s.HasData {
		word = adviceWord(s.Recommendation)
	}
	fmt.Fprintf(&b, "<details><summary>%s — %s</summary>\n\n", html.EscapeString(word), mdHTML(s.Name))
	b.Write(p.Markdown)
	b.WriteString("</details>\n\n")
	return b.Bytes()
}

// adviceWord is the action with its shape, as on the page.
func adviceWord(r metrics.Recommendation) string {
	look := actionLooks[r.Action]
	w := look.shape + " " + look.word
	if r.WorkIn != metrics.NoWorkIn {
		w += " · " + r.WorkIn.String()
	}
	return w
}

// athleteMarkdown renders one athlete's section of the summary.
func athleteMarkdown(a *Athlete) []byte {
	var b bytes.Buffer
	mdAthlete(&b, a)
	return b.Bytes()
}

func mdAthlete(b *bytes.Buffer, a *Athlete) {
	if len(a.Days) == 0 {
		b.WriteString("No workouts or check-ins on or before the as-of day.\n\n")
		return
	}
	fmt.Fprintf(b, "%s\n\n", period(a.Start, a.AsOf))
	mdAdvice(b, a.Analysis)
	var stats []string
	for _, s := range headline(a.Analysis) {
		unit := ""
		if s.Unit != "" {
			unit = " " + s.Unit
		}
		stats = append(stats, fmt.Sprintf("%s **%s%s**", strings.ToLower(s.Label), s.Value, unit))
	}
	fmt.Fprintf(b, "%s.\n\n", strings.Join(stats, " · "))
	mdPlan(b, a.Analysis)
	mdFlags(b, a.Analysis)
	q := a.Quality
	fmt.Fprintf(b, "Data: %d rows (%d workouts, %d check-ins), %d skipped, %d merged as duplicates.\n",
		q.RowsRead, q.WorkoutRows, q.CheckinRows, len(q.Skipped), len(a.Merges))
	mdSkips(b, a.Quality.Skipped)
	if notes := planQuality(a); len(notes) > 0 {
		b.WriteString("\nPlans:\n\n")
		for i, n := range notes {
			if i == mdMaxPlanNotes {
				fmt.Fprintf(b, "- … and %d more (the HTML report lists them all)\n", len(notes)-i)
				break
			}
			fmt.Fprintf(b, "- %s\n", md(n))
		}
	}
	b.WriteString("\n")
}

// mdMaxPlanNotes bounds the plan remarks an athlete's summary lists
// (planned sessions not done can be many in a long export).
const mdMaxPlanNotes = 5

func mdFiles(b *bytes.Buffer, r *Report) {
	b.WriteString("## Input files\n\n| File | Format | Rows | Used | Skipped |\n|---|---|---:|---:|---:|\n")
	for i, f := range r.Files {
		if i == mdMaxFiles {
			fmt.Fprintf(b, "| … and %d more files | | | | |\n", len(r.Files)-mdMaxFiles)
			break
		}
		fmt.Fprintf(b, "| %s | %s | %d | %d | %d |\n", md(f.Name), md(f.Format), f.Rows, f.Used, f.Skipped)
	}
	b.WriteString("\n")
	mdSkips(b, r.Skipped)
	if len(r.Skipped) > 0 {
		b.WriteString("\n")
	}
}

func mdAdvice(b *bytes.Buffer, a *metrics.Analysis) {
	v := buildVerdict(a)
	fmt.Fprintf(b, "**%s** — %s\n\n", adviceWord(a.Recommendation), v.Plan)
	for _, c := range v.Cautions {
		fmt.Fprintf(b, "**%s**\n\n", md(c))
	}
	if len(v.Evidence) > 0 {
		fmt.Fprintf(b, "Why (%s):\n\n", md(v.Because))
		for _, e := range v.Evidence {
			fmt.Fprintf(b, "- %s (%s, `%s`)\n", md(e.Text), e.Measure, e.Rule)
		}
		if v.EvidenceNotes != "" {
			fmt.Fprintf(b, "\nCheck-in notes in these days: %s\n", md(v.EvidenceNotes))
		}
		fmt.Fprintf(b, "\nClears with: %s.\n\n", strings.Join(v.Clears, "; "))
	} else if len(v.Unchecked) > 0 {
		fmt.Fprintf(b, "%s.\n\n", md(v.Because))
	}
	if len(v.Unchecked) > 0 {
		b.WriteString("Could not be checked:\n\n")
		for _, u := range v.Unchecked {
			fmt.Fprintf(b, "- `%s`: %s\n", u.Rule, md(u.Reason))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(b, "%s\n\n", md(v.RestsOn))
	r := buildReadiness(a)
	if r.Known {
		fmt.Fprintf(b, "Readiness %s/100:", r.Value)
		for _, p := range r.Parts {
			if p.Missing {
				fmt.Fprintf(b, " %s —;", p.Name)
			} else {
				fmt.Fprintf(b, " %s %s (%s);", p.Name, p.Score, p.Points)
			}
		}
		b.WriteString(" 75 is the usual day.")
		if r.Basis != "" {
			fmt.Fprintf(b, " Readiness %s.", r.Basis)
		}
		b.WriteString("\n\n")
	}
	for _, n := range v.Notes {
		fmt.Fprintf(b, "%s\n\n", n)
	}
}

// mdFlags lists the rule firings of the last four weeks, newest first, at
// most mdMaxFlags of them.
func mdFlags(b *bytes.Buffer, a *metrics.Analysis) {
	since := a.AsOf - 27
	var recent []metrics.Flag
	for _, f := range a.Flags {
		if f.To >= since {
			recent = append(recent, f)
		}
	}
	if len(recent) == 0 {
		return
	}
	slices.SortStableFunc(recent, func(x, y metrics.Flag) int { return cmp.Compare(y.To, x.To) })
	b.WriteString("Warnings in the last four weeks:\n\n")
	for i, f := range recent {
		if i == mdMaxFlags {
			fmt.Fprintf(b, "- … and %d more (the HTML report lists them all)\n", len(recent)-mdMaxFlags)
			break
		}
		fmt.Fprintf(b, "- `%s` %s (%s): %s\n", f.Rule, metrics.Span(f.From, f.To, " – "), f.Severity, md(f.Detail()))
	}
	b.WriteString("\n")
}

const mdMaxFlags = 6

// mdPlan writes the plan check (with planned sessions) and tomorrow's
// headroom with the rest-tomorrow comparison, from the view the page uses.
func mdPlan(b *bytes.Buffer, a *metrics.Analysis) {
	if p := buildPlan(a); p != nil {
		fmt.Fprintf(b, "**Plan check:** %s\n\n", md(p.Head))
		for _, w := range p.Warnings {
			fmt.Fprintf(b, "- `%s` %s: %s, projected — %s\n", w.Rule, md(w.Day), md(w.Measure), md(w.Detail))
		}
		if len(p.Warnings) > 0 {
			b.WriteString("\n")
		}
		for _, n := range p.Notes {
			fmt.Fprintf(b, "%s\n", md(n))
		}
		b.WriteString("\n")
	}
	h := buildHeadroom(a)
	if h == nil {
		return
	}
	fmt.Fprintf(b, "**Headroom:** %s", md(h.Line))
	if len(h.Rest) > 0 {
		var parts []string
		for k, head := range h.RestHead {
			parts = append(parts, fmt.Sprintf("%s: form %s, %s", strings.ToLower(head[:1])+head[1:], h.Rest[1].Values[k], h.Rest[0].Values[k]))
		}
		fmt.Fprintf(b, " %s.", md(text.Sentence(strings.Join(parts, "; "))))
	}
	b.WriteString("\n\n")
}

package report

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/workin/workin/metrics"
)

// mdReplacer escapes text for Markdown: characters that start formatting,
// links, tables or HTML are backslash-escaped or turned into entities, and
// line breaks become spaces, so a name or note can never inject markup.
var mdReplacer = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "(", `\(`, ")", `\)`,
	"#", `\#`, "|", `\|`, "!", `\!`, "~", `\~`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;", "\r\n", " ", "\n", " ", "\r", " ",
)

// md escapes user text for Markdown.
func md(s string) string { return mdReplacer.Replace(s) }

// mdWeeks is how many recent weeks each athlete's Markdown table shows.
const mdWeeks = 6

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
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "# %s\n\n", md(r.Title))
	fmt.Fprintf(b, "workin report as of %s · %s\n\n", r.AsOf.Long(), plural(len(parts), "athlete", "athletes"))
	mdOverview(b, parts)
	for _, p := range parts {
		b.Write(p.Markdown)
	}
	mdFiles(b, r)
	b.WriteString("Load is in load points (LP): 100 LP is one hour at threshold. Fitness and fatigue are 42- and 7-day load averages; form is fitness − fatigue going into tomorrow. The HTML report explains every number.\n")
	return b.Flush()
}

func mdOverview(b *bufio.Writer, parts []*Part) {
	b.WriteString("| Athlete | Advice | Readiness | This week | Fitness | Fatigue | Form | ACWR | Last rest day |\n")
	b.WriteString("|---|---|---:|---:|---:|---:|---:|---:|---|\n")
	for _, p := range parts {
		s := p.Summary
		if !s.HasData {
			fmt.Fprintf(b, "| %s | — no data | — | — | — | — | — | — | — |\n", md(s.Name))
			continue
		}
		rest := "none in the data"
		if s.LastRest != metrics.NoDate {
			rest = s.LastRest.String()
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s LP | %s | %s | %s | %s | %s |\n", md(s.Name), adviceWord(s.Recommendation),
			fixed(s.Readiness, 0), lp(s.WeekLoad), lp(s.CTL), lp(s.ATL), signed(s.Form, 0), ratio(s.ACWR), rest)
	}
	b.WriteString("\n")
}

// adviceWord is the action with its shape, as on the page.
func adviceWord(r metrics.Recommendation) string {
	look := actionLooks[r.Action]
	w := look.shape + " " + look.word
	if r.WorkIn != "" {
		w += " · " + r.WorkIn
	}
	return w
}

// athleteMarkdown renders one athlete's section of the summary.
func athleteMarkdown(a *Athlete) []byte {
	var buf bytes.Buffer
	b := bufio.NewWriter(&buf)
	mdAthlete(b, a)
	b.Flush()
	return buf.Bytes()
}

func mdAthlete(b *bufio.Writer, a *Athlete) {
	fmt.Fprintf(b, "## %s\n\n", md(a.Profile.Name))
	if len(a.Days) == 0 {
		b.WriteString("No workouts or check-ins on or before the as-of day.\n\n")
		return
	}
	fmt.Fprintf(b, "%s\n\n", period(a.Start, a.AsOf))
	mdAdvice(b, a.Analysis)
	for _, s := range headline(a.Analysis) {
		unit := ""
		if s.Unit != "" {
			unit = " " + s.Unit
		}
		fmt.Fprintf(b, "- **%s:** %s%s (%s)\n", s.Label, s.Value, unit, s.Note)
	}
	b.WriteString("\n| Week of | LP | Sessions | Rest days | Note |\n|---|---:|---:|---:|---|\n")
	rows := weekRows(a.Analysis, window{weekFrom: max(0, len(a.Weeks)-mdWeeks)})
	for _, w := range rows {
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", w.Start, w.Load, w.Sessions, w.Rest, w.Note)
	}
	b.WriteString("\n")
	mdFlags(b, a.Analysis)
	q := buildQuality(a)
	fmt.Fprintf(b, "Data: %d rows read (%d workouts, %d check-ins), %d skipped. %s.\n",
		q.RowsRead, q.Workouts, q.Checkins, len(q.Skipped), q.K)
	for _, n := range q.Notes {
		fmt.Fprintf(b, "- %s\n", md(n))
	}
	for _, s := range a.Quality.Skipped {
		fmt.Fprintf(b, "- skipped %s:%d %s: %s\n", md(s.File), s.Line, md(s.Column), md(s.Reason))
	}
	b.WriteString("\n")
}

func mdFiles(b *bufio.Writer, r *Report) {
	b.WriteString("## Input files\n\n| File | Format | Rows | Used | Skipped |\n|---|---|---:|---:|---:|\n")
	for _, f := range r.Files {
		fmt.Fprintf(b, "| %s | %s | %d | %d | %d |\n", md(f.Name), md(f.Format), f.Rows, f.Used, f.Skipped)
	}
	b.WriteString("\n")
	for _, s := range r.Skipped {
		fmt.Fprintf(b, "- skipped %s:%d %s: %s\n", md(s.File), s.Line, md(s.Column), md(s.Reason))
	}
	if len(r.Skipped) > 0 {
		b.WriteString("\n")
	}
}

func mdAdvice(b *bufio.Writer, a *metrics.Analysis) {
	v := buildVerdict(a)
	fmt.Fprintf(b, "**%s** — %s\n\n", adviceWord(a.Recommendation), v.Plan)
	if len(v.Evidence) > 0 {
		fmt.Fprintf(b, "Why (%s):\n\n", v.Because)
		for _, e := range v.Evidence {
			fmt.Fprintf(b, "- %s (%s, `%s`)\n", md(e.Text), e.Measure, e.Rule)
		}
		fmt.Fprintf(b, "\nClears with: %s.\n\n", strings.Join(v.Clears, "; "))
	}
	r := buildReadiness(a)
	if r.Value != dash {
		fmt.Fprintf(b, "Readiness %s/100:", r.Value)
		for _, p := range r.Parts {
			if p.Missing {
				fmt.Fprintf(b, " %s —;", p.Name)
			} else {
				fmt.Fprintf(b, " %s %s (%s);", p.Name, p.Score, p.Points)
			}
		}
		b.WriteString(" 75 is the usual day.\n\n")
	}
	for _, n := range v.Notes[:len(v.Notes)-1] {
		fmt.Fprintf(b, "%s\n\n", n)
	}
}

// mdFlags lists the rule firings of the last four weeks.
func mdFlags(b *bufio.Writer, a *metrics.Analysis) {
	since := a.AsOf - 27
	var lines []string
	for i := len(a.Flags) - 1; i >= 0; i-- {
		f := a.Flags[i]
		if f.To < since {
			continue
		}
		lines = append(lines, fmt.Sprintf("- `%s` %s (%s): %s", f.Rule, span(f.From, f.To), f.Severity, md(f.Detail)))
	}
	if len(lines) == 0 {
		return
	}
	b.WriteString("Warnings in the last four weeks:\n\n")
	b.WriteString(strings.Join(lines, "\n"))
	b.WriteString("\n\n")
}

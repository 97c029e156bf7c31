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
	b.WriteString("| Athlete | This week | Fitness | Fatigue | Form | ACWR | Monotony | Last rest day |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|---|\n")
	for _, p := range parts {
		s := p.Summary
		if !s.HasData {
			fmt.Fprintf(b, "| %s | — | — | — | — | — | — | no data |\n", md(s.Name))
			continue
		}
		rest := "none in the data"
		if s.LastRest != metrics.NoDate {
			rest = s.LastRest.String()
		}
		fmt.Fprintf(b, "| %s | %s LP | %s | %s | %s | %s | %s | %s |\n", md(s.Name), lp(s.WeekLoad),
			lp(s.CTL), lp(s.ATL), signed(s.Form, 0), ratio(s.ACWR), fixed(s.Monotony, 1), rest)
	}
	b.WriteString("\n")
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

package report

import (
	"bytes"
	"cmp"
	"fmt"
	"html"
	"io"
	"slices"
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
	fmt.Fprintf(&out, "workin report as of %s · %s\n\n", r.AsOf.Long(), plural(len(parts), "athlete", "athletes"))
	ov := buildOverview(r, parts)
	var counts []string
	for _, c := range ov.Counts {
		counts = append(counts, fmt.Sprintf("%s %d %s", c.Shape, c.N, c.Word))
	}
	fmt.Fprintf(&out, "**%s**", strings.Join(counts, " · "))
	if ov.NoCheck > 0 {
		fmt.Fprintf(&out, " · ○ %d without a check-in for 2 days or more", ov.NoCheck)
	}
	out.WriteString("\n\n")
	mdRoster(&out, ov)
	var tail bytes.Buffer
	mdFiles(&tail, r)
	tail.WriteString("Load is in load points (LP): 100 LP is one hour at threshold. Fitness and fatigue are 42- and 7-day load averages; form is fitness − fatigue going into tomorrow. The HTML report explains every number.\n")
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

// mdRoster writes the overview table, most in need of attention first.
func mdRoster(b *bytes.Buffer, ov overviewView) {
	b.WriteString("| Advice | Athlete | Why | Readiness | ACWR | Form | Last 7 days | Last rest | Check-in |\n")
	b.WriteString("|---|---|---|---:|---:|---:|---|---|---|\n")
	for _, r := range ov.Rows {
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
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", action, md(r.Name), strings.Join(why, ", "),
			r.Readiness, r.ACWR, r.Form, load, r.LastRest, r.CheckIn)
	}
	b.WriteString("\n")
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
	fmt.Fprintf(&b, "<details><summary>%s — %s</summary>\n\n", html.EscapeString(word), html.EscapeString(s.Name))
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
	mdFlags(b, a.Analysis)
	q := a.Quality
	fmt.Fprintf(b, "Data: %d rows (%d workouts, %d check-ins), %d skipped, %d merged as duplicates.\n",
		q.RowsRead, q.WorkoutRows, q.CheckinRows, len(q.Skipped), len(a.Merges))
	for _, s := range a.Quality.Skipped {
		fmt.Fprintf(b, "- skipped %s:%d %s: %s\n", md(s.File), s.Line, md(s.Column), md(s.Reason))
	}
	b.WriteString("\n")
}

func mdFiles(b *bytes.Buffer, r *Report) {
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
		fmt.Fprintf(b, "- `%s` %s (%s): %s\n", f.Rule, span(f.From, f.To), f.Severity, md(f.Detail))
	}
	b.WriteString("\n")
}

const mdMaxFlags = 6

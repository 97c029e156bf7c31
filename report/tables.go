package report

import (
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
)

// Every chart has its numbers in a table one tap away. A day chart's table
// is described by its columns (tableCol): the page writes it for the last
// staticTableDays days when the athlete's section is in the page as HTML
// (so it reads without scripts), and report.js builds the same table, in
// the same formats, for the days the chart shows when it is opened, and
// for the athletes of a big team, whose sections are packed. The weekly
// chart's table is the weeks, the timeline's the advice history.

// tableCol is one column of a day chart's table: a dataset column and how
// it is shown. report.js implements the same formats (cell in report.js).
type tableCol struct {
	Head string `json:"h"`
	Col  string `json:"c"`
	// Fmt is "0", "1" or "2" (decimals), "ms" (a ln rMSSD shown in ms),
	// "band" (the HRV normal range: Col is its low end, "hw" its width),
	// "day" (what the day was, from the "f" flags), "hard" (▲ on a day
	// with a hard session) or "rpe" (the day's load from RPE: the sum of
	// the q columns).
	Fmt string `json:"f"`
}

// staticTableDays is how many days a table written into the page shows:
// the charts' opening window of 12 weeks.
const staticTableDays = 84

// dayColumns holds the day dataset's columns as written (rounded), for the
// static tables.
type dayColumns map[string][]float64

// cell formats day i of a table column; "" is no value.
func (c dayColumns) cell(t tableCol, i int) string {
	v := func(name string) float64 {
		col, ok := c[name]
		if !ok || i >= len(col) {
			return metrics.Missing()
		}
		return col[i]
	}
	switch t.Fmt {
	case "ms":
		x := v(t.Col)
		if !metrics.Known(x) {
			return ""
		}
		return strconv.Itoa(int(math.Round(math.Exp(x))))
	case "band":
		lo, w := v(t.Col), v("hw")
		if !metrics.Known(lo) || !metrics.Known(w) {
			return ""
		}
		return strconv.Itoa(int(math.Round(math.Exp(lo)))) + "–" + strconv.Itoa(int(math.Round(math.Exp(lo+w))))
	case "day":
		return dayWord(int(v("f")))
	case "hard":
		if int(v("f"))&dayHard != 0 {
			return "▲"
		}
		return ""
	case "rpe":
		sum, any := 0.0, false
		for g := 0; c["s"+strconv.Itoa(g)] != nil; g++ {
			if q := v("q" + strconv.Itoa(g)); metrics.Known(q) {
				sum, any = sum+q, true
			}
		}
		if !any {
			return ""
		}
		return fixed(sum, 0)
	}
	d, _ := strconv.Atoi(t.Fmt)
	return fixed(v(t.Col), d)
}

// fixed formats v with d decimals and a true minus; "" when Missing.
func fixed(v float64, d int) string {
	if !metrics.Known(v) {
		return ""
	}
	s := strconv.FormatFloat(v, 'f', d, 64)
	if strings.HasPrefix(s, "-") {
		if strings.Trim(s[1:], "0.") == "" {
			return s[1:] // −0 is 0
		}
		return "−" + s[1:]
	}
	return s
}

// dayWord says what a day was, from its flags.
func dayWord(f int) string {
	switch {
	case f&dayInProgress != 0:
		return "today, not over"
	case f&dayRest != 0 && f&dayWorkIn != 0:
		return "rest + work-in"
	case f&dayRest != 0:
		return "rest"
	case f&dayUnknown != 0:
		return "load unknown"
	}
	return ""
}

// tableView is a chart's table: a day table's head and rows, or the weeks
// or the advice history.
type tableView struct {
	Name    string // the summary line
	Caption string
	Span    string // the days a day table holds ("the last 12 weeks")
	Head    []string
	Rows    [][]string // none and not Static: report.js builds it when opened
	Static  bool       // the rows are in the page (none: nothing to show)
	Weeks   []weekView
	Advice  []historyView
}

// Body is the rows of a day table as HTML, each "\n<tr>" with the date
// as the row's head and the values as numeric cells. It is what a range
// over Rows in the template wrote, byte for byte (cells escaped as
// html/template escapes text), in one pass instead of a template action
// a cell: the tables are most of an athlete's template work.
func (t *tableView) Body() template.HTML {
	var b strings.Builder
	for _, row := range t.Rows {
		b.WriteString("\n<tr>")
		for i, c := range row {
			if i == 0 {
				b.WriteString(`<th scope="row">`)
				cellEscaper.WriteString(&b, c)
				b.WriteString("</th>")
				continue
			}
			b.WriteString(`<td class="num">`)
			cellEscaper.WriteString(&b, c)
			b.WriteString("</td>")
		}
		b.WriteString("</tr>")
	}
	return template.HTML(b.String())
}

// cellEscaper escapes text in an HTML element exactly as html/template
// does (its htmlReplacementTable), so that Body writes the same bytes.
var cellEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// dayTable writes a day chart's table for the last staticTableDays days of
// the window, newest first, leaving out days with nothing to show.
func dayTable(s *chartSpec, cols dayColumns, days []metrics.Day) *tableView {
	t := &tableView{Name: "Table of the numbers", Head: []string{"Date"}}
	for _, c := range s.table {
		t.Head = append(t.Head, c.Head)
	}
	if cols == nil {
		return t
	}
	t.Static = true
	from := max(0, len(days)-staticTableDays)
	for i := len(days) - 1; i >= from; i-- {
		row := []string{days[i].Date.String()}
		any := false
		for _, c := range s.table {
			x := cols.cell(c, i)
			any = any || x != ""
			if x == "" {
				x = dash
			}
			row = append(row, x)
		}
		if any {
			t.Rows = append(t.Rows, row)
		}
	}
	shown := len(days) - from
	t.Span = "the last " + text.Plural(shown, "day", "days")
	if shown >= 14 {
		t.Span = fmt.Sprintf("the last %d weeks", (shown+6)/7)
	}
	t.Caption = s.noun + " by day, newest first: " + t.Span
	if len(t.Rows) < shown {
		t.Caption += " (days without a value left out)"
	}
	return t
}

package team

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/workin/workin/metrics"
	"github.com/workin/workin/model"
	"github.com/workin/workin/parse"
)

// Far dates: a row dated years away from the rest of an athlete's data is a
// mistyped year (2062 for 2026), and would stretch the report over decades
// of empty days. An athlete's row dates are split where two are more than
// farGap days apart; the largest run of rows is the body of the data; a run
// further out is kept only when it has at least one row for every year it
// lies away from what is kept (a real layoff of three years with a season
// of rows on the far side stays). Rows of a run that is not kept are an
// error in strict mode and listed skips with --lenient.

// farGap is the gap, in days, that starts a new run of dates.
const farGap = 365

// dropFarDates applies the far-date rule to every athlete, then sets the
// roster's first and last dates.
func (r *roster) dropFarDates(lenient bool) error {
	for _, e := range r.athletes {
		if err := r.dropFar(e, lenient); err != nil {
			return err
		}
	}
	for _, e := range r.athletes {
		for _, refs := range [][]rowRefs{e.workouts, e.checkins} {
			for _, rr := range refs {
				for _, i := range rr.rows {
					r.saw(r.dateOf(rr.file, i))
				}
			}
		}
	}
	return nil
}

// dateOf is a row's day.
func (r *roster) dateOf(file, row int32) metrics.Date { return r.parsed[file].DateAt(int(row)) }

func (r *roster) lineOf(file, row int32) int { return r.parsed[file].LineAt(int(row)) }

// dropFar removes one athlete's far rows (or fails on the first of them).
func (r *roster) dropFar(e *entry, lenient bool) error {
	type row struct {
		date       metrics.Date
		file, row  int32
		kind, refs int // which list (0 workouts, 1 check-ins) and which rowRefs
	}
	var rows []row
	for k, refs := range [][]rowRefs{e.workouts, e.checkins} {
		for j, rr := range refs {
			for _, i := range rr.rows {
				rows = append(rows, row{r.dateOf(rr.file, i), rr.file, i, k, j})
			}
		}
	}
	if len(rows) < 2 {
		return nil
	}
	lo, hi := rows[0].date, rows[0].date
	for _, rw := range rows {
		lo, hi = min(lo, rw.date), max(hi, rw.date)
	}
	if int(hi-lo) <= farGap {
		return nil // one run: nothing can be far
	}
	slices.SortStableFunc(rows, func(a, b row) int { return cmp.Compare(a.date, b.date) })
	// Runs of dates no more than farGap apart.
	type run struct{ from, to int } // rows[from:to]
	var runs []run
	start := 0
	for i := 1; i <= len(rows); i++ {
		if i == len(rows) || int(rows[i].date-rows[i-1].date) > farGap {
			runs = append(runs, run{start, i})
			start = i
		}
	}
	if len(runs) == 1 {
		return nil
	}
	body := 0
	for i, x := range runs {
		if x.to-x.from > runs[body].to-runs[body].from {
			body = i
		}
	}
	keep := make([]bool, len(runs))
	keep[body] = true
	// Outward from the body: a run is kept when it has a row for every year
	// between it and the nearest kept run.
	for edge, i := runs[body].to-1, body+1; i < len(runs); i++ {
		gap := int(rows[runs[i].from].date - rows[edge].date)
		if runs[i].to-runs[i].from >= gap/365 {
			keep[i], edge = true, runs[i].to-1
		}
	}
	for edge, i := runs[body].from, body-1; i >= 0; i-- {
		gap := int(rows[edge].date - rows[runs[i].to-1].date)
		if runs[i].to-runs[i].from >= gap/365 {
			keep[i], edge = true, runs[i].from
		}
	}
	first, last := rows[runs[body].from].date, rows[runs[body].to-1].date
	for i, x := range runs {
		if keep[i] {
			first, last = min(first, rows[x.from].date), max(last, rows[x.to-1].date)
		}
	}
	drop := map[[2]int32]bool{}
	var skips []model.Skip
	for i, x := range runs {
		if keep[i] {
			continue
		}
		for _, rw := range rows[x.from:x.to] {
			years := float64(max(int(rw.date-last), int(first-rw.date))) / 365.25
			reason := fmt.Sprintf("%s is %.0f years from the rest of the athlete's data (%s to %s): a mistyped year?",
				rw.date, years, first, last)
			f := r.parsed[rw.file]
			line := r.lineOf(rw.file, rw.row)
			if !lenient {
				return &parse.Error{File: f.Name, Line: line, Column: "date", Msg: reason + " Fix the date, or use --lenient to leave the row out"}
			}
			skips = append(skips, model.Skip{File: f.Name, Line: line, Column: "date", Reason: reason})
			drop[[2]int32{rw.file, rw.row}] = true
		}
	}
	if len(drop) == 0 {
		return nil
	}
	for _, refs := range []*[]rowRefs{&e.workouts, &e.checkins} {
		for j := range *refs {
			rr := &(*refs)[j]
			kept := make([]int32, 0, len(rr.rows))
			for _, i := range rr.rows {
				if !drop[[2]int32{rr.file, i}] {
					kept = append(kept, i)
				}
			}
			rr.rows = kept
		}
	}
	slices.SortStableFunc(skips, func(a, b model.Skip) int { return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line)) })
	e.quality.Skipped = append(e.quality.Skipped, skips...)
	return nil
}

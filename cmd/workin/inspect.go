package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/parse"
)

const inspectHelp = `Usage: workin inspect FILE...

Shows how workin reads each file: the format it recognised from the
header, which columns it uses and for what, the date range, how many rows
were read, used, left out by design (planned workouts, naps) or skipped,
and the first problems. Run it when a report looks wrong.
`

// inspect reads each file leniently and describes it on stdout. It fails
// (exit 1) when a file cannot be read at all.
func inspect(args []string, stdout, stderr io.Writer, fsys files) error {
	fs := flag.NewFlagSet("workin inspect", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, inspectHelp) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return &usageError{msg: err.Error()}
	}
	if fs.NArg() == 0 {
		return usagef("inspect needs at least one file")
	}
	var failed []string
	for i, path := range fs.Args() {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		if err := inspectOne(path, stdout, fsys); err != nil {
			fmt.Fprintf(stdout, "file:    %s\n  cannot be read: %s\n", display(path), display(err.Error()))
			failed = append(failed, display(path))
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("%d of %d files could not be read: %s", len(failed), fs.NArg(), text.List(failed, 5))
	}
	return nil
}

const maxProblems = 5

func inspectOne(path string, w io.Writer, fsys files) error {
	data, err := fsys.ReadFile(path)
	if err != nil {
		return unwrapPath(err)
	}
	f, err := parse.ReadBytes(data, path, 0, parse.Options{Lenient: true, Athlete: "?"})
	if err != nil {
		return err
	}
	// Every line starts with a label of ours; what comes from the file is
	// made Visible (header cells may hold escape sequences or line breaks).
	fmt.Fprintf(w, "file:    %s\n  format:  %s (%s)\n", display(path), f.Format, f.Kind)
	span := "no rows used"
	if f.Used() > 0 {
		span = fmt.Sprintf("%s to %s", f.First, f.Last)
	}
	fmt.Fprintf(w, "  dates:   %s\n", span)
	fmt.Fprintf(w, "  rows:    %d read, %d used, %d left out by design, %d skipped\n", f.Rows, f.Used(), f.Dropped, len(f.Skipped))
	fmt.Fprintf(w, "  columns: %s\n", display(strings.Join(f.Columns, "; ")))
	if len(f.Ignored) > 0 {
		fmt.Fprintf(w, "  not used: %s\n", display(strings.Join(f.Ignored, ", ")))
	}
	for _, n := range f.Notes {
		fmt.Fprintf(w, "  note:    %s\n", display(n))
	}
	for i, s := range f.Skipped {
		if i == maxProblems {
			fmt.Fprintf(w, "  … and %d more problems\n", len(f.Skipped)-maxProblems)
			break
		}
		col := ""
		if s.Column != "" {
			col = fmt.Sprintf(" column %q:", s.Column)
		}
		fmt.Fprintf(w, "  problem: line %d:%s %s\n", s.Line, col, display(s.Reason))
	}
	return nil
}

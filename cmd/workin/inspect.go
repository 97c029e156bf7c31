package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/parse"
	"github.com/workin/workin/team"
)

//go:embed help/inspect.txt
var inspectHelp string

// inspect reads each file leniently and describes it on stdout. It fails
// (exit 1) when a file cannot be read at all.
func inspect(args []string, stdout, stderr io.Writer, fsys team.Files) error {
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

func inspectOne(path string, w io.Writer, fsys team.Files) error {
	data, err := fsys.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return pe.Err // the path is on the line already
		}
		return err
	}
	f, err := parse.ReadBytes(data, path, 0, parse.Options{Lenient: true, Athlete: "?"})
	if err != nil {
		return err
	}
	// Every line starts with a label of ours; what comes from the file is
	// made Visible (header cells may hold escape sequences or line breaks).
	fmt.Fprintf(w, "file:    %s\n", display(path))
	for _, l := range f.Describe() {
		fmt.Fprintf(w, "  %-8s %s\n", l[0]+":", display(l[1]))
	}
	return nil
}

package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/workin/workin/metrics"
	"github.com/workin/workin/report"
	"github.com/workin/workin/team"
)

// version is the module version the binary was built from ("(devel)" in a
// checkout), with the commit when the build recorded one.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := bi.Main.Version
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
	}
	return v
}

// usageError is a problem with the command line (exit 2). An empty msg
// means the usage text was already printed (-h).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// errHelp reports that the help was asked for and printed (exit 0).
var errHelp = errors.New("help shown")

// weeksFlag is --detail-weeks: unset (-1) means "decide by team size".
type weeksFlag int

func (w *weeksFlag) String() string {
	if w == nil || *w <= 0 { // unset or 0: nothing to show as a default
		return ""
	}
	return strconv.Itoa(int(*w))
}

// maxDetailWeeks bounds --detail-weeks: twenty years, beyond any report.
const maxDetailWeeks = 1040

func (w *weeksFlag) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > maxDetailWeeks {
		return fmt.Errorf("want a number of weeks from 0 (everything) to %d", maxDetailWeeks)
	}
	*w = weeksFlag(n)
	return nil
}

// The help texts are prose kept beside the code: help/main.txt for
// "workin help", help/report.txt above the flags of "workin report -h".
var (
	//go:embed help/main.txt
	mainHelp string
	//go:embed help/report.txt
	reportHelp string
)

// alertError is a --fail-on match (exit 3).
type alertError struct{ msg string }

func (e *alertError) Error() string { return e.msg }

// stringList is a repeatable flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// reportFlags are the parsed flags of 'workin report' and 'workin demo'.
type reportFlags struct {
	profile  string
	config   string // positional TEAM_OR_PROFILE.yaml
	workouts stringList
	checkins stringList
	plans    stringList // --plan: planned-session sheets
	out      string
	outSet   bool   // -o or --out was given
	split    string // --split DIR
	md       string
	json     string
	asOf     metrics.Date
	asOfSet  bool // --as-of was given (any day, 1970-01-01 included)
	lenient  bool
	failOn   string
	detail   int
	redact   bool
	quiet    bool
	schema   int        // --json-schema: the JSON summary's shape
	athletes stringList // --athlete: report only these
}

func run(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, mainHelp)
		return &usageError{}
	}
	switch args[0] {
	case "report":
		f, err := parseFlags("report", args[1:], stderr)
		if err != nil {
			return err
		}
		return runReport(f, team.OS(), stderr)
	case "demo":
		f, err := parseFlags("demo", args[1:], stderr)
		if err != nil {
			return err
		}
		return demo(f, stdout, stderr)
	case "inspect":
		return inspect(args[1:], stdout, stderr, team.OS())
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, mainHelp)
		return nil
	case "version", "-version", "--version":
		fmt.Fprintln(stdout, "workin", version())
		return nil
	}
	return usagef("unknown command %q; the commands are report, demo, inspect, version and help", display(args[0]))
}

// parseFlags reads flags anywhere on the line (before or after the YAML
// file) and validates them.
func parseFlags(cmd string, args []string, stderr io.Writer) (*reportFlags, error) {
	f := &reportFlags{}
	fs := flag.NewFlagSet("workin "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var asOf string
	fs.StringVar(&f.out, "o", "report.html", "write the HTML report to `FILE`")
	fs.StringVar(&f.out, "out", "report.html", "same as -o `FILE`")
	fs.StringVar(&f.md, "md", "", "also write a Markdown summary to `FILE`")
	fs.StringVar(&f.json, "json", "", "also write the JSON summary to `FILE`")
	fs.StringVar(&asOf, "as-of", "", "treat `YYYY-MM-DD` as today (default: the last date in the data)")
	fs.StringVar(&f.failOn, "fail-on", "", "exit 3 when an athlete's recommendation is at least `ACTION`: rest, work-in, easy or unknown (no advice: data that could not be checked)")
	fs.BoolVar(&f.redact, "redact", false, "replace athlete names by their ids and leave out free-text notes, in all outputs")
	fs.BoolVar(&f.quiet, "quiet", false, "no progress line on stderr")
	fs.StringVar(&f.split, "split", "", "write the HTML as `DIR`/index.html, the team's overview, and one self-contained page per athlete beside it, instead of -o")
	fs.IntVar(&f.schema, "json-schema", report.SchemaVersion, fmt.Sprintf("write the JSON summary in schema_version `N`: %d, or %d for the previous shape (kept for one version; docs/json.md)", report.SchemaVersion, report.PreviousSchema))
	f.detail = -1
	fs.Var((*weeksFlag)(&f.detail), "detail-weeks", "limit each athlete's charts and tables, and the JSON's daily series, sessions, weekly rows and flags, to the last `N` weeks; 0 shows everything (default: everything for up to 10 athletes, else 26)")
	if cmd == "report" {
		fs.StringVar(&f.profile, "profile", "", "read the athlete profile `FILE` (YAML)")
		fs.Var(&f.workouts, "workouts", "read workouts from `FILE` (repeatable)")
		fs.Var(&f.checkins, "checkins", "read check-ins from `FILE` (repeatable)")
		fs.Var(&f.plans, "plan", "read planned sessions from `FILE`, a native workouts sheet of sessions after the as-of day (repeatable)")
		fs.BoolVar(&f.lenient, "lenient", false, "skip bad rows (listed in the report) instead of stopping at the first")
		fs.Var(&f.athletes, "athlete", "report only the athlete whose id is `ID`, case ignored (repeatable), in every output; all files are still read and checked")
	}
	help := func() {
		if cmd == "report" {
			fmt.Fprint(stderr, reportHelp)
		} else {
			fmt.Fprint(stderr, "Usage: workin demo [-o FILE | --split DIR] [--md FILE] [--json FILE]\n\nRenders the built-in sample team (samples/) with no input files, and says\nwhere the report is and how to open it.\n\nFlags:\n")
		}
		fs.SetOutput(stderr)
		fs.PrintDefaults()
		fmt.Fprint(stderr, "\nExit codes: 0 ok, 1 input or runtime error, 2 usage error, 3 alert (--fail-on).\n")
	}
	// A bad flag is one line of error (printed by exitCode), not the whole
	// help; -h prints the help.
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				help()
				return nil, errHelp
			}
			return nil, &usageError{msg: err.Error()}
		}
		fs.Visit(func(fl *flag.Flag) {
			if fl.Name == "o" || fl.Name == "out" {
				f.outSet = true
			}
		})
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
	return f, f.validate(cmd, positional, asOf)
}

func (f *reportFlags) validate(cmd string, positional []string, asOf string) error {
	if cmd == "demo" && len(positional) > 0 {
		return usagef("demo takes no files; use 'workin report' for your own data")
	}
	if len(positional) > 1 {
		return usagef("give one team or profile file, got %d: %s", len(positional), strings.Join(positional, " "))
	}
	if len(positional) == 1 {
		f.config = positional[0]
	}
	if f.config != "" && f.profile != "" {
		return usagef("give either TEAM_OR_PROFILE.yaml or --profile, not both")
	}
	if cmd == "report" && f.config == "" && f.profile == "" && len(f.workouts) == 0 && len(f.checkins) == 0 {
		return usagef("nothing to read: give a team or profile file, or --workouts / --checkins files")
	}
	if asOf != "" {
		d, err := metrics.ParseDate(asOf)
		if err != nil {
			return usagef("--as-of: %v", err)
		}
		f.asOf, f.asOfSet = d, true
	}
	if a, ok := metrics.ParseAction(f.failOn); f.failOn != "" && (!ok || a == metrics.Go) {
		return usagef("--fail-on must be rest, work-in, easy or unknown, got %q", f.failOn)
	}
	if f.schema != report.SchemaVersion && f.schema != report.PreviousSchema {
		return usagef("--json-schema must be %d or %d, got %d", report.SchemaVersion, report.PreviousSchema, f.schema)
	}
	if f.schema != report.SchemaVersion && f.json == "" {
		return usagef("--json-schema %d is the shape of the JSON summary: give --json FILE too", f.schema)
	}
	if f.out == "" {
		return usagef("-o needs a file name")
	}
	if f.split != "" {
		if f.outSet {
			return usagef("give -o FILE for one page or --split DIR for one page per athlete, not both")
		}
		if st, err := os.Stat(f.split); err == nil && !st.IsDir() {
			return usagef("--split %s is a file; give a folder (it is made if it does not exist)", display(f.split))
		}
		f.out = filepath.Join(f.split, report.OverviewPage)
	}
	if err := distinctOutputs(f.out, f.md, f.json); err != nil {
		return err
	}
	return nil
}

// distinctOutputs refuses two outputs written to the same file.
func distinctOutputs(paths ...string) error {
	seen := map[string]bool{}
	for _, p := range paths {
		if p == "" {
			continue
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			abs = filepath.Clean(p)
		}
		if seen[abs] {
			return usagef("two outputs would be written to %s; give -o, --md and --json different files", p)
		}
		seen[abs] = true
	}
	return nil
}

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/workin/workin/metrics"
)

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

// alertError is a --fail-on match (exit 3).
type alertError struct{ msg string }

func (e *alertError) Error() string { return e.msg }

const mainHelp = `workin turns training exports into a report you can open offline.

It reads workouts (sessions: duration, RPE, heart rate, power, pace, TSS)
and daily check-ins (sleep, soreness, stress, mood, energy, HRV, resting HR)
from CSV files, and athlete profiles or a team file in YAML. It writes one
self-contained HTML report with charts, and Markdown and JSON summaries.

It reads the exports as downloaded, recognised from their header: Strava
activities.csv, Garmin Connect Activities.csv and daily sleep report,
intervals.icu activities and wellness, TrainingPeaks workouts.csv, WHOOP
workouts, physiological_cycles and sleeps, Oura trends, PMSys srpe and
wellness, and workin's native sheets (the team spreadsheet).

Usage:

  workin report [flags] [TEAM_OR_PROFILE.yaml]   analyse files, write the report
  workin demo [-o FILE]                          render the built-in sample team
  workin inspect FILE...                         show how workin reads each file
  workin help                                    show this help

Examples:

  workin demo -o report.html
  workin report samples/team.yaml -o team.html --md summary.md --json summary.json
  workin report --workouts sessions.csv --checkins mornings.csv
  workin report --profile ana.yaml --workouts ana.csv --as-of 2026-02-12

Run 'workin report -h' for every flag. The input formats, every metric
and the JSON schema are documented in README.md and docs/.

Exit codes: 0 ok, 1 input or runtime error (the message names file, line
and column), 2 usage error, 3 alert (--fail-on matched).
`

const reportHelp = `Usage: workin report [flags] [TEAM_OR_PROFILE.yaml]

Reads a team file (team: and athletes:) or one athlete's profile, the data
files they list (workouts: and checkins:, relative to the YAML), and any
files given with --workouts and --checkins. Without a profile, the files
with no athlete column are one athlete (files with an athlete column keep
their athletes), and the values loads need come from the data where it
can tell: a setting the export states (intervals.icu's FTP, LTHR, max and
resting HR), else resting HR from the morning readings and max HR from the
highest session heart rate. The report labels every such value and says
what is still missing.

"Today" is --as-of (default: the last date in the data) and it is not
over: it is never a rest day yet, and the advice is for the next session.

Native CSV (the team spreadsheet): a header row, any column order, case
ignored, extra columns ignored.
  workouts: date or start, athlete, sport, duration, distance_km, rpe,
            avg_hr, max_hr, avg_power, np, tss, trimp, notes
  check-ins: date, athlete, sleep_hours, sleep_quality, soreness, stress,
            mood, energy, hrv, resting_hr, notes
Durations are H:MM:SS, MM:SS or minutes: 1:30 is ninety SECONDS; write
1:30:00 for an hour and a half.

Example:
  workin report samples/team.yaml -o team.html --md summary.md --json summary.json

Flags:
`

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
	out      string
	md       string
	json     string
	asOf     metrics.Date
	asOfSet  bool // --as-of was given (any day, 1970-01-01 included)
	lenient  bool
	failOn   string
	detail   int
	redact   bool
	quiet    bool
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
		return runReport(f, osFiles{}, stderr)
	case "demo":
		f, err := parseFlags("demo", args[1:], stderr)
		if err != nil {
			return err
		}
		return demo(f, stderr)
	case "inspect":
		return inspect(args[1:], stdout, stderr, osFiles{})
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, mainHelp)
		return nil
	}
	return usagef("unknown command %q; the commands are report, demo, inspect and help", args[0])
}

// parseFlags reads flags anywhere on the line (before or after the YAML
// file) and validates them.
func parseFlags(cmd string, args []string, stderr io.Writer) (*reportFlags, error) {
	f := &reportFlags{}
	fs := flag.NewFlagSet("workin "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var asOf string
	fs.StringVar(&f.out, "o", "report.html", "write the HTML report to `FILE`")
	fs.StringVar(&f.out, "out", "report.html", "same as -o")
	fs.StringVar(&f.md, "md", "", "also write a Markdown summary to `FILE`")
	fs.StringVar(&f.json, "json", "", "also write the JSON summary to `FILE`")
	fs.StringVar(&asOf, "as-of", "", "treat `YYYY-MM-DD` as today (default: the last date in the data)")
	fs.StringVar(&f.failOn, "fail-on", "", "exit 3 when an athlete's recommendation is at least `ACTION`: rest, work-in, easy or unknown (no advice: data that could not be checked)")
	fs.BoolVar(&f.redact, "redact", false, "replace athlete names by their ids and leave out free-text notes, in all outputs")
	fs.BoolVar(&f.quiet, "quiet", false, "no progress line on stderr")
	f.detail = -1
	fs.Var((*weeksFlag)(&f.detail), "detail-weeks", "limit each athlete's charts, tables and JSON daily series to the last `N` weeks; 0 shows everything (default: everything for up to 10 athletes, else 26)")
	if cmd == "report" {
		fs.StringVar(&f.profile, "profile", "", "read the athlete profile `FILE` (YAML)")
		fs.Var(&f.workouts, "workouts", "read workouts from `FILE` (repeatable)")
		fs.Var(&f.checkins, "checkins", "read check-ins from `FILE` (repeatable)")
		fs.BoolVar(&f.lenient, "lenient", false, "skip bad rows (listed in the report) instead of stopping at the first")
	}
	help := func() {
		if cmd == "report" {
			fmt.Fprint(stderr, reportHelp)
		} else {
			fmt.Fprint(stderr, "Usage: workin demo [-o FILE] [--md FILE] [--json FILE]\n\nRenders the built-in sample team (samples/) with no input files.\n\nFlags:\n")
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
	if f.out == "" {
		return usagef("-o needs a file name")
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

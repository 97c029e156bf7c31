// Command workin turns training exports (workouts and daily check-ins) and
// athlete profiles into one self-contained HTML report with charts and
// recommendations, plus Markdown and JSON summaries.
//
// Usage:
//
//	workin report [flags] [TEAM_OR_PROFILE.yaml]
//	workin demo -o report.html
//
// Run "workin help" or "workin report -h" for the flags, and see the
// README for the input formats and every metric.
//
// Exit codes: 0 ok, 1 input or runtime error, 2 usage error, 3 alert
// (--fail-on matched an athlete's recommendation).
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	_ "time/tzdata" // profile time zones resolve the same on every machine

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/team"
)

// gcPercent is the garbage collector's target. Rows are set aside by
// athlete, so memory follows the athletes analysed at once, not the rows:
// Go's default 100 is 7 % faster than 50 on 500 athletes × 5 years, for a
// 250 MB peak (200 MB at 50), and 620 MB on 2,000 × 10 years (490 MB).
// GOGC overrides it.
const gcPercent = 100

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	os.Exit(exitCode(err, os.Stderr))
}

// exitCode prints err and maps it to the documented exit codes.
func exitCode(err error, stderr io.Writer) int {
	if err == nil || errors.Is(err, errHelp) {
		return 0
	}
	var alert *alertError
	if errors.As(err, &alert) {
		printLines(stderr, err.Error())
		return 3
	}
	var usage *usageError
	if errors.As(err, &usage) {
		if usage.msg != "" {
			printLines(stderr, usage.msg)
			fmt.Fprintln(stderr, "Run 'workin help' for usage.")
		}
		return 2
	}
	var teamUsage *team.UsageError
	if errors.As(err, &teamUsage) {
		printLines(stderr, teamUsage.Msg)
		fmt.Fprintln(stderr, "Run 'workin help' for usage.")
		return 2
	}
	printLines(stderr, err.Error())
	return 1
}

// printLines writes a message to stderr with every line starting with
// "workin: " and made Visible: nothing from the input can start a line of
// its own (a GitHub Actions workflow command such as "::error" or
// "::add-mask::") or send an escape sequence to the terminal.
func printLines(w io.Writer, msg string) {
	for _, line := range strings.Split(msg, "\n") {
		fmt.Fprintln(w, "workin: "+display(line))
	}
}

// display is text.Visible: one line, control characters escaped.
func display(s string) string { return text.Visible(s) }

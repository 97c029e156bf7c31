package main

import (
	"fmt"
	"io"
	"os"
)

// progress prints "workin: 120/500 athletes" on stderr for runs with many
// athletes, only when stderr is a terminal and --quiet is not given, so CI
// logs and pipes stay clean. It never writes to stdout.
type progress struct {
	w     io.Writer
	total int
	on    bool
}

// progressMin is the team size from which a run shows progress.
const progressMin = 20

func newProgress(stderr io.Writer, total int, quiet bool) *progress {
	p := &progress{w: stderr, total: total}
	if f, ok := stderr.(*os.File); ok && !quiet && total >= progressMin {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.on = true
		}
	}
	return p
}

func (p *progress) step(n int) {
	if p.on && (n%10 == 0 || n == p.total) {
		fmt.Fprintf(p.w, "\rworkin: %d/%d athletes analysed", n, p.total)
	}
}

func (p *progress) done() {
	if p.on {
		fmt.Fprintln(p.w)
	}
}

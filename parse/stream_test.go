package parse

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/iotest"
)

// TestStreamMatchesWhole: a large sheet read as a stream (blocks cut at
// record ends, quoted notes spanning lines across block boundaries) gives
// what a whole deferred read gives: rows, skips and the first error.
func TestStreamMatchesWhole(t *testing.T) {
	var b strings.Builder
	b.WriteString("date,athlete,sport,duration,rpe,notes\n")
	for i := 0; b.Len() < 1<<20; i++ {
		rpe := fmt.Sprint(i % 10)
		if i%5003 == 17 {
			rpe = "x"
		}
		note := "plain"
		if i%7 == 0 {
			note = "\"multi\nline, \"\"quoted\"\"\n\nnote " + strings.Repeat("z", i%300) + "\""
		}
		fmt.Fprintf(&b, "2025-%02d-%02d,a%d,run,%d,%s,%s\n", i%12+1, i%28+1, i%37, 20+i%60, rpe, note)
	}
	src := b.String()
	defer func(n int) { blockBytes = n }(blockBytes)
	blockBytes = 1 << 12 // many blocks, many cut next to a quoted line break
	for _, lenient := range []bool{true, false} {
		want := describeDeferred(t, src, lenient, false)
		got := describeDeferred(t, src, lenient, true)
		if got != want {
			t.Errorf("lenient=%v: streamed read differs from whole read (%d vs %d bytes of description)", lenient, len(got), len(want))
		}
	}
}

func describeDeferred(t *testing.T, src string, lenient, stream bool) string {
	t.Helper()
	opt := Options{Lenient: lenient, Defer: true, Spill: &memSpill{}}
	var f *File
	var err error
	if stream {
		// One byte at a time at first: reads never line up with blocks.
		f, err = ReadFrom(iotest.HalfReader(strings.NewReader(src)), "w.csv", KindWorkouts, opt)
	} else {
		f, err = ReadBytes([]byte(src), "w.csv", KindWorkouts, opt)
	}
	if err != nil {
		return "error " + err.Error()
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, "rows %d skipped %d first %v last %v notes %q\n", f.Rows, len(f.Skipped), f.First, f.Last, f.Notes)
	for _, s := range f.Skipped {
		fmt.Fprintf(&out, "skip %+v\n", s)
	}
	for _, g := range f.Groups() {
		d, err := f.Decode(g.Rows)
		if err != nil {
			fmt.Fprintf(&out, "decode error %v\n", err)
			continue
		}
		for _, w := range d.Workouts {
			fmt.Fprintf(&out, "%s %s %d %q %v\n", w.Athlete, w.Date, w.Line, w.Notes, w.RPE)
		}
	}
	return out.String()
}

// TestStreamFallsBack: bytes that are not UTF-8 after the first block
// mean the file must be read whole.
func TestStreamFallsBack(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("date,athlete,rpe,notes\n")
	for b.Len() < 2*blockBytes {
		b.WriteString("2025-03-03,ana,5,ok\n")
	}
	b.WriteString("2025-03-04,ana,5,caf\xe9\n")
	_, err := ReadFrom(bytes.NewReader(b.Bytes()), "w.csv", KindWorkouts, Options{Defer: true, Spill: &memSpill{}})
	if !errors.Is(err, ErrNotStreamed) {
		t.Fatalf("error %v, want ErrNotStreamed", err)
	}
	f, err := ReadBytes(b.Bytes(), "w.csv", KindWorkouts, Options{Defer: true})
	if err != nil || !strings.Contains(strings.Join(f.Notes, " "), "Windows-1252") {
		t.Fatalf("whole read: %v, notes %q", err, f.Notes)
	}
}

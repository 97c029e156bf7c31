package parse

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNothingAliasesTheInput: the caller owns the buffer it passes to the
// *Bytes readers. After a read, overwriting the buffer changes nothing in
// what came back — rows, skipped rows, notes, ignored columns, errors and
// the errors they wrap — for every export fixture and the native sheets,
// clean, with bad rows (lenient) and stopping at one (strict).
func TestNothingAliasesTheInput(t *testing.T) {
	inputs := map[string][]byte{
		"native_workouts.csv": []byte("date,athlete,sport,duration,rpe,avg_hr,notes\n" +
			"2025-03-03,Ana María,run,45:00,5,140,\"long\nnote\"\n" +
			"2025-03-04,Ben,ride,1:30:00,x7,150,bad rpe\n" +
			"2025-03-05,Cleo,swim,30,4,,\n" +
			"2025-03-06,Dan,run,45,4\n" +
			"2025-13-06,Eve,run,45,4,120,bad date\n"),
		"native_checkins.csv": []byte("date;athlete;sleep_hours;soreness;hrv;notes\n" +
			"2025-03-03;Ana;7,5;3;61;fine\n" +
			"2025-03-04;Ben;7,x;3;61;bad sleep\n" +
			"2025-03-05;Cleo;7;30;61;bad soreness\n"),
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "exports", "*.csv"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(f)] = data
	}
	for name, data := range inputs {
		for _, variant := range []string{"clean", "corrupt"} {
			src := bytes.Clone(data)
			if variant == "corrupt" {
				src = corruptSecondRow(src)
			}
			for _, mode := range []struct {
				lenient, deferred bool
			}{{true, false}, {false, false}, {true, true}, {false, true}} {
				t.Run(fmt.Sprintf("%s/%s/%+v", name, variant, mode), func(t *testing.T) {
					buf := bytes.Clone(src)
					f, err := ReadBytes(buf, name, 0, Options{Athlete: "x", Lenient: mode.lenient, Defer: mode.deferred})
					d, derr := decodeAll(f)
					before := snapshot(f, err) + snapshotDecoded(d, derr)
					for i := range buf {
						buf[i] = 'Z'
					}
					if after := snapshot(f, err) + snapshotDecoded(d, derr); after != before {
						t.Errorf("the result changed with the input buffer:\nbefore %s\nafter  %s", before, after)
					}
				})
			}
		}
	}
}

// corruptSecondRow writes letters into the numbers of the second data row.
func corruptSecondRow(data []byte) []byte {
	lines := bytes.SplitN(data, []byte("\n"), 4)
	if len(lines) < 3 {
		return data
	}
	lines[2] = bytes.Map(func(r rune) rune {
		if r == '0' || r == '5' {
			return 'q'
		}
		return r
	}, lines[2])
	return bytes.Join(lines, []byte("\n"))
}

func snapshot(f *File, err error) string {
	var b strings.Builder
	for e := err; e != nil; e = errors.Unwrap(e) {
		fmt.Fprintf(&b, "error %q\n", e.Error())
		var pe *Error
		if errors.As(e, &pe) {
			fmt.Fprintf(&b, "  %q %q %q %q\n", pe.File, pe.Column, pe.Value, pe.Msg)
		}
	}
	if f == nil {
		return b.String()
	}
	fmt.Fprintf(&b, "%q %q %q %q %q\n", f.Name, f.Format, f.Ignored, f.Columns, f.Notes)
	for _, s := range f.Skipped {
		fmt.Fprintf(&b, "skip %+v\n", s)
	}
	for _, w := range f.Workouts.All() {
		fmt.Fprintf(&b, "w %q %q %q %v %v %v\n", w.Athlete, w.Sport, w.Notes, w.Date, w.Duration, w.RPE)
	}
	for _, c := range f.Checkins.All() {
		fmt.Fprintf(&b, "c %q %q %v %v\n", c.Athlete, c.Notes, c.Date, c.SleepHours)
	}
	return b.String()
}

// decodeAll decodes every row of f (a deferred file's, while its input
// is intact).
func decodeAll(f *File) (Decoded, error) {
	if f == nil {
		return Decoded{}, nil
	}
	all := make([]int32, f.Len())
	for i := range all {
		all[i] = int32(i)
	}
	return f.Decode(all)
}

func snapshotDecoded(d Decoded, derr error) string {
	var b strings.Builder
	if derr != nil {
		fmt.Fprintf(&b, "decode error %q\n", derr.Error())
	}
	for _, w := range d.Workouts {
		fmt.Fprintf(&b, "dw %q %q %q %v\n", w.Athlete, w.Sport, w.Notes, w.Date)
	}
	for _, c := range d.Checkins {
		fmt.Fprintf(&b, "dc %q %q %v\n", c.Athlete, c.Notes, c.Date)
	}
	return b.String()
}

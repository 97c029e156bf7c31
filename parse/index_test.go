package parse

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/workin/workin/model"
)

// readBoth reads src whole and deferred (then decoding every row) and
// describes each result as text: the rows in file order, the skipped rows
// by line, or the error.
func readBoth(src string, kind Kind, lenient bool) (whole, deferred string) {
	opt := Options{Lenient: lenient, Athlete: "x"}
	describe := func(ws, cs []string, skips []model.Skip, err error) string {
		if err != nil {
			return "error: " + err.Error()
		}
		slices.SortStableFunc(skips, func(a, b model.Skip) int { return cmp.Compare(a.Line, b.Line) })
		var b strings.Builder
		for _, w := range ws {
			b.WriteString(w + "\n")
		}
		for _, c := range cs {
			b.WriteString(c + "\n")
		}
		for _, s := range skips {
			fmt.Fprintf(&b, "skip %d %q %q %q\n", s.Line, s.Column, s.Reason, s.Athlete)
		}
		return b.String()
	}
	rowsOf := func(d Decoded) (ws, cs []string) {
		for _, w := range d.Workouts {
			w.Origin = nil
			ws = append(ws, fmt.Sprintf("%+v", w))
		}
		for _, c := range d.Checkins {
			c.Origin = nil
			cs = append(cs, fmt.Sprintf("%+v", c))
		}
		return ws, cs
	}
	// Both decode athlete by athlete, as the pipeline does.
	byAthlete := func(f *File) (Decoded, error) {
		var all Decoded
		for _, g := range f.Groups() {
			d, err := f.Decode(g.Rows)
			if err != nil {
				return all, err
			}
			all.Workouts = append(all.Workouts, d.Workouts...)
			all.Checkins = append(all.Checkins, d.Checkins...)
		}
		return all, nil
	}
	f, err := ReadBytes([]byte(src), "f.csv", kind, opt)
	if err != nil {
		whole = describe(nil, nil, nil, err)
	} else {
		d, _ := byAthlete(f)
		ws, cs := rowsOf(d)
		whole = describe(ws, cs, f.Skipped, nil)
	}
	opt.Defer = true
	g, err := ReadBytes([]byte(src), "f.csv", kind, opt)
	if err != nil {
		return whole, describe(nil, nil, nil, err)
	}
	d, err := byAthlete(g)
	ws, cs := rowsOf(d)
	return whole, describe(ws, cs, g.Skipped, err)
}

var deferSeeds = []string{
	"date,athlete,sport,duration,rpe,avg_hr,notes\n2025-03-03,Ana,run,45:00,5,140,\"long\nnote\"\n" +
		"2025-03-04,Ben,ride,1:30:00,x7,150,bad rpe\n2025-03-05,,swim,30,4,,\n2025-03-06,Dan,run,45,4\n" +
		"2025-13-06,Eve,run,45,4,120,bad date\n2025-03-07,Ana,run,45,4,300,bad hr\n2199-03-07,Ana,run,45,4,130,far\n",
	"date;athlete;sleep_hours;soreness;hrv;notes\n2025-03-03;Ana;7,5;3;61;fine\n2025-03-04;Ben;7,x;3;61;bad\n2025-03-05;Cleo;7;30;61;bad\n",
	"start,date,athlete,rpe\n2025-03-03 06:30,2025-03-04,Ana,5\n2025-03-03 06:30,2025-03-03,Ana,5\n",
	"date,athlete,rpe\n2025-03-03,\"A\u200bna\",5\n2025-03-03,\x01,5\n\n,,\n2025-03-04,Ana,\n",
}

// TestDeferredMatchesWhole: a deferred read decoded in full gives the rows,
// the skipped rows and the first error of a whole read.
func TestDeferredMatchesWhole(t *testing.T) {
	for i, src := range deferSeeds {
		for _, kind := range []Kind{KindWorkouts, KindCheckins} {
			for _, lenient := range []bool{false, true} {
				whole, deferred := readBoth(src, kind, lenient)
				if whole != deferred {
					t.Errorf("seed %d, %v, lenient=%v:\nwhole:\n%s\ndeferred:\n%s", i, kind, lenient, whole, deferred)
				}
			}
		}
	}
}

func FuzzDeferred(f *testing.F) {
	for _, s := range append(deferSeeds, workoutSeeds...) {
		f.Add(s, true, false)
	}
	f.Fuzz(func(t *testing.T, src string, lenient, checkins bool) {
		kind := KindWorkouts
		if checkins {
			kind = KindCheckins
		}
		if whole, deferred := readBoth(src, kind, lenient); whole != deferred {
			t.Errorf("whole:\n%s\ndeferred:\n%s", whole, deferred)
		}
	})
}

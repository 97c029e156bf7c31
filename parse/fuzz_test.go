package parse

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"
)

var workoutSeeds = []string{
	"date,athlete,sport,duration,distance_km,rpe,avg_hr,notes\n2025-03-03,ana,run,0:45:00,9.2,4,142,easy aerobic\n",
	"\ufeffDate;RPE;Duration\r\n2025-03-03;7,5;45\r\n",
	"start,rpe\n2026-01-15T23:10:00-08:00,5\n",
	"date,notes\n2025-03-03,\"multi\nline\"\n",
	"date,rpe\n2025-02-30,0x1F\n",
	"date,date\n",
	"",
}

// FuzzReadWorkouts checks that no input panics, that every error names the
// file, and that in lenient mode every row read is either kept or listed.
func FuzzReadWorkouts(f *testing.F) {
	for _, s := range workoutSeeds {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, src string, lenient bool) {
		file, err := ReadWorkoutsBytes([]byte(src), "f.csv", Options{Lenient: lenient, Athlete: "x"})
		checkParseResult(t, file, err, lenient)
		if err != nil {
			return
		}
		for _, w := range file.Workouts.All() {
			for _, v := range []float64{w.Duration, w.RPE, w.AvgHR, w.TSS, w.DistanceKm} {
				if math.IsInf(v, 0) {
					t.Fatalf("infinite value in %+v", w)
				}
			}
			if w.Line < 2 {
				t.Fatalf("row on line %d", w.Line)
			}
		}
	})
}

func FuzzReadCheckins(f *testing.F) {
	f.Add("date,athlete,sleep_hours,soreness,hrv\n2025-03-04,ana,7.5,3,62\n", false)
	f.Add("date;soreness\n2025-03-04;11\n", true)
	f.Fuzz(func(t *testing.T, src string, lenient bool) {
		file, err := ReadCheckinsBytes([]byte(src), "c.csv", Options{Lenient: lenient, Athlete: "x"})
		checkParseResult(t, file, err, lenient)
	})
}

func checkParseResult(t *testing.T, file *File, err error, lenient bool) {
	t.Helper()
	if err != nil {
		var pe *Error
		if !errors.As(err, &pe) || pe.File == "" {
			t.Fatalf("error without a position: %v", err)
		}
		if lenient && !pe.FileLevel {
			t.Fatalf("lenient mode stopped on a row error: %v", err)
		}
		if len(err.Error()) > 600 {
			t.Fatalf("error echoes input in bulk (%d bytes)", len(err.Error()))
		}
		return
	}
	if lenient && file.Rows != file.Used()+len(file.Skipped)+file.Dropped {
		t.Fatalf("rows %d != used %d + skipped %d", file.Rows, file.Used(), len(file.Skipped))
	}
	if !lenient && len(file.Skipped) > 0 {
		t.Fatalf("strict mode skipped rows")
	}
}

func FuzzReadConfig(f *testing.F) {
	for _, s := range []string{
		"name: Ana\nmax_hr: 190\nresting_hr: 50\nrules: {no_rest_days: 8, off: [effort-drift]}\n",
		"team: T\nathletes:\n  - id: a\n    ftp: 250\n  - profile: b.yaml\n",
		"max_hr: 190.5\n", "---\n---\n", "athletes: 3\n", "rules: {readiness_weights: {hrv: -1}}\n",
	} {
		f.Add(s)
	}
	load := memLoader(map[string]string{"b.yaml": "name: B\n"})
	f.Fuzz(func(t *testing.T, src string) {
		c, err := ReadConfig([]byte(src), "p.yaml", load)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "p.yaml") && !strings.HasPrefix(err.Error(), "b.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, a := range c.Athletes {
			if a.Profile.ID == "" {
				t.Fatal("athlete without id")
			}
			if err := a.Params.Validate(); err != nil {
				t.Fatalf("accepted invalid params: %v", err)
			}
			p := a.Profile
			if p.MaxHR == p.MaxHR && p.RestingHR == p.RestingHR && p.MaxHR <= p.RestingHR {
				t.Fatalf("accepted max_hr %v <= resting_hr %v", p.MaxHR, p.RestingHR)
			}
		}
	})
}

// FuzzCells checks the cell parsers on their own: a value either parses to
// a finite number or is refused, never silently something else.
func FuzzCells(f *testing.F) {
	for _, s := range []string{"7", "07", "7.5", "0x1F", "1,5", "1e3", "NaN", "1:30", "1:02:03", "75:00", "0:09:25.5", "-3", ".5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if v, err := parseDecimal(s, false); err == nil && math.IsInf(v, 0) {
			t.Fatalf("parseDecimal(%q) = %v", s, v)
		}
		if v, err := parseDuration(s, false); err == nil && (math.IsInf(v, 0) || v < 0 && !strings.HasPrefix(strings.TrimSpace(s), "-")) {
			t.Fatalf("parseDuration(%q) = %v", s, v)
		}
		var st Stamp
		if err := st.UnmarshalCSV(s); err == nil && st.OK && (st.Sec < 0 || st.Sec >= 86400) {
			t.Fatalf("Stamp(%q) = %+v", s, st)
		}
	})
}

// FuzzFastDecimal checks the fast path against strconv on every input it
// accepts.
func FuzzFastDecimal(f *testing.F) {
	for _, s := range []string{"7", "07", "7.5", "0.1", "123456789012345", "9007199254740993", "1.", ".5", "1.25"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := fastDecimal(s)
		if !ok {
			return
		}
		want, err := strconv.ParseFloat(s, 64)
		if err != nil || v != want {
			t.Fatalf("fastDecimal(%q) = %v, strconv gives %v (%v)", s, v, want, err)
		}
	})
}

package parse

import (
	"strings"
	"testing"

	"github.com/workin/workin/metrics"
	"github.com/workin/workin/model"
)

func readW(t *testing.T, src string, opt Options) (*File, error) {
	t.Helper()
	return ReadWorkouts(strings.NewReader(src), "w.csv", opt)
}

func TestWorkoutsAccepted(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		check func(t *testing.T, f *File)
	}{
		{"spec example", "date,athlete,sport,duration,distance_km,rpe,avg_hr,notes\n" +
			"2025-03-03,ana,run,0:45:00,9.2,4,142,easy aerobic\n" +
			"2025-03-04,ana,strength,50,,6,,\"squat, deadlift\"\n" +
			"2025-03-04,ben,ride,1:30:00,42.5,7,151,threshold 3x12\n",
			func(t *testing.T, f *File) {
				if f.Workouts.Len() != 3 || f.Rows != 3 {
					t.Fatalf("rows %d, workouts %d", f.Rows, f.Workouts.Len())
				}
				w := f.Workouts.At(1)
				if w.Athlete != "ana" || w.Sport != "strength" || w.Duration != 3000 || w.RPE != 6 ||
					metrics.Known(w.AvgHR) || metrics.Known(w.DistanceKm) || w.Notes != "squat, deadlift" || w.Line != 3 {
					t.Errorf("row 2 = %+v", w)
				}
				if f.Workouts.At(2).Duration != 5400 || f.Workouts.At(2).Athlete != "ben" {
					t.Errorf("row 3 = %+v", f.Workouts.At(2))
				}
				if f.First != metrics.MustDate("2025-03-03") || f.Last != metrics.MustDate("2025-03-04") {
					t.Errorf("span %s…%s", f.First, f.Last)
				}
			}},
		{"BOM, CRLF, mixed-case headers with spaces, extra column, any order",
			"\ufeffRPE , Duration,Sport, Date ,Avg HR,Coach Comment\r\n5,45:00,Run,2025-03-03,140,ok\r\n",
			func(t *testing.T, f *File) {
				w := f.Workouts.At(0)
				if w.RPE != 5 || w.Duration != 2700 || w.Sport != "Run" || w.AvgHR != 140 {
					t.Errorf("got %+v", w)
				}
				if len(f.Ignored) != 1 || f.Ignored[0] != "Coach Comment" {
					t.Errorf("ignored = %q", f.Ignored)
				}
			}},
		{"semicolons with decimal commas", "date;duration;rpe;distance_km\n2025-03-03;37,5;6;10,2\n",
			func(t *testing.T, f *File) {
				if w := f.Workouts.At(0); w.Duration != 2250 || w.DistanceKm != 10.2 {
					t.Errorf("got %+v", w)
				}
			}},
		{"leading zeros are decimal", "date,rpe,avg_hr\n2025-03-03,07,0140\n",
			func(t *testing.T, f *File) {
				if w := f.Workouts.At(0); w.RPE != 7 || w.AvgHR != 140 {
					t.Errorf("got rpe %v hr %v", w.RPE, w.AvgHR)
				}
			}},
		{"blank lines and no final newline", "date,rpe\n\n2025-03-03,5\n\n2025-03-04,6",
			func(t *testing.T, f *File) {
				if f.Workouts.Len() != 2 || f.Workouts.At(1).Line != 5 {
					t.Errorf("got %d rows, second on line %d", f.Workouts.Len(), f.Workouts.At(1).Line)
				}
			}},
		{"quoted multi-line notes keep physical lines", "date,notes,rpe\n2025-03-03,\"line one\nline two\",5\n2025-03-04,x,6\n",
			func(t *testing.T, f *File) {
				if f.Workouts.At(0).Notes != "line one\nline two" || f.Workouts.At(1).Line != 4 {
					t.Errorf("notes %q, second row line %d", f.Workouts.At(0).Notes, f.Workouts.At(1).Line)
				}
			}},
		{"header only is an empty log", "date,sport,rpe\n",
			func(t *testing.T, f *File) {
				if f.Workouts.Len() != 0 || f.Rows != 0 {
					t.Errorf("got %d rows", f.Rows)
				}
			}},
		{"start with offset keeps the written day", "start,rpe\n2026-01-15T23:10:00-08:00,5\n2025-03-04 06:30,4\n",
			func(t *testing.T, f *File) {
				if w := f.Workouts.At(0); w.Date != metrics.MustDate("2026-01-15") || w.StartSec != 23*3600+600 {
					t.Errorf("got %s %d", w.Date, w.StartSec)
				}
				if w := f.Workouts.At(1); w.StartSec != 6*3600+1800 {
					t.Errorf("got %d", w.StartSec)
				}
			}},
		{"date and start agreeing", "date,start\n2025-03-04,2025-03-04 06:30:10\n",
			func(t *testing.T, f *File) {
				if f.Workouts.At(0).StartSec != 6*3600+1810 {
					t.Errorf("got %d", f.Workouts.At(0).StartSec)
				}
			}},
		{"durations", "date,duration\n2025-03-03,1:30\n2025-03-03,1:02:03\n2025-03-03,90\n2025-03-03,75:00\n2025-03-03,0:09:25.5\n",
			func(t *testing.T, f *File) {
				want := []float64{90, 3723, 5400, 4500, 565.5}
				for i, w := range want {
					if f.Workouts.At(i).Duration != w {
						t.Errorf("row %d: %v s, want %v", i+1, f.Workouts.At(i).Duration, w)
					}
				}
			}},
		{"short MM:SS at high RPE is noted", "date,duration,rpe\n2025-03-03,1:30,7\n",
			func(t *testing.T, f *File) {
				if len(f.Notes) != 1 || !strings.Contains(f.Notes[0], "line 2: duration 1:30") {
					t.Errorf("notes = %q", f.Notes)
				}
			}},
		{"owner from options without athlete column", "date,rpe\n2025-03-03,5\n",
			func(t *testing.T, f *File) {
				if f.Workouts.At(0).Athlete != "zoe" {
					t.Errorf("athlete = %q", f.Workouts.At(0).Athlete)
				}
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := readW(t, tc.src, Options{Athlete: "zoe"})
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, f)
		})
	}
}

func TestWorkoutErrors(t *testing.T) {
	const head = "date,athlete,sport,duration,rpe,avg_hr,distance_km,tss\n"
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"octal-looking is fine but hex is not", head + "2025-03-03,a,run,45,0x1F,,,\n",
			`w.csv:2: column "rpe": want a plain decimal number such as 7 or 7.5, got "0x1F"`},
		{"NaN", head + "2025-03-03,a,run,45,NaN,,,\n", `w.csv:2: column "rpe": want a plain decimal number such as 7 or 7.5, got "NaN"`},
		{"Inf", head + "2025-03-03,a,run,45,,Inf,,\n", `w.csv:2: column "avg_hr": want a plain decimal number such as 7 or 7.5, got "Inf"`},
		{"overflow", head + "2025-03-03,a,run,45,,,," + strings.Repeat("9", 400) + "\n",
			`w.csv:2: column "tss": number too large, got "` + strings.Repeat("9", 40) + `…"`},
		{"decimal comma", head + "2025-03-03,a,run,45,,,\"10,5\",\n",
			`w.csv:2: column "distance_km": want a plain decimal number such as 7 or 7.5 (no thousands separators or decimal commas in a comma-separated file), got "10,5"`},
		{"thousands separator", head + "2025-03-03,a,run,45,,,,\"1,200\"\n",
			`w.csv:2: column "tss": want a plain decimal number such as 7 or 7.5 (no thousands separators or decimal commas in a comma-separated file), got "1,200"`},
		{"exponent", head + "2025-03-03,a,run,45,1e1,,,\n", `w.csv:2: column "rpe": want a plain decimal number such as 7 or 7.5, got "1e1"`},
		{"RPE out of range", head + "2025-03-03,a,run,45,11,,,\n", `w.csv:2: column "rpe": want an RPE from 0 to 10 (CR-10 scale), got "11"`},
		{"negative RPE", head + "2025-03-03,a,run,45,-1,,,\n", `w.csv:2: column "rpe": want an RPE from 0 to 10 (CR-10 scale), got "-1"`},
		{"heart rate not human", head + "2025-03-03,a,run,45,,300,,\n", `w.csv:2: column "avg_hr": want a heart rate from 25 to 250 bpm, got "300"`},
		{"zero duration", head + "2025-03-03,a,run,0:00,,,,\n", `w.csv:2: column "duration": want a duration above zero and under 100 hours, got "0:00"`},
		{"bad duration", head + "2025-03-03,a,run,1:75,,,,\n", `w.csv:2: column "duration": want a duration as H:MM:SS, MM:SS or minutes (45, 37.5), got "1:75"`},
		{"not a real day", head + "2025-02-30,a,run,45,,,,\n", `w.csv:2: column "date": want a real day as YYYY-MM-DD, got "2025-02-30"`},
		{"US date", head + "3/4/2025,a,run,45,,,,\n", `w.csv:2: column "date": want a real day as YYYY-MM-DD, got "3/4/2025"`},
		{"empty date", head + ",a,run,45,,,,\n", `w.csv:2: column "date": the row has no date; want YYYY-MM-DD in date (or a start time)`},
		{"empty athlete", head + "2025-03-03,,run,45,,,,\n", `w.csv:2: column "athlete": athlete is empty; this file has an athlete column, so every row needs one`},
		{"too many cells", head + "2025-03-03,a,run,45,,,,,extra\n", `w.csv:2: the row has 9 cells but the header has 8`},
		{"line after a multi-line note", "date,notes,rpe\n2025-03-03,\"a\nb\nc\",5\n2025-03-04,x,12\n",
			`w.csv:5: column "rpe": want an RPE from 0 to 10 (CR-10 scale), got "12"`},
		{"header as written in the error", "Date,RPE\n2025-03-03,x\n", `w.csv:2: column "RPE": want a plain decimal number such as 7 or 7.5, got "x"`},
		{"date and start disagree", "date,start\n2025-03-04,2025-03-05 06:30\n",
			`w.csv:2: column "start": start is on 2025-03-05 but date says 2025-03-04; give one of them or make them agree`},
		{"bad start", "start\n2025-03-04 6:30\n",
			`w.csv:2: column "start": want a start time as YYYY-MM-DD HH:MM[:SS] or RFC 3339 (2025-03-04T06:30:00+01:00), got "2025-03-04 6:30"`},
		// File-level problems.
		{"zero bytes", "", `w.csv: the file is empty (0 bytes); want a CSV file with a header row`},
		{"no date column", "sport,rpe\nrun,5\n", `w.csv:1: the header has no date or start column (found: sport, rpe); a native sheet starts like "date,athlete,sport,duration,rpe"`},
		{"known column twice", "date,rpe,RPE\n2025-03-03,5,6\n", `w.csv:1: column "rpe" appears twice (columns 2 and 3); keep one`},
		{"bare quote", "date,notes\n2025-03-03,a\"b\n", `w.csv:2: malformed CSV at column 13: bare " in non-quoted-field`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readW(t, tc.src, Options{})
			if err == nil {
				t.Fatalf("no error, want %s", tc.want)
			}
			if err.Error() != tc.want {
				t.Errorf("error:\n got %s\nwant %s", err, tc.want)
			}
		})
	}
}

func TestLenientSkipsRowsButNotFiles(t *testing.T) {
	src := "date,rpe,avg_hr\n2025-03-03,5,140\n2025-03-04,11,140\n2025-03-05,4,20\n2025-03-06,3,130\n"
	f, err := readW(t, src, Options{Lenient: true})
	if err != nil {
		t.Fatal(err)
	}
	if f.Rows != 4 || f.Workouts.Len() != 2 || len(f.Skipped) != 2 {
		t.Fatalf("rows %d kept %d skipped %d", f.Rows, f.Workouts.Len(), len(f.Skipped))
	}
	want := model.Skip{File: "w.csv", Line: 3, Column: "rpe", Reason: "want an RPE from 0 to 10 (CR-10 scale), got \"11\""}
	if f.Skipped[0] != want {
		t.Errorf("skip = %+v, want %+v", f.Skipped[0], want)
	}
	if f.Skipped[1].Line != 4 || f.Skipped[1].Column != "avg_hr" {
		t.Errorf("skip 2 = %+v", f.Skipped[1])
	}
	for _, bad := range []string{"", "rpe\n5\n", "date,date\n"} {
		if _, err := readW(t, bad, Options{Lenient: true}); err == nil || !IsFileLevel(err) {
			t.Errorf("%q in lenient mode: err = %v, want a file-level error", bad, err)
		}
	}
}

func TestCheckins(t *testing.T) {
	src := "date,athlete,sleep_hours,sleep_quality,soreness,stress,mood,energy,hrv,resting_hr,notes\n" +
		"2025-03-04,ana,7.5,8,3,4,7,7,62,48,\n" +
		"2025-03-04,ben,5.75,4,7,6,5,3,41,57,late flight\n"
	f, err := ReadCheckins(strings.NewReader(src), "c.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Checkins.Len() != 2 {
		t.Fatalf("got %d", f.Checkins.Len())
	}
	c := f.Checkins.At(1)
	if c.Athlete != "ben" || c.SleepHours != 5.75 || c.Soreness != 7 || c.HRV != 41 || c.RestingHR != 57 || c.Notes != "late flight" {
		t.Errorf("got %+v", c)
	}
	for _, tc := range []struct{ src, want string }{
		{"date,soreness\n2025-03-04,11\n", `c.csv:2: column "soreness": want a value on the 1–10 scale, got "11"`},
		{"date,sleep_hours\n2025-03-04,25\n", `c.csv:2: column "sleep_hours": want hours of sleep from 0 to 24, got "25"`},
		{"date,hrv\n2025-03-04,0\n", `c.csv:2: column "hrv": want rMSSD in ms from 1 to 500, got "0"`},
		{"soreness\n5\n", `c.csv:1: the header has no date column (found: soreness); a native sheet starts like "date,athlete,sleep_hours,soreness,hrv"`},
	} {
		_, err := ReadCheckins(strings.NewReader(tc.src), "c.csv", Options{})
		if err == nil || err.Error() != tc.want {
			t.Errorf("%q: error\n got %v\nwant %s", tc.src, err, tc.want)
		}
	}
}

func TestHeaderKey(t *testing.T) {
	for in, want := range map[string]string{
		"Avg HR": "avg_hr", " Date ": "date", "Distance (km)": "distance_km", "sleep-hours": "sleep_hours",
		"\ufeffdate": "date", `<span class="x">Start Time</span>`: "start_time", "Aktivitätstyp": "aktivitätstyp",
	} {
		if got := HeaderKey(in); got != want {
			t.Errorf("HeaderKey(%q) = %q, want %q", in, got, want)
		}
	}
}

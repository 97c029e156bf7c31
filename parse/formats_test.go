package parse

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/workin/workin/metrics"
)

func readFixture(t *testing.T, name string, opt Options) *File {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "exports", name))
	if err != nil {
		t.Fatal(err)
	}
	if opt.Athlete == "" {
		opt.Athlete = "x"
	}
	f, err := ReadBytes(data, name, 0, opt)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return f
}

func approx(a, b float64) bool {
	if !metrics.Known(b) {
		return !metrics.Known(a)
	}
	return math.Abs(a-b) < 0.01
}

func madrid(string) *time.Location {
	loc, _ := time.LoadLocation("Europe/Madrid")
	return loc
}

// wantWorkout lists the values a test checks; Missing fields are checked
// as missing, zero-valued strings are not checked.
type wantWorkout struct {
	date, sport               string
	start                     int32
	duration, km, hr, tss, np float64
	rpe, power                float64
	notes                     string
}

func TestWorkoutFormats(t *testing.T) {
	M := metrics.Missing()
	tests := []struct {
		file   string
		format string
		opt    Options
		rows   []wantWorkout
		drops  int
	}{
		{"strava_2026.csv", "Strava activities.csv", Options{Zone: madrid}, []wantWorkout{
			// 6:05 UTC is 7:05 in Madrid; moving time for a run; canonical metres; RPE.
			{"2026-03-02", "Run", 7*3600 + 300, 2700, 9.1, 148.5, M, M, 5, M, "Morning Run — easy, felt ok\nlegs heavy"},
			// Training Load is a given TSS.
			{"2026-03-03", "Virtual Ride", 18*3600 + 1800, 3577, 32.8519, 152, 86, 240, M, 205, "Threshold"},
			// 23:30 UTC is 00:30 the next day in Madrid.
			{"2026-03-05", "Run", 1800, 1790, 5, 150, M, M, M, M, "Late Run"},
			// Weight training: elapsed time, no distance.
			{"2026-03-05", "Weight Training", 8 * 3600, 3000, M, M, M, M, 6, M, "Gym"},
		}, 0},
		{"strava_2018.csv", "Strava activities.csv", Options{}, []wantWorkout{
			{"2018-03-02", "Ride", 6*3600 + 300, 5400, 43.0574, M, M, M, M, M, "Ride"},
		}, 0},
		{"strava_nl.csv", "Strava activities.csv", Options{}, []wantWorkout{
			{"2017-06-23", "Run", 15*3600 + 52*60 + 12, 1451, 4.7315, 151, M, M, M, M, "Middagloop"},
		}, 0},
		{"garmin_running.csv", "Garmin Connect Activities.csv", Options{}, []wantWorkout{
			{"2026-03-02", "Running", 7*3600 + 300, 2710, 9.12, 149, M, M, M, M, "City Running"},
			{"2026-03-04", "Running", 18*3600 + 1800, 1790, 5.01, M, M, M, M, M, "City Running"},
		}, 0},
		{"garmin_running.csv", "Garmin Connect Activities.csv", Options{Unit: func(string) string { return "mi" }}, []wantWorkout{
			{"2026-03-02", "Running", 7*3600 + 300, 2710, 9.12 * 1.609344, 149, M, M, M, M, ""},
			{"2026-03-04", "Running", 18*3600 + 1800, 1790, 5.01 * 1.609344, M, M, M, M, M, ""},
		}, 0},
		{"garmin_swim.csv", "Garmin Connect Activities.csv", Options{}, []wantWorkout{
			{"2026-03-06", "Pool Swim", 6*3600 + 1800, 2600, 1.2, 151, M, M, M, M, "Pool Swim"},
		}, 0},
		{"garmin_sv.csv", "Garmin Connect Activities.csv", Options{}, []wantWorkout{
			{"2026-01-10", "Indoor Cycling", 17 * 3600, 3600, 30.1, 140, 61.2, 210, M, 200, "Zwift"},
			{"2026-01-11", "Running", 9 * 3600, 2806, 7.34, 133, M, M, M, M, "Lund Löpning"},
		}, 0},
		{"intervals_activities.csv", "intervals.icu activities.csv", Options{}, []wantWorkout{
			{"2026-03-04", "Ride", 16*3600 + 59*60 + 40, 2246, 17.98525, 131, 24, 170, 4, 145, "Endurance"},
			{"2026-03-05", "Run", 7*3600 + 600, 2400, 8, 150, 45, M, M, M, "Run"},
		}, 0},
		{"trainingpeaks.csv", "TrainingPeaks workouts.csv", Options{}, []wantWorkout{
			{"2026-02-01", "Run", -1, 4976.82, 12.52884, 136, 63.03, M, 3, 230, "Z2 run"},
		}, 1}, // the Day Off row; the planned swim is a planned session (TestTrainingPeaksPlanned)
		{"whoop_workouts.csv", "WHOOP workouts.csv", Options{}, []wantWorkout{
			{"2024-06-24", "Running", 8*3600 + 8*60 + 18, 1260, 4.06888, 161, M, M, M, M, ""},
		}, 0},
		{"pmsys_srpe.csv", "PMSys srpe.csv", Options{Zone: madrid}, []wantWorkout{
			// Ends 22:51:54 UTC = 23:51:54 in Madrid; 30 minutes earlier.
			{"2019-11-05", "running", 23*3600 + 21*60 + 54, 1800, M, M, M, M, 7, M, ""},
			// Ends 00:10 UTC (01:10 Madrid, 6 Nov); 90 minutes earlier is 5 Nov 23:40.
			{"2019-11-05", "soccer", 23*3600 + 40*60, 5400, M, M, M, M, 8, M, ""},
		}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			f := readFixture(t, tc.file, tc.opt)
			if f.Format != tc.format || f.Kind != KindWorkouts {
				t.Fatalf("format %q (%s), want %q", f.Format, f.Kind, tc.format)
			}
			if f.Workouts.Len() != len(tc.rows) || f.Dropped != tc.drops {
				t.Fatalf("%d workouts, %d dropped; want %d and %d (notes %q)", f.Workouts.Len(), f.Dropped, len(tc.rows), tc.drops, f.Notes)
			}
			for i, want := range tc.rows {
				w := f.Workouts.At(i)
				got := wantWorkout{w.Date.String(), w.Sport, w.StartSec, w.Duration, w.DistanceKm, w.AvgHR, w.TSS, w.NP, w.RPE, w.AvgPower, w.Notes}
				if want.notes == "" {
					got.notes = ""
				}
				if got.date != want.date || got.sport != want.sport || got.start != want.start || got.notes != want.notes ||
					!approx(got.duration, want.duration) || !approx(got.km, want.km) || !approx(got.hr, want.hr) ||
					!approx(got.tss, want.tss) || !approx(got.np, want.np) || !approx(got.rpe, want.rpe) || !approx(got.power, want.power) {
					t.Errorf("row %d:\n got %+v\nwant %+v", i+1, got, want)
				}
			}
		})
	}
}

type wantCheckin struct {
	date                                       string
	sleep, quality, sore, stress, mood, energy float64
	hrv, rhr                                   float64
}

func TestCheckinFormats(t *testing.T) {
	M := metrics.Missing()
	tests := []struct {
		file   string
		format string
		opt    Options
		rows   []wantCheckin
		drops  int
	}{
		// 1–4 scales: sleep quality 2 (good) → 7, soreness 3 → 7, stress 1 → 1,
		// mood 4 (grumpy) → 1, motivation 1 (extreme) → energy 10.
		{"intervals_wellness.csv", "intervals.icu wellness.csv", Options{}, []wantCheckin{
			{"2026-03-05", 7.42, 7, 7, 1, 1, 10, 50.43, 52},
		}, 1},
		// The recovery belongs to the wake-up morning; performance 90 % → 9.1.
		{"whoop_cycles.csv", "WHOOP physiological_cycles.csv", Options{}, []wantCheckin{
			{"2024-06-24", 7, 9.1, M, M, M, M, 61, 57},
		}, 1},
		{"whoop_sleeps.csv", "WHOOP sleeps.csv", Options{}, []wantCheckin{
			{"2024-06-24", 7, 9.1, M, M, M, M, M, M},
		}, 1},
		{"oura_2019.csv", "Oura trends CSV", Options{}, []wantCheckin{
			{"2019-01-25", 7.87, 8.56, M, M, M, M, 43, 53},
		}, 1},
		{"oura_2020.csv", "Oura trends CSV", Options{}, []wantCheckin{
			{"2020-03-26", 6.22, 7.3, M, M, M, M, 64, 49},
		}, 0},
		{"garmin_sleep.csv", "Garmin Connect daily sleep report", Options{}, []wantCheckin{
			{"2024-11-03", 8.15, 7.93, M, M, M, M, M, 55},
		}, 1},
		// 1–5, low = worse: soreness 2 → 7.75; stress 3 → 5.5; mood 3 → 5.5;
		// sleep quality 3 → 5.5; readiness 5/10 → energy 5.5.
		{"pmsys_wellness.csv", "PMSys wellness.csv", Options{}, []wantCheckin{
			{"2019-11-01", 6, 5.5, 7.75, 5.5, 5.5, 5.5, M, M},
		}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			f := readFixture(t, tc.file, tc.opt)
			if f.Format != tc.format || f.Kind != KindCheckins {
				t.Fatalf("format %q (%s), want %q", f.Format, f.Kind, tc.format)
			}
			if f.Checkins.Len() != len(tc.rows) || f.Dropped != tc.drops {
				t.Fatalf("%d check-ins, %d dropped; want %d and %d (notes %q)", f.Checkins.Len(), f.Dropped, len(tc.rows), tc.drops, f.Notes)
			}
			for i, want := range tc.rows {
				c := f.Checkins.At(i)
				got := wantCheckin{c.Date.String(), c.SleepHours, c.SleepQuality, c.Soreness, c.Stress, c.Mood, c.Energy, c.HRV, c.RestingHR}
				if got.date != want.date || !approx(got.sleep, want.sleep) || !approx(got.quality, want.quality) ||
					!approx(got.sore, want.sore) || !approx(got.stress, want.stress) || !approx(got.mood, want.mood) ||
					!approx(got.energy, want.energy) || !approx(got.hrv, want.hrv) || !approx(got.rhr, want.rhr) {
					t.Errorf("row %d:\n got %+v\nwant %+v", i+1, got, want)
				}
			}
		})
	}
}

func TestDetectionErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"unknown header", "Foo,Bar,Baz\n1,2,3\n", []string{"x.csv:1: the header (3 columns) does not match a format workin reads", "workin inspect", "Strava activities.csv"}},
		{"closest match", "Activity Type,Datum,Title,Distance\nRun,2026-01-01,x,5\n", []string{"Closest: Garmin Connect Activities.csv (missing time)"}},
		{"weekly sleep", "\ufeffDate,Avg Duration,Avg Bedtime,Avg Wake Time\nAug 7-13,--,--,--\n", []string{"weekly sleep summary"}},
		{"zip", "PK\x03\x04rest", []string{"ZIP archive"}},
		{"json", `{"activities": []}`, []string{"this is JSON, not CSV"}},
	}
	for _, tc := range tests {
		_, err := ReadBytes([]byte(tc.src), "x.csv", 0, Options{Lenient: true})
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q lacks %q", tc.name, err, w)
			}
		}
	}
	// A check-in export given as workouts is read as what it is, with a note.
	data, _ := os.ReadFile("testdata/exports/whoop_cycles.csv")
	f, err := ReadBytes(data, "c.csv", KindWorkouts, Options{Athlete: "x"})
	if err != nil || f.Kind != KindCheckins || !strings.Contains(strings.Join(f.Notes, " "), "given as workouts, but this is WHOOP physiological_cycles.csv") {
		t.Errorf("kind mismatch: %v %+v", err, f)
	}
	// Native sheets still read through Read.
	f, err = ReadBytes([]byte("date,rpe,duration\n2026-01-05,5,45\n"), "n.csv", KindWorkouts, Options{Athlete: "x"})
	if err != nil || f.Format != "native workouts" || f.Workouts.Len() != 1 {
		t.Errorf("native via Read: %v %+v", err, f)
	}
	f, err = ReadBytes([]byte("date,notes\n2026-01-05,x\n"), "n.csv", KindCheckins, Options{Athlete: "x"})
	if err != nil || f.Format != "native check-ins" {
		t.Errorf("ambiguous native sheet should follow the flag: %v %+v", err, f)
	}
}

func TestVendorErrorsNameTheColumn(t *testing.T) {
	src := "Activity Type,Date,Title,Distance,Time,Avg HR\nRunning,2026-03-02 07:05:00,x,5.0,00:30:00,abc\n"
	_, err := ReadBytes([]byte(src), "g.csv", 0, Options{Athlete: "x"})
	want := `g.csv:2: column "Avg HR": want a number, got "abc"`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
	f, err := ReadBytes([]byte(src), "g.csv", 0, Options{Athlete: "x", Lenient: true})
	if err != nil || len(f.Skipped) != 1 || f.Skipped[0].Column != "Avg HR" || f.Skipped[0].Line != 2 {
		t.Errorf("lenient: %v %+v", err, f)
	}
}

func TestLocaleNumbers(t *testing.T) {
	for _, tc := range []struct {
		in   string
		mark decimalMark
		want float64
	}{
		{"1,337", markPoint, 1337}, {"4.73", markPoint, 4.73}, {"4,73", markComma, 4.73}, {"1.234,5", markComma, 1234.5},
		{"1,200", markGuess, 1200}, {"7,00", markGuess, 7}, {"7.34", markGuess, 7.34}, {"--", markGuess, metrics.Missing()},
		{"None", markPoint, metrics.Missing()}, {"1,234.5", markGuess, 1234.5}, {"1.234,5", markGuess, 1234.5}, {"7,5", markGuess, 7.5},
	} {
		got, err := localeNumber(tc.in, tc.mark)
		if err != nil || !approx(got, tc.want) {
			t.Errorf("localeNumber(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	if _, err := localeNumber("0x1F", markPoint); err == nil {
		t.Error("hex accepted")
	}
	for in, want := range map[string]float64{"7h 4min": 7 + 4.0/60, "45min": 0.75, "8h": 8} {
		if got, err := hourMinutes(in); err != nil || !approx(got, want) {
			t.Errorf("hourMinutes(%q) = %v, %v", in, got, err)
		}
	}
}

func TestStamps(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	for _, tc := range []struct {
		in   string
		utc  bool
		loc  *time.Location
		want string
		sec  int32
	}{
		{"Oct 6, 2022, 11:19:20 PM", true, ny, "2022-10-06", 19*3600 + 19*60 + 20},
		{"Oct 6, 2022, 1:00:00 AM", true, ny, "2022-10-05", 21 * 3600},
		{"Oct 6, 2022, 11:19:20 PM", true, nil, "2022-10-06", 23*3600 + 19*60 + 20},
		{"24 Dec 2020, 08:13:59", true, nil, "2020-12-24", 8*3600 + 13*60 + 59},
		{"6 mei 2013 15:39:08", true, nil, "2013-05-06", 15*3600 + 39*60 + 8},
		{"21.07.2026, 15:09:27", true, nil, "2026-07-21", 15*3600 + 9*60 + 27},
		{"7/4/2020 15:36", false, nil, "2020-07-04", 15*3600 + 36*60},
		{"2026-03-04T16:59:40", false, nil, "2026-03-04", 16*3600 + 59*60 + 40},
		{"2019-01-24T22:39:08-06:00", false, nil, "2019-01-24", 22*3600 + 39*60 + 8},
	} {
		st, err := parseStamp(tc.in, tc.utc, tc.loc)
		if err != nil || st.date.String() != tc.want || st.sec != tc.sec {
			t.Errorf("parseStamp(%q) = %s %d, %v; want %s %d", tc.in, st.date, st.sec, err, tc.want, tc.sec)
		}
	}
}

// TestLayoutsDisjoint: a value one date layout writes reads as the same
// time under any other layout that accepts it, so a stampReader may try
// the layouts starting from the last one that worked.
func TestLayoutsDisjoint(t *testing.T) {
	var r stampReader // one reader for every value, in this order
	for _, ref := range []time.Time{
		time.Date(2026, 3, 4, 7, 8, 9, 0, time.UTC),
		time.Date(2019, 11, 24, 22, 39, 0, 500_000_000, time.FixedZone("", -6*3600)),
		time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC),
	} {
		for i, li := range dateLayouts {
			s := ref.Format(li)
			want, err := time.Parse(li, s)
			if err != nil {
				t.Fatalf("%s does not read its own %q: %v", li, s, err)
			}
			for j, lj := range dateLayouts {
				if got, err := time.Parse(lj, s); j != i && err == nil && !got.Equal(want) {
					t.Errorf("%q reads as %s under %s but %s under %s", s, want, li, got, lj)
				}
			}
			fresh, err1 := parseStamp(s, false, nil)
			again, err2 := r.read(s, false, nil)
			if fresh != again || err1 != nil || err2 != nil {
				t.Errorf("%q: reader %v %v, fresh %v %v", s, again, err2, fresh, err1)
			}
		}
	}
}

package parse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/workin/workin/metrics"
)

// realExports is the folder of real export files beside the project
// (never copied into it). Tests that read it skip when it is absent.
const realExports = "../../shared/exports"

// TestRealExports reads every real file: each is recognised and read with
// no error (strict mode), and the first rows match the values visible in
// the files.
func TestRealExports(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(realExports, "*", "*.csv"))
	if len(files) == 0 {
		t.Skip("no real exports at " + realExports)
	}
	M := metrics.Missing()
	workouts := map[string]struct {
		format string
		first  wantWorkout
	}{
		"activities_2026_103col_power_training_load.csv": {"Strava activities.csv", wantWorkout{"2026-05-13", "Virtual Ride", 9*3600 + 54*60 + 42, 3577, 32.8519, 152, 86, 139, M, 125, ""}},
		"activities_nl_72col_decimal_comma.csv":          {"Strava activities.csv", wantWorkout{"2017-06-23", "Run", 15*3600 + 52*60 + 12, 1451, 4.7315, M, M, M, M, M, ""}},
		"activities_2018_legacy_10col.csv":               {"Strava activities.csv", wantWorkout{"2014-09-12", "Ride", 16*3600 + 54*60 + 28, 9462, 43.0574, M, M, M, M, M, ""}},
		"Activities_en_2026_pool_swim_crlf.csv":          {"Garmin Connect Activities.csv", wantWorkout{"2026-04-17", "Pool Swim", 15*3600 + 24*60 + 47, 2600, 1.2, 151, M, M, M, M, ""}},
		"Activities_en_2026_running.csv":                 {"Garmin Connect Activities.csv", wantWorkout{"2026-04-23", "Running", 8*3600 + 4*60 + 14, 2293, 6.71, 150, M, M, M, M, ""}},
		"Activities_sv_2026_mixed.csv":                   {"Garmin Connect Activities.csv", wantWorkout{"2026-01-19", "Running", 18*3600 + 5*60 + 42, 2806, 7.34, 133, M, 346, M, 256, ""}},
		"Activities_da_2020_crlf.csv":                    {"Garmin Connect Activities.csv", wantWorkout{"2020-03-02", "Running", 15*3600 + 5*60 + 8, 2186, 6.29, 150, M, M, M, M, ""}},
		"activities.csv":                                 {"intervals.icu activities.csv", wantWorkout{"2026-03-04", "Ride", 16*3600 + 59*60 + 40, 2246, 17.98525, M, 24, 170, M, 145, ""}},
		"workouts.csv":                                   {"", wantWorkout{}},
		"srpe.csv":                                       {"PMSys srpe.csv", wantWorkout{"2019-11-05", "running", 22*3600 + 21*60 + 54, 1800, M, M, M, M, 7, M, ""}},
	}
	checkins := map[string]struct {
		format string
		first  wantCheckin
	}{
		"physiological_cycles.csv":  {"WHOOP physiological_cycles.csv", wantCheckin{"2024-06-24", 8.4, 10, M, M, M, M, 16, 77}},
		"oura_trends_2019_crlf.csv": {"Oura trends CSV", wantCheckin{"2019-01-25", 7.87, 8.56, M, M, M, M, 13, 63}},
		"Sleep_daily_en-US.csv":     {"Garmin Connect daily sleep report", wantCheckin{"2024-11-03", 8.15, 7.93, M, M, M, M, M, 55}},
		"wellness.csv":              {"", wantCheckin{}},
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(filepath.Base(filepath.Dir(path))+"/"+name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := ReadBytes(data, path, 0, Options{Athlete: "x"})
			if name == "Sleep_weekly_en-US_bom.csv" {
				if err == nil || !strings.Contains(err.Error(), "weekly sleep summary") {
					t.Errorf("the weekly summary should be refused with a reason, got %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if f.Used()+f.Planned.Len()+f.Dropped != f.Rows || f.Rows == 0 {
				t.Errorf("%d rows read, %d used, %d planned, %d left out by design", f.Rows, f.Used(), f.Planned.Len(), f.Dropped)
			}
			if w, ok := workouts[name]; ok && w.format != "" {
				if f.Format != w.format {
					t.Fatalf("format %q, want %q", f.Format, w.format)
				}
				x := f.Workouts.At(0)
				got := wantWorkout{x.Date.String(), x.Sport, x.StartSec, x.Duration, x.DistanceKm, x.AvgHR, x.TSS, x.NP, x.RPE, x.AvgPower, ""}
				want := w.first
				if got.date != want.date || got.sport != want.sport || got.start != want.start || !approx(got.duration, want.duration) ||
					!approx(got.km, want.km) || (metrics.Known(want.hr) && !approx(got.hr, want.hr)) || !approx(got.tss, want.tss) ||
					(metrics.Known(want.np) && !approx(got.np, want.np)) || (metrics.Known(want.power) && !approx(got.power, want.power)) {
					t.Errorf("first workout\n got %+v\nwant %+v", got, want)
				}
			}
			if c, ok := checkins[name]; ok && c.format != "" {
				if f.Format != c.format {
					t.Fatalf("format %q, want %q", f.Format, c.format)
				}
				x := f.Checkins.At(0)
				got := wantCheckin{x.Date.String(), x.SleepHours, x.SleepQuality, x.Soreness, x.Stress, x.Mood, x.Energy, x.HRV, x.RestingHR}
				if got.date != c.first.date || !approx(got.sleep, c.first.sleep) || !approx(got.hrv, c.first.hrv) || !approx(got.rhr, c.first.rhr) ||
					!approx(got.quality, c.first.quality) {
					t.Errorf("first check-in\n got %+v\nwant %+v", got, c.first)
				}
			}
		})
	}
}

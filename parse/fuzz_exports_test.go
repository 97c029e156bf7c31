package parse

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// fuzzExport fuzzes the rows of one export format: the header of a fixture
// stays fixed, so the fuzzer explores that format's converter rather than
// format detection. Its seed corpus is the fixture's own rows.
func fuzzExport(f *testing.F, fixture string) {
	data, err := os.ReadFile(filepath.Join("testdata", "exports", fixture))
	if err != nil {
		f.Fatal(err)
	}
	nl := bytes.IndexByte(data, '\n')
	header, rows := data[:nl+1], data[nl+1:]
	f.Add(rows, false)
	f.Add(rows, true)
	for _, line := range bytes.Split(rows, []byte("\n")) {
		f.Add(line, true)
	}
	f.Fuzz(func(t *testing.T, body []byte, lenient bool) {
		src := append(append([]byte(nil), header...), body...)
		file, err := ReadBytes(src, "f.csv", 0, Options{Lenient: lenient, Athlete: "x"})
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) || pe.File != "f.csv" {
				t.Fatalf("error without the file: %v", err)
			}
			if lenient && !pe.FileLevel {
				t.Fatalf("lenient mode stopped on a row: %v", err)
			}
			return
		}
		if lenient && file.Rows != file.Used()+file.Planned.Len()+len(file.Skipped)+file.Dropped {
			t.Fatalf("rows %d != used %d + planned %d + skipped %d + dropped %d", file.Rows, file.Used(), file.Planned.Len(), len(file.Skipped), file.Dropped)
		}
		for _, w := range file.Workouts.All() {
			if w.Duration < 0 {
				t.Fatalf("negative duration %v", w.Duration)
			}
		}
	})
}

func FuzzStrava(f *testing.F)            { fuzzExport(f, "strava_2026.csv") }
func FuzzStravaLegacy(f *testing.F)      { fuzzExport(f, "strava_2018.csv") }
func FuzzGarmin(f *testing.F)            { fuzzExport(f, "garmin_running.csv") }
func FuzzIntervals(f *testing.F)         { fuzzExport(f, "intervals_activities.csv") }
func FuzzTrainingPeaks(f *testing.F)     { fuzzExport(f, "trainingpeaks.csv") }
func FuzzWhoopWorkouts(f *testing.F)     { fuzzExport(f, "whoop_workouts.csv") }
func FuzzPMSysSRPE(f *testing.F)         { fuzzExport(f, "pmsys_srpe.csv") }
func FuzzIntervalsWellness(f *testing.F) { fuzzExport(f, "intervals_wellness.csv") }
func FuzzWhoopCycles(f *testing.F)       { fuzzExport(f, "whoop_cycles.csv") }
func FuzzWhoopSleeps(f *testing.F)       { fuzzExport(f, "whoop_sleeps.csv") }
func FuzzOura(f *testing.F)              { fuzzExport(f, "oura_2019.csv") }
func FuzzGarminSleep(f *testing.F)       { fuzzExport(f, "garmin_sleep.csv") }
func FuzzPMSysWellness(f *testing.F)     { fuzzExport(f, "pmsys_wellness.csv") }

// FuzzDetect fuzzes whole files, header included: detection must never
// panic and every error must name the file.
func FuzzDetect(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "exports", "*.csv"))
	for _, p := range files {
		data, _ := os.ReadFile(p)
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := ReadBytes(data, "d.csv", 0, Options{Lenient: true, Athlete: "x"})
		var pe *Error
		if err != nil && (!errors.As(err, &pe) || pe.File != "d.csv") {
			t.Fatalf("error without the file: %v", err)
		}
	})
}

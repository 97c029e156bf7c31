package parse

import (
	"strings"
	"testing"

	"github.com/workin/workin/metrics"
)

// TestTrainingPeaksPlanned: a TrainingPeaks row with a PlannedDuration and
// no actuals is a planned session (File.Planned), never a done one: not in
// Workouts, Used, or the file's dates; a row with neither is left out by
// design.
func TestTrainingPeaksPlanned(t *testing.T) {
	f := readFixture(t, "trainingpeaks.csv", Options{})
	if f.Planned.Len() != 1 || f.Workouts.Len() != 1 || f.Used() != 1 || f.Rows != 3 {
		t.Fatalf("planned %d, workouts %d, used %d of %d rows; want 1, 1, 1 of 3", f.Planned.Len(), f.Workouts.Len(), f.Used(), f.Rows)
	}
	w := f.Planned.At(0)
	if !w.Planned || w.Date != metrics.MustDate("2026-02-02") || w.Sport != "Swim" || w.Duration != 3600 || w.Line != 3 ||
		w.Athlete != "x" || w.Origin == nil || w.Origin.Format != "trainingpeaks" || metrics.Known(w.TSS) || w.Notes != "Planned swim" {
		t.Errorf("planned row %+v", w)
	}
	if d := f.Workouts.At(0); d.Planned {
		t.Errorf("the done run is marked planned: %+v", d)
	}
	if f.Last != metrics.MustDate("2026-02-01") {
		t.Errorf("last date %s: a planned row is not data of its day", f.Last)
	}
	if !strings.Contains(strings.Join(f.Notes, "|"), "1 planned workout without actuals: read as planned sessions") {
		t.Errorf("notes %q: want the planned rows named", f.Notes)
	}
	if rows := f.Describe()[2][1]; rows != "3 read, 1 used, 1 planned, 1 left out by design, 0 skipped" {
		t.Errorf("rows %q", rows)
	}

	header := `"Title","WorkoutType","WorkoutDescription","PlannedDuration","PlannedDistanceInMeters","WorkoutDay","DistanceInMeters","TimeTotalInHours","HeartRateAverage","TSS","Rpe"` + "\n"
	src := header +
		`"Tempo","Run","","1.25","15000","2026-03-10","","","","",""` + "\n" + // planned, with its distance
		`"Empty","Bike","","","","2026-03-11","","","","",""` + "\n" + // neither actuals nor a plan
		`"Bad","Run","","soon","","2026-03-12","","","","",""` + "\n" + // a planned duration that is not a number
		`"Done","Run","","1","","2026-03-09","10000","0.9","150","61",""` + "\n"
	if _, err := ReadBytes([]byte(src), "tp.csv", 0, Options{Athlete: "x"}); err == nil || !strings.Contains(err.Error(), "tp.csv:4") || !strings.Contains(err.Error(), "PlannedDuration") {
		t.Errorf("strict: %v, want the bad planned duration at line 4", err)
	}
	f, err := ReadBytes([]byte(src), "tp.csv", 0, Options{Athlete: "x", Lenient: true})
	if err != nil {
		t.Fatal(err)
	}
	if f.Planned.Len() != 1 || f.Workouts.Len() != 1 || f.Dropped != 1 || len(f.Skipped) != 1 || f.Skipped[0].Line != 4 {
		t.Fatalf("planned %d, workouts %d, dropped %d, skipped %+v", f.Planned.Len(), f.Workouts.Len(), f.Dropped, f.Skipped)
	}
	if w := f.Planned.At(0); w.Duration != 4500 || !approx(w.DistanceKm, 15) || w.Date != metrics.MustDate("2026-03-10") || w.Line != 2 {
		t.Errorf("planned run %+v, want 75 min, 15 km, on 2026-03-10", w)
	}
	if g := f.Planned.ByAthlete(); len(g) != 1 || g[0].Athlete != "x" || len(g[0].Rows) != 1 {
		t.Errorf("planned groups %+v", g)
	}
}

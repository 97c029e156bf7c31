package parse_test

import (
	"fmt"
	"strings"

	"github.com/workin/workin/parse"
)

// A team sheet: headers in any case and order, durations as H:MM:SS, MM:SS
// or minutes. Bad rows stop the read with the file, line and column.
func ExampleReadWorkouts() {
	sheet := "Date,Athlete,Sport,Duration,RPE,Notes\n" +
		"2026-03-02,ana,Run,0:45:00,4,easy\n" +
		"2026-03-02,ben,ride,90,6,\n" +
		"2026-03-03,ana,strength,40:00,7,\"squats, lunges\"\n"
	f, err := parse.ReadWorkouts(strings.NewReader(sheet), "team.csv", parse.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i := range f.Workouts.Len() {
		w := f.Workouts.At(i)
		fmt.Printf("line %d: %s %s %-8s %4.0f min RPE %g %q\n", w.Line, w.Date, w.Athlete, w.Sport, w.Duration/60, w.RPE, w.Notes)
	}
	for _, g := range f.Workouts.ByAthlete() {
		fmt.Printf("%s: rows %v, last on %s\n", g.Athlete, g.Rows, g.Last)
	}

	_, err = parse.ReadWorkouts(strings.NewReader("date,duration,rpe\n2026-03-02,45,eleven\n"), "bad.csv", parse.Options{})
	fmt.Println(err)
	// Output:
	// line 2: 2026-03-02 ana Run        45 min RPE 4 "easy"
	// line 3: 2026-03-02 ben ride       90 min RPE 6 ""
	// line 4: 2026-03-03 ana strength   40 min RPE 7 "squats, lunges"
	// ana: rows [0 2], last on 2026-03-03
	// ben: rows [1], last on 2026-03-02
	// bad.csv:2: column "rpe": want a plain decimal number such as 7 or 7.5, got "eleven"
}

// Read recognises an export from its header; here a WHOOP sleeps export,
// read as check-ins.
func ExampleRead() {
	export := "Cycle start time,Cycle end time,Cycle timezone,Sleep onset,Wake onset,Sleep performance %,Respiratory rate (rpm),Asleep duration (min),In bed duration (min),Light sleep duration (min),Deep (SWS) duration (min),REM duration (min),Awake duration (min),Sleep need (min),Sleep debt (min),Sleep efficiency %,Sleep consistency %,Nap\n" +
		"2026-03-02 22:41:00,2026-03-03 22:10:00,UTC+01:00,2026-03-02 23:02:00,2026-03-03 06:51:00,88,15.2,441,469,221,98,122,28,480,20,94,81,false\n"
	f, err := parse.Read(strings.NewReader(export), "sleeps.csv", parse.KindCheckins, parse.Options{Athlete: "ana"})
	if err != nil {
		fmt.Println(err)
		return
	}
	c := f.Checkins.At(0)
	fmt.Printf("%s: %s for %s on %s, %.2f h asleep\n", f.Name, f.Format, c.Athlete, c.Date, c.SleepHours)
	// Output:
	// sleeps.csv: WHOOP sleeps.csv for ana on 2026-03-03, 7.35 h asleep
}

package parse

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/gocarina/gocsv"

	"github.com/workin/workin/metrics"
)

// bigSheet writes n rows with quoted multi-line notes every so often, so
// chunk boundaries land near quotes.
func bigSheet(n int, bad int) []byte {
	var b bytes.Buffer
	b.WriteString("date,athlete,sport,duration,rpe,avg_hr,notes\n")
	for i := 0; i < n; i++ {
		rpe := fmt.Sprint(i % 10)
		if i == bad {
			rpe = "eleven"
		}
		notes := "plain"
		if i%7 == 0 {
			notes = "\"multi\nline, with \"\"quotes\"\"\""
		}
		fmt.Fprintf(&b, "2025-%02d-%02d,a%d,run,%d:00,%s,%d,%s\n", i%12+1, i%28+1, i%50, 20+i%60, rpe, 120+i%40, notes)
	}
	return b.Bytes()
}

func TestParallelChunksMatchSequential(t *testing.T) {
	data := bigSheet(60000, -1)
	if len(data) < 2*parallelMin {
		t.Fatalf("sheet too small to be split: %d bytes", len(data))
	}
	tb, err := newTable("big.csv", data)
	if err != nil {
		t.Fatal(err)
	}
	if cs := tb.chunks(4); len(cs) < 2 {
		t.Fatalf("got %d chunks, want several", len(cs))
	}
	par, err := ReadWorkoutsBytes(data, "big.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Sequential: one chunk.
	seq := readSequential(t, data)
	ws := par.Workouts.All()
	for i := range ws {
		ws[i].Origin = nil // the two reads have their own origin
	}
	for i := range seq {
		w := seq[i].(metrics.Workout)
		w.Origin = nil
		seq[i] = w
	}
	if par.Workouts.Len() != 60000 || fmt.Sprint(ws) != fmt.Sprint(seq) {
		t.Fatalf("parallel read differs from sequential (%d vs %d rows)", par.Workouts.Len(), len(seq))
	}
	// The first error in the file is the one reported, with its physical line.
	_, err = ReadWorkoutsBytes(bigSheet(60000, 45000), "big.csv", Options{})
	want := fmt.Sprintf("big.csv:%d: column \"rpe\"", physicalLine(45000))
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error = %v, want prefix %s", err, want)
	}
}

// physicalLine is the line of data row i in bigSheet: the header, then one
// line per row plus one more for every multi-line note before it.
func physicalLine(i int) int { return 2 + i + (i+6)/7 }

func readSequential(t *testing.T, data []byte) []any {
	t.Helper()
	tb, _ := newTable("big.csv", data)
	b, _ := bind("big.csv", tb.header, workoutColumns)
	conv := newWorkoutConverter(&metrics.Origin{File: "big.csv", Format: "native", TSSLabel: "tss"}, true, "")
	var out []any
	var notes []string
	err := tb.eachRecord(chunk{data: tb.body, line: tb.bodyLine}, func(rec []string, line int) error {
		var r nativeWorkout
		if _, err := b.fill(&r, rec, false); err != nil {
			return err
		}
		w, re := conv.convert(&r, line, &notes)
		if re != nil {
			return re.err
		}
		out = append(out, w)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestBinderAgreesWithGocsv decodes the same sheet with gocsv (the reference
// decoder, driven by the struct tags) and with workin's column binder.
func TestBinderAgreesWithGocsv(t *testing.T) {
	for i, c := range workoutColumns {
		if tag := reflect.TypeOf(nativeWorkout{}).Field(i).Tag.Get("csv"); tag != c.name {
			t.Errorf("workout column %d: binder %q, struct tag %q", i, c.name, tag)
		}
	}
	for i, c := range checkinColumns {
		if tag := reflect.TypeOf(nativeCheckin{}).Field(i).Tag.Get("csv"); tag != c.name {
			t.Errorf("check-in column %d: binder %q, struct tag %q", i, c.name, tag)
		}
	}
	src := "date,start,athlete,sport,duration,distance_km,rpe,avg_hr,max_hr,avg_power,np,tss,trimp,notes\n" +
		"2025-03-03,,ana,run,0:45:00,9.2,4,142,170,,,,,easy\n" +
		",2025-03-04 06:30,ana,ride,90,42.5,7,151,,210,230,95,,\"a, b\"\n" +
		"2025-03-05,,ben,swim,1:30,,,,,,,,88.5,\n"
	var viaGocsv []nativeWorkout
	if err := gocsv.UnmarshalString(src, &viaGocsv); err != nil {
		t.Fatal(err)
	}
	tb, _ := newTable("x.csv", []byte(src))
	b, _ := bind("x.csv", tb.header, workoutColumns)
	var viaBinder []nativeWorkout
	tb.eachRecord(chunk{data: tb.body, line: tb.bodyLine}, func(rec []string, _ int) error {
		var r nativeWorkout
		_, err := b.fill(&r, rec, false)
		viaBinder = append(viaBinder, r)
		return err
	})
	if !reflect.DeepEqual(viaGocsv, viaBinder) {
		t.Errorf("gocsv and binder disagree:\n%+v\n%+v", viaGocsv, viaBinder)
	}
}

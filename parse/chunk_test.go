package parse

import (
	"bytes"
	"fmt"
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

// readSequential is the reference read: gocsv decodes the whole file
// through encoding/csv in one call, and each row is converted with its
// physical line.
func readSequential(t *testing.T, data []byte) []any {
	t.Helper()
	var all []nativeWorkout
	if err := gocsv.UnmarshalBytes(data, &all); err != nil {
		t.Fatal(err)
	}
	conv := newWorkoutConverter(&metrics.Origin{File: "big.csv", Format: "native", TSSLabel: "tss"}, true, "")
	var out []any
	var notes []string
	for i := range all {
		w, re := conv.convert(&all[i], physicalLine(i), &notes)
		if re != nil {
			t.Fatal(re.err)
		}
		out = append(out, w)
	}
	return out
}

// TestBatchesResumeAfterBadCells: bad cells anywhere in a batch (first,
// last, consecutive) are reported at their lines in lenient mode, and every
// other row is bound as gocsv binds the clean file.
func TestBatchesResumeAfterBadCells(t *testing.T) {
	n := 3*batchSize + 7
	bad := map[int]bool{0: true, 1: true, batchSize - 1: true, batchSize: true, 2*batchSize + 3: true, n - 1: true}
	var src, clean strings.Builder
	src.WriteString("date,athlete,rpe,duration\n")
	clean.WriteString("date,athlete,rpe,duration\n")
	for i := range n {
		rpe := fmt.Sprint(i % 10)
		clean.WriteString(fmt.Sprintf("2025-03-%02d,a%d,%s,45\n", i%28+1, i, rpe))
		if bad[i] {
			rpe = "x" + rpe
		}
		src.WriteString(fmt.Sprintf("2025-03-%02d,a%d,%s,45\n", i%28+1, i, rpe))
	}
	f, err := ReadWorkoutsBytes([]byte(src.String()), "x.csv", Options{Lenient: true})
	if err != nil {
		t.Fatal(err)
	}
	var skipped []int
	for _, sk := range f.Skipped {
		skipped = append(skipped, sk.Line-2)
		if sk.Column != "rpe" || !strings.Contains(sk.Reason, `got "x`) {
			t.Errorf("skip %+v: want column rpe quoting the cell", sk)
		}
	}
	var want []int
	for i := range n {
		if bad[i] {
			want = append(want, i)
		}
	}
	if fmt.Sprint(skipped) != fmt.Sprint(want) {
		t.Errorf("skipped rows %v, want %v", skipped, want)
	}
	var ref []nativeWorkout
	if err := gocsv.UnmarshalString(clean.String(), &ref); err != nil {
		t.Fatal(err)
	}
	got := f.Workouts.All()
	k := 0
	for i := range n {
		if bad[i] {
			continue
		}
		if got[k].Athlete != ref[i].Athlete || got[k].RPE != ref[i].RPE.V || got[k].Line != int32(i+2) {
			t.Fatalf("row %d: got %+v, want %+v at line %d", i, got[k], ref[i], i+2)
		}
		k++
	}
	if k != len(got) {
		t.Errorf("%d rows kept, want %d", len(got), k)
	}
}

// TestDecimalCommaQuotedAsWritten: a semicolon file's decimal commas are
// read, and a bad cell is quoted as the file wrote it.
func TestDecimalCommaQuotedAsWritten(t *testing.T) {
	src := "date;rpe;duration;distance_km\n2025-03-03;7,5;37,5;10,2\n2025-03-04;6,x;45;1\n"
	f, err := ReadWorkoutsBytes([]byte(src), "x.csv", Options{Lenient: true})
	if err != nil {
		t.Fatal(err)
	}
	w := f.Workouts.At(0)
	if w.RPE != 7.5 || w.Duration != 37.5*60 || w.DistanceKm != 10.2 {
		t.Errorf("got rpe %v duration %v distance %v", w.RPE, w.Duration, w.DistanceKm)
	}
	if len(f.Skipped) != 1 || !strings.Contains(f.Skipped[0].Reason, `got "6,x"`) {
		t.Errorf("skipped %+v, want the cell quoted as 6,x", f.Skipped)
	}
}

// TestExportRowHoldsEverySpecField: every field a spec reads is a field of
// exportRow, so gocsv binds it.
func TestExportRowHoldsEverySpecField(t *testing.T) {
	for _, s := range specs {
		for _, c := range s.cols {
			if _, ok := exportSlots[c.field]; !ok {
				t.Errorf("spec %s: field %q has no exportRow field tagged csv:%q", s.name, c.field, c.field)
			}
		}
	}
}

// TestRowHooksMatchTags: the row types' gocsv row hooks
// (UnmarshalCSVWithFields) set every tagged field as gocsv's own
// tag-driven binding does, so no column can be forgotten in a hook.
func TestRowHooksMatchTags(t *testing.T) {
	type plainWorkout nativeWorkout // same fields, no hook: gocsv binds by tags
	type plainCheckin nativeCheckin
	workouts := "date,start,athlete,sport,duration,distance_km,rpe,avg_hr,max_hr,avg_power,np,tss,trimp,notes\n" +
		"2025-03-03,2025-03-03 06:30,ana,run,0:45:00,9.2,4,142,170,201,230,95,88.5,\"a, b\"\n"
	checkins := "date,athlete,sleep_hours,sleep_quality,soreness,stress,mood,energy,hrv,resting_hr,notes\n" +
		"2025-03-03,ana,7.5,6,3,4,7,8,61,48,ok\n"
	var pw []plainWorkout
	var pc []plainCheckin
	if err := gocsv.UnmarshalString(workouts, &pw); err != nil {
		t.Fatal(err)
	}
	if err := gocsv.UnmarshalString(checkins, &pc); err != nil {
		t.Fatal(err)
	}
	var hw []nativeWorkout
	var hc []nativeCheckin
	if err := gocsv.UnmarshalString(workouts, &hw); err != nil {
		t.Fatal(err)
	}
	if err := gocsv.UnmarshalString(checkins, &hc); err != nil {
		t.Fatal(err)
	}
	if tags, _ := tagsOf(nativeWorkout{}); len(tags) != strings.Count(strings.SplitN(workouts, "\n", 2)[0], ",")+1 {
		t.Fatalf("the test sheet must name every workout tag: %v", tags)
	}
	if tags, _ := tagsOf(nativeCheckin{}); len(tags) != strings.Count(strings.SplitN(checkins, "\n", 2)[0], ",")+1 {
		t.Fatalf("the test sheet must name every check-in tag: %v", tags)
	}
	if nativeWorkout(pw[0]) != hw[0] {
		t.Errorf("workout hook differs from tag binding:\n hook %+v\n tags %+v", hw[0], pw[0])
	}
	if nativeCheckin(pc[0]) != hc[0] {
		t.Errorf("check-in hook differs from tag binding:\n hook %+v\n tags %+v", hc[0], pc[0])
	}
	var zero nativeWorkout
	if hw[0].Start == zero.Start || hw[0].TRIMP == zero.TRIMP {
		t.Error("the sheet did not set every field")
	}
}

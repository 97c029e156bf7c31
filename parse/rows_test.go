package parse

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/workin/workin/metrics"
)

// TestByAthlete: rows group by athlete in order of first row, across the
// chunks of a file read in parallel, each group in file order with the
// date of its latest row.
func TestByAthlete(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("date,athlete,rpe,duration,notes\n")
	const n = 90000
	for i := 0; i < n; i++ {
		who := fmt.Sprintf("a%d", i%3)
		if i%1000 == 999 {
			who = "late" // first appears on row 999
		}
		fmt.Fprintf(&b, "2025-%02d-%02d,%s,5,45,n%d\n", 1+i%12, 1+i%28, who, i)
	}
	if b.Len() < 2*parallelMin {
		t.Fatalf("sheet too small to be split: %d bytes", b.Len())
	}
	f, err := ReadWorkoutsBytes(b.Bytes(), "w.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	groups := f.Workouts.ByAthlete()
	var names []string
	total := 0
	for _, g := range groups {
		names = append(names, g.Athlete)
		total += len(g.Rows)
		last := metrics.NoDate
		for k, i := range g.Rows {
			w := f.Workouts.At(int(i))
			if w.Athlete != g.Athlete || k > 0 && i <= g.Rows[k-1] {
				t.Fatalf("group %s: row %d is %s or out of order", g.Athlete, i, w.Athlete)
			}
			last = max(last, w.Date)
		}
		if g.Last != last {
			t.Errorf("group %s: last %s, want %s", g.Athlete, g.Last, last)
		}
	}
	if fmt.Sprint(names) != "[a0 a1 a2 late]" || total != n || len(groups[3].Rows) != n/1000 {
		t.Errorf("groups %v with %d rows (late: %d)", names, total, len(groups[3].Rows))
	}
}

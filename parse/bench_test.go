package parse

import (
	"bytes"
	"encoding/csv"
	"io"
	"testing"

	"github.com/workin/workin/internal/synth"
)

// Benchmarks read generated sheets: one athlete for a year, and 100
// athletes for two years (a club's season archive). Rows/s and MB/s are
// reported; compare with BenchmarkBareCSV, encoding/csv alone over the
// same bytes.
var sizes = []struct {
	name           string
	athletes, days int
}{{"1x1y", 1, 365}, {"100x2y", 100, 730}}

func BenchmarkReadWorkouts(b *testing.B) {
	for _, s := range sizes {
		data := synth.Workouts(s.athletes, s.days)
		b.Run(s.name, func(b *testing.B) {
			benchRead(b, data, ReadWorkoutsBytes)
		})
	}
}

func BenchmarkReadCheckins(b *testing.B) {
	for _, s := range sizes {
		data := synth.Checkins(s.athletes, s.days)
		b.Run(s.name, func(b *testing.B) {
			benchRead(b, data, ReadCheckinsBytes)
		})
	}
}

func benchRead(b *testing.B, data []byte, read func([]byte, string, Options) (*File, error)) {
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	rows := 0
	for b.Loop() {
		f, err := read(data, "bench.csv", Options{})
		if err != nil {
			b.Fatal(err)
		}
		rows = f.Rows
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkBareCSV is the floor: encoding/csv reading the same bytes and
// doing nothing with them.
func BenchmarkBareCSV(b *testing.B) {
	for _, s := range sizes {
		data := synth.Workouts(s.athletes, s.days)
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				r := csv.NewReader(bytes.NewReader(data))
				r.ReuseRecord = true
				for {
					if _, err := r.Read(); err == io.EOF {
						break
					}
				}
			}
		})
	}
}

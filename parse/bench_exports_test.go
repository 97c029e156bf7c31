package parse

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkExports reads each export fixture with its rows repeated to
// about 5,000, and reports rows/s and allocations per parser.
func BenchmarkExports(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("testdata", "exports", "*.csv"))
	for _, p := range files {
		data, _ := os.ReadFile(p)
		nl := bytes.IndexByte(data, '\n')
		header, rows := data[:nl+1], data[nl+1:]
		n := max(1, bytes.Count(rows, []byte("\n")))
		big := append([]byte(nil), header...)
		for len(big) < 5000/n*len(rows)+len(header) {
			big = append(big, rows...)
		}
		name := strings.TrimSuffix(filepath.Base(p), ".csv")
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(big)))
			read := 0
			for b.Loop() {
				f, err := ReadBytes(big, name, 0, Options{Athlete: "x"})
				if err != nil {
					b.Fatal(err)
				}
				read = f.Rows
			}
			b.ReportMetric(float64(read)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

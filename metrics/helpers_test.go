package metrics

import (
	"math"
	"testing"
)

// near reports whether got is within tol of want, treating two Missing
// values as equal.
func near(got, want, tol float64) bool {
	if !Known(want) {
		return !Known(got)
	}
	return math.Abs(got-want) <= tol
}

func checkNear(t *testing.T, name string, got, want, tol float64) {
	t.Helper()
	if !near(got, want, tol) {
		t.Errorf("%s = %.6f, want %.6f (±%g)", name, got, want, tol)
	}
}

// constant returns n days of load l.
func constant(n int, l float64) []float64 {
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = l
	}
	return xs
}

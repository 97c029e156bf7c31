package parse

import "testing"

func TestDropNote(t *testing.T) {
	for _, c := range []struct {
		n            int
		reason, want string
	}{
		{1, "cycles without a recorded sleep", "1 cycle without a recorded sleep"},
		{2, "cycles without a recorded sleep", "2 cycles without a recorded sleep"},
		{1, "naps (the main night counts)", "1 nap (the main night counts)"},
		{1, "planned workouts without actuals (they add no load)", "1 planned workout without actuals (they add no load)"},
		{1, "journal answers (private)", "1 journal answer (private)"},
		{1, "days without a ring night", "1 day without a ring night"},
	} {
		if got := dropNote(c.n, c.reason); got != c.want {
			t.Errorf("dropNote(%d, %q) = %q, want %q", c.n, c.reason, got, c.want)
		}
	}
}

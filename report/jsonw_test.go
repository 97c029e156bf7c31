package report

import (
	"math"
	"strconv"
	"testing"

	"github.com/workin/workin/metrics"
)

func TestAppendNum(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		d    int
		want string
	}{
		{91.87145557655955, 4, "91.8715"}, {2.5, 4, "2.5"}, {-0.00001, 4, "0"}, {-10.95935, 4, "-10.9594"},
		{100, 1, "100"}, {0.05, 1, "0.1"}, {1e20, 4, "100000000000000000000"}, {metrics.Missing(), 4, "null"},
		{math.Inf(1), 4, "null"}, {1.0 / 3, -1, "0.3333333333333333"},
	} {
		if got := string(appendNum(nil, tc.v, tc.d)); got != tc.want {
			t.Errorf("appendNum(%v, %d) = %s, want %s", tc.v, tc.d, got, tc.want)
		}
	}
	// The fast path agrees with strconv on the rounded value.
	for i := -20000; i <= 20000; i += 7 {
		v := float64(i) * 0.0123457
		want := strconv.FormatFloat(math.Round(v*1e4)/1e4, 'f', -1, 64)
		if want == "-0" {
			want = "0"
		}
		if got := string(appendNum(nil, v, 4)); got != want {
			t.Fatalf("appendNum(%v) = %s, strconv says %s", v, got, want)
		}
	}
}

func TestAppendString(t *testing.T) {
	for in, want := range map[string]string{
		"plain": `"plain"`, `a"b\c`: `"a\"b\\c"`, "</script>": `"\u003c/script\u003e"`, "a&b": `"a\u0026b"`,
		"line\nbreak\t": `"line\nbreak\t"`, "\x01": `"\u0001"`, "\u2028": `"\u2028"`, "bad\xffutf8": "\"bad\uFFFDutf8\"",
		"Løb": `"Løb"`,
	} {
		if got := string(appendString(nil, in)); got != want {
			t.Errorf("appendString(%q) = %s, want %s", in, got, want)
		}
	}
}

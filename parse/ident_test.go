package parse

import (
	"testing"
	"unicode/utf8"
)

// TestAppendNameKey: the fast path agrees with NameKey on every ASCII
// byte, on mixed text and on text it hands to NameKey.
func TestAppendNameKey(t *testing.T) {
	var all []byte
	for c := 0; c < utf8.RuneSelf; c++ {
		all = append(all, byte(c))
	}
	for _, s := range []string{
		"", string(all), "Ana", "ANA RUIZ", "athlete 126", "ben_okafor-2", " Cai ",
		"Ångström", "Straße", "ΣΊΣΥΦΟΣ", "e\u0301", "İstanbul", "ﬀ", "K\u212A", "\xff\xfe", "a\x00b",
	} {
		if got, want := string(AppendNameKey([]byte("x"), s)), "x"+NameKey(s); got != want {
			t.Errorf("AppendNameKey(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzAppendNameKey keeps the fast path equal to NameKey on any text.
func FuzzAppendNameKey(f *testing.F) {
	f.Add("Ana Ruiz")
	f.Add("Ångström")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(AppendNameKey(nil, s)), NameKey(s); got != want {
			t.Errorf("AppendNameKey(%q) = %q, want %q", s, got, want)
		}
	})
}

func BenchmarkNameKey(b *testing.B) {
	b.ReportAllocs()
	var buf [64]byte
	for range b.N {
		AppendNameKey(buf[:0], "Athlete 126")
	}
}

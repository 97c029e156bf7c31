package metrics

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{"2026-02-12", "2026-02-12", false},
		{"2024-02-29", "2024-02-29", false},
		{"2000-02-29", "2000-02-29", false},
		{"1900-02-29", "", true},
		{"2025-02-29", "", true},
		{"2025-13-01", "", true},
		{"2025-04-31", "", true},
		{"2025-1-01", "", true},
		{"25-01-01", "", true},
		{"2025/01/01", "", true},
		{"2025-01-0x", "", true},
		{"", "", true},
	}
	for _, tc := range tests {
		d, err := ParseDate(tc.in)
		if (err != nil) != tc.wantErr {
			t.Errorf("ParseDate(%q) error = %v, wantErr %v", tc.in, err, tc.wantErr)
			continue
		}
		if err == nil && d.String() != tc.want {
			t.Errorf("ParseDate(%q) = %s, want %s", tc.in, d, tc.want)
		}
	}
}

func TestDateAgreesWithTime(t *testing.T) {
	// Every day from 1901 to 2199 must round-trip and agree with package time.
	start := time.Date(1901, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 300*366; i += 3 {
		tm := start.AddDate(0, 0, i)
		d := DateOf(tm.Year(), tm.Month(), tm.Day())
		if got := int64(d); got != tm.Unix()/86400 {
			t.Fatalf("%s: days %d, want %d", tm.Format(time.DateOnly), got, tm.Unix()/86400)
		}
		if d.String() != tm.Format(time.DateOnly) || d.Weekday() != tm.Weekday() {
			t.Fatalf("%s: got %s %s", tm.Format(time.DateOnly), d, d.Weekday())
		}
	}
}

func TestWeekStart(t *testing.T) {
	thu := MustDate("2026-02-12")
	if got := thu.WeekStart(time.Monday).String(); got != "2026-02-09" {
		t.Errorf("Monday week of %s starts %s, want 2026-02-09", thu, got)
	}
	if got := thu.WeekStart(time.Sunday).String(); got != "2026-02-08" {
		t.Errorf("Sunday week of %s starts %s, want 2026-02-08", thu, got)
	}
	mon := MustDate("2026-02-09")
	if got := mon.WeekStart(time.Monday); got != mon {
		t.Errorf("a Monday starts its own week, got %s", got)
	}
	if got := thu.Long(); got != "Thu 12 Feb 2026" {
		t.Errorf("Long = %q", got)
	}
}

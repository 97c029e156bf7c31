package metrics

import (
	"fmt"
	"time"

	"github.com/workin/workin/internal/text"
)

// Date is a calendar day, counted in days since 1970-01-01. It carries no
// time zone: a session belongs to the day written in the athlete's own
// calendar, so workin never converts dates between zones.
type Date int32

// NoDate is the zero value of an unset date (it is 1970-01-01, which no
// training log reaches).
const NoDate Date = 0

// DateOf returns the Date for a year, month and day. The day must exist.
func DateOf(y int, m time.Month, d int) Date {
	return Date(daysFromCivil(y, int(m), d))
}

// ParseDate parses a strict YYYY-MM-DD day and rejects days that do not
// exist (2025-02-29) or are outside the years 1900–2200.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, fmt.Errorf("want a date as YYYY-MM-DD, got %q", text.Clip(s, 40))
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return 0, fmt.Errorf("want a date as YYYY-MM-DD, got %q", text.Clip(s, 40))
	}
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, fmt.Errorf("%q is not a real day", text.Clip(s, 40))
	}
	return Date(daysFromCivil(y, m, d)), nil
}

// MustDate is ParseDate for constants in tests and examples; it panics on a
// bad literal, so never call it on user input.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Civil returns the year, month and day.
func (d Date) Civil() (y int, m time.Month, day int) {
	yy, mm, dd := civilFromDays(int(d))
	return yy, time.Month(mm), dd
}

// String formats the day as YYYY-MM-DD.
func (d Date) String() string {
	var b [10]byte
	return string(d.Append(b[:0]))
}

// Append appends the YYYY-MM-DD form of d to b.
func (d Date) Append(b []byte) []byte {
	y, m, dd := civilFromDays(int(d))
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append(b, byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
	return b
}

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday {
	// 1970-01-01 was a Thursday.
	w := (int(d) + 4) % 7
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// AddDays returns the day n days later (earlier when n < 0).
func (d Date) AddDays(n int) Date { return d + Date(n) }

// WeekStart returns the first day of the week containing d, for weeks that
// begin on first (time.Monday for ISO 8601 weeks).
func (d Date) WeekStart(first time.Weekday) Date {
	back := (int(d.Weekday()) - int(first) + 7) % 7
	return d - Date(back)
}

// Long formats the day for people, as in "Thu 12 Feb 2026".
func (d Date) Long() string {
	y, m, dd := d.Civil()
	return fmt.Sprintf("%s %d %s %d", d.Weekday().String()[:3], dd, m.String()[:3], y)
}

// daysFromCivil and civilFromDays are Howard Hinnant's algorithms for the
// proleptic Gregorian calendar; they avoid time.Date on hot paths.
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func civilFromDays(z int) (y, m, d int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era = (z - 146096) / 146097
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, len(s) > 0
}

// Span formats the days from…to, joined by sep (" to " in prose, " – " in
// a table), or one day when they are the same.
func Span(from, to Date, sep string) string {
	if from == to {
		return from.String()
	}
	return from.String() + sep + to.String()
}

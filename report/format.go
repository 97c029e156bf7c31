package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/workin/workin/metrics"
)

// Display formats, as the report design asks: loads and the fitness model
// as integers, ratios with two decimals, monotony with one, a true minus
// sign, and "—" for a value that cannot be computed.

const dash = "—"

// fixed formats v with d decimals and a true minus sign; Missing is "—".
func fixed(v float64, d int) string {
	if !metrics.Known(v) {
		return dash
	}
	s := strconv.FormatFloat(v, 'f', d, 64)
	if s == "-0" || strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-")
	}
	return strings.Replace(s, "-", "−", 1)
}

// signed is fixed with an explicit plus sign on positive values.
func signed(v float64, d int) string {
	s := fixed(v, d)
	if metrics.Known(v) && s != dash && !strings.HasPrefix(s, "−") && strings.Trim(s, "0.") != "" {
		return "+" + s
	}
	return s
}

func lp(v float64) string    { return fixed(v, 0) }
func ratio(v float64) string { return fixed(v, 2) }

// hm formats seconds as H:MM or M min.
func hm(sec float64) string {
	if !metrics.Known(sec) {
		return dash
	}
	m := int(math.Round(sec / 60))
	if m < 60 {
		return fmt.Sprintf("%d min", m)
	}
	return fmt.Sprintf("%d:%02d h", m/60, m%60)
}

// plural returns "1 day" or "3 days".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// period formats a date range for people.
func period(from, to metrics.Date) string {
	days := int(to-from) + 1
	weeks := float64(days) / 7
	span := plural(days, "day", "days")
	if days >= 14 {
		span = fmt.Sprintf("%.0f weeks", math.Round(weeks))
	}
	return fmt.Sprintf("%s – %s (%s)", from.Long(), to.Long(), span)
}

// shortDate formats a day as "Mon 9 Feb".
func shortDate(d metrics.Date) string {
	_, m, day := d.Civil()
	return fmt.Sprintf("%s %d %s", d.Weekday().String()[:3], day, m.String()[:3])
}

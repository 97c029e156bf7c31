package report

import (
	"fmt"
	"math"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
)

// Display formats, as the report design asks: loads and the fitness model
// as integers, ratios with two decimals, monotony with one, a true minus
// sign, and "—" for a value that cannot be computed.

const dash = "—"

func lp(v float64) string    { return text.Fixed(v, 0) }
func ratio(v float64) string { return text.Fixed(v, 2) }

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

// period formats a date range for people.
func period(from, to metrics.Date) string {
	days := int(to-from) + 1
	weeks := float64(days) / 7
	span := text.Plural(days, "day", "days")
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

package report

import (
	"fmt"
	"math"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
)

// The words of each chart card: a title with today's value, how to read
// the chart, and the label a screen reader gives it. One function per
// chart spec (charts.go).

func readinessCard(a *metrics.Analysis) chartView {
	d := today(a)
	ready := "no check-in today"
	if metrics.Known(d.Readiness) {
		ready = "today " + text.Fixed(d.Readiness, 0) + "/100"
	}
	return chartView{Title: "Readiness · " + ready,
		Read: fmt.Sprintf("75 is your usual day and 50 clearly worse. Below %s the readiness-low rule holds; below %s readiness alone means rest. Underneath, the four parts it is made of.",
			text.Fixed(a.Params.ReadinessLow, 0), text.Fixed(a.Params.ReadinessRest, 0)),
		Aria: "Readiness over time; " + ready + "."}
}

func hrvCard(a *metrics.Analysis) chartView {
	d := today(a)
	hrv := "no HRV today"
	if metrics.Known(d.HRV7) {
		hrv = fmt.Sprintf("7-day mean %.0f ms", math.Exp(d.HRV7))
		if lo, hi := metrics.HRVRange(d.HRVRef, a.Params.HRVSWCSD); metrics.Known(lo) {
			v, l, h := text.ApartRange(math.Exp(d.HRV7), math.Exp(lo), math.Exp(hi))
			hrv = fmt.Sprintf("7-day mean %s ms, normal %s–%s ms", v, l, h)
		} else {
			hrv += fmt.Sprintf(", baseline forming (%d of %d days)", d.HRVRef.N, metrics.MinBaseline)
		}
	}
	return chartView{Title: "HRV · " + hrv,
		Read: "Single mornings are noisy; watch the blue 7-day line. Inside the shaded band is normal for you; higher is not automatically better. Three days below it is the hrv-low rule.",
		Aria: "Heart-rate variability; " + hrv + "."}
}

func rhrCard(a *metrics.Analysis) chartView {
	d := today(a)
	rhr := "no resting HR today"
	if metrics.Known(d.RestingHR) {
		rhr = "today " + text.Fixed(d.RestingHR, 0) + " bpm"
		if metrics.Known(d.RHRLimit) {
			rhr += ", usual " + text.Fixed(d.RHRRef.Mean, 0) + ", elevated from " + text.Fixed(d.RHRLimit, 0)
		} else {
			rhr += fmt.Sprintf(", baseline forming (%d of %d days)", d.RHRRef.N, metrics.MinBaseline)
		}
	}
	return chartView{Title: "Resting HR · " + rhr,
		Read: "Several mornings at or above the dotted line often mean fatigue, illness or poor sleep; three in a row is the rhr-high rule.",
		Aria: "Resting heart rate; " + rhr + "."}
}

func wellnessCard(a *metrics.Analysis) chartView {
	d := today(a)
	sleep := "no sleep recorded today"
	if metrics.Known(d.SleepHours) {
		sleep = "last night " + text.Fixed(d.SleepHours, 1) + " h"
	}
	return chartView{Title: "Sleep and check-ins · " + sleep,
		Read: "Bars are hours of sleep against the 7–9 h adult guideline. Below, each morning's check-in items: the stronger the shade, the worse for you (sore, stressed, low mood or energy, poor sleep); a strong column is a rough morning, a strong row a trend. An empty cell was not recorded.",
		Aria: "Sleep and check-in items; " + sleep + "."}
}

func dailyCard(a *metrics.Analysis) chartView {
	d := today(a)
	return chartView{Title: fmt.Sprintf("Daily load · today %s LP", lp(d.Load)),
		Read: "Each bar is a day's training load in load points (LP), coloured by sport; 100 LP is one hour at threshold. ▲ marks a day with a hard session.",
		Aria: fmt.Sprintf("Daily load by sport; today %s LP.", lp(d.Load))}
}

func weeklyCard(a *metrics.Analysis) chartView {
	wk := a.Weeks[len(a.Weeks)-1]
	return chartView{Title: fmt.Sprintf("Weekly load by sport · this week %s LP so far", lp(wk.Load)),
		Read: fmt.Sprintf("Bars under the dashed line are lighter weeks (at most %s %% of the three weeks before); one lighter week after every three or four loading weeks is usual.",
			text.Fixed(100*a.Params.DeloadRatio, 0)),
		Aria: fmt.Sprintf("Weekly load by sport; this week %s LP so far.", lp(wk.Load))}
}

func pmcCard(a *metrics.Analysis) chartView {
	d := today(a)
	return chartView{Title: fmt.Sprintf("Fitness %s · fatigue %s · form %s", lp(d.CTL), lp(d.ATL), text.Signed(d.CTL-d.ATL, 0)),
		Read: "Fitness is your 42-day load average and fatigue your 7-day one, not a fitness test. Form (bars) is fitness minus fatigue going into each day: below zero you carry fatigue, well above zero you are fresh.",
		Aria: fmt.Sprintf("Fitness %s, fatigue %s, form %s.", lp(d.CTL), lp(d.ATL), text.Signed(d.CTL-d.ATL, 0))}
}

func acwrCard(a *metrics.Analysis) chartView {
	rd, when := ratioDay(a)
	if when != "" {
		when = ", " + when
	}
	acwr := acwrStat(a).Note
	if metrics.Known(rd.ACWR) {
		acwr = fmt.Sprintf("%s (E7 %s / E28 %s LP/day%s)", ratio(rd.ACWR), lp(rd.Acute), lp(rd.Chronic), when)
	}
	return chartView{Title: "Acute:chronic " + acwr,
		Read: "Last week against your usual month: a spike signal, not an injury forecast. The shaded 0.8–1.3 range is commonly cited from team sports and disputed; the dashed line is the load-spike rule. Below, the two averages it divides.",
		Aria: "Acute:chronic workload ratio " + acwr + "."}
}

func monoCard(a *metrics.Analysis) chartView {
	rd, when := ratioDay(a)
	if when != "" {
		when = ", " + when
	}
	return chartView{Title: fmt.Sprintf("Monotony %s · strain %s%s", text.Fixed(rd.Monotony, 1), lp(rd.Strain), when),
		Read: "Monotony is high when every day looks alike; vary hard and easy days. Foster (1998) linked weeks of high strain (load × monotony, bars below) with illness.",
		Aria: fmt.Sprintf("Monotony %s, strain %s.", text.Fixed(rd.Monotony, 1), lp(rd.Strain))}
}

func calendarCard(*metrics.Analysis) chartView {
	return chartView{Title: "Calendar of training, rest and readiness",
		Read: "Top: each day's training, the stronger the shade the more load; rest days pale, rest days with a work-in purple. Bottom: readiness, the stronger the shade the lower; an empty cell is a day without a check-in.",
		Aria: "Calendar of daily training load and readiness."}
}

func timelineCard(*metrics.Analysis) chartView {
	return chartView{Title: "What was advised, and which rules held",
		Read: "The top row is the advice given for each next session, by shape and colour: ■ rest, ○ work-in, ◐ easy, ● go, ◇ unknown. Each row below is a rule, a stronger shade on alert days.",
		Aria: "Timeline of recommendations and rule firings."}
}

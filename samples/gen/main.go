// Command gen writes the demo team's native CSV sheets in samples/. The
// data are invented, from a fixed random seed, to tell three stories a
// coach recognises (samples/README.md). Run from the repository root:
//
//	go run ./samples/gen
//
// It writes samples/workouts.csv, samples/checkins.csv and samples/plan.csv;
// the output is the same on every run.
package main

import (
	"cmp"
	"fmt"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"time"

	"github.com/gocarina/gocsv"

	"github.com/workin/workin/metrics"
)

// The demo covers 20 weeks, Monday 13 July to Monday 30 November 2026.
var (
	first = metrics.DateOf(2026, time.July, 13)
	last  = metrics.DateOf(2026, time.November, 30)
)

// workoutRow is one row of the native workouts sheet. Cells are strings so
// that an unrecorded value stays an empty cell.
type workoutRow struct {
	Date       string `csv:"date"`
	Athlete    string `csv:"athlete"`
	Sport      string `csv:"sport"`
	Duration   string `csv:"duration"`
	DistanceKm string `csv:"distance_km"`
	RPE        string `csv:"rpe"`
	AvgHR      string `csv:"avg_hr"`
	MaxHR      string `csv:"max_hr"`
	AvgPower   string `csv:"avg_power"`
	NP         string `csv:"np"`
	TSS        string `csv:"tss"`
	Notes      string `csv:"notes"`
}

// checkinRow is one row of the native check-ins sheet.
type checkinRow struct {
	Date         string `csv:"date"`
	Athlete      string `csv:"athlete"`
	SleepHours   string `csv:"sleep_hours"`
	SleepQuality string `csv:"sleep_quality"`
	Soreness     string `csv:"soreness"`
	Stress       string `csv:"stress"`
	Mood         string `csv:"mood"`
	Energy       string `csv:"energy"`
	HRV          string `csv:"hrv"`
	RestingHR    string `csv:"resting_hr"`
	Notes        string `csv:"notes"`
}

type gen struct {
	rng      *rand.Rand
	rows     []workoutRow
	checkins []checkinRow
}

func main() {
	g := &gen{rng: rand.New(rand.NewPCG(2026, 7))}
	g.ana()
	g.ben()
	g.cai()
	g.anaMornings()
	g.benMornings()
	g.caiMornings()
	// A team sheet is filled in day by day.
	slices.SortStableFunc(g.rows, func(a, b workoutRow) int { return cmp.Compare(a.Date, b.Date) })
	slices.SortStableFunc(g.checkins, func(a, b checkinRow) int { return cmp.Compare(a.Date, b.Date) })
	if err := writeCSV("samples/workouts.csv", &g.rows); err != nil {
		log.Fatal(err)
	}
	if err := writeCSV("samples/checkins.csv", &g.checkins); err != nil {
		log.Fatal(err)
	}
	plan := planWeek()
	if err := writeCSV("samples/plan.csv", &plan); err != nil {
		log.Fatal(err)
	}
}

// planWeek is the week after the demo's last day, as two athletes plan
// it (the plan sheet: the workouts sheet's columns, targets instead of
// measurements). Ana's is her usual loading week after a lighter one:
// nothing in it trips a warning. Ben, already needing rest, plans to ride
// on: no rest day all week and hard sessions on consecutive days, so the
// plan trips no-rest-day and hard-days-close. Cai has no plan. No random
// draws: the other sheets stay as they are.
func planWeek() []workoutRow {
	var rows []workoutRow
	add := func(day int, athlete, sport, min, rpe, hr, np, notes string) {
		rows = append(rows, workoutRow{Date: last.AddDays(day).String(), Athlete: athlete, Sport: sport,
			Duration: min, RPE: rpe, AvgHR: hr, NP: np, Notes: notes})
	}
	// Ana plans by heart rate (her runs' loads come from heart rate too).
	add(1, "ana", "run", "0:50:00", "7", "163", "", "tempo 3 × 10 min")
	add(2, "ana", "run", "0:45:00", "3", "141", "", "easy")
	add(3, "ana", "strength", "40", "6", "", "", "squat, lunge, calf raises")
	add(4, "ana", "yoga", "30", "2", "", "", "evening flow")
	add(5, "ana", "run", "0:40:00", "4", "145", "", "easy + strides")
	add(6, "ana", "run", "1:45:00", "5", "148", "", "long run")
	// Ben plans by power.
	add(1, "ben", "ride", "1:20:00", "8", "", "240", "threshold 3 × 12")
	add(2, "ben", "ride", "3:00:00", "5", "", "195", "endurance")
	add(3, "ben", "ride", "1:15:00", "8", "", "252", "VO2 5 × 4")
	add(4, "ben", "ride", "1:30:00", "7", "", "235", "tempo")
	add(5, "ben", "ride", "4:00:00", "7", "", "205", "group ride")
	add(6, "ben", "ride", "4:30:00", "6", "", "200", "long ride")
	add(7, "ben", "ride", "2:00:00", "5", "", "190", "endurance")
	return rows
}

// morning is one day's check-in before rounding; Missing fields stay empty.
type morning struct {
	sleep, quality, soreness, stress, mood, energy, hrv, rhr float64
	notes                                                    string
}

func (g *gen) morning(d metrics.Date, athlete string, m morning) {
	cell := func(x float64, f func(float64) string) string {
		if !metrics.Known(x) {
			return ""
		}
		return f(x)
	}
	scale := func(x float64) string { return f0(math.Max(1, math.Min(10, math.Round(x)))) }
	g.checkins = append(g.checkins, checkinRow{Date: d.String(), Athlete: athlete,
		SleepHours:   cell(m.sleep, func(x float64) string { return f1(math.Round(x*4) / 4) }),
		SleepQuality: cell(m.quality, scale), Soreness: cell(m.soreness, scale), Stress: cell(m.stress, scale),
		Mood: cell(m.mood, scale), Energy: cell(m.energy, scale), HRV: cell(m.hrv, f0), RestingHR: cell(m.rhr, f0), Notes: m.notes})
}

// noise returns a value around 0 with the given spread.
func (g *gen) noise(spread float64) float64 { return spread * (2*g.rng.Float64() - 1) }

// anaMornings: a well-recovered runner. HRV around 66 ms, resting HR 46,
// good sleep; one bad night before a work trip; a few mornings missed.
func (g *gen) anaMornings() {
	for d := first; d <= last; d++ {
		i := int(d - first)
		if g.rng.IntN(14) == 0 {
			continue // forgot to check in
		}
		m := morning{sleep: 7.6 + g.noise(0.6), quality: 7 + g.noise(1.2), soreness: 3 + g.noise(1.2), stress: 3.5 + g.noise(1.2),
			mood: 7 + g.noise(1), energy: 7 + g.noise(1), hrv: 66 * math.Exp(g.noise(0.09)), rhr: 46 + g.noise(1.8)}
		if d.Weekday() == time.Monday {
			m.soreness += 1 // the long run was yesterday
		}
		if i == 93 {
			m.sleep, m.quality, m.stress, m.notes = 4.5, 3, 7, "bad night, early flight"
		}
		g.morning(d, "ana", m)
	}
}

// benMornings: fine through the build; the camp costs sleep and leaves him
// sore; in the last two weeks without a lighter week his HRV sinks below
// his normal range, resting HR climbs and sessions feel harder.
func (g *gen) benMornings() {
	for d := first; d <= last; d++ {
		i := int(d - first)
		week := i / 7
		m := morning{sleep: 7.4 + g.noise(0.5), quality: 7 + g.noise(1), soreness: 3 + g.noise(1), stress: 3 + g.noise(1),
			mood: 7 + g.noise(1), energy: 7 + g.noise(1), hrv: 72 * math.Exp(g.noise(0.08)), rhr: 50 + g.noise(1.5)}
		switch {
		case week >= 10 && week <= 12: // camp
			m.sleep, m.soreness, m.energy = 6.6+g.noise(0.5), 6+g.noise(1), 5+g.noise(1)
			m.hrv *= 0.94
			m.rhr += 2
		case week >= 13:
			k := float64(i - 13*7) // days since the camp
			f := math.Min(1, k/28)
			m.hrv *= 1 - 0.32*f*f
			m.rhr += 8 * f * f
			if i > int(last-first)-9 {
				m.rhr = 61 + g.noise(1) // the last mornings: clearly up
			}
			if i == int(last-first)-3 {
				m.notes = "scratchy throat, slept badly" // context a coach needs beside the numbers
			}
			m.sleep -= 1.2 * f
			m.quality -= 3 * f
			m.soreness += 3 * f
			m.stress += 3.5 * f
			m.mood -= 3.5 * f
			m.energy -= 4 * f
		}
		if g.rng.IntN(12) == 0 {
			m.hrv = metrics.Missing() // the strap was not worn
		}
		if g.rng.IntN(25) == 0 {
			continue
		}
		if i == 60 {
			// Two rows on one day: the morning form, then the HRV app's reading.
			h := m.hrv
			m.hrv = metrics.Missing()
			g.morning(d, "ben", m)
			g.morning(d, "ben", morning{sleep: metrics.Missing(), quality: metrics.Missing(), soreness: metrics.Missing(),
				stress: metrics.Missing(), mood: metrics.Missing(), energy: metrics.Missing(), hrv: h, rhr: metrics.Missing(), notes: "HRV from the app"})
			continue
		}
		g.morning(d, "ben", m)
	}
}

// caiMornings: a footballer's club form on the Hooper-style 1–7 scales his
// profile declares (soreness 7 = very sore; sleep quality 1 = very good).
// No HRV device. In the last week soreness stays high after a heavy block
// of matches.
func (g *gen) caiMornings() {
	for d := first; d <= last; d++ {
		i := int(d - first)
		lastWeek := i >= int(last-first)-6
		if d.Weekday() == time.Sunday && !lastWeek && g.rng.IntN(2) == 0 {
			continue // Sunday forms are often skipped
		}
		sore := 3 + g.noise(1)
		if d.Weekday() == time.Sunday || d.Weekday() == time.Friday && (i/7)%3 == 0 {
			sore += 1.5 // the day after a match
		}
		if lastWeek {
			sore = 5.4 + g.noise(0.4) // sore all week: DOMS that does not clear
		}
		m := morning{sleep: 7.8 + g.noise(0.7), quality: 3 + g.noise(1), soreness: sore, stress: 2.5 + g.noise(1),
			mood: 5 + g.noise(1), energy: 5 + g.noise(1), hrv: metrics.Missing(), rhr: metrics.Missing()}
		clamp7 := func(x float64) float64 { return math.Max(1, math.Min(7, math.Round(x))) }
		m.quality, m.soreness, m.stress, m.mood, m.energy = clamp7(m.quality), clamp7(m.soreness), clamp7(m.stress), clamp7(m.mood), clamp7(m.energy)
		if i == int(last-first)-2 {
			m.notes = "calves still tight after the two matches"
		}
		g.morning(d, "cai", m)
	}
}

func writeCSV(path string, rows any) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := gocsv.MarshalFile(rows, f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// jitter returns x scaled by a random factor in [1−p, 1+p].
func (g *gen) jitter(x, p float64) float64 { return x * (1 + p*(2*g.rng.Float64()-1)) }

func hms(min float64) string {
	s := int(math.Round(min * 60))
	return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
}

func f0(x float64) string { return fmt.Sprintf("%.0f", x) }
func f1(x float64) string { return fmt.Sprintf("%.1f", x) }

func (g *gen) add(r workoutRow) { g.rows = append(g.rows, r) }

// ana is a runner in a steady block: three loading weeks, then a lighter
// one, Monday off every week, yoga on Friday. Heart rate on most runs;
// a few runs without the strap fall back to pace.
func (g *gen) ana() {
	for d := first; d <= last; d++ {
		week := int(d-first) / 7
		deload := week%4 == 3
		scale := 1.0 + 0.04*float64(week%4)
		if deload {
			scale = 0.65
		}
		day := d.Weekday()
		run := func(min, hr, pace float64, rpe int, note string) {
			min = g.jitter(min*scale, 0.08)
			r := workoutRow{Date: d.String(), Athlete: "ana", Sport: "run", Duration: hms(min),
				DistanceKm: f1(min * 60 / g.jitter(pace, 0.03)), RPE: fmt.Sprint(rpe), Notes: note}
			if g.rng.IntN(9) > 0 { // the strap stayed at home one run in nine
				r.AvgHR, r.MaxHR = f0(g.jitter(hr, 0.02)), f0(hr+14+g.rng.Float64()*6)
			}
			g.add(r)
		}
		switch day {
		case time.Monday:
			// rest
		case time.Tuesday:
			run(50, 163, 262, 7, "tempo 3 × 10 min")
		case time.Wednesday:
			run(45, 141, 318, 3, "easy")
		case time.Thursday:
			g.add(workoutRow{Date: d.String(), Athlete: "ana", Sport: "strength", Duration: f0(g.jitter(40, 0.1)), RPE: "6", Notes: "squat, lunge, calf raises"})
		case time.Friday:
			g.add(workoutRow{Date: d.String(), Athlete: "ana", Sport: "yoga", Duration: "30", RPE: "2", Notes: "evening flow"})
		case time.Saturday:
			run(40, 145, 312, 4, "easy + strides")
		case time.Sunday:
			run(100, 148, 325, 5, "long run")
		}
	}
}

// ben is a cyclist with a power meter building for a race: ten weeks of
// gentle progression with lighter weeks 4 and 8, then a training camp that
// doubles his load in a week and skips every rest day, then no lighter week
// to the end.
func (g *gen) ben() {
	const ftp = 280
	for d := first; d <= last; d++ {
		week := int(d-first) / 7
		day := d.Weekday()
		camp := week >= 10 && week <= 12
		scale := 1 + 0.06*float64(week)
		if week == 3 || week == 7 || week == 9 {
			scale *= 0.6 // lighter weeks, the last one a taper before the camp
		}
		if week > 12 {
			scale = 1.75 + 0.04*float64(week-13)
		}
		restDay := day == time.Monday || day == time.Friday
		if camp || (week > 12 && day == time.Friday) {
			restDay = false
		}
		if restDay {
			continue
		}
		min, intensity, note := 60.0, 0.68, "endurance"
		switch {
		case camp && day == time.Sunday:
			min, intensity, note = 330, 0.74, "camp: mountain day"
		case camp:
			min, intensity, note = 220, 0.72+0.06*g.rng.Float64(), "camp"
		case day == time.Tuesday:
			min, intensity, note = 75, 0.86, "threshold 3 × 12"
		case day == time.Thursday:
			min, intensity, note = 70, 0.90, "VO2 5 × 4"
		case day == time.Saturday:
			min, intensity, note = 150, 0.72, "group ride"
		case day == time.Sunday:
			min, intensity, note = 120, 0.70, "long ride"
		}
		if !camp {
			min *= scale
		}
		min = g.jitter(min, 0.06)
		np := g.jitter(intensity*ftp, 0.02)
		avg := np * g.jitter(0.93, 0.02)
		hr := 52 + (186-52)*(0.55+0.45*intensity) - 12
		rpe := int(math.Round(2 + 8*(intensity-0.55)/0.45))
		if week >= 18 {
			rpe = int(math.Min(float64(rpe+2), 10)) // the same watts feel harder: fatigue
		}
		r := workoutRow{Date: d.String(), Athlete: "ben", Sport: "ride", Duration: hms(min),
			DistanceKm: f1(min / 60 * g.jitter(30+10*intensity, 0.05)), RPE: fmt.Sprint(rpe),
			AvgHR: f0(g.jitter(hr, 0.02)), MaxHR: f0(hr + 25), AvgPower: f0(avg), NP: f0(np), Notes: note}
		if g.rng.IntN(3) == 0 { // the head unit's own TSS, exported
			r.TSS = f1(min / 60 * (np / ftp) * (np / ftp) * 100)
		}
		g.add(r)
	}
}

// cai plays football and rates every session with RPE only: no heart rate,
// no power. Pre-season (weeks 1–6) is the same hour every day, so monotony
// climbs; in season two matches a week sometimes fall on back-to-back days.
func (g *gen) cai() {
	for d := first; d <= last; d++ {
		week := int(d-first) / 7
		day := d.Weekday()
		add := func(sport string, min float64, rpe int, note string) {
			g.add(workoutRow{Date: d.String(), Athlete: "cai", Sport: sport, Duration: f0(g.jitter(min, 0.05)),
				RPE: fmt.Sprint(rpe), Notes: note})
		}
		if week < 6 {
			if day == time.Sunday && week%2 == 1 {
				continue
			}
			add("football", 65, 5, "pre-season: drills, \"small-sided\" games")
			continue
		}
		switch day {
		case time.Monday:
			add("mobility", 25, 1, "hips and ankles")
		case time.Tuesday:
			add("football", 80, 6, "training")
			add("strength", 45, 6, "gym: legs")
		case time.Wednesday:
			if week%3 == 0 {
				add("football", 95, 9, "midweek cup match")
			} else {
				add("swim", 35, 3, "recovery swim")
			}
		case time.Thursday:
			if week%3 == 0 {
				add("football", 95, 8, "league match, back-to-back")
			} else {
				add("football", 75, 6, "training")
			}
		case time.Friday:
			add("bike", 30, 2, "commute")
		case time.Saturday:
			add("football", 95, 8, "league match")
		}
	}
}

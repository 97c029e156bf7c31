// Command gen writes the demo team's native CSV sheets in samples/. The
// data are invented, from a fixed random seed, to tell three stories a
// coach recognises (samples/README.md). Run from the repository root:
//
//	go run ./samples/gen
//
// It writes samples/workouts.csv; the output is the same on every run.
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

type gen struct {
	rng  *rand.Rand
	rows []workoutRow
}

func main() {
	g := &gen{rng: rand.New(rand.NewPCG(2026, 7))}
	g.ana()
	g.ben()
	g.cai()
	// A team sheet is filled in day by day.
	slices.SortStableFunc(g.rows, func(a, b workoutRow) int { return cmp.Compare(a.Date, b.Date) })
	if err := writeCSV("samples/workouts.csv", &g.rows); err != nil {
		log.Fatal(err)
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
		if week == 3 || week == 7 {
			scale *= 0.6
		}
		if week > 12 {
			scale = 1.45
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
			min, intensity, note = 300, 0.72, "camp: mountain day"
		case camp:
			min, intensity, note = 180, 0.70+0.06*g.rng.Float64(), "camp"
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

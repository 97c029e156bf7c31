// Package synth generates realistic native workouts and check-ins sheets
// of any size, for benchmarks and load tests. The output depends only on
// the arguments.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strconv"

	"github.com/workin/workin/metrics"
)

// Start is the first day of generated data.
var Start = metrics.MustDate("2021-01-04")

// Workouts returns a workouts sheet: for every athlete about six sessions a
// week over days days, with a mix of load sources (RPE only, heart rate,
// power, given TSS), in date order as a team sheet is kept, and notes on
// some (a few over several lines).
func Workouts(athletes, days int) []byte {
	rng := rand.New(rand.NewPCG(1, uint64(athletes)))
	b := make([]byte, 0, athletes*days*52)
	b = append(b, "date,athlete,sport,duration,distance_km,rpe,avg_hr,np,tss,notes\n"...)
	sports := []string{"run", "ride", "strength", "swim", "yoga"}
	for d := 0; d < days; d++ {
		date := (Start + metrics.Date(d)).String()
		for a := 0; a < athletes; a++ {
			if (d+a)%7 == 0 {
				continue // rest day
			}
			sport := sports[(d*3+a)%len(sports)]
			min := 30 + rng.IntN(90)
			b = append(b, date...)
			b = append(b, ",a"...)
			b = strconv.AppendInt(b, int64(a), 10)
			b = append(b, ',')
			b = append(b, sport...)
			b = append(b, fmt.Sprintf(",%d:%02d:00,", min/60, min%60)...)
			if sport == "run" || sport == "ride" {
				b = strconv.AppendFloat(b, float64(min)/6, 'f', 1, 64)
			}
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(2+rng.IntN(8)), 10)
			b = append(b, ',')
			switch a % 4 {
			case 1:
				b = strconv.AppendInt(b, int64(120+rng.IntN(50)), 10)
				b = append(b, ",,"...)
			case 2:
				b = append(b, ',')
				b = strconv.AppendInt(b, int64(150+rng.IntN(120)), 10)
				b = append(b, ',')
			case 3:
				b = append(b, ",,"...)
				b = strconv.AppendFloat(b, float64(min)*(0.5+rng.Float64()), 'f', 1, 64)
			default:
				b = append(b, ",,"...)
			}
			b = append(b, ',')
			b = appendNote(b, rng)
			b = append(b, '\n')
		}
	}
	return b
}

// notes are what athletes write: plain, with commas, with quotes, and
// about one in a hundred over several lines, as real team sheets have.
var notes = []string{
	`felt ok`, `"felt ok, legs heavy"`, `"coach said ""easy"", kept it easy"`, `tired`,
	`"Intervals 6x800
legs heavy, ""ok"" by the end"`, `"slept badly

neighbours, again"`,
}

// appendNote appends a notes cell: empty for most rows.
func appendNote(b []byte, rng *rand.Rand) []byte {
	switch r := rng.IntN(100); {
	case r == 0:
		return append(b, notes[4+rng.IntN(2)]...)
	case r < 12:
		return append(b, notes[rng.IntN(4)]...)
	}
	return b
}

// Checkins returns a check-ins sheet: one morning check-in per athlete per
// day, with a few days missed, and notes on some.
func Checkins(athletes, days int) []byte {
	rng := rand.New(rand.NewPCG(2, uint64(athletes)))
	b := make([]byte, 0, athletes*days*44)
	b = append(b, "date,athlete,sleep_hours,sleep_quality,soreness,stress,mood,energy,hrv,resting_hr,notes\n"...)
	for d := 0; d < days; d++ {
		date := (Start + metrics.Date(d)).String()
		for a := 0; a < athletes; a++ {
			if rng.IntN(12) == 0 {
				continue
			}
			b = append(b, date...)
			b = append(b, ",a"...)
			b = strconv.AppendInt(b, int64(a), 10)
			b = append(b, ',')
			b = strconv.AppendFloat(b, 5.5+rng.Float64()*3, 'f', 1, 64)
			for k := 0; k < 5; k++ {
				b = append(b, ',')
				b = strconv.AppendInt(b, int64(2+rng.IntN(7)), 10)
			}
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(40+rng.IntN(40)), 10)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(45+rng.IntN(15)), 10)
			b = append(b, ',')
			if rng.IntN(4) == 0 {
				b = appendNote(b, rng)
			}
			b = append(b, '\n')
		}
	}
	return b
}

// Team returns a team file listing athletes a0 … aN−1 with profiles that
// let every load source work, and the two shared sheets.
func Team(athletes int) []byte {
	b := []byte("team: Synthetic Club\nworkouts: [workouts.csv]\ncheckins: [checkins.csv]\nathletes:\n")
	for a := 0; a < athletes; a++ {
		b = fmt.Appendf(b, "  - id: a%d\n    name: Athlete %d\n    sex: %s\n    max_hr: %d\n    resting_hr: %d\n    ftp: %d\n",
			a, a, []string{"male", "female"}[a%2], 180+a%15, 45+a%10, 200+a%100)
	}
	return b
}

// Plan returns a plan sheet: for every athlete a week of planned sessions
// after the last day of Workouts(athletes, days), six a week with a rest
// day, their loads from the same mix of sources (RPE only, heart rate,
// power, a given TSS).
func Plan(athletes, days int) []byte {
	rng := rand.New(rand.NewPCG(2, uint64(athletes)))
	b := []byte("date,athlete,sport,duration,rpe,avg_hr,np,tss,notes\n")
	sports := []string{"run", "ride", "strength", "swim"}
	for d := days; d < days+7; d++ {
		date := (Start + metrics.Date(d)).String()
		for a := 0; a < athletes; a++ {
			if (d+a)%7 == 0 {
				continue // a planned rest day
			}
			min := 30 + rng.IntN(90)
			b = fmt.Appendf(b, "%s,a%d,%s,%d:%02d:00,%d,", date, a, sports[(d+a)%len(sports)], min/60, min%60, 3+rng.IntN(6))
			switch a % 4 {
			case 1:
				b = fmt.Appendf(b, "%d,,,", 130+rng.IntN(30))
			case 2:
				b = fmt.Appendf(b, ",%d,,", 160+rng.IntN(80))
			case 3:
				b = fmt.Appendf(b, ",,%d,", 40+rng.IntN(80))
			default:
				b = append(b, ",,,"...)
			}
			b = append(b, "planned\n"...)
		}
	}
	return b
}

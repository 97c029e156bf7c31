package metrics

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Merge records one session that two exports both held (Garmin and Strava,
// say): Kept stays, Dropped is left out, and Kept takes any value it lacked
// from Dropped.
type Merge struct {
	Date          Date
	Kept, Dropped SessionRef
}

// SessionRef points at a row of an input file.
type SessionRef struct {
	File   string
	Format string
	Line   int32
	Sport  string
}

// The tolerances for "the same session": starts at most 15 minutes apart
// (or the same day when an export gives no time), durations within 10 %
// or 5 minutes, and the same kind of sport.
const (
	dupStartSlack    = 15 * 60
	dupDurationRatio = 0.10
	dupDurationSlack = 5 * 60
)

// Dedupe keeps one record of each session exported by several services.
// Only rows from different files can match. ws must be sorted by date.
func Dedupe(ws []Workout) ([]Workout, []Merge) {
	var merges []Merge
	drop := make([]bool, len(ws))
	for i := 0; i < len(ws); {
		j := i
		for j < len(ws) && ws[j].Date == ws[i].Date {
			j++
		}
		for a := i; a < j; a++ {
			for b := a + 1; b < j; b++ {
				if drop[a] || drop[b] || !sameSession(&ws[a], &ws[b]) {
					continue
				}
				keep, lose := a, b
				if richness(&ws[b]) > richness(&ws[a]) {
					keep, lose = b, a
				}
				fill(&ws[keep], &ws[lose])
				drop[lose] = true
				merges = append(merges, Merge{Date: ws[a].Date, Kept: ref(&ws[keep]), Dropped: ref(&ws[lose])})
			}
		}
		i = j
	}
	if len(merges) == 0 {
		return ws, nil
	}
	kept := ws[:0:0]
	for i := range ws {
		if !drop[i] {
			kept = append(kept, ws[i])
		}
	}
	slices.SortFunc(merges, func(x, y Merge) int {
		return cmp.Or(cmp.Compare(x.Date, y.Date), cmp.Compare(x.Kept.File, y.Kept.File), cmp.Compare(x.Kept.Line, y.Kept.Line))
	})
	return kept, merges
}

func ref(w *Workout) SessionRef {
	r := SessionRef{Line: w.Line, Sport: w.Sport}
	if w.Origin != nil {
		r.File, r.Format = w.Origin.File, w.Origin.Format
	}
	return r
}

// sameSession applies the tolerances.
func sameSession(a, b *Workout) bool {
	if a.Origin.FileName() == b.Origin.FileName() {
		return false
	}
	if SportFamily(a.Sport) != SportFamily(b.Sport) {
		return false
	}
	if a.StartSec >= 0 && b.StartSec >= 0 && math.Abs(float64(a.StartSec-b.StartSec)) > dupStartSlack {
		return false
	}
	if !Known(a.Duration) || !Known(b.Duration) {
		return false
	}
	slack := math.Max(dupDurationSlack, dupDurationRatio*math.Max(a.Duration, b.Duration))
	return math.Abs(a.Duration-b.Duration) <= slack
}

// SportFamily groups sport labels from different services: "Run",
// "Running" and "Trail Run" are all runs.
func SportFamily(sport string) string {
	s := strings.ToLower(sport)
	switch {
	case IsWorkIn(s):
		return "work-in"
	case strings.Contains(s, "run"):
		return "run"
	case strings.Contains(s, "ride") || strings.Contains(s, "cycl") || strings.Contains(s, "bike") || strings.Contains(s, "velo"):
		return "ride"
	case strings.Contains(s, "swim"):
		return "swim"
	case strings.Contains(s, "strength") || strings.Contains(s, "weight") || strings.Contains(s, "gym") || strings.Contains(s, "lift"):
		return "strength"
	case strings.Contains(s, "walk") || strings.Contains(s, "hike"):
		return "walk"
	}
	return strings.TrimSpace(s)
}

// richness scores how much a record knows. A given load outweighs every
// other value: it is the best load source, and it belongs to its record's
// export (its label says where it came from), so that record is kept.
func richness(w *Workout) int {
	n := 0
	for _, v := range []float64{w.TSS, w.NP, w.AvgPower, w.AvgHR, w.RPE, w.DistanceKm, w.TRIMP, w.MaxHR} {
		if Known(v) {
			n++
		}
	}
	if Known(w.TSS) {
		n += 100
	}
	if w.StartSec >= 0 {
		n++
	}
	return n
}

// fill copies into w what only other knows.
func fill(w, other *Workout) {
	for _, p := range []struct{ dst, src *float64 }{
		{&w.DistanceKm, &other.DistanceKm}, {&w.RPE, &other.RPE}, {&w.AvgHR, &other.AvgHR}, {&w.MaxHR, &other.MaxHR},
		{&w.AvgPower, &other.AvgPower}, {&w.NP, &other.NP}, {&w.TRIMP, &other.TRIMP},
	} {
		if !Known(*p.dst) {
			*p.dst = *p.src
		}
	}
	if w.Notes == "" {
		w.Notes = other.Notes
	}
}

// checkinRank is the precedence of a source for a check-in item when two
// sources give the same day: devices for what they measure (HRV, resting
// HR, sleep time), the athlete's own ratings for how they feel.
func checkinRank(format string, subjective bool) int {
	device := 0
	switch format {
	case "whoop-cycles", "whoop-sleeps", "oura", "garmin-sleep":
		device = 3
	case "intervals-wellness":
		device = 2
	}
	if subjective {
		switch format {
		case "native", "":
			return 3
		case "pmsys-wellness", "intervals-wellness":
			return 2
		}
		return 1
	}
	if device > 0 {
		return device
	}
	return 1
}

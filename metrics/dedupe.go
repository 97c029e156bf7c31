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
//
// Each day's rows are indexed by file and sport family, sorted by start
// time and by duration, so a row is only compared with the rows of other
// files that could be the same session: rows of one file are never
// compared, and a day of 50,000 rows from one export costs nothing.
func Dedupe(ws []Workout) ([]Workout, []Merge) {
	var merges []Merge
	var drop []bool
	fam := make([]string, 0, 64)
	for i := 0; i < len(ws); {
		j := i
		mixed := false
		for j < len(ws) && ws[j].Date == ws[i].Date {
			mixed = mixed || ws[j].Origin != ws[i].Origin
			j++
		}
		if mixed {
			if drop == nil {
				drop = make([]bool, len(ws))
			}
			fam = fam[:0]
			for k := i; k < j; k++ {
				fam = append(fam, SportFamily(ws[k].Sport))
			}
			merges = dedupeDay(ws, i, j, fam, drop, merges)
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

// dayIndex is one file's rows of one sport family on one day: by start
// time (rows that have one) and by duration (all rows, and the rows
// without a start).
type dayIndex struct {
	origin                 *Origin
	family                 string
	byStart, byDur, noTime []int
}

// dedupeDay matches the rows ws[i:j] of one day. It gives the same merges
// as comparing every pair in row order: for each row a, the candidates b > a
// of other files are visited in row order.
func dedupeDay(ws []Workout, i, j int, fam []string, drop []bool, merges []Merge) []Merge {
	type key struct {
		o *Origin
		f string
	}
	at := map[key]int{}
	var idx []dayIndex
	for k := i; k < j; k++ {
		w := &ws[k]
		if !Known(w.Duration) {
			continue // never the same session as anything
		}
		kk := key{w.Origin, fam[k-i]}
		g, ok := at[kk]
		if !ok {
			g = len(idx)
			at[kk] = g
			idx = append(idx, dayIndex{origin: w.Origin, family: fam[k-i]})
		}
		x := &idx[g]
		x.byDur = append(x.byDur, k)
		if w.StartSec >= 0 {
			x.byStart = append(x.byStart, k)
		} else {
			x.noTime = append(x.noTime, k)
		}
	}
	if len(idx) < 2 {
		return merges
	}
	byDur := func(a, b int) int { return cmp.Or(cmp.Compare(ws[a].Duration, ws[b].Duration), cmp.Compare(a, b)) }
	for g := range idx {
		slices.SortFunc(idx[g].byStart, func(a, b int) int { return cmp.Or(cmp.Compare(ws[a].StartSec, ws[b].StartSec), cmp.Compare(a, b)) })
		slices.SortFunc(idx[g].byDur, byDur)
		slices.SortFunc(idx[g].noTime, byDur)
	}
	var cands []int
	for a := i; a < j; a++ {
		wa := &ws[a]
		if drop[a] || !Known(wa.Duration) {
			continue
		}
		cands = cands[:0]
		lo, hi := durationWindow(wa.Duration)
		for g := range idx {
			x := &idx[g]
			if x.origin == wa.Origin || x.family != fam[a-i] {
				continue
			}
			if wa.StartSec >= 0 {
				cands = appendWindow(cands, x.byStart, a, func(b int) float64 { return float64(ws[b].StartSec) },
					float64(wa.StartSec-dupStartSlack), float64(wa.StartSec+dupStartSlack))
				cands = appendWindow(cands, x.noTime, a, func(b int) float64 { return ws[b].Duration }, lo, hi)
			} else {
				cands = appendWindow(cands, x.byDur, a, func(b int) float64 { return ws[b].Duration }, lo, hi)
			}
		}
		slices.Sort(cands)
		for _, b := range cands {
			if drop[a] {
				break
			}
			if drop[b] || !sameSession(wa, &ws[b]) {
				continue
			}
			keep, lose := a, b
			if richness(&ws[b]) > richness(wa) {
				keep, lose = b, a
			}
			fill(&ws[keep], &ws[lose])
			drop[lose] = true
			merges = append(merges, Merge{Date: wa.Date, Kept: ref(&ws[keep]), Dropped: ref(&ws[lose])})
		}
	}
	return merges
}

// durationWindow bounds the durations that can match d: within
// max(5 min, 10 % of the longer of the two).
func durationWindow(d float64) (lo, hi float64) {
	lo = min(d-dupDurationSlack, d*(1-dupDurationRatio))
	hi = max(d+dupDurationSlack, d/(1-dupDurationRatio))
	return lo, hi
}

// appendWindow appends the rows after a whose value lies in [lo, hi], from
// rows sorted by that value.
func appendWindow(dst, rows []int, a int, val func(int) float64, lo, hi float64) []int {
	k, _ := slices.BinarySearchFunc(rows, lo, func(b int, v float64) int { return cmp.Compare(val(b), v) })
	for ; k < len(rows) && val(rows[k]) <= hi; k++ {
		if rows[k] > a {
			dst = append(dst, rows[k])
		}
	}
	return dst
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
	if a.Origin == b.Origin { // one file: rows of one export are distinct sessions
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

package metrics

import (
	"math"
	"strings"
)

// Source says where a session's load came from, in order of precedence.
type Source uint8

// The load sources, best first (science reference §1).
const (
	SrcNone  Source = iota // nothing to compute from: 0 LP, not a rest day
	SrcGiven               // a TSS-scale load the export computed from the full stream
	SrcPower               // Coggan TSS from NP (or average power) and FTP
	SrcTRIMP               // a TRIMP column converted with the HRSS factor
	SrcHR                  // Banister TRIMP from average HR, as HRSS
	SrcPace                // running rTSS from average pace and threshold pace
	SrcSRPE                // session RPE × minutes × k
)

var sourceNames = [...]string{"none", "given", "power", "trimp", "hr", "pace", "srpe"}

func (s Source) String() string { return sourceNames[s] }

// Objective reports whether the load was measured rather than rated.
func (s Source) Objective() bool { return s >= SrcGiven && s <= SrcPace }

// Sources lists every source in precedence order.
func Sources() []Source {
	return []Source{SrcGiven, SrcPower, SrcTRIMP, SrcHR, SrcPace, SrcSRPE, SrcNone}
}

// Needs is a set of profile values a session could have used but the
// profile lacked; the report says what was missing and what it cost.
type Needs uint8

// The profile values a load source can need.
const (
	NeedFTP Needs = 1 << iota
	NeedHRZones
	NeedThresholdPace
	NeedSex
)

// SRPE is Foster's session RPE in arbitrary units: CR-10 rating × minutes.
func SRPE(rpe, minutes float64) float64 { return rpe * minutes }

// TRIMP is Banister's training impulse from average heart rate. HRr is
// clamped to [0, 1]; female constants a=0.86, b=1.67, otherwise male
// a=0.64, b=1.92.
func TRIMP(minutes, avgHR, restHR, maxHR float64, sex Sex) float64 {
	hrr := (avgHR - restHR) / (maxHR - restHR)
	hrr = math.Max(0, math.Min(1, hrr))
	a, b := 0.64, 1.92
	if sex == SexFemale {
		a, b = 0.86, 1.67
	}
	return minutes * hrr * a * math.Exp(b*hrr)
}

// DefaultLTHR is used when the profile gives no lactate-threshold heart
// rate: HRrest + 0.85 × (HRmax − HRrest).
func DefaultLTHR(restHR, maxHR float64) float64 { return restHR + 0.85*(maxHR-restHR) }

// HRSSHour is the TRIMP of one hour at LTHR; 100 × TRIMP / HRSSHour puts a
// TRIMP on the load-point scale.
func HRSSHour(lthr, restHR, maxHR float64, sex Sex) float64 {
	return TRIMP(60, lthr, restHR, maxHR, sex)
}

// PowerTSS is Coggan's TSS: hours × IF² × 100 with IF = NP / FTP.
func PowerTSS(seconds, np, ftp float64) float64 {
	f := np / ftp
	return seconds / 3600 * f * f * 100
}

// PaceTSS is running rTSS from average pace: IF = threshold pace / pace
// (both in seconds per km), load = hours × IF² × 100.
func PaceTSS(seconds, km, thresholdPace float64) float64 {
	f := thresholdPace / (seconds / km)
	return seconds / 3600 * f * f * 100
}

// IsRun reports whether a sport label is a running sport (contains "run").
func IsRun(sport string) bool { return containsFold(sport, "run") }

var workInWords = []string{"breath", "meditat", "mobility", "stretch", "yoga", "foam", "flow"}

// IsWorkIn reports whether a sport label names a work-in: breathwork,
// meditation, mobility, stretching, yoga, foam rolling or flow. Work-ins are
// recovery by design: their load counts, but they never break a rest day.
func IsWorkIn(sport string) bool {
	for _, w := range workInWords {
		if containsFold(sport, w) {
			return true
		}
	}
	return false
}

// containsFold is strings.Contains on the ASCII-lower-cased label without
// allocating on the common already-lower-case path.
func containsFold(s, sub string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.Contains(strings.ToLower(s), sub)
		}
	}
	return strings.Contains(s, sub)
}

// Load is a session's load on the load-point scale (100 LP = one hour at
// threshold) with its provenance.
type Load struct {
	LP     float64
	Source Source
	Missed Needs // profile values that would have allowed a better source
}

// loadContext holds the profile-derived constants of one athlete, computed
// once per analysis.
type loadContext struct {
	p        Profile
	hrOK     bool
	hrHour   float64 // TRIMP of an hour at LTHR
	lthr     float64
	lthrDflt bool
}

func newLoadContext(p Profile) loadContext {
	c := loadContext{p: p}
	if Known(p.MaxHR) && Known(p.RestingHR) && p.MaxHR > p.RestingHR {
		c.hrOK = true
		c.lthr = p.LTHR
		if !Known(c.lthr) {
			c.lthr, c.lthrDflt = DefaultLTHR(p.RestingHR, p.MaxHR), true
		}
		c.hrHour = HRSSHour(c.lthr, p.RestingHR, p.MaxHR, p.Sex)
	}
	return c
}

// objective computes the best objective load of w (sources 1–5), or SrcNone.
func (c *loadContext) objective(w *Workout) Load {
	var missed Needs
	dur := w.Duration
	if Known(w.TSS) && w.TSS >= 0 {
		return Load{LP: w.TSS, Source: SrcGiven}
	}
	power := w.NP
	if !Known(power) {
		power = w.AvgPower
	}
	if Known(dur) && dur > 0 && Known(power) && power >= 0 {
		if Known(c.p.FTP) && c.p.FTP > 0 {
			return Load{LP: PowerTSS(dur, power, c.p.FTP), Source: SrcPower}
		}
		missed |= NeedFTP
	}
	if Known(w.TRIMP) && w.TRIMP >= 0 {
		if c.hrOK {
			return Load{LP: 100 * w.TRIMP / c.hrHour, Source: SrcTRIMP, Missed: missed | c.sexNeed()}
		}
		missed |= NeedHRZones
	}
	if Known(dur) && dur > 0 && Known(w.AvgHR) {
		if c.hrOK {
			t := TRIMP(dur/60, w.AvgHR, c.p.RestingHR, c.p.MaxHR, c.p.Sex)
			return Load{LP: 100 * t / c.hrHour, Source: SrcHR, Missed: missed | c.sexNeed()}
		}
		missed |= NeedHRZones
	}
	if Known(dur) && dur > 0 && Known(w.DistanceKm) && w.DistanceKm > 0 && IsRun(w.Sport) {
		if Known(c.p.ThresholdPace) && c.p.ThresholdPace > 0 {
			return Load{LP: PaceTSS(dur, w.DistanceKm, c.p.ThresholdPace), Source: SrcPace, Missed: missed}
		}
		missed |= NeedThresholdPace
	}
	return Load{Source: SrcNone, Missed: missed}
}

func (c *loadContext) sexNeed() Needs {
	if c.p.Sex == SexUnknown {
		return NeedSex
	}
	return 0
}

// SessionLoad computes one session's load by the precedence given, power,
// TRIMP column, HR, pace, sRPE (k LP per RPE·minute), none.
func SessionLoad(w Workout, p Profile, k float64) Load {
	c := newLoadContext(p)
	return c.load(&w, k)
}

func (c *loadContext) load(w *Workout, k float64) Load {
	l := c.objective(w)
	if l.Source != SrcNone {
		return l
	}
	if Known(w.RPE) && Known(w.Duration) && w.Duration > 0 {
		return Load{LP: SRPE(w.RPE, w.Duration/60) * k, Source: SrcSRPE, Missed: l.Missed}
	}
	return l
}

// Calibration is the per-athlete sRPE → LP factor.
type Calibration struct {
	K          float64 // LP per RPE·minute
	Pairs      int     // sessions with both RPE and an objective load
	Calibrated bool    // K came from the athlete's own sessions
	Fixed      bool    // K was set in the profile (srpe_k)
}

// Calibrate returns k = Σ objective load / Σ RPE×min over sessions with an
// RPE, a duration and an objective load > 0, when there are at least ten
// such pairs; otherwise k₀ = 100/420.
func Calibrate(ws []Workout, p Profile) Calibration {
	c := newLoadContext(p)
	return c.calibrate(ws)
}

func (c *loadContext) calibrate(ws []Workout) Calibration {
	var sumLoad, sumAU float64
	n := 0
	for i := range ws {
		w := &ws[i]
		if !Known(w.RPE) || !Known(w.Duration) || w.Duration <= 0 {
			continue
		}
		l := c.objective(w)
		au := SRPE(w.RPE, w.Duration/60)
		if l.Source == SrcNone || l.LP <= 0 || au < 0 {
			continue
		}
		sumLoad += l.LP
		sumAU += au
		n++
	}
	if n >= minCalibrationPair && sumAU > 0 {
		return Calibration{K: sumLoad / sumAU, Pairs: n, Calibrated: true}
	}
	return Calibration{K: K0, Pairs: n}
}

package parse

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
)

// rangeCheck describes the plausible values of a numeric column.
type rangeCheck struct {
	column string
	lo, hi float64
	loOpen bool // lo itself is not allowed
	what   string
}

func (r *rangeCheck) check(v float64) *rowError {
	if !metrics.Known(v) {
		return nil
	}
	if v < r.lo || (r.loOpen && v == r.lo) || v > r.hi {
		return &rowError{r.column, &valueError{r.what, v}}
	}
	return nil
}

// valueError is a value out of its range. The row reader quotes the cell
// as written in its place (withRaw); without it, the value as read.
type valueError struct {
	what string
	v    float64
}

func (e *valueError) Error() string { return fmt.Sprintf("%s, got %s", e.what, text.Num(e.v)) }

// withRaw says what was expected and quotes the cell as written (clipped,
// control characters made visible): got "99999999999999999999", not 1e+20.
func withRaw(err error, raw string) error {
	var ve *valueError
	if raw == "" || !errors.As(err, &ve) {
		return err
	}
	return fmt.Errorf("%s, got %q", ve.what, text.Clip(strings.TrimSpace(raw), 40))
}

var (
	rangeRPE      = rangeCheck{column: "rpe", lo: 0, hi: 10, what: "want an RPE from 0 to 10 (CR-10 scale)"}
	rangeDistance = rangeCheck{column: "distance_km", lo: 0, hi: 2000, what: "want kilometres from 0 to 2000"}
	rangePower    = rangeCheck{column: "avg_power", lo: 0, hi: 3000, what: "want watts from 0 to 3000"}
	rangeNP       = rangeCheck{column: "np", lo: 0, hi: 3000, what: "want watts from 0 to 3000"}
	rangeTSS      = rangeCheck{column: "tss", lo: 0, hi: 3000, what: "want a TSS from 0 to 3000"}
	rangeTRIMP    = rangeCheck{column: "trimp", lo: 0, hi: 3000, what: "want a TRIMP from 0 to 3000"}
	rangeDuration = rangeCheck{column: "duration", lo: 0, hi: 100 * 3600, loOpen: true,
		what: "want a duration above zero and under 100 hours"}
	rangeSleep = rangeCheck{column: "sleep_hours", lo: 0, hi: 24, what: "want hours of sleep from 0 to 24"}
	rangeHRV   = rangeCheck{column: "hrv", lo: 1, hi: 500, what: "want rMSSD in ms from 1 to 500"}
)

func heartRate(column string) rangeCheck {
	return rangeCheck{column: column, lo: 25, hi: 250, what: "want a heart rate from 25 to 250 bpm"}
}

var (
	rangeAvgHR  = heartRate("avg_hr")
	rangeMaxHR  = heartRate("max_hr")
	rangeRestHR = heartRate("resting_hr")
)

func scale10(column string) rangeCheck {
	return rangeCheck{column: column, lo: 1, hi: 10, what: "want a value on the 1–10 scale"}
}

func firstError(errs ...*rowError) *rowError {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// owner resolves who a row belongs to.
type owner struct {
	origin    *metrics.Origin
	hasColumn bool
	fallback  string
}

func (o *owner) of(cell string) (string, *rowError) {
	if !o.hasColumn {
		return o.fallback, nil
	}
	a, err := CleanName(cell)
	if err != nil {
		return "", &rowError{"athlete", err}
	}
	if a == "" {
		return "", &rowError{"athlete", fmt.Errorf("athlete is empty; this file has an athlete column, so every row needs one")}
	}
	return a, nil
}

type workoutConverter struct {
	owner
}

func newWorkoutConverter(origin *metrics.Origin, hasAthlete bool, athlete string) *workoutConverter {
	return &workoutConverter{owner: owner{origin: origin, hasColumn: hasAthlete, fallback: athlete}}
}

func (c *workoutConverter) convert(r *nativeWorkout, line int, notes *[]string) (metrics.Workout, *rowError) {
	w := metrics.NewWorkout()
	switch {
	case r.Date.OK && r.Start.OK && r.Date.D != r.Start.D:
		return w, &rowError{"start", fmt.Errorf("start is on %s but date says %s; give one of them or make them agree", r.Start.D, r.Date.D)}
	case r.Start.OK:
		w.Date, w.StartSec = r.Start.D, r.Start.Sec
	case r.Date.OK:
		w.Date = r.Date.D
	default:
		return w, &rowError{"date", fmt.Errorf("the row has no date; want YYYY-MM-DD in date (or a start time)")}
	}
	var err *rowError
	if w.Athlete, err = c.of(r.Athlete); err != nil {
		return w, err
	}
	w.Sport = strings.TrimSpace(r.Sport)
	w.Duration, w.DistanceKm, w.RPE = r.Duration.get(), r.DistanceKm.get(), r.RPE.get()
	w.AvgHR, w.MaxHR, w.AvgPower, w.NP = r.AvgHR.get(), r.MaxHR.get(), r.AvgPower.get(), r.NP.get()
	w.TSS, w.TRIMP = r.TSS.get(), r.TRIMP.get()
	if e := checkWorkout(&w); e != nil {
		return w, e
	}
	w.Notes = strings.TrimSpace(r.Notes)
	w.Origin, w.Line = c.origin, int32(line)
	if r.Duration.Parts == 2 && w.Duration < 5*60 && metrics.Known(w.RPE) && w.RPE >= 5 {
		*notes = append(*notes, fmt.Sprintf("line %d: duration %s was read as minutes:seconds, a %s session at RPE %s; if hours were meant, write %s:00",
			line, text.MMSS(w.Duration), shortDuration(w.Duration), text.Num(w.RPE), text.MMSS(w.Duration)))
	}
	return w, nil
}

// checkWorkout applies the plausibility checks every workout passes,
// whatever its format.
func checkWorkout(w *metrics.Workout) *rowError {
	return firstError(checkDate(w.Date), rangeDuration.check(w.Duration), rangeDistance.check(w.DistanceKm), rangeRPE.check(w.RPE),
		rangeAvgHR.check(w.AvgHR), rangeMaxHR.check(w.MaxHR), rangePower.check(w.AvgPower), rangeNP.check(w.NP),
		rangeTSS.check(w.TSS), rangeTRIMP.check(w.TRIMP),
		rangeStatedFTP.check(w.Stated.FTP), rangeStatedLTHR.check(w.Stated.LTHR),
		rangeStatedRest.check(w.Stated.RestingHR), rangeStatedMax.check(w.Stated.MaxHR))
}

// The plausible days of a training log: no export holds a session before
// 1980, and a year beyond 2100 is a typing mistake. Outside them a date is
// refused with its position rather than stretching the report over
// centuries.
var (
	firstPlausible = metrics.DateOf(1980, 1, 1)
	lastPlausible  = metrics.DateOf(2100, 12, 31)
)

// checkDate refuses a day outside the plausible years.
func checkDate(d metrics.Date) *rowError {
	if d < firstPlausible || d > lastPlausible {
		return &rowError{"date", fmt.Errorf("%s is not a plausible day for a training log (workin reads 1980 to 2100); a mistyped year?", d)}
	}
	return nil
}

// The athlete settings an export states (intervals.icu); the columns are
// the spec's field names, reported as written in the header.
var (
	rangeStatedFTP  = rangeCheck{column: "ftp", lo: 1, hi: 2000, what: "want an FTP setting from 1 to 2000 W"}
	rangeStatedLTHR = heartRate("lthr")
	rangeStatedRest = heartRate("rest_hr")
	rangeStatedMax  = heartRate("hr_max")
)

func shortDuration(sec float64) string {
	s := int(sec + 0.5)
	if s < 60 {
		return fmt.Sprintf("%d s", s)
	}
	return fmt.Sprintf("%d min %d s", s/60, s%60)
}

type checkinConverter struct {
	owner
	scales func(athlete string) Scales
}

func newCheckinConverter(origin *metrics.Origin, hasAthlete bool, athlete string, scales func(string) Scales) *checkinConverter {
	return &checkinConverter{owner: owner{origin: origin, hasColumn: hasAthlete, fallback: athlete}, scales: scales}
}

// Scale is the range a check-in sheet uses for an item, [Lo, Hi]; Lo > Hi
// when the sheet's scale runs the other way from workin's.
type Scale struct{ Lo, Hi float64 }

// Scales maps check-in columns (sleep_quality, soreness, stress, mood,
// energy) to the scale an athlete's sheet uses.
type Scales map[string]Scale

// To10 maps x onto workin's 1–10 scale: 1 + 9 × (x − Lo) / (Hi − Lo).
func (s Scale) To10(x float64) float64 { return 1 + 9*(x-s.Lo)/(s.Hi-s.Lo) }

// scaled checks a 1–10 item against the athlete's declared scale (or 1–10)
// and maps it onto 1–10.
func (c *checkinConverter) scaled(column string, v *float64, scales Scales) *rowError {
	if !metrics.Known(*v) {
		return nil
	}
	sc, ok := scales[column]
	if !ok {
		r := scale10(column)
		return r.check(*v)
	}
	lo, hi := math.Min(sc.Lo, sc.Hi), math.Max(sc.Lo, sc.Hi)
	if *v < lo || *v > hi {
		return &rowError{column, &valueError{fmt.Sprintf("want a value on the athlete's declared scale %s–%s (scales: in the profile)", text.Num(sc.Lo), text.Num(sc.Hi)), *v}}
	}
	*v = sc.To10(*v)
	return nil
}

func (c *checkinConverter) convert(r *nativeCheckin, line int, notes *[]string) (metrics.Checkin, *rowError) {
	k := metrics.NewCheckin()
	if !r.Date.OK {
		return k, &rowError{"date", fmt.Errorf("the row has no date; want YYYY-MM-DD")}
	}
	k.Date = r.Date.D
	var err *rowError
	if k.Athlete, err = c.of(r.Athlete); err != nil {
		return k, err
	}
	k.SleepHours, k.SleepQuality, k.Soreness = r.SleepHours.get(), r.SleepQuality.get(), r.Soreness.get()
	k.Stress, k.Mood, k.Energy = r.Stress.get(), r.Mood.get(), r.Energy.get()
	k.HRV, k.RestingHR = r.HRV.get(), r.RestingHR.get()
	var scales Scales
	if c.scales != nil {
		scales = c.scales(k.Athlete)
	}
	if e := firstError(checkDate(k.Date), rangeSleep.check(k.SleepHours), c.scaled("sleep_quality", &k.SleepQuality, scales),
		c.scaled("soreness", &k.Soreness, scales), c.scaled("stress", &k.Stress, scales), c.scaled("mood", &k.Mood, scales),
		c.scaled("energy", &k.Energy, scales), rangeHRV.check(k.HRV), rangeRestHR.check(k.RestingHR)); e != nil {
		return k, e
	}
	k.Notes = strings.TrimSpace(r.Notes)
	k.Origin, k.Line = c.origin, int32(line)
	return k, nil
}

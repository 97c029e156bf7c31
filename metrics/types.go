package metrics

import "math"

// Missing returns the value that marks a number that was not recorded
// (NaN). Every optional number in workin is a float64 that is either a
// finite value or Missing; Known tells them apart. An empty cell is never
// read as zero.
func Missing() float64 { return math.NaN() }

// Known reports whether x holds a recorded value.
func Known(x float64) bool { return x == x }

// Workout is one training session as read from an export, before its load
// is computed. Optional numbers are Missing() when not recorded.
type Workout struct {
	Athlete    string  // athlete id; empty when the file belongs to one athlete
	Date       Date    // calendar day in the athlete's own calendar
	StartSec   int32   // seconds after local midnight, or -1 when unknown
	Sport      string  // free text as exported ("run", "Ride", "Løb")
	Duration   float64 // seconds
	DistanceKm float64
	RPE        float64 // CR-10 session RPE, 0–10
	AvgHR      float64 // bpm
	MaxHR      float64 // bpm, the session maximum (not used for load)
	AvgPower   float64 // W
	NP         float64 // normalised power, W
	TSS        float64 // a load the export already computed on the TSS scale
	TRIMP      float64 // a stream-based Banister TRIMP from the export
	Notes      string
	// Stated holds the athlete settings the export says it used for this
	// session (intervals.icu writes FTP, LTHR, resting and maximum HR on
	// every activity); Missing() when the export states none.
	Stated Settings
	Origin *Origin // the file the row came from, shared by its rows
	Line   int32   // physical line of the row in its file
	// Planned marks a session that is planned, not done: a row of a plan
	// sheet, or an export's planned workout without actuals. It is never
	// load of the day it is dated; after the as-of day it is projected.
	Planned bool
}

// Settings are physiological values an export states for a session: the
// athlete settings it computed that session's numbers with.
type Settings struct {
	MaxHR, RestingHR, LTHR, FTP float64
}

// NoSettings is Settings with every value Missing().
func NoSettings() Settings {
	return Settings{MaxHR: Missing(), RestingHR: Missing(), LTHR: Missing(), FTP: Missing()}
}

// Origin describes the file a row came from; all rows of a file share one.
type Origin struct {
	File     string // path as given
	Format   string // detected export format ("native", "strava", …)
	Label    string // the format for people ("intervals.icu activities.csv")
	TSSLabel string // what the export calls a given load ("tss", "Training Load")
	// MeasureRank and RateRank are the file's standing when check-ins of
	// several sources fall on one day: MeasureRank for what a device
	// measures (HRV, resting HR, sleep time), RateRank for how the athlete
	// feels (sleep quality, soreness, stress, mood, energy). The higher
	// wins; between equals the later row. 0 stands for 1.
	MeasureRank, RateRank int8
}

// ranks returns the origin's check-in ranks; a row built in code (no
// origin) ranks as the athlete's own sheet does: 1 for what a device
// measures, 3 for how the athlete feels.
func (o *Origin) ranks() (measure, rate int8) {
	if o == nil {
		return 1, 3
	}
	return max(o.MeasureRank, 1), max(o.RateRank, 1)
}

// FileName returns the origin's file, or "" for a row built in code.
func (o *Origin) FileName() string {
	if o == nil {
		return ""
	}
	return o.File
}

// NewWorkout returns a Workout with every optional number Missing().
func NewWorkout() Workout {
	return Workout{
		StartSec: -1, Duration: Missing(), DistanceKm: Missing(), RPE: Missing(),
		AvgHR: Missing(), MaxHR: Missing(), AvgPower: Missing(), NP: Missing(),
		TSS: Missing(), TRIMP: Missing(), Stated: NoSettings(),
	}
}

// Checkin is one athlete's morning check-in. Subjective items are on
// workin's 1–10 scale where a higher number means more of the thing named
// (soreness 10 = extremely sore, mood 10 = best mood).
type Checkin struct {
	Athlete      string
	Date         Date
	SleepHours   float64
	SleepQuality float64 // 1–10, higher = better sleep
	Soreness     float64 // 1–10, higher = more sore
	Stress       float64 // 1–10, higher = more stressed
	Mood         float64 // 1–10, higher = better mood
	Energy       float64 // 1–10, higher = more energy
	HRV          float64 // rMSSD, ms
	RestingHR    float64 // bpm
	Notes        string
	Origin       *Origin
	Line         int32
}

// NewCheckin returns a Checkin with every optional number Missing().
func NewCheckin() Checkin {
	return Checkin{
		SleepHours: Missing(), SleepQuality: Missing(), Soreness: Missing(), Stress: Missing(),
		Mood: Missing(), Energy: Missing(), HRV: Missing(), RestingHR: Missing(),
	}
}

// Sex selects the Banister TRIMP constants.
type Sex uint8

// The values of Sex. SexUnknown uses the male constants and says so.
const (
	SexUnknown Sex = iota
	SexMale
	SexFemale
)

// Profile holds the physiological values that turn raw session data into
// load. Numbers are Missing() when the profile does not give them.
type Profile struct {
	ID            string
	Name          string
	Sex           Sex
	MaxHR         float64 // bpm
	RestingHR     float64 // bpm
	LTHR          float64 // lactate-threshold heart rate, bpm
	FTP           float64 // functional threshold power, W
	ThresholdPace float64 // running threshold pace, seconds per km
}

// NewProfile returns a profile with no physiological values.
func NewProfile(id string) Profile {
	return Profile{ID: id, Name: id, MaxHR: Missing(), RestingHR: Missing(), LTHR: Missing(), FTP: Missing(), ThresholdPace: Missing()}
}

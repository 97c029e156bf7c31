package metrics

import (
	"fmt"
	"time"
)

// Params are the conventions and rule thresholds of the analysis. Every
// field corresponds to a key of the profile's or team's `rules:` block;
// DefaultParams gives the documented defaults.
type Params struct {
	SRPEK       float64 // LP per sRPE unit; Missing = calibrate per athlete
	RestLoadMax float64 // a day under this training load is a rest day

	CTLDays  int
	ATLDays  int
	PMCDecay string // "exp" (1−e^(−1/N)) or "linear" (1/N)
	TSB      string // "yesterday" (CTL(d−1)−ATL(d−1)) or "today"
	CTLSeed  float64
	ATLSeed  float64

	ACWRMethod      string // "ewma", "rolling-coupled" or "rolling-uncoupled"
	ACWRAcuteDays   int
	ACWRChronicDays int

	MonotonySD string // "population" or "sample"
	WeekStart  time.Weekday

	NoRestDays      int // no-rest-day holds after this many non-rest days
	NoRestAlertDays int // and is an alert (and a rest trigger) from this many
	HardRPE         float64
	HardIF          float64
	SpikeACWR       float64
	SpikeMinChronic float64
	MonotonyMax     float64
	SorenessMin     float64
	SorenessDays    int
	EffortDriftRPE  float64
	HRVBaselineDays int
	HRVSWCSD        float64
	RHRDeltaBPM     float64
	ReadinessLow    float64
	ReadinessRest   float64
	DeloadRatio     float64
	DeloadWeeks     int
	Weights         Weights

	// Off lists rules switched off by name.
	Off map[string]bool
	// Overrides names the keys set by the user, in the order given, for the
	// Methods section ("no_rest_days = 8 (profile)").
	Overrides []Override
}

// Override records one user-set rule key for the Methods section.
type Override struct {
	Key, Value, Where string
}

// Weights are the readiness component weights; they need not sum to one.
type Weights struct {
	HRV, RHR, Sleep, Wellness float64
}

// The conventions a Params field can name.
const (
	DecayExp           = "exp"
	DecayLinear        = "linear"
	TSBYesterday       = "yesterday"
	TSBToday           = "today"
	ACWREWMA           = "ewma"
	ACWRCoupled        = "rolling-coupled"
	ACWRUncoupled      = "rolling-uncoupled"
	SDPopulation       = "population"
	SDSample           = "sample"
	minCalibrationPair = 10
)

// K0 is the fallback sRPE conversion: 60 min at CR-10 7 ("very hard") is one
// hour at threshold, 100 LP, so k₀ = 100/420 LP per RPE·minute.
const K0 = 100.0 / 420.0

// DefaultParams returns the documented defaults (science reference §12).
func DefaultParams() Params {
	return Params{
		SRPEK: Missing(), RestLoadMax: 20,
		CTLDays: 42, ATLDays: 7, PMCDecay: DecayExp, TSB: TSBYesterday,
		ACWRMethod: ACWREWMA, ACWRAcuteDays: 7, ACWRChronicDays: 28,
		MonotonySD: SDPopulation, WeekStart: time.Monday,
		NoRestDays: 7, NoRestAlertDays: 14, HardRPE: 7, HardIF: 0.85,
		SpikeACWR: 1.5, SpikeMinChronic: 10, MonotonyMax: 2.0,
		SorenessMin: 6, SorenessDays: 5, EffortDriftRPE: 1.0,
		HRVBaselineDays: 60, HRVSWCSD: 0.5, RHRDeltaBPM: 5,
		ReadinessLow: 40, ReadinessRest: 25, DeloadRatio: 0.8, DeloadWeeks: 6,
		Weights: Weights{HRV: 0.35, RHR: 0.15, Sleep: 0.25, Wellness: 0.25},
	}
}

// Validate checks that the parameters can be computed with. It returns the
// first problem, naming the rules key.
func (p Params) Validate() error {
	pos := []struct {
		key string
		v   float64
	}{
		{"ctl_days", float64(p.CTLDays)}, {"atl_days", float64(p.ATLDays)},
		{"acwr_acute_days", float64(p.ACWRAcuteDays)}, {"acwr_chronic_days", float64(p.ACWRChronicDays)},
		{"no_rest_days", float64(p.NoRestDays)}, {"no_rest_alert_days", float64(p.NoRestAlertDays)},
		{"soreness_days", float64(p.SorenessDays)}, {"hrv_baseline_days", float64(p.HRVBaselineDays)},
		{"deload_weeks", float64(p.DeloadWeeks)}, {"hard_if", p.HardIF}, {"spike_acwr", p.SpikeACWR},
		{"monotony_max", p.MonotonyMax}, {"deload_ratio", p.DeloadRatio},
	}
	for _, c := range pos {
		if !(c.v > 0) {
			return fmt.Errorf("%s must be above 0, got %v", c.key, c.v)
		}
	}
	if p.ACWRAcuteDays >= p.ACWRChronicDays {
		return fmt.Errorf("acwr_acute_days (%d) must be below acwr_chronic_days (%d)", p.ACWRAcuteDays, p.ACWRChronicDays)
	}
	if Known(p.SRPEK) && !(p.SRPEK > 0) {
		return fmt.Errorf("srpe_k must be above 0, got %v", p.SRPEK)
	}
	if w := p.Weights; w.HRV < 0 || w.RHR < 0 || w.Sleep < 0 || w.Wellness < 0 || w.HRV+w.RHR+w.Sleep+w.Wellness == 0 {
		return fmt.Errorf("readiness_weights must be non-negative and not all zero")
	}
	return nil
}

package parse

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
)

// rulesYAML is a `rules:` block of a profile or team file. Every key is
// optional; what is set overrides the level below (defaults < team <
// athlete).
type rulesYAML struct {
	SRPEK           yNum     `yaml:"srpe_k"`
	RestLoadMax     yNum     `yaml:"rest_load_max"`
	CTLDays         yNum     `yaml:"ctl_days"`
	ATLDays         yNum     `yaml:"atl_days"`
	PMCDecay        yStr     `yaml:"pmc_decay"`
	TSB             yStr     `yaml:"tsb"`
	CTLSeed         yNum     `yaml:"ctl_seed"`
	ATLSeed         yNum     `yaml:"atl_seed"`
	ACWRMethod      yStr     `yaml:"acwr_method"`
	ACWRAcuteDays   yNum     `yaml:"acwr_acute_days"`
	ACWRChronicDays yNum     `yaml:"acwr_chronic_days"`
	MonotonySD      yStr     `yaml:"monotony_sd"`
	WeekStart       yStr     `yaml:"week_start"`
	NoRestDays      yNum     `yaml:"no_rest_days"`
	NoRestAlertDays yNum     `yaml:"no_rest_alert_days"`
	HardRPE         yNum     `yaml:"hard_rpe"`
	HardIF          yNum     `yaml:"hard_if"`
	SpikeACWR       yNum     `yaml:"spike_acwr"`
	SpikeMinChronic yNum     `yaml:"spike_min_chronic"`
	MonotonyMax     yNum     `yaml:"monotony_max"`
	SorenessMin     yNum     `yaml:"soreness_min"`
	SorenessDays    yNum     `yaml:"soreness_days"`
	EffortDriftRPE  yNum     `yaml:"effort_drift_rpe"`
	HRVBaselineDays yNum     `yaml:"hrv_baseline_days"`
	HRVSWCSD        yNum     `yaml:"hrv_swc_sd"`
	RHRDeltaBPM     yNum     `yaml:"rhr_delta_bpm"`
	ReadinessLow    yNum     `yaml:"readiness_low"`
	ReadinessRest   yNum     `yaml:"readiness_rest"`
	DeloadRatio     yNum     `yaml:"deload_ratio"`
	DeloadWeeks     yNum     `yaml:"deload_weeks"`
	Weights         *weights `yaml:"readiness_weights"`
	Off             []yStr   `yaml:"off"`
}

type weights struct {
	HRV      yNum `yaml:"hrv"`
	RHR      yNum `yaml:"rhr"`
	Sleep    yNum `yaml:"sleep"`
	Wellness yNum `yaml:"wellness"`
}

// numRule binds one numeric key to its Params field.
type numRule struct {
	key   string
	v     *yNum
	whole bool
	min   float64 // smallest allowed value
	max   float64 // largest allowed value: windows of at most ten years, ratios and scores that mean something
	set   func(p *metrics.Params, v float64)
}

// Bounds of the rules keys: day windows up to ten years, week counts up to
// ten years, loads and ratios far beyond any real value but finite.
const (
	maxDays  = 3650
	maxWeeks = 520
	maxLoad  = 10000
	maxRatio = 100
)

func (r *rulesYAML) numbers() []numRule {
	return []numRule{
		{"srpe_k", &r.SRPEK, false, 1e-9, 100, func(p *metrics.Params, v float64) { p.SRPEK = v }},
		{"rest_load_max", &r.RestLoadMax, false, 0, maxLoad, func(p *metrics.Params, v float64) { p.RestLoadMax = v }},
		{"ctl_days", &r.CTLDays, true, 1, maxDays, func(p *metrics.Params, v float64) { p.CTLDays = int(v) }},
		{"atl_days", &r.ATLDays, true, 1, maxDays, func(p *metrics.Params, v float64) { p.ATLDays = int(v) }},
		{"ctl_seed", &r.CTLSeed, false, 0, maxLoad, func(p *metrics.Params, v float64) { p.CTLSeed = v }},
		{"atl_seed", &r.ATLSeed, false, 0, maxLoad, func(p *metrics.Params, v float64) { p.ATLSeed = v }},
		{"acwr_acute_days", &r.ACWRAcuteDays, true, 1, maxDays, func(p *metrics.Params, v float64) { p.ACWRAcuteDays = int(v) }},
		{"acwr_chronic_days", &r.ACWRChronicDays, true, 2, maxDays, func(p *metrics.Params, v float64) { p.ACWRChronicDays = int(v) }},
		{"no_rest_days", &r.NoRestDays, true, 1, maxDays, func(p *metrics.Params, v float64) { p.NoRestDays = int(v) }},
		{"no_rest_alert_days", &r.NoRestAlertDays, true, 1, maxDays, func(p *metrics.Params, v float64) { p.NoRestAlertDays = int(v) }},
		{"hard_rpe", &r.HardRPE, false, 0, 10, func(p *metrics.Params, v float64) { p.HardRPE = v }},
		{"hard_if", &r.HardIF, false, 1e-9, 10, func(p *metrics.Params, v float64) { p.HardIF = v }},
		{"spike_acwr", &r.SpikeACWR, false, 1e-9, maxRatio, func(p *metrics.Params, v float64) { p.SpikeACWR = v }},
		{"spike_min_chronic", &r.SpikeMinChronic, false, 0, maxLoad, func(p *metrics.Params, v float64) { p.SpikeMinChronic = v }},
		{"monotony_max", &r.MonotonyMax, false, 1e-9, metrics.MonotonyCap, func(p *metrics.Params, v float64) { p.MonotonyMax = v }},
		{"soreness_min", &r.SorenessMin, false, 1, 10, func(p *metrics.Params, v float64) { p.SorenessMin = v }},
		{"soreness_days", &r.SorenessDays, true, 1, maxDays, func(p *metrics.Params, v float64) { p.SorenessDays = int(v) }},
		{"effort_drift_rpe", &r.EffortDriftRPE, false, 1e-9, 10, func(p *metrics.Params, v float64) { p.EffortDriftRPE = v }},
		{"hrv_baseline_days", &r.HRVBaselineDays, true, 14, maxDays, func(p *metrics.Params, v float64) { p.HRVBaselineDays = int(v) }},
		{"hrv_swc_sd", &r.HRVSWCSD, false, 0, 10, func(p *metrics.Params, v float64) { p.HRVSWCSD = v }},
		{"rhr_delta_bpm", &r.RHRDeltaBPM, false, 0, 100, func(p *metrics.Params, v float64) { p.RHRDeltaBPM = v }},
		{"readiness_low", &r.ReadinessLow, false, 0, 100, func(p *metrics.Params, v float64) { p.ReadinessLow = v }},
		{"readiness_rest", &r.ReadinessRest, false, 0, 100, func(p *metrics.Params, v float64) { p.ReadinessRest = v }},
		{"deload_ratio", &r.DeloadRatio, false, 1e-9, maxRatio, func(p *metrics.Params, v float64) { p.DeloadRatio = v }},
		{"deload_weeks", &r.DeloadWeeks, true, 1, maxWeeks, func(p *metrics.Params, v float64) { p.DeloadWeeks = int(v) }},
	}
}

// choice binds one key with a fixed set of values.
type choice struct {
	key     string
	v       *yStr
	allowed []string
	set     func(p *metrics.Params, v string)
}

func (r *rulesYAML) choices() []choice {
	return []choice{
		{"pmc_decay", &r.PMCDecay, []string{metrics.DecayExp, metrics.DecayLinear}, func(p *metrics.Params, v string) { p.PMCDecay = v }},
		{"tsb", &r.TSB, []string{metrics.TSBYesterday, metrics.TSBToday}, func(p *metrics.Params, v string) { p.TSB = v }},
		{"acwr_method", &r.ACWRMethod, []string{metrics.ACWREWMA, metrics.ACWRCoupled, metrics.ACWRUncoupled}, func(p *metrics.Params, v string) { p.ACWRMethod = v }},
		{"monotony_sd", &r.MonotonySD, []string{metrics.SDPopulation, metrics.SDSample}, func(p *metrics.Params, v string) { p.MonotonySD = v }},
	}
}

// apply overrides p with the keys set in r, recording each override. where
// is the file the block came from.
func (r *rulesYAML) apply(p *metrics.Params, file string) error {
	if r == nil {
		return nil
	}
	at := func(line, col int, format string, args ...any) error {
		return &Error{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...), FileLevel: true}
	}
	record := func(key, value string, line int) {
		p.Overrides = append(p.Overrides, metrics.Override{Key: key, Value: value, Where: fmt.Sprintf("%s:%d", file, line)})
	}
	for _, n := range r.numbers() {
		if !n.v.Set {
			continue
		}
		v := n.v.V
		if n.whole && v != math.Trunc(v) {
			return at(n.v.Line, n.v.Col, "%s must be a whole number, got %s", n.key, text.Clip(n.v.Raw, 40))
		}
		if v < n.min || v > n.max || math.IsInf(v, 0) || math.IsNaN(v) {
			return at(n.v.Line, n.v.Col, "%s must be from %s to %s, got %s", n.key, text.Num(n.min), text.Num(n.max), text.Clip(n.v.Raw, 40))
		}
		n.set(p, v)
		record(n.key, text.Num(v), n.v.Line)
	}
	for _, c := range r.choices() {
		if !c.v.Set {
			continue
		}
		v := strings.ToLower(c.v.V)
		if !slices.Contains(c.allowed, v) {
			return at(c.v.Line, c.v.Col, "%s must be one of %s, got %q", c.key, strings.Join(c.allowed, ", "), text.Clip(c.v.V, 40))
		}
		c.set(p, v)
		record(c.key, v, c.v.Line)
	}
	if r.WeekStart.Set {
		d, ok := weekday(r.WeekStart.V)
		if !ok {
			return at(r.WeekStart.Line, r.WeekStart.Col, "week_start must be a day name such as monday or sunday, got %q", text.Clip(r.WeekStart.V, 40))
		}
		p.WeekStart = d
		record("week_start", strings.ToLower(d.String()), r.WeekStart.Line)
	}
	if err := r.applyWeights(p, at, record); err != nil {
		return err
	}
	for _, o := range r.Off {
		name := strings.ToLower(o.V)
		if !metrics.IsRule(name) {
			return at(o.Line, o.Col, "unknown rule %q in off; rules are %s", text.Clip(o.V, 40), strings.Join(metrics.RuleNames(), ", "))
		}
		if p.Off == nil {
			p.Off = map[string]bool{}
		}
		p.Off[name] = true
		record("off", name, o.Line)
	}
	return nil
}

func (r *rulesYAML) applyWeights(p *metrics.Params, at func(int, int, string, ...any) error, record func(string, string, int)) error {
	if r.Weights == nil {
		return nil
	}
	for _, w := range []struct {
		key string
		v   yNum
		dst *float64
	}{
		{"hrv", r.Weights.HRV, &p.Weights.HRV}, {"rhr", r.Weights.RHR, &p.Weights.RHR},
		{"sleep", r.Weights.Sleep, &p.Weights.Sleep}, {"wellness", r.Weights.Wellness, &p.Weights.Wellness},
	} {
		if !w.v.Set {
			continue
		}
		if w.v.V < 0 || w.v.V > maxWeight || math.IsInf(w.v.V, 0) || math.IsNaN(w.v.V) {
			return at(w.v.Line, w.v.Col, "readiness_weights.%s must be from 0 to %s, got %s", w.key, text.Num(maxWeight), text.Clip(w.v.Raw, 40))
		}
		*w.dst = w.v.V
		record("readiness_weights."+w.key, text.Num(w.v.V), w.v.Line)
	}
	return nil
}

// maxWeight bounds a readiness weight: weights are relative, so 100 leaves
// any share possible and the sum can never overflow.
const maxWeight = 100

func weekday(s string) (time.Weekday, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for d := time.Sunday; d <= time.Saturday; d++ {
		name := strings.ToLower(d.String())
		if s == name || (len(s) == 3 && s == name[:3]) {
			return d, true
		}
	}
	return 0, false
}

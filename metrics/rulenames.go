package metrics

// The rule names, as in the science reference §9. They name flags in the
// report and JSON, and are what a profile's `rules: {off: [...]}` lists.
const (
	RuleNoRestDay           = "no-rest-day"
	RuleHardDaysClose       = "hard-days-close"
	RuleLoadSpike           = "load-spike"
	RuleMonotonyHigh        = "monotony-high"
	RuleSorenessPersistent  = "soreness-persistent"
	RuleEffortDrift         = "effort-drift"
	RuleHRVLow              = "hrv-low"
	RuleRHRHigh             = "rhr-high"
	RuleReadinessLow        = "readiness-low"
	RuleHardOnPoorReadiness = "hard-on-poor-readiness"
	RuleNoDeloadWeek        = "no-deload-week"
)

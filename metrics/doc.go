// Package metrics computes every number workin reports. It is the pure
// middle of the pipeline
//
//	parse (CSV, YAML → values) → metrics (values → numbers) → report (numbers → HTML, Markdown, JSON)
//
// and imports neither os nor io: values in, values out, so every formula can
// be tested against hand-computed vectors.
//
// The steps of Analyze, for one athlete:
//
//  1. Session load (SessionLoad): each workout gets one load in load points
//     (LP, 100 = one hour at threshold) and the Source it came from, by the
//     precedence given TSS > power > TRIMP column > heart rate > running pace
//     > session RPE × k (Calibrate) > none.
//  2. Days: every calendar day from the first row to AsOf, with its load and
//     whether it was a rest day (training load under rest_load_max, no
//     session of unknown load; work-ins never break a rest day).
//  3. Fitness, fatigue and form (PMC), the acute:chronic workload ratio
//     (ComputeACWR), monotony and strain (Monotony).
//  4. Weeks: calendar weeks (ISO, Monday start by default) with load by
//     sport, rest days and lighter weeks.
//
// Conventions and thresholds live in Params; DefaultParams documents them.
package metrics

// Package report renders an analysis in three forms: one self-contained
// HTML file (charts, tables, data quality and methods, readable offline on
// a phone), a Markdown summary (for CI job summaries and pull requests) and
// a JSON summary with a versioned schema. It is the last stage of
//
//	parse (CSV, YAML → values) → metrics (values → numbers) → report (numbers → HTML, Markdown, JSON)
//
// Renderers write to an io.Writer and only read the Report they are given;
// the same Report always renders to the same bytes.
package report

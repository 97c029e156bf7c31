// Package parse reads workin's inputs into domain values. It is the first
// stage of the pipeline
//
//	parse (CSV, YAML → values) → metrics (values → numbers) → report (numbers → HTML, Markdown, JSON)
//
// It reads the native workouts and check-ins sheets (the team spreadsheet
// format documented in the README) and athlete profiles and team files in
// YAML. Every problem is an *Error naming the file, the physical line, the
// column as written in the header and what was expected. In lenient mode a
// bad row is skipped and recorded as a Skip instead; problems with a whole
// file (unreadable, empty, no date column, a column named twice) always
// stop the read.
//
// A file is read in three steps. The splitter (table.go) finds the header
// and cuts the body into records, splitting one-line records in place and
// handing multi-line ones to encoding/csv, in parallel chunks for large
// files. gocsv binds the records to row structs (bind.go): the native
// sheets' nativeWorkout and nativeCheckin, and exportRow for the vendor
// exports. The cells are typed by Decimal, Duration, Day and Stamp, gocsv
// TypeUnmarshallers that refuse what spreadsheets get wrong: octal and hex
// numbers, NaN and Inf, thousands separators, decimal commas in
// comma-separated files, days that do not exist. Last, a converter checks
// the row (ranges, dates, names) and makes it a metrics value.
//
// A team sheet can be read deferred (Options.Defer): it is read as a
// whole read reads it (the same errors, skips and remarks), but its rows
// go aside into a Spill, encoded compactly and grouped by athlete, and
// File.Decode reads one athlete's rows back when the pipeline comes to
// them. With ReadFrom and a Spill on disk a large sheet is read block by
// block and is never in memory whole: 8 bytes a row stay in memory, and an
// athlete's rows are values only while the athlete is analysed
// (FuzzDeferred and TestStreamMatchesWhole check both paths against a
// whole read).
//
// Nothing returned aliases the caller's buffer: row text, skipped rows and
// errors are copied (TestNothingAliasesTheInput).
package parse

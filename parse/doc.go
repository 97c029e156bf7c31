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
// CSV cells are decoded by custom types (Decimal, Duration, Day, Stamp) that
// implement gocsv's TypeUnmarshaller and refuse what spreadsheets get
// wrong: octal and hex numbers, NaN and Inf, thousands separators, decimal
// commas in comma-separated files, days that do not exist.
package parse

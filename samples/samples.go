// Package samples embeds the demo team (three athletes in the native
// format, with their profiles and a team file), so 'workin demo' renders a
// report with no input files. samples/README.md tells how they were made.
package samples

import "embed"

// FS holds team.yaml, the profiles and the CSV sheets.
//
//go:embed *.yaml *.csv
var FS embed.FS

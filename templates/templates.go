// Package templates holds the report's HTML templates, stylesheet, script
// and the pinned ECharts build, embedded in the binary so that a report
// needs no file, server or network at all. It is the last stage's assets:
//
//	parse → metrics → report (executes these templates) → one HTML file
//
// Templates are parsed by package report; this package only embeds them.
package templates

import "embed"

// FS holds the templates (*.html), report.css, report.js and
// assets/echarts/echarts.min.js with its licences.
//
//go:embed *.html report.css report.js assets/echarts/echarts.min.js assets/echarts/LICENSE-echarts assets/echarts/NOTICE-echarts
var FS embed.FS

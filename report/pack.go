package report

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"html/template"
	"io/fs"
	"regexp"
	"sync"

	"github.com/workin/workin/metrics"
	"github.com/workin/workin/templates"
)

// A big team's page would repeat every athlete's charts, tables and data
// as HTML: 36 MB for 500 athletes. Instead each folded athlete's body is
// packed: raw DEFLATE (RFC 1951) against a preset dictionary of the
// markup every body repeats, in base64, inside a JSON string. The page
// holds the dictionary once. report.js unpacks a body when its athlete is
// first opened, with the browser's DecompressionStream("deflate-raw"): it
// feeds the dictionary as stored (uncompressed) blocks, then the packed
// body, and drops the dictionary from the output. That is exactly a
// preset dictionary (RFC 1951 lets a match reach back into output already
// written), which DecompressionStream has no parameter for.

// packDict builds the preset dictionary: the literal text of the body
// templates (everything but their actions), then the body of a small
// built-in athlete rendered as a big team's folded athlete is: what every
// body repeats (markup, card words, table heads, notes), the most
// repeated last, at most the 32 KB a match can reach back.
func packDict(page *template.Template) ([]byte, error) {
	var b bytes.Buffer
	for _, name := range []string{"quality.html", "athlete.html"} {
		src, err := fs.ReadFile(templates.FS, name)
		if err != nil {
			return nil, err
		}
		b.WriteString(templateAction.ReplaceAllString(string(src), ""))
	}
	a := dictAthlete()
	r := &Report{Title: a.Profile.Name, AsOf: a.AsOf, Options: Options{DetailWeeks: 26}}
	v := buildAthlete(r, 0, a, false, true)
	v.Data = "" // the numbers are the athlete's own
	if err := page.ExecuteTemplate(&b, "athlete-body", v); err != nil {
		return nil, err
	}
	d := b.Bytes()
	if len(d) > 32<<10 {
		d = d[len(d)-32<<10:]
		for len(d) > 0 && d[0]&0xC0 == 0x80 { // not in the middle of a character
			d = d[1:]
		}
	}
	return d, nil
}

var templateAction = regexp.MustCompile(`(?s)\{\{.*?\}\}`)

// dictAthlete is a made-up athlete whose rendered body is most of the
// dictionary: five weeks of runs, rides and a weekly flow, sessions from
// heart rate, power and RPE, daily check-ins with a bad spell at the end.
func dictAthlete() *Athlete {
	p := metrics.NewProfile("sample")
	p.MaxHR, p.RestingHR, p.FTP = 190, 50, 250
	start := metrics.MustDate("2026-01-05")
	const days = 35
	var ws []metrics.Workout
	var cs []metrics.Checkin
	for i := 0; i < days; i++ {
		d := start + metrics.Date(i)
		w := metrics.NewWorkout()
		w.Date, w.Duration, w.RPE = d, float64(45+i%4*10)*60, float64(3+i%5)
		switch i % 7 {
		case 0:
			continue
		case 1, 4:
			w.Sport, w.AvgPower, w.NP = "ride", 180+float64(i%5)*10, 200+float64(i%5)*10
		case 3:
			w.Sport = "strength"
		default:
			w.Sport, w.AvgHR, w.DistanceKm = "run", 140+float64(i%9), 9+float64(i%3)
		}
		ws = append(ws, w)
		if i%7 == 5 {
			y := metrics.NewWorkout()
			y.Date, y.Sport, y.Duration, y.RPE = d, "yoga", 1800, 2
			ws = append(ws, y)
		}
		c := metrics.NewCheckin()
		c.Date, c.SleepHours, c.SleepQuality, c.Soreness, c.Stress, c.Mood, c.Energy = d, 7+float64(i%3)/2, 7, 3, 4, 7, 6
		c.HRV, c.RestingHR = 60+float64(i%7), 50+float64(i%3)
		if i > days-6 {
			c.Soreness, c.HRV, c.RestingHR = 8, 42, 58
		}
		cs = append(cs, c)
	}
	a := metrics.Analyze(metrics.Input{Profile: p, Params: metrics.DefaultParams(), AsOf: start + days - 1, Workouts: ws, Checkins: cs})
	return &Athlete{Analysis: a, HasProfile: true, Quality: Quality{RowsRead: len(ws) + len(cs), WorkoutRows: len(ws), CheckinRows: len(cs)}}
}

// packLevel is the DEFLATE level: measured on 500 athletes' bodies, 5
// takes 1.1 ms a body for 9.4 KB, 6 1.5 ms for 9.2 KB, 9 2.8 ms for 9.1 KB.
const packLevel = 5

// pack compresses a body against the dictionary and returns it as a JSON
// string of base64, ready for a <script type="application/json">.
func pack(dict []byte, body string) string {
	var z bytes.Buffer
	w, _ := packers.Get().(*flate.Writer)
	if w == nil {
		var err error
		if w, err = flate.NewWriterDict(&z, packLevel, dict); err != nil { // only for a bad level
			panic(err)
		}
	} else {
		w.Reset(&z) // as new, with the same dictionary
	}
	w.Write([]byte(body))
	w.Close()
	packers.Put(w)
	return `"` + base64.StdEncoding.EncodeToString(z.Bytes()) + `"`
}

// packers keeps DEFLATE writers for reuse: making one costs about 600 KB.
// There is one dictionary per process, so a writer kept is always primed
// with the right one.
var packers sync.Pool

// dictJSON is the dictionary as the page holds it: a JSON string, with <,
// > and & escaped so it can sit in a script element.
func dictJSON(dict []byte) string {
	b, _ := json.Marshal(string(dict))
	return string(b)
}

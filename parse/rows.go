package parse

import (
	"math"
	"strings"

	"github.com/workin/workin/metrics"
)

// Workouts are the workouts of one file. They are stored packed, with
// their text (athlete, sport, notes) in a table beside the numbers and no
// pointers, so that a club's years of rows take little memory and cost the
// garbage collector nothing to keep. At unpacks one row.
type Workouts struct{ rows[workoutRow] }

// Checkins are the check-ins of one file, stored like Workouts.
type Checkins struct{ rows[checkinRow] }

// splitPlanned moves the planned rows (an export's planned workouts) out
// of r, in file order; both keep r's text and origin.
func (r *rows[P]) splitPlanned(planned func(P) bool) rows[P] {
	out := rows[P]{text: r.text, origin: r.origin}
	kept := r.packed[:0]
	for _, p := range r.packed {
		if planned(p) {
			out.packed = append(out.packed, p)
		} else {
			kept = append(kept, p)
		}
	}
	clear(r.packed[len(kept):])
	r.packed = kept
	return out
}

// DateAt returns the day of row i without unpacking the row.
func (r *rows[P]) DateAt(i int) metrics.Date { return r.packed[i].day() }

// LineAt returns the physical line of row i.
func (w *Workouts) LineAt(i int) int { return int(w.packed[i].line) }

// LineAt returns the physical line of row i.
func (c *Checkins) LineAt(i int) int { return int(c.packed[i].line) }

// At returns row i, 0 ≤ i < Len.
func (w *Workouts) At(i int) metrics.Workout { return w.packed[i].unpack(w.text, w.origin) }

// All returns every row, unpacked.
func (w *Workouts) All() []metrics.Workout {
	out := make([]metrics.Workout, w.Len())
	for i := range out {
		out[i] = w.At(i)
	}
	return out
}

// At returns row i, 0 ≤ i < Len.
func (c *Checkins) At(i int) metrics.Checkin { return c.packed[i].unpack(c.text, c.origin) }

// All returns every row, unpacked.
func (c *Checkins) All() []metrics.Checkin {
	out := make([]metrics.Checkin, c.Len())
	for i := range out {
		out[i] = c.At(i)
	}
	return out
}

// rows is a file's packed rows, their text and their origin.
type rows[P packedRow[P]] struct {
	packed []P
	text   []string // indexed by textRef; text[0] is ""
	origin *metrics.Origin
}

// Len is the number of rows.
func (r *rows[P]) Len() int { return len(r.packed) }

// packedRow is a row type of rows.
type packedRow[P any] interface {
	shift(n textRef) P // the row with its text references moved by n
	who() textRef      // the athlete
	day() metrics.Date
}

// Group is the rows of one athlete in a file: their indexes in file order
// and the date of the latest.
type Group struct {
	Athlete     string // as written in the file ("" when the file names no athlete)
	Rows        []int32
	First, Last metrics.Date
}

// ByAthlete groups the rows by athlete, in the order of each athlete's
// first row.
func (r *rows[P]) ByAthlete() []Group {
	slot := make([]int32, len(r.text)) // text reference → group + 1
	at := map[string]int32{}           // athlete → group + 1
	var groups []Group
	for i, p := range r.packed {
		ref := p.who()
		g := slot[ref] - 1
		if g < 0 {
			name := r.text[ref]
			g = at[name] - 1
			if g < 0 {
				g = int32(len(groups))
				groups = append(groups, Group{Athlete: name, First: p.day(), Last: p.day()})
				at[name] = g + 1
			}
			slot[ref] = g + 1
		}
		grp := &groups[g]
		grp.Rows = append(grp.Rows, int32(i))
		grp.First, grp.Last = min(grp.First, p.day()), max(grp.Last, p.day())
	}
	return groups
}

// textRef indexes a rows' text; 0 is the empty string.
type textRef uint32

// textTable collects the text of one chunk's rows. Labels that repeat
// (athletes, sports) are stored once; notes are stored as they come.
// Everything is copied, so no row keeps the memory of the input.
type textTable struct {
	text   []string
	labels map[string]textRef
}

func newTextTable() *textTable {
	return &textTable{text: []string{""}, labels: map[string]textRef{}}
}

func (t *textTable) label(s string) textRef {
	if s == "" {
		return 0
	}
	if r, ok := t.labels[s]; ok {
		return r
	}
	s = strings.Clone(s)
	r := textRef(len(t.text))
	t.text = append(t.text, s)
	t.labels[s] = r
	return r
}

func (t *textTable) note(s string) textRef {
	if s == "" {
		return 0
	}
	t.text = append(t.text, strings.Clone(s))
	return textRef(len(t.text) - 1)
}

// shift moves a reference into a table that other chunks' text precedes.
func (r textRef) shift(n textRef) textRef {
	if r == 0 {
		return 0
	}
	return r + n
}

type workoutRow struct {
	date                   metrics.Date
	startSec, line         int32
	athlete, sport, notes  textRef
	duration, distanceKm   float64
	rpe, avgHR, maxHR      float64
	avgPower, np, tss, trm float64
	stated                 packedSettings
	planned                bool
}

// packedSettings are the settings an export states, in whole bpm and W (0:
// not stated). Parse checks them: heart rates 25–250, FTP 1–2000.
type packedSettings struct{ maxHR, restHR, lthr, ftp uint16 }

func packSettings(s metrics.Settings) packedSettings {
	u := func(v float64) uint16 {
		if !metrics.Known(v) || v <= 0 || v > 65535 {
			return 0
		}
		return uint16(math.Round(v))
	}
	return packedSettings{u(s.MaxHR), u(s.RestingHR), u(s.LTHR), u(s.FTP)}
}

func (p packedSettings) unpack() metrics.Settings {
	f := func(v uint16) float64 {
		if v == 0 {
			return metrics.Missing()
		}
		return float64(v)
	}
	return metrics.Settings{MaxHR: f(p.maxHR), RestingHR: f(p.restHR), LTHR: f(p.lthr), FTP: f(p.ftp)}
}

func packWorkout(w metrics.Workout, t *textTable) workoutRow {
	return workoutRow{
		date: w.Date, startSec: w.StartSec, line: w.Line,
		athlete: t.label(w.Athlete), sport: t.label(w.Sport), notes: t.note(w.Notes),
		duration: w.Duration, distanceKm: w.DistanceKm, rpe: w.RPE, avgHR: w.AvgHR, maxHR: w.MaxHR,
		avgPower: w.AvgPower, np: w.NP, tss: w.TSS, trm: w.TRIMP, stated: packSettings(w.Stated), planned: w.Planned,
	}
}

func (p workoutRow) unpack(text []string, origin *metrics.Origin) metrics.Workout {
	return metrics.Workout{
		Athlete: text[p.athlete], Date: p.date, StartSec: p.startSec, Sport: text[p.sport],
		Duration: p.duration, DistanceKm: p.distanceKm, RPE: p.rpe, AvgHR: p.avgHR, MaxHR: p.maxHR,
		AvgPower: p.avgPower, NP: p.np, TSS: p.tss, TRIMP: p.trm,
		Notes: text[p.notes], Origin: origin, Line: p.line, Stated: p.stated.unpack(), Planned: p.planned,
	}
}

func (p workoutRow) who() textRef      { return p.athlete }
func (p workoutRow) day() metrics.Date { return p.date }
func (p checkinRow) who() textRef      { return p.athlete }
func (p checkinRow) day() metrics.Date { return p.date }

func (p workoutRow) shift(n textRef) workoutRow {
	p.athlete, p.sport, p.notes = p.athlete.shift(n), p.sport.shift(n), p.notes.shift(n)
	return p
}

type checkinRow struct {
	date                         metrics.Date
	line                         int32
	athlete, notes               textRef
	sleepHours, sleepQuality     float64
	soreness, stress             float64
	mood, energy, hrv, restingHR float64
}

func packCheckin(c metrics.Checkin, t *textTable) checkinRow {
	return checkinRow{
		date: c.Date, line: c.Line, athlete: t.label(c.Athlete), notes: t.note(c.Notes),
		sleepHours: c.SleepHours, sleepQuality: c.SleepQuality, soreness: c.Soreness, stress: c.Stress,
		mood: c.Mood, energy: c.Energy, hrv: c.HRV, restingHR: c.RestingHR,
	}
}

func (p checkinRow) unpack(text []string, origin *metrics.Origin) metrics.Checkin {
	return metrics.Checkin{
		Athlete: text[p.athlete], Date: p.date,
		SleepHours: p.sleepHours, SleepQuality: p.sleepQuality, Soreness: p.soreness, Stress: p.stress,
		Mood: p.mood, Energy: p.energy, HRV: p.hrv, RestingHR: p.restingHR,
		Notes: text[p.notes], Origin: origin, Line: p.line,
	}
}

func (p checkinRow) shift(n textRef) checkinRow {
	p.athlete, p.notes = p.athlete.shift(n), p.notes.shift(n)
	return p
}

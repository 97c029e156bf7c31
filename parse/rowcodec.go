package parse

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"

	"github.com/workin/workin/metrics"
)

// The rows of a deferred sheet are set aside in a compact binary form:
// the day, then a mask of the numbers present and those numbers (exact
// float64 bits; a missing one takes no room), then the text as
// length-prefixed bytes. The athlete, the origin and the line are not
// written: the group, the file and the index keep them.

var errShortRow = errors.New("a row set aside is cut short")

func appendNumbers(b []byte, vs ...float64) []byte {
	var mask uint16
	for i, v := range vs {
		if metrics.Known(v) {
			mask |= 1 << i
		}
	}
	b = binary.LittleEndian.AppendUint16(b, mask)
	for _, v := range vs {
		if metrics.Known(v) {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
		}
	}
	return b
}

func readNumbers(b []byte, vs ...*float64) ([]byte, error) {
	if len(b) < 2 {
		return nil, errShortRow
	}
	mask := binary.LittleEndian.Uint16(b)
	b = b[2:]
	for i, v := range vs {
		if mask&(1<<i) == 0 {
			*v = metrics.Missing()
			continue
		}
		if len(b) < 8 {
			return nil, errShortRow
		}
		*v = math.Float64frombits(binary.LittleEndian.Uint64(b))
		b = b[8:]
	}
	return b, nil
}

func appendText(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func readText(b []byte) ([]byte, []byte, error) {
	n, k := binary.Uvarint(b)
	if k <= 0 || uint64(len(b)-k) < n {
		return nil, nil, errShortRow
	}
	return b[k : k+int(n)], b[k+int(n):], nil
}

func appendWorkout(b []byte, w *metrics.Workout) []byte {
	b = binary.LittleEndian.AppendUint32(b, uint32(w.Date))
	b = binary.LittleEndian.AppendUint32(b, uint32(w.StartSec))
	b = appendNumbers(b, w.Duration, w.DistanceKm, w.RPE, w.AvgHR, w.MaxHR, w.AvgPower, w.NP, w.TSS, w.TRIMP,
		w.Stated.MaxHR, w.Stated.RestingHR, w.Stated.LTHR, w.Stated.FTP)
	return appendText(appendText(b, w.Sport), w.Notes)
}

func readWorkout(b []byte, w *metrics.Workout, own owned) ([]byte, error) {
	if len(b) < 8 {
		return nil, errShortRow
	}
	w.Date, w.StartSec = metrics.Date(int32(binary.LittleEndian.Uint32(b))), int32(binary.LittleEndian.Uint32(b[4:]))
	b, err := readNumbers(b[8:], &w.Duration, &w.DistanceKm, &w.RPE, &w.AvgHR, &w.MaxHR, &w.AvgPower, &w.NP, &w.TSS, &w.TRIMP,
		&w.Stated.MaxHR, &w.Stated.RestingHR, &w.Stated.LTHR, &w.Stated.FTP)
	if err != nil {
		return nil, err
	}
	sport, b, err := readText(b)
	if err != nil {
		return nil, err
	}
	notes, b, err := readText(b)
	if err != nil {
		return nil, err
	}
	w.Sport, w.Notes = own.label(sport), string(notes)
	return b, nil
}

func appendCheckin(b []byte, c *metrics.Checkin) []byte {
	b = binary.LittleEndian.AppendUint32(b, uint32(c.Date))
	b = appendNumbers(b, c.SleepHours, c.SleepQuality, c.Soreness, c.Stress, c.Mood, c.Energy, c.HRV, c.RestingHR)
	return appendText(b, c.Notes)
}

func readCheckin(b []byte, c *metrics.Checkin, _ owned) ([]byte, error) {
	if len(b) < 4 {
		return nil, errShortRow
	}
	c.Date = metrics.Date(int32(binary.LittleEndian.Uint32(b)))
	b, err := readNumbers(b[4:], &c.SleepHours, &c.SleepQuality, &c.Soreness, &c.Stress, &c.Mood, &c.Energy, &c.HRV, &c.RestingHR)
	if err != nil {
		return nil, err
	}
	notes, b, err := readText(b)
	if err != nil {
		return nil, err
	}
	c.Notes = string(notes)
	return b, nil
}

// workoutCodec and checkinCodec set aside the rows of a file with origin.
func workoutCodec(origin *metrics.Origin) rowCodec[metrics.Workout] {
	return rowCodec[metrics.Workout]{
		athlete: func(w *metrics.Workout) string { return w.Athlete },
		date:    func(w *metrics.Workout) metrics.Date { return w.Date },
		line:    func(w *metrics.Workout) int32 { return w.Line },
		encode:  appendWorkout,
		decode:  readWorkout,
		fresh: func(athlete string, line int32) metrics.Workout {
			return metrics.Workout{Athlete: athlete, Origin: origin, Line: line}
		},
		slot: func(d *Decoded) *metrics.Workout {
			d.Workouts = append(d.Workouts, metrics.Workout{})
			return &d.Workouts[len(d.Workouts)-1]
		},
		reserve: func(d *Decoded, n int) { d.Workouts = slices.Grow(d.Workouts, n) },
	}
}

func checkinCodec(origin *metrics.Origin) rowCodec[metrics.Checkin] {
	return rowCodec[metrics.Checkin]{
		athlete: func(c *metrics.Checkin) string { return c.Athlete },
		date:    func(c *metrics.Checkin) metrics.Date { return c.Date },
		line:    func(c *metrics.Checkin) int32 { return c.Line },
		encode:  appendCheckin,
		decode:  readCheckin,
		fresh: func(athlete string, line int32) metrics.Checkin {
			return metrics.Checkin{Athlete: athlete, Origin: origin, Line: line}
		},
		slot: func(d *Decoded) *metrics.Checkin {
			d.Checkins = append(d.Checkins, metrics.Checkin{})
			return &d.Checkins[len(d.Checkins)-1]
		},
		reserve: func(d *Decoded, n int) { d.Checkins = slices.Grow(d.Checkins, n) },
	}
}

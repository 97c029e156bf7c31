package parse

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/workin/workin/internal/text"
)

// specs lists every vendor export workin reads, workouts first. The native
// sheets are matched after them: a header that fits no export but has
// workin's own columns is a native sheet.
var specs = []*spec{
	stravaSpec, garminSpec, intervalsActivitiesSpec, trainingPeaksSpec, whoopWorkoutsSpec, pmsysSRPESpec,
	intervalsWellnessSpec, whoopCyclesSpec, whoopSleepsSpec, whoopJournalSpec, ouraSpec, garminSleepSpec, pmsysWellnessSpec,
}

// Formats describes every format workin reads, for help texts and errors.
func Formats() []string {
	out := []string{"workin native workouts sheet", "workin native check-ins sheet"}
	for _, s := range specs {
		out = append(out, s.label)
	}
	return out
}

// Read reads an export of any supported format, recognised from its
// header. want is what the caller expects (--workouts or --checkins): a
// native sheet is read as that kind when its columns fit both; an export
// of the other kind is read as what it is, with a note.
func Read(r io.Reader, name string, want Kind, opt Options) (*File, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &Error{File: name, FileLevel: true, Err: err, Msg: fmt.Sprintf("cannot read: %v", err)}
	}
	return ReadBytes(data, name, want, opt)
}

// ReadBytes is Read on a file already in memory.
func ReadBytes(data []byte, name string, want Kind, opt Options) (*File, error) {
	if err := notCSV(data, name); err != nil {
		return nil, err
	}
	t, err := newTable(name, data)
	if err != nil {
		return nil, err
	}
	ks := keys(t.header)
	if s := rejected(ks); s != "" {
		return nil, fileError(name, 1, "%s", s)
	}
	if b := detect(t.header, ks); b != nil {
		f, err := readVendor(t, b, opt)
		if err != nil {
			return nil, err
		}
		if want != 0 && f.Kind != want {
			f.Notes = append(f.Notes, fmt.Sprintf("given as %s, but this is %s (%s): read as %s", want, b.spec.label, f.Kind, f.Kind))
		}
		return f, nil
	}
	kind := nativeKind(ks, want)
	switch kind {
	case KindWorkouts:
		return readWorkouts(t, opt)
	case KindCheckins:
		return readCheckins(t, opt)
	}
	return nil, unknownHeader(name, t.header, ks)
}

// notCSV recognises files that are not CSV at all.
func notCSV(data []byte, name string) error {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return fileError(name, 0, "this is a ZIP archive, not a CSV file: unzip it and give the CSV inside (Strava: activities.csv; Garmin Connect: export Activities.csv from the activity list)")
	case len(bytes.TrimSpace(data)) > 0 && (bytes.TrimSpace(data)[0] == '{' || bytes.TrimSpace(data)[0] == '['):
		return fileError(name, 0, "this is JSON, not CSV; workin reads the CSV exports listed in the README")
	}
	return nil
}

// rejected explains files workin recognises but refuses.
func rejected(ks []string) string {
	if containsAll(ks, "avg_duration", "avg_bedtime") {
		return "this is Garmin Connect's weekly sleep summary (averages, not daily check-ins); export the daily sleep report instead"
	}
	return ""
}

// detect returns the best-matching vendor spec, or nil.
func detect(header, ks []string) *vbinding {
	var best *vbinding
	score := 0
	for _, s := range specs {
		b, ok := bindSpec(s, header, ks)
		if ok && len(b.index) > score {
			best, score = b, len(b.index)
		}
	}
	return best
}

var (
	nativeWorkoutKeys = []string{"duration", "rpe", "sport", "tss", "trimp", "avg_hr", "np", "avg_power", "distance_km", "start"}
	nativeCheckinKeys = []string{"sleep_hours", "sleep_quality", "soreness", "stress", "mood", "energy", "hrv", "resting_hr"}
)

// nativeKind decides whether a header is a native sheet, and which.
func nativeKind(ks []string, want Kind) Kind {
	hasDate := slices.Contains(ks, "date") || slices.Contains(ks, "start")
	w, c := containsAny(ks, nativeWorkoutKeys), containsAny(ks, nativeCheckinKeys)
	switch {
	case !hasDate && !w && !c:
		return 0
	case w && c, !w && !c:
		if want != 0 {
			return want
		}
		if w {
			return KindWorkouts
		}
		return 0
	case w:
		return KindWorkouts
	}
	return KindCheckins
}

// unknownHeader says what was found, what is supported and what came
// closest.
func unknownHeader(name string, header, ks []string) error {
	type near struct {
		label   string
		missing []string
		ratio   float64
	}
	var cands []near
	for _, s := range specs {
		b, _ := bindSpec(s, header, ks)
		var missing []string
		for _, f := range s.need {
			if _, ok := b.index[f]; !ok {
				missing = append(missing, f)
			}
		}
		cands = append(cands, near{s.label, missing, float64(len(s.need)-len(missing)) / float64(len(s.need))})
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].ratio > cands[j].ratio })
	// The header's cells are not echoed: a team file may name any file, and
	// an error must not print what is in it; workin inspect shows them.
	msg := fmt.Sprintf("the header (%s) does not match a format workin reads; run 'workin inspect' on the file to see its columns. Supported: %s.",
		text.Plural(len(header), "column", "columns"), strings.Join(Formats(), "; "))
	if c := cands[0]; c.ratio > 0 {
		msg += fmt.Sprintf(" Closest: %s (missing %s).", c.label, strings.Join(c.missing, ", "))
	} else {
		msg += " A native sheet needs a date (or start) column and workin's column names (see the README)."
	}
	return fileError(name, 1, "%s", msg)
}

func containsAny(xs, want []string) bool {
	return slices.ContainsFunc(want, func(w string) bool { return slices.Contains(xs, w) })
}

func containsAll(xs []string, want ...string) bool {
	return !slices.ContainsFunc(want, func(w string) bool { return !slices.Contains(xs, w) })
}

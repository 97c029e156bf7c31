package report

import (
	"fmt"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
)

// What the advice rests on: the words that keep unknown from reading as
// fine (unknown load, a day in progress, a missing check-in).

// unknownLoadNote says in plain words how many sessions have no load and
// what would give them one; "" when every session has a load.
func unknownLoadNote(a *metrics.Analysis) string {
	n := a.BySource[metrics.SrcNone].Sessions
	if n == 0 {
		return ""
	}
	return unknownLoadWords(a, fmt.Sprintf("Load unknown for %d of %s", n, text.Plural(len(a.Sessions), "session", "sessions")), n)
}

// recentUnknownNote is unknownLoadNote for the verdict: about the sessions
// of the last weeks, which the load rules read; "" when they all have a
// load.
func recentUnknownNote(a *metrics.Analysis) string {
	r := a.Recommendation
	if r.UnknownLoad == 0 {
		return ""
	}
	all := a.BySource[metrics.SrcNone].Sessions
	head := fmt.Sprintf("Load unknown for %d of %s", all, text.Plural(len(a.Sessions), "session", "sessions"))
	if all != len(a.Sessions) || r.UnknownLoad != r.Sessions {
		head = fmt.Sprintf("Load unknown for %d of the %s of the last %d days", r.UnknownLoad, text.Plural(r.Sessions, "session", "sessions"), a.Params.ACWRChronicDays)
	}
	return unknownLoadWords(a, head, r.UnknownLoad)
}

func unknownLoadWords(a *metrics.Analysis, msg string, n int) string {
	var miss metrics.Needs
	noData := 0
	for i := range a.Sessions {
		s := &a.Sessions[i]
		if s.Source != metrics.SrcNone {
			continue
		}
		miss |= s.Missed
		if s.Missed == 0 {
			noData++
		}
	}
	var fix []string
	if miss&metrics.NeedHRZones != 0 {
		fix = append(fix, "max_hr and resting_hr")
	}
	if miss&metrics.NeedFTP != 0 {
		fix = append(fix, "ftp")
	}
	if miss&metrics.NeedThresholdPace != 0 {
		fix = append(fix, "threshold_pace (for runs)")
	}
	they := "they have"
	if n == 1 {
		they = "it has"
	}
	switch {
	case len(fix) > 0 && noData > 0:
		msg += fmt.Sprintf(": add %s to a profile; %s no duration, heart rate, power, pace or RPE at all", text.JoinAnd(fix), text.Plural(noData, "has", "have"))
	case len(fix) > 0:
		msg += ": add " + text.JoinAnd(fix) + " to a profile"
	default:
		msg += ": " + they + " no duration, heart rate, power, pace or RPE to compute one from (add an RPE)"
	}
	return msg + ". Load rules that depend on them could not be checked."
}

// restsOn says what the as-of advice rests on: the load of the recent
// sessions, today's check-in and its parts, and that today is not over.
func restsOn(a *metrics.Analysis) string {
	r := a.Recommendation
	d := today(a)
	p := a.Params
	var load string
	switch {
	case len(a.Sessions) == 0:
		load = "no training load (no workouts in the data)"
	case r.Sessions == 0:
		load = fmt.Sprintf("training load (no session in the last %d days)", p.ACWRChronicDays)
	case r.UnknownLoad == 0:
		load = fmt.Sprintf("training load (all %s of the last %d days)", text.Plural(r.Sessions, "session", "sessions"), p.ACWRChronicDays)
	default:
		load = fmt.Sprintf("training load of %d of the %s of the last %d days (the others' load is unknown)", r.Sessions-r.UnknownLoad, text.Plural(r.Sessions, "session", "sessions"), p.ACWRChronicDays)
	}
	var body string
	if d.Checkins > 0 {
		var have []string
		for i := 0; i < metrics.NumParts; i++ {
			if metrics.Known(d.Parts[i].Score) {
				have = append(have, metrics.PartNames[i])
			}
		}
		if len(have) == 0 {
			body = "today's check-in (nothing readiness can use yet)"
		} else {
			body = "today's check-in (" + text.JoinAnd(have) + ")"
		}
	} else {
		body = "no check-in today (none in the data): nothing from the body"
		for i := len(a.Days) - 1; i >= 0; i-- {
			if a.Days[i].Checkins > 0 {
				body = "no check-in today (the last on " + dayLabel(a.AsOf, a.Days[i].Date) + "): nothing from the body"
				break
			}
		}
	}
	s := "Rests on " + load + " and " + body + "."
	if r.InProgress {
		s += fmt.Sprintf(" Today (%s) is not over: it is not counted as a rest day, and a rule that held yesterday stays until today's data clears it.", dayLabel(a.AsOf, d.Date))
	}
	return s
}

// dayLabel formats a day as "Mon 9 Feb", with the year when it is more
// than about ten months from asOf ("Sun 3 Nov 2024").
func dayLabel(asOf, d metrics.Date) string {
	if gap := int(asOf - d); gap > 300 || gap < -300 {
		return d.Long()
	}
	return shortDate(d)
}

// ratioDay is the day whose acute:chronic ratio and monotony describe
// "now": the last complete day while today has no training yet (a day in
// progress with nothing done would read as a day of zero load and pull
// the ratios down), else today. when says which it is.
func ratioDay(a *metrics.Analysis) (d *metrics.Day, when string) {
	d = today(a)
	if d.InProgress && d.RestOpen && len(a.Days) > 1 {
		return &a.Days[len(a.Days)-2], "yesterday (today is not over)"
	}
	return d, ""
}

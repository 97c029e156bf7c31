package report

import (
	"fmt"
	"strings"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
)

// sourceLabel names a load source for people.
func sourceLabel(s metrics.Source) string {
	switch s {
	case metrics.SrcGiven:
		return "given"
	case metrics.SrcPower:
		return "power"
	case metrics.SrcTRIMP:
		return "TRIMP"
	case metrics.SrcHR:
		return "heart rate"
	case metrics.SrcPace:
		return "pace"
	case metrics.SrcSRPE:
		return "RPE"
	}
	return "unknown"
}

// sourceDetail explains how one session's load was computed, with the
// numbers that went in: "RPE 6 × 45 min × k 0.238".
func sourceDetail(a *metrics.Analysis, s *metrics.Session) string {
	p := a.Profile
	switch s.Source {
	case metrics.SrcGiven:
		label := ""
		if s.Origin != nil {
			label = s.Origin.TSSLabel
		}
		if label == "" || label == "tss" {
			label = "TSS"
		}
		return fmt.Sprintf("%s %s as exported", label, text.Fixed(s.TSS, 0))
	case metrics.SrcPower:
		if metrics.Known(s.NP) {
			return fmt.Sprintf("NP %s W ÷ FTP %s W = IF %s, %s", text.Fixed(s.NP, 0), text.Fixed(p.FTP, 0), text.Fixed(s.NP/p.FTP, 2), hm(s.Duration)) + estimatedMark(a, "ftp")
		}
		return fmt.Sprintf("avg power %s W (no NP) ÷ FTP %s W = IF %s, %s", text.Fixed(s.AvgPower, 0), text.Fixed(p.FTP, 0), text.Fixed(s.AvgPower/p.FTP, 2), hm(s.Duration)) + estimatedMark(a, "ftp")
	case metrics.SrcTRIMP:
		return fmt.Sprintf("TRIMP %s × 100 ÷ %s (1 h at LTHR %s)", text.Fixed(s.TRIMP, 1), text.Fixed(hourTRIMP(p), 1), text.Fixed(lthr(p), 0)) + estimatedMark(a, "max_hr", "resting_hr", "lthr")
	case metrics.SrcHR:
		return fmt.Sprintf("avg HR %s for %s: TRIMP %s × 100 ÷ %s (1 h at LTHR %s)", text.Fixed(s.AvgHR, 0), hm(s.Duration),
			text.Fixed(metrics.TRIMP(s.Duration/60, s.AvgHR, p.RestingHR, p.MaxHR, p.Sex), 1), text.Fixed(hourTRIMP(p), 1), text.Fixed(lthr(p), 0)) + estimatedMark(a, "max_hr", "resting_hr", "lthr")
	case metrics.SrcPace:
		pace := s.Duration / s.DistanceKm
		return fmt.Sprintf("%s km in %s (%s/km) vs threshold %s/km, IF %s", text.Fixed(s.DistanceKm, 1), hm(s.Duration),
			text.MMSS(pace), text.MMSS(p.ThresholdPace), text.Fixed(p.ThresholdPace/pace, 2))
	case metrics.SrcSRPE:
		return fmt.Sprintf("RPE %s × %s min × k %s", text.Fixed(s.RPE, 1), text.Fixed(s.Duration/60, 0), text.Fixed(a.Calibration.K, 3))
	}
	var missing []string
	if !metrics.Known(s.Duration) {
		missing = append(missing, "duration")
	}
	if !metrics.Known(s.RPE) {
		missing = append(missing, "RPE")
	}
	return "no load: missing " + strings.Join(missing, " and ")
}

// estimatedMark names the profile values among keys that came from the
// data, for a session's source detail: "; max HR 192 estimated, resting
// HR 52 stated by the export".
func estimatedMark(a *metrics.Analysis, keys ...string) string {
	var out []string
	for _, k := range keys {
		for _, e := range a.Estimates {
			if e.Key == k {
				out = append(out, fmt.Sprintf("%s %s %s", profileKeyWords[k], text.Fixed(e.Value, 0), estimateKind(e)))
			}
		}
	}
	if len(out) == 0 {
		return ""
	}
	return "; " + strings.Join(out, ", ")
}

// profileKeyWords name profile keys for people.
var profileKeyWords = map[string]string{"max_hr": "max HR", "resting_hr": "resting HR", "lthr": "LTHR", "ftp": "FTP"}

// profileKeyUnits are the units of the profile keys.
var profileKeyUnits = map[string]string{"max_hr": "bpm", "resting_hr": "bpm", "lthr": "bpm", "ftp": "W"}

func estimateKind(e metrics.Estimate) string {
	if e.Stated {
		return "stated by " + e.Source
	}
	return "estimated from the data"
}

// estimateNotes describe every profile value taken from the data.
func estimateNotes(a *metrics.Analysis) []string {
	var out []string
	for _, e := range a.Estimates {
		out = append(out, fmt.Sprintf("%s %s %s (%s, not in the profile), %s: %s. A value in the profile always wins.",
			profileKeyWords[e.Key], text.Fixed(e.Value, 0), profileKeyUnits[e.Key], e.Key, estimateKind(e), e.How))
	}
	return out
}

func lthr(p metrics.Profile) float64 {
	if metrics.Known(p.LTHR) {
		return p.LTHR
	}
	return metrics.DefaultLTHR(p.RestingHR, p.MaxHR)
}

func hourTRIMP(p metrics.Profile) float64 {
	return metrics.HRSSHour(lthr(p), p.RestingHR, p.MaxHR, p.Sex)
}

// profileNotes says which profile values were missing and what that cost.
func profileNotes(a *Athlete) []string {
	var notes []string
	if !a.HasProfile {
		notes = append(notes, "No profile: loads come from given TSS, session RPE and the values below taken from the data. A profile with max_hr, resting_hr, ftp and threshold_pace is better than any estimate.")
	}
	notes = append(notes, estimateNotes(a.Analysis)...)
	needs := []struct {
		bit  metrics.Needs
		text string
	}{
		{metrics.NeedFTP, "had power but the profile has no ftp, so their load came from a lower source"},
		{metrics.NeedHRZones, "had heart rate but the profile lacks max_hr or resting_hr, so their load came from a lower source"},
		{metrics.NeedThresholdPace, "were runs with distance but the profile has no threshold_pace, so their load came from a lower source"},
		{metrics.NeedSex, "used heart rate with the male TRIMP constants because the profile gives no sex"},
	}
	for i, n := range needs {
		if c := a.Needed[i]; c > 0 && n.bit != 0 {
			notes = append(notes, fmt.Sprintf("%s %s.", text.Plural(c, "session", "sessions"), n.text))
		}
	}
	if metrics.Known(a.Profile.MaxHR) && metrics.Known(a.Profile.RestingHR) && !metrics.Known(a.Profile.LTHR) && a.BySource[metrics.SrcHR].Sessions+a.BySource[metrics.SrcTRIMP].Sessions > 0 {
		notes = append(notes, fmt.Sprintf("No lthr in the profile: heart-rate loads use HRrest + 0.85 × (HRmax − HRrest) = %s bpm.", text.Fixed(lthr(a.Profile), 0)))
	}
	return notes
}

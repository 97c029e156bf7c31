package parse

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
)

// Config is what a profile or team file says: who the athletes are, their
// physiology, their rules and their data files.
type Config struct {
	File     string // the YAML file read
	Team     string // team name; empty for a single profile
	Athletes []Athlete
	// Workouts and Checkins are data files shared by a team (with an
	// athlete column), resolved relative to the team file.
	Workouts []string
	Checkins []string
	// Plan are planned-session sheets shared by a team (native workouts
	// sheets with an athlete column), resolved like Workouts.
	Plan []string
}

// Athlete is one athlete's configuration.
type Athlete struct {
	Profile  metrics.Profile
	Params   metrics.Params
	Timezone string
	// Zone is Timezone loaded; nil without one.
	Zone *time.Location
	// DistanceUnit is the unit the athlete's Garmin account displays
	// distances in: "km" (default) or "mi".
	DistanceUnit string
	Workouts     []string // the athlete's own data files, resolved
	Checkins     []string
	// Plan are the athlete's planned-session sheets (native workouts
	// sheets of sessions dated after the as-of day), resolved.
	Plan []string
	// Given lists the physiological profile keys the file set, so the
	// report can say which were missing.
	Given []string
	// Scales maps check-in columns to the scale the athlete's sheet uses,
	// when it is not 1–10.
	Scales Scales
	// IDGiven is set when the profile writes its id (not taken from the
	// file name).
	IDGiven bool
	Where   string // file:line where the athlete is defined
}

type profileYAML struct {
	ID            yStr        `yaml:"id"`
	Name          yStr        `yaml:"name"`
	Sex           yStr        `yaml:"sex"`
	MaxHR         yNum        `yaml:"max_hr"`
	RestingHR     yNum        `yaml:"resting_hr"`
	LTHR          yNum        `yaml:"lthr"`
	FTP           yNum        `yaml:"ftp"`
	ThresholdPace yStr        `yaml:"threshold_pace"`
	Timezone      yStr        `yaml:"timezone"`
	DistanceUnit  yStr        `yaml:"distance_unit"`
	Workouts      []yStr      `yaml:"workouts"`
	Checkins      []yStr      `yaml:"checkins"`
	Plan          []yStr      `yaml:"plan"`
	Scales        *scalesYAML `yaml:"scales"`
	Rules         *rulesYAML  `yaml:"rules"`
}

// scalesYAML declares the scales of a check-in sheet that does not use
// 1–10, as [low, high]; written high first ([7, 1]) when the sheet's high
// number is the low end of workin's scale.
type scalesYAML struct {
	SleepQuality []yNum `yaml:"sleep_quality"`
	Soreness     []yNum `yaml:"soreness"`
	Stress       []yNum `yaml:"stress"`
	Mood         []yNum `yaml:"mood"`
	Energy       []yNum `yaml:"energy"`
}

type teamYAML struct {
	Team     yStr        `yaml:"team"`
	Athletes []teamEntry `yaml:"athletes"`
	Workouts []yStr      `yaml:"workouts"`
	Checkins []yStr      `yaml:"checkins"`
	Plan     []yStr      `yaml:"plan"`
	Rules    *rulesYAML  `yaml:"rules"`
}

// teamEntry is an athlete in a team file: either `profile: path` or an
// inline profile.
type teamEntry struct {
	Profile     yStr `yaml:"profile"`
	profileYAML `yaml:",inline"`
}

// Loader reads a file named in a team file (a profile), so tests can serve
// files from memory.
type Loader func(path string) ([]byte, error)

// ReadConfig reads a profile or a team file. A file with a `team` or
// `athletes` key is a team; anything else is one athlete's profile.
// Relative paths inside are resolved against the file's directory.
func ReadConfig(data []byte, name string, load Loader) (*Config, error) {
	if err := utf8Text(data, name); err != nil {
		return nil, err
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlError(name, err)
	}
	if isTeam(&root) {
		return readTeam(data, name, load)
	}
	var py profileYAML
	if err := strictDecode(data, name, &py); err != nil {
		return nil, err
	}
	base := filepath.Base(name)
	a, err := py.athlete(name, strings.TrimSuffix(base, filepath.Ext(base)), 1)
	if err != nil {
		return nil, err
	}
	if err := py.Rules.apply(&a.Params, name); err != nil {
		return nil, err
	}
	if err := validParams(a.Params, name); err != nil {
		return nil, err
	}
	return &Config{File: name, Athletes: []Athlete{a}}, nil
}

// utf8Text refuses a YAML file that is not UTF-8, at the line of the first
// byte that is not.
func utf8Text(data []byte, file string) error {
	if utf8.Valid(data) {
		return nil
	}
	i := firstInvalid(data)
	return fileError(file, lineAt(data, i), "byte 0x%02X is not UTF-8: save the file as UTF-8", data[i])
}

func isTeam(root *yaml.Node) bool {
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return false
	}
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := m.Content[i].Value; k == "team" || k == "athletes" {
			return true
		}
	}
	return false
}

func readTeam(data []byte, name string, load Loader) (*Config, error) {
	var ty teamYAML
	if err := strictDecode(data, name, &ty); err != nil {
		return nil, err
	}
	if len(ty.Athletes) == 0 {
		return nil, &Error{File: name, Msg: "the team lists no athletes; add `athletes:` with `- profile: ana.yaml` or inline profiles", FileLevel: true}
	}
	teamParams := metrics.DefaultParams()
	if err := ty.Rules.apply(&teamParams, name); err != nil {
		return nil, err
	}
	c := &Config{File: name, Team: ty.Team.V, Workouts: paths(name, ty.Workouts), Checkins: paths(name, ty.Checkins), Plan: paths(name, ty.Plan)}
	seen := map[string]int{}
	for i := range ty.Athletes {
		a, err := teamAthlete(&ty.Athletes[i], name, load, teamParams)
		if err != nil {
			return nil, err
		}
		line := lineOf(a.Where)
		key := NameKey(a.Profile.ID)
		if first, dup := seen[key]; dup {
			return nil, &Error{File: name, Line: line, FileLevel: true,
				Msg: fmt.Sprintf("athlete id %q appears twice (lines %d and %d; ids are matched without regard to case); ids must be unique", a.Profile.ID, first, line)}
		}
		seen[key] = line
		c.Athletes = append(c.Athletes, a)
	}
	return c, nil
}

func lineOf(where string) int {
	var line int
	if i := strings.LastIndexByte(where, ':'); i >= 0 {
		fmt.Sscan(where[i+1:], &line)
	}
	return line
}

// teamAthlete resolves one team entry, reading its profile file if named.
// Rules layer as defaults < team < athlete.
func teamAthlete(e *teamEntry, team string, load Loader, teamParams metrics.Params) (Athlete, error) {
	if !e.Profile.Set {
		a, err := e.profileYAML.athlete(team, "", entryLine(e))
		if err != nil {
			return a, err
		}
		a.Params = teamParams
		a.Params.Overrides = append([]metrics.Override(nil), teamParams.Overrides...)
		if err := e.Rules.apply(&a.Params, team); err != nil {
			return a, err
		}
		return a, validParams(a.Params, team)
	}
	if e.profileYAML.given() {
		return Athlete{}, &Error{File: team, Line: e.Profile.Line, FileLevel: true,
			Msg: "an athlete entry with `profile:` takes its values from that file; move the other keys there"}
	}
	path := resolve(team, e.Profile.V)
	data, err := load(path)
	if err != nil {
		return Athlete{}, &Error{File: team, Line: e.Profile.Line, Col: e.Profile.Col, FileLevel: true, Err: err,
			Msg: fmt.Sprintf("cannot read profile %s: %v", path, err)}
	}
	if err := utf8Text(data, path); err != nil {
		return Athlete{}, err
	}
	var py profileYAML
	if err := strictDecode(data, path, &py); err != nil {
		return Athlete{}, err
	}
	base := filepath.Base(path)
	a, err := py.athlete(path, strings.TrimSuffix(base, filepath.Ext(base)), 1)
	if err != nil {
		return a, err
	}
	a.Params = teamParams
	a.Params.Overrides = append([]metrics.Override(nil), teamParams.Overrides...)
	if err := py.Rules.apply(&a.Params, path); err != nil {
		return a, err
	}
	a.Where = fmt.Sprintf("%s:%d", team, e.Profile.Line)
	return a, validParams(a.Params, path)
}

func entryLine(e *teamEntry) int {
	for _, l := range []int{e.ID.Line, e.Name.Line, e.MaxHR.Line} {
		if l > 0 {
			return l
		}
	}
	return 0
}

func validParams(p metrics.Params, file string) error {
	if err := p.Validate(); err != nil {
		return &Error{File: file, Msg: "rules: " + err.Error(), FileLevel: true}
	}
	return nil
}

func paths(base string, ps []yStr) []string {
	var out []string
	for _, p := range ps {
		out = append(out, resolve(base, p.V))
	}
	return out
}

// resolve makes p relative to the directory of the YAML file that named it.
func resolve(yamlFile, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(filepath.Dir(yamlFile), p)
}

// athlete validates a profile and builds its Athlete. defaultID is used
// when the profile has no id (the file name of a profile file).
func (py *profileYAML) athlete(file, defaultID string, line int) (Athlete, error) {
	at := func(v interface{ pos() (int, int) }, format string, args ...any) error {
		l, c := v.pos()
		return &Error{File: file, Line: l, Col: c, Msg: fmt.Sprintf(format, args...), FileLevel: true}
	}
	id, err := CleanName(py.ID.V)
	if err != nil {
		return Athlete{}, at(py.ID, "id: %v", err)
	}
	name, err := CleanName(py.Name.V)
	if err != nil {
		return Athlete{}, at(py.Name, "name: %v", err)
	}
	if id == "" {
		if id, err = CleanName(defaultID); err != nil {
			return Athlete{}, &Error{File: file, Line: line, FileLevel: true, Msg: "the profile's file name, used as its id: " + err.Error() + "; add id: to the profile"}
		}
	}
	if id == "" {
		return Athlete{}, &Error{File: file, Line: line, FileLevel: true, Msg: "an inline athlete needs an id"}
	}
	p := metrics.NewProfile(id)
	if name != "" {
		p.Name = name
	}
	a := Athlete{Params: metrics.DefaultParams(), Where: fmt.Sprintf("%s:%d", file, max(line, py.ID.Line)), IDGiven: py.ID.Set && id != ""}
	switch strings.ToLower(py.Sex.V) {
	case "":
	case "male", "m":
		p.Sex = metrics.SexMale
		a.Given = append(a.Given, "sex")
	case "female", "f":
		p.Sex = metrics.SexFemale
		a.Given = append(a.Given, "sex")
	default:
		return a, at(py.Sex, "sex must be male or female (it selects the TRIMP constants), got %q", text.Clip(py.Sex.V, 40))
	}
	hrs := []struct {
		key string
		v   yNum
		dst *float64
	}{{"max_hr", py.MaxHR, &p.MaxHR}, {"resting_hr", py.RestingHR, &p.RestingHR}, {"lthr", py.LTHR, &p.LTHR}}
	for _, h := range hrs {
		if !h.v.Set {
			continue
		}
		if h.v.V != math.Trunc(h.v.V) {
			return a, at(h.v, "%s must be a whole number of bpm, got %s", h.key, text.Clip(h.v.Raw, 40))
		}
		if h.v.V < 25 || h.v.V > 250 {
			return a, at(h.v, "%s must be between 25 and 250 bpm, got %s", h.key, text.Clip(h.v.Raw, 40))
		}
		*h.dst = h.v.V
		a.Given = append(a.Given, h.key)
	}
	if py.MaxHR.Set && py.RestingHR.Set && p.MaxHR <= p.RestingHR {
		return a, at(py.MaxHR, "max_hr (%s) must be above resting_hr (%s)", text.Num(p.MaxHR), text.Num(p.RestingHR))
	}
	if py.LTHR.Set && py.MaxHR.Set && py.RestingHR.Set && (p.LTHR <= p.RestingHR || p.LTHR > p.MaxHR) {
		return a, at(py.LTHR, "lthr (%s) must be above resting_hr (%s) and at most max_hr (%s)", text.Num(p.LTHR), text.Num(p.RestingHR), text.Num(p.MaxHR))
	}
	if py.FTP.Set {
		if !(py.FTP.V > 0) || py.FTP.V > 2000 {
			return a, at(py.FTP, "ftp must be between 1 and 2000 W, got %s", text.Clip(py.FTP.Raw, 40))
		}
		p.FTP = py.FTP.V
		a.Given = append(a.Given, "ftp")
	}
	if py.ThresholdPace.Set {
		sec, ok := paceSeconds(py.ThresholdPace.V)
		if !ok {
			return a, at(py.ThresholdPace, "threshold_pace must be minutes:seconds per km between 2:00 and 15:00, such as \"4:45\", got %q", text.Clip(py.ThresholdPace.V, 40))
		}
		p.ThresholdPace = sec
		a.Given = append(a.Given, "threshold_pace")
	}
	if py.Timezone.Set {
		// Local is the machine's zone: it would make the report depend on
		// where it runs. Only IANA names (and UTC) are accepted.
		loc, err := time.LoadLocation(py.Timezone.V)
		if err != nil || py.Timezone.V == "" || strings.EqualFold(py.Timezone.V, "Local") || strings.HasPrefix(py.Timezone.V, "/") {
			return a, at(py.Timezone, "timezone must be an IANA zone name such as Europe/Madrid, got %q", text.Clip(py.Timezone.V, 40))
		}
		a.Timezone, a.Zone = py.Timezone.V, loc
	}
	if py.DistanceUnit.Set {
		u := strings.ToLower(py.DistanceUnit.V)
		if u != "km" && u != "mi" {
			return a, at(py.DistanceUnit, "distance_unit must be km or mi, got %q", text.Clip(py.DistanceUnit.V, 40))
		}
		a.DistanceUnit = u
	}
	a.Profile = p
	a.Workouts, a.Checkins, a.Plan = paths(file, py.Workouts), paths(file, py.Checkins), paths(file, py.Plan)
	scales, err := py.Scales.scales(file)
	if err != nil {
		return a, err
	}
	a.Scales = scales
	return a, nil
}

func (s *scalesYAML) scales(file string) (Scales, error) {
	if s == nil {
		return nil, nil
	}
	out := Scales{}
	for _, f := range []struct {
		key string
		v   []yNum
	}{{"sleep_quality", s.SleepQuality}, {"soreness", s.Soreness}, {"stress", s.Stress}, {"mood", s.Mood}, {"energy", s.Energy}} {
		if f.v == nil {
			continue
		}
		if len(f.v) != 2 || f.v[0].V == f.v[1].V || math.IsInf(f.v[0].V, 0) || math.IsInf(f.v[1].V, 0) {
			line, col := 0, 0
			if len(f.v) > 0 {
				line, col = f.v[0].Line, f.v[0].Col
			}
			return nil, &Error{File: file, Line: line, Col: col, FileLevel: true,
				Msg: fmt.Sprintf("scales.%s must be two different numbers [low, high], such as [1, 7]", f.key)}
		}
		out[f.key] = Scale{Lo: f.v[0].V, Hi: f.v[1].V}
	}
	return out, nil
}

// given reports whether any key of the profile was written.
func (py *profileYAML) given() bool {
	for _, s := range []yStr{py.ID, py.Name, py.Sex, py.ThresholdPace, py.Timezone, py.DistanceUnit} {
		if s.Set {
			return true
		}
	}
	for _, n := range []yNum{py.MaxHR, py.RestingHR, py.LTHR, py.FTP} {
		if n.Set {
			return true
		}
	}
	return py.Workouts != nil || py.Checkins != nil || py.Plan != nil || py.Rules != nil || py.Scales != nil
}

func (n yNum) pos() (int, int) { return n.Line, n.Col }
func (s yStr) pos() (int, int) { return s.Line, s.Col }

// paceSeconds parses M:SS (optionally followed by /km) into seconds per km.
func paceSeconds(s string) (float64, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "/km")
	m, sec, ok := strings.Cut(s, ":")
	if !ok || len(sec) != 2 {
		return 0, false
	}
	mm, ok1 := digitsOnly(m)
	ss, ok2 := digitsOnly(sec)
	if !ok1 || !ok2 || ss > 59 {
		return 0, false
	}
	v := float64(mm*60 + ss)
	return v, v >= 120 && v <= 900
}

func digitsOnly(s string) (int, bool) {
	if s == "" || len(s) > 3 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

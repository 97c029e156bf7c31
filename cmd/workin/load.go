package main

import (
	"cmp"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/workin/workin/metrics"
	"github.com/workin/workin/parse"
	"github.com/workin/workin/report"
)

// files reads input files: from disk, or from the embedded samples.
type files interface {
	ReadFile(path string) ([]byte, error)
}

type osFiles struct{}

func (osFiles) ReadFile(p string) ([]byte, error) { return os.ReadFile(p) }

type fsFiles struct{ fs fs.FS }

func (f fsFiles) ReadFile(p string) ([]byte, error) { return fs.ReadFile(f.fs, filepath.ToSlash(p)) }

// roster is the athletes of a run, in report order, with their rows.
type roster struct {
	parsed   []*parse.File // every data file; athletes refer to their rows
	redacted bool          // names replaced by ids, notes left out
	title    string
	team     bool
	known    bool // athletes come from a profile or team file
	athletes []*entry
	byKey    map[string]*entry // id and lower-cased name
	files    []report.File
	orphans  []parse.Skip
	last     metrics.Date // the last date of a row given to an athlete
	hasRows  bool
}

type entry struct {
	cfg      parse.Athlete
	workouts []rowRefs // the athlete's rows in roster.parsed
	checkins []rowRefs
	quality  report.Quality
}

// rowRefs points at rows of one parsed file. Athletes keep references,
// not copies, so a large team's rows are in memory once.
type rowRefs struct {
	file int32
	rows []int32
}

func count(refs []rowRefs) int {
	n := 0
	for _, r := range refs {
		n += len(r.rows)
	}
	return n
}

// gather copies an athlete's rows out of the parsed files, without their
// free-text notes when redacting.
func (r *roster) gather(e *entry) ([]metrics.Workout, []metrics.Checkin) {
	ws := gatherRows(e.workouts, func(file, row int32) metrics.Workout {
		w := r.parsed[file].Workouts.At(int(row))
		if r.redacted {
			w.Notes = ""
		}
		return w
	})
	cs := gatherRows(e.checkins, func(file, row int32) metrics.Checkin {
		c := r.parsed[file].Checkins.At(int(row))
		if r.redacted {
			c.Notes = ""
		}
		return c
	})
	return ws, cs
}

func gatherRows[T any](refs []rowRefs, at func(file, row int32) T) []T {
	out := make([]T, 0, count(refs))
	for _, rr := range refs {
		for _, i := range rr.rows {
			out = append(out, at(rr.file, i))
		}
	}
	return out
}

// redact replaces athlete names everywhere they appear (loadInputs has
// already kept them out of skip reasons and marked the roster so that
// notes are left out). An athlete whose id is a neutral label
// (set in a profile, different from the name) is shown by id; one named by
// the data itself (no profile: the id is the name) by initials, numbered
// when two share them.
func (r *roster) redact() {
	seen := map[string]int{}
	for _, e := range r.athletes {
		p := &e.cfg.Profile
		label := p.ID
		if p.ID == p.Name { // also every athlete named by the data
			label = initials(p.ID)
			seen[label]++
			if n := seen[label]; n > 1 {
				label = fmt.Sprintf("%s%d", label, n)
			}
			p.ID = label
		}
		if r.title == p.Name {
			r.title = label
		}
		p.Name = label
	}
}

// initials turns "Ana García" or "ana-garcia" into "A.G.".
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' || r == '_' || r == '.' }) {
		for _, r := range w {
			b.WriteString(strings.ToUpper(string(r)) + ".")
			break
		}
	}
	if b.Len() == 0 {
		return "?"
	}
	return b.String()
}

// source is one data file and who owns it ("" = rows name their athlete).
type source struct {
	path  string
	kind  parse.Kind
	owner string
}

// loadInputs reads the configuration and every data file and gives each
// row to its athlete.
func loadInputs(f *reportFlags, fsys files) (*roster, error) {
	r := &roster{byKey: map[string]*entry{}, redacted: f.redact}
	var srcs []source
	cfgPath := cmp.Or(f.config, f.profile)
	if cfgPath != "" {
		data, err := fsys.ReadFile(cfgPath)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", cfgPath, err)
		}
		cfg, err := parse.ReadConfig(data, cfgPath, fsys.ReadFile)
		if err != nil {
			return nil, err
		}
		if f.profile != "" && cfg.Team != "" {
			return nil, usagef("--profile %s is a team file; give it without --profile", f.profile)
		}
		srcs = r.configure(cfg)
	}
	owner := ""
	if r.known && !r.team {
		owner = r.athletes[0].cfg.Profile.ID
	}
	for _, p := range f.workouts {
		srcs = append(srcs, source{p, parse.KindWorkouts, owner})
	}
	for _, p := range f.checkins {
		srcs = append(srcs, source{p, parse.KindCheckins, owner})
	}
	parsed, err := readAll(srcs, fsys, f.lenient, r)
	if err != nil {
		return nil, err
	}
	for i, pf := range parsed {
		r.parsed = append(r.parsed, pf.File)
		r.files = append(r.files, report.FileOf(pf.File))
		if err := r.assign(srcs[i], int32(i), pf, f.lenient); err != nil {
			return nil, err
		}
	}
	r.finish()
	return r, nil
}

// configure registers the configured athletes and returns their files.
func (r *roster) configure(cfg *parse.Config) []source {
	r.known, r.team = true, cfg.Team != "" || len(cfg.Athletes) > 1
	r.title = cfg.Team
	var srcs []source
	for _, a := range cfg.Athletes {
		e := r.add(a)
		for _, p := range a.Workouts {
			srcs = append(srcs, source{p, parse.KindWorkouts, e.cfg.Profile.ID})
		}
		for _, p := range a.Checkins {
			srcs = append(srcs, source{p, parse.KindCheckins, e.cfg.Profile.ID})
		}
	}
	for _, p := range cfg.Workouts {
		srcs = append(srcs, source{p, parse.KindWorkouts, ""})
	}
	for _, p := range cfg.Checkins {
		srcs = append(srcs, source{p, parse.KindCheckins, ""})
	}
	if r.title == "" && len(cfg.Athletes) == 1 {
		r.title = cfg.Athletes[0].Profile.Name
	}
	return srcs
}

func (r *roster) add(a parse.Athlete) *entry {
	e := &entry{cfg: a}
	r.athletes = append(r.athletes, e)
	r.byKey[a.Profile.ID] = e
	if name := strings.ToLower(a.Profile.Name); name != "" {
		if _, taken := r.byKey[name]; !taken {
			r.byKey[name] = e
		}
	}
	return e
}

// parsedFile is a file's rows and the rows grouped by athlete.
type parsedFile struct {
	*parse.File
	groups []parse.Group
}

// readAll parses the files in parallel and groups their rows by athlete;
// results keep the order of srcs, and the first file's error wins.
func readAll(srcs []source, fsys files, lenient bool, r *roster) ([]parsedFile, error) {
	out := make([]parsedFile, len(srcs))
	err := ordered(len(srcs), runtime.GOMAXPROCS(0), func(i int) (parsedFile, error) {
		return readOne(srcs[i], fsys, lenient, r)
	}, func(i int, f parsedFile) error {
		out[i] = f
		return nil
	})
	return out, err
}

func readOne(s source, fsys files, lenient bool, r *roster) (parsedFile, error) {
	data, err := fsys.ReadFile(s.path)
	if err != nil {
		return parsedFile{}, &parse.Error{File: s.path, FileLevel: true, Err: err, Msg: fmt.Sprintf("cannot read the file: %v", unwrapPath(err))}
	}
	owner := s.owner
	if owner == "" && !r.known {
		// Without a profile, a file with no athlete column is named after itself.
		base := filepath.Base(s.path)
		owner = strings.TrimSuffix(base, filepath.Ext(base))
	} else if owner == "" && len(r.athletes) == 1 {
		owner = r.athletes[0].cfg.Profile.ID
	}
	var none parse.Athlete // what is known of an athlete the run does not know
	cfg := func(athlete string) *parse.Athlete {
		if e := r.lookup(athlete); e != nil {
			return &e.cfg
		}
		return &none
	}
	opt := parse.Options{Lenient: lenient, Athlete: owner,
		Scales: func(athlete string) parse.Scales { return cfg(athlete).Scales },
		Zone:   func(athlete string) *time.Location { return cfg(athlete).Zone },
		Unit:   func(athlete string) string { return cfg(athlete).DistanceUnit },
	}
	f, err := parse.ReadBytes(data, s.path, s.kind, opt)
	if err != nil {
		return parsedFile{}, err
	}
	groups := append(f.Workouts.ByAthlete(), f.Checkins.ByAthlete()...)
	if owner == "" && len(groups) > 0 && groups[0].Athlete == "" {
		return parsedFile{}, &parse.Error{File: s.path, Line: 1, FileLevel: true,
			Msg: fmt.Sprintf("the file has no athlete column; with %d athletes in the team, add one so each row names its athlete", len(r.athletes))}
	}
	return parsedFile{f, groups}, nil
}

// unwrapPath drops the path that *fs.PathError repeats.
func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// assign gives the rows of one file to athletes, an athlete at a time.
func (r *roster) assign(s source, file int32, f parsedFile, lenient bool) error {
	line := func(i int32) int { return int(f.Workouts.At(int(i)).Line) }
	if f.Kind == parse.KindCheckins {
		line = func(i int32) int { return int(f.Checkins.At(int(i)).Line) }
	}
	var orphans []parse.Skip
	for _, g := range f.groups {
		e, orphan, err := r.athleteOf(s, g.Athlete, f.Name, line(g.Rows[0]), lenient)
		switch {
		case err != nil:
			return err
		case e == nil && orphan != "":
			for _, i := range g.Rows {
				orphans = append(orphans, parse.Skip{File: f.Name, Line: line(i), Column: "athlete", Reason: orphan})
			}
		case e == nil:
			r.lookup(s.owner).quality.OtherAthlete += len(g.Rows)
		default:
			refs := &e.workouts
			if f.Kind == parse.KindCheckins {
				refs = &e.checkins
			}
			*refs = append(*refs, rowRefs{file, g.Rows})
			r.saw(g.Last)
		}
	}
	for _, sk := range f.Skipped {
		if e := r.lookup(cmp.Or(sk.Athlete, s.owner)); e != nil {
			e.quality.Skipped = append(e.quality.Skipped, sk)
		} else {
			orphans = append(orphans, sk)
		}
	}
	// Rows that belong to no athlete of the team are reported in file order.
	slices.SortStableFunc(orphans, func(a, b parse.Skip) int { return cmp.Compare(a.Line, b.Line) })
	r.orphans = append(r.orphans, orphans...)
	if e := r.lookup(s.owner); e != nil {
		e.quality.Notes = append(e.quality.Notes, prefixed(f.Name, f.Notes)...)
	}
	return nil
}

func prefixed(file string, notes []string) []string {
	out := make([]string, len(notes))
	for i, n := range notes {
		out[i] = file + ": " + n
	}
	return out
}

func (r *roster) lookup(id string) *entry {
	if id == "" {
		return nil
	}
	if e, ok := r.byKey[id]; ok {
		return e
	}
	return r.byKey[strings.ToLower(id)]
}

// athleteOf finds the athlete of a file's rows named name (line is the
// first of them). Rows of other athletes in a file that one profile owns
// are left out (nil, no reason) and counted by the caller; an athlete a
// team does not list is an error, or with --lenient a reason to list the
// rows as skipped; without a profile every athlete is new.
func (r *roster) athleteOf(s source, name, file string, line int, lenient bool) (e *entry, orphan string, err error) {
	if e := r.lookup(name); e != nil {
		if s.owner != "" && e.cfg.Profile.ID != s.owner {
			return nil, "", nil
		}
		return e, "", nil
	}
	if s.owner != "" { // the file belongs to one configured athlete
		return nil, "", nil
	}
	if !r.known {
		p := metrics.NewProfile(name)
		return r.add(parse.Athlete{Profile: p, Params: metrics.DefaultParams()}), "", nil
	}
	ids := make([]string, len(r.athletes))
	for i, e := range r.athletes {
		ids[i] = e.cfg.Profile.ID
	}
	reason := fmt.Sprintf("athlete %q is not in the team (athletes: %s)", name, strings.Join(ids, ", "))
	if lenient && r.redacted { // the reason goes into the outputs
		return nil, "the row's athlete is not in the team (name redacted)", nil
	}
	if lenient {
		return nil, reason, nil
	}
	return nil, "", &parse.Error{File: file, Line: line, Column: "athlete", Msg: reason}
}

// finish orders athletes found in the data and sets the title.
func (r *roster) finish() {
	if !r.known {
		slices.SortFunc(r.athletes, func(a, b *entry) int { return cmp.Compare(a.cfg.Profile.ID, b.cfg.Profile.ID) })
		r.team = len(r.athletes) > 1
		if len(r.athletes) == 1 {
			r.title = r.athletes[0].cfg.Profile.Name
		}
	}
	if r.title == "" {
		r.title = "Training report"
	}
	for _, e := range r.athletes {
		q := &e.quality
		q.WorkoutRows, q.CheckinRows = count(e.workouts), count(e.checkins)
		q.RowsRead = q.WorkoutRows + q.CheckinRows + len(q.Skipped)
	}
}

// saw notes the date of a row given to an athlete.
func (r *roster) saw(d metrics.Date) {
	if !r.hasRows || d > r.last {
		r.last, r.hasRows = d, true
	}
}

// lastDate is the default as-of: the last date of the rows given to the
// athletes (rows left out are not counted).
func (r *roster) lastDate() (metrics.Date, bool) { return r.last, r.hasRows }

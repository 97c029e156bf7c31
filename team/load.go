package team

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/workin/workin/internal/text"
	"github.com/workin/workin/metrics"
	"github.com/workin/workin/model"
	"github.com/workin/workin/parse"
	"github.com/workin/workin/report"
)

// Files reads input files: from disk (OS) or from an fs.FS (the embedded
// samples).
type Files interface {
	ReadFile(path string) ([]byte, error)
	// Identity names the file a path leads to, so that one file named
	// two ways (./w.csv and w.csv, a symbolic link) is read once.
	Identity(path string) string
	// Same reports whether an output path would write over the input at
	// in (the same identity, or the same file through a hard link).
	Same(out, in string) bool
}

type osFiles struct{}

// OS reads files from disk: regular files only, at most 2 GiB each.
func OS() Files { return osFiles{} }

// FS reads files from fsys, which is never an output.
func FS(fsys fs.FS) Files { return fsFiles{fsys} }

// maxInput is the largest input file workin reads (2 GiB): far above any
// export or team sheet, and a bound on what one file can cost.
const maxInput = 2 << 30

// ReadFile reads a regular file of at most maxInput bytes: a device, a pipe
// or a folder would be read until memory runs out, or never end.
func (o osFiles) ReadFile(p string) ([]byte, error) {
	f, st, err := o.open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data := make([]byte, st.Size())
	n, err := io.ReadFull(f, data)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, err
	}
	return data[:n], nil
}

// Open opens a regular file of at most maxInput bytes, to be read as a
// stream.
func (o osFiles) Open(p string) (io.ReadCloser, error) {
	f, _, err := o.open(p)
	return f, err
}

func (osFiles) open(p string) (*os.File, os.FileInfo, error) {
	// Stat before opening: opening a named pipe waits for a writer.
	if err := readable(os.Stat(p)); err != nil {
		return nil, nil, err
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err := readable(st, err); err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st, nil
}

// Spill is a temporary file to hold the records of large sheets until
// their athletes are analysed, so that they are not in memory; it is
// removed when closed (at once where the system allows it).
func (osFiles) Spill() (parse.Spill, io.Closer, error) {
	f, err := os.CreateTemp("", "workin-rows-*")
	if err != nil {
		return nil, nil, err
	}
	s := &fileSpill{f: f}
	if os.Remove(f.Name()) == nil {
		s.removed = true
	}
	return s, s, nil
}

// fileSpill is a parse.Spill in a temporary file.
type fileSpill struct {
	mu      sync.Mutex
	f       *os.File
	size    int64
	removed bool
}

func (s *fileSpill) Write(p []byte) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	off := s.size
	n, err := s.f.WriteAt(p, off)
	s.size += int64(n)
	return off, err
}

func (s *fileSpill) ReadAt(p []byte, off int64) (int, error) { return s.f.ReadAt(p, off) }

func (s *fileSpill) Close() error {
	err := s.f.Close()
	if !s.removed {
		if rerr := os.Remove(s.f.Name()); err == nil {
			err = rerr
		}
	}
	return err
}

// streamer is a Files that can open a file as a stream and hold rows aside
// in a spill (the disk); others are read whole, in memory.
type streamer interface {
	Open(path string) (io.ReadCloser, error)
	Spill() (parse.Spill, io.Closer, error)
}

// readable refuses what is not a regular file of a size workin reads.
func readable(st os.FileInfo, err error) error {
	switch {
	case err != nil:
		return err
	case st.IsDir():
		return errors.New("it is a folder, not a file")
	case !st.Mode().IsRegular():
		return errors.New("it is not a regular file (a device, a pipe or a socket): workin reads files")
	case st.Size() > maxInput:
		return fmt.Errorf("it is %d MB, more than the %d MB workin reads from one file", st.Size()>>20, maxInput>>20)
	}
	return nil
}

// Identity is the absolute path with symbolic links resolved, or the
// absolute path when the file cannot be resolved (reading it will say why).
func (osFiles) Identity(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return abs
}

func (o osFiles) Same(out, in string) bool {
	if o.Identity(out) == o.Identity(in) {
		return true
	}
	a, err1 := os.Stat(out)
	b, err2 := os.Stat(in)
	return err1 == nil && err2 == nil && os.SameFile(a, b)
}

type fsFiles struct{ fs fs.FS }

// Same is false: the embedded samples are never an output.
func (fsFiles) Same(string, string) bool { return false }

func (f fsFiles) ReadFile(p string) ([]byte, error) { return fs.ReadFile(f.fs, filepath.ToSlash(p)) }
func (f fsFiles) Identity(p string) string          { return filepath.ToSlash(filepath.Clean(p)) }

// The athlete of every file without an athlete column when no profile
// names one: one person's exports are one athlete.
const (
	unnamedID   = "athlete"
	unnamedName = "Athlete"
)

// roster is the athletes of a run, in report order, with their rows.
type roster struct {
	parsed   []*parse.File // every data file; athletes refer to their rows
	redacted bool          // names replaced by ids, notes left out
	title    string
	team     bool
	known    bool // athletes come from a profile or team file
	athletes []*entry
	byKey    map[string]*entry // id and lower-cased name
	files    []model.File
	orphans  []model.Skip
	first    metrics.Date // the first date of a row given to an athlete
	last     metrics.Date // the last date of a row given to an athlete
	hasRows  bool
	anon     *entry   // the athlete of files without an athlete column (no profile)
	anonFile string   // the first such file, for an error
	inputs   []string // every file read, as named
	// planned are the planned rows athletes' plans refer to; planFiles
	// the plan sheets read; planOrphans the plan rows of no athlete.
	planned     []plannedRows
	planFiles   []model.File
	planOrphans []model.Skip
	// spill holds large sheets' rows until their athletes are analysed.
	spill       parse.Spill
	spillCloser io.Closer
	spillOnce   sync.Once
}

type entry struct {
	cfg      parse.Athlete
	workouts []rowRefs // the athlete's rows in roster.parsed
	checkins []rowRefs
	quality  report.Quality
	plans    []rowRefs // the athlete's planned rows in roster.planned
	plan     PlanQuality
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

// gather reads an athlete's rows out of the parsed files (a deferred file
// reads them back from its spill), without their free-text notes when
// redacting.
func (r *roster) gather(e *entry) ([]metrics.Workout, []metrics.Checkin, error) {
	var ws []metrics.Workout
	var cs []metrics.Checkin
	for _, refs := range [][]rowRefs{e.workouts, e.checkins} {
		for _, rr := range refs {
			d, err := r.parsed[rr.file].Decode(rr.rows)
			if err != nil {
				return nil, nil, err
			}
			ws = append(ws, d.Workouts...)
			cs = append(cs, d.Checkins...)
		}
	}
	if r.redacted {
		for i := range ws {
			ws[i].Notes = ""
		}
		for i := range cs {
			cs[i].Notes = ""
		}
	}
	return ws, cs, nil
}

// redact replaces athlete names everywhere they appear (loadInputs has
// already named the files by role and kept names out of skip reasons, and
// the roster leaves notes out). An athlete keeps an id its profile wrote
// when the id shares no word with the name (a jersey number, "A07");
// every other athlete, named by the data, by a file or by an id made from
// the name, becomes "athlete N" in report order. Settings are said to come
// from "a profile" rather than from its file.
func (r *roster) redact() {
	for i, e := range r.athletes {
		p := &e.cfg.Profile
		label := p.ID
		if !e.cfg.IDGiven || sharesWord(p.ID, p.Name) {
			label = fmt.Sprintf("athlete %d", i+1)
		}
		if r.title == p.Name || r.title == p.ID {
			r.title = label
		}
		p.ID, p.Name = label, label
		for k := range e.cfg.Params.Overrides {
			e.cfg.Params.Overrides[k].Where = "profile or team file"
		}
	}
}

// sharesWord reports whether id and name have a word in common, ignoring
// case ("ana-ruiz" and "Ana Ruiz", "ana" and "Ana Ruiz").
func sharesWord(id, name string) bool {
	split := func(s string) []string {
		return strings.FieldsFunc(parse.NameKey(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	words := split(name)
	for _, w := range split(id) {
		if slices.Contains(words, w) {
			return true
		}
	}
	return false
}

// redactFiles names every input file by its role and number: "workouts
// file 1", "check-ins file 2".
func redactFiles(parsed []parsedFile) {
	for i, pf := range parsed {
		pf.File.Relabel(fmt.Sprintf("%s file %d", pf.File.Kind, i+1))
	}
}

// notAnInput refuses an output that is one of the inputs, however either
// is spelled (./w.csv, a symbolic link, a hard link): the report would
// replace the data it was made from.
func notAnInput(fsys Files, outs, ins []string) error {
	for _, o := range outs {
		if o == "" {
			continue
		}
		for _, in := range ins {
			if in != "" && fsys.Same(o, in) {
				return usagef("the output %s is the input %s: workin never writes over an input; give the output another name", display(o), display(in))
			}
		}
	}
	return nil
}

// source is one data file and who owns it ("" = rows name their athlete).
type source struct {
	path  string
	kind  parse.Kind
	owner string
	// also lists the other names the same file was given (./w.csv, a
	// link): it is read once, and the data-quality section says so.
	also []string
}

// readOnce keeps one source per file and owner: a file named twice (as
// w.csv and ./w.csv, through a link, or as workouts and as check-ins) is
// read once. A team-wide naming (rows name their athlete) covers every
// athlete's naming of the same file.
func readOnce(srcs []source, fsys Files) []source {
	type key struct{ id, owner string }
	first := map[key]int{}
	shared := map[string]int{} // identity → index of a team-wide naming
	var out []source
	for _, s := range srcs {
		id := fsys.Identity(s.path)
		if i, ok := shared[id]; ok {
			out[i].also = append(out[i].also, s.path)
			continue
		}
		if i, ok := first[key{id, s.owner}]; ok {
			out[i].also = append(out[i].also, s.path)
			continue
		}
		if s.owner == "" {
			// A team-wide naming after athletes' own: it replaces them.
			kept := out[:0]
			var also []string
			for _, o := range out {
				if fsys.Identity(o.path) == id {
					also = append(also, append([]string{o.path}, o.also...)...)
					continue
				}
				kept = append(kept, o)
			}
			out = kept
			for k := range first {
				delete(first, k)
			}
			for i, o := range out {
				first[key{fsys.Identity(o.path), o.owner}] = i
			}
			s.also = also
			shared[id] = len(out)
		}
		first[key{id, s.owner}] = len(out)
		out = append(out, s)
	}
	return out
}

// loadInputs reads the configuration and every data file and gives each
// row to its athlete.
func loadInputs(f Config, fsys Files, rp **roster) (*roster, error) {
	r := &roster{byKey: map[string]*entry{}, redacted: f.Redact}
	*rp = r // for the caller to release its spill on an error
	var srcs []source
	cfgPath := f.Config
	// No output may be an input: checked before anything is read, and again
	// for the files the team or profile names, before they are read.
	outs := f.Outputs
	r.inputs = append(append(append([]string{cfgPath}, f.Workouts...), f.Checkins...), f.Plans...)
	if err := notAnInput(fsys, outs, r.inputs); err != nil {
		return nil, err
	}
	var cfg *parse.Config
	if cfgPath != "" {
		data, err := fsys.ReadFile(cfgPath)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", display(cfgPath), err)
		}
		var profiles []string
		cfg, err = parse.ReadConfig(data, cfgPath, func(p string) ([]byte, error) {
			if err := notAnInput(fsys, outs, []string{p}); err != nil {
				return nil, err
			}
			profiles = append(profiles, p)
			r.inputs = append(r.inputs, p)
			return fsys.ReadFile(p)
		})
		var usage *UsageError
		if errors.As(err, &usage) {
			return nil, usage
		}
		if err != nil {
			return nil, err
		}
		named := append([]string(nil), cfg.Workouts...)
		named = append(append(named, cfg.Checkins...), cfg.Plan...)
		for _, a := range cfg.Athletes {
			named = append(append(append(named, a.Workouts...), a.Checkins...), a.Plan...)
		}
		if err := notAnInput(fsys, outs, named); err != nil {
			return nil, err
		}
		r.inputs = append(r.inputs, named...)
		if f.Profile && cfg.Team != "" {
			return nil, usagef("--profile %s is a team file; give it without --profile", display(cfgPath))
		}
		srcs = r.configure(cfg)
		// The roster is known: an unknown --athlete is refused before any
		// data file is read.
		if _, err := r.pick(f.Athletes); err != nil {
			return nil, err
		}
	}
	owner := ""
	if r.known && !r.team {
		owner = r.athletes[0].cfg.Profile.ID
	}
	for _, p := range f.Workouts {
		srcs = append(srcs, source{path: p, kind: parse.KindWorkouts, owner: owner})
	}
	for _, p := range f.Checkins {
		srcs = append(srcs, source{path: p, kind: parse.KindCheckins, owner: owner})
	}
	srcs = readOnce(srcs, fsys)
	parsed, err := readAll(srcs, fsys, f.Lenient, r)
	if err != nil {
		return nil, err
	}
	if f.Redact {
		redactFiles(parsed)
	}
	for i, pf := range parsed {
		r.parsed = append(r.parsed, pf.File)
		fi := pf.File.Summary()
		if also := srcs[i].also; len(also) > 0 {
			names := strings.ToValidUTF8(text.List(also, 3), "\uFFFD")
			if f.Redact {
				names = "names redacted"
			}
			fi.Notes = append([]string{fmt.Sprintf("named %s more (%s): the same file, read once", text.Plural(len(also), "time", "times"), names)}, fi.Notes...)
		}
		r.files = append(r.files, fi)
		if err := r.assign(srcs[i], int32(i), pf, f.Lenient); err != nil {
			return nil, err
		}
		if err := r.assignExportPlans(srcs[i], pf, f.Lenient); err != nil {
			return nil, err
		}
	}
	if err := r.finish(); err != nil {
		return nil, err
	}
	if err := r.readPlans(r.planSources(cfg, f.Plans), srcs, fsys, f.Lenient, f.Redact); err != nil {
		return nil, err
	}
	if err := r.dropFarDates(f.Lenient); err != nil {
		return nil, err
	}
	r.count()
	return r, nil
}

// configure registers the configured athletes and returns their files.
func (r *roster) configure(cfg *parse.Config) []source {
	r.known, r.team = true, cfg.Team != "" || len(cfg.Athletes) > 1
	r.title = cfg.Team
	var srcs []source
	for _, a := range cfg.Athletes {
		for k := range a.Params.Overrides { // a path given on the command line may hold any bytes
			a.Params.Overrides[k].Where = strings.ToValidUTF8(a.Params.Overrides[k].Where, "\uFFFD")
		}
		e := r.add(a)
		for _, p := range a.Workouts {
			srcs = append(srcs, source{path: p, kind: parse.KindWorkouts, owner: e.cfg.Profile.ID})
		}
		for _, p := range a.Checkins {
			srcs = append(srcs, source{path: p, kind: parse.KindCheckins, owner: e.cfg.Profile.ID})
		}
	}
	for _, p := range cfg.Workouts {
		srcs = append(srcs, source{path: p, kind: parse.KindWorkouts})
	}
	for _, p := range cfg.Checkins {
		srcs = append(srcs, source{path: p, kind: parse.KindCheckins})
	}
	if r.title == "" && len(cfg.Athletes) == 1 {
		r.title = cfg.Athletes[0].Profile.Name
	}
	return srcs
}

func (r *roster) add(a parse.Athlete) *entry {
	e := &entry{cfg: a}
	r.athletes = append(r.athletes, e)
	r.byKey[parse.NameKey(a.Profile.ID)] = e
	if name := parse.NameKey(a.Profile.Name); name != "" {
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
func readAll(srcs []source, fsys Files, lenient bool, r *roster) ([]parsedFile, error) {
	out := make([]parsedFile, len(srcs))
	err := ordered(len(srcs), runtime.GOMAXPROCS(0), func(i int) (parsedFile, error) {
		return readOne(srcs[i], fsys, lenient, r)
	}, func(i int, f parsedFile) error {
		out[i] = f
		return nil
	})
	return out, err
}

func readOne(s source, fsys Files, lenient bool, r *roster) (parsedFile, error) {
	owner := s.owner
	if owner == "" && r.known && len(r.athletes) == 1 {
		owner = r.athletes[0].cfg.Profile.ID
	}
	var none parse.Athlete // what is known of an athlete the run does not know
	cfg := func(athlete string) *parse.Athlete {
		if e := r.lookup(athlete); e != nil {
			return &e.cfg
		}
		return &none
	}
	opt := parse.Options{Lenient: lenient, Athlete: owner, Defer: true,
		Scales: func(athlete string) parse.Scales { return cfg(athlete).Scales },
		Zone:   func(athlete string) *time.Location { return cfg(athlete).Zone },
		Unit:   func(athlete string) string { return cfg(athlete).DistanceUnit },
	}
	f, err := r.read(s, fsys, opt)
	if err != nil {
		return parsedFile{}, err
	}
	groups := f.Groups()
	if owner == "" && r.known && len(groups) > 0 && groups[0].Athlete == "" {
		return parsedFile{}, &parse.Error{File: s.path, Line: 1, FileLevel: true,
			Msg: fmt.Sprintf("the file has no athlete column; with %d athletes in the team, add one so each row names its athlete", len(r.athletes))}
	}
	return parsedFile{f, groups}, nil
}

// read reads one data file: as a stream into the run's spill where the
// files allow it (a large team sheet is then never in memory), else whole.
func (r *roster) read(s source, fsys Files, opt parse.Options) (*parse.File, error) {
	// The name in messages and outputs is valid UTF-8 whatever the path's bytes.
	name := strings.ToValidUTF8(s.path, "\uFFFD")
	cannot := func(err error) error {
		return &parse.Error{File: s.path, FileLevel: true, Err: err, Msg: fmt.Sprintf("cannot read the file: %v", unwrapPath(err))}
	}
	if st, ok := fsys.(streamer); ok {
		if opt.Spill = r.spillOf(st); opt.Spill != nil {
			rc, err := st.Open(s.path)
			if err != nil {
				return nil, cannot(err)
			}
			f, err := parse.ReadFrom(rc, name, s.kind, opt)
			rc.Close()
			if !errors.Is(err, parse.ErrNotStreamed) {
				return f, err
			}
		}
	}
	data, err := fsys.ReadFile(s.path)
	if err != nil {
		return nil, cannot(err)
	}
	return parse.ReadBytes(data, name, s.kind, opt)
}

// spillOf returns the run's spill, made on first use (nil when the system
// gives none: rows are then held in memory).
func (r *roster) spillOf(st streamer) parse.Spill {
	r.spillOnce.Do(func() {
		r.spill, r.spillCloser, _ = st.Spill()
	})
	return r.spill
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
	line := func(i int32) int { return f.LineAt(int(i)) }
	var orphans []model.Skip
	for _, g := range f.groups {
		e, orphan, err := r.athleteOf(s, g.Athlete, f.Name, line(g.Rows[0]), lenient)
		switch {
		case err != nil:
			return err
		case e == nil && orphan != "":
			for _, i := range g.Rows {
				orphans = append(orphans, model.Skip{File: f.Name, Line: line(i), Column: "athlete", Reason: orphan})
			}
		case e == nil:
			r.lookup(s.owner).quality.OtherAthlete += len(g.Rows)
		default:
			refs := &e.workouts
			if f.Kind == parse.KindCheckins {
				refs = &e.checkins
			}
			*refs = append(*refs, rowRefs{file, g.Rows})
		}
	}
	for _, sk := range f.Skipped {
		if e := r.ownerOf(sk.Athlete, s.owner); e != nil {
			e.quality.Skipped = append(e.quality.Skipped, sk)
		} else {
			orphans = append(orphans, sk)
		}
	}
	// Rows that belong to no athlete of the team are reported in file order.
	slices.SortStableFunc(orphans, func(a, b model.Skip) int { return cmp.Compare(a.Line, b.Line) })
	r.orphans = append(r.orphans, orphans...)
	if s.owner != "" || f.hasUnnamed() {
		if e := r.ownerOf("", s.owner); e != nil {
			e.quality.Notes = append(e.quality.Notes, prefixed(f.Name, f.Notes)...)
		}
	}
	return nil
}

// hasUnnamed reports whether the file's rows name no athlete.
func (f parsedFile) hasUnnamed() bool { return len(f.groups) > 0 && f.groups[0].Athlete == "" }

// ownerOf finds the athlete of a row whose athlete cell is name ("" when
// the file has none) in a file owned by owner: without a profile, rows
// that name nobody belong to the one unnamed athlete.
func (r *roster) ownerOf(name, owner string) *entry {
	if name == "" && owner == "" && !r.known {
		return r.unnamed()
	}
	return r.lookup(cmp.Or(name, owner))
}

// unnamed returns the athlete of the files without an athlete column when
// no profile names one, creating it on first use.
func (r *roster) unnamed() *entry {
	if r.anon == nil {
		p := metrics.NewProfile(unnamedID)
		p.Name = unnamedName
		r.anon = &entry{cfg: parse.Athlete{Profile: p, Params: metrics.DefaultParams()}}
	}
	return r.anon
}

func prefixed(file string, notes []string) []string {
	out := make([]string, len(notes))
	for i, n := range notes {
		out[i] = file + ": " + n
	}
	return out
}

// lookup finds an athlete by id or name, matched by parse.NameKey (case
// folded, normal form C).
func (r *roster) lookup(id string) *entry {
	if id == "" {
		return nil
	}
	var buf [64]byte
	return r.byKey[string(parse.AppendNameKey(buf[:0], id))]
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
		if name == "" {
			if r.anonFile == "" {
				r.anonFile = file
			}
			return r.unnamed(), "", nil
		}
		p := metrics.NewProfile(name)
		return r.add(parse.Athlete{Profile: p, Params: metrics.DefaultParams()}), "", nil
	}
	ids := make([]string, len(r.athletes))
	for i, e := range r.athletes {
		ids[i] = e.cfg.Profile.ID
	}
	reason := fmt.Sprintf("athlete %q is not in the team (athletes: %s)", text.Clip(name, 40), text.List(ids, 5))
	if lenient && r.redacted { // the reason goes into the outputs
		return nil, "the row's athlete is not in the team (name redacted)", nil
	}
	if lenient {
		return nil, reason, nil
	}
	return nil, "", &parse.Error{File: file, Line: line, Column: "athlete", Msg: reason}
}

// finish orders athletes found in the data and sets the title. Without a
// profile, the rows of files with no athlete column join the one athlete
// the other files name, or are an athlete of their own when no file names
// one; with several named athletes they cannot be given to anyone.
func (r *roster) finish() error {
	if a := r.anon; a != nil {
		switch len(r.athletes) {
		case 0:
			r.athletes = append(r.athletes, a)
		case 1:
			e := r.athletes[0]
			e.workouts = append(e.workouts, a.workouts...)
			e.checkins = append(e.checkins, a.checkins...)
			e.quality.Skipped = append(e.quality.Skipped, a.quality.Skipped...)
			e.quality.Notes = append(e.quality.Notes, a.quality.Notes...)
			e.plans = append(e.plans, a.plans...)
		default:
			ids := make([]string, len(r.athletes))
			for i, e := range r.athletes {
				ids[i] = e.cfg.Profile.ID
			}
			slices.Sort(ids)
			return &parse.Error{File: r.anonFile, Line: 1, FileLevel: true,
				Msg: fmt.Sprintf("the file has no athlete column, and the other files name %d athletes (%s): add an athlete column, or a profile or team file that says whose file it is", len(ids), text.List(ids, 5))}
		}
	}
	if !r.known {
		slices.SortFunc(r.athletes, func(a, b *entry) int { return cmp.Compare(a.cfg.Profile.ID, b.cfg.Profile.ID) })
		r.team = len(r.athletes) > 1
		if len(r.athletes) == 1 {
			r.title = r.athletes[0].cfg.Profile.Name
		}
	}
	if r.title == "" || !r.known && len(r.athletes) == 1 && r.athletes[0] == r.anon {
		r.title = "Training report"
	}
	return nil
}

// maxListedIDs is how many ids an unknown --athlete's message lists.
const maxListedIDs = 5

// pick returns the athletes ids names (--athlete), in report order and
// each once; no ids is every athlete. An id is matched as rows match
// athletes (case folded, normal form C), but only against ids, never
// names; an id that is no athlete's is a usage error that names it and a
// few of the ids there are.
func (r *roster) pick(ids []string) ([]*entry, error) {
	if len(ids) == 0 {
		return r.athletes, nil
	}
	want := map[*entry]bool{}
	for _, id := range ids {
		key := parse.NameKey(strings.TrimSpace(id))
		i := slices.IndexFunc(r.athletes, func(e *entry) bool { return parse.NameKey(e.cfg.Profile.ID) == key })
		if i < 0 {
			known := make([]string, len(r.athletes))
			for i, a := range r.athletes {
				known[i] = text.Clip(a.cfg.Profile.ID, 40)
			}
			return nil, usagef("--athlete %q: no athlete has that id; the ids are %s", text.Clip(id, 40), text.List(known, maxListedIDs))
		}
		want[r.athletes[i]] = true
	}
	var out []*entry
	for _, e := range r.athletes {
		if want[e] {
			out = append(out, e)
		}
	}
	return out, nil
}

// count sets each athlete's row counts.
func (r *roster) count() {
	for _, e := range r.athletes {
		q := &e.quality
		q.WorkoutRows, q.CheckinRows = count(e.workouts), count(e.checkins)
		q.RowsRead = q.WorkoutRows + q.CheckinRows + len(q.Skipped)
	}
}

// saw notes the date of a row given to an athlete.
func (r *roster) saw(d metrics.Date) {
	if !r.hasRows {
		r.first, r.last, r.hasRows = d, d, true
	}
	r.first, r.last = min(r.first, d), max(r.last, d)
}

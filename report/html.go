package report

import (
	"bufio"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"regexp"
	"strings"
	"sync"

	"github.com/workin/workin/templates"
)

// assets are the parsed templates and the inlined CSS and scripts, loaded
// once per process from the embedded templates package.
type assets struct {
	page    *template.Template
	css     template.CSS
	script  template.JS
	echarts template.JS
	// dict is the preset dictionary of packed bodies (pack.go), made the
	// first time a page packs an athlete (a team of more than ten).
	dictOnce sync.Once
	dict     []byte
	dictErr  error
}

var (
	assetsOnce sync.Once
	loaded     assets
	loadErr    error
)

// packDictionary returns the preset dictionary, made on first use.
func (a *assets) packDictionary() ([]byte, error) {
	a.dictOnce.Do(func() { a.dict, a.dictErr = packDict(a.page) })
	return a.dict, a.dictErr
}

// scriptEnd matches what would end an inline <script> element early.
var scriptEnd = regexp.MustCompile(`(?i)</script|<!--`)

func loadAssets() (*assets, error) {
	assetsOnce.Do(func() {
		read := func(name string) string {
			b, err := fs.ReadFile(templates.FS, name)
			if err != nil && loadErr == nil {
				loadErr = fmt.Errorf("reading embedded %s: %w", name, err)
			}
			return string(b)
		}
		ech, js := read("assets/echarts/echarts.min.js"), read("report.js")
		// The chart library is checked by TestAssetsInline: it is embedded
		// as built and scanning 0.7 MB on every run costs more than a
		// one-athlete report's analysis.
		if scriptEnd.MatchString(js) && loadErr == nil {
			loadErr = fmt.Errorf("embedded report.js contains </script or <!--; it cannot be inlined")
		}
		loaded.css = template.CSS(read("report.css"))
		loaded.script = template.JS(js)
		loaded.echarts = template.JS(ech)
		if loadErr != nil {
			return
		}
		loaded.page, loadErr = template.New("page").Funcs(funcs).ParseFS(templates.FS, "*.html")
	})
	return &loaded, loadErr
}

// cardsView is what the "cards" template lays out: one athlete's charts.
type cardsView struct {
	Athlete int
	Charts  []chartView
}

var funcs = template.FuncMap{
	"cards": func(i int, cs []chartView) cardsView { return cardsView{i, cs} },
}

// WriteHTML writes the report as one self-contained HTML file: styles,
// scripts, chart library and data are all inline, so it opens offline from
// an email attachment or a CI artifact. User text is escaped by
// html/template; chart data is JSON with <, > and & escaped.
func WriteHTML(w io.Writer, r *Report) error {
	parts, err := renderParts(r, HTML)
	if err != nil {
		return err
	}
	return WriteHTMLParts(w, r, parts)
}

// WriteHTMLParts writes the page around athlete sections already rendered
// by RenderPart.
func WriteHTMLParts(w io.Writer, r *Report, parts []*Part) error {
	return writePage(w, r, parts, nil)
}

// writeAthletePage writes one athlete's own page of a split report: the
// athlete's section, the files it was read from and the methods, with a
// link back to the overview.
func writeAthletePage(w io.Writer, r *Report, p *Part) error {
	one := &Report{Title: p.Summary.Name, AsOf: r.AsOf, Options: r.Options, PlanFiles: r.PlanFiles}
	for _, f := range p.Summary.Files {
		if f >= 0 && f < len(r.Files) {
			one.Files = append(one.Files, r.Files[f])
		}
	}
	return writePageAs(w, one, []*Part{p}, nil, func(v *pageView) {
		v.Back, v.BackName = OverviewPage, r.Title
		v.Subtitle = r.Title + " · as of " + r.AsOf.Long()
	})
}

// writePage writes the page; pages, when split, are the athletes' own
// pages, which the roster links to instead of the sections.
func writePage(w io.Writer, r *Report, parts []*Part, pages []string) error {
	return writePageAs(w, r, parts, pages, nil)
}

func writePageAs(w io.Writer, r *Report, parts []*Part, pages []string, adjust func(*pageView)) error {
	a, err := loadAssets()
	if err != nil {
		return err
	}
	sk, err := chartSkeletons()
	if err != nil {
		return fmt.Errorf("building chart options: %w", err)
	}
	v := buildPage(r, parts, pages)
	if adjust != nil {
		adjust(&v)
	}
	v.CSS, v.Script, v.ECharts, v.Skeletons = a.css, a.script, a.echarts, template.JS(sk)
	for _, p := range parts {
		if p.Lazy {
			dict, err := a.packDictionary()
			if err != nil {
				return err
			}
			v.Dict = template.JS(dictJSON(dict))
			break
		}
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	if err := a.page.ExecuteTemplate(bw, "page", v); err != nil {
		return fmt.Errorf("rendering HTML: %w", err)
	}
	return bw.Flush()
}

// athleteHTML renders one athlete's section: the advice, its evidence and
// readiness as HTML, and the body (charts, tables, data quality) as HTML
// too, or, when lazy, packed (pack.go) for report.js to unpack when the
// athlete is first opened.
func athleteHTML(r *Report, i int, a *Athlete, open, lazy bool) (template.HTML, error) {
	as, err := loadAssets()
	if err != nil {
		return "", err
	}
	v := buildAthlete(r, i, a, open, lazy)
	var b strings.Builder
	if v.Empty == "" {
		if err := as.page.ExecuteTemplate(&b, "athlete-body", v); err != nil {
			return "", fmt.Errorf("rendering %s: %w", a.Profile.ID, err)
		}
		v.Body = template.HTML(b.String())
		if v.Lazy {
			dict, err := as.packDictionary()
			if err != nil {
				return "", err
			}
			v.Packed = template.JS(pack(dict, b.String()))
			b.Reset()
			if err := as.page.ExecuteTemplate(&b, "lazy", v); err != nil {
				return "", fmt.Errorf("rendering %s: %w", a.Profile.ID, err)
			}
			v.Body = template.HTML(b.String())
		}
		b.Reset()
	} else {
		b.Reset()
		if err := as.page.ExecuteTemplate(&b, "athlete-quality", v); err != nil {
			return "", fmt.Errorf("rendering %s: %w", a.Profile.ID, err)
		}
		v.Body = template.HTML(b.String())
		b.Reset()
	}
	if err := as.page.ExecuteTemplate(&b, "athlete", v); err != nil {
		return "", fmt.Errorf("rendering %s: %w", a.Profile.ID, err)
	}
	return template.HTML(b.String()), nil
}

package report

import (
	"io"
)

// Writers are the outputs a report is written to; a nil writer is an
// output not asked for.
type Writers struct {
	HTML, Markdown, JSON io.Writer
	// Pages, when set, splits the HTML: each athlete's own page, written
	// whole (readable without scripts), goes to Pages(name) as soon as
	// the athlete is rendered, name a safe file name ("ana-ruiz.html",
	// split.go), closed when written; HTML gets the team's overview, whose
	// roster links to the pages. Markdown and JSON do not change.
	Pages func(name string) (io.WriteCloser, error)
}

// Stream renders a report athlete by athlete: each athlete's analysis is
// rendered into a Part (Render, safe to call for several athletes at once)
// and released; the parts are added in report order (Add), the JSON
// streamed to its writer as they come; Close writes the page and the
// Markdown summary from the parts. A large team is never in memory as
// analyses, only as parts.
type Stream struct {
	r     *Report
	w     Writers
	want  Outputs
	json  *JSONStream
	total int
	parts []*Part
	names *pageNamer
	pages []string // each athlete's page, when split
}

// NewStream starts a report of total athletes to the writers asked for.
func NewStream(r *Report, total int, w Writers) *Stream {
	s := &Stream{r: r, w: w, total: total}
	if w.HTML != nil || w.Pages != nil {
		s.want |= HTML
	}
	if w.Pages != nil {
		r.Options.Split = true
		s.names = newPageNamer()
	}
	if w.Markdown != nil {
		s.want |= Markdown
	}
	if w.JSON != nil {
		s.want |= JSON
		s.json = StartJSON(w.JSON, r)
	}
	return s
}

// Render renders athlete i for the outputs asked for.
func (s *Stream) Render(i int, a *Athlete) (*Part, error) {
	return RenderPart(s.r, i, s.total, a, s.want)
}

// Add appends the next athlete's part, in report order; when split, it
// writes the athlete's page.
func (s *Stream) Add(p *Part) error {
	if s.json != nil {
		s.json.Athlete(p.JSON)
	}
	p.JSON = nil
	if s.names != nil {
		name := s.names.name(len(s.parts), p.Summary.ID)
		w, err := s.w.Pages(name)
		if err != nil {
			return err
		}
		err = writeAthletePage(w, s.r, p)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		s.pages = append(s.pages, name)
		p.HTML = "" // written; the overview needs only the summary
	}
	s.parts = append(s.parts, p)
	return nil
}

// Close ends the JSON and writes the page and the Markdown summary.
func (s *Stream) Close() error {
	if s.json != nil {
		if err := s.json.Finish(); err != nil {
			return err
		}
	}
	if s.w.HTML != nil {
		if err := writePage(s.w.HTML, s.r, s.parts, s.pages); err != nil {
			return err
		}
	}
	if s.w.Markdown != nil {
		return WriteMarkdownParts(s.w.Markdown, s.r, s.parts)
	}
	return nil
}

// Summaries are what the parts added so far say of their athletes, in
// report order (--fail-on reads them).
func (s *Stream) Summaries() []Summary {
	out := make([]Summary, len(s.parts))
	for i, p := range s.parts {
		out[i] = p.Summary
	}
	return out
}

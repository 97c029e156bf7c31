package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/workin/workin/report"
)

// output is one file to write and the renderer that fills it.
type output struct {
	path   string
	render func(io.Writer, *report.Report) error
}

// writeAll renders each output into a temporary file in the destination's
// directory, then renames all of them. On any error the temporary files are
// removed and no destination is touched.
func writeAll(rep *report.Report, outs []output) (err error) {
	var temps []string
	defer func() {
		if err != nil {
			for _, t := range temps {
				os.Remove(t)
			}
		}
	}()
	for _, o := range outs {
		t, err := renderTemp(rep, o)
		if t != "" {
			temps = append(temps, t)
		}
		if err != nil {
			return err
		}
	}
	for i, o := range outs {
		if err := os.Rename(temps[i], o.path); err != nil {
			return fmt.Errorf("writing %s: %w", o.path, err)
		}
	}
	return nil
}

func renderTemp(rep *report.Report, o output) (string, error) {
	tmp, err := os.CreateTemp(filepath.Dir(o.path), "."+filepath.Base(o.path)+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("writing %s: %w", o.path, err)
	}
	name := tmp.Name()
	w := bufio.NewWriterSize(tmp, 1<<20)
	err = o.render(w, rep)
	if err == nil {
		err = w.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(name, 0o644)
	}
	if err != nil {
		return name, fmt.Errorf("writing %s: %w", o.path, err)
	}
	return name, nil
}

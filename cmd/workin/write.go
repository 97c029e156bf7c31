package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
)

// outFile is an output being written: a temporary file beside its
// destination, renamed into place only when every output is complete, so an
// error never leaves a half-written report or replaces a good one.
type outFile struct {
	path string
	tmp  *os.File
	*bufio.Writer
}

func createOut(path string) (*outFile, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("writing %s: %w", path, err)
	}
	return &outFile{path: path, tmp: tmp, Writer: bufio.NewWriterSize(tmp, 1<<20)}, nil
}

// outputs is the set of files one run writes.
type outputs []*outFile

// create opens a temporary file for each non-empty path, in order; a nil
// entry stands for an output not asked for.
func create(paths ...string) (outputs, error) {
	outs := make(outputs, len(paths))
	for i, p := range paths {
		if p == "" {
			continue
		}
		o, err := createOut(p)
		if err != nil {
			outs.abort()
			return nil, err
		}
		outs[i] = o
	}
	return outs, nil
}

// commit flushes and closes every temporary file, then renames them all.
func (outs outputs) commit() error {
	for _, o := range outs {
		if o == nil {
			continue
		}
		err := o.Flush()
		if cerr := o.tmp.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Chmod(o.tmp.Name(), outputMode)
		}
		if err != nil {
			outs.abort()
			return fmt.Errorf("writing %s: %w", o.path, err)
		}
	}
	for _, o := range outs {
		if o == nil {
			continue
		}
		if err := os.Rename(o.tmp.Name(), o.path); err != nil {
			outs.abort()
			return fmt.Errorf("writing %s: %w", o.path, err)
		}
	}
	return nil
}

// abort removes every temporary file that was not renamed.
func (outs outputs) abort() {
	for _, o := range outs {
		if o != nil {
			o.tmp.Close()
			os.Remove(o.tmp.Name())
		}
	}
}

// Package outfile writes a run's outputs all or nothing: each to a
// temporary file beside its destination, put in place together only when
// every one is complete, with what they replace put back if a rename fails.
// A failed run never leaves a half-written report or replaces a good one,
// and its messages name the user's paths, never the temporary files.
package outfile

import (
	"bufio"
	"io"

	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/workin/workin/internal/text"
)

// rename is os.Rename; a test replaces it to make a rename fail.
var rename = os.Rename

// File is an output being written: a temporary file beside its
// destination, renamed into place only when every output is complete, so an
// error never leaves a half-written report or replaces a good one.
type File struct {
	path string
	tmp  *os.File
	*bufio.Writer
	done bool // flushed and closed early (Close); Commit only renames it
}

// Close flushes and closes the temporary file before Commit, for a run
// that writes more outputs than it should keep open (one page per
// athlete). The file is still put in place only by Commit.
func (o *File) Close() error {
	if o.done {
		return nil
	}
	o.done = true
	err := o.Flush()
	o.Writer = nil // its buffer (1 MB) goes: a run may hold many closed files
	if cerr := o.tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return outError(o.path, err)
	}
	return nil
}

func createOut(path string) (*File, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, outError(path, err)
	}
	return &File{path: path, tmp: tmp, Writer: bufio.NewWriterSize(tmp, 1<<20)}, nil
}

// outError names the user's path, never the temporary file next to it.
func outError(path string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &le):
		err = le.Err
	case errors.As(err, &pe):
		err = pe.Err
	}
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("writing %s: the folder %s does not exist", text.Visible(path), text.Visible(filepath.Dir(path)))
	}
	return fmt.Errorf("writing %s: %w", text.Visible(path), err)
}

// Set is the files one run writes, in the order they were asked for; a
// nil entry is an output not asked for.
type Set []*File

// Writer returns output i as a writer, or nil when it was not asked for.
func (outs Set) Writer(i int) io.Writer {
	if outs[i] == nil {
		return nil
	}
	return outs[i]
}

// Create opens a temporary file for each non-empty path, in order.
func Create(paths ...string) (Set, error) {
	outs := make(Set, len(paths))
	for i, p := range paths {
		if p == "" {
			continue
		}
		o, err := createOut(p)
		if err != nil {
			outs.Abort()
			return nil, err
		}
		outs[i] = o
	}
	return outs, nil
}

// Add opens one more output, written and committed with the others.
func (outs *Set) Add(path string) (*File, error) {
	o, err := createOut(path)
	if err != nil {
		return nil, err
	}
	*outs = append(*outs, o)
	return o, nil
}

// Commit puts every output in place, all or nothing: it flushes and closes
// the temporary files, checks every destination before the first rename
// (an existing one must be a regular file), keeps a hard link to each file
// it replaces, and on a failed rename puts back what was already replaced.
func (outs Set) Commit() error {
	for _, o := range outs {
		if o == nil {
			continue
		}
		err := o.Close()
		if err == nil {
			if cerr := os.Chmod(o.tmp.Name(), outputMode); cerr != nil {
				err = outError(o.path, cerr)
			}
		}
		if err != nil {
			outs.Abort()
			return err
		}
	}
	for _, o := range outs {
		if o == nil {
			continue
		}
		if st, err := os.Stat(o.path); err == nil && !st.Mode().IsRegular() {
			outs.Abort()
			return fmt.Errorf("writing %s: it is not a regular file (a folder?); give a file name", text.Visible(o.path))
		}
	}
	backups := make([]string, len(outs)) // "" when nothing was replaced
	restore := func(upto int) {
		for j := 0; j < upto; j++ {
			o := outs[j]
			if o == nil {
				continue
			}
			if backups[j] != "" {
				rename(backups[j], o.path)
			} else {
				os.Remove(o.path)
			}
		}
	}
	for i, o := range outs {
		if o == nil {
			continue
		}
		if b, err := keep(o.path); err != nil {
			restore(i)
			outs.abortFrom(i)
			return outError(o.path, err)
		} else {
			backups[i] = b
		}
		if err := rename(o.tmp.Name(), o.path); err != nil {
			restore(i)
			if backups[i] != "" {
				os.Remove(backups[i])
			}
			outs.abortFrom(i)
			return outError(o.path, err)
		}
	}
	for _, b := range backups {
		if b != "" {
			os.Remove(b)
		}
	}
	return nil
}

// keep makes a hard link to an existing destination, so that it can be put
// back; "" when there is nothing to keep.
func keep(path string) (string, error) {
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	for k := 0; k < 100; k++ {
		b := filepath.Join(filepath.Dir(path), fmt.Sprintf(".%s.%d.keep", filepath.Base(path), k))
		err := os.Link(path, b)
		if err == nil {
			return b, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", err
		}
	}
	return "", fmt.Errorf("cannot keep a copy of the old file to put back on failure")
}

// Abort removes every temporary file that was not renamed.
func (outs Set) Abort() { outs.abortFrom(0) }

func (outs Set) abortFrom(i int) {
	for _, o := range outs[i:] {
		if o != nil {
			if !o.done {
				o.tmp.Close()
			}
			os.Remove(o.tmp.Name())
		}
	}
}

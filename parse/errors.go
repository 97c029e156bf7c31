package parse

import (
	"errors"

	"fmt"
	"strings"

	"github.com/workin/workin/internal/text"
)

// Error is a problem with one place in an input file. Line is the physical
// line (1-based, counting the lines inside quoted multi-line cells); Col is
// the 1-based column for YAML files; Column names the CSV column as written
// in the file's header. Value is the offending cell, already shortened.
type Error struct {
	File   string
	Line   int
	Col    int
	Column string
	Value  string
	Msg    string
	// FileLevel problems (an unreadable file, a missing date column) stop
	// the run even with --lenient.
	FileLevel bool
	Err       error
}

// Error is one line: the file name, the column and the message are made
// Visible, so nothing from the input can break the line or reach a
// terminal raw.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(text.Visible(e.File))
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	if e.Column != "" {
		fmt.Fprintf(&b, "column %q: ", text.Clip(e.Column, 40))
	}
	b.WriteString(text.Visible(e.Msg))
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// cellError is what a cell parser returns: what was expected, and the value
// that was found.
type cellError struct {
	msg   string
	value string
}

func (e *cellError) Error() string {
	if e.value == "" {
		return e.msg
	}
	return fmt.Sprintf("%s, got %q", e.msg, e.value)
}

// badCell quotes value clipped and copied: a cell may alias the input.
func badCell(msg, value string) error {
	return &cellError{msg: msg, value: strings.Clone(text.Clip(value, 40))}
}

// asWritten quotes the cell as the file wrote it in a cell type's error
// (a semicolon file's decimal comma is rewritten before gocsv sees it).
func asWritten(err error, raw string) error {
	var ce *cellError
	if !errors.As(err, &ce) {
		return err
	}
	return badCell(ce.msg, strings.TrimSpace(raw))
}

// fileError builds a file-level Error.
func fileError(file string, line int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...), FileLevel: true}
}

// IsFileLevel reports whether err stops a run even in lenient mode.
func IsFileLevel(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.FileLevel
}

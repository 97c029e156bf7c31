package parse

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strings"

	"github.com/workin/workin/internal/text"
	"gopkg.in/yaml.v3"
)

// The y* types decode one YAML scalar and remember where it was, so that
// validation after decoding can point at the value ("profile.yaml:7:5").
// Numbers decode as float64 and are checked for whole-ness where needed, so
// 190.5 is never silently truncated to 190.

// posError is a problem at a YAML position; strictDecode adds the file.
type posError struct {
	line, col int
	msg       string
}

func (e *posError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

type yNum struct {
	V         float64
	Raw       string // as written, for messages
	Line, Col int
	Set       bool
}

func (n *yNum) UnmarshalYAML(node *yaml.Node) error {
	n.Line, n.Col = node.Line, node.Column
	if node.Kind != yaml.ScalarNode || node.Tag == "!!null" {
		return &posError{node.Line, node.Column, "want a number"}
	}
	if err := node.Decode(&n.V); err != nil {
		return &posError{node.Line, node.Column, fmt.Sprintf("want a number, got %q", text.Clip(node.Value, 40))}
	}
	if math.IsInf(n.V, 0) || math.IsNaN(n.V) {
		return &posError{node.Line, node.Column, fmt.Sprintf("want a finite number, got %q", text.Clip(node.Value, 40))}
	}
	n.Raw, n.Set = node.Value, true
	return nil
}

type yStr struct {
	V         string
	Line, Col int
	Set       bool
}

func (s *yStr) UnmarshalYAML(node *yaml.Node) error {
	s.Line, s.Col = node.Line, node.Column
	if node.Kind != yaml.ScalarNode {
		return &posError{node.Line, node.Column, "want a single value, not a list or a map"}
	}
	s.V, s.Set = strings.TrimSpace(node.Value), true
	return nil
}

// strictDecode decodes exactly one YAML document into v, refusing unknown
// keys, an empty file and further documents. Errors name file and line.
func strictDecode(data []byte, file string, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if err == io.EOF {
			return &Error{File: file, Msg: "the file is empty; want a profile (id, name, max_hr, …) or a team (team, athletes)", FileLevel: true}
		}
		return yamlError(file, err)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == io.EOF:
		return nil
	case err != nil:
		return yamlError(file, err)
	default:
		return &Error{File: file, Line: extra.Line, FileLevel: true,
			Msg: "a second YAML document (after ---); keep one profile or team per file"}
	}
}

var (
	reLine     = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
	reNotFound = regexp.MustCompile(`^field (\S+) not found in type \S+$`)
	reCannot   = regexp.MustCompile("^cannot unmarshal !!(\\w+) `?(.*?)`? into (\\S+)$")
)

// yamlError turns yaml.v3's messages into file:line messages in workin's
// words. Several type errors are joined, one per line.
func yamlError(file string, err error) error {
	var pe *posError
	if errors.As(err, &pe) {
		return &Error{File: file, Line: pe.line, Col: pe.col, Msg: pe.msg, FileLevel: true}
	}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		var errs []error
		for _, m := range te.Errors {
			errs = append(errs, yamlMessage(file, m))
		}
		return errors.Join(errs...)
	}
	return yamlMessage(file, err.Error())
}

func yamlMessage(file, m string) *Error {
	e := &Error{File: file, Msg: m, FileLevel: true}
	sub := reLine.FindStringSubmatch(m)
	if sub == nil {
		e.Msg = strings.TrimPrefix(m, "yaml: ")
		return e
	}
	fmt.Sscan(sub[1], &e.Line)
	e.Msg = sub[2]
	if f := reNotFound.FindStringSubmatch(e.Msg); f != nil {
		e.Msg = fmt.Sprintf("unknown key %q (keys are listed in the README under Profile and team files)", f[1])
	} else if c := reCannot.FindStringSubmatch(e.Msg); c != nil {
		e.Msg = fmt.Sprintf("want %s, got a %s %s", goTypeWords(c[3]), yamlKind(c[1]), text.Clip(c[2], 40))
	}
	return e
}

func goTypeWords(t string) string {
	switch {
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "map"):
		return "a map of keys"
	case t == "string":
		return "text"
	case strings.Contains(t, "float") || strings.Contains(t, "int"):
		return "a number"
	}
	return "a map of keys"
}

func yamlKind(tag string) string {
	switch tag {
	case "seq":
		return "list"
	case "map":
		return "map"
	case "str":
		return "text"
	}
	return tag
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestJSONMatchesSchema validates the demo's JSON summary, and the basic
// test team's, against docs/summary.schema.json.
func TestJSONMatchesSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	schema, err := c.Compile("../../docs/summary.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, args := range [][]string{
		{"demo", "-o", filepath.Join(dir, "d.html"), "--json", filepath.Join(dir, "d.json")},
		{"report", "testdata/basic/team.yaml", "-o", filepath.Join(dir, "b.html"), "--json", filepath.Join(dir, "b.json")},
	} {
		if _, err := runCLI(t, args...); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"d.json", "b.json"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(doc); err != nil {
			t.Errorf("%s does not match the schema: %v", name, err)
		}
	}
	// The schema can fail: a document with an unknown action does not pass.
	bad, _ := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(`{"schema_version":2,"as_of":"2026-01-01","files":[],"athletes":[{"id":"a","name":"a","recommendation":{"action":"panic","work_in":null,"evidence":[]},"daily":[],"weekly":[],"flags":[],"data_quality":{"rows_read":0,"skipped":[]}}]}`)))
	if schema.Validate(bad) == nil {
		t.Error("a bad action passed the schema")
	}
}

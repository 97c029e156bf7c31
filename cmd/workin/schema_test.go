package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/workin/workin/metrics"
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

// TestSchemaRuleEnum: the JSON schema's rule enum is the rule registry.
func TestSchemaRuleEnum(t *testing.T) {
	b, err := os.ReadFile("../../docs/summary.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Defs struct {
			Rule   struct{ Enum []string } `json:"rule"`
			Action struct{ Enum []string } `json:"action"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(s.Defs.Rule.Enum, " "), strings.Join(metrics.RuleNames(), " "); got != want {
		t.Errorf("schema rule enum\n %s\nregistry\n %s", got, want)
	}
	var actions []string
	for a := metrics.Action(0); a < metrics.NumActions; a++ {
		actions = append(actions, a.String())
	}
	if got, want := strings.Join(s.Defs.Action.Enum, " "), strings.Join(actions, " "); got != want {
		t.Errorf("schema action enum %s, actions %s", got, want)
	}
}

// TestReadmeListsEveryRule: the README's rules table has a row per rule.
func TestReadmeListsEveryRule(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range metrics.RuleNames() {
		if !strings.Contains(string(b), "| `"+r+"` |") {
			t.Errorf("the README's rules table has no row for %s", r)
		}
	}
}

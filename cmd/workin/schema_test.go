package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/workin/workin/metrics"
)

// schemas are the JSON summary's schema files by schema_version: the
// current shape, and the previous one --json-schema 2 still writes.
var schemas = map[int]string{3: "../../docs/summary.schema.json", 2: "../../docs/summary.v2.schema.json"}

// TestJSONMatchesSchema validates the demo's JSON summary, and the basic
// test team's (whole, windowed, redacted), against the schema of the
// version they were written in.
func TestJSONMatchesSchema(t *testing.T) {
	compiled := map[int]*jsonschema.Schema{}
	for v, path := range schemas {
		s, err := jsonschema.NewCompiler().Compile(path)
		if err != nil {
			t.Fatal(err)
		}
		compiled[v] = s
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		version int
		args    []string
	}{
		{3, []string{"demo"}},
		{3, []string{"report", "testdata/basic/team.yaml"}},
		{3, []string{"report", "testdata/basic/team.yaml", "--detail-weeks", "1", "--redact"}},
		{2, []string{"demo", "--json-schema", "2"}},
		{2, []string{"report", "testdata/basic/team.yaml", "--json-schema", "2", "--detail-weeks", "1"}},
	} {
		name := strings.Join(tc.args, " ")
		js := filepath.Join(dir, "s.json")
		if _, err := runCLI(t, append(tc.args, "-o", filepath.Join(dir, "s.html"), "--json", js)...); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(js)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := compiled[tc.version].Validate(doc); err != nil {
			t.Errorf("%s does not match schema %d: %v", name, tc.version, err)
		}
		if other := 5 - tc.version; compiled[other].Validate(doc) == nil {
			t.Errorf("%s (schema %d) also passes schema %d", name, tc.version, other)
		}
		// The schema can fail: the same document with one bad value does not pass.
		spoils := map[string]func(a map[string]any){
			"an unknown action": func(a map[string]any) { a["recommendation"].(map[string]any)["action"] = "panic" },
			"a text load":       func(a map[string]any) { spoilDaily(a["daily"], tc.version) },
		}
		if tc.version == 3 {
			spoils["a headroom limit for a rule not projected"] = func(a map[string]any) {
				a["headroom"].(map[string]any)["limits"].(map[string]any)[metrics.RuleHRVLow] = map[string]any{}
			}
			spoils["headroom without rest tomorrow"] = func(a map[string]any) { delete(a["headroom"].(map[string]any), "rest_tomorrow") }
		}
		if tc.args[0] == "demo" && tc.version == 3 { // Ana has a plan
			spoils["a projected day's text load"] = func(a map[string]any) { spoilDaily(a["projection"].(map[string]any)["daily"], 3) }
			spoils["a planned session not planned"] = func(a map[string]any) {
				a["projection"].(map[string]any)["sessions"].([]any)[0].(map[string]any)["planned"] = false
			}
			spoils["a ramp guide called safe"] = func(a map[string]any) {
				a["projection"].(map[string]any)["ramp_guide"].(map[string]any)["note"] = "a commonly cited guide: safe up to 8"
			}
		}
		for what, spoil := range spoils {
			var v map[string]any
			if err := json.Unmarshal(b, &v); err != nil {
				t.Fatal(err)
			}
			spoil(v["athletes"].([]any)[0].(map[string]any))
			out, _ := json.Marshal(v)
			bad, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if compiled[tc.version].Validate(bad) == nil {
				t.Errorf("%s: %s passed schema %d", name, what, tc.version)
			}
		}
	}
}

// spoilDaily makes the first day's load a string, in either shape of the
// daily series.
func spoilDaily(daily any, version int) {
	if version == 2 {
		daily.([]any)[0].(map[string]any)["load"] = "heavy"
		return
	}
	daily.(map[string]any)["load"].([]any)[0] = "heavy"
}

// TestSchemaRuleEnum: each JSON schema's rule and action enums are the
// rule registry and the actions.
func TestSchemaRuleEnum(t *testing.T) {
	for _, path := range schemas {
		t.Run(filepath.Base(path), func(t *testing.T) { schemaEnums(t, path) })
	}
}

func schemaEnums(t *testing.T, path string) {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Defs struct {
			Rule        struct{ Enum []string } `json:"rule"`
			Action      struct{ Enum []string } `json:"action"`
			LoadRule    struct{ Enum []string } `json:"loadRule"`
			NotLoadRule struct{ Enum []string } `json:"notLoadRule"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(s.Defs.Rule.Enum, " "), strings.Join(metrics.RuleNames(), " "); got != want {
		t.Errorf("schema rule enum\n %s\nregistry\n %s", got, want)
	}
	if projected, not := metrics.ProjectedRules(); len(s.Defs.LoadRule.Enum)+len(s.Defs.NotLoadRule.Enum) > 0 &&
		(!slices.Equal(s.Defs.LoadRule.Enum, projected) || !slices.Equal(s.Defs.NotLoadRule.Enum, not)) {
		t.Errorf("schema loadRule %v and notLoadRule %v; projected rules %v, not %v", s.Defs.LoadRule.Enum, s.Defs.NotLoadRule.Enum, projected, not)
	}
	if strings.Contains(path, "summary.schema.json") && len(s.Defs.LoadRule.Enum) == 0 {
		t.Error("schema 3 has no loadRule enum")
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

// TestJSONDocExamples runs docs/json.md's migration examples with jq on the
// demo (with a detail window, so that weeks and flags are cut): in each
// pair, the schema 2 command on a version 2 summary and the schema 3
// command on a version 3 summary of the same run print the same.
func TestJSONDocExamples(t *testing.T) {
	if _, err := exec.LookPath("jq"); err != nil {
		t.Skip("no jq")
	}
	doc, err := os.ReadFile("../../docs/json.md")
	if err != nil {
		t.Fatal(err)
	}
	dirs := map[string]string{}
	for _, v := range []string{"2", "3"} {
		dirs[v] = t.TempDir()
		if _, err := runCLI(t, "demo", "-o", filepath.Join(dirs[v], "s.html"), "--json", filepath.Join(dirs[v], "summary.json"),
			"--detail-weeks", "4", "--json-schema", v); err != nil {
			t.Fatal(err)
		}
	}
	pairs := 0
	for _, block := range strings.Split(string(doc), "```sh\n")[1:] {
		block, _, _ = strings.Cut(block, "```")
		cmds := map[string]string{}
		lines := strings.Split(block, "\n")
		for i, l := range lines {
			if v, ok := strings.CutPrefix(l, "# schema "); ok && i+1 < len(lines) {
				cmds[v] = lines[i+1]
			}
		}
		if len(cmds) == 0 {
			continue
		}
		pairs++
		out := map[string]string{}
		for v, cmd := range cmds {
			c := exec.Command("bash", "-c", cmd)
			c.Dir = dirs[v]
			var stderr bytes.Buffer
			c.Stderr = &stderr
			b, err := c.Output()
			if err != nil || len(bytes.TrimSpace(b)) == 0 {
				t.Errorf("schema %s: %s: %v, %d bytes\n%s", v, cmd, err, len(b), stderr.String())
			}
			out[v] = string(b)
		}
		if len(cmds) != 2 || out["2"] != out["3"] {
			t.Errorf("the pair\n  %s\n  %s\nprints differently:\n%.300s\n%.300s", cmds["2"], cmds["3"], out["2"], out["3"])
		}
	}
	if pairs < 5 {
		t.Errorf("%d example pairs in docs/json.md, want at least 5", pairs)
	}
}

package flows_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/kapbot/kapbot/internal/flow"
)

// example is one ```yaml block of a README.
type example struct {
	file string
	line int    // of the opening fence
	mark string // the fragment marker before it ("" for a whole file)
	// deployment: a deployment file (KAPBOT_CLINICS), not a flow file,
	// marked `<!-- deployment file -->`; bots' TestReadmeDeploymentExample
	// loads it.
	deployment bool
	src        string
}

// deploymentMark precedes a deployment file's example (checked in bots).
const deploymentMark = "<!-- deployment file -->"

var fragmentRe = regexp.MustCompile(`^<!-- fragment: ([A-Za-z/]+)( \((?:lines|keys)\))? -->$`)

// readmeExamples returns every YAML block of a Markdown file. A block that is
// only part of a file is preceded by a line `<!-- fragment: DEF -->`, naming
// the JSON Schema definition its keys belong to (or, for a list, that each
// item must match; DEF/KEY: the whole list must match that key of DEF);
// `(lines)` after it checks each line on its own, and `(keys)` checks only the
// key names, for a block that lists every key of several question types.
func readmeExamples(t *testing.T, file string) []example {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	var out []example
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "```yaml" {
			continue
		}
		ex := example{file: file, line: i + 1}
		for j := i - 1; j >= 0 && j >= i-2; j-- {
			if m := fragmentRe.FindStringSubmatch(strings.TrimSpace(lines[j])); m != nil {
				ex.mark = m[1] + m[2]
			}
			if strings.TrimSpace(lines[j]) == deploymentMark {
				ex.deployment = true
			}
		}
		var body []string
		for i++; i < len(lines) && strings.TrimSpace(lines[i]) != "```"; i++ {
			body = append(body, lines[i])
		}
		ex.src = strings.Join(body, "\n") + "\n"
		out = append(out, ex)
	}
	return out
}

// TestReadmeExamples validates every YAML example of README.md and
// flows/README.md: a whole file with the shipped flows around it (replacing the
// shipped file of the same id) and the README's clinic.yaml, as `kapbot flows
// validate` would; a fragment against the part of the JSON Schema it is
// marked with.
func TestReadmeExamples(t *testing.T) {
	schema := compileSchema(t)
	shipped, err := readDir(".")
	if err != nil {
		t.Fatal(err)
	}
	// The examples are a new clinic's: validate them with the README's own
	// clinic.yaml example (English only) in place of the shipped one, and
	// count only the problems located in the example itself.
	var all []example
	for _, readme := range []string{"../README.md", "README.md"} {
		all = append(all, readmeExamples(t, readme)...)
	}
	for _, ex := range all {
		if ex.mark == "" && strings.Contains(ex.src, "\nname:") {
			shipped["clinic.yaml"] = []byte(ex.src)
		}
	}
	n := 0
	for _, ex := range all {
		n++
		where := ex.file + ":" + strconv.Itoa(ex.line)
		if ex.deployment {
			continue
		}
		if ex.mark != "" {
			checkFragment(t, schema, where, ex)
			continue
		}
		name, sources := withExample(t, shipped, ex.src)
		_, probs := flow.Validate(sources)
		for _, p := range probs.Errors() {
			if p.Pos.File != name {
				continue
			}
			t.Errorf("%s: the example (as %s) does not validate: %s", where, name, p)
		}
		var v any
		if err := yaml.Unmarshal([]byte(ex.src), &v); err == nil {
			if err := schema.Validate(jsonValue(t, v)); err != nil {
				t.Errorf("%s: the schema rejects the example: %v", where, err)
			}
		}
	}
	if n < 10 {
		t.Fatalf("found %d YAML examples; the READMEs have more", n)
	}
}

// withExample returns the shipped sources with the example added: as the file
// of the same flow, questionnaire or clinic when there is one, else as
// example.yaml (example.test.yaml for transcripts).
func withExample(t *testing.T, shipped map[string][]byte, src string) (string, map[string][]byte) {
	t.Helper()
	key := func(data []byte) string {
		var h struct{ Flow, Questionnaire, Name, Transcripts string }
		_ = yaml.Unmarshal(data, &h)
		if h.Name != "" {
			return "clinic" // one clinic.yaml
		}
		return h.Flow + "|" + h.Questionnaire + "|" + h.Transcripts
	}
	want := key([]byte(src))
	out := map[string][]byte{}
	name := "example.yaml"
	if strings.Contains(src, "\ntranscripts:") {
		name = "example.test.yaml"
	}
	for k, v := range shipped {
		if key(v) == want {
			name = k
			continue
		}
		out[k] = v
	}
	out[name] = []byte(src)
	return name, out
}

// checkFragment validates a fragment against the schema definition it is
// marked with: each item of a list, or each key of a mapping against that
// key's schema. "(lines)" checks every line as a fragment of its own.
func checkFragment(t *testing.T, s *jsonschema.Schema, where string, ex example) {
	t.Helper()
	def, lines := strings.CutSuffix(ex.mark, " (lines)")
	def, keysOnly := strings.CutSuffix(def, " (keys)")
	if d, key, ok := strings.Cut(def, "/"); ok {
		var v any
		if err := yaml.Unmarshal([]byte(ex.src), &v); err != nil {
			t.Errorf("%s: fragment is not YAML: %v", where, err)
		} else if err := validateAt(t, "#/$defs/"+d+"/properties/"+key, v); err != nil {
			t.Errorf("%s: fragment is not a valid %s: %v", where, def, err)
		}
		return
	}
	srcs := []string{ex.src}
	if lines {
		srcs = strings.Split(strings.TrimSpace(ex.src), "\n")
	}
	var defs struct {
		Defs map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"$defs"`
		Properties map[string]json.RawMessage `json:"properties"`
	}
	if err := json.Unmarshal(flow.Schema, &defs); err != nil {
		t.Fatal(err)
	}
	props := defs.Defs[def].Properties
	if def == "file" {
		props = defs.Properties
	} else if _, ok := defs.Defs[def]; !ok {
		t.Fatalf("%s: fragment: no schema definition %q", where, def)
	}
	for _, src := range srcs {
		var v any
		if err := yaml.Unmarshal([]byte(src), &v); err != nil {
			t.Errorf("%s: fragment is not YAML: %v", where, err)
			continue
		}
		switch x := v.(type) {
		case []any:
			for _, item := range x {
				if err := validateAt(t, "#/$defs/"+def, item); err != nil {
					t.Errorf("%s: fragment item is not a valid %s: %v", where, def, err)
				}
			}
		case map[string]any:
			for k, val := range x {
				if _, ok := props[k]; !ok {
					t.Errorf("%s: fragment key %q is not a key of %s", where, k, def)
					continue
				}
				if keysOnly {
					checkKeyNames(t, where, k, val, props[k])
					continue
				}
				ptr := "#/$defs/" + def + "/properties/" + k
				if def == "file" {
					ptr = "#/properties/" + k
				}
				if err := validateAt(t, ptr, val); err != nil {
					t.Errorf("%s: %s: %v", where, k, err)
				}
			}
		default:
			t.Errorf("%s: fragment is neither a list nor a mapping", where)
		}
	}
}

// checkKeyNames checks that the keys of v, when it is a mapping, are
// properties of the schema definition prop refers to.
func checkKeyNames(t *testing.T, where, key string, v any, prop json.RawMessage) {
	t.Helper()
	m, ok := v.(map[string]any)
	if !ok {
		return
	}
	var ref struct {
		Ref string `json:"$ref"`
	}
	_ = json.Unmarshal(prop, &ref)
	def, ok := strings.CutPrefix(ref.Ref, "#/$defs/")
	if !ok {
		return
	}
	var defs struct {
		Defs map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(flow.Schema, &defs); err != nil {
		t.Fatal(err)
	}
	for k := range m {
		if _, ok := defs.Defs[def].Properties[k]; !ok {
			t.Errorf("%s: %s.%s is not a key of %s", where, key, k, def)
		}
	}
}

// validateAt validates v against the schema at the JSON pointer ptr of the
// shipped schema.
func validateAt(t *testing.T, ptr string, v any) error {
	t.Helper()
	return schemaAt(t, ptr).Validate(jsonValue(t, v))
}

func compileSchema(t *testing.T) *jsonschema.Schema { return schemaAt(t, "") }

// schemaAt compiles the shipped schema at the JSON pointer ptr ("" for the
// whole).
func schemaAt(t *testing.T, ptr string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(flow.Schema))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("kapbot.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("kapbot.schema.json" + ptr)
	if err != nil {
		t.Fatalf("schema %s: %v", ptr, err)
	}
	return s
}

func jsonValue(t *testing.T, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func readDir(dir string) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, pattern := range []string{"*.yaml", "questionnaires/*.yaml"} {
		names, err := fs.Glob(os.DirFS(dir), pattern)
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			if flow.IsTranscript(n) {
				continue // a flow example replaces a shipped flow its tests may not fit
			}
			data, err := os.ReadFile(dir + "/" + n)
			if err != nil {
				return nil, err
			}
			out[n] = data
		}
	}
	return out, nil
}

package flow

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
	if err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource("kapbot.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("kapbot.schema.json")
	if err != nil {
		t.Fatalf("schema does not compile: %v", err)
	}
	return s
}

// yamlToJSON decodes YAML into the JSON-compatible values the validator takes.
func yamlToJSON(t *testing.T, src string) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal([]byte(src), &v); err != nil {
		t.Fatalf("bad YAML in test: %v", err)
	}
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("YAML not representable as JSON: %v", err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSchemaAcceptsValidFiles(t *testing.T) {
	s := compileSchema(t)
	err := filepath.WalkDir("testdata/valid", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := s.Validate(yamlToJSON(t, string(data))); err != nil {
			t.Errorf("%s: %v", path, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestSchemaRejectsBadFiles(t *testing.T) {
	s := compileSchema(t)
	tests := []struct {
		name, doc string
	}{
		{"no version", "flow: main\nsteps: [{id: a, say: Hi}]\n"},
		{"newer version", "kapbot: 2\nflow: main\nsteps: [{id: a, say: Hi}]\n"},
		{"no kind", "kapbot: 1\ntitle: x\n"},
		{"unknown flow key", "kapbot: 1\nflow: main\ntitel: x\nsteps: [{id: a, say: Hi}]\n"},
		{"bad flow id", "kapbot: 1\nflow: Main\nsteps: [{id: a, say: Hi}]\n"},
		{"step without action", "kapbot: 1\nflow: main\nsteps: [{id: a, next: b}]\n"},
		{"step with two actions", "kapbot: 1\nflow: main\nsteps: [{id: a, say: Hi, end: true}]\n"},
		{"bad step id", "kapbot: 1\nflow: main\nsteps: [{id: 1a, say: Hi}]\n"},
		{"bad ask type", "kapbot: 1\nflow: main\nsteps: [{id: a, ask: {type: slider, text: x}}]\n"},
		{"choice without label", "kapbot: 1\nflow: main\nsteps: [{id: a, ask: {type: choice, text: x, choices: [{value: 1}]}}]\n"},
		{"bad priority", "kapbot: 1\nflow: main\nsteps: [{id: a, refer: {priority: asap, reason: x}}]\n"},
		{"bad text locale", "kapbot: 1\nflow: main\nsteps: [{id: a, say: {English: Hi}}]\n"},
		{"empty steps", "kapbot: 1\nflow: main\nsteps: []\n"},
		{"clinic without crisis", "kapbot: 1\nname: C\ndefault_locale: en\nretention: 90d\n"},
		{"clinic bad duration", "kapbot: 1\nname: C\ndefault_locale: en\nretention: 90 days\ncrisis: {en: {text: x}}\n"},
		{"clinic bad channel", "kapbot: 1\nname: C\ndefault_locale: en\nretention: 90d\ncrisis: {en: {text: x}}\ndestinations: [{channel: slack, id: x}]\n"},
		{"questionnaire without items", "kapbot: 1\nquestionnaire: q\ntitle: Q\nitems: []\n"},
		{"questionnaire bad id", "kapbot: 1\nquestionnaire: phq-9\ntitle: Q\nitems: [{id: a, text: A}]\n"},
		{"item without text", "kapbot: 1\nquestionnaire: q\ntitle: Q\nitems: [{id: a}]\n"},
		{"band without max", "kapbot: 1\nquestionnaire: q\ntitle: Q\nitems: [{id: a, text: A}]\nscoring: {bands: [{name: low, min: 0}]}\n"},
		{"transcript turn without input", "kapbot: 1\ntranscripts: main\ntests: [{name: t, turns: [{at: end}]}]\n"},
		{"transcript turn with two inputs", "kapbot: 1\ntranscripts: main\ntests: [{name: t, turns: [{say: hi, press: x}]}]\n"},
		{"transcript bad referral", "kapbot: 1\ntranscripts: main\ntests: [{name: t, turns: [{say: hi}], expect: {referrals: [asap]}}]\n"},
		{"disclaimer false", "kapbot: 1\nflow: main\nsteps: [{id: a, disclaimer: false}]\n"},
		{"disclaimer with a text", "kapbot: 1\nflow: main\nsteps: [{id: a, disclaimer: Not a service.}]\n"},
		{"disclaimer and say", "kapbot: 1\nflow: main\nsteps: [{id: a, disclaimer: true, say: Hi}]\n"},
		{"bad logistics", "kapbot: 1\nflow: main\nsteps: [{id: a, say: Hi, logistics: yes}]\n"},
		{"clinic bad disclaimer", "kapbot: 1\nname: C\ndefault_locale: en\nretention: 90d\ncrisis: {en: {text: x}}\ndisclaimer: [x]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := s.Validate(yamlToJSON(t, tt.doc)); err == nil {
				t.Errorf("schema accepts:\n%s", tt.doc)
			}
			if errs := validatorErrorsDoc(tt.doc); len(errs) == 0 {
				t.Errorf("the schema rejects, but the validator accepts:\n%s", tt.doc)
			}
		})
	}
}

// TestSchemaCoversKeys checks that every key the compiler knows is in the
// schema, so editors do not underline valid files.
func TestSchemaCoversKeys(t *testing.T) {
	var schema struct {
		Defs map[string]struct {
			Properties map[string]any `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(Schema, &schema); err != nil {
		t.Fatal(err)
	}
	sets := map[string][]string{
		"flowFile": flowKeys, "step": stepKeys, "ask": askKeys, "item": itemKeys,
		"questionnaireFile": questKeys, "clinicFile": clinicKeys,
		"transcriptsFile": transcriptFileKeys, "transcriptTest": transcriptTestKeys,
		"turn": turnKeys, "expect": expectKeys,
	}
	for def, keys := range sets {
		for _, k := range keys {
			if def == "item" && k == "fallback" {
				continue // known to the compiler only to explain that items cannot jump
			}
			if _, ok := schema.Defs[def].Properties[k]; !ok {
				t.Errorf("schema $defs/%s lacks %q", def, k)
			}
		}
		for k := range schema.Defs[def].Properties {
			if !strings.Contains(" "+strings.Join(keys, " ")+" ", " "+k+" ") {
				t.Errorf("schema $defs/%s has %q, which the compiler rejects", def, k)
			}
		}
	}
}

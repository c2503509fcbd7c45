package flow

import (
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/kapbot/kapbot/internal/catalog"
	"go.yaml.in/yaml/v3"
)

// schemaBlind names the cases of TestProblems whose problems JSON Schema
// cannot express: references across files or steps, the step graph,
// expressions, text lengths, locales the clinic serves, comparisons of two
// values (min > max) and scoring. For these the schema must accept the files
// (so this list stays exact); for every other case a file with an error must
// be rejected by the schema, and a file without one accepted.
var schemaBlind = map[string]string{
	"aliases are followed":             "values unique within a question",
	"second document":                  "a second YAML document (the schema sees the first)",
	"duplicate ids across files":       "ids unique across files",
	"jumps to missing steps":           "references to steps",
	"unreachable steps":                "the step graph",
	"unknown flows and questionnaires": "references to other files",
	"call cycle":                       "the call graph",
	"loops that never wait":            "the step graph",
	"expressions":                      "expressions",
	"questionnaire result fields":      "expressions over another file",
	"set types":                        "expression types",
	"set of the whole env":             "expressions",
	"missing locales":                  "the locales clinic.yaml serves",
	"flow locale not served":           "the locales clinic.yaml serves",
	"channel limits":                   "lengths per locale and paragraph, bytes",
	"bands":                            "comparisons of two values (overlap, min > max)",
	"min above max":                    "comparisons of two values",
	"golden vectors":                   "scoring",
	"no clinic":                        "file names",
}

var (
	agreeSchemaOnce sync.Once
	agreeSchema     *jsonschema.Schema
)

// schemaVerdict validates one YAML source against the shipped schema. ok is
// false when the source is not YAML (nothing to compare).
func schemaVerdict(t *testing.T, src string) (err error, ok bool) {
	t.Helper()
	agreeSchemaOnce.Do(func() { agreeSchema = compileSchema(t) })
	var v any
	if yaml.Unmarshal([]byte(src), &v) != nil {
		return nil, false
	}
	data, jerr := json.Marshal(v)
	if jerr != nil {
		return nil, false
	}
	doc, jerr := jsonschema.UnmarshalJSON(strings.NewReader(string(data)))
	if jerr != nil {
		return nil, false
	}
	return agreeSchema.Validate(doc), true
}

// validatorErrors returns, per file, the errors the Go validator reports: those
// of Compile plus the lint's findings in clinic.yaml (its disclaimer).
func validatorErrors(files map[string]string) map[string][]string {
	out := map[string][]string{}
	_, ps := Compile(sources(files))
	for _, p := range ps.Errors() {
		out[p.Pos.File] = append(out[p.Pos.File], p.String())
	}
	_, vs := Validate(sources(files))
	for _, p := range vs.Errors() {
		if p.Pos.File == "clinic.yaml" && !slices.Contains(out[p.Pos.File], p.String()) {
			out[p.Pos.File] = append(out[p.Pos.File], p.String())
		}
	}
	return out
}

// checkSchemaAgrees fails when the schema and the Go validator disagree on
// any file of a TestProblems case.
func checkSchemaAgrees(t *testing.T, name string, files map[string]string) {
	t.Helper()
	errs := validatorErrors(files)
	_, blind := schemaBlind[name]
	for file, src := range files {
		if IsTranscript(file) {
			continue // checked by TestTranscriptProblems
		}
		serr, ok := schemaVerdict(t, src)
		if !ok {
			continue // not YAML: both refuse it, located by the validator
		}
		switch {
		case serr != nil && len(errs[file]) == 0:
			t.Errorf("%s: the schema rejects what the validator accepts: %v", file, serr)
		case serr == nil && len(errs[file]) > 0 && !blind:
			t.Errorf("%s: the schema accepts what the validator rejects:\n  %s\n(if the schema cannot express this, add the case to schemaBlind)", file, strings.Join(errs[file], "\n  "))
		case serr != nil && blind:
			t.Errorf("%s: case is in schemaBlind, but the schema rejects it: %v", file, serr)
		}
	}
}

// validatorErrorsDoc returns the validator's errors about one document, named
// for its kind (clinic.yaml, main.test.yaml or main.yaml).
func validatorErrorsDoc(doc string) []string {
	name := "main.yaml"
	switch {
	case strings.Contains(doc, "\ntranscripts:"):
		name = "main.test.yaml"
	case strings.Contains(doc, "\nname:"):
		name = "clinic.yaml"
	}
	return validatorErrors(map[string]string{name: doc})[name]
}

// TestSchemaAskTypeKeys checks the schema's rule of which question types take
// which keys against the validator's table (askTypeKeys), for every type.
func TestSchemaAskTypeKeys(t *testing.T) {
	for _, k := range askTypeKeys {
		for _, typ := range askTypes {
			val := "1"
			if k.key == "low" || k.key == "high" {
				val = "Label"
			}
			if k.key == "choices" {
				val = "[{value: a, label: A}, {value: b, label: B}]"
			}
			doc := "kapbot: 1\nflow: main\nsteps:\n  - {id: d, disclaimer: true}\n  - {id: a, ask: {type: " + typ + ", text: Q, " + k.key + ": " + val + "}}\n"
			if typ == "choice" || typ == "multi" {
				if k.key != "choices" {
					doc = strings.Replace(doc, "text: Q,", "text: Q, choices: [{value: a, label: A}, {value: b, label: B}],", 1)
				}
			}
			serr, _ := schemaVerdict(t, doc)
			goErr := slices.ContainsFunc(validatorErrorsDoc(doc), func(s string) bool {
				return strings.Contains(s, "question takes no "+k.key)
			})
			if want := slices.Contains(k.types, AskType(typ)); (serr == nil) != want || goErr == want {
				t.Errorf("%s on a %s question: schema error %v, validator refuses %v; want allowed=%v", k.key, typ, serr, goErr, want)
			}
		}
	}
}

// TestSchemaLogisticsKinds checks that the schema allows logistics: on the
// same kinds of step as the validator (logisticsKinds).
func TestSchemaLogisticsKinds(t *testing.T) {
	actions := map[StepKind]string{
		KindSay: "say: Hi", KindAsk: "ask: {type: text, text: Q}", KindRefer: "refer: {priority: routine, reason: R}",
		KindEnd: "end: true", KindBranch: `branch: [{if: "true", goto: d}]`, KindSet: "set: {x: 1}",
		KindCall: "call: main", KindReview: "review: [d]", KindQuestionnaire: "questionnaire: q",
	}
	for kind, action := range actions {
		doc := "kapbot: 1\nflow: main\nsteps:\n  - {id: d, disclaimer: true}\n  - {id: a, " + action + ", logistics: reviewed}\n"
		serr, _ := schemaVerdict(t, doc)
		if want := slices.Contains(logisticsKinds, kind); (serr == nil) != want {
			t.Errorf("logistics on a %s step: schema error %v, want allowed=%v", kind, serr, want)
		}
	}
}

// TestSchemaCatalogKeys checks that the schema's texts: keys of clinic.yaml are
// exactly the catalogue's keys.
func TestSchemaCatalogKeys(t *testing.T) {
	var schema struct {
		Defs map[string]struct {
			Properties map[string]struct {
				PropertyNames struct {
					Enum []string `json:"enum"`
				} `json:"propertyNames"`
			} `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(Schema, &schema); err != nil {
		t.Fatal(err)
	}
	got := schema.Defs["clinicFile"].Properties["texts"].PropertyNames.Enum
	if want := catalog.Keys(); !slices.Equal(got, want) {
		t.Errorf("schema texts: keys\n  %v\nwant the catalogue's\n  %v\n(update $defs/clinicFile/properties/texts/propertyNames/enum)", got, want)
	}
}

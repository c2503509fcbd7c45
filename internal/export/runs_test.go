package export

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/export/fhirschema"
)

// TestFlowRunsExported checks that a flow's own questions (a choice, a scale,
// a free-text note, a yes/no) reach the FHIR export as one
// QuestionnaireResponse per flow run, against a Questionnaire generated for
// the flow, and that both follow the R4 rules that can be checked offline:
// the official JSON schema, every linkId an item of the Questionnaire, every
// answer of the item's type, and choice codes among its answerOptions.
func TestFlowRunsExported(t *testing.T) {
	b := sampleBundle(t)
	at := time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC)
	patients := []Patient{{
		ID: "tg:1",
		Runs: []FlowRun{
			{Flow: "kap-integrate", Started: at, Answers: []Answer{
				{Step: "feeling", Name: "feeling", Value: "calm", At: at.Add(time.Minute)},
				{Step: "settled", Name: "settled", Value: 4.0, At: at.Add(2 * time.Minute)},
				{Step: "insights", Name: "insights", Value: "I slept well", At: at.Add(3 * time.Minute)},
				{Step: "settled", Name: "settled", Value: 5.0, At: at.Add(4 * time.Minute)}, // changed in a review
			}},
			{Flow: "kap-intake", Started: at.Add(24 * time.Hour), Answers: []Answer{
				{Step: "consent", Name: "consent", Value: true, At: at.Add(24*time.Hour + time.Minute)},
			}},
			{Flow: "kap-integrate", Started: at.Add(48 * time.Hour), Answers: []Answer{
				{Step: "insights", Name: "insights", Value: "Better", At: at.Add(48*time.Hour + time.Minute)},
			}},
		},
	}}
	var buf bytes.Buffer
	if err := WriteFHIR(&buf, patients, Options{Now: at, Questionnaires: b.Questionnaires, Flows: b.Flows}); err != nil {
		t.Fatal(err)
	}
	if err := fhirschema.Validate(buf.Bytes()); err != nil {
		t.Fatalf("invalid against the FHIR R4 schema: %v\n%s", err, buf.String())
	}
	var bundle struct {
		Entry []struct {
			Resource map[string]any `json:"resource"`
		} `json:"entry"`
	}
	if err := json.Unmarshal(buf.Bytes(), &bundle); err != nil {
		t.Fatal(err)
	}
	questionnaires := map[string]map[string]map[string]any{} // url -> linkId -> item
	var responses []map[string]any
	for _, e := range bundle.Entry {
		switch e.Resource["resourceType"] {
		case "Questionnaire":
			items := map[string]map[string]any{}
			list, _ := e.Resource["item"].([]any)
			for _, it := range list {
				m := it.(map[string]any)
				items[m["linkId"].(string)] = m
			}
			url := e.Resource["url"].(string)
			if _, dup := questionnaires[url]; dup {
				t.Errorf("Questionnaire %s generated twice", url)
			}
			questionnaires[url] = items
		case "QuestionnaireResponse":
			responses = append(responses, e.Resource)
		}
	}
	if len(questionnaires) != 2 {
		t.Errorf("%d generated Questionnaires, want one per flow (2)", len(questionnaires))
	}
	if len(responses) != 3 {
		t.Fatalf("%d QuestionnaireResponses, want one per flow run (3)", len(responses))
	}
	valueKey := map[string]string{"choice": "valueCoding", "boolean": "valueBoolean", "decimal": "valueDecimal", "text": "valueString", "date": "valueDate"}
	got := map[string]any{}
	for _, qr := range responses {
		q, ok := questionnaires[qr["questionnaire"].(string)]
		if !ok {
			t.Fatalf("response refers to %v, which the bundle does not define", qr["questionnaire"])
		}
		list, _ := qr["item"].([]any)
		for _, it := range list {
			m := it.(map[string]any)
			id := m["linkId"].(string)
			def, ok := q[id]
			if !ok {
				t.Errorf("linkId %s is not an item of %v", id, qr["questionnaire"])
				continue
			}
			for _, a := range m["answer"].([]any) {
				am := a.(map[string]any)
				key := valueKey[def["type"].(string)]
				v, ok := am[key]
				if !ok || len(am) != 1 {
					t.Errorf("%s: answer %v, want only %s for a %s item", id, am, key, def["type"])
					continue
				}
				if key == "valueCoding" {
					code := v.(map[string]any)["code"]
					found := false
					for _, o := range def["answerOption"].([]any) {
						found = found || o.(map[string]any)["valueCoding"].(map[string]any)["code"] == code
					}
					if !found {
						t.Errorf("%s: code %v is not one of the item's answerOptions", id, code)
					}
					v = code
				}
				if qr["authored"] == "2026-11-03T09:04:00Z" {
					got[id] = v
				}
			}
		}
	}
	want := map[string]any{"feeling": "calm", "settled": "5", "insights": "I slept well"}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("first run: %s = %v, want %v (the last answer)", k, got[k], w)
		}
	}
}

package export

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/export/fhirschema"
	"github.com/kapbot/kapbot/internal/flow"
)

func sampleBundle(t *testing.T) *flow.Bundle {
	t.Helper()
	b, probs, err := flow.LoadDir("../../flows")
	if err != nil {
		t.Fatal(err)
	}
	if err := probs.Err(); err != nil {
		t.Fatal(err)
	}
	return b
}

func samplePatients() []Patient {
	at := time.Date(2026, 11, 3, 9, 30, 15, 123, time.UTC)
	phq := map[string]any{}
	for i, id := range []string{"q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"} {
		phq[id] = float64(i % 4)
	}
	return []Patient{
		{
			ID: "tg:123456789",
			Results: []flow.Result{
				{Questionnaire: "phq9", At: at, Total: 18, Band: "moderately_severe", Flags: []string{"self_harm"}, Risk: true, Items: phq},
				{Questionnaire: "gad7", At: at.Add(time.Minute), Total: 4, Band: "minimal", Flags: []string{},
					Items: map[string]any{"q1": 1.0, "q2": 1.0, "q3": 0.0, "q4": 2.0, "q5": 0.0, "q6": 0.0, "q7": 0.0}},
				{Questionnaire: "unknown_q", At: at, Total: 2.5, Items: map[string]any{"a": true, "b": "free words", "c": []any{"x", "y"}, "d": nil}},
			},
			Referrals: []Referral{
				{ID: "3fa2c91b", Source: "in1#2", Created: at, Priority: flow.Emergency, Trigger: "risk:phq9/self_harm", Reason: "Risk flag in PHQ-9",
					Notes: []Note{{By: "Dr. A", At: at.Add(time.Hour), Text: "called"}}},
				{ID: "0011aabb", Source: "in2#0", Created: at, Priority: flow.Routine, Status: "closed", Trigger: "flow"},
			},
		},
		{ID: "console:alice"},
	}
}

func TestBundleIsValidFHIRR4(t *testing.T) {
	b := sampleBundle(t)
	var buf bytes.Buffer
	if err := WriteFHIR(&buf, samplePatients(), Options{Now: time.Unix(1_800_000_000, 0), Questionnaires: b.Questionnaires}); err != nil {
		t.Fatal(err)
	}
	if err := fhirschema.Validate(buf.Bytes()); err != nil {
		t.Fatalf("bundle invalid against the FHIR R4 schema: %v\n%s", err, buf.String())
	}
	// The empty bundle is valid too.
	buf.Reset()
	if err := WriteFHIR(&buf, nil, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := fhirschema.Validate(buf.Bytes()); err != nil {
		t.Fatalf("empty bundle: %v", err)
	}
}

func resources(t *testing.T, bundle Resource) map[string][]map[string]any {
	t.Helper()
	data, _ := json.Marshal(bundle)
	var doc struct {
		Type  string `json:"type"`
		Entry []struct {
			FullURL  string         `json:"fullUrl"`
			Resource map[string]any `json:"resource"`
		} `json:"entry"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Type != "collection" {
		t.Fatalf("type %q", doc.Type)
	}
	out := map[string][]map[string]any{}
	for _, e := range doc.Entry {
		if e.FullURL != "urn:uuid:"+e.Resource["id"].(string) {
			t.Fatalf("fullUrl %s for id %v", e.FullURL, e.Resource["id"])
		}
		rt := e.Resource["resourceType"].(string)
		out[rt] = append(out[rt], e.Resource)
	}
	return out
}

func TestBundleContent(t *testing.T) {
	b := sampleBundle(t)
	got := resources(t, Bundle(samplePatients(), Options{Questionnaires: b.Questionnaires}))
	for rt, n := range map[string]int{"Patient": 2, "QuestionnaireResponse": 3, "Observation": 3, "ServiceRequest": 2, "Flag": 1} {
		if len(got[rt]) != n {
			t.Errorf("%d %s, want %d", len(got[rt]), rt, n)
		}
	}
	// Observations carry the LOINC total codes and point at their response.
	codes := map[string]any{}
	for _, o := range got["Observation"] {
		c := o["code"].(map[string]any)["coding"].([]any)[0].(map[string]any)
		codes[c["code"].(string)] = o["valueInteger"]
		if o["derivedFrom"] == nil || o["effectiveDateTime"] != "2026-11-03T09:30:15Z" && o["effectiveDateTime"] != "2026-11-03T09:31:15Z" {
			t.Errorf("observation %v", o)
		}
	}
	if codes["44261-6"] != float64(18) || codes["70274-6"] != float64(4) {
		t.Errorf("LOINC totals %v", codes)
	}
	qr := got["QuestionnaireResponse"][0]
	if qr["questionnaire"] != "https://kapbot.example/Questionnaire/phq9" || qr["status"] != "completed" {
		t.Errorf("response %v", qr)
	}
	item := qr["item"].([]any)[1].(map[string]any)
	ans := item["answer"].([]any)[0].(map[string]any)["valueCoding"].(map[string]any)
	if item["linkId"] != "q2" || ans["code"] != "1" || ans["display"] != "Several days" {
		t.Errorf("item %v", item)
	}
	pat := got["Patient"][0]["identifier"].([]any)[0].(map[string]any)
	if pat["system"] != "https://kapbot.example/patient-id/telegram" || pat["value"] != "123456789" {
		t.Errorf("patient %v", pat)
	}
	sr := got["ServiceRequest"][0]
	if sr["priority"] != "stat" || sr["status"] != "active" || len(sr["supportingInfo"].([]any)) != 6 {
		t.Errorf("service request %v", sr)
	}
	if got["ServiceRequest"][1]["status"] != "completed" {
		t.Errorf("closed referral %v", got["ServiceRequest"][1])
	}
	// Same data, same ids.
	again := resources(t, Bundle(samplePatients(), Options{Questionnaires: b.Questionnaires}))
	if again["Observation"][0]["id"] != got["Observation"][0]["id"] {
		t.Error("ids not stable")
	}
}

// What a patient typed can hold terminal escapes and other control
// characters; FHIR strings must not: the export replaces them and stays
// valid.
func TestControlCharactersCleaned(t *testing.T) {
	ps := samplePatients()
	ps[0].Results[2].Items["b"] = "free \x1b[2Jwords\x00\x07\ttab\r\nline"
	ps[0].Referrals[0].Reason = "Risk\x1b]0;title\x07"
	ps[0].Referrals[0].Notes[0].Text = "called\x08\x08\x08"
	var buf bytes.Buffer
	if err := WriteFHIR(&buf, ps, Options{Now: time.Unix(1_800_000_000, 0), Questionnaires: sampleBundle(t).Questionnaires}); err != nil {
		t.Fatal(err)
	}
	if err := fhirschema.Validate(buf.Bytes()); err != nil {
		t.Fatalf("invalid: %v", err)
	}
	var doc any
	json.Unmarshal(buf.Bytes(), &doc)
	var walk func(v any)
	found := map[string]bool{}
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			for _, r := range x {
				if r < 32 && r != '\t' && r != '\r' && r != '\n' {
					t.Errorf("string %q holds %U", x, r)
				}
			}
			for _, w := range []string{"free \uFFFD[2Jwords\uFFFD\uFFFD\ttab\r\nline", "Risk\uFFFD]0;title\uFFFD", "called\uFFFD\uFFFD\uFFFD"} {
				if x == w {
					found[w] = true
				}
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(doc)
	if len(found) != 3 {
		t.Errorf("cleaned strings found: %v", found)
	}
}

// A total invalid for missing answers is exported without a value (never
// 0), an unknown item as asked-unknown, never left out, and a prorated total
// says so; flags carry their kind. The bundle stays valid FHIR R4.
func TestMissingAndUnknownExported(t *testing.T) {
	b := sampleBundle(t)
	at := time.Date(2026, 11, 3, 9, 30, 0, 0, time.UTC)
	patients := []Patient{{ID: "tg:1", Results: []flow.Result{
		{Questionnaire: "phq9", At: at, Flags: []string{"item9_unknown"}, Risk: true, Invalid: true,
			Missing: []string{"q7", "q8", "q9"}, Unknown: []string{"q9"},
			Items: map[string]any{"q1": 3.0, "q2": 3.0, "q3": 3.0, "q4": 3.0, "q5": 3.0, "q6": 3.0, "q10": 1.0}},
		{Questionnaire: "gad7", At: at.Add(time.Minute), Total: 12, Band: "moderate", Prorated: true, Missing: []string{"q7"},
			Items: map[string]any{"q1": 2.0, "q2": 2.0, "q3": 2.0, "q4": 2.0, "q5": 1.0, "q6": 1.0}},
		{Questionnaire: "kap_contra", At: at.Add(2 * time.Minute), Flags: []string{"family_psychosis"}, Items: map[string]any{"family_psychosis": true}},
	}}}
	var buf bytes.Buffer
	if err := WriteFHIR(&buf, patients, Options{Now: at, Questionnaires: b.Questionnaires}); err != nil {
		t.Fatal(err)
	}
	if err := fhirschema.Validate(buf.Bytes()); err != nil {
		t.Fatalf("invalid FHIR R4: %v\n%s", err, buf.String())
	}
	var bundle struct {
		Entry []struct {
			Resource map[string]any `json:"resource"`
		} `json:"entry"`
	}
	if err := json.Unmarshal(buf.Bytes(), &bundle); err != nil {
		t.Fatal(err)
	}
	var phqObs, gadObs, phqQR, contraObs map[string]any
	for _, e := range bundle.Entry {
		r := e.Resource
		js, _ := json.Marshal(r)
		switch {
		case r["resourceType"] == "Observation" && bytes.Contains(js, []byte("44261-6")):
			phqObs = r
		case r["resourceType"] == "Observation" && bytes.Contains(js, []byte("70274-6")):
			gadObs = r
		case r["resourceType"] == "Observation" && bytes.Contains(js, []byte("kap_contra")):
			contraObs = r
		case r["resourceType"] == "QuestionnaireResponse" && bytes.Contains(js, []byte("/Questionnaire/phq9")):
			phqQR = r
		}
	}
	if phqObs == nil || gadObs == nil || phqQR == nil || contraObs == nil {
		t.Fatalf("resources missing:\n%s", buf.String())
	}
	if _, has := phqObs["valueInteger"]; has || phqObs["dataAbsentReason"] == nil {
		t.Errorf("an invalid total is exported as a value: %v", phqObs)
	}
	js, _ := json.Marshal(phqQR)
	for _, id := range []string{"q7", "q8", "q9"} {
		if !bytes.Contains(js, []byte(`"linkId":"`+id+`"`)) {
			t.Errorf("item %s without an answer is left out of the response: %s", id, js)
		}
	}
	if !bytes.Contains(js, []byte("asked-unknown")) {
		t.Errorf("no asked-unknown answer: %s", js)
	}
	if js, _ := json.Marshal(gadObs); !bytes.Contains(js, []byte("Prorated")) || !bytes.Contains(js, []byte(`"valueInteger":12`)) {
		t.Errorf("prorated total not marked: %s", js)
	}
	if js, _ := json.Marshal(contraObs); !bytes.Contains(js, []byte("family_psychosis (caution)")) {
		t.Errorf("flag kind missing: %s", js)
	}
}

package fhirschema

import (
	"strings"
	"testing"
)

func TestSchemaAcceptsValidAndRefusesInvalid(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		ok        bool
	}{
		{"patient", `{"resourceType":"Patient","id":"a1","identifier":[{"system":"https://x.example/id","value":"1"}]}`, true},
		{"unknown property", `{"resourceType":"Patient","id":"a1","nickname":"x"}`, false},
		{"bad status", `{"resourceType":"QuestionnaireResponse","status":"done"}`, false},
		{"observation without code", `{"resourceType":"Observation","status":"final"}`, false},
		{"bad dateTime", `{"resourceType":"Observation","status":"final","code":{"text":"x"},"effectiveDateTime":"yesterday"}`, false},
		{"unknown resource", `{"resourceType":"Spaceship"}`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Validate([]byte(tc.doc))
			if (err == nil) != tc.ok {
				t.Fatalf("Validate = %v, want ok=%v", err, tc.ok)
			}
		})
	}
}

func TestSchemaIsTheOfficialR4One(t *testing.T) {
	if !strings.HasSuffix(URL, "/4.0") {
		t.Fatal(URL)
	}
	if _, err := Schema(); err != nil {
		t.Fatal(err)
	}
}

// Package fhirschema validates JSON documents against the official FHIR R4
// JSON schema (fhir.schema.json, draft-06, as published by HL7 for FHIR
// 4.0; kept gzip-compressed under testdata). It is meant for tests: import
// it only from _test files, so the schema stays out of the kapbot binary.
package fhirschema

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

//go:embed testdata/fhir.schema.json.gz
var schemaGz []byte

// URL is the schema's id in the published file.
const URL = "http://hl7.org/fhir/json-schema/4.0"

var (
	once     sync.Once
	compiled *jsonschema.Schema
	errLoad  error
)

// Schema returns the compiled schema (compiled once, then shared).
func Schema() (*jsonschema.Schema, error) {
	once.Do(func() {
		zr, err := gzip.NewReader(bytes.NewReader(schemaGz))
		if err != nil {
			errLoad = fmt.Errorf("fhirschema: %w", err)
			return
		}
		doc, err := jsonschema.UnmarshalJSON(zr)
		if err != nil {
			errLoad = fmt.Errorf("fhirschema: decode: %w", err)
			return
		}
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft6)
		if err := c.AddResource(URL, doc); err != nil {
			errLoad = fmt.Errorf("fhirschema: %w", err)
			return
		}
		compiled, errLoad = c.Compile(URL)
	})
	return compiled, errLoad
}

// Validate checks a FHIR JSON document (as bytes) against the schema. The
// error lists every violation with its location.
func Validate(data []byte) error {
	s, err := Schema()
	if err != nil {
		return err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("fhirschema: not JSON: %w", err)
	}
	return s.Validate(doc)
}

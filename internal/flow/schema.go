package flow

import _ "embed"

// Schema is the JSON Schema (draft 2020-12) of every kind of flow file:
// clinic.yaml, flows, questionnaires and transcript tests. Editors use it
// through the `# yaml-language-server: $schema=...` comment for completion
// and inline errors; Compile remains the authority on what is valid.
//
//go:embed schema/kapbot.schema.json
var Schema []byte

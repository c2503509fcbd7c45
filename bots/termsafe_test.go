package main

import (
	"strings"
	"testing"
)

// A patient who types terminal escape sequences cannot act on the
// operator's terminal: every command that prints what they typed shows
// the sequences escaped.
func TestPatientEscapesShownEscaped(t *testing.T) {
	useRedis(t)
	pushSamples(t)
	evil := "\x1b[2J\x1b]0;pwned\x07kind \u009b31m\u202eto myself"
	// kap-prepare re-screens first (three C-SSRS questions, health changes),
	// then asks for the intention in the patient's own words.
	code, out, errw := kapbot(t, "no\nno\nno\nno\n"+evil+"\n", "chat", "--flow", "kap-prepare", "--user", "esc")
	if code != 0 {
		t.Fatalf("chat: %d %s %s", code, out, errw)
	}
	raw := func(s string) bool {
		return strings.ContainsAny(s, "\x1b\x07\u009b\u202e")
	}
	stored := false
	for _, args := range [][]string{
		{"sessions", "show", "esc"},
		{"sessions", "show", "esc", "--json"},
		{"sessions", "list"},
		{"export", "--format", "json"},
		{"export", "--format", "csv"},
		{"export", "--format", "fhir"},
		{"audit"},
		{"audit", "--json"},
	} {
		code, out, errw := kapbot(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: %d %s", args, code, errw)
		}
		if raw(out) {
			t.Errorf("%v prints a raw terminal control:\n%q", args, out)
		}
		if strings.Contains(out, `\x1b[2J`) || strings.Contains(out, `\u001b[2J`) {
			stored = true
		}
	}
	if !stored {
		t.Fatal("the typed sequence is not shown at all: the test did not test")
	}
}

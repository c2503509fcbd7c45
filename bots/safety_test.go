package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSafetyCheck(t *testing.T) {
	in := "I want to kill myself\nis 100mg of sertraline too much?\nmy husband hits me when he drinks\nwhat time is my appointment\r\nsince the session my chest hurts\n"
	code, out, errw := kapbot(t, in, "safety", "check")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errw)
	}
	want := "crisis\ten/crisis/kill-myself\nmedical\ten/medical/dose\nabuse\ten/abuse/violence\nnone\t\nacute_medical\ten/acute_medical/chest\n"
	if out != want {
		t.Errorf("safety check printed\n%q\nwant\n%q", out, want)
	}
	if strings.Contains(out, "kill myself") || strings.Contains(out, "husband") {
		t.Errorf("safety check echoed a message: %q", out)
	}

	// --json: one object per line; a crisis that is also a medical question
	// lists both rules, the crisis first.
	code, out, _ = kapbot(t, "i want to die, can i take all my troches at once?\nok thanks\n", "safety", "check", "--json")
	if code != 0 {
		t.Fatalf("--json: exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("--json printed %d lines: %q", len(lines), out)
	}
	var v struct {
		Category string   `json:"category"`
		Rules    []string `json:"rules"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &v); err != nil || v.Category != "crisis" || len(v.Rules) < 2 || !strings.HasPrefix(v.Rules[0], "en/crisis/") {
		t.Errorf("--json line 1 = %s (%v), want crisis first of several rules", lines[0], err)
	}
	if lines[1] != `{"category":"none","rules":[]}` {
		t.Errorf("--json line 2 = %s", lines[1])
	}

	// German rules are preferred with --locale de.
	_, out, _ = kapbot(t, "ich will sterben\n", "safety", "check", "--locale", "de")
	if out != "crisis\tde/crisis/want-to-die\n" {
		t.Errorf("--locale de printed %q", out)
	}
}

func TestSafetyCheckClinicPhrases(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../flows")); err != nil {
		t.Fatal(err)
	}
	clinic := filepath.Join(dir, "clinic.yaml")
	b, err := os.ReadFile(clinic)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "crisis_phrases:") {
		t.Skip("the sample clinic.yaml already has crisis_phrases; this test adds its own")
	}
	if err := os.WriteFile(clinic, append(b, []byte("\ncrisis_phrases:\n  en: [\"checking out early\"]\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ := kapbot(t, "thinking of checking out early\n", "safety", "check")
	if out != "none\t\n" {
		t.Errorf("without --flows: %q, want none", out)
	}
	code, out, errw := kapbot(t, "thinking of checking out early\n", "safety", "check", "--flows", dir)
	if code != 0 || out != "crisis\ten/crisis/clinic/checking-out-early\n" {
		t.Errorf("with --flows: exit %d, %q (%s)", code, out, errw)
	}
}

func TestSafetyCheckLabels(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.tsv")
	os.WriteFile(good, []byte("text\tlabel\nI want to kill myself\tcrisis\nwhat time is it\tnone\nis 100mg too much?\tmedical\nmy husband hits me\tnone\n"), 0o644)
	code, out, errw := kapbot(t, "", "safety", "check", "--labels", good)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errw)
	}
	for _, want := range []string{good + ":5: want none, got abuse\n", "4 messages\n", "crisis            100.0%   100.0%", "none               50.0%   100.0%"} {
		if !strings.Contains(out, want) {
			t.Errorf("--labels output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "husband") {
		t.Errorf("--labels echoed a message: %s", out)
	}

	// The older orientation, label first, without a header.
	old := filepath.Join(dir, "old.tsv")
	os.WriteFile(old, []byte("crisis\tI want to die\nnone\tsee you tuesday\n"), 0o644)
	if code, out, errw := kapbot(t, "", "safety", "check", "--labels", old); code != 0 || !strings.Contains(out, "2 messages") {
		t.Errorf("label-first file: exit %d, %q %s", code, out, errw)
	}

	bad := filepath.Join(dir, "bad.tsv")
	os.WriteFile(bad, []byte("text\tlabel\nfine\tnone\nno label here\nI want to die\tcrissis\n"), 0o644)
	code, _, errw = kapbot(t, "", "safety", "check", "--labels", bad)
	if code != 1 || !strings.Contains(errw, bad+":3: want 2 tab-separated columns") || !strings.Contains(errw, bad+":4: label \"crissis\"") {
		t.Errorf("malformed file: exit %d, stderr %q", code, errw)
	}
}

func TestSafetyCheckUsage(t *testing.T) {
	code, _, errw := kapbot(t, "", "safety", "check", "--nope")
	if code != 2 || strings.Count(errw, "\n") != 1 {
		t.Errorf("wrong flag: exit %d, stderr %q; want 2 and one line", code, errw)
	}
	if code, _, errw := kapbot(t, "", "safety", "check", "--help"); code != 0 || !strings.Contains(errw, "--labels") {
		t.Errorf("--help: exit %d, %q", code, errw)
	}
	if code, _, _ := kapbot(t, "", "safety", "check", "--labels", "/nonexistent.tsv"); code != 2 {
		t.Errorf("missing labels file: exit %d, want 2", code)
	}
	if code, _, _ := kapbot(t, "", "safety"); code != 2 {
		t.Errorf("no subcommand: exit %d, want 2", code)
	}
}

// TestSafetyCheckRulesOnly: --rules-only leaves the model out, and a rule's
// verdict is the same with it.
func TestSafetyCheckRulesOnly(t *testing.T) {
	in := "I want to kill myself\nwhat time is my appointment\n"
	code, with, errw := kapbot(t, in, "safety", "check")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errw)
	}
	code, without, errw := kapbot(t, in, "safety", "check", "--rules-only")
	if code != 0 {
		t.Fatalf("--rules-only: exit %d: %s", code, errw)
	}
	if with != without || !strings.HasPrefix(with, "crisis\ten/crisis/kill-myself\n") {
		t.Errorf("with the model %q, rules only %q", with, without)
	}
}

package enginetest_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/enginetest"
	"github.com/kapbot/kapbot/internal/flow"
)

const clinicYAML = `kapbot: 1
name: Test Clinic
default_locale: en
locales: [en, de]
default_flow: main
retention: 30d
disclaimer: {en: I am not an emergency service., de: Ich bin kein Notdienst.}
crisis:
  en: {text: CRISIS call 112}
  de: {text: KRISE 112 anrufen}
next_steps:
  routine: {en: The team will call you., de: Das Team ruft Sie an.}
texts:
  reprompt_choice: {en: Pick a button please.}
`

const mainYAML = `kapbot: 1
flow: main
steps:
  - id: disclaimer
    disclaimer: true
  - id: mood
    ask:
      type: choice
      text: {en: "How is your mood?", de: "Wie ist Ihre Stimmung?"}
      short: {en: Mood, de: Stimmung}
      choices:
        - {value: good, label: {en: Good, de: Gut}}
        - {value: bad, label: {en: Not so good, de: Nicht so gut}}
  - id: note
    ask:
      type: text
      text: {en: "Anything else?", de: "Sonst noch etwas?"}
  - id: check
    review: [mood, note]
  - id: bye
    end: {en: Goodbye., de: Auf Wiedersehen.}
`

func known(t *testing.T) (*enginetest.Known, *engine.Engine) {
	t.Helper()
	b, probs := flow.Validate(map[string][]byte{"clinic.yaml": []byte(clinicYAML), "main.yaml": []byte(mainYAML)})
	if err := probs.Err(); err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(b)
	if err != nil {
		t.Fatal(err)
	}
	return enginetest.KnownTexts(b, eng.Catalog()), eng
}

// TestKnownCheck shows what the provenance check accepts (the ways the
// engine composes known texts) and what it refuses (anything made up).
func TestKnownCheck(t *testing.T) {
	k, _ := known(t)
	inputs := []string{"  I sleep badly  "}
	tests := []struct {
		name, text string
		ok         bool
	}{
		{"a flow text", "How is your mood?", true},
		{"a flow text in another locale", "Wie ist Ihre Stimmung?", true},
		{"the disclaimer", "I am not an emergency service.", true},
		{"crisis resources", "CRISIS call 112", true},
		{"next steps", "Das Team ruft Sie an.", true},
		{"a catalogue override", "Pick a button please.", true},
		{"a reprompt, a blank line and the question", "Pick a button please.\n\nHow is your mood?", true},
		{"a catalogue format with its arguments", "Please answer with a number from 1 to 10.", true},
		{"a catalogue format with a text argument", "Available languages: en, de. Send /language followed by one of them.", true},
		{"a review with labels and the patient's words", "Here are your answers:\n1. Mood: Not so good\n2. Anything else?: I sleep badly", true},
		{"a review with no answer", "Here are your answers:\n1. Mood: (no answer)", true},
		{"a button label", "Change 2", true},
		{"digits and punctuation only", "1. 2) – 3!", true},

		{"a made-up dosing instruction", "Take 50 mg of ketamine before your session.", false},
		{"a known text with a made-up sentence", "How is your mood? You sound depressed.", false},
		{"a made-up word inside a review", "Here are your answers:\n1. Mood: Fine", false},
		{"a known word inside a longer word is not known", "Goodness", false},
		{"a catalogue format inside a longer word is not known", "Exchange 2", false},
		{"the patient's words from another conversation", "I drink a lot", false},
		{"a reason for the clinic team is not for the patient", "Risk flag in Mood", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := k.Check(tt.text, inputs)
			if tt.ok && err != nil {
				t.Errorf("Check(%q) = %v, want nil", tt.text, err)
			}
			if !tt.ok && !errors.Is(err, enginetest.ErrComposed) {
				t.Errorf("Check(%q) = %v, want ErrComposed", tt.text, err)
			}
		})
	}
}

// TestKnownCheckResult runs a transcript, finds every message known, then
// fabricates one message and one button label and finds both.
func TestKnownCheckResult(t *testing.T) {
	k, eng := known(t)
	say := func(s string) *string { return &s }
	r := enginetest.Run(eng, "main", enginetest.Test{Name: "review", Turns: []enginetest.Turn{
		{Press: say("bad")},
		{Say: say("My cat died last week.")},
		{Say: say("2")},
		{Say: say("Nothing more.")},
		{Press: say("ok")},
	}})
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if len(r.Sent) < 5 || len(r.Inputs) != 3 {
		t.Fatalf("sent %d messages, inputs %q", len(r.Sent), r.Inputs)
	}
	if errs := k.CheckResult(r); len(errs) != 0 {
		t.Fatalf("genuine transcript refused: %v", errs)
	}
	review := -1
	for i, m := range r.Sent {
		if strings.Contains(m.Text, "My cat died last week.") {
			review = i
		}
	}
	if review < 0 {
		t.Fatal("no review echoed the patient's words")
	}

	r.Sent[0].Text += " Most people feel better after 2 tablets."
	r.Sent[review].Choices[0].Label = "Edit"
	errs := k.CheckResult(r)
	if len(errs) != 2 {
		t.Fatalf("want 2 failures, got %v", errs)
	}
	for _, err := range errs {
		if !errors.Is(err, enginetest.ErrComposed) {
			t.Errorf("%v does not match ErrComposed", err)
		}
	}
	if !strings.Contains(errs[0].Error(), `"Most people feel better after | tablets."`) {
		t.Errorf("first failure does not quote what is left: %v", errs[0])
	}
}

// TestKnownStaffRelay: a message relayed from the care team passes only
// under the catalogue's heading, and only as kind FromStaff.
func TestKnownStaffRelay(t *testing.T) {
	k, _ := known(t)
	words := "Message from the care team:\n\nPlease call us tomorrow at 10, Dr. A"
	if err := k.CheckStaff(words); err != nil {
		t.Fatalf("CheckStaff(genuine relay) = %v", err)
	}
	if err := k.CheckStaff("Please call us tomorrow at 10"); !errors.Is(err, enginetest.ErrUnmarkedStaff) {
		t.Fatalf("CheckStaff(no heading) = %v, want ErrUnmarkedStaff", err)
	}
	r := enginetest.Result{Sent: []engine.Message{{Kind: engine.FromStaff, Text: words}}}
	if errs := k.CheckResult(r); len(errs) != 0 {
		t.Fatalf("relay refused: %v", errs)
	}
	r.Sent[0].Kind = engine.FromCatalog // the same words as the bot's own
	if errs := k.CheckResult(r); len(errs) != 1 || !errors.Is(errs[0], enginetest.ErrComposed) {
		t.Fatalf("staff words passed as the bot's: %v", errs)
	}
}

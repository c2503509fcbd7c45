package flow

import (
	"slices"
	"testing"
)

func TestPhoneNumbers(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"call 911 or call or text 988.", []string{"911", "988"}},
		{"Telefonseelsorge 0800 111 0 111 oder 116 123", []string{"0800 111 0 111", "116 123"}},
		{"call +44 20 7946 0000 now", []string{"+44 20 7946 0000"}},
		{"call 1-800-799-7233 or text START to 88788", []string{"1-800-799-7233", "88788"}},
		{"text HOME to 741741.", []string{"741741"}},
		// Not phone numbers: short numbers, quantities, instruments, times,
		// dates, years, decimals.
		{"arrive 15 minutes early; 250 ml of water; 4 hours before", nil},
		{"the PHQ-9 and GAD-7, 10:30, 2026-03-14, in 2026, 1.5 hours, 100%", nil},
		{"in for 4 counts, out for 6; about 10 minutes", nil},
		{"Mood today (0-10), from 1-5, 100-120", nil},
	}
	for _, tt := range tests {
		if got := phoneNumbers(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("phoneNumbers(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A clinic that moved its crisis block to the UK but kept the US numbers in
// its disclaimer, next steps and a flow is refused, at each stale number.
func TestLintStaleNumbers(t *testing.T) {
	clinic := `kapbot: 1
name: Test Clinic
default_locale: en
locales: [en]
default_flow: main
retention: 90d
crisis:
  en:
    text: "Emergency: call 999. Samaritans: call 116 123, any time."
    emergency: "999"
    hotlines: ["Samaritans: 116 123"]
disclaimer: I am not an emergency service; call 911 or 999 in danger. No medical advice. Only the care team sees your answers.
next_steps:
  emergency: A clinician has been alerted. If you are in danger, call 999, or call or text 988.
`
	main := `kapbot: 1
flow: main
steps:
  - {id: disclaimer, disclaimer: true}
  - {id: hi, say: "Arrive 15 minutes early. If you feel unsafe, call 116 123 or 911."}
  - {id: bye, end: true}
`
	got := lintIn(t, map[string]string{"clinic.yaml": clinic, "main.yaml": main})
	want := []string{
		`clinic.yaml:12:49: disclaimer: "911" looks like a phone number or short code, but it is in none of clinic.yaml's safety resource blocks for en (crisis, and harm_to_others, abuse, acute_medical when given); numbers change with the country, so write them only in those blocks and refer to them here ("call your local emergency number"), or add this one to a block`,
		`clinic.yaml:14:92: next_steps.emergency: "988" looks like a phone number or short code, but it is in none of clinic.yaml's safety resource blocks for en (crisis, and harm_to_others, abuse, acute_medical when given); numbers change with the country, so write them only in those blocks and refer to them here ("call your local emergency number"), or add this one to a block`,
		`main.yaml:5:81: say: "911" looks like a phone number or short code, but it is in none of clinic.yaml's safety resource blocks for en (crisis, and harm_to_others, abuse, acute_medical when given); numbers change with the country, so write them only in those blocks and refer to them here ("call your local emergency number"), or add this one to a block`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", join(got), join(want))
	}
}

func join(l []string) string {
	out := ""
	for _, s := range l {
		out += "  " + s + "\n"
	}
	return out
}

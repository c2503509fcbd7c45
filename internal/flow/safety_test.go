package flow

import (
	"testing"
)

// lintIn validates files (Validate: the safety lint included) and returns the
// printed problems located in those files.
func lintIn(t *testing.T, files map[string]string) []string {
	t.Helper()
	_, ps := Validate(sources(files))
	var out []string
	for _, p := range ps {
		if _, ok := files[p.Pos.File]; ok {
			out = append(out, p.String())
		}
	}
	return out
}

// riskQuest is a questionnaire with a risk flag.
const riskQuest = `kapbot: 1
questionnaire: mood
title: Mood
items:
  - {id: sad, type: yesno, text: "Sad?"}
  - {id: harm, type: yesno, text: "Thoughts of harming yourself?"}
scoring:
  flags:
    - {id: harm_flag, when: harm, risk: true}
`

// TestSafetyLint checks the exact located message of each safety problem.
func TestSafetyLint(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{
			name: "risk without a crisis referral",
			files: map[string]string{"q.yaml": riskQuest, "main.yaml": `kapbot: 1
flow: main
steps:
  - {id: disclaimer, disclaimer: true}
  - id: mood
    questionnaire: mood
  - id: bye
    refer: {priority: urgent, reason: Mood, crisis: true}
`},
			want: []string{
				`main.yaml:6:20: questionnaire: mood can raise the risk flag harm_flag, but no refer step with priority: emergency and crisis: true can follow this step in flow main; add a step {id: risk_check, branch: [{if: mood.risk, goto: crisis}]} after it and a step crisis with refer: {priority: emergency, crisis: true, reason: ...}`,
			},
		},
		{
			name: "risk with a crisis referral no branch leads to",
			files: map[string]string{"q.yaml": riskQuest, "main.yaml": `kapbot: 1
flow: main
steps:
  - {id: disclaimer, disclaimer: true}
  - id: check
    questionnaire: mood
    save_as: m
  - id: route
    branch:
      - {if: m.total > 1, goto: crisis}
    else: bye
  - id: bye
    end: true
  - id: crisis
    refer: {priority: emergency, reason: Mood, crisis: true}
`},
			want: []string{
				`main.yaml:6:20: warning: questionnaire: a crisis referral can follow this step, but no branch on the way tests m.risk or its risk flags (harm_flag), so a patient at risk may never get there; add a step {id: risk_check, branch: [{if: m.risk, goto: <your crisis step>}]} right after it`,
			},
		},
		{
			name: "risk flags tested by name, crisis in a called flow",
			files: map[string]string{"q.yaml": riskQuest, "main.yaml": `kapbot: 1
flow: main
steps:
  - {id: disclaimer, disclaimer: true}
  - id: mood
    questionnaire: mood
  - id: route
    branch:
      - {if: '"harm_flag" in mood.flags', goto: crisis}
    else: bye
  - id: bye
    end: true
  - id: crisis
    call: crisis
`, "crisis.yaml": `kapbot: 1
flow: crisis
steps:
  - {id: disclaimer, disclaimer: true}
  - id: refer
    refer: {priority: emergency, reason: Risk, crisis: true}
`},
		},
		{
			name: "an emergency referral without crisis resources does not count",
			files: map[string]string{"q.yaml": riskQuest, "main.yaml": `kapbot: 1
flow: main
steps:
  - {id: disclaimer, disclaimer: true}
  - id: mood
    questionnaire: mood
  - id: route
    branch:
      - {if: mood.risk, goto: crisis}
    else: bye
  - id: bye
    end: true
  - id: crisis
    refer: {priority: emergency, reason: Risk}
`},
			want: []string{
				`main.yaml:6:20: questionnaire: mood can raise the risk flag harm_flag, but no refer step with priority: emergency and crisis: true can follow this step in flow main; add a step {id: risk_check, branch: [{if: mood.risk, goto: crisis}]} after it and a step crisis with refer: {priority: emergency, crisis: true, reason: ...}`,
			},
		},
		{
			name: "locales without crisis resources",
			files: map[string]string{"main.yaml": `kapbot: 1
flow: main
steps:
  - {id: disclaimer, disclaimer: true}
  - id: hi
    say: {en: Hello., fr: Bonjour.}
  - id: bye
    end: {en: Bye., fr: Au revoir.}
`, "fr.yaml": `kapbot: 1
flow: fr
locale: fr
steps:
  - {id: disclaimer, disclaimer: true}
`},
			want: []string{
				`fr.yaml:3:9: locale: fr has no crisis resources; add crisis: {fr: {text: ..., emergency: ..., hotlines: [...]}} to clinic.yaml, or remove the fr texts from this file`,
				`fr.yaml:3:9: locale: fr is not one of clinic.yaml locales (en)`,
				`main.yaml:6:23: say: locale fr has no crisis resources; add crisis: {fr: {text: ..., emergency: ..., hotlines: [...]}} to clinic.yaml, or remove the fr texts from this file`,
				`main.yaml:6:23: warning: say: locale fr is not in clinic.yaml locales (en), so this text is never shown`,
				`main.yaml:8:21: warning: end: locale fr is not in clinic.yaml locales (en), so this text is never shown`,
			},
		},
		{
			name: "clinic without a disclaimer",
			files: map[string]string{
				"clinic.yaml": "kapbot: 1\nname: Clinic\ndefault_locale: en\nretention: 30d\ncrisis:\n  en: {text: Call 911.}\n",
				"main.yaml":   "kapbot: 1\nflow: main\nsteps:\n  - {id: a, disclaimer: true}\n  - {id: b, say: Hi.}\n  - {id: c, disclaimer: false}\n",
			},
			want: []string{
				`clinic.yaml:1:1: clinic: missing key "disclaimer" (shown first in every conversation: that the bot is not an emergency service, gives no medical advice, and who sees the answers)`,
				`main.yaml:4:13: disclaimer: clinic.yaml has no disclaimer: text to show; add one there (not an emergency service, no medical advice, who sees the answers)`,
				`main.yaml:6:25: disclaimer: write true to show the clinic's disclaimer, or remove the step`,
			},
		},
		{
			name: "the first message is not the disclaimer",
			files: map[string]string{"main.yaml": `kapbot: 1
flow: main
steps:
  - id: setup
    set: {n: 1}
  - id: route
    branch:
      - {if: n > 1, goto: ask}
  - id: hi
    say: Hello.
  - id: ask
    ask: {type: text, text: "Name?"}
  - id: later
    say: Later texts are fine.
`, "silent.yaml": `kapbot: 1
flow: silent
steps:
  - id: route
    branch:
      - {if: locale == "en", goto: done}
    else: sub
  - id: sub
    call: main
  - id: done
    end: true
`, "good.yaml": `kapbot: 1
flow: good
steps:
  - {id: d, disclaimer: true}
  - {id: sub, call: main}
  - {id: bye, end: Bye.}
`},
			want: []string{
				`main.yaml:10:5: say: the patient can see this before the clinic's disclaimer; start flow main with a step {id: disclaimer, disclaimer: true} (or a say that contains clinic.yaml's disclaimer text in every locale)`,
				`main.yaml:12:5: ask: the patient can see this before the clinic's disclaimer; start flow main with a step {id: disclaimer, disclaimer: true} (or a say that contains clinic.yaml's disclaimer text in every locale)`,
				`silent.yaml:9:5: call: flow main shows the patient something before the clinic's disclaimer; start flow silent with a step {id: disclaimer, disclaimer: true} (or a say that contains clinic.yaml's disclaimer text in every locale)`,
			},
		},
		{
			name: "a say with the disclaimer counts, in every locale",
			files: map[string]string{
				"clinic.yaml": testClinic2,
				"main.yaml": `kapbot: 1
flow: main
steps:
  - id: hi
    say:
      en: "Hello. Not an emergency service; no medical advice."
      de: "Hallo. Kein Notdienst; keine medizinische Beratung."
  - id: bye
    end: {en: Bye., de: Tschüss.}
`,
				"half.yaml": `kapbot: 1
flow: half
steps:
  - id: hi
    say: {en: "Hello. Not an emergency service;   no medical advice.", de: Hallo.}
  - id: calls
    call: main
`,
				"end.yaml": "kapbot: 1\nflow: end\nsteps:\n  - {id: bye, end: {en: Bye., de: Tschüss.}}\n",
			},
			want: []string{
				`end.yaml:4:15: end: the patient can see this before the clinic's disclaimer; start flow end with a step {id: disclaimer, disclaimer: true} (or a say that contains clinic.yaml's disclaimer text in every locale)`,
				`half.yaml:5:5: say: this first message contains the clinic's disclaimer, but not in de; start flow half with a step {id: disclaimer, disclaimer: true} (or a say that contains clinic.yaml's disclaimer text in every locale)`,
			},
		},
		{
			name: "dosing in flow texts",
			files: map[string]string{"main.yaml": `kapbot: 1
flow: main
steps:
  - {id: disclaimer, disclaimer: true}
  - id: plan
    say: Please take 2 tablets of ibuprofen with water.
  - id: block
    say: |-
      Your session is at 9.

      Bring 250 ml of water. Do not eat for 4 hours.
  - id: dose
    ask:
      type: choice
      text: "Which dose did the doctor give you?"
      choices:
        - {value: low, label: 25mg}
        - {value: high, label: Something else}
  - id: fine
    logistics: reviewed
    say: Your clinic asks you to take 1 tablet of ondansetron 30 minutes before, as prescribed.
  - id: bye
    end: Take a moment for yourself. See you on day 2.
`},
			want: []string{
				`main.yaml:6:17: say: "take 2 tablets" reads like a dose or a dosing instruction (en); kapbot gives no medical advice, so remove it, or, if it is clinic logistics your medical team has reviewed, add logistics: reviewed to step "plan"`,
				`main.yaml:11:13: say: "250 ml" reads like a dose or a dosing instruction (en); kapbot gives no medical advice, so remove it, or, if it is clinic logistics your medical team has reviewed, add logistics: reviewed to step "block"`,
				`main.yaml:17:31: label: "25mg" reads like a dose or a dosing instruction (en); kapbot gives no medical advice, so remove it, or, if it is clinic logistics your medical team has reviewed, add logistics: reviewed to step "dose"`,
			},
		},
		{
			name: "dosing in questionnaire and clinic texts, and in German",
			files: map[string]string{
				"clinic.yaml": testClinic2 + "next_steps:\n  routine: {en: Take two capsules and rest., de: Ruhen Sie sich aus.}\n",
				"q.yaml": `kapbot: 1
questionnaire: meds
title: {en: Medicines, de: Medikamente}
preamble:
  en: Tell us about your medicines.
  de: Nehmen Sie Ihre Tabletten wie immer und erzählen Sie uns davon.
items:
  - {id: a, type: yesno, text: {en: "More than 20 mg a day?", de: "Mehr als 20 mg am Tag?"}}
`,
				"main.yaml": `kapbot: 1
flow: main
steps:
  - {id: disclaimer, disclaimer: true}
  - id: meds
    questionnaire: meds
`,
			},
			want: []string{
				`clinic.yaml:12:17: next_steps.routine: "Take two capsules" reads like a dose or a dosing instruction (en); kapbot gives no medical advice, so remove it, or, only flow steps marked logistics: reviewed may give amounts; move the text into such a step if it is clinic logistics your medical team has reviewed`,
				`q.yaml:6:7: preamble: "Nehmen Sie Ihre Tabletten" reads like a dose or a dosing instruction (de); kapbot gives no medical advice, so remove it, or, only flow steps marked logistics: reviewed may give amounts; move the text into such a step if it is clinic logistics your medical team has reviewed`,
				`q.yaml:8:77: text: "20 mg" reads like a dose or a dosing instruction (de); kapbot gives no medical advice, so remove it, or, only flow steps marked logistics: reviewed may give amounts; move the text into such a step if it is clinic logistics your medical team has reviewed`,
			},
		},
		{
			name: "logistics values",
			files: map[string]string{"main.yaml": `kapbot: 1
flow: main
steps:
  - {id: disclaimer, disclaimer: true}
  - {id: a, say: Hi., logistics: yes}
  - {id: b, set: {x: 1}, logistics: reviewed}
`},
			want: []string{
				`main.yaml:5:34: logistics: "yes" is not a value of logistics; write logistics: reviewed to mark this step's texts as clinic logistics your medical team has reviewed`,
				`main.yaml:6:26: logistics: a set step has no texts of its own to review; put logistics: reviewed on the say, ask, refer or end step that gives the instructions`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diffLines(t, lintIn(t, tt.files), tt.want)
		})
	}
}

// TestCompileSkipsSafetyLint: a bundle published before the lint existed
// still loads with Compile, while Validate refuses it.
func TestCompileSkipsSafetyLint(t *testing.T) {
	files := map[string]string{
		"clinic.yaml": "kapbot: 1\nname: Clinic\ndefault_locale: en\nretention: 30d\ncrisis:\n  en: {text: Call 911.}\n",
		"main.yaml":   "kapbot: 1\nflow: main\nsteps:\n  - {id: a, say: Take 2 tablets.}\n",
	}
	if b, ps := Compile(sources(files)); b == nil || ps.Err() != nil {
		t.Fatalf("Compile: %v", ps.Err())
	}
	b, ps := Validate(sources(files))
	if b != nil || len(ps.Errors()) != 3 {
		t.Fatalf("Validate: bundle %v, problems:\n%s", b != nil, ps)
	}
}

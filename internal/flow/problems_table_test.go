package flow

import (
	"strings"
	"testing"
)

// TestProblems checks the exact located message of each kind of problem.
func TestProblems(t *testing.T) {
	long := strings.Repeat("x", 2001)
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{
			name:  "yaml syntax error",
			files: map[string]string{"main.yaml": "kapbot: 1\nflow: main\nsteps: [\n"},
			want:  []string{"main.yaml:3:1: YAML syntax error: did not find expected node content"},
		},
		{
			name:  "bad indentation",
			files: map[string]string{"main.yaml": "kapbot: 1\nflow: main\nsteps:\n  - id: a\n    say: Hi.\n   next: b\n"},
			want:  []string{"main.yaml:6:4: YAML syntax error: did not find expected '-' indicator"},
		},
		{
			name:  "tab indentation",
			files: map[string]string{"main.yaml": "kapbot: 1\nflow: main\nsteps:\n  - id: a\n\tsay: b\n"},
			want:  []string{"main.yaml:5:1: YAML syntax error: found a tab character that violates indentation"},
		},
		{
			name:  "question mark in a flow mapping",
			files: map[string]string{"main.yaml": "kapbot: 1\nflow: main\nsteps:\n  - id: a\n    ask: {type: text, text: Name?}\n"},
			want:  []string{"main.yaml:5:5: YAML syntax error: did not find expected ',' or '}' (inside {...} or [...], put texts that contain ?, : or # in quotes)"},
		},
		{
			name:  "unknown anchor",
			files: map[string]string{"main.yaml": "kapbot: 1\nflow: main\nsteps:\n  - id: a\n    say: *hello\n"},
			want:  []string{`main.yaml:5:10: YAML syntax error: unknown anchor "hello"; define it with &hello before using *hello`},
		},
		{
			name: "aliases are followed",
			files: map[string]string{"main.yaml": `kapbot: 1
flow: main
steps:
  - id: a
    ask:
      type: choice
      text: Mood
      choices: &scale
        - {value: 1, label: Low}
        - {value: 1, label: High}
  - id: b
    ask: {type: choice, text: Again, choices: *scale}
`},
			want: []string{
				`main.yaml:10:19: value: duplicate value "1" (also on line 9); values must differ within a question`,
			},
		},
		{
			name:  "empty file",
			files: map[string]string{"main.yaml": "# nothing yet\n"},
			want:  []string{`main.yaml:1:1: empty file; a flow file starts with "kapbot: 1" and then flow:, questionnaire: or name: (clinic.yaml)`},
		},
		{
			name:  "missing version",
			files: map[string]string{"main.yaml": "flow: main\nsteps:\n  - {id: a, say: Hi.}\n"},
			want:  []string{`main.yaml:1:1: missing "kapbot: 1" (the flow format version); add it as the first line`},
		},
		{
			name:  "newer version",
			files: map[string]string{"main.yaml": "kapbot: 2\nflow: main\n"},
			want:  []string{"main.yaml:1:9: kapbot: version 2 is newer than this kapbot reads (up to 1); update kapbot or write the file for version 1"},
		},
		{
			name:  "version not a number",
			files: map[string]string{"main.yaml": "kapbot: one\nflow: main\n"},
			want:  []string{`main.yaml:1:9: kapbot: expected a whole number, got the text "one"`},
		},
		{
			name:  "unknown kind",
			files: map[string]string{"main.yaml": "kapbot: 1\ntitle: Main\n"},
			want:  []string{"main.yaml:1:1: cannot tell what this file is: add flow: (a conversation), questionnaire: (an instrument) or name: (clinic.yaml)"},
		},
		{
			name:  "two kinds",
			files: map[string]string{"main.yaml": "kapbot: 1\nflow: main\nquestionnaire: main\n"},
			want:  []string{"main.yaml:3:1: a file holds one thing, but this one has flow: and questionnaire:; split it into one file each"},
		},
		{
			name:  "second document",
			files: map[string]string{"main.yaml": "kapbot: 1\nflow: main\nsteps: [{id: a, say: Hi.}]\n---\nkapbot: 1\n"},
			want:  []string{"main.yaml:4:1: a second YAML document (after ---); put one flow, questionnaire or clinic in each file"},
		},
		{
			name:  "transcripts outside a test file",
			files: map[string]string{"main.test.yml.yaml": "kapbot: 1\ntranscripts: main\n"},
			want:  []string{"main.test.yml.yaml:2:1: transcripts: transcript tests belong in a file named *.test.yaml (next to the flow they test), so they are not published"},
		},
		{
			name: "unknown keys",
			files: map[string]string{"main.yaml": `kapbot: 1
flow: main
titel: Main
steps:
  - id: a
    say: Hi.
    nxt: b
    colour: red
  - id: b
    end: true
`},
			want: []string{
				`main.yaml:3:1: flow: unknown key "titel"; did you mean "title"?`,
				`main.yaml:7:5: step "a": unknown key "nxt"; did you mean "next"?`,
				`main.yaml:8:5: step "a": unknown key "colour" (known keys: id, next, else, save_as, logistics, say, ask, questionnaire, set, branch, call, refer, review, end, disclaimer)`,
			},
		},
		{
			name: "duplicate key",
			files: map[string]string{"main.yaml": `kapbot: 1
flow: main
steps:
  - id: a
    say: Hi.
    say: Hello.
`},
			want: []string{`main.yaml:6:5: step "a": duplicate key "say" (first on line 5); keep one`},
		},
		{
			name: "wrong value types",
			files: map[string]string{"main.yaml": `kapbot: 1
flow: main
steps:
  - id: a
    ask:
      type: text
      text: "Name?"
      max_len: long
      max_attempts: [3]
  - id: b
    next: [a]
    say: {en: [Hi]}
  - id: c
    refer: {priority: routine, reason: x, crisis: maybe}
`},
			want: []string{
				`main.yaml:8:16: max_len: expected a whole number, got the text "long"`,
				`main.yaml:9:21: max_attempts: expected a whole number, got a list`,
				`main.yaml:11:11: next: expected a text, got a list`,
				`main.yaml:12:15: say: expected a text, got a list`,
				`main.yaml:14:51: crisis: expected true or false, got the text "maybe"`,
			},
		},
		{
			name: "missing required keys",
			files: map[string]string{"main.yaml": `kapbot: 1
flow: main
steps:
  - say: Hi.
  - id: q
    ask: {type: choice}
  - id: r
    refer: {reason: Intake done}
`},
			want: []string{
				`main.yaml:4:5: step 1: missing key "id"; give every step an id (a letter or _, then letters, digits, _)`,
				`main.yaml:6:5: ask: missing key "choices" (a list of {value: ..., label: ...})`,
				`main.yaml:6:5: ask: missing key "text" (the question shown to the patient)`,
				`main.yaml:8:5: refer: missing key "priority" (routine, soon, urgent, emergency)`,
			},
		},
		{
			name: "step without or with several actions",
			files: map[string]string{"main.yaml": `kapbot: 1
flow: main
steps:
  - id: a
    next: b
  - id: b
    say: Hi.
    end: Bye.
`},
			want: []string{
				`main.yaml:4:5: step "a": no action; add one of say, ask, questionnaire, set, branch, call, refer, review, end, disclaimer`,
				`main.yaml:8:5: step "b": several actions (say, end); a step does one thing, so split it into one step per action`,
			},
		},
		{
			name: "duplicate step ids and bad ids",
			files: map[string]string{"main.yaml": `kapbot: 1
flow: main
steps:
  - id: a
    say: Hi.
  - id: a
    say: Again.
  - id: 2nd
    say: x
  - id: not
    say: x
`},
			want: []string{
				`main.yaml:6:9: id: duplicate step id "a" (first on line 4); step ids must differ within a flow`,
				`main.yaml:8:9: id: "2nd" is not a valid step id: start with a letter or _, then use only letters, digits and _ (expressions refer to it by this name)`,
				`main.yaml:10:9: id: "not" cannot be a step id: it is an expression word; choose another name`,
			},
		},
		{
			name: "bad flow and questionnaire ids",
			files: map[string]string{
				"main.yaml": "kapbot: 1\nflow: Main Flow\nsteps: [{id: a, say: Hi.}]\n",
				"q.yaml":    "kapbot: 1\nquestionnaire: phq-9\ntitle: PHQ-9\nitems: [{id: q1, type: yesno, text: 'Sad?'}]\n",
			},
			want: []string{
				`main.yaml:2:7: flow: "Main Flow" is not a valid flow id: use lowercase letters, digits, '-' and '_', starting with a letter or digit`,
				`q.yaml:2:16: questionnaire: "phq-9" is not a valid questionnaire id: start with a letter or _, then use only letters, digits and _ (expressions refer to it by this name)`,
			},
		},
		{
			name: "duplicate ids across files",
			files: map[string]string{
				"a.yaml":    "kapbot: 1\nflow: main\nsteps: [{id: a, say: Hi.}]\n",
				"b.yaml":    "kapbot: 1\nflow: main\nsteps: [{id: a, say: Hi.}]\n",
				"q1.yaml":   "kapbot: 1\nquestionnaire: mood\ntitle: Mood\nitems: [{id: q1, type: yesno, text: 'Sad?'}]\n",
				"q2.yaml":   "kapbot: 1\nquestionnaire: mood\ntitle: Mood\nitems: [{id: q1, type: yesno, text: 'Sad?'}]\n",
				"mood.yaml": "kapbot: 1\nflow: mood\nsteps: [{id: a, say: Hi.}]\n",
			},
			want: []string{
				`b.yaml:2:7: flow: duplicate flow id "main"; it is also defined at a.yaml:2:7`,
				`mood.yaml:2:7: flow: "mood" is already the id of the questionnaire at q1.yaml:2:16, which runs alone as a flow of that id; rename the flow`,
				`q2.yaml:2:16: questionnaire: duplicate questionnaire id "mood"; it is also defined at q1.yaml:2:16`,
			},
		},
		{
			name: "jumps to missing steps",
			files: map[string]string{"main.yaml": `kapbot: 1
flow: main
steps:
  - id: welcome
    say: Hi.
    next: concent
  - id: consent
    ask: {type: yesno, text: "Agree?", fallback: bye2}
  - id: route
    branch:
      - {if: consent, goto: done}
    else: welcom
  - id: check
    review: [consent, route, nothing]
  - id: bye
    end: Bye.
`},
			want: []string{
				`main.yaml:6:11: next: no step "concent" in flow main; did you mean "consent"? (steps: welcome, consent, route, check, bye)`,
				`main.yaml:8:50: fallback: no step "bye2" in flow main; did you mean "bye"? (steps: welcome, consent, route, check, bye)`,
				`main.yaml:11:29: goto: no step "done" in flow main (steps: welcome, consent, route, check, bye)`,
				`main.yaml:12:11: else: no step "welcom" in flow main; did you mean "welcome"? (steps: welcome, consent, route, check, bye)`,
				`main.yaml:14:23: review: step "route" is a branch step; only ask steps can be reviewed`,
				`main.yaml:14:30: review: no step "nothing" in flow main (steps: welcome, consent, route, check, bye)`,
			},
		},
		{
			name: "unreachable steps",
			files: map[string]string{"main.yaml": `kapbot: 1
flow: main
steps:
  - id: welcome
    say: Hi.
    next: bye
  - id: lost
    say: Nobody sees this.
  - id: bye
    end: Bye.
  - id: after
    say: Nor this.
`},
			want: []string{
				`main.yaml:7:9: id: step "lost" can never be reached from the first step "welcome"; jump to it with next, goto or else, or remove it`,
				`main.yaml:11:9: id: step "after" can never be reached from the first step "welcome"; jump to it with next, goto or else, or remove it`,
			},
		},
		{
			name: "unknown flows and questionnaires",
			files: map[string]string{
				"main.yaml": `kapbot: 1
flow: main
steps:
  - id: a
    call: prepar
  - id: b
    questionnaire: phq3
`,
				"prepare.yaml": "kapbot: 1\nflow: prepare\nsteps: [{id: a, say: Hi.}]\n",
				"phq2.yaml":    "kapbot: 1\nquestionnaire: phq2\ntitle: PHQ-2\nitems: [{id: q1, type: yesno, text: 'Sad?'}]\n",
			},
			want: []string{
				`main.yaml:5:11: call: no flow "prepar"; did you mean "prepare"? (flows: main, phq2, prepare)`,
				`main.yaml:7:20: questionnaire: no questionnaire "phq3"; did you mean "phq2"? (questionnaires: phq2)`,
			},
		},
		{
			name: "call cycle",
			files: map[string]string{
				"main.yaml":  "kapbot: 1\nflow: main\nsteps:\n  - {id: a, ask: {type: text, text: 'Name?'}}\n  - {id: b, call: other}\n",
				"other.yaml": "kapbot: 1\nflow: other\nsteps:\n  - {id: a, call: main}\n",
				"self.yaml":  "kapbot: 1\nflow: self\nsteps:\n  - {id: a, ask: {type: text, text: 'Name?'}}\n  - {id: b, call: self}\n",
			},
			want: []string{
				`main.yaml:5:19: call: flow main calls other, which leads back to main (main -> other -> main); a flow cannot call itself, directly or through others`,
				`other.yaml:4:19: call: flow other calls main, which leads back to other (other -> main -> other); a flow cannot call itself, directly or through others`,
				`self.yaml:5:19: call: flow self calls self, which leads back to self (self -> self); a flow cannot call itself, directly or through others`,
			},
		},
		{
			name: "loops that never wait",
			files: map[string]string{
				"main.yaml": `kapbot: 1
flow: main
vars:
  n: number
steps:
  - id: start
    ask: {type: number, text: "How many?"}
  - id: route
    branch:
      - if: n < start
        goto: bump
    else: done
  - id: bump
    set:
      n: n + 1
    next: route
  - id: done
    say: Done.
    next: done
`,
				"sub.yaml": "kapbot: 1\nflow: sub\nsteps:\n  - {id: a, say: Hi.}\n",
				"loop.yaml": `kapbot: 1
flow: loop
steps:
  - id: a
    call: sub
  - id: b
    next: a
    say: Again.
`,
			},
			want: []string{
				`loop.yaml:4:9: id: steps a -> b -> a form a loop that never waits for the patient, so it could run forever; put a question on the loop or make it end`,
				`main.yaml:8:9: id: steps route -> bump -> route form a loop that never waits for the patient, so it could run forever; put a question on the loop or make it end`,
				`main.yaml:17:9: id: steps done -> done form a loop that never waits for the patient, so it could run forever; put a question on the loop or make it end`,
			},
		},
		{
			name: "a loop through a question is fine",
			files: map[string]string{"main.yaml": `kapbot: 1
flow: main
steps:
  - id: again
    ask: {type: yesno, text: "Again?"}
  - id: route
    branch:
      - {if: again, goto: sub}
    else: bye
  - id: sub
    call: sub
    next: again
  - id: bye
    end: true
`, "sub.yaml": "kapbot: 1\nflow: sub\nsteps:\n  - {id: a, ask: {type: text, text: 'Name?'}}\n"},
		},
		{
			name: "expressions",
			files: map[string]string{"main.yaml": `kapbot: 1
flow: main
steps:
  - id: consent
    ask: {type: yesno, text: "Agree?"}
  - id: route
    branch:
      - if: concent == false
        goto: bye
      - if: consent +
        goto: bye
      - if: consent == 1
        goto: bye
      - if: '"x" + locale'
        goto: bye
  - id: vars
    set:
      mood: good
  - id: bye
    end: true
`},
			want: []string{
				`main.yaml:8:13: if: unknown name "concent"; did you mean "consent"? (known: consent, locale, mood, rescreen_due)`,
				`main.yaml:10:21: if: unexpected token EOF`,
				`main.yaml:12:21: if: invalid operation: == (mismatched types bool and int)`,
				`main.yaml:14:13: if: the condition must give true or false, but it gives a text`,
				`main.yaml:18:13: set.mood: unknown name "good"; did you mean "mood"? (known: consent, locale, mood, rescreen_due); to write the text good, quote it inside the expression: '"good"'`,
			},
		},
		{
			name: "texts and end",
			files: map[string]string{"main.yaml": `kapbot: 1
flow: main
steps:
  - id: a
    say: ""
  - id: b
    say:
  - id: c
    set: {x: [1]}
  - id: d
    end: false
`},
			want: []string{
				`main.yaml:5:10: say: empty text (en); write the text or remove the key`,
				`main.yaml:7:9: say: empty text; write the text or remove the key`,
				`main.yaml:9:14: set.x: expected an expression, got a list`,
				`main.yaml:11:10: end: write a closing text, or true to end without one`,
			},
		},
		{
			name: "questionnaire result fields",
			files: map[string]string{
				"main.yaml": `kapbot: 1
flow: main
steps:
  - id: phq
    questionnaire: phq2
  - id: route
    branch:
      - if: phq.totl >= 3
        goto: bye
      - if: phq.q1 == "often"
        goto: bye
  - id: bye
    end: true
`,
				"phq2.yaml": "kapbot: 1\nquestionnaire: phq2\ntitle: PHQ-2\noptions: [{value: 0, label: No}, {value: 1, label: Yes}]\nitems: [{id: q1, text: 'Sad?'}]\nscoring:\n  values: {positive: total >= 1}\n",
			},
			want: []string{
				`main.yaml:8:17: if: phq has no field "totl"; did you mean "total"? (fields: band, flags, missing, positive, q1, risk, total, unknown, valid)`,
				`main.yaml:10:20: if: invalid operation: == (mismatched types float64 and string)`,
			},
		},
		{
			name: "set types",
			files: map[string]string{"main.yaml": `kapbot: 1
flow: main
vars:
  fearful: bool
  unused: text
steps:
  - id: age
    ask: {type: number, text: "Age?"}
  - id: s
    set:
      fearful: age + 1
      age: '"old"'
      score: age * 2
      label: '"x"'
  - id: t
    set:
      score: '"high"'
      either: nil
  - id: route
    branch:
      - {if: fearful && score > 1 && label != "" && either == nil, goto: bye}
  - id: bye
    end: true
`},
			want: []string{
				`main.yaml:5:3: warning: vars: unused is declared but no expression reads it; use it or remove it`,
				`main.yaml:11:16: set.fearful: fearful is declared as true/false (bool) in vars, but this expression gives a number`,
				`main.yaml:12:12: set.age: age is a number, the answer of step age, but this expression gives a text`,
				`main.yaml:17:14: set.score: score is a number, from its set on line 13, but this expression gives a text`,
				`main.yaml:18:7: set: cannot tell whether either is a number, text, bool or list from "nil"; declare it under vars:`,
			},
		},
		{
			name: "set of the whole env",
			files: map[string]string{"main.yaml": `kapbot: 1
flow: main
vars:
  note: text
  first: text
steps:
  - id: s
    set:
      note: $env
      first: $env["note"]
  - id: route
    branch:
      - {if: note != "" && first != "", goto: bye}
  - id: bye
    end: true
`},
			want: []string{
				`main.yaml:9:13: set.note: $env on its own cannot be stored (it holds every variable, note too); read one name from it, as $env["name"], or write the name itself`,
			},
		},
		{
			name: "choices",
			files: map[string]string{"main.yaml": `kapbot: 1
flow: main
steps:
  - id: q
    ask:
      type: choice
      text: How are you?
      choices:
        - {value: good, label: Good}
        - {value: bad, label: Bad}
        - {value: good, label: Fine}
  - id: l
    ask: {type: yesno, text: "Sure?", choices: [{value: y, label: Y}]}
`},
			want: []string{
				`main.yaml:11:19: value: duplicate value "good" (also on line 9); values must differ within a question`,
				`main.yaml:13:39: choices: a yesno question takes no choices (only choice, multi do)`,
			},
		},
		{
			name: "missing locales",
			files: map[string]string{
				"clinic.yaml": testClinic2,
				"main.yaml": `kapbot: 1
flow: main
title: {en: Main, de: Haupt}
steps:
  - id: hi
    say: Hello.
  - id: q
    ask:
      type: choice
      text: {en: Pick., de: Wähle., fr: Choisis.}
      choices:
        - {value: a, label: {en: A, de: A}}
        - {value: b, label: {en: B}}
  - id: r
    refer: {priority: routine, reason: Intake done}
`,
			},
			want: []string{
				`main.yaml:6:10: say: this text is only in en, but clinic.yaml also serves de; write it as {en: ..., de: ...}`,
				`main.yaml:10:37: warning: text: locale fr is not in clinic.yaml locales (en, de), so this text is never shown`,
				`main.yaml:13:29: label: no text for de (clinic.yaml locales: en, de)`,
			},
		},
		{
			name:  "flow locale not served",
			files: map[string]string{"main.yaml": "kapbot: 1\nflow: main\nlocale: fr\nsteps: [{id: a, say: Salut.}]\n"},
			want: []string{
				`main.yaml:3:9: locale: fr is not one of clinic.yaml locales (en)`,
				`main.yaml:4:22: say: this text is only in fr, but clinic.yaml also serves en; write it as {fr: ..., en: ...}`,
			},
		},
		{
			name:  "referral priority",
			files: map[string]string{"main.yaml": "kapbot: 1\nflow: main\nsteps:\n  - id: r\n    refer: {priority: urgnt, reason: Risk}\n"},
			want:  []string{`main.yaml:5:23: priority: "urgnt" is not a priority; did you mean "urgent"?; use routine, soon, urgent or emergency`},
		},
		{
			name: "channel limits",
			files: map[string]string{"main.yaml": `kapbot: 1
flow: main
steps:
  - id: a
    say: "` + long + `"
  - id: b
    say: "Short.\n\n` + strings.Repeat("y", 1200) + `"
  - id: q
    ask:
      type: choice
      text: "` + long + `"
      choices:
        - {value: ` + strings.Repeat("v", 49) + `, label: ` + strings.Repeat("L", 81) + `}
  - id: q2
    ask:
      type: multi
      text: Pick.
      choices: [` + choiceList(25) + `]
  - id: q3
    ask: {type: likert, text: "How much?", min: 0, max: 30}
`},
			want: []string{
				`main.yaml:5:10: say: a paragraph of 2001 characters (en) is over Discord's 2000-character message limit; split it with a blank line`,
				`main.yaml:7:10: warning: say: 1208 characters (en) is long for a phone screen (over 1000); consider splitting it over several steps`,
				`main.yaml:11:13: text: the question is 2001 characters (en), over Discord's 2000-character message limit (a question is sent as one message with its buttons); shorten it or put the explanation in a say step before it`,
				`main.yaml:13:19: value: 49 bytes, over the 48-byte limit (Telegram button data holds 64 bytes, and kapbot adds the prompt number); use a shorter value`,
				`main.yaml:13:77: label: the label is 81 characters (en), over Discord's 80-character button label limit; shorten it`,
				`main.yaml:18:16: choices: 25 choices, over Discord's limit of 24 buttons per message (a multi question also needs its Done button); split the question`,
				`main.yaml:20:57: max: a scale of 31 points is over Discord's limit of 25 buttons per message`,
			},
		},
		{
			name:  "questionnaire without items",
			files: map[string]string{"q.yaml": "kapbot: 1\nquestionnaire: q\ntitle: Q\nitems: []\n"},
			want:  []string{`q.yaml:4:8: items: a questionnaire needs at least one item`},
		},
		{
			name: "questionnaire items and scoring",
			files: map[string]string{"q.yaml": `kapbot: 1
questionnaire: q
title: Q
options: [{value: 0, label: No}, {value: 1, label: Some}, {value: 3, label: Much}]
items:
  - id: q1
    text: One
  - id: q2
    text: Two
    when: q3 == true
  - id: q3
    type: yesno
    text: Three
  - id: total
    text: Four
  - id: note
    type: text
    text: Anything else?
    scored: true
    fallback: q1
scoring:
  values:
    positive: total >= 3
    risky: q1 + "x"
  flags:
    - {id: f1, when: q1 > 2, risk: true}
    - {id: f2, when: q1}
`},
			want: []string{
				`q.yaml:10:11: when: item q3 is asked after q2, so it has no answer yet; use earlier items only`,
				`q.yaml:14:9: id: "total" is a field of every questionnaire result (total, band, flags, risk, valid, missing, unknown); choose another item id`,
				`q.yaml:19:13: scored: a text answer cannot be counted in the total; only numbers, numeric choices, likert and yesno can`,
				`q.yaml:20:5: fallback: questionnaire items cannot jump; after max_attempts the item is left unanswered (missing, or unknown for an unknown: true item)`,
				`q.yaml:24:15: values.risky: invalid operation: + (mismatched types float64 and string)`,
				`q.yaml:27:22: when: the condition must give true or false, but it gives a number`,
			},
		},
		{
			name: "bands",
			files: map[string]string{"q.yaml": `kapbot: 1
questionnaire: q
title: Q
options: [{value: 0, label: No}, {value: 1, label: Some}, {value: 2, label: Much}, {value: 3, label: All}]
items:
  - {id: q1, text: One}
  - {id: q2, text: Two}
scoring:
  bands:
    - {name: low, min: 1, max: 2}
    - {name: mid, min: 2, max: 3}
    - {name: high, min: 5, max: 5}
    - {name: odd, min: 4, max: 3}
`},
			want: []string{
				`q.yaml:10:7: warning: bands: no band covers totals 0 (the lowest possible total is 0); such totals get no band`,
				`q.yaml:11:7: bands: mid (2 to 3) overlaps low (1 to 2); a total matches the first band listed, so make each band start above the previous one's max`,
				`q.yaml:12:7: warning: bands: no band covers totals 4, between mid (2 to 3) and high (5 to 5); such totals get no band`,
				`q.yaml:12:7: warning: bands: no band covers totals 6 (the highest possible total is 6); such totals get no band`,
				`q.yaml:13:32: max: 3 is less than min 4`,
			},
		},
		{
			name: "golden vectors",
			files: map[string]string{"q.yaml": `kapbot: 1
questionnaire: q
title: Q
options: [{value: 0, label: No}, {value: 1, label: Some}, {value: 3, label: Much}]
items:
  - {id: q1, text: One}
  - {id: q2, type: yesno, text: Two}
scoring:
  bands:
    - {name: low, min: 0, max: 2}
    - {name: high, min: 3, max: 4}
  values:
    positive: total >= 3
  flags:
    - {id: f1, when: q1 >= 3, risk: true}
tests:
  - name: all zero
    answers: {q1: 0, q2: false}
    expect: {total: 1, band: high, flags: [f1], risk: true, values: {positive: true}}
  - name: bad answers
    answers: {q1: 2, qq: 1, q2: "yes"}
    expect: {total: 0, band: none, flags: [f9], values: {negative: false}}
  - name: right
    answers: {q1: 3, q2: true}
    expect: {total: 4, band: high, flags: [f1], risk: true, values: {positive: true}}
`},
			want: []string{
				`q.yaml:19:21: total: scoring gives 0, but test "all zero" expects 1`,
				`q.yaml:19:30: band: scoring gives "low" (total 0), but test "all zero" expects "high"`,
				`q.yaml:19:43: flags: scoring raises [], but test "all zero" expects [f1]`,
				`q.yaml:19:55: risk: scoring gives false, but test "all zero" expects true`,
				`q.yaml:19:80: values.positive: scoring gives false, but test "all zero" expects true`,
				`q.yaml:21:19: q1: 2 is not one of the item's values (0, 1, 3)`,
				`q.yaml:21:22: answers: no item "qq"; did you mean "q1"? (items: q1, q2)`,
				`q.yaml:21:33: q2: expected true or false, got the text "yes"`,
				`q.yaml:22:30: band: no band "none" (bands: low, high)`,
				`q.yaml:22:44: flags: no flag "f9"; did you mean "f1"? (flags: f1)`,
				`q.yaml:22:58: values: no value "negative" (values: positive)`,
			},
		},
		{
			name: "clinic",
			files: map[string]string{
				"clinic.yaml": `kapbot: 1
name: Clinic
default_locale: en
locales: [en, de, en]
default_flow: mian
retention: 90 days
session_expiry: -3h
crisis:
  en: {text: Call 911.}
  fr: {text: Appelez le 112.}
destinations:
  - {channel: slack, id: x}
staff:
  - {name: Dr. X}
next_steps:
  routine: {en: Soon., de: Bald.}
  later: x
texts:
  reprompt_text: Shorter please.
  helpp: x
  help: Hilfe %d %s
`,
				"main.yaml": "kapbot: 1\nflow: main\ntitle: {en: Main, de: Haupt}\nsteps: [{id: a, end: true}]\n",
			},
			want: []string{
				`clinic.yaml:4:19: locales: en is listed twice`,
				`clinic.yaml:5:15: default_flow: no flow "mian"; did you mean "main"? (flows: main)`,
				`clinic.yaml:6:12: retention: "90 days" is not a duration; write a number with s, m, h or d (days), e.g. 90d, 36h, 30m`,
				`clinic.yaml:7:17: session_expiry: must be longer than zero`,
				`clinic.yaml:8:1: crisis: no crisis resources for de; every locale the clinic serves needs them (text, emergency, hotlines)`,
				`clinic.yaml:10:3: warning: crisis: locale fr is not in locales (en, de), so these resources are never shown`,
				`clinic.yaml:12:15: channel: "slack" is not a channel; use telegram or discord`,
				`clinic.yaml:14:5: staff member: give a telegram or discord user id, so kapbot can tell who acts on a referral`,
				`clinic.yaml:17:3: next_steps: unknown key "later" (known keys: routine, soon, urgent, emergency)`,
				`clinic.yaml:19:18: texts.reprompt_text: the text (en) must contain %d, in that order, where kapbot fills in values (it has none)`,
				`clinic.yaml:20:3: texts: no catalogue text "helpp"; did you mean "help"?`,
				`clinic.yaml:21:9: texts.help: the text (en) takes no placeholders; remove %d, %s`,
			},
		},
		{
			name: "clinic missing keys",
			files: map[string]string{
				"clinic.yaml": "kapbot: 1\nname: Clinic\ndefault_locale: en\n",
				"main.yaml":   "kapbot: 1\nflow: main\nsteps: [{id: a, end: true}]\n",
			},
			want: []string{
				`clinic.yaml:1:1: clinic: missing key "crisis" (the emergency contacts shown to a patient at risk, per locale)`,
				`clinic.yaml:1:1: clinic: missing key "retention" (how long patient data is kept after the last activity, e.g. 90d)`,
			},
		},
		{
			name: "clinic.yaml syntax error",
			files: map[string]string{
				"clinic.yaml": "kapbot: 1\nname: Clinic\nstaff: [\n",
				"main.yaml":   "kapbot: 1\nflow: main\nsteps: [{id: a, end: true}]\n",
			},
			want: []string{"clinic.yaml:3:1: YAML syntax error: did not find expected node content"},
		},
		{
			name: "no clinic",
			files: map[string]string{
				"clinic.yaml": "kapbot: 1\nflow: main\nsteps: [{id: a, end: true}]\n",
			},
			want: []string{
				`clinic.yaml: no clinic file: add clinic.yaml with kapbot: 1, name:, default_locale:, locales:, crisis: and retention:`,
			},
		},
		{
			name: "durations",
			files: map[string]string{
				"clinic.yaml": strings.Replace(testClinic, "retention: 90d", "retention: 36h\nsession_expiry: 1d12h\nresume_after: 3 weeks", 1),
				"main.yaml":   "kapbot: 1\nflow: main\nsteps: [{id: a, end: true}]\n",
			},
			want: []string{`clinic.yaml:8:15: resume_after: "3 weeks" is not a duration; write a number with s, m, h or d (days), e.g. 90d, 36h, 30m`},
		},
		{
			name: "choices on a number question",
			files: map[string]string{"main.yaml": `kapbot: 1
flow: main
steps:
  - id: n
    ask: {type: number, text: "How many?", choices: [{value: 1, label: One}]}
  - id: e
    end: true
`},
			want: []string{"main.yaml:5:44: choices: a number question takes no choices (only choice, multi do)"},
		},
		{
			name: "min above max",
			files: map[string]string{"main.yaml": `kapbot: 1
flow: main
steps:
  - id: m
    ask: {type: number, text: "How many?", min: 10, max: 1}
  - id: e
    end: true
`},
			want: []string{"main.yaml:5:58: max: 1 is less than min 10"},
		},
		{
			name: "next on an end step",
			files: map[string]string{"main.yaml": `kapbot: 1
flow: main
steps:
  - id: a
    say: Hi.
  - id: e
    end: true
    next: a
`},
			want: []string{"main.yaml:8:5: next: an end step ends the conversation; remove next"},
		},
		{
			name: "logistics on a branch",
			files: map[string]string{"main.yaml": `kapbot: 1
flow: main
steps:
  - id: a
    branch: [{if: "true", goto: e}]
    logistics: reviewed
  - id: e
    end: true
`},
			want: []string{"main.yaml:6:5: logistics: a branch step has no texts of its own to review; put logistics: reviewed on the say, ask, refer or end step that gives the instructions"},
		},
		{
			name: "clinic without disclaimer",
			files: map[string]string{
				"clinic.yaml": strings.Split(testClinic, "disclaimer:")[0],
				"main.yaml":   "kapbot: 1\nflow: main\nsteps: [{id: a, end: true}]\n",
			},
			want: nil, // Compile loads it (a published bundle keeps running); Validate's lint refuses it, and so must the schema

		},
		{
			name: "unknown texts key",
			files: map[string]string{
				"clinic.yaml": strings.Replace(testClinic, "retention: 90d", "retention: 90d\ntexts:\n  helpp: x", 1),
				"main.yaml":   "kapbot: 1\nflow: main\nsteps: [{id: a, end: true}]\n",
			},
			want: []string{`clinic.yaml:8:3: texts: no catalogue text "helpp"; did you mean "help"?`},
		},
		{
			name: "missing-data rule, unknown items and flag kinds",
			files: map[string]string{
				"main.yaml": "kapbot: 1\nflow: main\nsteps: [{id: d, disclaimer: true}, {id: a, end: true}]\n",
				"q.yaml": `kapbot: 1
questionnaire: q
title: Q
items:
  - {id: a, type: yesno, text: "A", unknown: true}
  - {id: b, type: yesno, text: "B", unknown: true}
  - {id: c, type: text, text: "C", unknown: true}
missing:
  prorate: 2
scoring:
  flags:
    - {id: fa, when: a == true, kind: contra}
    - {id: fb, when: 'b == true || "b" in unknown', kind: caution, contraindication: true}
tests:
  - name: t
    answers: {a: false}
    expect: {missing: [b, z], valid: false}
`,
			},
			want: []string{
				`q.yaml:5:5: unknown: item a may be unknown, but scoring raises no flag when it is (and every other item has its lowest answer), so a clinician would never see it; raise a flag, e.g. when: '"a" in unknown'`,
				`q.yaml:7:45: unknown: a text item cannot be unknown; only yesno, choice, likert and number items can`,
				`q.yaml:9:12: prorate: 2 of the 2 scored items would leave nothing to prorate from; give at most 1`,
				`q.yaml:12:39: kind: unknown kind "contra" (kinds: contraindication, caution, note)`,
				`q.yaml:13:68: contraindication: give either kind: or the older contraindication: true, not both`,
				`q.yaml:17:23: missing: scoring gives [b, c], but test "t" expects [b]`,
				`q.yaml:17:27: missing: no item "z"; did you mean "a"?`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diffLines(t, problemsIn(t, tt.files), tt.want)
			checkSchemaAgrees(t, tt.name, tt.files)
		})
	}
}

// choiceList writes n choices as YAML flow mappings.
func choiceList(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("{value: v")
		b.WriteString(strings.Repeat("i", i%3))
		b.WriteString(string(rune('a' + i)))
		b.WriteString(", label: L}")
	}
	return b.String()
}

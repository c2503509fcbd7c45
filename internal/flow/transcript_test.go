package flow

import (
	"testing"
)

// transcriptFlow is the flow the transcript cases test.
const transcriptFlow = "kapbot: 1\nflow: main\nsteps:\n  - {id: d, disclaimer: true}\n  - {id: mood, ask: {type: text, text: Mood}}\n  - {id: e, end: true}\n"

// TestTranscriptProblems checks that transcript test files are validated as
// strictly as flows, every problem located, and that the JSON Schema agrees
// except where it cannot know the flows (schemaBlind: true).
func TestTranscriptProblems(t *testing.T) {
	tests := []struct {
		name        string
		doc         string
		want        []string
		schemaBlind bool
	}{
		{
			name: "valid",
			doc:  "kapbot: 1\ntranscripts: main\ntests:\n  - name: t\n    locale: en\n    turns:\n      - {say: hi, at: mood, wait: 1d}\n      - {press: ok, at: end, sent: [Bye]}\n    expect: {ended: true, referrals: [urgent], results: {phq9: {total: 1}}}\n",
		},
		{
			name: "misspelt keys",
			doc:  "kapbot: 1\ntranscripts: main\ntests:\n  - name: t\n    turns:\n      - {say: hi, sent: [x], att: mood}\n    expected: {ended: true}\n  - name: u\n    turns: [{say: hi}]\n    expect: {referal: [urgent]}\n",
			want: []string{
				`main.test.yaml:6:30: turn: unknown key "att"; did you mean "at"?`,
				`main.test.yaml:7:5: test "t": unknown key "expected"; did you mean "expect"?`,
				`main.test.yaml:10:14: expect: unknown key "referal"; did you mean "referrals"?`,
			},
		},
		{
			name:        "locale not served",
			doc:         "kapbot: 1\ntranscripts: main\ntests:\n  - name: t\n    locale: xx\n    turns: [{say: hi}]\n",
			want:        []string{`main.test.yaml:5:13: locale: clinic.yaml does not serve "xx" (locales: en)`},
			schemaBlind: true,
		},
		{
			name: "yaml syntax error",
			doc:  "kapbot: 1\ntranscripts: main\ntests:\n  - name: t\n    turns:\n      - {say: hi\n",
			want: []string{`main.test.yaml:6:7: YAML syntax error: did not find expected ',' or '}' (inside {...} or [...], put texts that contain ?, : or # in quotes)`},
		},
		{
			name: "values",
			doc:  "kapbot: 1\ntranscripts: main\ntests:\n  - name: t\n    turns:\n      - {say: hi, press: ok}\n      - {at: end}\n      - {say: hi, wait: 2 hours}\n    expect: {ended: yes, referrals: [asap]}\n",
			want: []string{
				`main.test.yaml:6:19: press: a turn is one input; put say: and press: in separate turns`,
				`main.test.yaml:7:9: turn: missing key "say" or "press" (what the patient types, or the value of the button they press)`,
				`main.test.yaml:8:25: wait: "2 hours" is not a duration; write a number with s, m, h or d (days), e.g. 90d, 36h, 30m`,
				`main.test.yaml:9:21: ended: expected true or false, got the text "yes"`,
				`main.test.yaml:9:38: referrals: "asap" is not a priority (priorities: routine, soon, urgent, emergency)`,
			},
		},
		{
			name:        "unknown flow and step",
			doc:         "kapbot: 1\ntranscripts: mian\ntests:\n  - name: t\n    turns: [{say: hi, at: mod}]\n",
			want:        []string{`main.test.yaml:2:14: transcripts: no flow "mian"; did you mean "main"? (flows: main)`},
			schemaBlind: true,
		},
		{
			name:        "unknown step",
			doc:         "kapbot: 1\ntranscripts: main\ntests:\n  - name: t\n    turns: [{say: hi, at: mod}]\n",
			want:        []string{`main.test.yaml:5:27: at: no step "mod" in any flow; did you mean "mood"? (places: a step id, step/item, or one of end, confirm, safety_check, paused, stopped, takeover)`},
			schemaBlind: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"main.yaml": transcriptFlow, "main.test.yaml": tt.doc}
			diffLines(t, problemsIn(t, files), tt.want)
			serr, ok := schemaVerdict(t, tt.doc)
			switch {
			case !ok:
			case len(tt.want) == 0 && serr != nil:
				t.Errorf("the schema rejects what the validator accepts: %v", serr)
			case len(tt.want) > 0 && !tt.schemaBlind && serr == nil:
				t.Errorf("the schema accepts what the validator rejects")
			case tt.schemaBlind && serr != nil:
				t.Errorf("schemaBlind, but the schema rejects it: %v", serr)
			}
		})
	}
}

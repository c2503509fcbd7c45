package engine_test

import (
	"reflect"
	"testing"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
)

// labelSources has one question of every type that has labels.
var labelSources = map[string][]byte{
	"clinic.yaml": sources["clinic.yaml"],
	"main.yaml": []byte(`kapbot: 1
flow: main
locale: en
title: {en: Main, de: Haupt}
steps:
  - id: scale
    ask:
      type: likert
      text: {en: "How are you?", de: "Wie geht es?"}
      min: 1
      max: 5
      low: {en: Very bad, de: Sehr schlecht}
      high: {en: Very good, de: Sehr gut}
  - id: mood
    ask:
      type: choice
      text: {en: "Mood?", de: "Stimmung?"}
      choices:
        - {value: great, label: {en: Très bien, de: Ausgezeichnet}}
        - {value: meh, label: {en: So-so, de: Mäßig}}
  - id: pets
    ask:
      type: multi
      text: {en: "Pets?", de: "Tiere?"}
      choices:
        - {value: cat, label: {en: Cat, de: Katze}}
        - {value: bird, label: {en: Bird, de: Vögel}}
  - id: ok
    ask:
      type: yesno
      text: {en: "OK?", de: "OK?"}
  - id: bye
    end: {en: "BYE", de: "TSCHUESS"}
`),
}

// TestAnswersByLabel checks that every question type with labels takes a typed
// label, whatever its case and accents, including a scale's end labels.
func TestAnswersByLabel(t *testing.T) {
	b, probs := flow.Compile(labelSources)
	if err := probs.Err(); err != nil {
		t.Fatal(err)
	}
	e, err := engine.New(b)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, step, typed string
		want              any
	}{
		{"scale high label", "scale", "Very good", 5.0},
		{"scale low label, any case", "scale", "  very BAD ", 1.0},
		{"scale label of another locale", "scale", "sehr gut", 5.0},
		{"scale full button label", "scale", "5 – Very good", 5.0},
		{"choice without accents", "mood", "tres bien", "great"},
		{"choice with accents, any case", "mood", "TRÈS BIEN", "great"},
		{"choice German umlaut dropped", "mood", "Maßig", "meh"},
		{"multi labels", "pets", "cat, vogel", []string{"cat", "bird"}},
		{"yesno label", "ok", "YES", true},
		{"yesno German label", "ok", "nein", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newConvo(t, e).start("")
			for _, id := range []string{"scale", "mood", "pets"} {
				if id == tt.step {
					break
				}
				c.say(map[string]string{"scale": "3", "mood": "1", "pets": "1"}[id])
				if id == "pets" {
					c.press("done")
				}
			}
			c.at(tt.step).say(tt.typed)
			if tt.step == "pets" && tt.want != nil {
				c.press("done")
			}
			got, ok := c.st.Vars["main"][tt.step]
			if tt.want == nil {
				if ok {
					t.Fatalf("%q answered %s with %v; want a re-prompt", tt.typed, tt.step, got)
				}
				return
			}
			if !reflect.DeepEqual(normaliseAnswer(got), tt.want) {
				t.Fatalf("%q answered %s with %#v, want %#v (at %s)", tt.typed, tt.step, got, tt.want, engine.Place(c.st))
			}
		})
	}
}

func normaliseAnswer(v any) any {
	if l, ok := v.([]any); ok {
		out := make([]string, len(l))
		for i, x := range l {
			out[i], _ = x.(string)
		}
		return out
	}
	return v
}

package flows_test

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/kapbot/kapbot/internal/enginetest"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/safety"
)

// flowAnswers returns every ordinary answer of the sample flows: each
// choice's label (every locale) and value, each number a number or likert
// question accepts, and every message typed or pressed in the transcript
// tests, but for answers to the direct question about suicide.
func flowAnswers(t *testing.T) []string {
	t.Helper()
	b := loadSample(t)
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" {
			seen[s] = true
		}
	}
	ask := func(a *flow.Ask) {
		if a == nil {
			return
		}
		for _, c := range a.Choices {
			add(c.Value)
			for _, l := range c.Label {
				add(l)
			}
		}
		if a.Min != nil && a.Max != nil && *a.Max-*a.Min <= 1000 {
			for v := *a.Min; v <= *a.Max; v++ {
				add(strconv.FormatFloat(v, 'f', -1, 64))
			}
		}
	}
	for _, f := range b.Flows {
		for _, s := range f.Steps {
			ask(s.Ask)
		}
	}
	for _, q := range b.Questionnaires {
		for _, it := range q.Items {
			ask(it.Ask)
		}
	}
	files, err := filepath.Glob("*.test.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no transcript tests: %v", err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var f enginetest.File
		if err := yaml.Unmarshal(data, &f); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, tt := range f.Tests {
			asked := false // the turn answers the direct question about suicide
			for _, tr := range tt.Turns {
				// An answer to the direct question is not an ordinary
				// answer: the question is asked already, and a risk the
				// model sees in the answer asks it again at most.
				if tr.Say != nil && !asked {
					add(*tr.Say)
				}
				asked = tr.At != nil && *tr.At == "safety_check"
				if tr.Press != nil {
					add(*tr.Press)
				}
			}
		}
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// TestModelQuietOnFlowAnswers checks that the safety model raises none of
// the sample flows' ordinary answers nor any message of their transcript
// tests: with and without the model, the detector finds the same, in
// English and in German. (A model tried earlier asked the suicide question
// on answers like "I hope to feel less stuck".)
func TestModelQuietOnFlowAnswers(t *testing.T) {
	d, err := safety.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	rules := d.WithoutModel()
	answers := flowAnswers(t)
	if len(answers) < 100 {
		t.Fatalf("only %d answers found", len(answers))
	}
	for _, s := range answers {
		for _, loc := range []string{"en", "de"} {
			got, want := d.CheckAll(s, loc), rules.CheckAll(s, loc)
			if len(got) != len(want) || len(got) > 0 && got[0] != want[0] {
				t.Errorf("the model raises %q (%s): %v, the rules alone %v", s, loc, got, want)
			}
		}
	}
	t.Logf("%d answers and transcript messages", len(answers))
}

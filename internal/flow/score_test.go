package flow

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestScore(t *testing.T) {
	q := loadValid(t).Questionnaires["mood"]
	tests := []struct {
		name    string
		answers map[string]any
		want    Result
	}{
		{
			// Missing answers are never 0: the total is invalid (no
			// band), and every asked item is listed as missing.
			name:    "nothing answered is invalid, not 0",
			answers: map[string]any{},
			want: Result{Total: 0, Band: "", Flags: []string{"outdoors"}, Values: map[string]any{"positive": false, "double": 0.0},
				Missing: []string{"sad", "worry", "hours", "comment"}, Invalid: true},
		},
		{
			name:    "weights, yes counts 1, unscored items ignored",
			answers: map[string]any{"sad": 1.0, "worry": 2.0, "harm": true, "hours": 3.0, "comment": "fine"},
			want:    Result{Total: 6, Band: "high", Flags: []string{"harm"}, Risk: true, Values: map[string]any{"positive": true, "double": 12.0}},
		},
		{
			name:    "no counts 0; ints and JSON lists are accepted",
			answers: map[string]any{"sad": 1, "worry": 0, "harm": false, "hours": 4},
			want: Result{Total: 1, Band: "low", Flags: []string{}, Values: map[string]any{"positive": false, "double": 2.0},
				Missing: []string{"comment"}},
		},
		{
			name:    "flags in definition order; a missing scored item makes the total invalid",
			answers: map[string]any{"sad": 2.0, "harm": true, "hours": 0.0},
			want: Result{Total: 0, Band: "", Flags: []string{"harm", "outdoors"}, Risk: true, Values: map[string]any{"positive": false, "double": 0.0},
				Missing: []string{"worry", "comment"}, Invalid: true},
		},
		{
			name:    "total outside every band",
			answers: map[string]any{"sad": 2.0, "worry": 2.0, "harm": true, "hours": 1.0},
			want: Result{Total: 7, Band: "high", Flags: []string{"harm"}, Risk: true, Values: map[string]any{"positive": true, "double": 14.0},
				Missing: []string{"comment"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := q.Score(tt.answers)
			if err != nil {
				t.Fatal(err)
			}
			tt.want.Questionnaire = "mood"
			tt.want.Items = tt.answers
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Score =\n%#v\nwant\n%#v", got, tt.want)
			}
			again, _ := q.Score(tt.answers)
			if !reflect.DeepEqual(got, again) {
				t.Error("Score is not deterministic")
			}
		})
	}
}

func TestScoreNoBand(t *testing.T) {
	b := mustCompile(t, map[string]string{
		"main.yaml": "kapbot: 1\nflow: main\nsteps: [{id: a, end: true}]\n",
		"q.yaml":    "kapbot: 1\nquestionnaire: q\ntitle: Q\nitems: [{id: a, type: number, text: A, weight: 0.5}]\nscoring:\n  bands: [{name: low, min: 0, max: 1}]\n",
	})
	q := b.Questionnaires["q"]
	res, err := q.Score(map[string]any{"a": 5.0})
	if err != nil || res.Total != 2.5 || res.Band != "" || res.Flags == nil || res.Values != nil {
		t.Errorf("Score = %+v, %v", res, err)
	}
}

func TestScoreErrors(t *testing.T) {
	q := loadValid(t).Questionnaires["mood"]
	_, err := q.Score(map[string]any{"sad": "secret answer"})
	if !errors.Is(err, ErrAnswer) {
		t.Fatalf("err = %v, want ErrAnswer", err)
	}
	if strings.Contains(err.Error(), "secret") {
		t.Errorf("error quotes the answer: %v", err)
	}
	if _, err := q.Asked(99, nil); !errors.Is(err, ErrNoItem) {
		t.Errorf("Asked(99) err = %v, want ErrNoItem", err)
	}

	// A run-time failure names the place, not the values.
	b := mustCompile(t, map[string]string{
		"main.yaml": "kapbot: 1\nflow: main\nsteps: [{id: a, end: true}]\n",
		"q.yaml":    "kapbot: 1\nquestionnaire: q\ntitle: Q\nitems: [{id: a, type: text, text: A}]\nscoring:\n  values: {n: 'int(a)'}\n",
	})
	_, err = b.Questionnaires["q"].Score(map[string]any{"a": "my secret"})
	var ee *EvalError
	if !errors.Is(err, ErrEval) || !errors.As(err, &ee) || ee.Where != "value n" {
		t.Fatalf("err = %v, want an EvalError at value n", err)
	}
	if strings.Contains(err.Error(), "secret") {
		t.Errorf("error quotes the answer: %v", err)
	}
	if ee.Err == nil {
		t.Error("the underlying error is not kept for the caller")
	}
}

func TestAsked(t *testing.T) {
	q := loadValid(t).Questionnaires["mood"]
	tests := []struct {
		item    int
		answers map[string]any
		want    bool
	}{
		{0, nil, true},                           // no condition
		{2, map[string]any{}, false},             // sad unanswered counts 0
		{2, map[string]any{"sad": 0.0}, false},   // sad > 0 fails
		{2, map[string]any{"sad": 1.0}, true},    // sad > 0 holds
		{2, map[string]any{"sad": 2}, true},      // ints are numbers too
		{4, map[string]any{"sad": 2.0}, true},    // no condition
		{3, map[string]any{"harm": true}, true},  // no condition
		{2, map[string]any{"sad": nil}, false},   // nil is unanswered
		{1, map[string]any{"worry": 1.0}, true},  // no condition
		{2, map[string]any{"worry": 2.0}, false}, // another item does not matter
	}
	for _, tt := range tests {
		got, err := q.Asked(tt.item, tt.answers)
		if err != nil || got != tt.want {
			t.Errorf("Asked(%d, %v) = %v, %v; want %v", tt.item, tt.answers, got, err, tt.want)
		}
	}
}

func TestResultValue(t *testing.T) {
	q := loadValid(t).Questionnaires["mood"]
	res, err := q.Score(map[string]any{"sad": 1.0, "worry": 0.0, "harm": true, "hours": 0.0})
	if err != nil {
		t.Fatal(err)
	}
	got := q.ResultValue(res)
	want := map[string]any{
		"total": 2.0, "band": "low", "flags": []string{"harm", "outdoors"}, "risk": true,
		"valid": true, "missing": []string{"comment"}, "unknown": []string{},
		"positive": false, "double": 4.0,
		"sad": 1.0, "worry": 0.0, "harm": true, "hours": 0.0, "comment": "",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ResultValue =\n%#v\nwant\n%#v", got, want)
	}
}

// A risk flag whose condition fails at run time is raised, never dropped,
// and the rest is scored; the error names the first failure.
func TestScoreFailingRiskFlagIsRaised(t *testing.T) {
	b := mustCompile(t, map[string]string{
		"main.yaml": "kapbot: 1\nflow: main\nsteps: [{id: a, end: true}]\n",
		"q.yaml": `kapbot: 1
questionnaire: q
title: Q
items: [{id: a, type: text, text: A}, {id: n, type: number, text: N}]
scoring:
  values: {v: 'int(a)'}
  flags:
    - {id: harm, when: 'int(a) > 0', risk: true}
    - {id: other, when: 'int(a) > 1'}
    - {id: big, when: n > 5}
`,
	})
	res, err := b.Questionnaires["q"].Score(map[string]any{"a": "words", "n": 9.0})
	var ee *EvalError
	if !errors.As(err, &ee) || ee.Where != "value v" {
		t.Fatalf("err = %v, want the EvalError of value v", err)
	}
	if !reflect.DeepEqual(res.Flags, []string{"harm", "big"}) || !res.Risk || res.Values["v"] != 0.0 || res.Total != 9 {
		t.Fatalf("result %+v", res)
	}
}

package safety

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestModelUpToDate fails when model.json is not what the trainer makes of
// the fitted sets: retrain with `go generate ./internal/safety`.
func TestModelUpToDate(t *testing.T) {
	set, err := TrainingSet("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range set {
		if s.Line == 0 {
			t.Fatal("a training message without a line")
		}
	}
	m, err := TrainModel(set, 0.03)
	if err != nil {
		t.Fatal(err)
	}
	got, err := MarshalModel(m)
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := os.ReadFile("model.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, shipped) {
		t.Fatalf("model.json is stale: run go generate ./internal/safety (trainer: %s)", m.Note)
	}
}

// TestModelOnlyRaises: with and without the model, every labelled message
// gets the same category, except none raised to possible by the model.
func TestModelOnlyRaises(t *testing.T) {
	d := newDetector(t, nil)
	rules := d.WithoutModel()
	set, err := TrainingSet("testdata")
	if err != nil {
		t.Fatal(err)
	}
	raised, wrong := 0, 0
	for _, s := range append(set, Labelled{Text: "idk why i am even still around honestly"}) {
		with, without := d.CheckAll(s.Text, "en"), rules.CheckAll(s.Text, "en")
		if len(without) == 0 && len(with) == 1 && with[0].Kind == KindPossible && strings.HasSuffix(with[0].Rule, "/possible/model") {
			raised++
			if s.Label != string(KindCrisis) && s.Label != string(KindPossible) {
				wrong++
			}
			continue
		}
		if len(with) != len(without) {
			t.Fatalf("%q: with the model %v, without %v", s.Text, with, without)
		}
		for i := range with {
			if with[i] != without[i] {
				t.Fatalf("%q: with the model %v, without %v", s.Text, with, without)
			}
		}
	}
	t.Logf("the model raised %d of %d messages, %d of them not labelled as a risk", raised, len(set)+1, wrong)
}

//go:build !race

package safety

import (
	"bytes"
	"testing"
)

// raceEnabled is set when the tests run under the race detector.
const raceEnabled = false

// TestModelUpToDate retrains the model on the files model.json lists and
// compares the result with the shipped files, so that the data and the
// model cannot drift apart. Training does the same arithmetic on every
// machine (no math.Exp, no fused multiply-add). It is left out under the
// race detector, which makes it slow.
func TestModelUpToDate(t *testing.T) {
	m, err := shipped()
	if err != nil {
		t.Fatal(err)
	}
	files := make([]string, len(m.Data))
	for i, f := range m.Data {
		files[i] = f.File
	}
	fresh, report, err := TrainFiles("testdata", files)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(report)
	js, gz, err := fresh.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := LoadModel(js, gz); err != nil {
		t.Fatalf("a fresh model does not load: %v", err)
	}
	if !bytes.Equal(js, modelJSON) {
		t.Errorf("model.json is not what training gives: retrain with go run ./internal/safety/train\nfresh:\n%s", js)
	}
}

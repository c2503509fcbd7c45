package flows_test

import (
	"testing"

	"github.com/kapbot/kapbot/internal/enginetest"
	"github.com/kapbot/kapbot/internal/flow"
)

// TestSampleFlows validates the clinic's flows and runs every transcript and
// questionnaire golden vector under flows/.
func TestSampleFlows(t *testing.T) {
	b, probs, err := flow.LoadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		t.Log(p.String())
	}
	if err := probs.Err(); err != nil {
		t.Fatalf("the sample flows do not validate")
	}
	res, err := enginetest.RunDir(b, ".")
	if err != nil {
		t.Fatal(err)
	}
	if len(res) == 0 {
		t.Fatal("no transcripts found")
	}
	for _, r := range res {
		if r.Err != nil {
			t.Errorf("%s: %s: %v", r.Pos, r.Name, r.Err)
		}
	}
	t.Log(enginetest.Summary(res))
}

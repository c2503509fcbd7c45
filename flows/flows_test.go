package flows_test

import (
	"testing"

	"github.com/kapbot/kapbot/internal/catalog"
	"github.com/kapbot/kapbot/internal/engine"
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

// TestBotComposesNothing runs every transcript under flows/ and checks that
// every text the bot sent (messages and button labels) is made of the
// clinic's texts, the system catalogue and the patient's own words only.
func TestBotComposesNothing(t *testing.T) {
	b, probs, err := flow.LoadDir(".")
	if err != nil || probs.Err() != nil {
		t.Fatalf("load: %v %v", err, probs.Err())
	}
	eng, err := engine.New(b)
	if err != nil {
		t.Fatal(err)
	}
	known := enginetest.KnownTexts(b, eng.Catalog())
	res, err := enginetest.RunDir(b, ".")
	if err != nil {
		t.Fatal(err)
	}
	messages := 0
	for _, r := range res {
		if r.Err != nil {
			t.Errorf("%s: %s: %v", r.Pos, r.Name, r.Err)
		}
		messages += len(r.Sent)
		for _, err := range known.CheckResult(r) {
			t.Errorf("%s: %s: %v", r.Pos, r.Name, err)
		}
	}
	if messages < 100 {
		t.Fatalf("only %d messages checked; the transcripts should exercise far more", messages)
	}
	t.Logf("%d messages of %d transcripts checked", messages, len(res))
}

// A questionnaire run alone never ends in silence: without a closing text of
// its own it closes with the catalogue's thanks.
func TestStandaloneQuestionnairesSayGoodbye(t *testing.T) {
	b, _, err := flow.LoadDir(".")
	if err != nil || b == nil {
		t.Fatal(err)
	}
	for id, q := range b.Questionnaires {
		done := b.Flows[id].Steps["done"]
		if len(q.Done) == 0 && done.Say.In("en") != (*catalog.Catalog)(nil).Text(catalog.QuestionnaireDone, "en") {
			t.Errorf("%s alone ends with %q", id, done.Say)
		}
	}
	if len(b.Questionnaires["phq2"].Done) != 0 {
		t.Fatal("phq2 has a done text now: pick another questionnaire for this test")
	}
}
